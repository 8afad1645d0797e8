/**
 * Parse an agenda pasted as text (from an email, a Word document or markdown) into items.
 * Pure: no Node APIs, so the client can preview exactly what the server will store.
 */
import { LIMITS } from './schemas.ts';

export interface ParsedAgendaItem {
  number: string;
  depth: 0 | 1;
  title: string;
  minutes: number | null;
}
/** One problem with one line of the text; `line` is 1-based. */
export interface AgendaLineProblem {
  line: number;
  message: string;
}
export interface AgendaParseResult {
  items: ParsedAgendaItem[];
  problems: AgendaLineProblem[];
  /** Preamble lines before the first item (titles, dates), 1-based. */
  ignoredLines: number[];
}

const MAX_MINUTES = 24 * 60;
const EMPTY_MESSAGE = 'the agenda is empty: no numbered items were found';

/**
 * One item line: an optional markdown bullet, an optional "Item"/"Agenda item" word, the
 * number (`4`, `4a`, `4.1` or a bare letter `a`), a separator (`.` `)` `:` a dash, or just
 * a space) and the title. Numbers are at most three digits so that years ("2017 MAG
 * meeting") in a heading are never taken for items.
 */
const ITEM_LINE =
  /^(?:[-*+•–—]\s+)?(?:(?:[Aa]genda\s+)?[Ii]tem\s+)?(\d{1,3}(?:[a-z]|\.\d{1,2})?|[a-z])(\s*[.):]|\s*[-–—]|(?=\s))(?:\s+(.*))?$/;

/** "11 April 2017" in a heading is a date, not item 11. */
const MONTH_START =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

// A duration: "approx. 90 minutes", "~15 min", "1.5 hours", "1 h 30", "1h30min", "90'".
const APPROX = String.raw`(?:approx(?:imately|\.)?|about|around|ca\.|c\.|~|±)?\s*`;
const HOURS = String.raw`(\d+(?:[.,]\d+)?)\s*(?:hours?|hrs?|h)\.?(?:\s*(?:and\s+)?(\d{1,2})\s*(?:minutes?|mins?|m|['’′])?)?`;
const MINUTES = String.raw`(\d+)\s*(?:minutes?|mins?|m|['’′])`;
const DURATION_BODY = `${APPROX}(?:${HOURS}|${MINUTES})\\.?`;
/** In brackets anywhere in the line, or after a dash at its end ("AOB – 5 minutes"). */
const DURATION = new RegExp(String.raw`[(\[]\s*${DURATION_BODY}\s*[)\]]|\s[-–—]\s*${DURATION_BODY}\s*$`, 'i');

interface Draft {
  line: number;
  number: string;
  depth: 0 | 1;
  /** Raw title text, continuation lines appended; cleaned once the item is complete. */
  text: string;
  /** Set when the item line itself is wrong; the item is then left out. */
  error?: string;
}

interface ItemMatch {
  number: string;
  depth: 0 | 1;
  text: string;
}

/** Parse an agenda as people write it. */
export function parseAgendaText(text: string): AgendaParseResult {
  const problems: AgendaLineProblem[] = [];
  const ignoredLines: number[] = [];
  const drafts: Draft[] = [];
  const firstLineOfNumber = new Map<string, number>();
  let parent: Draft | undefined;
  let previous: { indent: number; draft: Draft } | undefined;

  text.split(/\r\n|\r|\n/).forEach((rawLine, index) => {
    const line = index + 1;
    // Emphasis is stripped line-wide so that "**1. Opening**" reads as an item.
    const content = rawLine.replace(/\*\*|__/g, '').trim();
    if (content === '') return;
    const indent = indentOf(rawLine);
    const match = matchItem(content);

    if (!match) {
      if (!previous) ignoredLines.push(line);
      else if (indent > previous.indent) previous.draft.text += ` ${content}`;
      else problems.push({ line, message: `not an agenda item: "${firstChars(content, 60)}" — write items like "3 - Title (10 minutes)"` });
      return;
    }

    const draft: Draft = { line, number: match.number, depth: match.depth, text: match.text };
    if (match.depth === 1 && !parent) {
      draft.error = `sub-item "${match.number}" comes before any numbered item — start with an item like "1 - Title"`;
    } else {
      // A bare letter belongs to the item above it: "a" under 4 is "4a".
      if (match.depth === 1 && /^[a-z]$/.test(match.number) && parent) draft.number = parent.number + match.number;
      const key = draft.number.toLowerCase();
      const firstLine = firstLineOfNumber.get(key);
      if (firstLine !== undefined) draft.error = `item number "${draft.number}" is used twice (first on line ${firstLine})`;
      else firstLineOfNumber.set(key, line);
    }
    if (match.depth === 0) parent = draft;
    previous = { indent, draft };
    drafts.push(draft);
  });

  const items: ParsedAgendaItem[] = [];
  for (const draft of drafts) {
    const result = finishItem(draft);
    if (typeof result === 'string') problems.push({ line: draft.line, message: result });
    else items.push(result);
  }
  if (items.length === 0 && problems.length === 0) problems.push({ line: 1, message: EMPTY_MESSAGE });
  problems.sort((a, b) => a.line - b.line);
  return { items, problems, ignoredLines };
}

function matchItem(content: string): ItemMatch | undefined {
  const found = ITEM_LINE.exec(content);
  if (!found) return undefined;
  const [, number = '', separator = '', rest = ''] = found;
  const bareSeparator = separator === '';
  const isLetter = /^[a-z]$/.test(number);
  // "a Title" is too often ordinary prose ("a review of…") to count as a sub-item.
  if (isLetter && bareSeparator) return undefined;
  if (bareSeparator && MONTH_START.test(rest)) return undefined;
  const depth = isLetter || /\D/.test(number) ? 1 : 0;
  return { number, depth, text: rest };
}

/** The finished item, or the problem that keeps it out of the agenda. */
function finishItem(draft: Draft): ParsedAgendaItem | string {
  if (draft.error) return draft.error;
  let minutes: number | null = null;
  let text = draft.text;
  const duration = DURATION.exec(text);
  if (duration) {
    minutes = durationMinutes(duration);
    text = `${text.slice(0, duration.index)} ${text.slice(duration.index + duration[0].length)}`;
  }
  const title = text
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s,;:]+$/, '');
  if (title === '') return `item ${draft.number} has no title`;
  if (title.length > LIMITS.title) return `the title of item ${draft.number} is longer than ${LIMITS.title} characters`;
  if (minutes !== null && minutes > MAX_MINUTES)
    return `item ${draft.number} lasts ${minutes} minutes; an item can last at most ${MAX_MINUTES} minutes (24 hours)`;
  return { number: draft.number, depth: draft.depth, title, minutes };
}

function durationMinutes(match: RegExpExecArray): number {
  const [, hours, extraMinutes, minutes] = match;
  // Groups repeat for the bracketed and the trailing form; take whichever matched.
  const h = hours ?? match[4];
  const extra = extraMinutes ?? match[5];
  const m = minutes ?? match[6];
  if (h !== undefined) return Math.round(Number(h.replace(',', '.')) * 60 + Number(extra ?? 0));
  return Number(m);
}

function indentOf(line: string): number {
  const leading = /^\s*/.exec(line)?.[0] ?? '';
  return leading.replace(/\t/g, '    ').length;
}

/** The first characters, never cutting a character outside the BMP (CJK, emoji) in two. */
function firstChars(text: string, count: number): string {
  return Array.from(text).slice(0, count).join('');
}
