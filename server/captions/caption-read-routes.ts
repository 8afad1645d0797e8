/**
 * Other tools read a meeting's finished caption lines with a read token: the secretariat makes
 * and revokes tokens; a tool pulls in StreamText's shape (`GET …/captions/pull?last=N`, at most
 * PULLS_PER_MINUTE a token) or holds a Server-Sent Events stream (`GET …/captions/stream`), which
 * resumes from `Last-Event-ID`, is kept open by heartbeats and is closed when the token is revoked.
 * The token comes in the query (`?token=`) or an `Authorization: Bearer` header.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { ROUTES, routePath } from '../../shared/http/routes.ts';
import { UN_LANGUAGES, type CaptionChannel } from '../../shared/caption-channels.ts';
import {
  LastEventId,
  MAX_READ_TOKENS_PER_MEETING,
  PULL_MAX_LINES,
  PULLS_PER_MINUTE,
  ReadToken,
  STREAMS_PER_TOKEN,
  type CaptionStreamLine,
} from '../../shared/caption-read.ts';
import type { CaptionSegment } from '../../shared/captions.ts';
import { HttpError, notFound, parseInput } from '../http/errors.ts';
import { route } from '../http/route.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { KeyedWindows } from '../limits/rate-limiter.ts';
import { FAILED_CAPTION_POSTS_PER_MINUTE, retryAfterHeader } from './caption-limits.ts';
import { lastSegmentSeq } from './caption-store.ts';
import * as store from './caption-read-tokens.ts';

export interface CaptionReadOptions {
  /** How often an open stream looks for new lines and whether its token still stands. */
  pollMs: number;
  /** How often a stream with nothing new sends a comment line, so that proxies keep it open. */
  heartbeatMs: number;
}

const DEFAULTS: CaptionReadOptions = { pollMs: 500, heartbeatMs: 15_000 };

