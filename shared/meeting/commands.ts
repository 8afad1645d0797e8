/**
 * Commands a client sends to change a live meeting, with their payload schemas.
 * The server authorises each for the sender's role (./permissions.ts), decides it against
 * the current state (./decide.ts), and stores the resulting events before anyone sees them.
 */
import * as v from 'valibot';
import { INT4_MAX, isCalendarDateText, IdText, StorableText } from '../storable.ts';
import { LOCATIONS } from '../domain.ts';
import { DECISION_KINDS, SPEECH_KINDS, STANCES } from './types.ts';
import { NOTE_MAX } from '../limits.ts';

export { NOTE_MAX };

export const TITLE_MAX = 300;
export const TEXT_MAX = 2_000;
const Id = IdText;
const Note = v.pipe(StorableText, v.trim(), v.maxLength(NOTE_MAX, `must be at most ${NOTE_MAX} characters`));
const Title = v.pipe(StorableText, v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(TITLE_MAX));
const Name = v.pipe(StorableText, v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(200));
const Minutes = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600));
const Seconds = v.pipe(v.number(), v.integer(), v.minValue(10, 'must be at least 10 seconds'), v.maxValue(4 * 3600));
const Kind = v.picklist(SPEECH_KINDS);
const Location = v.picklist(LOCATIONS);
const Text = v.pipe(StorableText, v.trim(), v.maxLength(TEXT_MAX, `must be at most ${TEXT_MAX} characters`));
const RequiredText = v.pipe(Text, v.minLength(1, 'must not be empty'));
/** A language tag (BCP 47 in shape: `en`, `fr-CA`, `zh-Hans`), or null for the meeting's language. */
export const LANGUAGE_TAG_MAX = 35;
export const LanguageTagSchema = v.pipe(
  StorableText,
  v.trim(),
  v.maxLength(LANGUAGE_TAG_MAX, `must be at most ${LANGUAGE_TAG_MAX} characters`),
  v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag like en, fr or pt-BR'),
);
const Language = v.nullable(LanguageTagSchema);
const DateOnly = v.pipe(
  StorableText,
  v.isoDate('must be a date like 2017-04-25'),
  v.check((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || isCalendarDateText(text), 'must be a day on the calendar, like 2017-04-25'),
);

export const CommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('meeting.open') }),
  v.strictObject({ type: v.literal('meeting.end') }),
  v.strictObject({
    type: v.literal('meeting.changeSettings'),
    defaultSpeechSeconds: v.optional(v.nullable(Seconds)),
    firstTimeSpeakersFirst: v.optional(v.boolean()),
    alternateRoomAndRemote: v.optional(v.boolean()),
    observersMayRequestFloor: v.optional(v.boolean()),
    observersMayTakePositions: v.optional(v.boolean()),
    positionNamesVisible: v.optional(v.boolean()),
    captionNotice: v.optional(v.pipe(StorableText, v.trim(), v.maxLength(TITLE_MAX))),
    language: v.optional(LanguageTagSchema),
  }),
  v.strictObject({ type: v.literal('participant.setLocation'), participantId: Id, location: Location }),

  v.strictObject({
    type: v.literal('agenda.startItem'),
    itemId: Id,
    /** What becomes of the item being left: done, deferred, or left pending (null). */
    previousItemStatus: v.optional(v.nullable(v.picklist(['done', 'deferred'])), null),
    /** The chair has confirmed moving on although people are still queued. */
    confirmed: v.optional(v.boolean(), false),
  }),
  v.strictObject({ type: v.literal('agenda.markItem'), itemId: Id, status: v.picklist(['pending', 'done', 'deferred']) }),
  v.strictObject({
    type: v.literal('agenda.addItem'),
    title: Title,
    minutes: v.nullable(Minutes),
    afterItemId: v.nullable(Id),
  }),
  v.strictObject({
    type: v.literal('agenda.addPresentation'),
    itemId: Id,
    presenterId: v.nullable(Id),
    presenterName: v.optional(Name),
    title: Title,
    minutes: Minutes,
  }),

  v.strictObject({ type: v.literal('queue.raiseHand'), kind: v.optional(Kind, 'new-point'), note: v.optional(Note, '') }),
  v.strictObject({
    type: v.literal('queue.addOnBehalf'),
    /** A roster participant, or null with a typed name for someone not on it. */
    participantId: v.nullable(Id),
    name: v.optional(Name),
    location: v.optional(Location),
    kind: v.optional(Kind, 'new-point'),
    note: v.optional(Note, ''),
  }),
  v.strictObject({ type: v.literal('queue.editNote'), entryId: Id, note: Note }),
  v.strictObject({ type: v.literal('queue.moveDown'), entryId: Id }),
  v.strictObject({
    type: v.literal('queue.move'),
    entryId: Id,
    toIndex: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(INT4_MAX)),
  }),
  v.strictObject({ type: v.literal('queue.withdraw'), entryId: Id }),
  v.strictObject({ type: v.literal('queue.close') }),
  v.strictObject({ type: v.literal('queue.reopen') }),
  v.strictObject({ type: v.literal('queue.clear') }),
  /** The language one will speak in (one's own entry; the chair and secretariat any). */
  v.strictObject({ type: v.literal('queue.setLanguage'), entryId: Id, language: Language }),

  /** Give the floor to a queued person: the entry the chair's screen shows. */
  v.strictObject({ type: v.literal('floor.give'), entryId: Id, seconds: v.optional(v.nullable(Seconds)) }),
  /** Give the floor to anyone on the roster, queued or not. */
  v.strictObject({ type: v.literal('floor.giveTo'), participantId: Id, seconds: v.optional(v.nullable(Seconds)) }),
  v.strictObject({ type: v.literal('floor.startPresentation'), presentationId: Id }),
  v.strictObject({ type: v.literal('floor.end'), speechId: Id }),
  /** The floor language of the speech (the speaker's own; the chair and secretariat any). */
  v.strictObject({ type: v.literal('floor.setLanguage'), speechId: Id, language: Language }),
  v.strictObject({ type: v.literal('timer.pause'), speechId: Id }),
  v.strictObject({ type: v.literal('timer.resume'), speechId: Id }),
  v.strictObject({ type: v.literal('timer.extend'), speechId: Id, seconds: Seconds }),
  v.strictObject({ type: v.literal('timer.setDuration'), speechId: Id, seconds: v.nullable(Seconds) }),

  v.strictObject({ type: v.literal('agenda.addProposal'), itemId: Id, title: Title }),
  /** One's own position; the chair or secretariat may record one for someone else, or from a speech. */
  v.strictObject({
    type: v.literal('position.record'),
    itemId: Id,
    proposalId: v.nullable(Id),
    stance: v.picklist(STANCES),
    text: v.optional(Text, ''),
    participantId: v.optional(Id),
    name: v.optional(Name),
    speechId: v.optional(Id),
  }),
  v.strictObject({
    type: v.literal('position.withdraw'),
    itemId: Id,
    proposalId: v.nullable(Id),
    /** The support or objection (default), or the comment. */
    holding: v.optional(v.picklist(['position', 'comment']), 'position'),
    participantId: v.optional(Id),
    name: v.optional(Name),
  }),
  v.strictObject({
    type: v.literal('consensus.open'),
    itemId: Id,
    proposalId: v.nullable(Id),
    question: v.optional(v.pipe(StorableText, v.trim(), v.minLength(1), v.maxLength(TITLE_MAX))),
    seconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(5, 'must be at least 5 seconds'), v.maxValue(600)), 20),
  }),
  v.strictObject({
    type: v.literal('consensus.object'),
    callId: Id,
    reason: v.optional(Text, ''),
    participantId: v.optional(Id),
    name: v.optional(Name),
  }),
  /** One's own objection; the chair or secretariat may withdraw one they entered for someone (participantId or name). */
  v.strictObject({ type: v.literal('consensus.withdrawObjection'), callId: Id, participantId: v.optional(Id), name: v.optional(Name) }),
  v.strictObject({ type: v.literal('consensus.close'), callId: Id }),
  v.strictObject({
    type: v.literal('decision.record'),
    itemId: Id,
    proposalId: v.nullable(Id),
    kind: v.picklist(DECISION_KINDS),
    text: v.optional(Text, ''),
  }),
  v.strictObject({ type: v.literal('decision.remove'), decisionId: Id }),
  v.strictObject({
    type: v.literal('action.record'),
    itemId: v.nullable(Id),
    what: RequiredText,
    who: v.pipe(StorableText, v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(TITLE_MAX)),
    due: v.nullable(DateOnly),
  }),
  v.strictObject({ type: v.literal('action.remove'), actionId: Id }),
  v.strictObject({ type: v.literal('chat.post'), to: v.optional(v.picklist(['everyone', 'secretariat']), 'everyone'), text: RequiredText }),
  v.strictObject({ type: v.literal('chat.flag'), messageId: Id, flagged: v.boolean() }),
  v.strictObject({ type: v.literal('chat.mute'), participantId: Id, muted: v.boolean() }),

  /** An interpreter asks the chair for a slower pace (rule I2). */
  v.strictObject({ type: v.literal('interpretation.askSlower') }),
  /** The chair passes the signal on to the speaker, who sees it without the sender. */
  v.strictObject({ type: v.literal('interpretation.passSlower'), signalId: Id }),
  v.strictObject({ type: v.literal('interpretation.dismissSlower'), signalId: Id }),
]);

export type Command = v.InferOutput<typeof CommandSchema>;
export type CommandInput = v.InferInput<typeof CommandSchema>;
export type CommandType = Command['type'];
