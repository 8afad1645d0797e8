/**
 * Who is connected to each meeting in this process, and their attendance record.
 * Changes are announced at most a few times a second per meeting, however many people
 * join at once: one summary for everyone, with the full list for the chair and secretariat.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { attendance } from '../db/schema.ts';
import { newId } from '../ids.ts';
import type { MeetingPresence } from '../../shared/protocol.ts';
import type { MeetingState } from '../../shared/meeting/types.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { own } from '../../shared/own.ts';

const ANNOUNCE_DELAY_MS = 250;

interface MeetingConnections {
  /** Open connections per roster participant. */
  counts: Map<string, number>;
  /** The attendance row of each connected participant. */
  attendanceIds: Map<string, string>;
  announceTimer: NodeJS.Timeout | undefined;
}

export interface PresenceOptions {
  db: Database;
  stateOf(meetingId: string): MeetingState | undefined;
  announce(presence: MeetingPresence, connected: string[]): void;
  onError(error: unknown): void;
}

export class Presence {
  readonly #meetings = new Map<string, MeetingConnections>();

  constructor(private readonly options: PresenceOptions) {}

  connected(meetingId: string, participantId: string): void {
    const meeting = this.#meeting(meetingId);
    const count = (meeting.counts.get(participantId) ?? 0) + 1;
    meeting.counts.set(participantId, count);
    if (count === 1) {
      const id = newId('att');
      meeting.attendanceIds.set(participantId, id);
      this.#write(this.options.db.insert(attendance).values({ id, meetingId, participantId, joinedAt: new Date() }));
      this.changed(meetingId);
    }
  }

  disconnected(meetingId: string, participantId: string): void {
    const meeting = this.#meetings.get(meetingId);
    const count = meeting?.counts.get(participantId);
    if (!meeting || count === undefined) return;
    if (count > 1) {
      meeting.counts.set(participantId, count - 1);
      return;
    }
    meeting.counts.delete(participantId);
    const id = meeting.attendanceIds.get(participantId);
    meeting.attendanceIds.delete(participantId);
    if (id) {
      this.#write(
        this.options.db.update(attendance).set({ leftAt: new Date() }).where(and(eq(attendance.id, id), isNull(attendance.leftAt))),
      );
    }
    this.changed(meetingId);
  }

  /** Something that the summary depends on changed (a connection, a location, the queue): announce soon. */
  changed(meetingId: string): void {
    const meeting = this.#meetings.get(meetingId);
    if (!meeting || meeting.announceTimer) return;
    meeting.announceTimer = setTimeout(() => {
      meeting.announceTimer = undefined;
      const connected = [...meeting.counts.keys()];
      this.options.announce(this.summary(meetingId), connected);
    }, ANNOUNCE_DELAY_MS);
  }

  /** The summary everyone gets (without the full list). */
  summary(meetingId: string): MeetingPresence {
    const meeting = this.#meeting(meetingId);
    const state = this.options.stateOf(meetingId);
    const counts: MeetingPresence['counts'] = { room: 0, remote: 0, phone: 0, unknown: 0 };
    for (const participantId of meeting.counts.keys()) {
      counts[(state && own(state.participants, participantId)?.location) ?? 'unknown'] += 1;
    }
    const away = new Set<string>();
    if (state) {
      const waiting = state.currentItemId === null ? [] : queueOf(state, state.currentItemId).entries;
      for (const person of [...waiting, ...(state.floor ? [state.floor] : [])]) {
        if (person.participantId !== null && !meeting.counts.has(person.participantId)) away.add(person.participantId);
      }
    }
    return { meetingId, counts, away: [...away] };
  }

  connectedIds(meetingId: string): string[] {
    return [...(this.#meetings.get(meetingId)?.counts.keys() ?? [])];
  }

  /** Closes the attendance of everyone still connected (server shutting down). */
  async closeAll(): Promise<void> {
    const now = new Date();
    const writes: Promise<unknown>[] = [];
    for (const meeting of this.#meetings.values()) {
      clearTimeout(meeting.announceTimer);
      for (const id of meeting.attendanceIds.values()) {
        writes.push(this.options.db.update(attendance).set({ leftAt: now }).where(eq(attendance.id, id)));
      }
    }
    await Promise.allSettled(writes);
    this.#meetings.clear();
  }

  #meeting(meetingId: string): MeetingConnections {
    let meeting = this.#meetings.get(meetingId);
    if (!meeting) {
      meeting = { counts: new Map(), attendanceIds: new Map(), announceTimer: undefined };
      this.#meetings.set(meetingId, meeting);
    }
    return meeting;
  }

  /** Attendance is written off the connection's path; a failure is logged, not fatal. */
  #write(query: PromiseLike<unknown>): void {
    Promise.resolve(query).catch((error: unknown) => this.options.onError(error));
  }
}
