/**
 * Live captions: the segments of the transcript, the line being typed, and the rules for
 * text that arrives from captioning software (backspaces delete, newlines end a line).
 */
import * as v from 'valibot';
import { INT4_MAX, IdText, StorableText } from './storable.ts';
import { CaptionChannelSchema, type CaptionChannel } from './caption-channels.ts';

/** A finished caption line, attributed, as stored and exported. */
export interface CaptionSegment {
  /** Order within the meeting (across all its channels), from 1. */
  seq: number;
  /** When the line was begun and finished (server ms). */
  startedAt: number;
  endedAt: number;
  /** Milliseconds from the meeting's opening (or its planned start) to the line's start. */
  offsetMs: number;
  itemId: string | null;
  speakerId: string | null;
  speakerName: string | null;
  text: string;
  language: string | null;
  /** The caption channel it was written to. */
  channel: CaptionChannel;
}

/** The line being typed now: words appear while typed, and may still change. */
export interface CaptionDraft {
  text: string;
  startedAt: number;
  speakerName: string | null;
}

export const CAPTION_LIMITS = {
  /** One line: longer ones are ended and a new one begun. */
  lineChars: 1_000,
  /** One HTTP post or socket message. */
  postBytes: 8_192,
  /** Segments a reader gets at once on joining, and per "load earlier" request. */
  recent: 50,
  history: 200,
} as const;

const Id = IdText;
const LineText = v.pipe(StorableText, v.maxLength(CAPTION_LIMITS.lineChars, `must be at most ${CAPTION_LIMITS.lineChars} characters`));
const Language = v.pipe(StorableText, v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or en-US'));

/** The channel a write goes to: the writer's own when left out; any other is refused. */
const WriteChannel = v.optional(CaptionChannelSchema);

/** The captioner's console sends the whole current line as it stands (so corrections are simple). */
export const CaptionTypingSchema = v.strictObject({
  meetingId: Id,
  channel: WriteChannel,
  text: LineText,
  final: v.boolean(),
  /** The console's id for a finished line: sent again after a lost answer, it is stored once. */
  lineId: v.optional(v.pipe(StorableText, v.regex(/^[A-Za-z0-9_-]{8,64}$/))),
});
/** The captioner marks who speaks now (until the floor changes); null returns to the floor. */
export const CaptionSpeakerSchema = v.strictObject({
  meetingId: Id,
  channel: WriteChannel,
  speakerId: v.nullable(Id),
  speakerName: v.nullable(v.pipe(StorableText, v.trim(), v.minLength(1), v.maxLength(200))),
});
/**
 * A channel's finished lines. Asking for the latest (no `beforeSeq`) also follows the channel:
 * its new lines and the line being typed in it come to this connection from then on.
 */
export const CaptionHistorySchema = v.strictObject({
  meetingId: Id,
  channel: v.optional(CaptionChannelSchema, 'floor'),
  /** Segments before this seq; omitted for the latest. */
  beforeSeq: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(INT4_MAX, 'is beyond any seq'))),
});
/** A reader stops following a channel (on switching to another). */
export const CaptionUnfollowSchema = v.strictObject({ meetingId: Id, channel: CaptionChannelSchema });
/** The captioner chooses the channel they write to, among the meeting's. */
export const CaptionerChannelSchema = v.strictObject({ meetingId: Id, channel: CaptionChannelSchema });

/** The JSON form of the ingestion API: text appended to the current line (with backspaces), ended when final. */
export const CaptionPostSchema = v.strictObject({
  text: v.pipe(StorableText, v.maxLength(CAPTION_LIMITS.postBytes)),
  final: v.optional(v.boolean(), false),
  speaker: v.optional(v.pipe(StorableText, v.trim(), v.minLength(1), v.maxLength(200))),
  lang: v.optional(Language),
});
/** Captioning software connecting a socket (no session): the meeting and its caption token, in socket.io's `auth`. */
export const CaptionStreamAuthSchema = v.object({
  meetingId: Id,
  captionToken: v.pipe(StorableText, v.regex(/^[A-Za-z0-9_-]{20,100}$/)),
});
/** The socket stream: like a post to the ingestion URL, in order over one connection. */
export const CaptionStreamSchema = v.strictObject({
  meetingId: Id,
  channel: WriteChannel,
  text: v.pipe(StorableText, v.maxLength(CAPTION_LIMITS.postBytes)),
  final: v.optional(v.boolean(), false),
  speaker: v.optional(v.pipe(StorableText, v.trim(), v.minLength(1), v.maxLength(200))),
  lang: v.optional(Language),
});
export const CaptionQuerySchema = v.object({
  token: v.pipe(StorableText, v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a caption token')),
  seq: v.optional(
    v.pipe(StorableText, v.regex(/^\d{1,12}$/, 'must be a whole number'), v.transform(Number), v.maxValue(INT4_MAX, 'is beyond any seq')),
  ),
  lang: v.optional(Language),
  speaker: v.optional(v.pipe(StorableText, v.trim(), v.minLength(1), v.maxLength(200))),
  final: v.optional(v.picklist(['0', '1', 'true', 'false'])),
});

/**
 * Applies text as captioning software sends it to the line being typed: a backspace
 * (U+0008) or DEL (U+007F) deletes the character before it; a newline ends the line.
 * Returns the lines ended and the line still being typed.
 */
export function applyTyped(current: string, incoming: string): { ended: string[]; current: string } {
  const ended: string[] = [];
  let line = Array.from(current);
  for (const char of Array.from(incoming.replace(/\r\n?/g, '\n'))) {
    if (char === '\b' || char === '\u007f') line.pop();
    else if (char === '\n') {
      ended.push(line.join(''));
      line = [];
    } else if (char >= ' ' || char === '\t') line.push(char === '\t' ? ' ' : char);
  }
  return { ended, current: line.join('') };
}

/** Ends an over-long line at a word boundary (so nothing is cut), as many times as needed. */
export function splitLongLine(text: string, max: number = CAPTION_LIMITS.lineChars): { ended: string[]; rest: string } {
  const ended: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    const cut = space > max / 2 ? space : max;
    ended.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  return { ended, rest };
}

/** Collapses spaces and trims; empty lines are not kept. */
export function cleanLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
