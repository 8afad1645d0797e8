/** Schemas of the HTTP API's path parameters, queries and small bodies that shared/schemas.ts does not hold. */
import * as v from 'valibot';
import { IdText, INT4_MAX, StorableText } from '../storable.ts';
import { RECORD_LANGUAGES } from '../record/record-languages.ts';
import { CaptionChannelSchema } from '../caption-channels.ts';
import { CHAT_FORMATS, RECORD_FORMATS, TRANSCRIPT_FORMATS } from './route-paths.ts';

const Id = IdText;
export const MeetingParams = v.object({ meetingId: Id });
export const EntryParams = v.object({ meetingId: Id, entryId: Id });
export const ItemParams = v.object({ meetingId: Id, itemId: Id });
/** A queue entry's or a presentation's id, for its prepared statement. */
export const StatementParams = v.object({ meetingId: Id, targetId: Id });
export const DestinationParams = v.object({ meetingId: Id, destinationId: Id });
export const ReadTokenParams = v.object({ meetingId: Id, tokenId: Id });
export const AccountParams = v.object({ accountId: Id });
/** A request that takes no fields: anything sent is refused (400) and changes nothing. */
export const NoFields = v.strictObject({});
export const DeleteMeetingSchema = v.strictObject({ confirmTitle: v.string() });

export type { RecordFormat } from './route-paths.ts';

export const RECORD_MARKDOWN_MAX = 500_000;
const VersionNumber = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(INT4_MAX, 'is not a version'));
const VersionText = v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'must be a version number'), v.transform(Number));
const LANGUAGE_MESSAGE = `must be one of ${RECORD_LANGUAGES.join(', ')}`;

export const VersionParams = v.object({ meetingId: Id, version: VersionText });
export const RecordEditSchema = v.strictObject({
  markdown: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(RECORD_MARKDOWN_MAX, 'is too long')),
  basedOn: VersionNumber,
});
export const FinaliseSchema = v.strictObject({ version: VersionNumber });
export const SharingSchema = v.strictObject({ sharing: v.picklist(['none', 'draft', 'final'], 'must be none, draft or final') });
export const GenerateSchema = v.strictObject({ language: v.optional(v.picklist(RECORD_LANGUAGES, LANGUAGE_MESSAGE)) });
export const RecordExportParams = v.object({ meetingId: Id, format: v.picklist(RECORD_FORMATS) });
export const RecordExportQuery = v.object({
  version: v.optional(VersionText),
  lang: v.optional(v.picklist(RECORD_LANGUAGES, LANGUAGE_MESSAGE)),
});
/** Certificates of attendance in a language; without one, the record's. */
export const CertificateQuery = v.object({ lang: v.optional(v.picklist(RECORD_LANGUAGES, LANGUAGE_MESSAGE)) });
/** The figures (attendance.csv, speaking.csv) as of a version of the record; the meeting as it stands without one. */
export const RecordFiguresQuery = v.object({ version: v.optional(VersionText) });
export const ChatExportParams = v.object({ meetingId: v.string(), format: v.picklist(CHAT_FORMATS, 'must be csv or txt') });
export const TranscriptParams = v.object({ meetingId: Id, format: v.picklist(TRANSCRIPT_FORMATS, 'must be txt, vtt, srt or json') });
export const TranscriptQuery = v.object({
  /** One caption channel's transcript; the floor's when left out. */
  channel: v.optional(CaptionChannelSchema, 'floor'),
  item: v.optional(v.pipe(StorableText, v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an agenda item of this meeting'))),
});

/** The most people one page of a meeting's list holds. */
export const PEOPLE_PAGE_MAX = 500;
const PlaceText = v.pipe(v.string(), v.regex(/^\d{1,7}$/, 'must be a whole number'), v.transform(Number));
/** A page of the meeting's people: `from` (0 first), at most `limit` of them. */
export const PeopleQuery = v.object({
  from: v.optional(PlaceText),
  limit: v.optional(
    v.pipe(PlaceText, v.minValue(1, 'must be 1 or more'), v.maxValue(PEOPLE_PAGE_MAX, `must be ${PEOPLE_PAGE_MAX} or fewer`)),
  ),
});
