/**
 * A meeting as one file: its set-up, roster, full event log, captions and attendance, to
 * move it to another EqualFloor (the record built there is the same); and its deletion
 * with all personal data. Secrets (links, codes, tokens) are not exported: the importing
 * instance issues its own.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import {
  agendaItems,
  agendaProposals,
  attendance,
  captionSegments,
  meetingEvents,
  meetings,
  recordVersions,
  rosterEntries,
  sessions,
  users,
} from '../db/schema.ts';
import { newId, newShortCode, newToken } from '../ids.ts';
import { listAgenda } from './meeting-store.ts';
import { MEETING_FILE_FORMAT, type MeetingFile } from '../../shared/meeting-file.ts';

export async function exportMeeting(db: Database, meetingId: string): Promise<MeetingFile | undefined> {
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) return undefined;
  const [agenda, roster, events, captions, present] = await Promise.all([
    listAgenda(db, meetingId),
    db.select().from(rosterEntries).where(eq(rosterEntries.meetingId, meetingId)).orderBy(rosterEntries.createdAt, rosterEntries.id),
    db.select().from(meetingEvents).where(eq(meetingEvents.meetingId, meetingId)).orderBy(meetingEvents.seq),
    db.select().from(captionSegments).where(eq(captionSegments.meetingId, meetingId)).orderBy(captionSegments.seq),
    db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).orderBy(attendance.joinedAt),
  ]);
  return {
    format: MEETING_FILE_FORMAT,
    formatVersion: 1,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      body: meeting.body,
      startsAt: meeting.startsAt.getTime(),
      timeZone: meeting.timeZone,
      plannedMinutes: meeting.plannedMinutes,
      captionLanguages: meeting.captionLanguages,
    },
    agenda: agenda.map(({ id, position, number, depth, title, minutes, proposals }) => ({
      id,
      position,
      number,
      depth: depth === 1 ? 1 : 0,
      title,
      minutes,
      proposals: proposals.map((proposal) => ({
        id: proposal.id,
        title: proposal.title,
        proposers: proposal.proposers,
        text: proposal.text,
      })),
    })),
    roster: roster.map(({ id, name, affiliation, email, stakeholderGroup, region, role, category }) => ({
      id,
      name,
      affiliation,
      email,
      stakeholderGroup: stakeholderGroup as MeetingFile['roster'][number]['stakeholderGroup'],
      region: region as MeetingFile['roster'][number]['region'],
      role: role as MeetingFile['roster'][number]['role'],
      category,
    })),
    events: events.map(({ seq, type, at, actorParticipantId, actorName, body }) => ({
      seq,
      type,
      at,
      actorParticipantId,
      actorName,
      body: body as Record<string, unknown>,
    })),
    captions: captions.map(({ meetingId: _meetingId, ...segment }) => segment),
    attendance: present.map((row) => ({
      participantId: row.participantId,
      joinedAt: row.joinedAt.getTime(),
      leftAt: row.leftAt?.getTime() ?? null,
    })),
  };
}

export class MeetingExistsError extends Error {
  constructor() {
    super('This meeting is already here: delete it first to import it again.');
  }
}

/** Imports a meeting file in one transaction; the meeting keeps its ids, and gets new links. */
export async function importMeeting(db: Database, file: MeetingFile, createdBy: string): Promise<string> {
  const seqs = file.events.map((event) => event.seq);
  if (seqs.some((seq, index) => seq !== index + 1)) throw new Error('the event log must run from 1 without gaps');
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, file.meeting.id));
    if (existing) throw new MeetingExistsError();
    const displayUserId = newId('u');
    await tx.insert(users).values({ id: displayUserId, kind: 'guest', name: 'Room display' });
    await tx.insert(meetings).values({
      ...file.meeting,
      startsAt: new Date(file.meeting.startsAt),
      createdBy,
      displayToken: newToken(),
      captionToken: newToken(),
      roomCode: newShortCode(),
      displayUserId,
    });
    if (file.agenda.length) {
      await tx
        .insert(agendaItems)
        .values(file.agenda.map(({ proposals: _proposals, ...item }) => ({ ...item, meetingId: file.meeting.id })));
      const proposals = file.agenda.flatMap((item) =>
        item.proposals.map((proposal, position) => ({ ...proposal, itemId: item.id, position })),
      );
      if (proposals.length) await tx.insert(agendaProposals).values(proposals);
    }
    const codes = new Set<string>();
    const now = Date.now();
    for (const [index, entry] of file.roster.entries()) {
      const userId = newId('u');
      await tx.insert(users).values({ id: userId, kind: 'guest', name: entry.name });
      let code = newShortCode();
      while (codes.has(code)) code = newShortCode();
      codes.add(code);
      // Keeps the file's roster order (the set-up page and the next export list by creation).
      const createdAt = new Date(now + index);
      await tx
        .insert(rosterEntries)
        .values({ ...entry, meetingId: file.meeting.id, userId, joinToken: newToken(), personalCode: code, createdAt });
    }
    for (let start = 0; start < file.events.length; start += 500) {
      await tx
        .insert(meetingEvents)
        .values(
          file.events
            .slice(start, start + 500)
            .map((event) => ({ ...event, meetingId: file.meeting.id, actorUserId: null, commandId: null })),
        );
    }
    if (file.captions.length) {
      for (let start = 0; start < file.captions.length; start += 500) {
        await tx
          .insert(captionSegments)
          .values(file.captions.slice(start, start + 500).map((segment) => ({ ...segment, meetingId: file.meeting.id })));
      }
    }
    if (file.attendance.length) {
      await tx.insert(attendance).values(
        file.attendance.map((row) => ({
          id: newId('att'),
          meetingId: file.meeting.id,
          participantId: row.participantId,
          joinedAt: new Date(row.joinedAt),
          leftAt: row.leftAt === null ? null : new Date(row.leftAt),
        })),
      );
    }
    return file.meeting.id;
  });
}

/**
 * Deletes a meeting and every piece of personal data it holds: roster, event log, chat,
 * captions, attendance, record versions, and the guest accounts and sessions of its links.
 * Returns the ended session ids.
 */
export async function deleteMeeting(db: Database, meetingId: string): Promise<string[] | undefined> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
    if (!meeting) return undefined;
    const roster = await tx.select({ userId: rosterEntries.userId }).from(rosterEntries).where(eq(rosterEntries.meetingId, meetingId));
    const ended = await tx.delete(sessions).where(eq(sessions.meetingId, meetingId)).returning({ id: sessions.id });
    // Child rows go with the meeting (on delete cascade); listed here for whoever reads this.
    await tx.delete(recordVersions).where(eq(recordVersions.meetingId, meetingId));
    await tx.delete(meetings).where(eq(meetings.id, meetingId));
    const guestIds = [meeting.displayUserId, ...roster.map((row) => row.userId)];
    await tx.delete(users).where(and(inArray(users.id, guestIds), eq(users.kind, 'guest')));
    return ended.map((row) => row.id);
  });
}
