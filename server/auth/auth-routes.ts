/** Sign-in, sign-out, first-run set-up and staff accounts. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Me } from '../../shared/api.ts';
import { ROUTES } from '../../shared/http/routes.ts';
import { HttpError } from '../http/errors.ts';
import { clearSessionCookie, setSessionCookie } from '../http/request-auth.ts';
import { route } from '../http/route.ts';
import {
  createFirstAccount,
  createStaffAccount,
  EmailTakenError,
  listStaffAccounts,
  setupIsPending,
  verifyStaffLogin,
} from './accounts.ts';
import { resolveMeetingAccess } from '../meetings/meeting-access.ts';

const WRONG_LOGIN = 'Wrong email or password.';

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Its answer is typed here too: kind's literals are not kept by a generic handler's inferred answer.
  route(app, ctx, ROUTES.me, async ({ principal }): Promise<Me> => {
    if (!principal) return { kind: 'anonymous', setupPending: await setupIsPending(ctx.db) };
    const { user, session } = principal;
    if (session.meetingId === null && user.kind === 'staff') {
      return {
        kind: 'staff',
        user: { id: user.id, name: user.name, email: user.email ?? '', staffRole: user.staffRole ?? 'chair' },
      };
    }
    const access = session.meetingId ? await resolveMeetingAccess(ctx.db, principal, session.meetingId) : undefined;
    if (!access) return { kind: 'anonymous', setupPending: false };
    return { kind: 'guest', meetingId: access.meetingId, name: access.name, role: access.role };
  });

  route(
    app,
    ctx,
    ROUTES.login,
    async ({ body: input, request, reply, principal }) => {
      const { byEmailAndAddress, byAddress } = ctx.loginThrottle;
      // request.ip is the connecting address (or X-Forwarded-For's, only with TRUST_PROXY set).
      const pair = `${input.email}\n${request.ip}`;
      const waitMs = Math.max(byEmailAndAddress.retryAfterMs(pair), byAddress.retryAfterMs(request.ip));
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        throw new HttpError(429, `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute(s).`, [], {
          'retry-after': String(seconds),
        });
      }
      const account = await verifyStaffLogin(ctx.db, input.email, input.password);
      if (!account) {
        byEmailAndAddress.recordFailure(pair);
        byAddress.recordFailure(request.ip);
        throw new HttpError(401, WRONG_LOGIN);
      }
      byEmailAndAddress.recordSuccess(pair);
      // A new session at every sign-in (never the one the browser came with): no session fixation.
      if (principal) await ctx.sessions.invalidateSession(principal.session.id);
      const session = await ctx.sessions.createSession(account.id, { meetingId: null });
      setSessionCookie(reply, ctx, session.id);
      return { user: account };
    },
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
  );

  route(app, ctx, ROUTES.logout, async ({ principal, reply }) => {
    if (principal) {
      await ctx.sessions.invalidateSession(principal.session.id);
      ctx.disconnectSessions([principal.session.id], 'signed out');
    }
    clearSessionCookie(reply, ctx);
    return reply.code(204).send();
  });

  route(
    app,
    ctx,
    ROUTES.setup,
    async ({ body: input, reply }) => {
      const account = await createFirstAccount(ctx.db, input);
      if (!account) throw new HttpError(403, 'This set-up link has been used already or is no longer valid.');
      const session = await ctx.sessions.createSession(account.id, { meetingId: null });
      setSessionCookie(reply, ctx, session.id);
      return { user: account };
    },
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
  );

  route(app, ctx, ROUTES.listAccounts, async () => ({ accounts: await listStaffAccounts(ctx.db) }));

  route(app, ctx, ROUTES.addAccount, async ({ body, reply }) => {
    try {
      const account = await createStaffAccount(ctx.db, body);
      reply.code(201);
      return { account };
    } catch (error) {
      if (error instanceof EmailTakenError) throw new HttpError(409, error.message, [{ where: 'email', message: 'is taken' }]);
      throw error;
    }
  });
}
