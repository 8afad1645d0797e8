/** The record's routes (versions, sharing) and every download of what the meeting said: record, chat, transcript, figures. */
import type { RecordVersion, RecordView } from '../record/record-views.ts';
import { ADMITTED_ROLES, LEAD_ROLES, meetingRule } from '../access/rules.ts';
import {
  CertificateQuery,
  ChatExportParams,
  FinaliseSchema,
  GenerateSchema,
  MeetingParams,
  RecordEditSchema,
  RecordExportParams,
  RecordExportQuery,
  RecordFiguresQuery,
  SharingSchema,
  TranscriptParams,
  TranscriptQuery,
  VersionParams,
} from './inputs.ts';
import type { Download } from './meeting-routes.ts';
import { RECORD_PATHS } from './route-paths.ts';
import { rules, withRules } from './route.ts';

const LEAD = meetingRule(LEAD_ROLES, 'Only the chair and the secretariat work on the record.');
const ADDRESS = { params: 'The address', query: 'The address' } as const;

export const RECORD_ROUTES = withRules(RECORD_PATHS, {
  /** The lead roles get the versions; everyone else the shared text only. */
  record: rules<RecordView>()({ params: MeetingParams, access: meetingRule(ADMITTED_ROLES, 'You are not admitted to this meeting.') }),
  recordVersion: rules<RecordVersion>()({ params: VersionParams, access: LEAD }),
  generateRecord: rules<{ version: number }>()({ params: MeetingParams, body: GenerateSchema, access: LEAD }),
  editRecord: rules<{ version: number }>()({ params: MeetingParams, body: RecordEditSchema, labels: { body: 'The edit' }, access: LEAD }),
  finaliseRecord: rules<{ finalised: true; version: number }>()({ params: MeetingParams, body: FinaliseSchema, access: LEAD }),
  shareRecord: rules<{ sharing: 'none' | 'draft' | 'final' }>()({ params: MeetingParams, body: SharingSchema, access: LEAD }),
  /** The lead roles any version; participants what is shared (403 until then). */
  recordExport: rules<Download>()({
    params: RecordExportParams,
    query: RecordExportQuery,
    labels: ADDRESS,
    access: meetingRule(LEAD_ROLES, 'The record has not been shared with participants.', {
      member: 'shared',
      observer: 'shared',
      captioner: 'shared',
      display: 'shared',
    }),
  }),
  /** With `?version=`, as of that version of the record (the instant its figures are counted to); else as of now. */
  attendance: rules<Download>()({ params: MeetingParams, query: RecordFiguresQuery, labels: ADDRESS, access: LEAD }),
  speaking: rules<Download>()({ params: MeetingParams, query: RecordFiguresQuery, labels: ADDRESS, access: LEAD }),
  /** The chat, private messages included. */
  chatExport: rules<Download>()({
    params: ChatExportParams,
    labels: ADDRESS,
    access: meetingRule(LEAD_ROLES, 'Only the chair and the secretariat export the chat.'),
  }),
  transcript: rules<Download>()({
    params: TranscriptParams,
    query: TranscriptQuery,
    labels: ADDRESS,
    access: meetingRule(
      ADMITTED_ROLES.filter((role) => role !== 'display'),
      'The room display cannot download the transcript.',
    ),
  }),
  /** Certificates of attendance, once the meeting has ended: everyone's who took part, as one ZIP of PDFs. */
  certificates: rules<Download>()({
    params: MeetingParams,
    query: CertificateQuery,
    labels: ADDRESS,
    access: meetingRule(LEAD_ROLES, 'Only the chair and the secretariat download everyone’s certificates.'),
  }),
  /** One's own certificate of attendance, once the meeting has ended: for people on its roster only. */
  certificate: rules<Download>()({
    params: MeetingParams,
    query: CertificateQuery,
    labels: ADDRESS,
    access: meetingRule([], 'Only people on the meeting’s roster get a certificate of attendance.', {
      chair: 'roster',
      'co-chair': 'roster',
      secretariat: 'roster',
      member: 'roster',
      observer: 'roster',
      captioner: 'roster',
    }),
  }),
});