/** The language of a channel's lines: the interpreters' for a UN channel, the last line's own for the floor. */
function languageOf(channel: CaptionChannel, lines: CaptionSegment[]): string | null {
  if ((UN_LANGUAGES as readonly string[]).includes(channel)) return channel;
  return lines.at(-1)?.language ?? null;
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Any web page may read with a token (it carries no cookie, so nothing of a session is exposed):
 * answers, refusals included, say so to the browser.
 */
const ANY_ORIGIN = { 'access-control-allow-origin': '*' } as const;
const openToPages = { onRequest: async (_request: FastifyRequest, reply: FastifyReply) => void reply.headers(ANY_ORIGIN) };

const sse = (fields: Record<string, string | number>) =>
  `${Object.entries(fields)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')}\n\n`;

export function registerCaptionReadRoutes(app: FastifyInstance, ctx: AppContext, options: Partial<CaptionReadOptions> = {}): void {
  const { db } = ctx;
  const { pollMs, heartbeatMs } = { ...DEFAULTS, ...options };
  const pulls = new KeyedWindows(PULLS_PER_MINUTE, 60_000);
  const refusals = new LoginThrottle({ maxFailures: FAILED_CAPTION_POSTS_PER_MINUTE, windowMs: 60_000 });
  const streams = new Map<string, Set<() => void>>();
  const closing = new AbortController();
  // Before the server stops taking connections and waits for the open ones to end.
  app.addHook('preClose', async () => closing.abort());

  /** The read token's id, or a refusal: wrong tokens count against the asker's address, never against the token. */
  async function tokenOf(request: FastifyRequest, meetingId: string, queryToken: string | undefined): Promise<string> {
    const waitMs = refusals.retryAfterMs(request.ip);
    if (waitMs > 0) {
      throw new HttpError(429, 'Too many refused caption reads from this address; try again later.', [], retryAfterHeader(waitMs));
    }
    const given = queryToken ?? bearer(request);
    const token = given === undefined ? undefined : parseInput(ReadToken, given, 'The read token');
    const id = token && (await store.findReadToken(db, meetingId, token));
    if (!id) {
      refusals.recordFailure(request.ip);
      throw new HttpError(
        403,
        given === undefined
          ? 'A caption read token is needed: add ?token=… or an Authorization: Bearer header.'
          : 'This caption read token is not valid for this meeting: it may have been revoked. Ask the secretariat for a new one.',
      );
    }
    return id;
  }

  /** Where a reader goes on from: refused beyond the meeting's last line, so that a wrong `last` is seen at once. */
  async function checkedPosition(meetingId: string, last: number, what: string): Promise<number> {
    const latest = await lastSegmentSeq(db, meetingId);
    if (last > latest) {
      throw new HttpError(
        400,
        `${what} is ${last}, beyond the meeting's last line (${latest}): start from 0, or from a lastPosition given.`,
      );
    }
    return last;
  }

  route(app, ctx, ROUTES.listCaptionReadTokens, async ({ access: { meetingId } }) => ({
    readTokens: await store.listReadTokens(db, meetingId),
  }));

  route(app, ctx, ROUTES.addCaptionReadToken, async ({ access: { meetingId }, reply }) => {
    if ((await store.countReadTokens(db, meetingId)) >= MAX_READ_TOKENS_PER_MEETING) {
      throw new HttpError(409, `A meeting can have at most ${MAX_READ_TOKENS_PER_MEETING} caption read tokens: revoke one first.`);
    }
    const { view, token } = await store.addReadToken(db, meetingId);
    ctx.log.info({ meetingId, readTokenId: view.id }, 'caption read token made');
    const url = (path: string) => ctx.config.publicUrl + path;
    reply.code(201);
    return {
      readToken: {
        ...view,
        token,
        pullUrl: url(routePath(ROUTES.pullCaptions, { meetingId }, { token, last: '0' })),
        streamUrl: url(routePath(ROUTES.streamCaptions, { meetingId }, { token })),
      },
    };
  });

  route(app, ctx, ROUTES.revokeCaptionReadToken, async ({ access: { meetingId }, params: { tokenId }, reply }) => {
    if (!(await store.revokeReadToken(db, meetingId, tokenId))) throw notFound('Caption read token');
    ctx.log.info({ meetingId, readTokenId: tokenId }, 'caption read token revoked');
    // This process's streams close at once; other processes' at their next look.
    for (const close of streams.get(tokenId) ?? []) close();
    return reply.code(204).send();
  });

  route(
    app,
    ctx,
    ROUTES.pullCaptions,
    async ({ params: { meetingId }, query, request }) => {
      const tokenId = await tokenOf(request, meetingId, query.token);
      const waitMs = pulls.take(tokenId);
      if (waitMs > 0) {
        throw new HttpError(429, `At most ${PULLS_PER_MINUTE} pulls a minute for one read token; slow down.`, [], retryAfterHeader(waitMs));
      }
      const last = await checkedPosition(meetingId, query.last ?? 0, 'last');
      const { lines, through } = await store.linesAfter(db, meetingId, query.channel, last, PULL_MAX_LINES);
      return {
        content: lines.map((line) => `${line.text}\n`).join(''),
        lastPosition: through,
        languageCode: languageOf(query.channel, lines),
      };
    },
    openToPages,
  );

  route(
    app,
    ctx,
    ROUTES.streamCaptions,
    async ({ params: { meetingId }, query, request, reply }) => {
      const tokenId = await tokenOf(request, meetingId, query.token);
      const open = streams.get(tokenId) ?? new Set();
      if (open.size >= STREAMS_PER_TOKEN) {
        throw new HttpError(429, `At most ${STREAMS_PER_TOKEN} streams at once for one read token; close one first.`);
      }
      const resumeFrom = request.headers['last-event-id'];
      const last =
        typeof resumeFrom === 'string'
          ? await checkedPosition(meetingId, parseInput(LastEventId, resumeFrom, 'Last-Event-ID'), 'Last-Event-ID')
          : await checkedPosition(meetingId, query.last ?? 0, 'last');
      await stream(reply, { meetingId, tokenId, channel: query.channel, last, open });
      return reply;
    },
    openToPages,
  );

  async function stream(
    reply: FastifyReply,
    {
      meetingId,
      tokenId,
      channel,
      last,
      open,
    }: { meetingId: string; tokenId: string; channel: CaptionChannel; last: number; open: Set<() => void> },
  ): Promise<void> {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...ANY_ORIGIN,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(sse({ retry: 2_000 }));
    let position = last;
    let quietSince = Date.now();
    let ended = false;
    let wake: () => void = () => undefined;
    const end = (event?: string, why?: string) => {
      if (ended) return;
      ended = true;
      open.delete(close);
      if (open.size === 0) streams.delete(tokenId);
      if (event && !raw.destroyed) raw.write(sse({ event, data: JSON.stringify({ error: why }) }));
      raw.end();
      wake();
    };
    const close = () => end('revoked', 'The read token was revoked.');
    open.add(close);
    streams.set(tokenId, open);
    raw.on('close', () => end());
    const onShutdown = () => end('closing', 'The server is restarting: reconnect in a moment.');
    closing.signal.addEventListener('abort', onShutdown, { once: true });

    while (!ended) {
      try {
        if (!(await store.readTokenStands(db, tokenId))) {
          close();
          break;
        }
        for (;;) {
          const { lines, through, scanned } = await store.linesAfter(db, meetingId, channel, position, PULL_MAX_LINES);
          for (const line of lines) {
            const data: CaptionStreamLine = {
              position: line.seq,
              text: line.text,
              language: line.language,
              speakerName: line.speakerName,
              startedAt: line.startedAt,
            };
            raw.write(sse({ id: line.seq, event: 'line', data: JSON.stringify(data) }));
          }
          if (lines.length > 0) quietSince = Date.now();
          position = through;
          if (scanned < PULL_MAX_LINES || ended) break;
        }
      } catch (error) {
        // The database is away for a moment: the stream waits and looks again.
        ctx.log.warn({ err: error, meetingId }, 'caption stream: the lines could not be read');
      }
      if (ended) break;
      if (Date.now() - quietSince >= heartbeatMs) {
        raw.write(': heartbeat\n\n');
        quietSince = Date.now();
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    closing.signal.removeEventListener('abort', onShutdown);
  }
}
