/**
 * Certificates of attendance on the HTTP API, once the meeting has ended: the chair and the
 * secretariat download everyone's who took part as one ZIP of PDFs; a person on the roster
 * downloads their own, from their personal link. In `?lang=`, else the record's language.
 */
import { zipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../shared/http/routes.ts';
import { certificateOf, certificatesOf, type Certificate } from '../../shared/record/record-certificates.ts';
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import { markdownLanguage, type RecordLanguage } from '../../shared/record/record-words.ts';
import { CERTIFICATE_WORDS } from '../../shared/record/words/certificate-words.ts';
import type { AppContext } from '../context.ts';
import { download } from '../http/download.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { route } from '../http/route.ts';
import { checkDownload } from '../limits/read-limits.ts';
import * as meetingStore from '../meetings/meeting-store.ts';
import { certificatePdf } from './certificate-pdf.ts';
import type { RecordService } from './record-service.ts';
import * as store from './record-store.ts';

const NOT_ENDED = 'Certificates of attendance are issued once the meeting has ended.';
const NOT_ON_ROSTER = 'There is no certificate of attendance for you: you are not on the meeting’s roster.';

export function registerCertificateRoutes(app: FastifyInstance, ctx: AppContext, records: RecordService): void {
  const { db } = ctx;

  /** The meeting as it ended, and the language to write in: the one asked for, else the record's (final, else latest). */
  async function ended(meetingId: string, asked: RecordLanguage | undefined): Promise<{ record: MeetingRecord; language: RecordLanguage }> {
    const meeting = await meetingStore.findMeeting(db, meetingId);
    if (!meeting) throw notFound('Meeting');
    const record = await records.build(meetingId);
    if (!record) throw notFound('Meeting');
    if (record.endedAt === null) throw new HttpError(409, NOT_ENDED);
    if (asked) return { record, language: asked };
    const version = await store.findVersion(db, meetingId, meeting.recordFinalVersion ?? undefined);
    return { record, language: (version && markdownLanguage(version.markdown)) ?? 'en' };
  }

  route(app, ctx, ROUTES.certificates, async ({ access: found, query: { lang }, request, reply }) => {
    checkDownload(ctx, request);
    const { record, language } = await ended(found.meetingId, lang);
    const issuedAt = Date.now();
    const files: Record<string, Uint8Array> = {};
    for (const certificate of certificatesOf(record)) {
      files[uniqueName(files, fileName(certificate, language))] = await certificatePdf(certificate, language, issuedAt);
    }
    // PDFs are compressed already: stored as they are.
    const zip = zipSync(files, { level: 0, mtime: new Date(issuedAt) });
    return download(reply, `${CERTIFICATE_WORDS[language].fileName}s-${found.meetingId}.zip`)
      .header('content-language', language)
      .type('application/zip')
      .send(Buffer.from(zip));
  });

  route(app, ctx, ROUTES.certificate, async ({ access: found, query: { lang }, request, reply }) => {
    checkDownload(ctx, request);
    const { record, language } = await ended(found.meetingId, lang);
    // Only a roster entry has attendance to certify (a secretariat account without one has none).
    if (found.participantId === null) throw new HttpError(404, NOT_ON_ROSTER);
    const certificate = certificateOf(record, found.participantId);
    if (!certificate) throw new HttpError(404, 'You did not take part in the meeting: there is no certificate of attendance to issue.');
    return download(reply, fileName(certificate, language))
      .header('content-language', language)
      .type('application/pdf')
      .send(await certificatePdf(certificate, language, Date.now()));
  });
}

/** `certificate-Flávio-Wagner.pdf`: the person's name in letters and digits, the rest as hyphens. */
function fileName(certificate: Certificate, language: RecordLanguage): string {
  const name = certificate.name.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || certificate.participantId;
  return `${CERTIFICATE_WORDS[language].fileName}-${name}.pdf`;
}

/** The name, numbered when two people's names make the same one. */
function uniqueName(taken: Record<string, unknown>, name: string): string {
  if (!(name in taken)) return name;
  let index = 2;
  while (`${name.slice(0, -4)}-${index}.pdf` in taken) index++;
  return `${name.slice(0, -4)}-${index}.pdf`;
}
