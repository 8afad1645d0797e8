/**
 * A live meeting without a server or a network, for the replica's unit tests: a room that
 * decides commands with the real rules (through MeetingHarness: schema, decide, reducer),
 * remembers command ids per sender (L4) and broadcasts the events, and sockets to it that
 * implement the replica's `ReplicaSocket`. Messages travel on the next turn of the event
 * loop, in order; a test can lose some of them. Time is a `FakeClock` that only moves by hand.
 */
import type { MeetingEvent } from '../../shared/meeting/types.ts';
import { isLeading } from '../../shared/meeting/permissions.ts';
import { eventFor, stateFor, type Audience } from '../../shared/meeting/privacy.ts';
import { CommandRejected } from '../../shared/errors.ts';
import { PROTOCOL_VERSION, type AckResult, type MeetingSync } from '../../shared/protocol.ts';
import type {
  DisconnectCause,
  ReplicaClock,
  ReplicaPayload,
  ReplicaRequest,
  ReplicaSocket,
  ReplicaSocketEvent,
  ReplicaSocketEvents,
} from '../../shared/sync/replica-socket.ts';
import { MeetingHarness, type Sender } from './meeting-harness.ts';

/** A clock whose timers run only when the test advances it. */
export class FakeClock implements ReplicaClock {
  #timers = new Map<number, { at: number; run: () => void }>();
  #next = 0;
  constructor(public time: number) {}

