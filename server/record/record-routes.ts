/**
 * The record on the HTTP API: versions (generate, edit, finalise), sharing, and the
 * exports. The chair and secretariat work on it; participants see what is shared.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ROUTES } from '../../shared/http/routes.ts';
import { MARKDOWN_NESTING_MAX, markdownNesting } from '../../shared/record/markdown-nesting.ts';
import { download } from '../http/download.ts';
import type { AppContext } from '../context.ts';
import { forbidden, HttpError, notFound, refusal } from '../http/errors.ts';
import { route } from '../http/route.ts';
import * as meetingStore from '../meetings/meeting-store.ts';
import { csvCell } from '../meetings/meeting-views.ts';
import { isLeading } from '../../shared/meeting/permissions.ts';
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import type { RecordView } from '../../shared/record/record-views.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { markdownLanguage, type RecordLanguage } from '../../shared/record/record-words.ts';
import type { RecordService } from './record-service.ts';
import * as store from './record-store.ts';
import type { RecordFormat } from '../../shared/http/inputs.ts';
import { exportRecord } from './record-export.ts';
import { checkDownload } from '../limits/read-limits.ts';

export function registerRecordRoutes(app: FastifyInstance, ctx: AppContext, records: RecordService): void {
  const { db } = ctx;

  async function meetingOf(meetingId: string) {
    const meeting = await meetingStore.findMeeting(db, meetingId);
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }
  async function editable(meetingId: string) {
    const meeting = await meetingOf(meetingId);
    if (meeting.recordFinalisedAt) throw refusal(409, 'record-final', 'The record is final and can no longer be changed.');
    return meeting;
  }

  /** The record's state: its versions, whether it is final, what is shared; participants get the shared text only. */
  // Its answer is typed here too: the status's literals are not kept by a generic handler's inferred answer.
  route(app, ctx, ROUTES.record, async ({ access: found }): Promise<RecordView> => {
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

  route(app, ctx, ROUTES.recordVersion, async ({ params: { meetingId, version } }) => {
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

  route(app, ctx, ROUTES.generateRecord, async ({ access: found, body: { language }, reply }) => {
    await editable(found.meetingId);
    const row = await records.generate(found.meetingId, found.name, language ?? 'en');
    if (!row) throw notFound('Meeting');
    reply.code(201);
    return { version: row.version };
  });

  route(app, ctx, ROUTES.editRecord, async ({ access: found, body: { markdown, basedOn }, reply }) => {
    if (markdownNesting(markdown) > MARKDOWN_NESTING_MAX) {
      throw new HttpError(400, `The edit nests quotes and lists too deeply: at most ${MARKDOWN_NESTING_MAX} levels.`, [
        { where: 'markdown', message: `must nest quotes and lists at most ${MARKDOWN_NESTING_MAX} levels deep` },
      ]);
    }
    await editable(found.meetingId);
    if (!(await store.findVersion(db, found.meetingId, basedOn))) throw new HttpError(400, `There is no version ${basedOn} to edit.`);
    const row = await store.addVersion(db, found.meetingId, { source: 'edited', markdown, basedOn, createdBy: found.name });
    reply.code(201);
    return { version: row.version };
  });

  route(app, ctx, ROUTES.finaliseRecord, async ({ access: found, body: { version } }) => {
    if (!(await store.findVersion(db, found.meetingId, version))) throw new HttpError(400, `There is no version ${version}.`);
    if (!(await store.finalise(db, found.meetingId, version, found.name))) {
      throw new HttpError(409, 'The record is final already.');
    }
    return { finalised: true as const, version };
  });

  route(app, ctx, ROUTES.shareRecord, async ({ access: found, body: { sharing } }) => {
    await store.setSharing(db, found.meetingId, sharing);
    return { sharing };
  });

  /**
   * Exports: the chair and secretariat any version; participants what is shared. `?lang=` asks
   * for a language: a generated version is generated again in it (from the meeting as of the
   * instant it was generated at, so with the same figures); an edited one keeps its text as written, and only the fixed words around it (banner,
   * charts, footer of HTML, DOCX and PDF) are in the language. Without it, the version's own.
   */
  route(
    app,
    ctx,
    ROUTES.recordExport,
    async ({ access: found, params: { meetingId, format }, query: { version, lang }, request, reply }) => {
      checkDownload(ctx, request);
      const meeting = await meetingOf(meetingId);
      let row: store.RecordVersionRow | undefined;
      if (found.verdict === 'yes') {
        row = await store.findVersion(db, meetingId, version ?? meeting.recordFinalVersion ?? undefined);
        if (!row) row = await records.generate(meetingId, found.name);
      } else {
        // The other roles' verdict is `shared`: what the lead roles have shared, and nothing before that.
        row = await sharedVersion(meeting);
        if (!row) throw forbidden(ROUTES.recordExport.access.refusal);
      }
      if (!row) throw notFound('Record');
      // The version's own instant: its text, its charts and its JSON print the same figures.
      const record = await records.recordOf(row);
      if (!record) throw notFound('Record');
      return send(reply, format, row, record, meeting, lang);
    },
  );

  /** The record the figures come from: that of `version` (as of its instant), or the meeting as of now. */
  async function figures(meetingId: string, version: number | undefined): Promise<MeetingRecord> {
    if (version !== undefined) {
      const row = await store.findVersion(db, meetingId, version);
      if (!row) throw notFound('Version');
      const record = await records.recordOf(row);
      if (record) return record;
    }
    const record = await records.build(meetingId);
    if (!record) throw notFound('Meeting');
    return record;
  }

  route(app, ctx, ROUTES.attendance, async ({ access: found, query: { version }, request, reply }) => {
    checkDownload(ctx, request);
    const record = await figures(found.meetingId, version);
    return csv(reply, `attendance-${found.meetingId}${version === undefined ? '' : `-v${version}`}.csv`, attendanceCsv(record));
  });

  route(app, ctx, ROUTES.speaking, async ({ access: found, query: { version }, request, reply }) => {
    checkDownload(ctx, request);
    const record = await figures(found.meetingId, version);
    return csv(reply, `speaking-${found.meetingId}${version === undefined ? '' : `-v${version}`}.csv`, speakingCsv(record));
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
      person.attended ? 'yes' : person.presentByPhone ? 'by phone' : person.addedByName ? 'added by name' : 'no',
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
