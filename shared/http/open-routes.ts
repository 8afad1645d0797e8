/** Routes open to anyone (guarded by a secret in the request, or by nothing), and the staff accounts. */
import * as v from 'valibot';
import type { JoinResult, Me, StaffAccount } from '../api.ts';
import {
  AccountPatchSchema,
  DisplayOpenSchema,
  FirstAccountSchema,
  JoinSchema,
  LoginSchema,
  NewAccountSchema,
  ObserveSchema,
  RoomCodeSchema,
  RoomJoinSchema,
  TokenSchema,
} from '../schemas.ts';
import { CaptionQuerySchema } from '../captions.ts';
import { publicRule, staffRule } from '../access/rules.ts';
import { AccountParams, MeetingParams } from './inputs.ts';
import { route } from './route.ts';

const LINK = { params: 'The link', body: 'The link' } as const;

export const OPEN_ROUTES = {
  me: route<Me>()({ method: 'GET', path: '/api/me', access: publicRule('nothing: it says who the browser is signed in as') }),
  health: route<{ ok: boolean; driver: string }>()({ method: 'GET', path: '/api/health', access: publicRule('nothing') }),
  login: route<{ user: StaffAccount }>()({
    method: 'POST',
    path: '/api/auth/login',
    body: LoginSchema,
    access: publicRule('the password (throttled)'),
  }),
  logout: route<void>()({ method: 'POST', path: '/api/auth/logout', access: publicRule('nothing: it ends the session it is sent with') }),
  setup: route<{ user: StaffAccount }>()({
    method: 'POST',
    path: '/api/setup',
    body: FirstAccountSchema,
    access: publicRule('the one-time set-up token'),
  }),
  join: route<JoinResult>()({
    method: 'POST',
    path: '/api/join',
    body: JoinSchema,
    labels: LINK,
    access: publicRule('a personal join link'),
  }),
  display: route<JoinResult>()({
    method: 'POST',
    path: '/api/display',
    body: DisplayOpenSchema,
    labels: LINK,
    access: publicRule('the room display link'),
  }),
  roomTitle: route<{ title: string }>()({
    method: 'GET',
    path: '/api/room/:roomCode',
    params: v.object({ roomCode: RoomCodeSchema }),
    labels: LINK,
    access: publicRule('the room code'),
  }),
  room: route<JoinResult>()({
    method: 'POST',
    path: '/api/room',
    body: RoomJoinSchema,
    access: publicRule('the room code and a personal code'),
  }),
  observerTitle: route<{ title: string; startsAt: string }>()({
    method: 'GET',
    path: '/api/observe/:token',
    params: v.object({ token: TokenSchema }),
    labels: LINK,
    access: publicRule('the public observer link, when on'),
  }),
  observe: route<JoinResult>()({
    method: 'POST',
    path: '/api/observe',
    body: ObserveSchema,
    access: publicRule('the public observer link, when on'),
  }),
  /** The body is plain UTF-8 text or JSON (CaptionPostSchema): the route reads it itself. */
  postCaptions: route<{ applied: boolean; seq?: number }>()({
    method: 'POST',
    path: '/api/captions/:meetingId',
    params: MeetingParams,
    query: CaptionQuerySchema,
    labels: { params: 'The address', query: 'The caption URL' },
    access: publicRule('the caption URL’s token'),
  }),
  metrics: route<unknown>()({ method: 'GET', path: '/api/metrics', access: publicRule('METRICS_TOKEN (only with METRICS=1)') }),
  resetMetrics: route<unknown>()({ method: 'POST', path: '/api/metrics/reset', access: publicRule('METRICS_TOKEN (only with METRICS=1)') }),

  listAccounts: route<{ accounts: StaffAccount[] }>()({ method: 'GET', path: '/api/accounts', access: staffRule('secretariat') }),
  addAccount: route<{ account: StaffAccount }>()({
    method: 'POST',
    path: '/api/accounts',
    body: NewAccountSchema,
    access: staffRule('secretariat'),
  }),
  changeAccount: route<{ account: StaffAccount }>()({
    method: 'PATCH',
    path: '/api/accounts/:accountId',
    params: AccountParams,
    body: AccountPatchSchema,
    access: staffRule('secretariat'),
  }),
} as const;
