/**
 * Sends new events to a meeting's connections, encoded once per audience (socket.io
 * encodes a room broadcast once for all its members). Private messages go whole to their
 * sender and the leads, and as their bare place in the log to everyone else (rule H1).
 */
import type { MeetingEvent } from '../../shared/meeting/types.ts';
import { privateSender, redacted } from '../../shared/meeting/privacy.ts';
import { leadRoom, meetingRoom, participantRoom, type MeetingServer } from '../realtime/socket-server.ts';

export function broadcastEvents(io: MeetingServer, meetingId: string, events: MeetingEvent[]): void {
  const senders = events.map(privateSender).filter((sender) => sender !== undefined);
  if (senders.length === 0) {
    io.to(meetingRoom(meetingId)).emit('meeting:events', { meetingId, events });
    return;
  }
  const privileged = [leadRoom(meetingId), ...senders.filter((id) => id !== null).map((id) => participantRoom(meetingId, id))];
  io.to(privileged).emit('meeting:events', { meetingId, events });
  const forOthers = events.map((event) => (privateSender(event) === undefined ? event : redacted(event)));
  io.to(meetingRoom(meetingId)).except(privileged).emit('meeting:events', { meetingId, events: forOthers });
}
