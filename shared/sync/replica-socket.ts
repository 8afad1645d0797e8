/**
 * What the replica needs of a connection to the server, and nothing more: requests that
 * are answered (enter, sync, command), the server's notices it listens to, and the
 * connection's ups and downs. socket.io in the browser and the tests (socket-io-adapter.ts),
 * or an in-memory room in unit tests, stand behind it.
 */
import type { AckResult, ClientToServerEvents, CommandResult, ErrorCode, ServerToClientEvents } from '../protocol.ts';

/** The requests the replica sends, each answered by the server. */
export type ReplicaRequests = Pick<ClientToServerEvents, 'meeting:enter' | 'meeting:sync' | 'meeting:command'>;
export type ReplicaRequest = keyof ReplicaRequests;
export type ReplicaPayload<E extends ReplicaRequest> = Parameters<ReplicaRequests[E]>[0];

/** Why a connection went down. */
export type DisconnectCause =
  /** The server closed it: it will not come back by itself. */
  | 'server'
  /** This side closed it (`disconnect()`). */
  | 'client'
  /** The network failed: the socket connects again by itself. */
  | 'network';

/** A connection attempt that failed. */
export interface ConnectFailure {
  /** The socket tries again by itself (a network failure), as opposed to a refusal by the server. */
  retrying: boolean;
  code: ErrorCode;
  reason: string;
}

export interface ReplicaSocketEvents extends Pick<
  ServerToClientEvents,
  'meeting:events' | 'meeting:presence' | 'meeting:access-changed' | 'session:ended'
> {
  connect: () => void;
  disconnect: (cause: DisconnectCause) => void;
  connect_error: (failure: ConnectFailure) => void;
}
export type ReplicaSocketEvent = keyof ReplicaSocketEvents;

export interface ReplicaSocket {
  readonly connected: boolean;
  /** Sends a request and resolves with the server's answer; rejects when none came within `timeoutMs`. */
  request<E extends ReplicaRequest>(event: E, payload: ReplicaPayload<E>, timeoutMs: number): Promise<AckResult<CommandResult<E>>>;
  on<E extends ReplicaSocketEvent>(event: E, listener: ReplicaSocketEvents[E]): void;
  off<E extends ReplicaSocketEvent>(event: E, listener: ReplicaSocketEvents[E]): void;
  /** Connects again after a refusal (after a network failure the socket does so by itself). */
  connect(): void;
  /** Drops this connection only: the socket connects again by itself. */
  drop(): void;
  /** Closes the connection; it stays closed until `connect()`. */
  disconnect(): void;
}

/** Time for the replica: read and waited on, so that tests can move it by hand. */
export interface ReplicaClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: ReplicaClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A fresh command id: 24 random hex digits (rule L4 needs only that it be this client's own). */
export function randomCommandId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
