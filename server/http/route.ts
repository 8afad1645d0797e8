/**
 * Registers a route of the shared map (shared/http/routes.ts) on the server: its method and
 * path, its input read with the map's schemas, and its access rule judged at each request by
 * the shared `may`/`verdictOf`, so that what docs/roles.md says is what the server does.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type * as v from 'valibot';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/sessions.ts';
import type { AnswerOf, RouteSpec } from '../../shared/http/route.ts';
import { may, verdictOf, type AccessRule, type MeetingRule, type StaffRule, type Verdict } from '../../shared/access/rules.ts';
import { resolveMeetingAccess, type MeetingAccess } from '../meetings/meeting-access.ts';
import { forbidden, HttpError, notFound, parseInput, unauthenticated } from './errors.ts';

type Parsed<S> = S extends v.GenericSchema ? v.InferOutput<S> : undefined;

/** The asker's access to the meeting in the path, and what the route's rule says for their role (never `no`). */
export interface RouteAccess extends MeetingAccess {
  verdict: Exclude<Verdict, 'no'>;
}

/** What a handler is given: the checked input, and who is asking as the rule judged them. */
export interface RouteCall<S extends RouteSpec> {
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  body: Parsed<S['body']>;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Signed in for staff and meeting rules; whoever the cookie says (maybe nobody) for public ones. */
  principal: S['access'] extends StaffRule | MeetingRule ? Principal : Principal | undefined;
  access: S['access'] extends MeetingRule ? RouteAccess : undefined;
}

/** A 204 (no answer) or a download is sent on the reply itself; every other answer is returned. */
type HandlerAnswer<A> = [A] extends [void] ? FastifyReply : [A] extends [string] ? FastifyReply : A;

export interface RouteOptions extends RouteShorthandOptions {
  /** What a refused input or access becomes (caption posts count refusals against the sender's address). */
  refused?: (request: FastifyRequest, refusal: HttpError) => HttpError;
}

const DEFAULT_LABELS = { params: 'The address', query: 'The address', body: 'The request' } as const;

export function route<S extends RouteSpec>(
  app: FastifyInstance,
  ctx: AppContext,
  spec: S,
  handler: (call: RouteCall<NoInfer<S>>) => Promise<HandlerAnswer<AnswerOf<NoInfer<S>>>>,
  { refused, ...options }: RouteOptions = {},
): void {
  const labels = { ...DEFAULT_LABELS, ...spec.labels };
  app.route({
    ...options,
    method: spec.method,
    url: spec.path,
    handler: async (request, reply) => {
      let checked: { params: unknown; query: unknown; principal: Principal | undefined; access: RouteAccess | undefined };
      let body: unknown;
      try {
        // The path and query first, then who asks, then the body: a stranger learns nothing from a body's problems.
        const params: unknown = spec.params && parseInput(spec.params, request.params, labels.params);
        const query: unknown = spec.query && parseInput(spec.query, request.query, labels.query);
        const judged = await judge(ctx, spec.access, request, params);
        checked = { params, query, ...judged };
        body = spec.body && parseInput(spec.body, request.body, labels.body);
      } catch (error) {
        if (refused && error instanceof HttpError) throw refused(request, error);
        throw error;
      }
      const call = { ...checked, body, request, reply } as RouteCall<S>;
      return handler(call);
    },
  });
}

/** Whether the asker may call the route now: the session and the meeting role are read at this request. */
async function judge(
  ctx: AppContext,
  rule: AccessRule,
  request: FastifyRequest,
  params: unknown,
): Promise<{ principal: Principal | undefined; access: RouteAccess | undefined }> {
  const principal = request.principal;
  if (rule.kind === 'public') return { principal, access: undefined };
  if (!principal) throw unauthenticated();
  if (rule.kind === 'staff') {
    // A staff account signed in with its password, not a session opened by a link.
    const { user, session } = principal;
    if (user.kind !== 'staff' || session.meetingId !== null) throw forbidden('This needs a staff account.');
    if (!may(`staff:${user.staffRole ?? 'chair'}`, rule)) throw forbidden(`This needs a ${rule.staffRoles.join(' or ')} account.`);
    return { principal, access: undefined };
  }
  const { meetingId } = params as { meetingId: string };
  const found = await resolveMeetingAccess(ctx.db, principal, meetingId);
  // No access at all is a 404, so that nobody can probe which meetings exist.
  if (!found) throw notFound('Meeting');
  if (!may(found.role, rule)) throw forbidden(rule.refusal);
  return { principal, access: { ...found, verdict: verdictOf(rule, found.role) as RouteAccess['verdict'] } };
}
