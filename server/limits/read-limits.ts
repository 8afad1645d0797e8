/**
 * Limits on reads that cost the server work — a meeting's catch-up (`meeting:sync`), the
 * caption history, downloads and exports — so that one participant repeating them cannot
 * slow the meetings of everyone else; and the number of live connections one personal
 * link may hold. Each refusal is clear: `rate-limited` on the socket, 429 with Retry-After
 * over HTTP, `too-many-connections` at connection.
 */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { CommandRejected } from '../../shared/errors.ts';
import { KeyedWindows, SlidingWindow } from './rate-limiter.ts';

export const READ_LIMITS = {
  /** Costly socket reads per connection, and per session over all its connections. */
  perSocket: { limit: 20, windowMs: 10_000 },
  perSession: { limit: 40, windowMs: 10_000 },
  /** Downloads and exports per session (or per address without one). */
  downloads: { limit: 30, windowMs: 60_000 },
  /** Live connections one personal-link session may hold at once (tabs, devices). */
  socketsPerLinkSession: 5,
} as const;

class ReadLimits {
  readonly sockets = new WeakMap<object, SlidingWindow>();
  readonly sessions = new KeyedWindows(READ_LIMITS.perSession.limit, READ_LIMITS.perSession.windowMs);
  readonly downloads = new KeyedWindows(READ_LIMITS.downloads.limit, READ_LIMITS.downloads.windowMs);
}

/** One set of counters per running server (tests start several in one process). */
const limitsOf = new WeakMap<AppContext, ReadLimits>();
function limits(ctx: AppContext): ReadLimits {
  let found = limitsOf.get(ctx);
  if (!found) limitsOf.set(ctx, (found = new ReadLimits()));
  return found;
}

/**
 * Counts one costly read on this connection (`meeting:sync`, `captions:history`) and refuses
 * it beyond the connection's or the session's limit. A refused read is not counted.
 */
export function checkSocketRead(ctx: AppContext, socket: object, sessionId: string | undefined): void {
  const all = limits(ctx);
  let window = all.sockets.get(socket);
  if (!window) all.sockets.set(socket, (window = new SlidingWindow(READ_LIMITS.perSocket.limit, READ_LIMITS.perSocket.windowMs)));
  if (window.retryAfterMs() > 0)
    throw new CommandRejected('rate-limited', 'Too many requests for the meeting on this connection; wait a few seconds.');
  if (sessionId !== undefined && all.sessions.take(sessionId) > 0) {
    throw new CommandRejected('rate-limited', 'Too many requests for the meeting from your connections; wait a few seconds.');
  }
  window.allow();
}

/** Counts one download or export; beyond the limit, 429 with Retry-After. */
export function checkDownload(ctx: AppContext, request: FastifyRequest): void {
  const key = request.principal ? `session:${request.principal.session.id}` : `address:${request.ip}`;
  const waitMs = limits(ctx).downloads.take(key);
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new HttpError(429, `Too many downloads in a minute; try again in ${seconds} s.`, [], { 'retry-after': String(seconds) });
  }
}
