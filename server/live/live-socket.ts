/** The live meeting over a socket: enter (with catch-up), sync, commands, presence. */
import type { AppContext } from '../context.ts';
import { accessDiffers, resolveMeetingAccess, type MeetingAccess } from '../meetings/meeting-access.ts';
import { CommandRejected } from '../../shared/errors.ts';
import type { Command } from '../../shared/meeting/commands.ts';
import { isLeading } from '../../shared/meeting/permissions.ts';
import { may } from '../../shared/access/rules.ts';
import { SOCKET_EVENT_ACCESS } from '../../shared/access/socket-events.ts';
import type { MeetingServer, MeetingSocket } from './socket-server.ts';
import {
  captionChannelRoom,
  captionFeedRoom,
  endSocket,
  handle,
  leadRoom,
  meetingRoom,
  participantRoom,
  tellOtherProcesses,
} from './socket-server.ts';
import type { MeetingRooms } from './meeting-rooms.ts';
import { eventFor, stateFor, type Audience } from '../../shared/meeting/privacy.ts';
import { PROTOCOL_VERSION, type MeetingSync } from '../../shared/protocol.ts';
import type { Presence } from './presence.ts';
import { SlidingWindow } from '../limits/rate-limiter.ts';
import { findMeetingByCaptionToken } from '../captions/caption-store.ts';
import { FLOOR_CHANNEL, type CaptionChannel } from '../../shared/caption-channels.ts';
import { checkSocketRead } from '../limits/read-limits.ts';

export interface LiveServices {
  rooms: MeetingRooms;
  presence: Presence;
  meetingEnded(meetingId: string, by: string): void;
  /** After a command was applied (the record of an earlier meeting may be approved by it). */
  commandApplied?(meetingId: string, command: Command, by: string): Promise<void>;
}

/**
 * Limits per connection, each answered with a clear refusal: commands in general, and for
 * participants the ones that could be repeated to disrupt (hands, chat, positions). The
 * chair and secretariat get a wider general limit: they record for others in bursts.
 */
const COMMAND_LIMITS = {
  any: { limit: 50, windowMs: 10_000, message: 'Too many commands at once; wait a moment.' },
  lead: { limit: 500, windowMs: 10_000, message: 'Too many commands at once; wait a moment.' },
  'queue.raiseHand': { limit: 10, windowMs: 60_000, message: 'You raised your hand too often; wait a minute.' },
  'chat.post': { limit: 10, windowMs: 10_000, message: 'You are posting too fast; wait a few seconds.' },
  'position.record': { limit: 60, windowMs: 60_000, message: 'Too many positions in a minute; wait a moment.' },
} as const;
type LimitKey = keyof typeof COMMAND_LIMITS;

function commandLimiter() {
  const windows = Object.fromEntries(
    Object.entries(COMMAND_LIMITS).map(([key, { limit, windowMs }]) => [key, new SlidingWindow(limit, windowMs)]),
  ) as Record<LimitKey, SlidingWindow>;
  const check = (key: LimitKey) => {
    if (!windows[key].allow()) throw new CommandRejected('rate-limited', COMMAND_LIMITS[key].message);
  };
  return (type: string, leading: boolean) => {
    if (leading) return check('lead');
    check('any');
    if (type in windows) check(type as LimitKey);
  };
}

/** Judging open connections again when access to a meeting may have changed. */
export interface LiveAccess {
  /**
   * Every process judges its open sockets of the meeting (of these users, or all) again: those that
   * lost access are told `session:ended` with `reason` and closed; those whose role changed move
   * rooms and are told `meeting:access-changed`. Resolves once this process's sockets are judged.
   */
  changed(meetingId: string, userIds: string[] | null, reason: string): Promise<void>;
  /** The sender's access now, for a command on an entered meeting; refuses (and ends the socket) when it is gone. */
  current(socket: MeetingSocket, meetingId: string): Promise<MeetingAccess>;
}

