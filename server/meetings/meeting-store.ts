/** The only module that reads and writes meetings, rosters and agendas in the database. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { agendaItems, agendaProposals, meetings, rosterEntries, sessions, users } from '../db/schema.ts';
import { newId, newShortCode, newToken } from '../ids.ts';
import type { ParsedAgendaItem } from '../../shared/agenda-text.ts';
import type { ParsedProposal } from '../../shared/proposals-text.ts';
import { asksGroupAndRegion, type MeetingRole, type Region, type StakeholderGroup } from '../../shared/domain.ts';
import type { UnLanguage } from '../../shared/caption-channels.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type RosterRow = typeof rosterEntries.$inferSelect;
export type AgendaRow = typeof agendaItems.$inferSelect;
export type ProposalRow = typeof agendaProposals.$inferSelect;
export type AgendaItemRow = AgendaRow & { proposals: ProposalRow[] };

export interface NewMeeting {
  title: string;
  body: string;
  startsAt: Date;
  timeZone: string;
  plannedMinutes: number;
  createdBy: string | null;
}

export interface RosterEntryFields {
  name: string;
  affiliation: string;
  email: string;
  /** Null: not stated. Never kept for a role not asked for it (`asksGroupAndRegion`). */
  stakeholderGroup: StakeholderGroup | null;
  region: Region | null;
  role: MeetingRole;
  /** The heading the record lists them under; '' or left out: the heading of their role. */
  category?: string;
  /** An interpreter's language channel; never kept for another role. */
  channel?: UnLanguage | null;
}

/** The secretariat and captioners are not asked for a stakeholder group or region: theirs stays not stated. */
function asAsked<T extends Partial<RosterEntryFields>>(fields: T): T {
  const asked =
    fields.role !== undefined && !asksGroupAndRegion(fields.role) ? { ...fields, stakeholderGroup: null, region: null } : fields;
  return fields.role !== undefined && fields.role !== 'interpreter' ? { ...asked, channel: null } : asked;
}

export async function insertMeeting(db: Database, input: NewMeeting): Promise<MeetingRow> {
  return db.transaction(async (tx) => {
    const displayUserId = newId('u');
    await tx.insert(users).values({ id: displayUserId, kind: 'guest', name: 'Room display' });
    const [row] = await tx
      .insert(meetings)
      .values({ id: newId('m'), ...input, displayToken: newToken(), captionToken: newToken(), roomCode: newShortCode(), displayUserId })
      .returning();
    return row!;
  });
}

export async function findMeeting(db: Database, meetingId: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  return row;
}

export async function listMeetings(db: Database): Promise<MeetingRow[]> {
  return db.select().from(meetings).orderBy(asc(meetings.startsAt));
}

/** Meetings in which a staff account holds a roster entry. */
export async function listMeetingsOfUser(db: Database, userId: string): Promise<MeetingRow[]> {
  const rows = await db
    .select({ meeting: meetings })
    .from(meetings)
    .innerJoin(rosterEntries, eq(rosterEntries.meetingId, meetings.id))
    .where(eq(rosterEntries.userId, userId))
    .orderBy(asc(meetings.startsAt));
  return rows.map((row) => row.meeting);
}

export async function updateMeeting(
  db: Database,
  meetingId: string,
  patch: Partial<Pick<MeetingRow, 'title' | 'body' | 'startsAt' | 'timeZone' | 'plannedMinutes'>>,
): Promise<MeetingRow | undefined> {
  if (Object.keys(patch).length === 0) return findMeeting(db, meetingId);
  const [row] = await db.update(meetings).set(patch).where(eq(meetings.id, meetingId)).returning();
  return row;
}

export async function setObserverToken(db: Database, meetingId: string, enabled: boolean): Promise<MeetingRow | undefined> {
  const [row] = await db
    .update(meetings)
    .set({ observerToken: enabled ? newToken() : null })
    .where(eq(meetings.id, meetingId))
    .returning();
  return row;
}

