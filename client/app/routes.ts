/**
 * The pages of the app and their addresses. Staff pages are loaded on demand so that the
 * bundle a participant downloads to join a meeting holds only the participant pages.
 */
import type { Me } from '../../shared/api.ts';
import { matchRoute } from './router.svelte.ts';

export type Route =
  | { name: 'start' }
  | { name: 'sign-in' }
  | { name: 'first-account'; token: string }
  | { name: 'meetings' }
  | { name: 'meeting-setup'; meetingId: string }
  | { name: 'meeting-record'; meetingId: string }
  | { name: 'join'; token: string }
  | { name: 'display'; token: string }
  | { name: 'observe'; token: string }
  | { name: 'room'; roomCode: string }
  | { name: 'meeting'; meetingId: string }
  /** The room display's view for someone already in the meeting (the secretariat checking the display link). */
  | { name: 'meeting-room'; meetingId: string }
  | { name: 'meeting-captions'; meetingId: string }
  | { name: 'not-found' };

/** Pages that need a staff account: visitors without one are sent to sign in. */
export const STAFF_ROUTES: ReadonlySet<Route['name']> = new Set(['meetings', 'meeting-setup', 'meeting-record']);

/**
 * Whether someone who joined by link (a chair or co-chair without an account) may open this
 * staff page: the meeting record, of their own meeting. The page then asks the server, whose
 * answer says whether they work on the record.
 */
export function openToLinkSession(route: Route, me: Me | undefined): boolean {
  return route.name === 'meeting-record' && me?.kind === 'guest' && me.meetingId === route.meetingId;
}

export function routeOf(path: string): Route {
  if (path === '/' || path === '') return { name: 'start' };
  if (matchRoute('/signin', path)) return { name: 'sign-in' };
  if (matchRoute('/meetings', path)) return { name: 'meetings' };
  let params: Record<string, string> | undefined;
  if ((params = matchRoute('/setup/:token', path))) return { name: 'first-account', token: params.token ?? '' };
  if ((params = matchRoute('/meetings/:meetingId/record', path))) return { name: 'meeting-record', meetingId: params.meetingId ?? '' };
  if ((params = matchRoute('/meetings/:meetingId', path))) return { name: 'meeting-setup', meetingId: params.meetingId ?? '' };
  if ((params = matchRoute('/join/:token', path))) return { name: 'join', token: params.token ?? '' };
  if ((params = matchRoute('/display/:token', path))) return { name: 'display', token: params.token ?? '' };
  if ((params = matchRoute('/observe/:token', path))) return { name: 'observe', token: params.token ?? '' };
  if ((params = matchRoute('/r/:roomCode', path))) return { name: 'room', roomCode: params.roomCode ?? '' };
  if ((params = matchRoute('/m/:meetingId', path))) return { name: 'meeting', meetingId: params.meetingId ?? '' };
  if ((params = matchRoute('/m/:meetingId/room', path))) return { name: 'meeting-room', meetingId: params.meetingId ?? '' };
  if ((params = matchRoute('/m/:meetingId/captions', path))) return { name: 'meeting-captions', meetingId: params.meetingId ?? '' };
  return { name: 'not-found' };
}
