/**
 * The live connection of the meeting page: one socket.io connection that enters one
 * meeting, re-enters after every reconnection, and says in plain words where it stands.
 * It will grow to carry the queue, the timer and the captions.
 */
import { io, type Socket } from 'socket.io-client';
import type { MeetingAccessRole } from '../../shared/domain.ts';
import type {
  ClientToServerEvents,
  ConnectionRefusal,
  ErrorCode,
  ServerToClientEvents,
} from '../../shared/protocol.ts';

export type ConnectionStatus =
  /** First attempt under way. */
  | 'connecting'
  /** Entered the meeting; live. */
  | 'connected'
  /** Lost the connection (or the server is busy); trying again on its own. */
  | 'reconnecting'
  /** The server refused this connection or the meeting; trying again will not help. */
  | 'refused'
  /** The session behind this connection ended (signed out, link revoked or re-issued). */
  | 'ended';

type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ENTER_TIMEOUT_MS = 10_000;
const RETRY_AFTER_UNAVAILABLE_MS = 5_000;

/** Codes after which trying again, as is, cannot succeed. */
const FINAL_CODES: readonly ErrorCode[] = ['unauthenticated', 'forbidden', 'not-found', 'invalid'];

function isRefusal(data: unknown): data is ConnectionRefusal {
  return typeof data === 'object' && data !== null && 'code' in data && 'reason' in data;
}

export class MeetingConnection {
  status = $state<ConnectionStatus>('connecting');
  /** The role the server admitted this connection with. */
  role = $state<MeetingAccessRole | null>(null);
  participantId = $state<string | null>(null);
  /** Why the connection is refused, ended or retrying, in the server's words. */
  error = $state<string | null>(null);
  errorCode = $state<ErrorCode | null>(null);
  /** Server clock minus this device's clock, in ms, for timers. */
  clockOffsetMs = $state(0);

  readonly meetingId: string;
  #socket: MeetingSocket | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(meetingId: string) {
    this.meetingId = meetingId;
  }

  /** Open the connection; safe to call once per instance. Call `close` when the page goes. */
  open(): void {
    if (this.#socket) return;
    const socket: MeetingSocket = io({ transports: ['websocket', 'polling'] });
    this.#socket = socket;

    socket.on('connect', () => void this.#enter(socket));

    socket.on('connect_error', (error: Error & { data?: unknown }) => {
      if (socket.active) {
        // A network failure: socket.io tries again by itself.
        this.#setStatus('reconnecting');
        return;
      }
      // Refused by the server's middleware: socket.io stops; decide whether to retry.
      const refusal = isRefusal(error.data) ? error.data : undefined;
      const code = refusal?.code ?? 'internal';
      const reason = refusal?.reason ?? error.message;
      if (FINAL_CODES.includes(code)) {
        this.#refuse(code, reason);
      } else {
        this.#setStatus('reconnecting', reason, code);
        this.#retryLater(socket);
      }
    });

    socket.on('disconnect', (reason) => {
      if (this.status === 'ended' || this.status === 'refused') return;
      if (reason === 'io client disconnect') return;
      if (reason === 'io server disconnect') {
        // The server closed this connection without saying why; it will not come back by itself.
        this.#refuse('forbidden', 'The server closed the connection. Reload the page to try again.');
        return;
      }
      this.#setStatus('reconnecting');
    });

    socket.on('session:ended', ({ reason }) => {
      this.status = 'ended';
      this.error = reason;
      this.errorCode = 'unauthenticated';
      this.#stop();
    });
  }

  /** Close for good (the page is going away). */
  close(): void {
    this.#stop();
    this.#socket = undefined;
  }

  async #enter(socket: MeetingSocket): Promise<void> {
    const result = await socket
      .timeout(ENTER_TIMEOUT_MS)
      .emitWithAck('meeting:enter', { meetingId: this.meetingId })
      .catch(() => undefined);
    if (this.#socket !== socket) return;
    if (!result) {
      // No answer in time: drop this connection and let socket.io reconnect.
      if (socket.connected) {
        this.#setStatus('reconnecting', 'The server did not answer in time.');
        socket.io.engine.close();
      }
      return;
    }
    if (result.ok) {
      this.status = 'connected';
      this.role = result.role;
      this.participantId = result.participantId;
      this.error = null;
      this.errorCode = null;
      this.clockOffsetMs = result.serverTime - Date.now();
    } else if (FINAL_CODES.includes(result.code)) {
      this.#refuse(result.code, result.error);
    } else {
      this.#setStatus('reconnecting', result.error, result.code);
      socket.disconnect();
      this.#retryLater(socket);
    }
  }

  #setStatus(status: ConnectionStatus, error: string | null = null, code: ErrorCode | null = null): void {
    if (this.status === 'ended' || this.status === 'refused') return;
    this.status = status;
    this.error = error;
    this.errorCode = code;
  }

  #refuse(code: ErrorCode, reason: string): void {
    this.status = 'refused';
    this.error = reason;
    this.errorCode = code;
    this.#stop();
  }

  #retryLater(socket: MeetingSocket): void {
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => {
      if (this.#socket === socket && this.status === 'reconnecting') socket.connect();
    }, RETRY_AFTER_UNAVAILABLE_MS);
  }

  #stop(): void {
    clearTimeout(this.#retry);
    this.#socket?.disconnect();
    this.#socket?.removeAllListeners();
  }
}