export function registerLiveHandlers(io: MeetingServer, ctx: AppContext, live: LiveServices): LiveAccess {
  /** Applies a new judgement of one socket's access to one meeting; undefined ends the socket. */
  function apply(socket: MeetingSocket, meetingId: string, fresh: MeetingAccess | undefined, reason: string): void {
    const held = socket.data.meetings.get(meetingId);
    if (!held) return;
    if (!fresh) {
      endSocket(socket, reason);
      return;
    }
    socket.data.meetings.set(meetingId, fresh);
    if (!accessDiffers(held, fresh)) return;
    if (isLeading(fresh.role)) void socket.join(leadRoom(meetingId));
    else void socket.leave(leadRoom(meetingId));
    if (held.participantId !== fresh.participantId) {
      if (held.participantId !== null) {
        void socket.leave(participantRoom(meetingId, held.participantId));
        live.presence.disconnected(meetingId, held.participantId);
      }
      if (fresh.participantId !== null) {
        void socket.join(participantRoom(meetingId, fresh.participantId));
        live.presence.connected(meetingId, fresh.participantId);
      }
    }
    socket.emit('meeting:access-changed', { meetingId, role: fresh.role, participantId: fresh.participantId });
  }

  async function judgeLocal(meetingId: string, userIds: string[] | null, reason: string): Promise<void> {
    const namespace = io.of('/');
    const wanted = userIds && new Set(userIds);
    const sockets = [...(namespace.adapter.rooms.get(meetingRoom(meetingId)) ?? [])]
      .map((id) => namespace.sockets.get(id))
      .filter((socket): socket is MeetingSocket => {
        const principal = socket?.data.principal;
        return principal !== undefined && (wanted === null || wanted.has(principal.user.id));
      });
    // Captioning software holds a caption token, which may have been rotated or revoked with a captioner's link.
    const feeds = [...(namespace.adapter.rooms.get(captionFeedRoom(meetingId)) ?? [])]
      .map((id) => namespace.sockets.get(id))
      .filter((socket): socket is MeetingSocket => socket !== undefined);
    const judged = async (judge: () => Promise<void>) => {
      try {
        await judge();
      } catch (error) {
        // The next command judges it again.
        ctx.log.warn({ err: error }, 'could not judge a connection’s access again');
      }
    };
    await Promise.all([
      ...sockets.map((socket) =>
        judged(async () => apply(socket, meetingId, await resolveMeetingAccess(ctx.db, socket.data.principal!, meetingId), reason)),
      ),
      ...feeds.map((socket) =>
        judged(async () => {
          if ((await captionFeedChannel(ctx, socket, meetingId)) === undefined) endSocket(socket, CAPTION_TOKEN_ENDED);
        }),
      ),
    ]);
  }
  // Another process changed access to a meeting: judge this process's sockets of it.
  io.on('meeting:access', (meetingId, userIds, reason) => void judgeLocal(meetingId, userIds, reason));

  const liveAccess: LiveAccess = {
    async changed(meetingId, userIds, reason) {
      tellOtherProcesses(io, 'meeting:access', meetingId, userIds, reason);
      await judgeLocal(meetingId, userIds, reason);
    },
    async current(socket, meetingId) {
      enteredAccess(socket, meetingId);
      const fresh = await resolveMeetingAccess(ctx.db, socket.data.principal!, meetingId);
      if (!fresh) {
        // The refusal is answered first, then the notice, then the close.
        setImmediate(() => apply(socket, meetingId, undefined, 'You are no longer admitted to this meeting.'));
        throw new CommandRejected('forbidden', 'You are no longer admitted to this meeting.');
      }
      apply(socket, meetingId, fresh, '');
      return fresh;
    },
  };

  io.on('connection', (socket) => {
    const unexpected = (error: unknown) => ctx.log.error({ err: error }, 'socket handler failed');
    const checkRate = commandLimiter();

    handle(
      socket,
      'meeting:enter',
      async ({ meetingId, afterSeq, protocolVersion }) => {
        // Checked first: an outdated page is told to reload, whatever else it asks.
        if (protocolVersion !== PROTOCOL_VERSION) throw new CommandRejected('client-outdated', CLIENT_OUTDATED);
        const principal = socket.data.principal;
        if (!principal) throw new CommandRejected('forbidden', 'This connection only streams captions.');
        const access = await resolveMeetingAccess(ctx.db, principal, meetingId);
        const rule = SOCKET_EVENT_ACCESS['meeting:enter'];
        if (!access || !may(access.role, rule)) throw new CommandRejected('forbidden', rule.refusal);
        const room = await live.rooms.get(meetingId);
        if (!room) throw new CommandRejected('not-found', 'This meeting no longer exists.');
        // Join before reading the state, so that no event falls between the two (duplicates are dropped by seq).
        const rooms = [meetingRoom(meetingId), ...(isLeading(access.role) ? [leadRoom(meetingId)] : [])];
        if (access.participantId !== null) rooms.push(participantRoom(meetingId, access.participantId));
        // Captions of the floor come on first entry; a reader of another channel follows it instead (`captions:history`).
        if (!socket.data.meetings.has(meetingId)) rooms.push(captionChannelRoom(meetingId, FLOOR_CHANNEL));
        // Entering again after a change of role: the rooms of the former role are left.
        const before = socket.data.meetings.get(meetingId);
        if (before && !isLeading(access.role)) await socket.leave(leadRoom(meetingId));
        if (before?.participantId != null && before.participantId !== access.participantId) {
          await socket.leave(participantRoom(meetingId, before.participantId));
          live.presence.disconnected(meetingId, before.participantId);
        }
        await socket.join(rooms);
        const sync = syncFor(await room.sync(afterSeq), audienceOf(access));
        if (before?.participantId !== access.participantId && access.participantId !== null) {
          live.presence.connected(meetingId, access.participantId);
        }
        socket.data.meetings.set(meetingId, access);
        const presence = live.presence.summary(meetingId);
        return {
          meetingId,
          role: access.role,
          participantId: access.participantId,
          serverTime: Date.now(),
          sync,
          presence: isLeading(access.role) ? { ...presence, connected: live.presence.connectedIds(meetingId) } : presence,
        };
      },
      unexpected,
    );

    handle(
      socket,
      'meeting:sync',
      async ({ meetingId, afterSeq }) => {
        const access = enteredAccess(socket, meetingId);
        checkSocketRead(ctx, socket, socket.data.principal?.session.id);
        const room = await live.rooms.get(meetingId);
        if (!room) throw new CommandRejected('not-found', 'This meeting no longer exists.');
        return { sync: syncFor(await room.sync(afterSeq), audienceOf(access)) };
      },
      unexpected,
    );

    handle(
      socket,
      'meeting:command',
      async ({ meetingId, commandId, command }) => {
        // Judged by the sender's access at this moment, never the role they entered with.
        const access = await liveAccess.current(socket, meetingId);
        checkRate(command.type, isLeading(access.role));
        const result = await live.rooms.execute(
          meetingId,
          command,
          {
            actor: { participantId: access.participantId, name: access.name },
            role: access.role,
            userId: access.userId,
          },
          commandId,
        );
        // Queue, floor and location changes alter who shows as reconnecting and the counts.
        live.presence.changed(meetingId);
        if (command.type === 'meeting.end') live.meetingEnded(meetingId, access.name);
        await live.commandApplied?.(meetingId, command, access.name);
        return result;
      },
      unexpected,
    );

    socket.on('disconnect', () => {
      for (const [meetingId, access] of socket.data.meetings ?? []) {
        if (access.participantId !== null) live.presence.disconnected(meetingId, access.participantId);
      }
    });
  });
  return liveAccess;
}

