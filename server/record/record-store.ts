/** The only module that reads and writes record versions and the record's state. */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { attendance, meetings, recordVersions } from '../db/schema.ts';
import { uniqueViolation } from '../db/errors.ts';

export type RecordVersionRow = typeof recordVersions.$inferSelect;

export async function listVersions(db: Database, meetingId: string): Promise<Omit<RecordVersionRow, 'markdown'>[]> {
  return db
    .select({
      meetingId: recordVersions.meetingId,
      version: recordVersions.version,
      source: recordVersions.source,
      basedOn: recordVersions.basedOn,
      createdAt: recordVersions.createdAt,
      createdBy: recordVersions.createdBy,
    })
    .from(recordVersions)
    .where(eq(recordVersions.meetingId, meetingId))
    .orderBy(asc(recordVersions.version));
}

export async function findVersion(db: Database, meetingId: string, version?: number): Promise<RecordVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(recordVersions)
    .where(
      version === undefined
        ? eq(recordVersions.meetingId, meetingId)
        : and(eq(recordVersions.meetingId, meetingId), eq(recordVersions.version, version)),
    )
    .orderBy(desc(recordVersions.version))
    .limit(1);
  return row;
}

/** Adds the next version; two writers at once both succeed, one after the other. */
export async function addVersion(
  db: Database,
  meetingId: string,
  input: { source: 'generated' | 'edited'; markdown: string; basedOn: number | null; createdBy: string; createdAt?: Date },
): Promise<RecordVersionRow> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const latest = await findVersion(db, meetingId);
    try {
      const [row] = await db
        .insert(recordVersions)
        .values({ meetingId, version: (latest?.version ?? 0) + 1, ...input })
        .returning();
      return row!;
    } catch (error) {
      if (uniqueViolation(error) === undefined) throw error;
    }
  }
  throw new Error('could not add a record version');
}

/**
 * The instant a version's figures are counted to: when it was generated, or, for an edit,
 * when the generated version it was edited from was (following the edits back).
 */
export async function instantOf(db: Database, row: RecordVersionRow): Promise<number> {
  let current: RecordVersionRow | undefined = row;
  const seen = new Set<number>();
  while (current && current.source === 'edited' && current.basedOn !== null && !seen.has(current.version)) {
    seen.add(current.version);
    current = await findVersion(db, row.meetingId, current.basedOn);
  }
  return (current ?? row).createdAt.getTime();
}

/** Marks the record final (once); false when it was final already. */
export async function finalise(db: Database, meetingId: string, version: number, by: string): Promise<boolean> {
  const rows = await db
    .update(meetings)
    .set({ recordFinalisedAt: new Date(), recordFinalisedBy: by, recordFinalVersion: version })
    .where(and(eq(meetings.id, meetingId), isNull(meetings.recordFinalisedAt)))
    .returning({ id: meetings.id });
  return rows.length > 0;
}

export async function setSharing(db: Database, meetingId: string, sharing: 'none' | 'draft' | 'final'): Promise<void> {
  await db.update(meetings).set({ recordSharing: sharing }).where(eq(meetings.id, meetingId));
}

export async function listAttendance(db: Database, meetingId: string) {
  const rows = await db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).orderBy(asc(attendance.joinedAt));
  return rows.map((row) => ({ participantId: row.participantId, joinedAt: row.joinedAt.getTime(), leftAt: row.leftAt?.getTime() ?? null }));
}
