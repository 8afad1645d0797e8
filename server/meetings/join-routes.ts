/**
 * Opening a link: a personal join link, the room display link, or the public observer link.
 * Each creates a session bound to that meeting (no password). Opening is a POST, sent by the
 * page the link shows, so that nothing changes on a GET (link previews, prefetching).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import type { JoinResult } from '../../shared/api.ts';
import { ROUTES } from '../../shared/http/routes.ts';
import { HttpError } from '../http/errors.ts';
import { resolveMeetingAccess } from './meeting-access.ts';
import { setSessionCookie } from '../http/request-auth.ts';
import { route } from '../http/route.ts';
import * as store from './meeting-store.ts';

const LINK_NOT_VALID = 'This link is not valid. It may have been revoked: ask the secretariat for a new one.';
const SIGNED_IN_ELSEWHERE =
  'This browser is signed in for something else: opening the room display here would end that session. Use the room’s computer or a private window, or confirm.';
const linkRateLimit = { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } };

export function registerJoinRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  async function startSession(reply: FastifyReply, userId: string, meetingId: string): Promise<JoinResult> {
    const previous = reply.request.principal;
    // One browser, one identity: a new link replaces the session this browser had.
    if (previous) await ctx.sessions.invalidateSession(previous.session.id);
    const session = await ctx.sessions.createSession(userId, { meetingId });
    setSessionCookie(reply, ctx, session.id);
    return { meetingId };
  }

  route(
    app,
    ctx,
    ROUTES.join,
    async ({ body: { token }, reply }) => {
      const entry = await store.findRosterEntryByJoinToken(db, token);
      if (!entry) throw new HttpError(404, LINK_NOT_VALID);
      return startSession(reply, entry.userId, entry.meetingId);
    },
    linkRateLimit,
  );

  route(
    app,
    ctx,
    ROUTES.display,
    async ({ body: { token, replaceSession }, reply, principal }) => {
      const meeting = await store.findMeetingByDisplayToken(db, token);
      if (!meeting) throw new HttpError(404, LINK_NOT_VALID);
      if (principal) {
        // Someone already in the meeting (the secretariat checking the link) keeps their own session.
        if (await resolveMeetingAccess(db, principal, meeting.id)) return { meetingId: meeting.id, roomView: true };
        if (!replaceSession) throw new HttpError(409, SIGNED_IN_ELSEWHERE);
      }
      return startSession(reply, meeting.displayUserId, meeting.id);
    },
    linkRateLimit,
  );

  /** The room link: people in the room type the personal code from their invitation. */
  route(
    app,
    ctx,
    ROUTES.roomTitle,
    async ({ params: { roomCode } }) => {
      const meeting = await store.findMeetingByRoomCode(db, roomCode);
      if (!meeting) throw new HttpError(404, 'This room link is not valid. Check the code on the room display.');
      return { title: meeting.title };
    },
    linkRateLimit,
  );

  route(
    app,
    ctx,
    ROUTES.room,
    async ({ body: { roomCode, personalCode }, reply }) => {
      const entry = await store.findRosterEntryByRoomCode(db, roomCode, personalCode);
      if (!entry) {
        throw new HttpError(404, 'That personal code does not match this meeting. Check your invitation, or ask the secretariat.', [
          { where: 'personalCode', message: 'does not match' },
        ]);
      }
      return startSession(reply, entry.userId, entry.meetingId);
    },
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
  );

  route(
    app,
    ctx,
    ROUTES.observerTitle,
    async ({ params: { token } }) => {
      const meeting = await store.findMeetingByObserverToken(db, token);
      if (!meeting) throw new HttpError(404, 'This observer link is not open.');
      return { title: meeting.title, startsAt: meeting.startsAt.toISOString() };
    },
    linkRateLimit,
  );

  /** The public observer link adds the visitor to the roster as an observer, under the name they give. */
  route(
    app,
    ctx,
    ROUTES.observe,
    async ({ body: { token, ...visitor }, reply }) => {
      const meeting = await store.findMeetingByObserverToken(db, token);
      if (!meeting) throw new HttpError(404, 'This observer link is not open.');
      const [entry] = await store.insertRosterEntries(db, meeting.id, [{ ...visitor, email: '', role: 'observer' }], {
        selfRegistered: true,
      });
      return startSession(reply, entry!.userId, meeting.id);
    },
    linkRateLimit,
  );
}
