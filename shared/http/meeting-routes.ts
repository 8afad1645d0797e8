/** The meetings' set-up routes: details, roster, agenda, links, and moving a meeting between EqualFloors. */
import type {
  AgendaItemView,
  MeetingPageView,
  MeetingPeoplePage,
  MeetingSetupView,
  MeetingSummary,
  RosterEntryView,
  RosterImportResult,
} from '../api.ts';
import {
  AgendaTextSchema,
  ProposalsTextSchema,
  MeetingDetailsPatchSchema,
  MeetingDetailsSchema,
  ObserverLinkSchema,
  RosterCsvSchema,
  RosterEntryPatchSchema,
  RosterEntrySchema,
} from '../schemas.ts';
import { MeetingFileSchema } from '../meeting-file.ts';
import { CaptionChannelsSchema, RoomCaptionChannelsSchema } from '../caption-channels.ts';
import { CaptionDestinationSchema, type CaptionDestinationView, type CaptionForwardingView } from '../caption-destinations.ts';
import { CaptionReadQuery, type CaptionPull, type CaptionReadTokenView, type NewCaptionReadToken } from '../caption-read.ts';
import { ADMITTED_ROLES, LEAD_ROLES, meetingRule, publicRule, staffRule } from '../access/rules.ts';
import {
  DeleteMeetingSchema,
  DestinationParams,
  EntryParams,
  ItemParams,
  MeetingParams,
  NoFields,
  PeopleQuery,
  ReadTokenParams,
} from './inputs.ts';
import { MEETING_PATHS } from './route-paths.ts';
import { rules, withRules } from './route.ts';

/** A file sent as an attachment (the browser downloads it from a link). */
export type Download = string;

const MANAGE = meetingRule(['secretariat'], 'Only the secretariat can change the meeting set-up.');
const ADMITTED = meetingRule(ADMITTED_ROLES, 'You are not admitted to this meeting.');
const MEETING = { params: MeetingParams, access: MANAGE } as const;
const ENTRY = { params: EntryParams, access: MANAGE } as const;

export const MEETING_ROUTES = withRules(MEETING_PATHS, {
  listMeetings: rules<{ meetings: MeetingSummary[] }>()({ access: staffRule('secretariat', 'chair') }),
  createMeeting: rules<{ meeting: MeetingSummary }>()({ body: MeetingDetailsSchema, access: staffRule('secretariat') }),
  importMeeting: rules<{ meetingId: string }>()({
    body: MeetingFileSchema,
    labels: { body: 'The meeting file' },
    access: staffRule('secretariat'),
  }),
  getMeeting: rules<MeetingSetupView>()({
    params: MeetingParams,
    access: meetingRule(LEAD_ROLES, 'Only the chair and the secretariat see the set-up.'),
  }),
  changeMeeting: rules<{ meeting: MeetingSummary }>()({ ...MEETING, body: MeetingDetailsPatchSchema }),
  deleteMeeting: rules<void>()({ ...MEETING, body: DeleteMeetingSchema }),
  meetingPage: rules<MeetingPageView>()({ params: MeetingParams, access: ADMITTED }),
  meetingPeople: rules<MeetingPeoplePage>()({
    params: MeetingParams,
    query: PeopleQuery,
    labels: { query: 'The address' },
    access: ADMITTED,
  }),
  addRosterEntry: rules<{ entry: RosterEntryView }>()({ ...MEETING, body: RosterEntrySchema }),
  importRoster: rules<RosterImportResult>()({ ...MEETING, body: RosterCsvSchema }),
  changeRosterEntry: rules<{ entry: RosterEntryView }>()({ ...ENTRY, body: RosterEntryPatchSchema }),
  removeRosterEntry: rules<void>()(ENTRY),
  reissueJoinLink: rules<{ entry: RosterEntryView }>()(ENTRY),
  revokeJoinLink: rules<{ entry: RosterEntryView }>()(ENTRY),
  joinLinks: rules<Download>()(MEETING),
  replaceAgenda: rules<{ agenda: AgendaItemView[] }>()({ ...MEETING, body: AgendaTextSchema }),
  replaceProposals: rules<{ agenda: AgendaItemView[] }>()({
    params: ItemParams,
    access: MANAGE,
    body: ProposalsTextSchema,
    labels: { body: 'The proposals' },
  }),
  setObserverLink: rules<MeetingSetupView>()({ ...MEETING, body: ObserverLinkSchema }),
  replaceCaptionToken: rules<MeetingSetupView>()({ ...MEETING, body: NoFields }),
  setRoomCaptionChannels: rules<MeetingSetupView>()({
    params: MeetingParams,
    body: RoomCaptionChannelsSchema,
    labels: { body: 'The room display’s caption channels' },
    access: meetingRule(LEAD_ROLES, 'Only the chair and the secretariat choose the room display’s captions.'),
  }),
  setCaptionChannels: rules<MeetingSetupView>()({ ...MEETING, body: CaptionChannelsSchema, labels: { body: 'The caption channels' } }),
  replaceDisplayToken: rules<MeetingSetupView>()({ ...MEETING, body: NoFields }),
  exportMeeting: rules<Download>()(MEETING),
  listCaptionDestinations: rules<{ destinations: CaptionDestinationView[] }>()(MEETING),
  addCaptionDestination: rules<{ destination: CaptionDestinationView }>()({
    ...MEETING,
    body: CaptionDestinationSchema,
    labels: { body: 'The caption destination' },
  }),
  removeCaptionDestination: rules<void>()({ params: DestinationParams, access: MANAGE }),
  captionForwarding: rules<{ destinations: CaptionForwardingView[] }>()({
    params: MeetingParams,
    access: meetingRule(['captioner', 'secretariat'], 'Only the captioners and the secretariat see where captions are forwarded.'),
  }),
  listCaptionReadTokens: rules<{ readTokens: CaptionReadTokenView[] }>()(MEETING),
  addCaptionReadToken: rules<{ readToken: NewCaptionReadToken }>()({ ...MEETING, body: NoFields }),
  revokeCaptionReadToken: rules<void>()({ params: ReadTokenParams, access: MANAGE }),
  /** StreamText's shape; the token in the query or an `Authorization: Bearer` header. */
  pullCaptions: rules<CaptionPull>()({
    params: MeetingParams,
    query: CaptionReadQuery,
    labels: { query: 'The caption pull' },
    access: publicRule('a caption read token'),
  }),
  /** Server-Sent Events (text/event-stream): one event per finished line, `id:` its position. */
  streamCaptions: rules<string>()({
    params: MeetingParams,
    query: CaptionReadQuery,
    labels: { query: 'The caption stream' },
    access: publicRule('a caption read token'),
  }),
});
