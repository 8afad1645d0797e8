/**
 * Reading a meeting's finished caption lines from other tools: with a read token (made and
 * revoked by the secretariat), a pull in StreamText's shape (`?last=N` → `{content,
 * lastPosition, languageCode}`) or a Server-Sent Events stream (`id:` = position). A line's
 * position is its place in the meeting's transcript; lines of other channels are skipped.
 */
import * as v from 'valibot';
import { INT4_MAX, StorableText } from './storable.ts';
import { CaptionChannelSchema, FLOOR_CHANNEL } from './caption-channels.ts';

/** Read tokens one meeting may have. */
export const MAX_READ_TOKENS_PER_MEETING = 10;
/** Lines one pull (or one catch-up of the stream) gives at most; the reader asks again from `lastPosition`. */
export const PULL_MAX_LINES = 200;
/** Pulls one read token may make per minute (a tool polling every second uses half). */
export const PULLS_PER_MINUTE = 120;
/** Streams one read token may hold open at once. */
export const STREAMS_PER_TOKEN = 5;

/** What the secretariat sees of a read token: never the token itself, which is shown once when made. */
export interface CaptionReadTokenView {
  id: string;
  /** Its last four characters, to tell tokens apart. */
  hint: string;
  createdAt: string;
}

/** A token just made: the only time it is shown, with the addresses that use it. */
export interface NewCaptionReadToken extends CaptionReadTokenView {
  token: string;
  pullUrl: string;
  streamUrl: string;
}

/** StreamText's answer: the lines after `last`, each ended by a newline, and the position to ask from next. */
export interface CaptionPull {
  content: string;
  lastPosition: number;
  languageCode: string | null;
}

/** One line on the stream (its `data:`); its `id:` is the position. */
export interface CaptionStreamLine {
  position: number;
  text: string;
  language: string | null;
  speakerName: string | null;
  startedAt: number;
}

export const ReadToken = v.pipe(StorableText, v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a read token'));
const Position = v.pipe(
  StorableText,
  v.regex(/^\d{1,10}$/, 'must be a whole number of 0 or more (the lastPosition of the previous answer)'),
  v.transform(Number),
  v.maxValue(INT4_MAX, 'is beyond any position'),
);

/** `?token=…&last=N&channel=…`: the token may come in an `Authorization: Bearer …` header instead. */
export const CaptionReadQuery = v.object({
  token: v.optional(ReadToken),
  last: v.optional(Position),
  channel: v.optional(CaptionChannelSchema, FLOOR_CHANNEL),
});

/** The `Last-Event-ID` a reconnecting stream sends: the last position it had. */
export const LastEventId = Position;
