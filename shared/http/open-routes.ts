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
import { OPEN_PATHS } from './route-paths.ts';
import { rules, withRules } from './route.ts';

const LINK = { params: 'The link', body: 'The link' } as const;
const METRICS = publicRule('METRICS_TOKEN (only with METRICS=1)');

export const OPEN_ROUTES = withRules(OPEN_PATHS, {
  me: rules<Me>()({ access: publicRule('nothing: it says who the browser is signed in as') }),
  health: rules<{ ok: boolean; driver: string }>()({ access: publicRule('nothing') }),
  login: rules<{ user: StaffAccount }>()({ body: LoginSchema, access: publicRule('the password (throttled)') }),
  logout: rules<void>()({ access: publicRule('nothing: it ends the session it is sent with') }),
  setup: rules<{ user: StaffAccount }>()({ body: FirstAccountSchema, access: publicRule('the one-time set-up token') }),
  join: rules<JoinResult>()({ body: JoinSchema, labels: LINK, access: publicRule('a personal join link') }),
  display: rules<JoinResult>()({ body: DisplayOpenSchema, labels: LINK, access: publicRule('the room display link') }),
  roomTitle: rules<{ title: string }>()({
    params: v.object({ roomCode: RoomCodeSchema }),
    labels: LINK,
    access: publicRule('the room code'),
  }),
  room: rules<JoinResult>()({ body: RoomJoinSchema, access: publicRule('the room code and a personal code') }),
  observerTitle: rules<{ title: string; startsAt: string }>()({
    params: v.object({ token: TokenSchema }),
    labels: LINK,
    access: publicRule('the public observer link, when on'),
  }),
  observe: rules<JoinResult>()({ body: ObserveSchema, access: publicRule('the public observer link, when on') }),
  /** The body is plain UTF-8 text or JSON (CaptionPostSchema): the route reads it itself. */
  postCaptions: rules<{ applied: boolean; seq?: number }>()({
    params: MeetingParams,
    query: CaptionQuerySchema,
    labels: { params: 'The address', query: 'The caption URL' },
    access: publicRule('the caption URL’s token'),
  }),
  metrics: rules<unknown>()({ access: METRICS }),
  resetMetrics: rules<unknown>()({ access: METRICS }),

  listAccounts: rules<{ accounts: StaffAccount[] }>()({ access: staffRule('secretariat') }),
  addAccount: rules<{ account: StaffAccount }>()({ body: NewAccountSchema, access: staffRule('secretariat') }),
  changeAccount: rules<{ account: StaffAccount }>()({
    params: AccountParams,
    body: AccountPatchSchema,
    access: staffRule('secretariat'),
  }),
});
