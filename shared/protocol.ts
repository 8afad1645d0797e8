/**
 * The socket protocol, defined once: the events each side may send, their payload
 * schemas, and the acknowledgement every command gets. The server validates every
 * payload with these schemas; the client is typed from the same maps.
 */
import * as v from 'valibot';
import { INT4_MAX, IdText, StorableText } from './storable.ts';
import type { Location, MeetingAccessRole } from './domain.ts';
import { CommandSchema } from './meeting/commands.ts';
import type { MeetingEvent, MeetingState } from './meeting/types.ts';
import {
  CaptionHistorySchema,
  CaptionerChannelSchema,
  CaptionSpeakerSchema,
  CaptionUnfollowSchema,
  CaptionStreamSchema,
  CaptionTypingSchema,
  type CaptionDraft,
  type CaptionSegment,
} from './captions.ts';
import type { CaptionChannel } from './caption-channels.ts';
import type { ErrorCode } from './errors.ts';

/**
 * The version of this protocol, sent by the client when it enters a meeting. The server
 * refuses any other (`client-outdated`): a page loaded before a deployment reloads itself.
 * Raise it whenever a change would make an older page misread the server, or the reverse.
 */
export const PROTOCOL_VERSION = 1;

export { ERROR_CODES, CommandRejected, type ErrorCode } from './errors.ts';

export type AckFailure = { ok: false; code: ErrorCode; error: string };
export type AckResult<T extends object = object> = ({ ok: true } & T) | AckFailure;
export type Ack<T extends object = object> = (result: AckResult<T>) => void;

const Id = IdText;

const Seq = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(INT4_MAX, 'is beyond any seq'));

/**
 * Enter a meeting's live channel; `afterSeq` is the last event the client holds (0: none),
 * `protocolVersion` the client's PROTOCOL_VERSION. A missing version is that of a page from
 * before versions were sent: it is answered `client-outdated` like any other, not `invalid`.
 */
export const EnterMeetingSchema = v.strictObject({
  meetingId: Id,
  afterSeq: v.optional(Seq, 0),
  protocolVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(INT4_MAX)), 0),
});
/** What a client sends: always with its version. */
export type EnterMeeting = v.InferInput<typeof EnterMeetingSchema> & { protocolVersion: number };

export const SyncMeetingSchema = v.strictObject({ meetingId: Id, afterSeq: Seq });
export type SyncMeeting = v.InferInput<typeof SyncMeetingSchema>;

