/**
 * What the database can hold, checked where input comes in: text without NUL characters
 * or unpaired UTF-16 surrogates (PostgreSQL refuses both, in text and in JSON), whole numbers
 * within a 4-byte integer where a column is one, and dates that are on the calendar.
 */
import * as v from 'valibot';

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain NUL characters or broken Unicode (an unpaired surrogate)';

// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether PostgreSQL can store this text (in a text column or inside JSON). */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** A string the database can store; use it wherever `v.string()` would take text from outside. */
export const StorableText = v.pipe(v.string(), v.check(isStorableText, UNSTORABLE_TEXT_MESSAGE));

/** An id sent from outside (a meeting, a roster entry, a queue entry…): storable text of 1 to 64 characters. */
export const IdText = v.pipe(StorableText, v.minLength(1), v.maxLength(64));

/** The largest value of a PostgreSQL `integer` column. */
export const INT4_MAX = 2_147_483_647;

/** The path of the first string (key or value) in `value` the database could not store, or undefined. */
export function findUnstorableText(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path || '(body)';
  if (typeof value !== 'object' || value === null || depth > 64) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const where = path ? `${path}.${key}` : key;
    if (!isStorableText(key)) return where;
    const found = findUnstorableText(inner, where, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether year, month and day name a real day (`2024-02-30` does not). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `YYYY-MM-DD`, on the calendar. */
export function isCalendarDateText(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `YYYY-MM-DDTHH:MM(:SS)`, on the calendar and the clock (hours 00–23). */
export function isLocalDateTimeText(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
  return Number(match[4]) <= 23 && Number(match[5]) <= 59 && Number(match[6] ?? 0) <= 59;
}
