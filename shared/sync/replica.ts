/**
 * A client's copy of a live meeting, kept in step over a socket: it enters the meeting
 * with the last seq it holds, applies events in order, asks for what it missed when it
 * sees a gap (rule L3), and sends commands with ids so that a retry is applied once (L4).
 * Used by the browser, the integration tests and the benchmarks alike.
 *
 * It knows the connection only through `ReplicaSocket`, and time and ids only through
 * what it is given, so that a test can run it against an in-memory room on a fake clock.
 */
import {
  PROTOCOL_VERSION,
  type AckResult,
  type ErrorCode,
  type EnteredMeeting,
  type MeetingPresence,
  type MeetingSync,
} from '../protocol.ts';
import type { MeetingAccessRole } from '../domain.ts';
import type { CommandInput } from '../meeting/commands.ts';
import { applyEvent } from '../meeting/reducer.ts';
import type { MeetingEvent, MeetingState } from '../meeting/types.ts';
import { randomCommandId, systemClock, type ReplicaClock, type ReplicaSocket, type ReplicaSocketEvents } from './replica-socket.ts';

export type ReplicaStatus =
  /** First attempt under way. */
  | { state: 'connecting' }
  /** Entered the meeting and in step with it. */
  | { state: 'live' }
  /** Lost the connection, or the server is busy; trying again by itself. */
  | { state: 'reconnecting'; since: number; reason?: string }
  /** The server refused this connection or meeting; trying again as is cannot help. */
  | { state: 'refused'; reason: string; code?: ErrorCode }
  /** The session ended (signed out, link revoked or re-issued). */
  | { state: 'ended'; reason: string };

export interface ReplicaOptions {
  clock?: ReplicaClock;
  /** Makes the id of each command sent (8 to 64 letters, digits, - or _). */
  newCommandId?: () => string;
  /** The protocol version announced when entering (another one only to test the server's refusal). */
  protocolVersion?: number;
}

export const ACK_TIMEOUT_MS = 8_000;
const COMMAND_ATTEMPTS = 3;
export const RETRY_AFTER_UNAVAILABLE_MS = 5_000;
/** Refusals after which trying again, as is, cannot succeed. */
const FINAL_CODES: readonly ErrorCode[] = ['unauthenticated', 'forbidden', 'not-found', 'invalid', 'client-outdated'];

export class MeetingReplica {
  state: MeetingState | undefined;
  role: MeetingAccessRole | undefined;
  participantId: string | null = null;
  presence: MeetingPresence | undefined;
  status: ReplicaStatus = { state: 'connecting' };
  #syncing = false;
  /** Events that arrive while entering wait for the enter answer, which may hold earlier ones. */
  #entering = false;
  #held: MeetingEvent[] = [];
  #retry: unknown;
  readonly #listeners = new Set<() => void>();
  readonly #clock: ReplicaClock;
  readonly #newCommandId: () => string;
  readonly #protocolVersion: number;
  readonly #heard: { [E in keyof ReplicaSocketEvents]: ReplicaSocketEvents[E] };

