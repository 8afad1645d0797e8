/**
 * Socket.IO on the HTTP server: every connection is authenticated by the session cookie
 * and its Origin checked before it may do anything, and may enter only the meetings
 * its session allows. Every payload is validated by the protocol's schemas.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import * as v from 'valibot';
import type { AppContext } from '../context.ts';
import { principalFromCookieHeader, type Principal } from '../auth/sessions.ts';
import type { MeetingAccess } from '../meetings/meeting-access.ts';
import { isUnavailable } from '../db/errors.ts';
import { CommandRejected } from '../../shared/errors.ts';
import {
  CLIENT_EVENT_SCHEMAS,
  type Ack,
  type ClientToServerEvents,
  type CommandResult,
  type ConnectionRefusal,
  type ErrorCode,
  type ServerToClientEvents,
} from '../../shared/protocol.ts';
import { describeIssues } from '../../shared/schemas.ts';
import { CaptionStreamAuthSchema } from '../../shared/captions.ts';
import type { CaptionChannel } from '../../shared/caption-channels.ts';
import { findMeetingByCaptionToken } from '../captions/caption-store.ts';
import { CaptionPostLimits } from '../captions/caption-limits.ts';
import { READ_LIMITS } from '../limits/read-limits.ts';
import type { OwnerEvents } from './owner-link.ts';

export interface SocketData {
  /** The signed-in person; undefined for captioning software connected with a caption token. */
  principal: Principal | undefined;
  /** The meeting whose caption token this connection presented (captioning software). */
  captionFeedOf: string | undefined;
  /** The caption token it presented: each caption it streams checks that the token still holds. */
  captionToken: string | undefined;
  /** The meetings this connection has entered, with the access it was given. */
  meetings: Map<string, MeetingAccess>;
}

/** Messages between the processes of one deployment (through the adapter). */
export interface InterServerEvents extends OwnerEvents {
  'sessions:end': (sessionIds: string[], reason: string) => void;
  /**
   * Access to a meeting may have changed (role, roster, links, deletion): each process judges
   * its own open sockets of that meeting again; `userIds` narrows it to those people (null: all).
   */
  'meeting:access': (meetingId: string, userIds: string[] | null, reason: string) => void;
}

