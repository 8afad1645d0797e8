/**
 * The only module that reads and writes the record's circulation for corrections, the
 * corrections people proposed, and where the record was approved.
 */
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { agendaItems, meetings, recordCirculations, recordCorrections } from '../db/schema.ts';
import { newId } from '../ids.ts';

export type CirculationRow = typeof recordCirculations.$inferSelect;
export type CorrectionRow = typeof recordCorrections.$inferSelect;

export async function findCirculation(db: Database, meetingId: string): Promise<CirculationRow | undefined> {
  const [row] = await db.select().from(recordCirculations).where(eq(recordCirculations.meetingId, meetingId));
  return row;
}

/** Circulates a version until a date; a new circulation replaces the last one (its corrections stay). */
export async function circulate(
  db: Database,
  meetingId: string,
  input: { version: number; until: Date; by: string },
): Promise<CirculationRow> {
  const values = { meetingId, version: input.version, until: input.until, circulatedBy: input.by, circulatedAt: new Date() };
  const [row] = await db
    .insert(recordCirculations)
    .values(values)
    .onConflictDoUpdate({ target: recordCirculations.meetingId, set: values })
    .returning();
  return row!;
}

export async function listCorrections(db: Database, meetingId: string, participantId?: string): Promise<CorrectionRow[]> {
  return db
    .select()
    .from(recordCorrections)
    .where(
      participantId === undefined
        ? eq(recordCorrections.meetingId, meetingId)
        : and(eq(recordCorrections.meetingId, meetingId), eq(recordCorrections.participantId, participantId)),
    )
    .orderBy(asc(recordCorrections.paragraph), asc(recordCorrections.createdAt));
}

export async function findCorrection(db: Database, meetingId: string, id: string): Promise<CorrectionRow | undefined> {
  const [row] = await db
    .select()
    .from(recordCorrections)
    .where(and(eq(recordCorrections.meetingId, meetingId), eq(recordCorrections.id, id)));
  return row;
}

/** How many corrections someone has that are not withdrawn. */
export async function countOpenCorrections(db: Database, meetingId: string, participantId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(recordCorrections)
    .where(
      and(
        eq(recordCorrections.meetingId, meetingId),
        eq(recordCorrections.participantId, participantId),
        ne(recordCorrections.status, 'withdrawn'),
      ),
    );
  return Number(row?.count ?? 0);
}

export async function addCorrection(
  db: Database,
  meetingId: string,
  input: { version: number; paragraph: number; original: string; text: string; note: string; participantId: string; name: string },
): Promise<CorrectionRow> {
  const [row] = await db
    .insert(recordCorrections)
    .values({ id: newId('c'), meetingId, ...input })
    .returning();
  return row!;
}

/** Moves a correction on from `proposed` (once: false when it was no longer proposed). */
export async function decide(
  db: Database,
  meetingId: string,
  id: string,
  change:
    | { status: 'withdrawn' }
    | { status: 'accepted'; by: string; appliedVersion: number }
    | { status: 'declined'; by: string; reason: string },
): Promise<boolean> {
  const set =
    change.status === 'withdrawn'
      ? { status: change.status }
      : {
          status: change.status,
          decidedBy: change.by,
          decidedAt: new Date(),
          ...(change.status === 'accepted' ? { appliedVersion: change.appliedVersion } : { reason: change.reason }),
        };
  const rows = await db
    .update(recordCorrections)
    .set(set)
    .where(and(eq(recordCorrections.meetingId, meetingId), eq(recordCorrections.id, id), eq(recordCorrections.status, 'proposed')))
    .returning({ id: recordCorrections.id });
  return rows.length > 0;
}

/** Notes that the (just finalised) record was approved at a later meeting, on one of its items. */
export async function markApprovedAt(db: Database, meetingId: string, at: { meetingId: string; itemId: string }): Promise<void> {
  await db
    .update(meetings)
    .set({ recordApprovedInMeetingId: at.meetingId, recordApprovedItemId: at.itemId })
    .where(eq(meetings.id, meetingId));
}

/** The items of a meeting that approve an earlier meeting's record, with that meeting. */
export async function listApprovalItems(db: Database, meetingId: string) {
  return db
    .select({
      itemId: agendaItems.id,
      itemNumber: agendaItems.number,
      meetingId: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      finalisedAt: meetings.recordFinalisedAt,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.approvesMeetingId))
    .where(and(eq(agendaItems.meetingId, meetingId), isNotNull(agendaItems.approvesMeetingId)))
    .orderBy(asc(agendaItems.position));
}

/** Points an agenda item at the earlier meeting whose record it approves (null: at none); false when there is no such item. */
export async function setItemApproves(db: Database, meetingId: string, itemId: string, approves: string | null): Promise<boolean> {
  const rows = await db
    .update(agendaItems)
    .set({ approvesMeetingId: approves })
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.id, itemId)))
    .returning({ id: agendaItems.id });
  return rows.length > 0;
}