  constructor(
    readonly socket: ReplicaSocket,
    readonly meetingId: string,
    options: ReplicaOptions = {},
  ) {
    this.#clock = options.clock ?? systemClock;
    this.#newCommandId = options.newCommandId ?? randomCommandId;
    this.#protocolVersion = options.protocolVersion ?? PROTOCOL_VERSION;
    this.#heard = {
      connect: () => void this.#enter(),
      disconnect: (cause) => {
        if (this.#isOver()) return;
        if (cause === 'server') {
          // Closed by the server without a word: it will not come back by itself.
          this.#stop({ state: 'refused', reason: 'The server closed the connection. Reload the page to try again.' });
        } else if (cause !== 'client' || this.status.state === 'live') {
          this.#setStatus({ state: 'reconnecting', since: this.#clock.now() });
        }
      },
      connect_error: ({ retrying, code, reason }) => {
        if (this.#isOver()) return;
        // A network failure: the socket tries again by itself.
        if (retrying) this.#setStatus({ state: 'reconnecting', since: this.#since() });
        else if (FINAL_CODES.includes(code)) this.#stop({ state: 'refused', reason, code });
        else this.#retryLater(reason);
      },
      'session:ended': ({ reason }) => this.#stop({ state: 'ended', reason }),
      // A new role: enter again from nothing, for a copy of the meeting filtered for that role.
      'meeting:access-changed': ({ meetingId, role, participantId }) => {
        if (meetingId !== this.meetingId || this.#isOver()) return;
        this.role = role;
        this.participantId = participantId;
        this.#notify();
        void this.#enter(true);
      },
      'meeting:events': ({ meetingId, events }) => {
        if (meetingId === this.meetingId) this.#receive(events);
      },
      'meeting:presence': (presence) => {
        if (presence.meetingId !== this.meetingId) return;
        this.presence = presence;
        this.#notify();
      },
    };
    for (const event of Object.keys(this.#heard) as (keyof ReplicaSocketEvents)[]) socket.on(event, this.#heard[event]);
    if (socket.connected) void this.#enter();
  }

  /** Called after every change of state, status or presence. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops for good (the page goes away). */
  close(): void {
    this.#clock.clearTimeout(this.#retry);
    for (const event of Object.keys(this.#heard) as (keyof ReplicaSocketEvents)[]) this.socket.off(event, this.#heard[event]);
    this.socket.disconnect();
    this.#listeners.clear();
  }

  /**
   * Sends a command; retried with the same id after a lost acknowledgement or a
   * reconnection, so it is applied at most once. Answers the server's verdict.
   */
  async send(command: CommandInput): Promise<AckResult<{ seq: number }>> {
    const commandId = this.#newCommandId();
    let last: AckResult<{ seq: number }> = { ok: false, code: 'unavailable', error: 'Not connected to the meeting.' };
    for (let attempt = 0; attempt < COMMAND_ATTEMPTS; attempt++) {
      // A command goes out only once the meeting is entered on this connection.
      if (this.status.state !== 'live') await this.#waitForLive();
      try {
        const result = await this.socket.request('meeting:command', { meetingId: this.meetingId, commandId, command }, ACK_TIMEOUT_MS);
        if (result.ok || result.code !== 'forbidden' || this.status.state === 'live') return result;
        last = result;
      } catch {
        last = { ok: false, code: 'unavailable', error: 'The server did not answer in time. Check your connection.' };
      }
    }
    return last;
  }

  /** Enters the meeting on this connection; `afresh` asks for the whole state (a new role sees other things). */
  async #enter(afresh = false): Promise<void> {
    let result: AckResult<EnteredMeeting>;
    this.#entering = true;
    try {
      result = await this.socket.request(
        'meeting:enter',
        { meetingId: this.meetingId, afterSeq: afresh ? 0 : (this.state?.seq ?? 0), protocolVersion: this.#protocolVersion },
        ACK_TIMEOUT_MS,
      );
    } catch {
      // No answer in time: drop this connection and let the socket connect again.
      this.socket.drop();
      return;
    } finally {
      this.#entering = false;
    }
    const held = this.#held;
    this.#held = [];
    if (!result.ok) {
      if (FINAL_CODES.includes(result.code)) {
        this.#stop({ state: 'refused', reason: result.error, code: result.code });
      } else {
        this.socket.disconnect();
        this.#retryLater(result.error);
      }
      return;
    }
    this.role = result.role;
    this.participantId = result.participantId;
    this.presence = result.presence;
    this.#applySync(result.sync);
    this.#setStatus({ state: 'live' });
    if (held.length > 0) this.#receive(held);
  }

  #receive(events: MeetingEvent[]): void {
    if (this.#entering || !this.state) {
      this.#held.push(...events);
      return;
    }
    for (const event of events) {
      if (event.seq <= this.state.seq) continue; // Already held (it arrived with a sync).
      if (event.seq !== this.state.seq + 1) {
        void this.#resync();
        return;
      }
      this.state = applyEvent(this.state, event);
    }
    this.#notify();
  }

  async #resync(): Promise<void> {
    if (this.#syncing || !this.state) return;
    this.#syncing = true;
    try {
      const result = await this.socket.request('meeting:sync', { meetingId: this.meetingId, afterSeq: this.state.seq }, ACK_TIMEOUT_MS);
      if (result.ok) this.#applySync(result.sync);
    } catch {
      // Reconnection will enter again with the seq held.
    } finally {
      this.#syncing = false;
    }
    this.#notify();
  }

  #applySync(sync: MeetingSync): void {
    if (sync.kind === 'snapshot') {
      if (!this.state || sync.state.seq >= this.state.seq) this.state = sync.state;
    } else if (this.state) {
      for (const event of sync.events) {
        if (event.seq === this.state.seq + 1) this.state = applyEvent(this.state, event);
      }
    }
  }

  /** Resolves once the meeting is entered again (or after a while, to let the caller try anyway). */
  #waitForLive(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.#clock.clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const timer = this.#clock.setTimeout(done, ACK_TIMEOUT_MS);
      const unsubscribe = this.subscribe(() => {
        if (this.status.state === 'live' || this.#isOver()) done();
      });
    });
  }

  #setStatus(status: ReplicaStatus): void {
    if (this.#isOver()) return;
    this.status = status;
    this.#notify();
  }

  #isOver(): boolean {
    return this.status.state === 'refused' || this.status.state === 'ended';
  }

  #since(): number {
    return this.status.state === 'reconnecting' ? this.status.since : this.#clock.now();
  }

  /** The server is unavailable for now: try again in a while (the socket does not, after a refusal). */
  #retryLater(reason: string): void {
    this.#setStatus({ state: 'reconnecting', since: this.#since(), reason });
    this.#clock.clearTimeout(this.#retry);
    this.#retry = this.#clock.setTimeout(() => {
      if (this.status.state === 'reconnecting' && !this.socket.connected) this.socket.connect();
    }, RETRY_AFTER_UNAVAILABLE_MS);
  }

  #stop(status: ReplicaStatus): void {
    this.status = status;
    this.#clock.clearTimeout(this.#retry);
    this.socket.disconnect();
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
