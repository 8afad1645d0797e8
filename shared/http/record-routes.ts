/** The record's routes (versions, sharing) and every download of what the meeting said: record, chat, transcript, figures. */
import type { RecordVersion, RecordView } from '../record/record-views.ts';
import { ADMITTED_ROLES, LEAD_ROLES, meetingRule } from '../access/rules.ts';
import {
  CHAT_FORMATS,
  ChatExportParams,
  FinaliseSchema,
  GenerateSchema,
  MeetingParams,
  RECORD_FORMATS,
  RecordEditSchema,
  RecordExportParams,
  RecordExportQuery,
  RecordFiguresQuery,
  SharingSchema,
  TRANSCRIPT_FORMATS,
  TranscriptParams,
  TranscriptQuery,
  VersionParams,
} from './inputs.ts';
import type { Download } from './meeting-routes.ts';
import { route } from './route.ts';

const LEAD = meetingRule(LEAD_ROLES, 'Only the chair and the secretariat work on the record.');
const BASE = '/api/meetings/:meetingId';
const ADDRESS = { params: 'The address', query: 'The address' } as const;

export const RECORD_ROUTES = {
  /** The lead roles get the versions; everyone else the shared text only. */
  record: route<RecordView>()({
    method: 'GET',
    path: `${BASE}/record`,
    params: MeetingParams,
    access: meetingRule(ADMITTED_ROLES, 'You are not admitted to this meeting.'),
  }),
  recordVersion: route<RecordVersion>()({ method: 'GET', path: `${BASE}/record/versions/:version`, params: VersionParams, access: LEAD }),
  generateRecord: route<{ version: number }>()({
    method: 'POST',
    path: `${BASE}/record/generate`,
    params: MeetingParams,
    body: GenerateSchema,
    access: LEAD,
  }),
  editRecord: route<{ version: number }>()({
    method: 'POST',
    path: `${BASE}/record/versions`,
    params: MeetingParams,
    body: RecordEditSchema,
    labels: { body: 'The edit' },
    access: LEAD,
  }),
  finaliseRecord: route<{ finalised: true; version: number }>()({
    method: 'POST',
    path: `${BASE}/record/finalise`,
    params: MeetingParams,
    body: FinaliseSchema,
    access: LEAD,
  }),
  shareRecord: route<{ sharing: 'none' | 'draft' | 'final' }>()({
    method: 'PUT',
    path: `${BASE}/record/sharing`,
    params: MeetingParams,
    body: SharingSchema,
    access: LEAD,
  }),
  /** The lead roles any version; participants what is shared (403 until then). */
  recordExport: route<Download>()({
    method: 'GET',
    path: `${BASE}/record.:format`,
    params: RecordExportParams,
    query: RecordExportQuery,
    labels: ADDRESS,
    formats: RECORD_FORMATS,
    access: meetingRule(LEAD_ROLES, 'The record has not been shared with participants.', {
      member: 'shared',
      observer: 'shared',
      captioner: 'shared',
      display: 'shared',
    }),
  }),
  /** With `?version=`, as of that version of the record (the instant its figures are counted to); else as of now. */
  attendance: route<Download>()({
    method: 'GET',
    path: `${BASE}/attendance.csv`,
    params: MeetingParams,
    query: RecordFiguresQuery,
    labels: ADDRESS,
    access: LEAD,
  }),
  speaking: route<Download>()({
    method: 'GET',
    path: `${BASE}/speaking.csv`,
    params: MeetingParams,
    query: RecordFiguresQuery,
    labels: ADDRESS,
    access: LEAD,
  }),
  /** The chat, private messages included. */
  chatExport: route<Download>()({
    method: 'GET',
    path: `${BASE}/chat.:format`,
    params: ChatExportParams,
    labels: ADDRESS,
    formats: CHAT_FORMATS,
    access: meetingRule(LEAD_ROLES, 'Only the chair and the secretariat export the chat.'),
  }),
  transcript: route<Download>()({
    method: 'GET',
    path: `${BASE}/transcript.:format`,
    params: TranscriptParams,
    query: TranscriptQuery,
    labels: ADDRESS,
    formats: TRANSCRIPT_FORMATS,
    access: meetingRule(
      ADMITTED_ROLES.filter((role) => role !== 'display'),
      'The room display cannot download the transcript.',
    ),
  }),
} as const;
