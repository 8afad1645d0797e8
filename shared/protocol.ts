/**
 * The socket protocol, defined once: the events each side may send, their payload
 * schemas, and the acknowledgement every command gets. The server validates every
 * payload with these schemas; the client is typed from the same maps.
 */
import * as v from 'valibot';
import type { MeetingAccessRole } from './domain.ts';

export const PROTOCOL_VERSION = 1;

/** Why a command or a connection was refused. */
export const ERROR_CODES = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'rate-limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type AckFailure = { ok: false; code: ErrorCode; error: string };
export type AckResult<T extends object = object> = ({ ok: true } & T) | AckFailure;
export type Ack<T extends object = object> = (result: AckResult<T>) => void;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export const EnterMeetingSchema = v.strictObject({ meetingId: Id });
export type EnterMeeting = v.InferOutput<typeof EnterMeetingSchema>;

export interface EnteredMeeting {
  meetingId: string;
  role: MeetingAccessRole;
  participantId: string | null;
  /** Server clock at answer time (ms since epoch), for timers rendered on the client. */
  serverTime: number;
}

export interface ClientToServerEvents {
  'meeting:enter': (payload: EnterMeeting, ack: Ack<EnteredMeeting>) => void;
}

export interface ServerToClientEvents {
  /** The session behind this connection ended (signed out, link revoked); the client should stop. */
  'session:ended': (payload: { reason: string }) => void;
}

/** What a successful command answers, besides `ok: true`. */
export type CommandResult<E extends keyof ClientToServerEvents> =
  ClientToServerEvents[E] extends (payload: never, ack: Ack<infer T>) => void ? T : never;

/** Payload schemas of every client event, for the server's validating wrapper. */
export const CLIENT_EVENT_SCHEMAS = {
  'meeting:enter': EnterMeetingSchema,
} as const satisfies Record<keyof ClientToServerEvents, v.GenericSchema>;

/** Sent with the refusal of a connection (socket.io's `connect_error` has `data`). */
export interface ConnectionRefusal {
  code: ErrorCode;
  reason: string;
}
