/**
 * Where each route of the HTTP API is, by name: its method, its path and the formats of a
 * `.:format` path. This is all the browser loads of the route map: the full routes
 * (shared/http/routes.ts, for the server and docs/roles.md) add the schemas of each input and
 * who may call it to these paths, by the same names, and `ROUTES` below carries them in its
 * type only: `call(ROUTES.getMeeting, { params: { meetingId } })` is typed by the full route
 * and loads none of its schemas or rules.
 */
import type { ROUTES as FULL_ROUTES } from './routes.ts';
import type { RoutePath, TypedPath } from './route.ts';

export { routePath } from './route.ts';
export type { AnswerOf, CallInput } from './route.ts';
export type { Download, RouteName } from './routes.ts';

export const RECORD_FORMATS = ['md', 'html', 'docx', 'pdf', 'json'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
export const TRANSCRIPT_FORMATS = ['txt', 'vtt', 'srt', 'json'] as const;
export const CHAT_FORMATS = ['csv', 'txt'] as const;

const get = <const P extends string>(path: P) => ({ method: 'GET', path }) as const;
const post = <const P extends string>(path: P) => ({ method: 'POST', path }) as const;
const put = <const P extends string>(path: P) => ({ method: 'PUT', path }) as const;
const patch = <const P extends string>(path: P) => ({ method: 'PATCH', path }) as const;
const del = <const P extends string>(path: P) => ({ method: 'DELETE', path }) as const;

/** Routes open to anyone (guarded by a secret in the request, or by nothing), and the staff accounts. */
export const OPEN_PATHS = {
  me: get('/api/me'),
  health: get('/api/health'),
  login: post('/api/auth/login'),
  logout: post('/api/auth/logout'),
  setup: post('/api/setup'),
  join: post('/api/join'),
  display: post('/api/display'),
  roomTitle: get('/api/room/:roomCode'),
  room: post('/api/room'),
  observerTitle: get('/api/observe/:token'),
  observe: post('/api/observe'),
  postCaptions: post('/api/captions/:meetingId'),
  metrics: get('/api/metrics'),
  resetMetrics: post('/api/metrics/reset'),
  listAccounts: get('/api/accounts'),
  addAccount: post('/api/accounts'),
  changeAccount: patch('/api/accounts/:accountId'),
} as const satisfies Record<string, RoutePath>;

const MEETING = '/api/meetings/:meetingId';
const ENTRY = `${MEETING}/roster/:entryId`;

/** The meetings' set-up: details, roster, agenda, links, and moving a meeting between EqualFloors. */
export const MEETING_PATHS = {
  listMeetings: get('/api/meetings'),
  createMeeting: post('/api/meetings'),
  importMeeting: post('/api/meetings/import'),
  getMeeting: get(MEETING),
  changeMeeting: patch(MEETING),
  deleteMeeting: del(MEETING),
  meetingPage: get(`${MEETING}/page`),
  meetingPeople: get(`${MEETING}/people`),
  addRosterEntry: post(`${MEETING}/roster`),
  importRoster: post(`${MEETING}/roster/import`),
  changeRosterEntry: patch(ENTRY),
  removeRosterEntry: del(ENTRY),
  reissueJoinLink: post(`${ENTRY}/link`),
  revokeJoinLink: del(`${ENTRY}/link`),
  joinLinks: get(`${MEETING}/links.csv`),
  replaceAgenda: put(`${MEETING}/agenda`),
  replaceProposals: put(`${MEETING}/agenda/:itemId/proposals`),
  setObserverLink: put(`${MEETING}/observer-link`),
  replaceCaptionToken: post(`${MEETING}/caption-token`),
  setCaptionChannels: put(`${MEETING}/caption-channels`),
  setRoomCaptionChannels: put(`${MEETING}/room-caption-channels`),
  replaceDisplayToken: post(`${MEETING}/display-token`),
  exportMeeting: get(`${MEETING}/export.json`),
  listCaptionDestinations: get(`${MEETING}/caption-destinations`),
  addCaptionDestination: post(`${MEETING}/caption-destinations`),
  removeCaptionDestination: del(`${MEETING}/caption-destinations/:destinationId`),
  captionForwarding: get(`${MEETING}/caption-forwarding`),
  listCaptionReadTokens: get(`${MEETING}/caption-read-tokens`),
  addCaptionReadToken: post(`${MEETING}/caption-read-tokens`),
  revokeCaptionReadToken: del(`${MEETING}/caption-read-tokens/:tokenId`),
  pullCaptions: get(`${MEETING}/captions/pull`),
  streamCaptions: get(`${MEETING}/captions/stream`),
} as const satisfies Record<string, RoutePath>;

/** The record (versions, sharing) and every download of what the meeting said: record, chat, transcript, figures. */
export const RECORD_PATHS = {
  record: get(`${MEETING}/record`),
  recordVersion: get(`${MEETING}/record/versions/:version`),
  generateRecord: post(`${MEETING}/record/generate`),
  editRecord: post(`${MEETING}/record/versions`),
  finaliseRecord: post(`${MEETING}/record/finalise`),
  shareRecord: put(`${MEETING}/record/sharing`),
  recordExport: { ...get(`${MEETING}/record.:format`), formats: RECORD_FORMATS },
  attendance: get(`${MEETING}/attendance.csv`),
  speaking: get(`${MEETING}/speaking.csv`),
  chatExport: { ...get(`${MEETING}/chat.:format`), formats: CHAT_FORMATS },
  transcript: { ...get(`${MEETING}/transcript.:format`), formats: TRANSCRIPT_FORMATS },
  certificates: get(`${MEETING}/certificates.zip`),
  certificate: get(`${MEETING}/certificate.pdf`),
} as const satisfies Record<string, RoutePath>;

/** The record's circulation for corrections, the corrections, its approval (also from an item of a later meeting). */
export const CORRECTION_PATHS = {
  circulation: get(`${MEETING}/record/circulation`),
  circulateRecord: put(`${MEETING}/record/circulation`),
  corrections: get(`${MEETING}/record/corrections`),
  proposeCorrection: post(`${MEETING}/record/corrections`),
  withdrawCorrection: del(`${MEETING}/record/corrections/:correctionId`),
  acceptCorrection: post(`${MEETING}/record/corrections/:correctionId/accept`),
  declineCorrection: post(`${MEETING}/record/corrections/:correctionId/decline`),
  approveRecord: post(`${MEETING}/record/approve`),
  approvalLinks: get(`${MEETING}/approval-links`),
  setItemApproves: put(`${MEETING}/agenda/:itemId/approves`),
} as const satisfies Record<string, RoutePath>;

/** Prepared statements and slides attached to a queue entry or a presentation slot (shared/http/statement-routes.ts). */
export const STATEMENT_PATHS = {
  uploadStatement: put(`${MEETING}/statements/:targetId`),
  statement: get(`${MEETING}/statements/:targetId`),
  statementFile: get(`${MEETING}/statements/:targetId/file`),
} as const satisfies Record<string, RoutePath>;

const PATHS = { ...OPEN_PATHS, ...MEETING_PATHS, ...RECORD_PATHS, ...CORRECTION_PATHS, ...STATEMENT_PATHS };

/**
 * Every route of the HTTP API as the browser calls it: the paths above, each typed with its
 * full route (input, answer) from shared/http/routes.ts, which is never loaded with it.
 */
export const ROUTES: { readonly [K in keyof typeof PATHS]: TypedPath<(typeof PATHS)[K], (typeof FULL_ROUTES)[K]> } = PATHS;
