/**
 * Builds the whole server — HTTP API, built client, socket.io — on one port.
 * Used by `npm start` and by the integration tests, which start it on a free port.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type DatabaseConfig, type OpenDatabase } from './db/open.ts';
import { createSessionStore } from './auth/sessions.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { AllowedOrigins } from './http/origins.ts';
import { Metrics } from './metrics.ts';
import { registerMetricsRoutes } from './metrics-routes.ts';
import { HttpError } from './http/errors.ts';
import { isUnavailable } from './db/errors.ts';
import { registerRequestAuth } from './http/request-auth.ts';
import { registerAccountRoutes } from './auth/account-routes.ts';
import { route } from './http/route.ts';
import { ROUTES } from '../shared/http/routes.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { registerMeetingRoutes } from './meetings/meeting-routes.ts';
import { registerJoinRoutes } from './meetings/join-routes.ts';
import {
  createSocketServer,
  disconnectSessions,
  captionChannelRoom,
  leadRoom,
  meetingRoom,
  type MeetingServer,
} from './live/socket-server.ts';
import { linkOwners } from './live/owner-link.ts';
import { broadcastEvents, broadcastInterval, CoalescingBroadcaster, SlicedWriter } from './live/broadcast.ts';
import { MeetingRooms } from './live/meeting-rooms.ts';
import { Presence } from './live/presence.ts';
import { registerLiveHandlers, type LiveAccess } from './live/live-socket.ts';
import { CaptionFeeds } from './captions/caption-feed.ts';
import { registerCaptionRoutes } from './captions/caption-routes.ts';
import { registerStatementRoutes } from './statements/statement-routes.ts';
import { registerCaptionHandlers } from './captions/caption-socket.ts';
import { registerCaptionDestinationRoutes } from './captions/caption-destination-routes.ts';
import { registerCaptionReadRoutes } from './captions/caption-read-routes.ts';
import { CaptionForwarder } from './captions/caption-forwarder.ts';
import { registerClockHandlers } from './live/clock-socket.ts';
import { RecordService } from './record/record-service.ts';
import { registerRecordRoutes } from './record/record-routes.ts';
import { registerCertificateRoutes } from './record/certificate-routes.ts';
import { registerCorrectionRoutes } from './record/correction-routes.ts';
import { approveAfterCommand } from './record/record-approval.ts';

export interface RunningApp {
  http: FastifyInstance;
  io: MeetingServer;
  database: OpenDatabase;
  ctx: AppContext;
  /** The port actually bound (PORT=0 picks a free one). */
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Logs never carry secrets: cookies, passwords and link tokens are cut out. */
const REDACT = ['req.headers.cookie', 'res.headers["set-cookie"]', 'req.body.password', 'req.body.token'];

