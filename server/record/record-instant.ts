/**
 * The meeting as it stood at one instant, for a record made then: its state from the log's
 * events up to that instant (a later event, and all after it, left out), so that a version
 * exported later prints the figures it was generated with, in every format.
 */
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { meetingEvents } from '../db/schema.ts';
import { loadEvents } from '../live/event-store.ts';
import { storedEventProblem } from '../live/stored-events.ts';
import { applyEvent, initialMeetingState } from '../../shared/meeting/reducer.ts';
import type { MeetingState } from '../../shared/meeting/types.ts';

/** The seq of the first event stored after `asOf`, if any. */
async function firstEventAfter(db: Database, meetingId: string, asOf: number): Promise<number | undefined> {
  const [row] = await db
    .select({ seq: meetingEvents.seq })
    .from(meetingEvents)
    .where(and(eq(meetingEvents.meetingId, meetingId), gt(meetingEvents.at, asOf)))
    .orderBy(asc(meetingEvents.seq))
    .limit(1);
  return row?.seq;
}

/**
 * The state as of `asOf`: `current` itself when nothing happened since, else the log replayed
 * up to the first event after `asOf`. Events that can no longer apply are skipped, as when a
 * meeting loads (server/live/meeting-room.ts).
 */
export async function stateAsOf(
  db: Database,
  current: MeetingState,
  meeting: { id: string; plannedStart: number; plannedMinutes: number },
  asOf: number,
): Promise<MeetingState> {
  const cutoff = await firstEventAfter(db, meeting.id, asOf);
  if (cutoff === undefined || cutoff > current.seq) return current;
  let state = initialMeetingState(meeting.id, meeting.plannedStart, meeting.plannedMinutes);
  for (const { event } of await loadEvents(db, meeting.id)) {
    if (event.seq >= cutoff) break;
    if (storedEventProblem(state, event) !== undefined) {
      state = { ...state, seq: event.seq };
      continue;
    }
    try {
      state = applyEvent(state, event);
    } catch {
      state = { ...state, seq: event.seq };
    }
  }
  return state;
}

/** Who ended each speech up to `asOf` (their roster id; null for a staff account or the server), from the log. */
export async function speechesEndedBy(db: Database, meetingId: string, asOf: number): Promise<Record<string, string | null>> {
  const rows = await db
    .select({ body: meetingEvents.body, by: meetingEvents.actorParticipantId })
    .from(meetingEvents)
    .where(and(eq(meetingEvents.meetingId, meetingId), eq(meetingEvents.type, 'floor.ended'), lte(meetingEvents.at, asOf)));
  const endedBy: Record<string, string | null> = {};
  for (const row of rows) {
    const speechId = (row.body as { speechId?: unknown }).speechId;
    if (typeof speechId === 'string') endedBy[speechId] = row.by;
  }
  return endedBy;
}
