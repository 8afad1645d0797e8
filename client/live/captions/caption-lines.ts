/**
 * How caption lines read on screen: who is named before a line, and what a search finds
 * in it. Pure functions, shared by the captions panel and the room display.
 */
import type { CaptionDraft, CaptionSegment } from '../../../shared/captions.ts';

export interface ShownLine {
  segment: CaptionSegment;
  /** The speaker's name, shown before the line when the speaker changes; null otherwise. */
  label: string | null;
}

/**
 * Lines with their speaker named where the speaker changes (and on the first line shown,
 * whose predecessor the reader may not have). `previous` is the speaker of the line
 * before the first one, when known.
 */
export function labelSpeakers(segments: readonly CaptionSegment[], previous: string | null | undefined = undefined): ShownLine[] {
  let last = previous;
  return segments.map((segment) => {
    const label = segment.speakerName !== null && segment.speakerName !== last ? segment.speakerName : null;
    last = segment.speakerName;
    return { segment, label };
  });
}

/** The draft's speaker, when it differs from the last finished line's. */
export function draftLabel(draft: CaptionDraft | null, lastSegment: CaptionSegment | undefined): string | null {
  if (!draft || draft.speakerName === null) return null;
  return lastSegment && lastSegment.speakerName === draft.speakerName ? null : draft.speakerName;
}

/** A search for the words typed, case-insensitive, every character taken literally; undefined for an empty query. */
export function searchPattern(query: string): RegExp | undefined {
  const words = query.trim().replace(/\s+/g, ' ');
  if (words === '') return undefined;
  return new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');
}

export function lineMatches(segment: CaptionSegment, pattern: RegExp): boolean {
  return pattern.test(segment.text) || (segment.speakerName !== null && pattern.test(segment.speakerName));
}

/** The text cut into the parts that match the search and those that do not, in order. */
export function highlightParts(text: string, pattern: RegExp | undefined): { text: string; match: boolean }[] {
  if (!pattern) return [{ text, match: false }];
  const global = new RegExp(pattern.source, 'giu');
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (const found of text.matchAll(global)) {
    if (found[0] === '') break;
    if (found.index > from) parts.push({ text: text.slice(from, found.index), match: false });
    parts.push({ text: found[0], match: true });
    from = found.index + found[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

/** A line's direction from its words (not the speaker's name before them): right to left when its first letter is. */
export function textDirection(text: string): 'rtl' | 'ltr' {
  const first = /\p{L}/u.exec(text)?.[0];
  return first !== undefined && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(first) ? 'rtl' : 'ltr';
}
