/**
 * Changing a staff account: the secretariat demotes or promotes another account, or disables and
 * enables it. Access follows at once: a disabled account's sessions end (its open sockets are told
 * `session:ended` and closed), and a changed role is judged again on every socket it holds.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { ROUTES } from '../../shared/http/routes.ts';
import { sessions } from '../db/schema.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { route } from '../http/route.ts';
import { listMeetings } from '../meetings/meeting-store.ts';
import { changeStaffAccount } from './accounts.ts';

const REFUSALS = {
  'own-account': [409, 'You cannot change or disable your own account: ask another secretariat account.'],
  'actor-gone': [403, 'Your account can no longer change accounts.'],
} as const;

export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, ROUTES.changeAccount, async ({ params: { accountId }, body: change, principal }) => {
    const result = await changeStaffAccount(ctx.db, principal.user.id, accountId, change);
    if (result === 'not-found') throw notFound('Account');
    if (typeof result === 'string') throw new HttpError(REFUSALS[result][0], REFUSALS[result][1]);
    const { before, after } = result;
    if (after.disabled && !before.disabled) {
      const ended = await ctx.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, accountId));
      await ctx.sessions.invalidateUserSessions(accountId);
      ctx.disconnectSessions(
        ended.map((session) => session.id),
        'your account was disabled',
      );
    } else if (after.staffRole !== before.staffRole) {
      // A secretariat account sees every meeting; as a chair account only those it is on the roster of.
      for (const meeting of await listMeetings(ctx.db)) {
        await ctx.accessChanged(meeting.id, [accountId], 'your account’s role changed');
      }
    }
    return { account: after };
  });
}
