/**
 * One live meeting in this process: its state, its recent events, and the one path by
 * which it changes — decide, store, then apply and broadcast (rule L2 of SPEC.md).
 * Commands for a meeting run one at a time, in the process that owns the meeting
 * (meeting-leases.ts); the other processes keep a replica, fed with the owner's events in
 * the owner's order (`receive`), and each broadcasts to its own connections. Should two
 * processes ever write at once (an owner that stalled past its lease), the log's primary key
 * refuses the second, which catches up and decides again on the newer state.
 */
import type { Database } from '../db/open.ts';
import { CommandRejected } from '../../shared/errors.ts';
import { decide, type MeetingSetup } from '../../shared/meeting/decide.ts';
import { applyEvent, initialMeetingState } from '../../shared/meeting/reducer.ts';
import type { Command } from '../../shared/meeting/commands.ts';
import type { Actor, MeetingEvent, MeetingEventBody, MeetingState } from '../../shared/meeting/types.ts';
import type { MeetingAccessRole } from '../../shared/domain.ts';
import type { MeetingSync } from '../../shared/protocol.ts';
import {
  appendEvents,
  appendStored,
  CommandAlreadyApplied,
  findCommandSeq,
  loadEvents,
  SeqTaken,
  type StoredEvent,
} from './event-store.ts';
import type { Metrics } from '../metrics.ts';
import { newId } from '../ids.ts';
import { storedEventProblem } from './stored-events.ts';
import { redacted } from '../../shared/meeting/privacy.ts';

/** How many recent events a room keeps to answer "events after N" without the database. */
const RECENT_EVENTS = 2_000;
/** How many command ids a room remembers to recognise retries without the database (older ones are looked up there). */
const REMEMBERED_COMMANDS = 10_000;
/** Attempts to store a command when other processes keep writing first. */
const MAX_ATTEMPTS = 5;

export interface RoomDependencies {
  db: Database;
  /** Another process may write this meeting (PostgreSQL): check the log before answering syncs. */
  sharedLog: boolean;
  /** Sends new events to this process's connections of the meeting. */
  broadcast(meetingId: string, events: MeetingEvent[]): void;
  /** Hands events this process stored to the other processes' replicas (several processes only). */
  publish?(meetingId: string, stored: StoredEvent[]): void;
  metrics?: Metrics;
  loadSetup(meetingId: string): Promise<MeetingSetup>;
  /** A stored event that can no longer apply was skipped while replaying the log. */
  skipped?(meetingId: string, seq: number, why: string): void;
}

interface WaitingCommand {
  command: Command;
  sender: CommandSender;
  commandId: string;
  resolve(result: { seq: number }): void;
  reject(error: unknown): void;
}

/** The most commands decided together and stored in one write. */
const MAX_BATCH = 100;

export interface CommandSender {
  actor: Actor;
  role: MeetingAccessRole;
  userId: string | null;
}

export class MeetingRoom {
  #state: MeetingState;
  readonly #recent: MeetingEvent[] = [];
  /** The seq each sender's command was answered with, by `commandKey`. */
  readonly #commands = new Map<string, number>();
  /** Whether some command ids were forgotten: a retry not remembered is then looked up in the log. */
  #forgotten = false;
  #queue: Promise<unknown> = Promise.resolve();
  /** Commands waiting to be decided. */
  readonly #waiting: WaitingCommand[] = [];
  /** Events received from the owner ahead of one still missing, by seq. */
  readonly #ahead = new Map<number, StoredEvent>();
  #gapTimer: ReturnType<typeof setTimeout> | undefined;
  /** Waiting for the replica to reach a seq (a forwarded command's answer). */
  readonly #waiters = new Set<{ seq: number; resolve: () => void }>();

  private constructor(
    readonly meetingId: string,
    state: MeetingState,
    private readonly deps: RoomDependencies,
  ) {
    this.#state = state;
  }

  /** Rebuilds a meeting's state from its whole log. */
  static async load(meetingId: string, plannedStart: number, plannedMinutes: number, deps: RoomDependencies): Promise<MeetingRoom> {
    const room = new MeetingRoom(meetingId, initialMeetingState(meetingId, plannedStart, plannedMinutes), deps);
    room.#applyStored(await loadEvents(deps.db, meetingId));
    return room;
  }

