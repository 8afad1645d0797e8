/**
 * Commands a client sends to change a live meeting, with their payload schemas.
 * The server authorises each for the sender's role (./permissions.ts), decides it against
 * the current state (./decide.ts), and stores the resulting events before anyone sees them.
 */
import * as v from 'valibot';
import { LOCATIONS } from '../domain.ts';
import { SPEECH_KINDS } from './types.ts';
import { NOTE_MAX } from '../limits.ts';

export { NOTE_MAX };

export const TITLE_MAX = 300;
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const Note = v.pipe(v.string(), v.trim(), v.maxLength(NOTE_MAX, `must be at most ${NOTE_MAX} characters`));
const Title = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(TITLE_MAX));
const Name = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(200));
const Minutes = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600));
const Seconds = v.pipe(v.number(), v.integer(), v.minValue(10, 'must be at least 10 seconds'), v.maxValue(4 * 3600));
const Kind = v.picklist(SPEECH_KINDS);
const Location = v.picklist(LOCATIONS);

export const CommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('meeting.open') }),
  v.strictObject({ type: v.literal('meeting.end') }),
  v.strictObject({
    type: v.literal('meeting.changeSettings'),
    defaultSpeechSeconds: v.optional(v.nullable(Seconds)),
    firstTimeSpeakersFirst: v.optional(v.boolean()),
    alternateRoomAndRemote: v.optional(v.boolean()),
    observersMayRequestFloor: v.optional(v.boolean()),
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
  v.strictObject({ type: v.literal('queue.move'), entryId: Id, toIndex: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.strictObject({ type: v.literal('queue.withdraw'), entryId: Id }),
  v.strictObject({ type: v.literal('queue.close') }),
  v.strictObject({ type: v.literal('queue.reopen') }),
  v.strictObject({ type: v.literal('queue.clear') }),

  /** Give the floor to a queued person: the entry the chair's screen shows. */
  v.strictObject({ type: v.literal('floor.give'), entryId: Id, seconds: v.optional(v.nullable(Seconds)) }),
  /** Give the floor to anyone on the roster, queued or not. */
  v.strictObject({ type: v.literal('floor.giveTo'), participantId: Id, seconds: v.optional(v.nullable(Seconds)) }),
  v.strictObject({ type: v.literal('floor.startPresentation'), presentationId: Id }),
  v.strictObject({ type: v.literal('floor.end'), speechId: Id }),
  v.strictObject({ type: v.literal('timer.pause'), speechId: Id }),
  v.strictObject({ type: v.literal('timer.resume'), speechId: Id }),
  v.strictObject({ type: v.literal('timer.extend'), speechId: Id, seconds: Seconds }),
  v.strictObject({ type: v.literal('timer.setDuration'), speechId: Id, seconds: v.nullable(Seconds) }),
]);

export type Command = v.InferOutput<typeof CommandSchema>;
export type CommandInput = v.InferInput<typeof CommandSchema>;
export type CommandType = Command['type'];
