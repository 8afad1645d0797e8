/**
 * The record on the HTTP API: versions (generate, edit, finalise), sharing, and the
 * exports. The chair and secretariat work on it; participants see what is shared.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { INT4_MAX } from '../../shared/storable.ts';
import { MARKDOWN_NESTING_MAX, markdownNesting } from '../../shared/record/markdown-nesting.ts';
import { download } from '../http/download.ts';
import type { AppContext } from '../context.ts';
import { forbidden, HttpError, notFound, parseInput } from '../http/errors.ts';
import { requirePrincipal } from '../http/request-auth.ts';
import { resolveMeetingAccess, type MeetingAccess } from '../meetings/meeting-access.ts';
import * as meetingStore from '../meetings/meeting-store.ts';
import { csvCell } from '../meetings/meeting-views.ts';
import { isLeading } from '../../shared/meeting/permissions.ts';
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { markdownLanguage, RECORD_LANGUAGES, type RecordLanguage } from '../../shared/record/record-words.ts';
import type { RecordService } from './record-service.ts';
import * as store from './record-store.ts';
import { exportRecord, RECORD_FORMATS, type RecordFormat } from './record-export.ts';
import { checkDownload } from '../limits/read-limits.ts';

export const RECORD_MARKDOWN_MAX = 500_000;

const Params = v.object({ meetingId: v.pipe(v.string(), v.maxLength(64)) });
const VersionParams = v.object({
  meetingId: v.pipe(v.string(), v.maxLength(64)),
  version: v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'must be a version number'), v.transform(Number)),
});
const EditSchema = v.strictObject({
  markdown: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(RECORD_MARKDOWN_MAX, 'is too long')),
  basedOn: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(INT4_MAX, 'is not a version')),
});
const FinaliseSchema = v.strictObject({
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(INT4_MAX, 'is not a version')),
});
const SharingSchema = v.strictObject({ sharing: v.picklist(['none', 'draft', 'final'], 'must be none, draft or final') });
const ExportParams = v.object({ meetingId: v.pipe(v.string(), v.maxLength(64)), format: v.picklist(RECORD_FORMATS) });
const LANGUAGE_MESSAGE = `must be one of ${RECORD_LANGUAGES.join(', ')}`;
const GenerateSchema = v.strictObject({ language: v.optional(v.picklist(RECORD_LANGUAGES, LANGUAGE_MESSAGE)) });
const ExportQuery = v.object({
  version: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'must be a version number'), v.transform(Number))),
  lang: v.optional(v.picklist(RECORD_LANGUAGES, LANGUAGE_MESSAGE)),
});

export function registerRecordRoutes(app: FastifyInstance, ctx: AppContext, records: RecordService): void {
  const { db } = ctx;

  async function access(request: FastifyRequest): Promise<MeetingAccess> {
    const { meetingId } = parseInput(Params, request.params, 'The address');
    const found = await resolveMeetingAccess(db, requirePrincipal(request), meetingId);
    if (!found) throw notFound('Meeting');
    return found;
  }
  async function leadAccess(request: FastifyRequest): Promise<MeetingAccess> {
    const found = await access(request);
    if (!isLeading(found.role)) throw forbidden('Only the chair and the secretariat work on the record.');
    return found;
  }
  async function meetingOf(meetingId: string) {
    const meeting = await meetingStore.findMeeting(db, meetingId);
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }
  async function editable(meetingId: string) {
    const meeting = await meetingOf(meetingId);
    if (meeting.recordFinalisedAt) throw new HttpError(409, 'The record is final and can no longer be changed.');
    return meeting;
  }

  /** The record's state: its versions, whether it is final, what is shared; participants get the shared text only. */
  app.get('/api/meetings/:meetingId/record', async (request) => {
    const found = await access(request);
    const meeting = await meetingOf(found.meetingId);
    const finalised = meeting.recordFinalisedAt
      ? { at: meeting.recordFinalisedAt.toISOString(), by: meeting.recordFinalisedBy ?? '', version: meeting.recordFinalVersion ?? 0 }
      : null;
    if (isLeading(found.role)) {
      const versions = await store.listVersions(db, found.meetingId);
      return {
        versions: versions.map((row) => ({
          version: row.version,
          source: row.source,
          basedOn: row.basedOn,
          createdAt: row.createdAt.toISOString(),
          createdBy: row.createdBy,
        })),
        finalised,
        sharing: meeting.recordSharing,
      };
    }
    const shared = await sharedVersion(meeting);
    return { shared: shared ? { version: shared.version, markdown: shared.markdown, status: finalised ? 'final' : 'draft' } : null };
  });

  app.get('/api/meetings/:meetingId/record/versions/:version', async (request) => {
    await leadAccess(request);
    const { meetingId, version } = parseInput(VersionParams, request.params, 'The address');
    const row = await store.findVersion(db, meetingId, version);
    if (!row) throw notFound('Version');
    return {
      version: row.version,
      source: row.source,
      basedOn: row.basedOn,
      markdown: row.markdown,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
    };
  });

  app.post('/api/meetings/:meetingId/record/generate', async (request, reply) => {
    const found = await leadAccess(request);
    const { language } = parseInput(GenerateSchema, request.body, 'The request');
    await editable(found.meetingId);
    const row = await records.generate(found.meetingId, found.name, language ?? 'en');
    if (!row) throw notFound('Meeting');
    return reply.code(201).send({ version: row.version });
  });

  app.post('/api/meetings/:meetingId/record/versions', async (request, reply) => {
    const found = await leadAccess(request);
    const { markdown, basedOn } = parseInput(EditSchema, request.body, 'The edit');
    if (markdownNesting(markdown) > MARKDOWN_NESTING_MAX) {
      throw new HttpError(400, `The edit nests quotes and lists too deeply: at most ${MARKDOWN_NESTING_MAX} levels.`, [
        { where: 'markdown', message: `must nest quotes and lists at most ${MARKDOWN_NESTING_MAX} levels deep` },
      ]);
    }
    await editable(found.meetingId);
    if (!(await store.findVersion(db, found.meetingId, basedOn))) throw new HttpError(400, `There is no version ${basedOn} to edit.`);
    const row = await store.addVersion(db, found.meetingId, { source: 'edited', markdown, basedOn, createdBy: found.name });
    return reply.code(201).send({ version: row.version });
  });

  app.post('/api/meetings/:meetingId/record/finalise', async (request) => {
    const found = await leadAccess(request);
    const { version } = parseInput(FinaliseSchema, request.body, 'The request');
    if (!(await store.findVersion(db, found.meetingId, version))) throw new HttpError(400, `There is no version ${version}.`);
    if (!(await store.finalise(db, found.meetingId, version, found.name))) {
      throw new HttpError(409, 'The record is final already.');
    }
    return { finalised: true, version };
  });

  app.put('/api/meetings/:meetingId/record/sharing', async (request) => {
    const found = await leadAccess(request);
    const { sharing } = parseInput(SharingSchema, request.body, 'The request');
    await store.setSharing(db, found.meetingId, sharing);
    return { sharing };
  });

  /**
   * Exports: the chair and secretariat any version; participants what is shared. `?lang=` asks
   * for a language: a generated version is generated again in it (from the meeting as it is
   * now); an edited one keeps its text as written, and only the fixed words around it (banner,
   * charts, footer of HTML, DOCX and PDF) are in the language. Without it, the version's own.
   */
  app.get('/api/meetings/:meetingId/record.:format', async (request, reply) => {
    const { meetingId, format } = parseInput(ExportParams, request.params, 'The address');
    const { version, lang } = parseInput(ExportQuery, request.query, 'The address');
    const found = await resolveMeetingAccess(db, requirePrincipal(request), meetingId);
    if (!found) throw notFound('Meeting');
    checkDownload(ctx, request);
    const meeting = await meetingOf(meetingId);
    let row: store.RecordVersionRow | undefined;
    if (isLeading(found.role)) {
      row = await store.findVersion(db, meetingId, version ?? meeting.recordFinalVersion ?? undefined);
      if (!row) row = await records.generate(meetingId, found.name);
    } else {
      row = await sharedVersion(meeting);
      if (!row) throw forbidden('The record has not been shared with participants.');
    }
    const record = await records.build(meetingId);
    if (!row || !record) throw notFound('Record');
    return send(reply, format, row, record, meeting, lang);
  });

  app.get('/api/meetings/:meetingId/attendance.csv', async (request, reply) => {
    const found = await leadAccess(request);
    checkDownload(ctx, request);
    const record = await records.build(found.meetingId);
    if (!record) throw notFound('Meeting');
    return csv(reply, `attendance-${found.meetingId}.csv`, attendanceCsv(record));
  });

  app.get('/api/meetings/:meetingId/speaking.csv', async (request, reply) => {
    const found = await leadAccess(request);
    checkDownload(ctx, request);
    const record = await records.build(found.meetingId);
    if (!record) throw notFound('Meeting');
    return csv(reply, `speaking-${found.meetingId}.csv`, speakingCsv(record));
  });

  async function sharedVersion(meeting: meetingStore.MeetingRow) {
    if (meeting.recordSharing === 'final' && meeting.recordFinalVersion)
      return store.findVersion(db, meeting.id, meeting.recordFinalVersion);
    if (meeting.recordSharing === 'draft') return store.findVersion(db, meeting.id, meeting.recordFinalVersion ?? undefined);
    return undefined;
  }

  async function send(
    reply: FastifyReply,
    format: RecordFormat,
    row: store.RecordVersionRow,
    record: MeetingRecord,
    meeting: meetingStore.MeetingRow,
    requested: RecordLanguage | undefined,
  ) {
    const finalised = meeting.recordFinalisedAt !== null && meeting.recordFinalVersion === row.version;
    const written = markdownLanguage(row.markdown) ?? 'en';
    const language = requested ?? written;
    // Only a generated text can be generated again in another language; what people wrote stays as they wrote it.
    const markdown = row.source === 'generated' && language !== written ? recordMarkdown(record, language) : row.markdown;
    const file = await exportRecord(format, markdown, record, {
      status: finalised ? 'final' : 'draft',
      ...(finalised && { finalisedBy: meeting.recordFinalisedBy ?? '', finalisedAt: meeting.recordFinalisedAt!.getTime() }),
      language,
    });
    const suffix = language === 'en' ? '' : `-${language}`;
    // The text's language, and the fixed words' when HTML, DOCX or PDF put an edited text in another.
    const text = markdownLanguage(markdown) ?? written;
    const contentLanguage = format === 'md' || format === 'json' || text === language ? text : `${text}, ${language}`;
    return download(reply, `record-${meeting.id}-v${row.version}${suffix}.${format}`)
      .header('content-language', contentLanguage)
      .type(file.contentType)
      .send(file.body);
  }
}

