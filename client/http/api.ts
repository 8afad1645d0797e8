/**
 * Calls to the HTTP API, each by its route in the one map both ends share (shared/http):
 * `call(ROUTES.getMeeting, { params: { meetingId } })`, with `ROUTES` from
 * shared/http/route-paths.ts, which holds the paths only. The full map types what a call gives
 * and what it answers. Errors arrive as `ApiRequestError` with the server's message and problems.
 */
import type { ApiError } from '../../shared/api.ts';
import { routePath, type AnswerOf, type CallInput, type RoutePath, type RouteSpec, type SpecOf } from '../../shared/http/route.ts';
import type { InputProblem } from '../../shared/schemas.ts';
import { t } from '../i18n/i18n.svelte.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: InputProblem[] = [],
  ) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, t('common.serverUnreachable'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = parsed as ApiError | undefined;
    const message = error?.code !== undefined ? t(`apiErrors.${error.code}`) : error?.error;
    throw new ApiRequestError(response.status, message ?? t('common.serverAnswered', { status: response.status }), error?.problems);
  }
  return parsed as T;
}

/** The input of a call: left out when the route needs nothing (no path parameters, no body). */
type CallArgs<R extends RouteSpec> = Partial<CallInput<R>> extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

/** Calls the route with its path's parameters filled in, its query and its JSON body (sent only when given). */
export function call<R extends RoutePath>(route: R, ...[input]: CallArgs<SpecOf<R>>): Promise<AnswerOf<SpecOf<R>>> {
  const { params, query, body } = (input ?? {}) as {
    params?: Record<string, string>;
    query?: Record<string, string | undefined>;
    body?: unknown;
  };
  return request<AnswerOf<SpecOf<R>>>(route.method, routePath<RoutePath>(route, params, query), body);
}
