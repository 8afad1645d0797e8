/** The meetings' set-up routes: details, roster, agenda, links, and moving a meeting between EqualFloors. */
import type { AgendaItemView, MeetingPageView, MeetingSetupView, MeetingSummary, RosterEntryView, RosterImportResult } from '../api.ts';
import {
  AgendaTextSchema,
  MeetingDetailsPatchSchema,
  MeetingDetailsSchema,
  ObserverLinkSchema,
  RosterCsvSchema,
  RosterEntryPatchSchema,
  RosterEntrySchema,
} from '../schemas.ts';
import { MeetingFileSchema } from '../meeting-file.ts';
import { ADMITTED_ROLES, LEAD_ROLES, meetingRule, staffRule } from '../access/rules.ts';
import { DeleteMeetingSchema, EntryParams, MeetingParams, NoFields } from './inputs.ts';
import { route } from './route.ts';

/** A file sent as an attachment (the browser downloads it from a link). */
export type Download = string;

const MANAGE = meetingRule(['secretariat'], 'Only the secretariat can change the meeting set-up.');
const ADMITTED = meetingRule(ADMITTED_ROLES, 'You are not admitted to this meeting.');
const BASE = '/api/meetings/:meetingId';
const ENTRY = `${BASE}/roster/:entryId`;

export const MEETING_ROUTES = {
  listMeetings: route<{ meetings: MeetingSummary[] }>()({
    method: 'GET',
    path: '/api/meetings',
    access: staffRule('secretariat', 'chair'),
  }),
  createMeeting: route<{ meeting: MeetingSummary }>()({
    method: 'POST',
    path: '/api/meetings',
    body: MeetingDetailsSchema,
    access: staffRule('secretariat'),
  }),
  importMeeting: route<{ meetingId: string }>()({
    method: 'POST',
    path: '/api/meetings/import',
    body: MeetingFileSchema,
    labels: { body: 'The meeting file' },
    access: staffRule('secretariat'),
  }),
  getMeeting: route<MeetingSetupView>()({
    method: 'GET',
    path: BASE,
    params: MeetingParams,
    access: meetingRule(LEAD_ROLES, 'Only the chair and the secretariat see the set-up.'),
  }),
  changeMeeting: route<{ meeting: MeetingSummary }>()({
    method: 'PATCH',
    path: BASE,
    params: MeetingParams,
    body: MeetingDetailsPatchSchema,
    access: MANAGE,
  }),
  deleteMeeting: route<void>()({ method: 'DELETE', path: BASE, params: MeetingParams, body: DeleteMeetingSchema, access: MANAGE }),
  meetingPage: route<MeetingPageView>()({ method: 'GET', path: `${BASE}/page`, params: MeetingParams, access: ADMITTED }),
  addRosterEntry: route<{ entry: RosterEntryView }>()({
    method: 'POST',
    path: `${BASE}/roster`,
    params: MeetingParams,
    body: RosterEntrySchema,
    access: MANAGE,
  }),
  importRoster: route<RosterImportResult>()({
    method: 'POST',
    path: `${BASE}/roster/import`,
    params: MeetingParams,
    body: RosterCsvSchema,
    access: MANAGE,
  }),
  changeRosterEntry: route<{ entry: RosterEntryView }>()({
    method: 'PATCH',
    path: ENTRY,
    params: EntryParams,
    body: RosterEntryPatchSchema,
    access: MANAGE,
  }),
  removeRosterEntry: route<void>()({ method: 'DELETE', path: ENTRY, params: EntryParams, access: MANAGE }),
  reissueJoinLink: route<{ entry: RosterEntryView }>()({ method: 'POST', path: `${ENTRY}/link`, params: EntryParams, access: MANAGE }),
  revokeJoinLink: route<{ entry: RosterEntryView }>()({ method: 'DELETE', path: `${ENTRY}/link`, params: EntryParams, access: MANAGE }),
  joinLinks: route<Download>()({ method: 'GET', path: `${BASE}/links.csv`, params: MeetingParams, access: MANAGE }),
  replaceAgenda: route<{ agenda: AgendaItemView[] }>()({
    method: 'PUT',
    path: `${BASE}/agenda`,
    params: MeetingParams,
    body: AgendaTextSchema,
    access: MANAGE,
  }),
  setObserverLink: route<MeetingSetupView>()({
    method: 'PUT',
    path: `${BASE}/observer-link`,
    params: MeetingParams,
    body: ObserverLinkSchema,
    access: MANAGE,
  }),
  replaceCaptionToken: route<MeetingSetupView>()({
    method: 'POST',
    path: `${BASE}/caption-token`,
    params: MeetingParams,
    body: NoFields,
    access: MANAGE,
  }),
  replaceDisplayToken: route<MeetingSetupView>()({
    method: 'POST',
    path: `${BASE}/display-token`,
    params: MeetingParams,
    body: NoFields,
    access: MANAGE,
  }),
  exportMeeting: route<Download>()({ method: 'GET', path: `${BASE}/export.json`, params: MeetingParams, access: MANAGE }),
} as const;