/** A command with the client's own id for it: a retry with the same id is applied once (rule L4). */
export const MeetingCommandSchema = v.strictObject({
  meetingId: Id,
  commandId: v.pipe(StorableText, v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _')),
  command: CommandSchema,
});
export type MeetingCommand = v.InferInput<typeof MeetingCommandSchema>;

/** Asks the server's clock, to measure this clock's offset to it (no payload). */
export const ClockPingSchema = v.strictObject({});

/** How a client catches up: the events it missed, or the whole state. */
export type MeetingSync = { kind: 'events'; events: MeetingEvent[] } | { kind: 'snapshot'; state: MeetingState };

export interface EnteredMeeting {
  meetingId: string;
  role: MeetingAccessRole;
  participantId: string | null;
  /** Server clock at answer time (ms since epoch), for timers rendered on the client. */
  serverTime: number;
  sync: MeetingSync;
  presence: MeetingPresence;
}

/** Who is connected now; sent a few times a second at most, never per keystroke. */
export interface MeetingPresence {
  meetingId: string;
  /** Connected people by where they take part from (`unknown`: not yet said). */
  counts: Record<Location | 'unknown', number>;
  /** Roster ids of everyone connected now: sent to the chair and secretariat only. */
  connected?: string[];
  /** People in a queue or holding the floor who have no connection now (shown as reconnecting). */
  away: string[];
}

export interface ClientToServerEvents {
  'meeting:enter': (payload: EnterMeeting, ack: Ack<EnteredMeeting>) => void;
  'meeting:sync': (payload: SyncMeeting, ack: Ack<{ sync: MeetingSync }>) => void;
  'meeting:command': (payload: MeetingCommand, ack: Ack<{ seq: number }>) => void;
  /** The server's clock now (ms since epoch): every screen ticks on the server's second. */
  'clock:ping': (payload: v.InferInput<typeof ClockPingSchema>, ack: Ack<{ serverTime: number }>) => void;
  /** The captioner's current line as it stands; `final` ends it. */
  'captions:typing': (payload: v.InferInput<typeof CaptionTypingSchema>, ack: Ack) => void;
  'captions:speaker': (payload: v.InferInput<typeof CaptionSpeakerSchema>, ack: Ack) => void;
  /** Captioning software's stream: text appended to the line (backspaces delete, newlines end it). */
  'captions:stream': (payload: v.InferInput<typeof CaptionStreamSchema>, ack: Ack) => void;
  /** The latest finished lines, or those before a seq: late joiners and "load earlier". */
  'captions:history': (
    payload: v.InferInput<typeof CaptionHistorySchema>,
    ack: Ack<{
      segments: CaptionSegment[];
      draft: CaptionDraft | null;
      /** The meeting's caption channels now, the floor first. */
      channels: CaptionChannel[];
      /** The channel this connection's person writes to, when they are a captioner. */
      writes: CaptionChannel | null;
    }>,
  ) => void;
  /** A reader stops following a caption channel. */
  'captions:unfollow': (payload: v.InferInput<typeof CaptionUnfollowSchema>, ack: Ack) => void;
  /** The captioner chooses the caption channel they write to (kept with their roster entry). */
  'captions:channel': (payload: v.InferInput<typeof CaptionerChannelSchema>, ack: Ack<{ channel: CaptionChannel }>) => void;
}

export interface ServerToClientEvents {
  /** New events of a meeting, in order, each stored before it is sent. */
  'meeting:events': (payload: { meetingId: string; events: MeetingEvent[] }) => void;
  'meeting:presence': (payload: MeetingPresence) => void;
  /** The line being typed (sent a few times a second at most, and may be dropped). */
  'captions:draft': (payload: { meetingId: string; channel: CaptionChannel; draft: CaptionDraft | null }) => void;
  /** The draft summary was generated (when the meeting ended): to the chair and secretariat. */
  'record:ready': (payload: { meetingId: string; version: number }) => void;
  /** A finished caption line. */
  'captions:segment': (payload: { meetingId: string; segment: CaptionSegment }) => void;
  /**
   * This connection's access to the meeting changed (a new role, or a roster entry now linked):
   * commands are judged by the new role from now on; the client enters again for a fresh copy.
   */
  'meeting:access-changed': (payload: { meetingId: string; role: MeetingAccessRole; participantId: string | null }) => void;
  /** The session behind this connection ended (signed out, link revoked); the client should stop. */
  'session:ended': (payload: { reason: string }) => void;
}

/** What a successful command answers, besides `ok: true`. */
export type CommandResult<E extends keyof ClientToServerEvents> = ClientToServerEvents[E] extends (
  payload: never,
  ack: Ack<infer T>,
) => void
  ? T
  : never;

/** Payload schemas of every client event, for the server's validating wrapper. */
export const CLIENT_EVENT_SCHEMAS = {
  'meeting:enter': EnterMeetingSchema,
  'meeting:sync': SyncMeetingSchema,
  'meeting:command': MeetingCommandSchema,
  'clock:ping': ClockPingSchema,
  'captions:typing': CaptionTypingSchema,
  'captions:speaker': CaptionSpeakerSchema,
  'captions:stream': CaptionStreamSchema,
  'captions:history': CaptionHistorySchema,
  'captions:unfollow': CaptionUnfollowSchema,
  'captions:channel': CaptionerChannelSchema,
} as const satisfies Record<keyof ClientToServerEvents, v.GenericSchema>;

/** Sent with the refusal of a connection (socket.io's `connect_error` has `data`). */
export interface ConnectionRefusal {
  code: ErrorCode;
  reason: string;
}
