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
    if (constraint === 'meeting_events_sender_command_unique' && meta.commandId && meta.actorUserId) {
      const seq = await findCommandSeq(db, meetingId, meta.actorUserId, meta.commandId);
      if (seq !== undefined) throw new CommandAlreadyApplied(seq);
    }
    if (constraint !== undefined) throw new SeqTaken();
    throw error;
  }
}

/**
 * Appends several commands' events in one transaction (each command's first event carries its
 * id); all or none are stored. Any clash (a seq taken, a command stored already) is SeqTaken:
 * the caller stores the commands one by one instead, which tells the two apart.
 */
export async function appendStored(db: Database, meetingId: string, stored: readonly StoredEvent[]): Promise<void> {
  if (stored.length === 0) return;
  try {
    await db.insert(meetingEvents).values(
      stored.map(({ event, commandId, actorUserId }) => {
        const { seq, at, actor, type, ...rest } = event;
        return {
          meetingId,
          seq,
          type,
          at,
          actorParticipantId: actor.participantId,
          actorName: actor.name,
          actorUserId,
          commandId,
          body: rest,
        };
      }),
    );
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new SeqTaken();
    throw error;
  }
}

/**
 * The seq a sender's command was answered with when it was stored: that of its last event
 * (its events are stored together, the first carrying the command id), or undefined when
 * this sender never sent it. Command ids are the sender's own: another sender's same id is another command.
 */
export async function findCommandSeq(db: Database, meetingId: string, actorUserId: string, commandId: string): Promise<number | undefined> {
  const [first] = await db
    .select({ seq: meetingEvents.seq, at: meetingEvents.at })
    .from(meetingEvents)
    .where(and(eq(meetingEvents.meetingId, meetingId), eq(meetingEvents.actorUserId, actorUserId), eq(meetingEvents.commandId, commandId)));
  if (!first) return undefined;
  // Events of the same command follow it without a command id of their own, at the same time, by the same sender.
  const following = await db
    .select({ seq: meetingEvents.seq, at: meetingEvents.at, commandId: meetingEvents.commandId, actorUserId: meetingEvents.actorUserId })
    .from(meetingEvents)
    .where(and(eq(meetingEvents.meetingId, meetingId), gt(meetingEvents.seq, first.seq)))
    .orderBy(asc(meetingEvents.seq))
    .limit(MAX_EVENTS_PER_COMMAND);
  let last = first.seq;
  for (const row of following) {
    if (row.seq !== last + 1 || row.commandId !== null || row.actorUserId !== actorUserId || row.at !== first.at) break;
    last = row.seq;
  }
  return last;
}

/** More events than any one command produces: the look-ahead when finding where a command's events end. */
const MAX_EVENTS_PER_COMMAND = 20;

export interface StoredEvent {
  event: MeetingEvent;
  commandId: string | null;
  /** The sender's account; command ids are unique per sender. */
  actorUserId: string | null;
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
    actorUserId: row.actorUserId,
  }));
}
