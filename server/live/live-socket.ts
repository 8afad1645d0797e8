/** The live meeting over a socket: enter (with catch-up), sync, commands, presence. */
import type { AppContext } from '../context.ts';
import { resolveMeetingAccess } from '../meetings/meeting-access.ts';
import { CommandRejected } from '../../shared/meeting/decide.ts';
import { isLeading } from '../../shared/meeting/permissions.ts';
import type { MeetingServer, MeetingSocket } from '../realtime/socket-server.ts';
import { handle, leadRoom, meetingRoom, participantRoom } from '../realtime/socket-server.ts';
import type { MeetingRooms } from './meeting-rooms.ts';
import { eventFor, stateFor, type Audience } from '../../shared/meeting/privacy.ts';
import type { MeetingSync } from '../../shared/protocol.ts';
import type { Presence } from './presence.ts';
import { SlidingWindow } from '../realtime/rate-limiter.ts';
import { checkSocketRead } from '../realtime/read-limits.ts';

export interface LiveServices {
  rooms: MeetingRooms;
  presence: Presence;
  meetingEnded(meetingId: string, by: string): void;
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

export function registerLiveHandlers(io: MeetingServer, ctx: AppContext, live: LiveServices): void {
  io.on('connection', (socket) => {
    const unexpected = (error: unknown) => ctx.log.error({ err: error }, 'socket handler failed');
    const checkRate = commandLimiter();

    handle(
      socket,
      'meeting:enter',
      async ({ meetingId, afterSeq }) => {
        const principal = socket.data.principal;
        if (!principal) throw new CommandRejected('forbidden', 'This connection only streams captions.');
        const access = await resolveMeetingAccess(ctx.db, principal, meetingId);
        if (!access) throw new CommandRejected('forbidden', 'You are not admitted to this meeting.');
        const room = await live.rooms.get(meetingId);
        if (!room) throw new CommandRejected('not-found', 'This meeting no longer exists.');
        // Join before reading the state, so that no event falls between the two (duplicates are dropped by seq).
        const rooms = [meetingRoom(meetingId), ...(isLeading(access.role) ? [leadRoom(meetingId)] : [])];
        if (access.participantId !== null) rooms.push(participantRoom(meetingId, access.participantId));
        await socket.join(rooms);
        const sync = syncFor(await room.sync(afterSeq), audienceOf(access));
        if (!socket.data.meetings.has(meetingId) && access.participantId !== null) {
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
        const access = enteredAccess(socket, meetingId);
        checkRate(command.type, isLeading(access.role));
        const room = await live.rooms.get(meetingId);
        if (!room) throw new CommandRejected('not-found', 'This meeting no longer exists.');
        const result = await room.execute(
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
