/**
 * A client's copy of a live meeting, kept in step over a socket: it enters the meeting
 * with the last seq it holds, applies events in order, asks for what it missed when it
 * sees a gap (rule L3), and sends commands with ids so that a retry is applied once (L4).
 * Used by the browser, the integration tests and the benchmarks alike.
 */
import type { Socket } from 'socket.io-client';
import type {
  AckResult,
  ClientToServerEvents,
  ConnectionRefusal,
  ErrorCode,
  EnteredMeeting,
  MeetingPresence,
  MeetingSync,
  ServerToClientEvents,
} from '../protocol.ts';
import type { MeetingAccessRole } from '../domain.ts';
import type { CommandInput } from './commands.ts';
import { applyEvent } from './reducer.ts';
import type { MeetingEvent, MeetingState } from './types.ts';

export type MeetingSocketClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ReplicaStatus =
  /** First attempt under way. */
  | { state: 'connecting' }
  /** Entered the meeting and in step with it. */
  | { state: 'live' }
  /** Lost the connection, or the server is busy; trying again by itself. */
  | { state: 'reconnecting'; since: number; reason?: string }
  /** The server refused this connection or meeting; trying again as is cannot help. */
  | { state: 'refused'; reason: string }
  /** The session ended (signed out, link revoked or re-issued). */
  | { state: 'ended'; reason: string };

const ACK_TIMEOUT_MS = 8_000;
const COMMAND_ATTEMPTS = 3;
const RETRY_AFTER_UNAVAILABLE_MS = 5_000;
/** Refusals after which trying again, as is, cannot succeed. */
const FINAL_CODES: readonly ErrorCode[] = ['unauthenticated', 'forbidden', 'not-found', 'invalid'];

export class MeetingReplica {
  state: MeetingState | undefined;
  role: MeetingAccessRole | undefined;
  participantId: string | null = null;
  presence: MeetingPresence | undefined;
  status: ReplicaStatus = { state: 'connecting' };
  /** Server clock minus this clock, in ms, measured when entering. */
  serverOffsetMs = 0;
  #syncing = false;
  /** Events that arrive while entering wait for the enter answer, which may hold earlier ones. */
  #entering = false;
  #held: MeetingEvent[] = [];
  #retry: ReturnType<typeof setTimeout> | undefined;
  readonly #listeners = new Set<() => void>();

  constructor(
    readonly socket: MeetingSocketClient,
    readonly meetingId: string,
  ) {
    socket.on('connect', () => void this.#enter());
    socket.on('disconnect', (reason) => {
      if (this.#isOver()) return;
      if (reason === 'io server disconnect') {
        // Closed by the server without a word: it will not come back by itself.
        this.#stop({ state: 'refused', reason: 'The server closed the connection. Reload the page to try again.' });
      } else if (reason !== 'io client disconnect' || this.status.state === 'live') {
        this.#setStatus({ state: 'reconnecting', since: Date.now() });
      }
    });
    socket.on('connect_error', (error: Error & { data?: Partial<ConnectionRefusal> }) => {
      if (this.#isOver()) return;
      if (socket.active) {
        // A network failure: socket.io tries again by itself.
        this.#setStatus({ state: 'reconnecting', since: this.#since() });
        return;
      }
      const code = error.data?.code ?? 'internal';
      const reason = error.data?.reason ?? error.message;
      if (FINAL_CODES.includes(code)) this.#stop({ state: 'refused', reason });
      else this.#retryLater(reason);
    });
    socket.on('session:ended', ({ reason }) => this.#stop({ state: 'ended', reason }));
    // A new role: enter again from nothing, for a copy of the meeting filtered for that role.
    socket.on('meeting:access-changed', ({ meetingId, role, participantId }) => {
      if (meetingId !== this.meetingId || this.#isOver()) return;
      this.role = role;
      this.participantId = participantId;
      this.#notify();
      void this.#enter(true);
    });
    socket.on('meeting:events', ({ meetingId, events }) => {
      if (meetingId === this.meetingId) this.#receive(events);
    });
    socket.on('meeting:presence', (presence) => {
      if (presence.meetingId !== this.meetingId) return;
      this.presence = presence;
      this.#notify();
    });
    if (socket.connected) void this.#enter();
  }

  /** Called after every change of state, status or presence. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops for good (the page goes away). */
  close(): void {
    clearTimeout(this.#retry);
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.#listeners.clear();
  }

  /** The server's clock now, for rendering timers. */
  serverNow(): number {
    return Date.now() + this.serverOffsetMs;
  }

  /**
   * Sends a command; retried with the same id after a lost acknowledgement or a
   * reconnection, so it is applied at most once. Answers the server's verdict.
   */
  async send(command: CommandInput): Promise<AckResult<{ seq: number }>> {
    const commandId = newCommandId();
    let last: AckResult<{ seq: number }> = { ok: false, code: 'unavailable', error: 'Not connected to the meeting.' };
    for (let attempt = 0; attempt < COMMAND_ATTEMPTS; attempt++) {
      // A command goes out only once the meeting is entered on this connection.
      if (this.status.state !== 'live') await this.#waitForLive();
      try {
        const result = await this.socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('meeting:command', { meetingId: this.meetingId, commandId, command });
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
    const sentAt = Date.now();
    let result: AckResult<EnteredMeeting>;
    this.#entering = true;
    try {
      result = await this.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('meeting:enter', { meetingId: this.meetingId, afterSeq: afresh ? 0 : (this.state?.seq ?? 0) });
    } catch {
      // No answer in time: drop this connection and let socket.io reconnect.
      if (this.socket.connected) this.socket.io.engine?.close();
      return;
    } finally {
      this.#entering = false;
    }
    const held = this.#held;
    this.#held = [];
    if (!result.ok) {
      if (FINAL_CODES.includes(result.code)) {
        this.#stop({ state: 'refused', reason: result.error });
      } else {
        this.socket.disconnect();
        this.#retryLater(result.error);
      }
      return;
    }
    const receivedAt = Date.now();
    this.serverOffsetMs = result.serverTime - Math.round((sentAt + receivedAt) / 2);
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
      const result = await this.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('meeting:sync', { meetingId: this.meetingId, afterSeq: this.state.seq });
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
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const timer = setTimeout(done, ACK_TIMEOUT_MS);
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
    return this.status.state === 'reconnecting' ? this.status.since : Date.now();
  }

  /** The server is unavailable for now: try again in a while (socket.io does not, after a refusal). */
  #retryLater(reason: string): void {
    this.#setStatus({ state: 'reconnecting', since: this.#since(), reason });
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => {
      if (this.status.state === 'reconnecting' && !this.socket.connected) this.socket.connect();
    }, RETRY_AFTER_UNAVAILABLE_MS);
  }

  #stop(status: ReplicaStatus): void {
    this.status = status;
    clearTimeout(this.#retry);
    this.socket.disconnect();
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

function newCommandId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