/** A new room-display link: the old one stops at once, and the display sessions opened with it end; returns their ids. */
export async function rotateDisplayToken(db: Database, meetingId: string): Promise<string[] | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(meetings).set({ displayToken: newToken() }).where(eq(meetings.id, meetingId)).returning();
    if (!row) return undefined;
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, row.displayUserId), eq(sessions.meetingId, meetingId)))
      .returning({ id: sessions.id });
    return ended.map((session) => session.id);
  });
}

export async function findMeetingByDisplayToken(db: Database, token: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.displayToken, token));
  return row;
}

export async function findMeetingByObserverToken(db: Database, token: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.observerToken, token));
  return row;
}

export async function listRoster(db: Database, meetingId: string): Promise<RosterRow[]> {
  return db
    .select()
    .from(rosterEntries)
    .where(eq(rosterEntries.meetingId, meetingId))
    .orderBy(asc(rosterEntries.createdAt), asc(rosterEntries.id));
}

export async function findRosterEntry(db: Database, meetingId: string, entryId: string): Promise<RosterRow | undefined> {
  const [row] = await db
    .select()
    .from(rosterEntries)
    .where(and(eq(rosterEntries.meetingId, meetingId), eq(rosterEntries.id, entryId)));
  return row;
}

export async function findRosterEntryByUser(db: Database, meetingId: string, userId: string): Promise<RosterRow | undefined> {
  const [row] = await db
    .select()
    .from(rosterEntries)
    .where(and(eq(rosterEntries.meetingId, meetingId), eq(rosterEntries.userId, userId)));
  return row;
}

export async function findRosterEntryByJoinToken(db: Database, token: string): Promise<RosterRow | undefined> {
  const [row] = await db.select().from(rosterEntries).where(eq(rosterEntries.joinToken, token));
  return row;
}

/**
 * Adds entries in one transaction: all or none. An entry whose email belongs to a staff
 * account is linked to that account; every other entry gets its own guest user.
 */
export async function insertRosterEntries(
  db: Database,
  meetingId: string,
  entries: RosterEntryFields[],
  options: { selfRegistered?: boolean } = {},
): Promise<RosterRow[]> {
  if (entries.length === 0) return [];
  return db.transaction(async (tx) => {
    const emails = [...new Set(entries.map((entry) => entry.email).filter(Boolean))];
    const staff = emails.length
      ? await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(and(eq(users.kind, 'staff'), inArray(users.email, emails)))
      : [];
    const staffByEmail = new Map(staff.map((row) => [row.email, row.id]));
    const existing = await tx
      .select({ userId: rosterEntries.userId, personalCode: rosterEntries.personalCode })
      .from(rosterEntries)
      .where(eq(rosterEntries.meetingId, meetingId));
    const taken = new Set(existing.map((row) => row.userId));
    const codes = new Set(existing.map((row) => row.personalCode));
    const guests: (typeof users.$inferInsert)[] = [];
    const rows: (typeof rosterEntries.$inferInsert)[] = [];
    const now = Date.now();
    entries.forEach((entry, index) => {
      let userId = staffByEmail.get(entry.email);
      if (userId === undefined || taken.has(userId)) {
        userId = newId('u');
        guests.push({ id: userId, kind: 'guest', name: entry.name });
      }
      taken.add(userId);
      rows.push({
        id: newId('r'),
        meetingId,
        userId,
        ...asAsked(entry),
        joinToken: newToken(),
        personalCode: uniqueCode(codes),
        selfRegistered: options.selfRegistered ?? false,
        // Keeps the order of an imported file.
        createdAt: new Date(now + index),
      });
    });
    if (guests.length) await tx.insert(users).values(guests);
    return tx.insert(rosterEntries).values(rows).returning();
  });
}

