/**
 * The transcript in the forms people use: plain text in the style of the IGF transcripts
 * (`>> NAME:  text` turns), WebVTT with voice tags, SRT, and JSON. Times run from the
 * meeting's opening.
 */
import type { CaptionSegment } from '../../shared/captions.ts';
import { CAPTION_CHANNEL_NAMES, FLOOR_CHANNEL, type CaptionChannel, type UnLanguage } from '../../shared/caption-channels.ts';

/** The language of a channel's lines: a UN language's own, none for the floor (spoken in any). */
export function channelLanguage(channel: CaptionChannel): UnLanguage | null {
  return channel === FLOOR_CHANNEL ? null : channel;
}

export const DEFAULT_CAPTION_NOTICE =
  'The following are the outputs of the real-time captioning taken during this meeting. Although it is largely accurate, ' +
  'in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors. It is posted as an aid, ' +
  'but should not be treated as an authoritative record.';

/** Consecutive lines of one speaker form a turn; each line is a paragraph of it. A language channel is named under the title. */
export function plainTranscript(
  title: string,
  notice: string,
  segments: readonly CaptionSegment[],
  channel: CaptionChannel = FLOOR_CHANNEL,
): string {
  const heading = channel === FLOOR_CHANNEL ? [title] : [title, `Language: ${CAPTION_CHANNEL_NAMES[channel]} (${channel})`];
  const parts = [...heading, '', notice, '', '***', ''];
  let speaker: string | null | undefined;
  for (const segment of segments) {
    if (segment.speakerName !== speaker) {
      speaker = segment.speakerName;
      parts.push(speaker ? `>> ${speaker.toLocaleUpperCase()}:  ${segment.text}` : segment.text);
    } else {
      parts.push(segment.text);
    }
    parts.push('');
  }
  return parts.join('\n');
}

/** WebVTT, with the channel's language in its header (`Language: en`) when it has one. */
export function webVtt(segments: readonly CaptionSegment[], language: UnLanguage | null = null): string {
  const cues = timedCues(segments).map(
    ({ segment, start, end }, index) =>
      `${index + 1}\n${clock(start, '.')} --> ${clock(end, '.')}\n` +
      (segment.speakerName ? `<v ${escapeVtt(segment.speakerName)}>${escapeVtt(segment.text)}` : escapeVtt(segment.text)),
  );
  return ['WEBVTT', ...(language ? [`Language: ${language}`] : []), '', ...cues.flatMap((cue) => [cue, ''])].join('\n');
}

export function srt(segments: readonly CaptionSegment[]): string {
  return timedCues(segments)
    .map(
      ({ segment, start, end }, index) =>
        `${index + 1}\n${clock(start, ',')} --> ${clock(end, ',')}\n${segment.speakerName ? `${segment.speakerName}: ` : ''}${segment.text}\n`,
    )
    .join('\n');
}

/**
 * Cue times: from the line's start to the next line's start (at most its own length plus
 * a second to read it), always increasing, at least half a second long.
 */
function timedCues(segments: readonly CaptionSegment[]) {
  const cues: { segment: CaptionSegment; start: number; end: number }[] = [];
  let previousStart = -1;
  segments.forEach((segment, index) => {
    const start = Math.max(segment.offsetMs, previousStart + 1);
    const next = segments[index + 1];
    const ownEnd = start + Math.max(500, segment.endedAt - segment.startedAt + 1000);
    const end = next ? Math.max(start + 500, Math.min(ownEnd, next.offsetMs)) : ownEnd;
    cues.push({ segment, start, end });
    previousStart = start;
  });
  return cues;
}

/** `01:02:03.456` (WebVTT) or `01:02:03,456` (SRT). */
function clock(ms: number, separator: '.' | ','): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  const millis = ms % 1000;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${separator}${pad(millis, 3)}`;
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
