/** A meeting as one file (server/meetings/meeting-transfer.ts writes and reads it): its shape, checked on import like any other input. */
import * as v from 'valibot';
import { INT4_MAX } from './storable.ts';
import { LIMITS } from './limits.ts';
import { MEETING_ROLES, REGIONS, STAKEHOLDER_GROUPS } from './domain.ts';
import { CaptionChannelSchema, CaptionLanguagesSchema } from './caption-channels.ts';

export const MEETING_FILE_FORMAT = 'equalfloor-meeting';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const Millis = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8_640_000_000_000_000));
/** A PostgreSQL `integer`. */
const Int4 = v.pipe(v.number(), v.integer(), v.minValue(-INT4_MAX), v.maxValue(INT4_MAX));

/** The file's shape, checked on import like any other input. */
export const MeetingFileSchema = v.object({
  format: v.literal(MEETING_FILE_FORMAT),
  formatVersion: v.literal(1),
  meeting: v.object({
    id: Id,
    title: Text(300),
    body: Text(300),
    startsAt: Millis,
    timeZone: Text(64),
    plannedMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1440)),
    /** The languages of its caption channels besides the floor (files from before channels have none). */
    captionLanguages: v.optional(CaptionLanguagesSchema, []),
  }),
  agenda: v.pipe(
    v.array(
      v.object({
        id: Id,
        position: Int4,
        number: Text(20),
        depth: v.picklist([0, 1]),
        title: Text(300),
        minutes: v.nullable(Int4),
        /** The proposals prepared on the set-up page (absent in files written before them). */
        proposals: v.optional(
          v.pipe(v.array(v.object({ id: Id, title: Text(300), proposers: Text(500), text: Text(2_000) })), v.maxLength(100)),
          [],
        ),
      }),
    ),
    v.maxLength(500),
  ),
  roster: v.pipe(
    v.array(
      v.object({
        id: Id,
        name: Text(200),
        affiliation: Text(300),
        email: Text(254),
        stakeholderGroup: v.nullable(v.picklist(STAKEHOLDER_GROUPS)),
        region: v.nullable(v.picklist(REGIONS)),
        role: v.picklist(MEETING_ROLES),
        /** The heading the record lists them under (absent in files written before categories). */
        category: v.optional(Text(LIMITS.rosterCategory), ''),
      }),
    ),
    v.maxLength(20_000),
  ),
  events: v.pipe(
    v.array(
      v.object({
        seq: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(INT4_MAX)),
        type: Text(64),
        at: Millis,
        actorParticipantId: v.nullable(Text(64)),
        actorName: Text(200),
        body: v.record(v.string(), v.unknown()),
      }),
    ),
    v.maxLength(1_000_000),
  ),
  captions: v.array(
    v.object({
      seq: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(INT4_MAX)),
      startedAt: Millis,
      endedAt: Millis,
      offsetMs: Millis,
      itemId: v.nullable(Text(64)),
      speakerId: v.nullable(Text(64)),
      speakerName: v.nullable(Text(200)),
      text: Text(2000),
      language: v.nullable(Text(35)),
      channel: v.optional(CaptionChannelSchema, 'floor'),
    }),
  ),
  attendance: v.array(v.object({ participantId: Text(64), joinedAt: Millis, leftAt: v.nullable(Millis) })),
});
export type MeetingFile = v.InferOutput<typeof MeetingFileSchema>;
