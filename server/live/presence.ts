/**
 * Who is connected to each meeting in this process, and their attendance record.
 * Changes are merged and announced at most every ANNOUNCE_INTERVAL_MS per meeting, however
 * many people join at once, and only to whom they change something: the counts (and who is
 * reconnecting) to everyone when those changed, the list of who is connected to the chair and
 * secretariat when that changed. A hand raised by someone connected changes neither, so it
 * costs no presence broadcast at all.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { attendance } from '../db/schema.ts';
import { newId } from '../ids.ts';
import type { MeetingPresence } from '../../shared/protocol.ts';
import type { MeetingState, Speaker } from '../../shared/meeting/types.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { own } from '../../shared/own.ts';

/** How long a first change waits for others to merge with it (a join storm is one announcement). */
const ANNOUNCE_DELAY_MS = 250;
/** The least time between two announcements of one meeting. */
export const ANNOUNCE_INTERVAL_MS = 2_000;

interface MeetingConnections {
  /** Open connections per roster participant. */
  counts: Map<string, number>;
  /** The attendance row of each connected participant. */
  attendanceIds: Map<string, string>;
  /** Everyone who has had a connection to this meeting here: only they can be reconnecting. */
  seen: Set<string>;
  announceTimer: NodeJS.Timeout | undefined;
  lastAnnouncedAt: number;
  /** What was last sent to everyone, and to the leads (as JSON): unchanged, nothing is sent. */
  sentToRoom: string;
  sentToLeads: string;
}

export interface PresenceOptions {
  db: Database;
  stateOf(meetingId: string): MeetingState | undefined;
  /** To everyone in the meeting but the leads. */
  announceToRoom(presence: MeetingPresence): void;
  /** To the chair and secretariat, with who is connected. */
  announceToLeads(presence: MeetingPresence & { connected: string[] }): void;
  onError(error: unknown): void;
}

export class Presence {
  readonly #meetings = new Map<string, MeetingConnections>();

  constructor(private readonly options: PresenceOptions) {}

  connected(meetingId: string, participantId: string): void {
    const meeting = this.#meeting(meetingId);
    const count = (meeting.counts.get(participantId) ?? 0) + 1;
    meeting.counts.set(participantId, count);
    meeting.seen.add(participantId);
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
        this.options.db
          .update(attendance)
          .set({ leftAt: new Date() })
          .where(and(eq(attendance.id, id), isNull(attendance.leftAt))),
      );
    }
    this.changed(meetingId);
  }

  /** Something that the summary depends on changed (a connection, a location, the queue): announce soon. */
  changed(meetingId: string): void {
    const meeting = this.#meetings.get(meetingId);
    if (!meeting || meeting.announceTimer) return;
    const delay = Math.max(ANNOUNCE_DELAY_MS, meeting.lastAnnouncedAt + ANNOUNCE_INTERVAL_MS - Date.now());
    meeting.announceTimer = setTimeout(() => {
      meeting.announceTimer = undefined;
      this.#announce(meetingId, meeting);
    }, delay);
  }

  #announce(meetingId: string, meeting: MeetingConnections): void {
    const summary = this.summary(meetingId);
    const forLeads = { ...summary, connected: [...meeting.counts.keys()].sort() };
    const toRoom = JSON.stringify(summary);
    const toLeads = JSON.stringify(forLeads);
    if (toRoom === meeting.sentToRoom && toLeads === meeting.sentToLeads) return;
    meeting.lastAnnouncedAt = Date.now();
    // The leads are left out of the room's announcement, so they get theirs whenever either changed.
    if (toRoom !== meeting.sentToRoom) this.options.announceToRoom(summary);
    this.options.announceToLeads(forLeads);
    meeting.sentToRoom = toRoom;
    meeting.sentToLeads = toLeads;
  }

  /**
   * The summary everyone gets (without the full list). Connected people count where they
   * said they are; people without a connection who take part by phone count as by phone
   * (a roster person set or queued "by phone", a caller the chair typed in by name).
   * Only someone who had a connection and lost it shows as reconnecting: never a person
   * the chair queued without a device, nor anyone speaking by phone.
   */
  summary(meetingId: string): MeetingPresence {
    const meeting = this.#meeting(meetingId);
    const state = this.options.stateOf(meetingId);
    const counts: MeetingPresence['counts'] = { room: 0, remote: 0, phone: 0, unknown: 0 };
    for (const participantId of meeting.counts.keys()) {
      counts[(state && own(state.participants, participantId)?.location) ?? 'unknown'] += 1;
    }
    const away = new Set<string>();
    if (state) {
      counts.phone += byPhoneWithoutConnection(state, meeting.counts).size;
      const waiting = state.currentItemId === null ? [] : queueOf(state, state.currentItemId).entries;
      for (const person of [...waiting, ...(state.floor ? [state.floor] : [])]) {
        const id = person.participantId;
        if (id === null || person.location === 'phone' || meeting.counts.has(id) || !meeting.seen.has(id)) continue;
        away.add(id);
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
      meeting = {
        counts: new Map(),
        attendanceIds: new Map(),
        seen: new Set(),
        announceTimer: undefined,
        lastAnnouncedAt: 0,
        sentToRoom: '',
        sentToLeads: '',
      };
      this.#meetings.set(meetingId, meeting);
    }
    return meeting;
  }

  /** Attendance is written off the connection's path; a failure is logged, not fatal. */
  #write(query: PromiseLike<unknown>): void {
    Promise.resolve(query).catch((error: unknown) => this.options.onError(error));
  }
}

/**
 * People taking part by phone who have no connection: roster people whose location is the
 * phone, or who were queued or given the floor by phone; and callers typed in by name by
 * phone (one per name). Keys: a roster id, or "name:" and the name typed in.
 */
function byPhoneWithoutConnection(state: MeetingState, connected: ReadonlyMap<string, number>): Set<string> {
  const people = new Set<string>();
  for (const participant of Object.values(state.participants)) {
    if (participant.location === 'phone' && !connected.has(participant.id)) people.add(participant.id);
  }
  const speakers: Speaker[] = [...Object.values(state.queues).flatMap((queue) => queue.entries), ...state.speeches];
  if (state.floor) speakers.push(state.floor);
  for (const speaker of speakers) {
    if (speaker.location !== 'phone') continue;
    if (speaker.participantId === null) people.add(`name:${speaker.name.trim().toLocaleLowerCase()}`);
    else if (!connected.has(speaker.participantId)) people.add(speaker.participantId);
  }
  return people;
}