export type MeetingServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type MeetingSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
/** The chair, co-chair and secretariat of a meeting: they get the full presence list. */
export const leadRoom = (meetingId: string) => `meeting:${meetingId}:lead`;
/** Every connection of one participant in one meeting: their private messages reach them there. */
export const participantRoom = (meetingId: string, participantId: string) => `meeting:${meetingId}:p:${participantId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Captioning software streaming to a meeting with a caption token. */
export const captionFeedRoom = (meetingId: string) => `meeting:${meetingId}:caption-feed`;
/** Readers following one caption channel of a meeting: its lines and its line being typed reach them there. */
export const captionChannelRoom = (meetingId: string, channel: CaptionChannel) => `meeting:${meetingId}:captions:${channel}`;

function refuse(code: ErrorCode, reason: string): Error {
  const error = new Error(reason) as Error & { data: ConnectionRefusal };
  error.data = { code, reason };
  return error;
}

export function createSocketServer(httpServer: HttpServer, ctx: AppContext, adapter?: ServerOptions['adapter']): MeetingServer {
  const io: MeetingServer = new Server(httpServer, {
    ...(adapter && { adapter }),
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (request, callback) => {
      if (ctx.origins.accepts(request.headers)) callback(null, true);
      else callback('This site is not allowed to connect.', false);
    },
  });

  if (adapter) clusteredServers.add(io);
  // Another process ended sessions: end the connections this process holds for them.
  io.on('sessions:end', (sessionIds, reason) => endLocalSessions(io, sessionIds, reason));

  /** Refused caption-token handshakes per address (the posts-per-token figure is not used here). */
  const captionHandshakes = new CaptionPostLimits(ctx.config.captionPostsPerMinute);
  io.use(async (socket, next) => {
    try {
      socket.data.meetings = new Map();
      const principal = await principalFromCookieHeader(ctx.sessions, socket.handshake.headers.cookie);
      if (principal) {
        // A personal link (a session bound to one meeting) may be open in a few places at once, no more.
        const open = io.of('/').adapter.rooms.get(sessionRoom(principal.session.id))?.size ?? 0;
        if (principal.session.meetingId !== null && open >= READ_LIMITS.socketsPerLinkSession) {
          return next(
            refuse(
              'too-many-connections',
              `This link is open in ${READ_LIMITS.socketsPerLinkSession} places already. Close the meeting in another tab or device, then try again.`,
            ),
          );
        }
        socket.data.principal = principal;
        await socket.join(sessionRoom(principal.session.id));
        return next();
      }
      // Captioning software streams captions with the meeting's caption token instead of a session.
      const feed = v.safeParse(CaptionStreamAuthSchema, socket.handshake.auth);
      if (feed.success && (await findMeetingByCaptionToken(ctx.db, feed.output.meetingId, feed.output.captionToken))) {
        socket.data.captionFeedOf = feed.output.meetingId;
        socket.data.captionToken = feed.output.captionToken;
        await socket.join(captionFeedRoom(feed.output.meetingId));
        return next();
      }
      // Wrong caption tokens are counted per address (after the check, so a valid one always gets in).
      if (socket.handshake.auth && typeof socket.handshake.auth === 'object' && 'captionToken' in socket.handshake.auth) {
        if (captionHandshakes.blocked(socket.handshake.address)) {
          return next(
            refuse('rate-limited', 'Too many refused caption connections from this address. Check the caption token and try again later.'),
          );
        }
        captionHandshakes.countRefusal(socket.handshake.address);
      }
      next(refuse('unauthenticated', 'Not signed in: open your join link or sign in again.'));
    } catch (error) {
      ctx.log.error({ err: error }, 'socket authentication failed');
      next(refuse('unavailable', 'The server could not check your session. Try again shortly.'));
    }
  });

  return io;
}

/**
 * Registers a handler that validates its payload with the protocol schema and always
 * answers: the handler's result, or a typed failure. A handler never throws to socket.io.
 */
export function handle<E extends keyof ClientToServerEvents>(
  socket: MeetingSocket,
  event: E,
  handler: (payload: v.InferOutput<(typeof CLIENT_EVENT_SCHEMAS)[E]>) => Promise<CommandResult<E>>,
  onUnexpected: (error: unknown) => void,
): void {
  const schema = CLIENT_EVENT_SCHEMAS[event];
  socket.on(event as never, async (payload: unknown, ack: unknown) => {
    const reply = (typeof ack === 'function' ? ack : () => {}) as Ack<object>;
    const parsed = v.safeParse(schema, payload);
    if (!parsed.success) {
      const problem = describeIssues(parsed.issues)[0];
      reply({ ok: false, code: 'invalid', error: `Invalid ${event}: ${problem?.where ?? ''} ${problem?.message ?? ''}`.trim() });
      return;
    }
    try {
      const result = await handler(parsed.output as never);
      reply({ ok: true, ...result });
    } catch (error) {
      if (error instanceof CommandRejected) {
        reply({ ok: false, code: error.code, error: error.message });
      } else if (isUnavailable(error)) {
        reply({ ok: false, code: 'unavailable', error: 'The database is unavailable; nothing was changed. Try again in a moment.' });
      } else {
        onUnexpected(error);
        reply({ ok: false, code: 'internal', error: 'The server failed to handle this; nothing was changed.' });
      }
    }
  });
}

/**
 * Ends the live connections of sessions that no longer exist, in every process. Each process
 * tells its own sockets `session:ended` and then closes them, so the notice always arrives
 * before the close (two separate broadcasts through the adapter could overtake each other).
 */
export function disconnectSessions(io: MeetingServer, sessionIds: string[], reason: string): void {
  if (sessionIds.length === 0) return;
  endLocalSessions(io, sessionIds, reason);
  if (clustered(io)) io.serverSideEmit('sessions:end', sessionIds, reason);
}

function endLocalSessions(io: MeetingServer, sessionIds: string[], reason: string): void {
  const namespace = io.of('/');
  for (const sessionId of sessionIds) {
    for (const socketId of [...(namespace.adapter.rooms.get(sessionRoom(sessionId)) ?? [])]) {
      const socket = namespace.sockets.get(socketId);
      if (socket) endSocket(socket, reason);
    }
  }
}

/** Sends a server-side message to the other processes of the deployment, when there are any. */
export function tellOtherProcesses<E extends keyof InterServerEvents>(
  io: MeetingServer,
  event: E,
  ...args: Parameters<InterServerEvents[E]>
): void {
  if (clustered(io)) (io.serverSideEmit as (event: string, ...args: unknown[]) => boolean)(event, ...args);
}

/** Tells a connection why it ends, then closes it: the notice always arrives before the close. */
export function endSocket(socket: MeetingSocket, reason: string): void {
  if (!socket.connected) return;
  socket.emit('session:ended', { reason });
  socket.disconnect(true);
}

/** Servers whose adapter links several processes (the in-memory adapter cannot emit to others). */
const clusteredServers = new WeakSet<MeetingServer>();
const clustered = (io: MeetingServer) => clusteredServers.has(io);