  now(): number {
    return this.time;
  }
  setTimeout(run: () => void, ms: number): unknown {
    const handle = ++this.#next;
    this.#timers.set(handle, { at: this.time + ms, run });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }
  /** Moves time on by `ms`, running the timers that fall due, in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.#timers].filter(([, timer]) => timer.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
    }
    this.time = until;
  }
}

export class MemoryRoom {
  readonly harness: MeetingHarness;
  readonly sockets: MemorySocket[] = [];
  /** The seq each sender's command was answered with, by sender and command id. */
  readonly #answered = new Map<string, number>();
  /** Every command as it arrived, retries included. */
  readonly received: { who: Sender; commandId: string }[] = [];
  #inFlight = 0;

  constructor(
    harness: MeetingHarness,
    readonly clock: FakeClock,
  ) {
    this.harness = harness;
  }

  get meetingId(): string {
    return this.harness.state.meetingId;
  }

  connect(who: Sender): MemorySocket {
    const socket = new MemorySocket(this, who);
    this.sockets.push(socket);
    return socket;
  }

  /** What a person may see of the meeting now (rule H1). */
  stateFor(who: Sender) {
    return stateFor(this.harness.state, this.#audience(who));
  }

  /** Runs `work` on a later turn of the event loop, as a network would. */
  later(work: () => void): void {
    this.#inFlight++;
    setImmediate(() => {
      this.#inFlight--;
      work();
    });
  }

  /** Waits until no message is travelling any more. */
  async settle(): Promise<void> {
    for (let idle = 0; idle < 3; idle = this.#inFlight === 0 ? idle + 1 : 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  answer<E extends ReplicaRequest>(socket: MemorySocket, event: E, payload: ReplicaPayload<E>): AckResult<Record<string, unknown>> {
    const who = socket.who;
    if (event === 'meeting:enter') {
      const { afterSeq = 0, protocolVersion } = payload as ReplicaPayload<'meeting:enter'>;
      if (protocolVersion !== PROTOCOL_VERSION) return { ok: false, code: 'client-outdated', error: 'Reload the page.' };
      socket.entered = true;
      const { actor, role } = this.harness.sender(who);
      return {
        ok: true,
        meetingId: this.meetingId,
        role,
        participantId: actor.participantId,
        serverTime: this.clock.now(),
        sync: this.#sync(who, afterSeq),
        presence: { meetingId: this.meetingId, counts: { room: 0, remote: 0, phone: 0, unknown: 0 }, away: [] },
      };
    }
    if (!socket.entered) return { ok: false, code: 'forbidden', error: 'Enter the meeting first.' };
    if (event === 'meeting:sync') return { ok: true, sync: this.#sync(who, (payload as ReplicaPayload<'meeting:sync'>).afterSeq) };
    const { commandId, command } = payload as ReplicaPayload<'meeting:command'>;
    this.received.push({ who, commandId });
    const key = `${who}\n${commandId}`;
    const known = this.#answered.get(key);
    if (known !== undefined) return { ok: true, seq: known };
    this.harness.now = this.clock.now();
    let events: MeetingEvent[];
    try {
      events = this.harness.run(who, command);
    } catch (error) {
      if (error instanceof CommandRejected) return { ok: false, code: error.code, error: error.message };
      throw error;
    }
    this.#answered.set(key, this.harness.state.seq);
    for (const other of this.sockets) {
      if (!other.entered || !other.connected) continue;
      if (other.eventsToLose > 0) {
        other.eventsToLose--;
        continue;
      }
      const audience = this.#audience(other.who);
      other.hear('meeting:events', { meetingId: this.meetingId, events: events.map((e) => eventFor(e, audience)) });
    }
    return { ok: true, seq: this.harness.state.seq };
  }

  #sync(who: Sender, afterSeq: number): MeetingSync {
    const audience = this.#audience(who);
    if (afterSeq === 0 || afterSeq > this.harness.state.seq) return { kind: 'snapshot', state: stateFor(this.harness.state, audience) };
    return { kind: 'events', events: this.harness.log.filter((e) => e.seq > afterSeq).map((e) => eventFor(e, audience)) };
  }

  #audience(who: Sender): Audience {
    const { actor, role } = this.harness.sender(who);
    return { leading: isLeading(role), participantId: actor.participantId };
  }
}

type Listener = (...args: never[]) => void;

/** One person's connection to a `MemoryRoom`, connected from the start. */
export class MemorySocket implements ReplicaSocket {
  connected = true;
  entered = false;
  /** Broadcasts of events this connection misses, as if lost (the next ones arrive). */
  eventsToLose = 0;
  /** Answers this connection does not receive (the request is handled all the same). */
  answersToLose = 0;
  /** Every request sent, by event. */
  readonly sent: ReplicaRequest[] = [];
  readonly #listeners = new Map<string, Set<Listener>>();

  constructor(
    readonly room: MemoryRoom,
    readonly who: Sender,
  ) {}

  request<E extends ReplicaRequest>(event: E, payload: ReplicaPayload<E>, timeoutMs: number): Promise<never> {
    this.sent.push(event);
    return new Promise((resolve, reject) => {
      const timer = this.room.clock.setTimeout(() => reject(new Error('operation has timed out')), timeoutMs);
      if (!this.connected) return;
      this.room.later(() => {
        const answer = this.room.answer(this, event, structuredClone(payload));
        if (this.answersToLose > 0) {
          this.answersToLose--;
          return;
        }
        this.room.later(() => {
          this.room.clock.clearTimeout(timer);
          resolve(structuredClone(answer) as never);
        });
      });
    });
  }

  on<E extends ReplicaSocketEvent>(event: E, listener: ReplicaSocketEvents[E]): void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener as Listener);
    this.#listeners.set(event, set);
  }
  off<E extends ReplicaSocketEvent>(event: E, listener: ReplicaSocketEvents[E]): void {
    this.#listeners.get(event)?.delete(listener as Listener);
  }

  /** A message from the room, heard on the next turn. */
  hear<E extends ReplicaSocketEvent>(event: E, ...args: Parameters<ReplicaSocketEvents[E]>): void {
    const copy = structuredClone(args);
    this.room.later(() => this.#emit(event, ...copy));
  }

  connect(): void {
    if (this.connected) return;
    this.connected = true;
    this.hear('connect');
  }
  drop(): void {
    this.#down('network');
    this.connect();
  }
  disconnect(): void {
    this.#down('client');
  }
  /** The network goes away: the replica sees the connection lost. */
  goOffline(): void {
    this.#down('network');
  }

  #down(cause: DisconnectCause): void {
    if (!this.connected) return;
    this.connected = false;
    this.entered = false;
    this.#emit('disconnect', cause);
  }

  #emit<E extends ReplicaSocketEvent>(event: E, ...args: Parameters<ReplicaSocketEvents[E]>): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  }
}