function csv(reply: FastifyReply, name: string, body: string) {
  return download(reply, name)
    .type('text/csv; charset=utf-8')
    .send('\uFEFF' + body);
}

function rows(cells: (string | number)[][]): string {
  return cells.map((row) => row.map((cell) => csvCell(String(cell))).join(',')).join('\r\n') + '\r\n';
}

export function attendanceCsv(record: MeetingRecord): string {
  const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  return rows([
    [
      'name',
      'affiliation',
      'role',
      'stakeholder_group',
      'region',
      'location',
      'attended',
      'first_joined_utc',
      'last_left_utc',
      'minutes_connected',
    ],
    ...record.participants.map((person) => [
      person.name,
      person.affiliation,
      person.role,
      person.stakeholderGroup ?? '',
      person.region ?? '',
      person.location ?? '',
      person.attended ? 'yes' : person.presentByPhone ? 'by phone' : 'no',
      iso(person.firstJoined),
      iso(person.lastLeft),
      person.minutesConnected,
    ]),
  ]);
}

export function speakingCsv(record: MeetingRecord): string {
  const { statistics } = record;
  const table = (dimension: string, list: { key: string; turns: number; ms: number }[]) =>
    list.map((row) => [dimension, row.key, row.turns, Math.round(row.ms / 1000)]);
  return rows([
    ['dimension', 'value', 'speaking_turns', 'speaking_seconds'],
    ...table('location', statistics.byLocation),
    ...table('stakeholder_group', statistics.byStakeholderGroup),
    ...table('region', statistics.byRegion),
  ]);
}
