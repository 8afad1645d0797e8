/** The messages between the benchmark's parent process and its client workers. */
import type { CommandInput } from '../../shared/meeting/commands.ts';

export type ClientMode = 'equalfloor' | 'baseline';

export interface ClientSpec {
  /** Index of the client within the run (unique across workers). */
  idx: number;
  meetingId: string;
  /** `name=value` session cookie (EqualFloor only). */
  cookie?: string;
}

export interface ConnectRequest {
  op: 'connect';
  url: string;
  mode: ClientMode;
  clients: ClientSpec[];
  /** Connections being opened at once by this worker. */
  concurrency: number;
  timeoutMs: number;
  /**
   * A join storm instead: every client opens its socket at a random moment within `spreadMs` of
   * `startAt` (an absolute `now()`), however many are in flight.
   */
  storm?: { startAt: number; spreadMs: number };
}
export interface ConnectResult {
  /** Per client: ms from creating the socket to holding the meeting (EqualFloor) or being connected (baseline). */
  joinMs: number[];
  failed: number;
  errors: string[];
  elapsedMs: number;
  /** Per client that joined: the size of the answer to `meeting:enter`, as JSON, in bytes. */
  enterBytes: number[];
  /** One answer to `meeting:enter` as received (for the baseline to send the same). */
  sampleEnter?: unknown;
  /** When the last client of this worker held the meeting (`now()`). */
  lastLiveAt: number;
}

/** Waits until every client of each meeting holds at least the seq given for it. */
export interface WaitSeqRequest {
  op: 'waitSeq';
  targets: Record<string, number>;
  timeoutMs: number;
}
export interface WaitSeqResult {
  reached: number;
  lagging: number;
  minSeq: number;
}

export interface ScheduledCommand {
  /** Absolute time (now()) at which to send. */
  at: number;
  idx: number;
  command: CommandInput;
  tag: string;
}
export interface CommandsRequest {
  op: 'commands';
  schedule: ScheduledCommand[];
  timeoutMs: number;
}
export interface CommandOutcome {
  tag: string;
  idx: number;
  meetingId: string;
  sentAt: number;
  ackAt: number;
  ok: boolean;
  seq: number | null;
  error?: string;
}

export interface DropRequest {
  op: 'drop';
  idxs: number[];
}
export interface ReconnectRequest {
  op: 'reconnect';
  idxs: number[];
  /** Absolute time of the first reconnection; each client starts at a random moment within `spreadMs`. */
  start: number;
  spreadMs: number;
  /** The seq each client must hold to count as caught up. */
  targetSeq: number;
  timeoutMs: number;
}
export interface ReconnectResult {
  catchUpMs: number[];
  /** How each caught up: events after its seq, or a whole snapshot. */
  viaEvents: number;
  viaSnapshot: number;
  failed: number;
}

export interface CollectRequest {
  op: 'collect';
}
/**
 * Receipt times per key (`e:<meeting>:<seq>`, `s:<text>`, `d:<text>`, `b:<n>`), one per client
 * that received it; `m` holds one time per `meeting:events` message received, by any client.
 */
export type Receipts = Record<string, number[]>;

export interface CloseRequest {
  op: 'close';
}
export interface StatusRequest {
  op: 'status';
}
export interface StatusResult {
  clients: number;
  live: number;
  rssBytes: number;
}

export type WorkerRequest =
  ConnectRequest | WaitSeqRequest | CommandsRequest | DropRequest | ReconnectRequest | CollectRequest | CloseRequest | StatusRequest;

export type WorkerMessage = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