export async function startApp(config: Config, databaseConfig?: DatabaseConfig): Promise<RunningApp> {
  const database = await openDatabase(
    databaseConfig ?? (config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir }),
  );
  const http = Fastify({
    logger: {
      level: config.logLevel,
      redact: REDACT,
      serializers: {
        // Join, display and observer links carry their token in the path.
        req: (request) => ({ method: request.method, url: redactTokens(request.url) }),
      },
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // An address the router cannot read (bad percent-encoding): the API's own error, not the framework's.
    frameworkErrors: (_error, _request, reply) => {
      void (reply as FastifyReply).code(400).send({ error: 'The address is not valid: it holds characters that are not allowed.' });
    },
    // A request that is not valid HTTP (control characters in its first line or headers).
    clientErrorHandler: (error, socket) => {
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || !socket.writable) return socket.destroy();
      const body = JSON.stringify({ error: 'The request is not valid HTTP.' });
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  });

  let io: MeetingServer | undefined;
  let liveAccess: LiveAccess | undefined;
  const metrics = new Metrics(config.metrics);
  const writer = new SlicedWriter();
  const broadcaster = new CoalescingBroadcaster(
    (meetingId, events) => {
      if (io) broadcastEvents(io, writer, meetingId, events);
    },
    // The connections to this meeting on this process: each process spaces its own broadcasts.
    (meetingId) => broadcastInterval(io?.sockets.adapter.rooms.get(meetingRoom(meetingId))?.size ?? 0),
  );
  const rooms = new MeetingRooms({
    db: database.db,
    metrics,
    sharedLog: database.driver === 'postgres',
    broadcast: (meetingId, events) => broadcaster.broadcast(meetingId, events),
    skipped: (meetingId, seq, why) => http.log.warn({ meetingId, seq }, `stored event skipped: ${why}`),
  });
  const presence = new Presence({
    db: database.db,
    stateOf: (meetingId) => rooms.loaded(meetingId)?.state,
    announceToRoom: (summary) =>
      io?.to(meetingRoom(summary.meetingId)).except(leadRoom(summary.meetingId)).emit('meeting:presence', summary),
    announceToLeads: (summary) => io?.to(leadRoom(summary.meetingId)).emit('meeting:presence', summary),
    onError: (error) => http.log.error({ err: error }, 'attendance write failed'),
  });
  const records = new RecordService(database.db, rooms);
  // Finished caption lines go on to the meetings' caption destinations (Zoom) from the outbox.
  const forwarder = new CaptionForwarder(database.db, http.log, database.driver === 'pglite');
  const captionFeeds = new CaptionFeeds({
    db: database.db,
    stateOf: (meetingId) => rooms.loaded(meetingId)?.state,
    announceDraft: (meetingId, channel, draft) =>
      io?.to(captionChannelRoom(meetingId, channel)).volatile.emit('captions:draft', { meetingId, channel, draft }),
    announceSegment: (meetingId, segment) => {
      io?.to(captionChannelRoom(meetingId, segment.channel)).emit('captions:segment', { meetingId, segment });
      forwarder.wake();
    },
  });
  const ctx: AppContext = {
    config,
    db: database.db,
    sessions: createSessionStore(database.db, { secureCookies: config.publicUrl.startsWith('https://') }),
    loginThrottle: {
      byEmailAndAddress: new LoginThrottle({ maxFailures: 5, windowMs: 15 * 60_000 }),
      byAddress: new LoginThrottle({ maxFailures: 50, windowMs: 15 * 60_000 }),
    },
    origins: new AllowedOrigins(config.publicUrl, config.extraOrigins),
    log: http.log,
    rooms,
    disconnectSessions: (sessionIds, reason) => {
      if (io) disconnectSessions(io, sessionIds, reason);
    },
    accessChanged: async (meetingId, userIds, reason) => {
      await liveAccess?.changed(meetingId, userIds, reason);
    },
  };

  await http.register(fastifyCookie);
  await http.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
  });
  await http.register(fastifyRateLimit, { global: false, allowList: config.rateLimitAllowList });

  // Cookie-authenticated state changes must come from our own pages (CSRF).
  http.addHook('onRequest', async (request) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    if (!ctx.origins.accepts(request.headers)) throw new HttpError(403, 'Requests from other sites are refused.');
  });
  registerRequestAuth(http, ctx);

  http.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      return reply
        .code(error.status)
        .headers(error.headers)
        .send({
          error: error.message,
          ...(error.problems.length > 0 && { problems: error.problems }),
          ...(error.code !== undefined && { code: error.code }),
        });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      // Fastify's own refusals: unparsable JSON, body too large, rate limits.
      return reply.code(status).send({ error: friendlyClientError(status, (error as Error).message) });
    }
    if (isUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ error: 'The database is unavailable; nothing was changed. Try again in a moment.' });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'The server failed to handle this request; nothing was changed.' });
  });

  registerAuthRoutes(http, ctx);
  registerAccountRoutes(http, ctx);
  registerMeetingRoutes(http, ctx);
  registerJoinRoutes(http, ctx);
  await registerCaptionRoutes(http, ctx, captionFeeds);
  registerCaptionDestinationRoutes(http, ctx);
  registerCaptionReadRoutes(http, ctx);
  registerRecordRoutes(http, ctx, records);
  registerCertificateRoutes(http, ctx, records);
  registerCorrectionRoutes(http, ctx);
  registerStatementRoutes(http, ctx);
  route(http, ctx, ROUTES.health, async () => ({ ok: true, driver: database.driver }));
  if (config.metrics && config.metricsToken) {
    registerMetricsRoutes(http, ctx, { metrics, token: config.metricsToken, connections: () => io?.engine.clientsCount ?? 0 });
  }

  const indexHtml = join(config.clientDir, 'index.html');
  if (existsSync(indexHtml)) {
    // The built client's files are not API routes, so they are served here and not from shared/http's map.
    // The build writes .br and .gz copies; browsers that accept them get those.
    await http.register(fastifyStatic, { root: config.clientDir, wildcard: false, index: false, preCompressed: true });
  }
  http.setNotFoundHandler((request, reply) => {
    const isPage = !/^\/(api|socket\.io|assets)\//.test(request.url) && !/\.[a-z0-9]+(\?|$)/i.test(request.url);
    if (request.method === 'GET' && isPage) {
      if (existsSync(indexHtml)) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return reply.code(503).type('text/plain').send('The client is not built: run `npm run build`.');
    }
    return reply.code(404).send({ error: 'Not found.' });
  });

  await http.ready();
  // Several processes on one PostgreSQL share their broadcasts through the database (LISTEN/NOTIFY).
  const adapterPool = database.postgresUrl ? new pg.Pool({ connectionString: database.postgresUrl, max: 3 }) : undefined;
  adapterPool?.on('error', (error) => http.log.error({ err: error }, 'socket.io adapter connection failed'));
  // The adapter keeps one client checked out for LISTEN and reconnects it when it ends; a
  // checked-out client's error would otherwise go unhandled and stop the process.
  adapterPool?.on('connect', (client) => client.on('error', (error) => http.log.warn({ err: error }, 'socket.io adapter connection lost')));
  io = createSocketServer(
    http.server,
    ctx,
    adapterPool && createAdapter(adapterPool, { errorHandler: (error) => http.log.warn({ err: error }, 'socket.io adapter') }),
  );
  // Several processes: each live meeting is decided by one of them, the others forward to it.
  const owners = adapterPool && linkOwners(io, database.db, rooms, (error, what) => http.log.error({ err: error }, what));
  liveAccess = registerLiveHandlers(io, ctx, {
    rooms,
    presence,
    // When the chair ends the meeting, the draft summary is generated at once and the leads are told.
    meetingEnded: (meetingId, by) => {
      records
        .generate(meetingId, by)
        .then((row) => row && io?.to(leadRoom(meetingId)).emit('record:ready', { meetingId, version: row.version }))
        .catch((error: unknown) => http.log.error({ err: error }, 'draft summary generation failed'));
    },
    // A consensus or an agreed decision on an "Approval of the minutes" item approves the earlier record.
    commandApplied: (meetingId, command, by) =>
      approveAfterCommand(database.db, rooms, meetingId, command, by).catch((error: unknown) =>
        http.log.error({ err: error }, 'approving an earlier record failed'),
      ),
  });
  registerCaptionHandlers(io, ctx, captionFeeds, liveAccess);
  registerClockHandlers(io, ctx);
  await http.listen({ port: config.port, host: config.host });
  await forwarder.start();
  const address = http.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  return {
    http,
    io,
    database,
    ctx,
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      broadcaster.close();
      await writer.drained();
      await presence.closeAll();
      captionFeeds.close();
      await owners
        ?.close()
        .catch((error: unknown) => http.log.warn({ err: error }, 'meeting leases not released (they run out by themselves)'));
      await io!.close();
      await http.close();
      await forwarder.stop();
      // After a database outage the adapter may hold a dead LISTEN client it never released:
      // the pool's end would wait for it forever, so give it two seconds.
      if (adapterPool) await Promise.race([adapterPool.end(), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      await database.close();
    },
  };
}

function redactTokens(url: string): string {
  return url.replace(/\/(join|display|observe|setup)\/[A-Za-z0-9_-]+/g, '/$1/[token]').replace(/([?&]token=)[^&]*/g, '$1[token]');
}

function friendlyClientError(status: number, message: string): string {
  if (status === 413) return 'The request is too large.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status === 415) return 'Send the request as JSON.';
  if (status === 400) return `The request could not be read: ${message}`;
  return message;
}
