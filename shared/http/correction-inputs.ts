/** Schemas of the record's corrections and approval routes (shared/http/correction-routes.ts). */
import * as v from 'valibot';
import { IdText, INT4_MAX } from '../storable.ts';
import { MARKDOWN_NESTING_MAX, markdownNesting } from '../record/markdown-nesting.ts';
import { CORRECTION_NOTE_MAX, CORRECTION_TEXT_MAX, DECLINE_REASON_MAX } from '../record/record-corrections.ts';

const Id = IdText;
const Whole = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(INT4_MAX, `is not ${what}`));

export const CorrectionParams = v.object({ meetingId: Id, correctionId: Id });

/** An instant as ISO 8601 text with its zone: `2026-12-12T23:59:59Z`. */
const Instant = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be a date and time (ISO 8601, with its zone)'),
  v.check((text) => !Number.isNaN(Date.parse(text)), 'must be a date and time that exists'),
  v.transform((text) => new Date(text)),
);

export const CirculateSchema = v.strictObject({ version: Whole('a version'), until: Instant });

/** One paragraph's new text: not empty, no blank line in it (that would make two), nested no deeper than the record allows. */
const ParagraphText = v.pipe(
  v.string(),
  v.transform((text) => text.replace(/\r\n?/g, '\n').trim()),
  v.minLength(1, 'must not be empty'),
  v.maxLength(CORRECTION_TEXT_MAX, `must be at most ${CORRECTION_TEXT_MAX} characters`),
  v.check((text) => !/\n[ \t]*\n/.test(text), 'must be one paragraph (no blank lines)'),
  v.check(
    (text) => markdownNesting(text) <= MARKDOWN_NESTING_MAX,
    `must nest quotes and lists at most ${MARKDOWN_NESTING_MAX} levels deep`,
  ),
);

export const ProposeCorrectionSchema = v.strictObject({
  paragraph: Whole('a paragraph'),
  text: ParagraphText,
  note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(CORRECTION_NOTE_MAX, `must be at most ${CORRECTION_NOTE_MAX} characters`)), ''),
});

export const DeclineSchema = v.strictObject({
  reason: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must say why'),
    v.maxLength(DECLINE_REASON_MAX, `must be at most ${DECLINE_REASON_MAX} characters`),
  ),
});

/** Approving a version (the latest when not given), from an item of a later meeting when `at` is given. */
export const ApproveSchema = v.strictObject({
  version: v.optional(Whole('a version')),
  at: v.optional(v.strictObject({ meetingId: Id, itemId: Id })),
});

/** The earlier meeting whose record an agenda item approves, or null for none. */
export const ItemApprovesSchema = v.strictObject({ meetingId: v.nullable(Id) });
