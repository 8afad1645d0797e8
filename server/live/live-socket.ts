/** The live meeting over a socket: enter (with catch-up), sync, commands, presence. */
import type { AppContext } from '../context.ts';
import { resolveMeetingAccess } from '../meetings/meeting-access.ts';
import { CommandRejected } from '../../shared/meeting/decide.ts';
import { isLeading } from '../../shared/meeting/permissions.ts';
import type { MeetingServer, MeetingSocket } from '../realtime/socket-server.ts';
import { handle, leadRoom, meetingRoom } from '../realtime/socket-server.ts';
import type { MeetingRooms } from './meeting-rooms.ts';
import type { Presence } from './presence.ts';

export interface LiveServices {
  rooms: MeetingRooms;
  presence: Presence;
}

export function registerLiveHandlers(io: MeetingServer, ctx: AppContext, live: LiveServices): void {
  io.on('connection', (socket) => {
    const unexpected = (error: unknown) => ctx.log.error({ err: error }, 'socket handler failed');

    handle(
      socket,
      'meeting:enter',
      async ({ meetingId, afterSeq }) => {
        const access = await resolveMeetingAccess(ctx.db, socket.data.principal, meetingId);
        if (!access) throw new CommandRejected('forbidden', 'You are not admitted to this meeting.');
        const room = await live.rooms.get(meetingId);
        if (!room) throw new CommandRejected('not-found', 'This meeting no longer exists.');
        // Join before reading the state, so that no event falls between the two (duplicates are dropped by seq).
        await socket.join(isLeading(access.role) ? [meetingRoom(meetingId), leadRoom(meetingId)] : meetingRoom(meetingId));
        const sync = await room.sync(afterSeq);
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
        enteredAccess(socket, meetingId);
        const room = await live.rooms.get(meetingId);
        if (!room) throw new CommandRejected('not-found', 'This meeting no longer exists.');
        return { sync: await room.sync(afterSeq) };
      },
      unexpected,
    );

    handle(
      socket,
      'meeting:command',
      async ({ meetingId, commandId, command }) => {
        const access = enteredAccess(socket, meetingId);
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

function enteredAccess(socket: MeetingSocket, meetingId: string) {
  const access = socket.data.meetings.get(meetingId);
  if (!access) throw new CommandRejected('forbidden', 'Enter the meeting first.');
  return access;
}
