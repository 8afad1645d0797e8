/**
 * The live meetings of this process, loaded from their logs on first use.
 * Also keeps a live meeting's roster in step with the set-up page.
 */
import type { Database } from '../db/open.ts';
import type { MeetingSetup } from '../../shared/meeting/decide.ts';
import type { Actor, MeetingEvent, MeetingEventBody, MeetingState, Participant } from '../../shared/meeting/types.ts';
import { agendaItemView, participantView } from '../meetings/meeting-views.ts';
import * as store from '../meetings/meeting-store.ts';
import { MeetingRoom } from './meeting-room.ts';
import type { Metrics } from '../metrics.ts';
import { own } from '../../shared/own.ts';

export interface RoomsOptions {
  db: Database;
  metrics?: Metrics;
  sharedLog: boolean;
  broadcast(meetingId: string, events: MeetingEvent[]): void;
  /** A stored event that can no longer apply was skipped while replaying the log. */
  skipped?(meetingId: string, seq: number, why: string): void;
}

export class MeetingRooms {
  readonly #rooms = new Map<string, Promise<MeetingRoom | undefined>>();
  /** Rooms whose load has finished, for synchronous readers (presence). */
  readonly #loaded = new Map<string, MeetingRoom>();

  constructor(private readonly options: RoomsOptions) {}

  /** The live meeting, or undefined when no such meeting exists. */
  get(meetingId: string): Promise<MeetingRoom | undefined> {
    let room = this.#rooms.get(meetingId);
    if (!room) {
      room = this.#load(meetingId);
      this.#rooms.set(meetingId, room);
      // A failed load (database down) is not cached: the next call tries again.
      room.then(
        (loaded) => (loaded ? this.#loaded.set(meetingId, loaded) : this.#rooms.delete(meetingId)),
        () => this.#rooms.delete(meetingId),
      );
    }
    return room;
  }

  /** The live meeting if it is loaded already. */
  loaded(meetingId: string): MeetingRoom | undefined {
    return this.#loaded.get(meetingId);
  }

  /** Drops a meeting from memory (deleted, or to reload it). */
  forget(meetingId: string): void {
    this.#rooms.delete(meetingId);
    this.#loaded.delete(meetingId);
  }

  /** After a roster change on the set-up page: record the difference in the live meeting, if it is open. */
  async rosterChanged(meetingId: string, actor: Actor, userId: string): Promise<void> {
    const room = await this.get(meetingId);
    if (!room || room.state.phase !== 'open') return;
    const roster = (await store.listRoster(this.options.db, meetingId)).map(participantFromRoster);
    await room.recordFromState((state) => rosterDifference(state, roster), actor, userId);
  }

  async #load(meetingId: string): Promise<MeetingRoom | undefined> {
    const meeting = await store.findMeeting(this.options.db, meetingId);
    if (!meeting) return undefined;
    return MeetingRoom.load(meetingId, meeting.startsAt.getTime(), meeting.plannedMinutes, {
      db: this.options.db,
      sharedLog: this.options.sharedLog,
      broadcast: this.options.broadcast,
      metrics: this.options.metrics,
      skipped: this.options.skipped,
      loadSetup: (id) => loadSetup(this.options.db, id),
    });
  }
}

export function participantFromRoster(row: store.RosterRow): Participant {
  return { ...participantView(row), location: null };
}

/** What the live meeting needs from the set-up when it opens: agenda, roster, plan. */
export async function loadSetup(db: Database, meetingId: string): Promise<MeetingSetup> {
  const meeting = await store.findMeeting(db, meetingId);
  if (!meeting) throw new Error(`meeting ${meetingId} not found`);
  const [agenda, roster] = await Promise.all([store.listAgenda(db, meetingId), store.listRoster(db, meetingId)]);
  return {
    title: meeting.title,
    plannedStart: meeting.startsAt.getTime(),
    plannedMinutes: meeting.plannedMinutes,
    // As the set-up page shows it, proposals included: positions can be taken on them as soon as the item runs.
    agenda: agenda.map(agendaItemView),
    participants: roster.map(participantFromRoster),
  };
}

/** Events that bring the live roster to `roster`, keeping each person's stated location. */
export function rosterDifference(state: MeetingState, roster: Participant[]): MeetingEventBody[] {
  const bodies: MeetingEventBody[] = [];
  const listed = new Set<string>();
  for (const participant of roster) {
    listed.add(participant.id);
    const live = own(state.participants, participant.id);
    if (!live) {
      bodies.push({ type: 'participant.joinedRoster', participant });
      continue;
    }
    const updated = { ...participant, location: live.location };
    if (JSON.stringify(updated) !== JSON.stringify(live)) bodies.push({ type: 'participant.updated', participant: updated });
  }
  for (const id of Object.keys(state.participants)) {
    if (!listed.has(id)) bodies.push({ type: 'participant.leftRoster', participantId: id });
  }
  return bodies;
}