  get state(): MeetingState {
    return this.#state;
  }

  /**
   * Decides and stores a command; answers the seq of its last event. Command ids are each
   * sender's own (rule L4): a retry by the same sender answers the seq of the first run and
   * changes nothing; another sender using the same id sends a command of their own.
   */
  execute(command: Command, sender: CommandSender, commandId: string): Promise<{ seq: number }> {
    return new Promise((resolve, reject) => {
      // Commands that come while others are being stored are decided together and stored in one write.
      this.#waiting.push({ command, sender, commandId, resolve, reject });
      if (this.#waiting.length === 1) void this.#exclusive(() => this.#executeWaiting());
    });
  }

  /** Decides the waiting commands in order, each on the state its predecessors left, and stores them at once. */
  async #executeWaiting(): Promise<void> {
    const batch = this.#waiting.splice(0, MAX_BATCH);
    if (this.#waiting.length > 0) void this.#exclusive(() => this.#executeWaiting());
    if (batch.length === 1) {
      const [only] = batch as [WaitingCommand];
      await this.#executeOne(only).then(only.resolve, only.reject);
      return;
    }
    let state = this.#state;
    const rows: StoredEvent[] = [];
    const decided: { waiting: WaitingCommand; seq: number }[] = [];
    const inBatch = new Map<string, number>();
    for (const waiting of batch) {
      const { command, sender, commandId } = waiting;
      const key = sender.userId === null ? null : commandKey(sender.userId, commandId);
      try {
        const known =
          key === null ? undefined : (this.#commands.get(key) ?? inBatch.get(key) ?? (await this.#lookedUp(key, sender, commandId)));
        if (known !== undefined) {
          decided.push({ waiting, seq: known });
          continue;
        }
        const at = Date.now();
        const setup = command.type === 'meeting.open' ? await this.deps.loadSetup(this.meetingId) : undefined;
        const bodies = decide(state, command, { actor: sender.actor, role: sender.role, at, newId, setup });
        for (const [index, body] of bodies.entries()) {
          const event = { ...body, seq: state.seq + 1, at, actor: sender.actor } as MeetingEvent;
          state = applyEvent(state, event);
          rows.push({ event, commandId: index === 0 && key !== null ? commandId : null, actorUserId: sender.userId });
        }
        if (key !== null) inBatch.set(key, state.seq);
        decided.push({ waiting, seq: state.seq });
      } catch (error) {
        waiting.reject(error);
      }
    }
    try {
      await appendStored(this.deps.db, this.meetingId, rows);
    } catch (error) {
      if (!(error instanceof SeqTaken)) {
        for (const { waiting } of decided) waiting.reject(error);
        return;
      }
      // Another writer, or a retry stored already: each command on its own, as it would have gone alone.
      try {
        await this.#catchUp();
      } catch (failure) {
        for (const { waiting } of decided) waiting.reject(failure);
        return;
      }
      for (const { waiting } of decided) await this.#executeOne(waiting).then(waiting.resolve, waiting.reject);
      return;
    }
    this.#applyStored(rows);
    if (rows.length > 0) {
      const events = rows.map((row) => row.event);
      this.deps.broadcast(this.meetingId, events);
      this.deps.publish?.(this.meetingId, rows);
    }
    for (const { waiting, seq } of decided) waiting.resolve({ seq });
  }

  /** The seq a command no longer remembered was answered with, looked up in the log. */
  async #lookedUp(key: string, sender: CommandSender, commandId: string): Promise<number | undefined> {
    if (!this.#forgotten || this.#commands.has(key)) return undefined;
    return findCommandSeq(this.deps.db, this.meetingId, sender.userId!, commandId);
  }

  async #executeOne({ command, sender, commandId }: WaitingCommand): Promise<{ seq: number }> {
    const key = sender.userId === null ? null : commandKey(sender.userId, commandId);
    if (key !== null) {
      const seq = await this.#lookedUp(key, sender, commandId);
      if (seq !== undefined) return { seq };
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const known = key === null ? undefined : this.#commands.get(key);
      if (known !== undefined) return { seq: known };
      const at = Date.now();
      const setup = command.type === 'meeting.open' ? await this.deps.loadSetup(this.meetingId) : undefined;
      const bodies = decide(this.#state, command, { actor: sender.actor, role: sender.role, at, newId, setup });
      const seq = await this.#store(bodies, sender, at, key === null ? null : commandId);
      if (seq !== undefined) return { seq };
    }
    throw new CommandRejected('conflict', 'The meeting is changing too fast right now; please try again.');
  }

  /**
   * Events the server itself records (roster changes made on the set-up page): `build`
   * reads the current state under the room's lock and returns what to record.
   */
  recordFromState(build: (state: MeetingState) => MeetingEventBody[], actor: Actor, userId: string | null): Promise<void> {
    return this.#exclusive(async () => {
      if (this.deps.sharedLog) await this.#catchUp();
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const bodies = build(this.#state);
        if (bodies.length === 0) return;
        if ((await this.#store(bodies, { actor, role: 'secretariat', userId }, Date.now(), null)) !== undefined) return;
      }
      throw new Error(`could not record events in meeting ${this.meetingId}`);
    });
  }

  /** The state with everything stored so far, also by other processes (for exports). */
  current(): Promise<MeetingState> {
    return this.#exclusive(async () => {
      if (this.deps.sharedLog) await this.#catchUp();
      return this.#state;
    });
  }

