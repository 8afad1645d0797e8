/**
 * The live meetings of this process, loaded from their logs on first use.
 * Also keeps a live meeting's roster in step with the set-up page.
 *
 * With several processes (PostgreSQL), each meeting has one owner (meeting-leases.ts) that
 * decides, stores and broadcasts its changes in one order; every other process forwards its
 * clients' commands there (owner-link.ts) and keeps a replica fed with the owner's events.
 * When the owner stops answering, its lease runs out, the next process to need the meeting
 * takes it, loads the log and carries on; a command is retried with its sender's id, so the
 * log's sender-and-command-id key applies it once whichever owner stored it first.
 */
import type { Database } from '../db/open.ts';
import type { MeetingSetup } from '../../shared/meeting/decide.ts';
import type { Actor, MeetingEvent, MeetingEventBody, MeetingState, Participant } from '../../shared/meeting/types.ts';
import { agendaItemView, participantView } from '../meetings/meeting-views.ts';
import * as store from '../meetings/meeting-store.ts';
import { MeetingRoom } from './meeting-room.ts';
import type { Metrics } from '../metrics.ts';
import { own } from '../../shared/own.ts';
import { CommandRejected, type ErrorCode } from '../../shared/errors.ts';
import type { Command } from '../../shared/meeting/commands.ts';
import type { CommandSender } from './meeting-room.ts';
import type { StoredEvent } from './event-store.ts';
import type { MeetingLeases } from './meeting-leases.ts';
import { isUnavailable } from '../db/errors.ts';

/** A change asked of the owning process by another one. */
export type OwnerRequest =
  | { kind: 'command'; meetingId: string; command: Command; sender: CommandSender; commandId: string }
  | { kind: 'roster'; meetingId: string; actor: Actor; userId: string };

/** The owner's answer: what the sender's acknowledgement says, or `not-owner` (ask who owns it now). */
export type OwnerAnswer = { ok: true; seq: number } | { ok: false; code: ErrorCode | 'not-owner'; error: string };

/** How the processes of a deployment reach one another (owner-link.ts). */
export interface OwnerLink {
  leases: MeetingLeases;
  /** Sends a request to the owning process; answers undefined when it does not answer in time. */
  forward(owner: string, request: OwnerRequest): Promise<OwnerAnswer | undefined>;
  /** Hands stored events to the other processes' replicas. */
  publish(meetingId: string, stored: StoredEvent[]): void;
}

/** How long a change keeps looking for a live owner (one that died is replaced within a few seconds). */
const FAILOVER_DEADLINE_MS = 15_000;

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
  #link: OwnerLink | undefined;
  /** The process last known to own each meeting this process forwards to. */
  readonly #owners = new Map<string, string>();

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
    this.#owners.delete(meetingId);
    this.#link?.leases.release(meetingId).catch(() => {
      // It runs out by itself.
    });
  }

  /** From now on meetings have one owner among the processes that share the database. */
  link(link: OwnerLink): void {
    this.#link = link;
    link.leases.start();
  }

  /** Decides and stores a command, in the process that owns the meeting; answers the seq of its last event. */
  async execute(meetingId: string, command: Command, sender: CommandSender, commandId: string): Promise<{ seq: number }> {
    // A sender without an account has no command ids of its own: its command is not sent twice.
    return this.#asOwner({ kind: 'command', meetingId, command, sender, commandId }, sender.userId !== null);
  }

  /** After a roster change on the set-up page: record the difference in the live meeting, if it is open. */
  async rosterChanged(meetingId: string, actor: Actor, userId: string): Promise<void> {
    await this.#asOwner({ kind: 'roster', meetingId, actor, userId }, true);
  }

  /** A request forwarded by another process: done here if this process owns the meeting. */
  async answer(request: OwnerRequest): Promise<OwnerAnswer> {
    try {
      const room = await this.get(request.meetingId);
      if (!room) return { ok: false, code: 'not-found', error: 'This meeting no longer exists.' };
      const ownership = await this.#link!.leases.claim(request.meetingId);
      if (!ownership.mine) return { ok: false, code: 'not-owner', error: 'Another process owns this meeting.' };
      if (ownership.taken) await room.catchUp();
      return { ok: true, ...(await this.#run(room, request)) };
    } catch (error) {
      if (error instanceof CommandRejected) return { ok: false, code: error.code, error: error.message };
      if (isUnavailable(error))
        return { ok: false, code: 'unavailable', error: 'The database is unavailable; nothing was changed. Try again in a moment.' };
      throw error;
    }
  }

  /** Events stored by a meeting's owner in another process, for this process's replica. */
  received(meetingId: string, stored: StoredEvent[]): void {
    this.#loaded.get(meetingId)?.receive(stored);
  }

  async #asOwner(request: OwnerRequest, retryable: boolean): Promise<{ seq: number }> {
    const room = await this.get(request.meetingId);
    if (!room) throw new CommandRejected('not-found', 'This meeting no longer exists.');
    const link = this.#link;
    if (!link) return this.#run(room, request);
    const deadline = performance.now() + FAILOVER_DEADLINE_MS;
    for (;;) {
      let owner = this.#owners.get(request.meetingId);
      if (owner === undefined) {
        const ownership = await link.leases.claim(request.meetingId);
        if (ownership.mine) {
          if (ownership.taken) await room.catchUp();
          return this.#run(room, request);
        }
        owner = ownership.owner;
        this.#owners.set(request.meetingId, owner);
      }
      const answer = owner === '' ? undefined : await link.forward(owner, request);
      if (answer?.ok) {
        // The sender's own change is here before its acknowledgement (presence reads this replica).
        await room.reached(answer.seq);
        return { seq: answer.seq };
      }
      if (answer && answer.code !== 'not-owner') throw new CommandRejected(answer.code, answer.error);
      // No answer (the owner may have died: its lease runs out) or another owner: ask again who owns it.
      this.#owners.delete(request.meetingId);
      if (!retryable || performance.now() > deadline) {
        throw new CommandRejected('unavailable', 'The meeting could not be reached right now; please try again.');
      }
      if (answer) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async #run(room: MeetingRoom, request: OwnerRequest): Promise<{ seq: number }> {
    if (request.kind === 'command') return room.execute(request.command, request.sender, request.commandId);
    if (room.state.phase !== 'open') return { seq: room.state.seq };
    const roster = (await store.listRoster(this.options.db, request.meetingId)).map(participantFromRoster);
    await room.recordFromState((state) => rosterDifference(state, roster), request.actor, request.userId);
    return { seq: room.state.seq };
  }

  async #load(meetingId: string): Promise<MeetingRoom | undefined> {
    const meeting = await store.findMeeting(this.options.db, meetingId);
    if (!meeting) return undefined;
    return MeetingRoom.load(meetingId, meeting.startsAt.getTime(), meeting.plannedMinutes, {
      db: this.options.db,
      sharedLog: this.options.sharedLog,
      broadcast: this.options.broadcast,
      publish: (id, stored) => this.#link?.publish(id, stored),
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
