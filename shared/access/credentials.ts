/**
 * Every kind of credential that lets someone in, which column of docs/roles.md it acts as, and
 * what ends it. The roles test signs in with each one and checks the role it is given.
 */
import type { RoleColumn } from './table.ts';

export interface Credential {
  /** What the person holds. */
  readonly credential: string;
  /** The route that turns it into a session (or, for the caption token, that it is sent with), as Markdown. */
  readonly signIn: string;
  /** The columns of the role tables it acts as. */
  readonly actsAs: readonly RoleColumn[];
  /** What ends it, and what happens to connections already open with it. */
  readonly ends: string;
}

const ENTRY_ROLES = ['chair', 'co-chair', 'member', 'observer', 'captioner', 'interpreter'] as const satisfies readonly RoleColumn[];

export const CREDENTIALS: readonly Credential[] = [
  {
    credential: 'personal join link',
    signIn: '`POST /api/join`',
    actsAs: ENTRY_ROLES,
    ends: 'a new link or **Revoke link** (`POST`/`DELETE /api/meetings/:meetingId/roster/:entryId/link`) or removal from the roster: its sessions end and their sockets receive `session:ended`; a role change applies to the next command',
  },
  {
    credential: 'room code and personal code',
    signIn: '`POST /api/room`',
    actsAs: ENTRY_ROLES,
    ends: 'the same as the person’s join link (the personal code is part of it)',
  },
  {
    credential: 'public observer link',
    signIn: '`POST /api/observe`',
    actsAs: ['observer'],
    ends: 'switching the link off (`PUT /api/meetings/:meetingId/observer-link`): the sessions it opened end at once',
  },
  {
    credential: 'room display link',
    signIn: '`POST /api/display`',
    actsAs: ['display'],
    ends: '**Replace** (`POST /api/meetings/:meetingId/display-token`): displays signed in with the old link are told and closed',
  },
  {
    credential: 'caption token (the caption URL for captioning software)',
    signIn: '`POST /api/captions/:meetingId`, or a socket with `{ meetingId, captionToken }` in its `auth`',
    actsAs: ['caption token'],
    ends: '**Replace** (`POST /api/meetings/:meetingId/caption-token`): the old URL is refused at once and its sockets are closed. A captioner’s own caption URL ends with their join link and their captioner role',
  },
  {
    credential: 'secretariat account password',
    signIn: '`POST /api/auth/login`',
    actsAs: ['secretariat'],
    ends: 'disabling the account (`PATCH /api/accounts/:accountId`): its sessions end and their sockets receive `session:ended`; a demoted account is judged again in every meeting',
  },
  {
    credential: 'chair account password',
    signIn: '`POST /api/auth/login`',
    actsAs: ['chair account'],
    ends: 'the same as a secretariat account; in a meeting it also stops with its roster entry',
  },
];
