/** The only module that reads and writes the meeting event log. */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { meetingEvents } from '../db/schema.ts';
import { uniqueViolation } from '../db/errors.ts';
import type { MeetingEvent, MeetingEventBody } from '../../shared/meeting/types.ts';

/** Another writer stored an event with the seq this one wanted: decide again on the newer state. */
export class SeqTaken extends Error {
  constructor() {
    super('another change was stored first');
  }
}

/** The command was stored before (a retry after a lost acknowledgement). */
export class CommandAlreadyApplied extends Error {
  constructor(readonly seq: number) {
    super('command already applied');
  }
}

/** Appends one command's events in one transaction; all or none are stored. */
export async function appendEvents(
  db: Database,
  meetingId: string,
  events: readonly MeetingEvent[],
  meta: { commandId: string | null; actorUserId: string | null },
): Promise<void> {
  if (events.length === 0) return;
  try {
    await db.insert(meetingEvents).values(
      events.map((event, index) => {
        const { seq, at, actor, type, ...rest } = event;
        return {
          meetingId,
          seq,
          type,
          at,
          actorParticipantId: actor.participantId,
          actorName: actor.name,
          actorUserId: meta.actorUserId,
          commandId: index === 0 ? meta.commandId : null,
          body: rest,
        };
      }),
    );
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === 'meeting_events_command_unique' && meta.commandId) {
      const seq = await findCommandSeq(db, meetingId, meta.commandId);
      if (seq !== undefined) throw new CommandAlreadyApplied(seq);
    }
    if (constraint !== undefined) throw new SeqTaken();
    throw error;
  }
}

export async function findCommandSeq(db: Database, meetingId: string, commandId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ seq: meetingEvents.seq })
    .from(meetingEvents)
    .where(and(eq(meetingEvents.meetingId, meetingId), eq(meetingEvents.commandId, commandId)));
  return row?.seq;
}

export interface StoredEvent {
  event: MeetingEvent;
  commandId: string | null;
}

/** The events after `afterSeq`, in order. */
export async function loadEvents(db: Database, meetingId: string, afterSeq = 0): Promise<StoredEvent[]> {
  const rows = await db
    .select()
    .from(meetingEvents)
    .where(and(eq(meetingEvents.meetingId, meetingId), gt(meetingEvents.seq, afterSeq)))
    .orderBy(asc(meetingEvents.seq));
  return rows.map((row) => ({
    event: {
      ...(row.body as Omit<MeetingEventBody, 'type'>),
      type: row.type,
      seq: row.seq,
      at: row.at,
      actor: { participantId: row.actorParticipantId, name: row.actorName },
    } as MeetingEvent,
    commandId: row.commandId,
  }));
}
