/**
 * Payload schemas of the HTTP API, defined once and used by the server (to validate)
 * and the client (to type its requests and check forms before sending).
 */
import * as v from 'valibot';
import { UN_LANGUAGES } from './caption-channels.ts';
import { isLocalDateTimeText, StorableText } from './storable.ts';
import { LOCATIONS, MEETING_ROLES, REGIONS, STAFF_ROLES, STAKEHOLDER_GROUPS } from './domain.ts';
import { LIMITS } from './limits.ts';
import { PROPOSALS_LIMITS } from './proposals-text.ts';

export { LIMITS };

const text = (max: number) =>
  v.pipe(StorableText, v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const optionalText = (max: number) => v.optional(v.pipe(StorableText, v.trim(), v.maxLength(max, `must be at most ${max} characters`)), '');

export const EmailSchema = v.pipe(StorableText, v.trim(), v.toLowerCase(), v.maxLength(LIMITS.email), v.email('must be an email address'));
export const PasswordSchema = v.pipe(
  StorableText,
  v.minLength(LIMITS.passwordMin, `must be at least ${LIMITS.passwordMin} characters`),
  v.maxLength(LIMITS.passwordMax, `must be at most ${LIMITS.passwordMax} characters`),
);
/** An opaque link token: base64url, as issued by the server. */
export const TokenSchema = v.pipe(StorableText, v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a valid link'));

export const LoginSchema = v.strictObject({
  email: v.pipe(StorableText, v.trim(), v.toLowerCase(), v.minLength(1, 'must not be empty'), v.maxLength(LIMITS.email)),
  password: v.pipe(StorableText, v.minLength(1, 'must not be empty'), v.maxLength(LIMITS.passwordMax)),
});
export type LoginInput = v.InferInput<typeof LoginSchema>;

export const FirstAccountSchema = v.strictObject({
  token: TokenSchema,
  name: text(LIMITS.name),
  email: EmailSchema,
  password: PasswordSchema,
});
export type FirstAccountInput = v.InferInput<typeof FirstAccountSchema>;

export const NewAccountSchema = v.strictObject({
  name: text(LIMITS.name),
  email: EmailSchema,
  password: PasswordSchema,
  staffRole: v.picklist(STAFF_ROLES, 'must be secretariat or chair'),
});
export type NewAccountInput = v.InferInput<typeof NewAccountSchema>;
/** The secretariat changes another staff account's role, or disables or enables it. */
export const AccountPatchSchema = v.pipe(
  v.strictObject({
    staffRole: v.optional(v.picklist(STAFF_ROLES, 'must be secretariat or chair')),
    disabled: v.optional(v.boolean('must be true or false')),
  }),
  v.check((patch) => patch.staffRole !== undefined || patch.disabled !== undefined, 'Nothing to change: give staffRole or disabled.'),
);

const LOCAL_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
/** A wall-clock date-time without offset, as an <input type="datetime-local"> gives it. */
const LocalDateTimeSchema = v.pipe(
  StorableText,
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a date and time like 2017-04-11T22:00'),
  // Only once the shape is right: then 2030-02-31 is told apart from a typing slip.
  v.check((text) => !LOCAL_SHAPE.test(text) || isLocalDateTimeText(text), 'must be a day and time on the calendar, like 2017-04-11T22:00'),
);
/** An IANA time zone name that this runtime knows. */
export const TimeZoneSchema = v.pipe(
  StorableText,
  v.maxLength(64),
  v.check((zone) => isKnownTimeZone(zone), 'must be a time zone such as UTC or Europe/Zurich'),
);

export const MeetingDetailsSchema = v.strictObject({
  title: text(LIMITS.title),
  body: optionalText(LIMITS.title),
  startsAtLocal: LocalDateTimeSchema,
  timeZone: TimeZoneSchema,
  plannedMinutes: v.pipe(
    v.number(),
    v.integer('must be whole minutes'),
    v.minValue(1, 'must be at least 1 minute'),
    v.maxValue(24 * 60, 'must be at most 24 hours'),
  ),
});
export type MeetingDetailsInput = v.InferInput<typeof MeetingDetailsSchema>;
export const MeetingDetailsPatchSchema = v.partial(MeetingDetailsSchema);

/** One of the vocabulary, or not stated: left out, null or '' (a form's "Not stated"), all read as null. */
function notStatedOr<const T extends readonly [string, ...string[]]>(vocabulary: T) {
  return v.pipe(
    v.optional(v.nullable(v.union([v.literal(''), v.picklist(vocabulary)], `must be one of ${vocabulary.join(', ')}, or empty`)), null),
    v.transform((value): T[number] | null => (value === '' ? null : value)),
  );
}

export const RosterEntrySchema = v.strictObject({
  name: text(LIMITS.name),
  affiliation: optionalText(LIMITS.affiliation),
  email: v.optional(v.union([v.literal(''), EmailSchema]), ''),
  stakeholderGroup: notStatedOr(STAKEHOLDER_GROUPS),
  region: notStatedOr(REGIONS),
  role: v.picklist(MEETING_ROLES, `must be one of ${MEETING_ROLES.join(', ')}`),
  /** The heading the record lists them under; '' (or left out): the heading of their role. */
  category: optionalText(LIMITS.rosterCategory),
  /** An interpreter's language channel; kept for interpreters only. */
  channel: v.optional(v.nullable(v.picklist(UN_LANGUAGES, `must be one of ${UN_LANGUAGES.join(', ')}`)), null),
});
export type RosterEntryInput = v.InferInput<typeof RosterEntrySchema>;
export const RosterEntryPatchSchema = v.partial(RosterEntrySchema);

export const RosterCsvSchema = v.strictObject({
  csv: v.pipe(StorableText, v.minLength(1, 'must not be empty'), v.maxLength(LIMITS.rosterCsv, 'is too large')),
});
export const AgendaTextSchema = v.strictObject({
  text: v.pipe(StorableText, v.maxLength(LIMITS.agendaText, `must be at most ${LIMITS.agendaText} characters`)),
});
/** The proposals of one agenda item as a list (shared/proposals-text.ts reads it); empty removes them. */
export const ProposalsTextSchema = v.strictObject({
  text: v.pipe(StorableText, v.maxLength(PROPOSALS_LIMITS.listText, `must be at most ${PROPOSALS_LIMITS.listText} characters`)),
});
/** A short code as printed: 6 letters and digits, typed in any case, spaces ignored. */
const ShortCodeSchema = v.pipe(
  StorableText,
  v.transform((code) => code.replace(/[\s-]/g, '').toUpperCase()),
  v.regex(/^[A-Z0-9]{6}$/, 'must be the 6 letters and digits shown'),
);
export const RoomCodeSchema = ShortCodeSchema;
export const RoomJoinSchema = v.strictObject({ roomCode: ShortCodeSchema, personalCode: ShortCodeSchema });
export type RoomJoinInput = v.InferInput<typeof RoomJoinSchema>;
export const ObserverLinkSchema = v.strictObject({ enabled: v.boolean() });
export const JoinSchema = v.strictObject({ token: TokenSchema });
/**
 * Opening the room display link. A browser that already takes part in the meeting keeps its own
 * session and shows the room's view; one signed in as someone else is asked first, and only
 * `replaceSession: true` trades its session for the display's.
 */
export const DisplayOpenSchema = v.strictObject({ token: TokenSchema, replaceSession: v.optional(v.boolean('must be true or false')) });
/** The public observer link asks visitors who they are; they join as observers. */
export const ObserveSchema = v.strictObject({
  token: TokenSchema,
  name: text(LIMITS.name),
  affiliation: optionalText(LIMITS.affiliation),
  stakeholderGroup: notStatedOr(STAKEHOLDER_GROUPS),
  region: notStatedOr(REGIONS),
});
export type ObserveInput = v.InferInput<typeof ObserveSchema>;
export const LocationSchema = v.picklist(LOCATIONS);

/** Safe on any runtime: Intl throws RangeError on an unknown zone. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** One problem with one field or line of input, as the API reports it. */
export interface InputProblem {
  /** Dotted path of the field (`email`, `roster.3.name`), or `line N` for text imports. */
  where: string;
  message: string;
}

/** Turn valibot issues into the API's problem list. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): InputProblem[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue);
    const key = issue.path?.at(-1)?.key;
    const unknownKey = issue.type === 'strict_object' && typeof key === 'string';
    return {
      where: path ?? '(body)',
      message: unknownKey ? 'is not an accepted field' : issue.message,
    };
  });
}
