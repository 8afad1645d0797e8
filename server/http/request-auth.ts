/** Reads the session cookie of each request and sets or clears it on replies. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { principalFromCookieHeader, type Principal } from '../auth/sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

export function registerRequestAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const principal = await principalFromCookieHeader(ctx.sessions, request.headers.cookie);
    request.principal = principal;
    // Lucia extends a session past half its life: send the renewed expiry along.
    if (principal?.session.fresh) setSessionCookie(reply, ctx, principal.session.id);
  });
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, sessionId: string): void {
  const cookie = ctx.sessions.createSessionCookie(sessionId);
  reply.header('set-cookie', cookie.serialize());
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext): void {
  reply.header('set-cookie', ctx.sessions.createBlankSessionCookie().serialize());
}