export async function updateRosterEntry(
  db: Database,
  meetingId: string,
  entryId: string,
  patch: Partial<RosterEntryFields>,
): Promise<RosterRow | undefined> {
  return db.transaction(async (tx) => {
    let [row] = await tx
      .update(rosterEntries)
      .set(asAsked(patch))
      .where(and(eq(rosterEntries.meetingId, meetingId), eq(rosterEntries.id, entryId)))
      .returning();
    if (row && !asksGroupAndRegion(row.role as MeetingRole) && (row.stakeholderGroup !== null || row.region !== null)) {
      [row] = await tx.update(rosterEntries).set({ stakeholderGroup: null, region: null }).where(eq(rosterEntries.id, row.id)).returning();
    }
    if (row && row.role !== 'interpreter' && row.channel !== null) {
      [row] = await tx.update(rosterEntries).set({ channel: null }).where(eq(rosterEntries.id, row.id)).returning();
    }
    if (row && patch.name !== undefined) {
      await tx
        .update(users)
        .set({ name: patch.name })
        .where(and(eq(users.id, row.userId), eq(users.kind, 'guest')));
    }
    return row;
  });
}

/** Removes an entry with its guest user and that person's sessions in this meeting; returns the ended session ids. */
export async function deleteRosterEntry(db: Database, meetingId: string, entryId: string): Promise<string[] | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(rosterEntries)
      .where(and(eq(rosterEntries.meetingId, meetingId), eq(rosterEntries.id, entryId)))
      .returning();
    if (!row) return undefined;
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, row.userId), eq(sessions.meetingId, meetingId)))
      .returning({ id: sessions.id });
    await tx.delete(users).where(and(eq(users.id, row.userId), eq(users.kind, 'guest')));
    return ended.map((session) => session.id);
  });
}

/**
 * Replaces an entry's join link (or removes it, `reissue` false) and ends the sessions
 * opened with the old one; returns the ended session ids.
 */
export async function replaceJoinToken(
  db: Database,
  meetingId: string,
  entryId: string,
  reissue: boolean,
): Promise<{ row: RosterRow; endedSessionIds: string[] } | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(rosterEntries)
      .set(reissue ? { joinToken: newToken(), personalCode: await freeCode(tx, meetingId) } : { joinToken: null, personalCode: null })
      .where(and(eq(rosterEntries.meetingId, meetingId), eq(rosterEntries.id, entryId)))
      .returning();
    if (!row) return undefined;
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, row.userId), eq(sessions.meetingId, meetingId)))
      .returning({ id: sessions.id });
    return { row, endedSessionIds: ended.map((session) => session.id) };
  });
}

/**
 * Revokes the links of the observers who came through the public observer link (it was
 * switched off) and ends their sessions; their roster entries stay for the record.
 */
export async function revokeSelfRegisteredObservers(
  db: Database,
  meetingId: string,
): Promise<{ userIds: string[]; endedSessionIds: string[] }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(rosterEntries)
      .set({ joinToken: null, personalCode: null })
      .where(and(eq(rosterEntries.meetingId, meetingId), eq(rosterEntries.selfRegistered, true), eq(rosterEntries.role, 'observer')))
      .returning({ userId: rosterEntries.userId });
    const userIds = rows.map((row) => row.userId);
    if (userIds.length === 0) return { userIds, endedSessionIds: [] };
    const ended = await tx
      .delete(sessions)
      .where(and(inArray(sessions.userId, userIds), eq(sessions.meetingId, meetingId)))
      .returning({ id: sessions.id });
    return { userIds, endedSessionIds: ended.map((session) => session.id) };
  });
}

/** The roster entry behind a room link and a personal code, while both are valid. */
export async function findRosterEntryByRoomCode(db: Database, roomCode: string, personalCode: string): Promise<RosterRow | undefined> {
  const [row] = await db
    .select({ entry: rosterEntries })
    .from(rosterEntries)
    .innerJoin(meetings, eq(meetings.id, rosterEntries.meetingId))
    .where(and(eq(meetings.roomCode, roomCode), eq(rosterEntries.personalCode, personalCode)));
  return row?.entry;
}