  /** Applies what is in the log and not yet here (this process just took the meeting over), and broadcasts it. */
  catchUp(): Promise<void> {
    return this.#exclusive(() => this.#catchUp());
  }

  /**
   * Events the owner stored, in any order they arrive: applied strictly by seq and broadcast
   * to this process's connections. A gap waits briefly for the missing events (messages between
   * processes may overtake each other), then is filled from the log.
   */
  receive(stored: StoredEvent[]): void {
    for (const one of stored) if (one.event.seq > this.#state.seq) this.#ahead.set(one.event.seq, one);
    void this.#exclusive(async () => this.#applyAhead()).catch(() => this.#fillGapLater());
  }

  /** Resolves once the replica holds `seq`; after `waitMs` it reads the log instead. */
  async reached(seq: number, waitMs = 1_000): Promise<void> {
    if (this.#state.seq >= seq) return;
    let waiter: { seq: number; resolve: () => void } | undefined;
    const arrived = new Promise<boolean>((resolve) => {
      waiter = { seq, resolve: () => resolve(true) };
      this.#waiters.add(waiter);
      setTimeout(() => resolve(false), waitMs).unref();
    });
    const inTime = await arrived;
    this.#waiters.delete(waiter!);
    if (!inTime) await this.catchUp();
  }

  /** What a client holding `afterSeq` needs: the events after it, or the whole state when they are no longer at hand. */
  sync(afterSeq: number): Promise<MeetingSync> {
    return this.#exclusive(async () => {
      if (this.deps.sharedLog) await this.#catchUp();
      const state = this.#state;
      if (afterSeq > 0 && afterSeq === state.seq) return { kind: 'events', events: [] };
      const oldest = this.#recent[0]?.seq ?? state.seq + 1;
      if (afterSeq > 0 && afterSeq <= state.seq && afterSeq + 1 >= oldest) {
        return { kind: 'events', events: this.#recent.slice(afterSeq + 1 - oldest) };
      }
      return { kind: 'snapshot', state };
    });
  }

  /**
   * Stores events built on the current state and answers the seq to report: that of the last
   * event, or of the first run when this sender's command was stored already; undefined
   * when another process got there first (then caught up).
   */
  async #store(bodies: MeetingEventBody[], sender: CommandSender, at: number, commandId: string | null): Promise<number | undefined> {
    const events = bodies.map((body, index) => ({ ...body, seq: this.#state.seq + index + 1, at, actor: sender.actor }) as MeetingEvent);
    try {
      const started = performance.now();
      await appendEvents(this.deps.db, this.meetingId, events, { commandId, actorUserId: sender.userId });
      this.deps.metrics?.recordAppend(performance.now() - started);
    } catch (error) {
      if (error instanceof SeqTaken) {
        await this.#catchUp();
        return undefined;
      }
      if (error instanceof CommandAlreadyApplied) {
        await this.#catchUp();
        return error.seq;
      }
      throw error;
    }
    const actorUserId = sender.userId;
    const stored = events.map((event, index) => ({ event, commandId: index === 0 ? commandId : null, actorUserId }));
    this.#applyStored(stored);
    this.deps.broadcast(this.meetingId, events);
    this.deps.publish?.(this.meetingId, stored);
    return this.#state.seq;
  }

  /** Applies what other processes stored and broadcasts it to this process's connections. */
  async #catchUp(): Promise<void> {
    this.#applyNew(await loadEvents(this.deps.db, this.meetingId, this.#state.seq));
    this.#applyAhead();
  }

  /** Applies the received events that follow on; a gap left is filled from the log shortly. */
  #applyAhead(): void {
    const next: StoredEvent[] = [];
    for (let seq = this.#state.seq + 1; this.#ahead.has(seq); seq++) next.push(this.#ahead.get(seq)!);
    this.#applyNew(next);
    for (const seq of this.#ahead.keys()) if (seq <= this.#state.seq) this.#ahead.delete(seq);
    if (this.#ahead.size > 0) this.#fillGapLater();
  }

  #fillGapLater(): void {
    if (this.#gapTimer !== undefined) return;
    this.#gapTimer = setTimeout(() => {
      this.#gapTimer = undefined;
      void this.catchUp().catch(() => this.#fillGapLater());
    }, GAP_WAIT_MS);
  }

  /** Applies events stored elsewhere that follow this replica's state, then broadcasts them here. */
  #applyNew(stored: StoredEvent[]): void {
    const fresh = stored.filter((one) => one.event.seq > this.#state.seq);
    if (fresh.length === 0) return;
    this.deps.broadcast(this.meetingId, this.#applyStored(fresh));
    for (const waiter of this.#waiters) if (waiter.seq <= this.#state.seq) waiter.resolve();
  }

  /** Applies stored events; answers them as clients receive them (one that can no longer apply as its placeholder). */
  #applyStored(stored: StoredEvent[]): MeetingEvent[] {
    const applied: MeetingEvent[] = [];
    // The command whose events are being applied: it is answered with the seq of its last event.
    let running: { key: string; userId: string; at: number } | null = null;
    for (const { event: storedEvent, commandId, actorUserId } of stored) {
      const event = this.#applyOne(storedEvent);
      this.#recent.push(event);
      applied.push(event);
      if (commandId && actorUserId) running = { key: commandKey(actorUserId, commandId), userId: actorUserId, at: storedEvent.at };
      else if (running && (commandId || actorUserId !== running.userId || storedEvent.at !== running.at)) running = null;
      if (running) this.#commands.set(running.key, event.seq);
    }
    if (this.#recent.length > RECENT_EVENTS) this.#recent.splice(0, this.#recent.length - RECENT_EVENTS);
    if (this.#commands.size > REMEMBERED_COMMANDS) {
      this.#forgotten = true;
      for (const key of [...this.#commands.keys()].slice(0, this.#commands.size - REMEMBERED_COMMANDS)) this.#commands.delete(key);
    }
    return applied;
  }

  /**
   * Applies a stored event and answers the event as clients receive it. One that can no
   * longer apply (written by an older version) keeps its place in the sequence as an empty
   * placeholder and changes nothing, so that the meeting and its record still load.
   */
  #applyOne(event: MeetingEvent): MeetingEvent {
    if (event.seq === this.#state.seq + 1) {
      let problem = storedEventProblem(this.#state, event);
      if (problem === undefined) {
        try {
          this.#state = applyEvent(this.#state, event);
          return event;
        } catch (error) {
          problem = `failed to apply: ${(error as Error).message}`;
        }
      }
      this.deps.skipped?.(this.meetingId, event.seq, `${event.type} ${problem}`);
      this.#state = { ...this.#state, seq: event.seq };
      return redacted(event);
    }
    // Out of sequence: a bug in the caller, not in the log.
    this.#state = applyEvent(this.#state, event);
    return event;
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work, work);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

/** How long a gap in the owner's events may wait for the missing ones before they are read from the log. */
const GAP_WAIT_MS = 150;

/** A command's key in the room's memory: its sender and the sender's own id for it. */
function commandKey(userId: string, commandId: string): string {
  return `${userId}\n${commandId}`;
}