/** What a page of another protocol version is told when it enters a meeting. */
export const CLIENT_OUTDATED = 'EqualFloor was updated since this page was loaded. Reload the page to continue.';

/** What captioning software is told when its caption token stops working. */
export const CAPTION_TOKEN_ENDED = 'This caption URL is no longer valid: ask the secretariat for the current one.';

/** The channel a caption-token connection writes to, while its token still admits it to the meeting. */
export async function captionFeedChannel(ctx: AppContext, socket: MeetingSocket, meetingId: string): Promise<CaptionChannel | undefined> {
  const token = socket.data.captionToken;
  if (socket.data.captionFeedOf !== meetingId || token === undefined) return undefined;
  return (await findMeetingByCaptionToken(ctx.db, meetingId, token))?.channel;
}

function audienceOf(access: { role: Parameters<typeof isLeading>[0]; participantId: string | null }): Audience {
  return { leading: isLeading(access.role), participantId: access.participantId };
}

/** What this person may receive of a catch-up (rule H1). */
function syncFor(sync: MeetingSync, audience: Audience): MeetingSync {
  return sync.kind === 'snapshot'
    ? { kind: 'snapshot', state: stateFor(sync.state, audience) }
    : { kind: 'events', events: sync.events.map((event) => eventFor(event, audience)) };
}

function enteredAccess(socket: MeetingSocket, meetingId: string) {
  const access = socket.data.meetings.get(meetingId);
  if (!access) throw new CommandRejected('forbidden', 'Enter the meeting first.');
  return access;
}