export async function findMeetingByRoomCode(db: Database, roomCode: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.roomCode, roomCode));
  return row;
}

/** A personal code not yet used in the meeting. */
function uniqueCode(taken: Set<string | null>): string {
  let code = newShortCode();
  while (taken.has(code)) code = newShortCode();
  taken.add(code);
  return code;
}

async function freeCode(db: Database, meetingId: string): Promise<string> {
  const rows = await db.select({ code: rosterEntries.personalCode }).from(rosterEntries).where(eq(rosterEntries.meetingId, meetingId));
  return uniqueCode(new Set(rows.map((row) => row.code)));
}

/** The agenda in order, each item with the proposals prepared for it. */
export async function listAgenda(db: Database, meetingId: string): Promise<AgendaItemRow[]> {
  const [items, proposals] = await Promise.all([
    db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)),
    listProposals(db, meetingId),
  ]);
  return items.map((item) => ({ ...item, proposals: proposals.filter((proposal) => proposal.itemId === item.id) }));
}

/**
 * Replaces the whole agenda in one transaction. The proposals prepared for an item stay with the
 * new item of the same title, or else of the same number.
 */
export async function replaceAgenda(db: Database, meetingId: string, items: ParsedAgendaItem[]): Promise<AgendaRow[]> {
  return db.transaction(async (tx) => {
    const before = await tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
    const prepared = before.length
      ? await tx
          .select()
          .from(agendaProposals)
          .where(
            inArray(
              agendaProposals.itemId,
              before.map((item) => item.id),
            ),
          )
      : [];
    await tx.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId));
    if (items.length === 0) return [];
    const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
    // An item approving an earlier meeting's record keeps pointing at it under the same title.
    const approves = (title: string) =>
      before.find((old) => old.approvesMeetingId && sameTitle(old.title, title))?.approvesMeetingId ?? null;
    const rows = await tx
      .insert(agendaItems)
      .values(items.map((item, position) => ({ id: newId('a'), meetingId, position, ...item, approvesMeetingId: approves(item.title) })))
      .returning();
    if (prepared.length === 0) return rows;
    const claimed = new Set<string>();
    const values = before
      .sort((a, b) => a.position - b.position)
      .flatMap((old) => {
        const next =
          rows.find((row) => sameTitle(row.title, old.title)) ?? rows.find((row) => row.number.toLowerCase() === old.number.toLowerCase());
        // Two old items landing on one new item: the first one's proposals stay.
        if (!next || claimed.has(next.id)) return [];
        claimed.add(next.id);
        return prepared.filter((proposal) => proposal.itemId === old.id).map((proposal) => ({ ...proposal, itemId: next.id }));
      });
    if (values.length) await tx.insert(agendaProposals).values(values);
    return rows;
  });
}

/** The proposals prepared for the meeting's items, in order. */
export async function listProposals(db: Database, meetingId: string): Promise<ProposalRow[]> {
  const rows = await db
    .select({ proposal: agendaProposals })
    .from(agendaProposals)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaProposals.itemId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaProposals.position));
  return rows.map((row) => row.proposal);
}

/** Replaces the proposals prepared for one item of the meeting; undefined when the meeting has no such item. */
export async function replaceProposals(
  db: Database,
  meetingId: string,
  itemId: string,
  proposals: ParsedProposal[],
): Promise<ProposalRow[] | undefined> {
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.id, itemId)));
    if (!item) return undefined;
    await tx.delete(agendaProposals).where(eq(agendaProposals.itemId, itemId));
    if (proposals.length === 0) return [];
    return tx
      .insert(agendaProposals)
      .values(proposals.map((proposal, position) => ({ id: newId('pr'), itemId, position, ...proposal })))
      .returning();
  });
}
