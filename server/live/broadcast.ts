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

/**
 * At most one broadcast per meeting every `intervalMs`: an event that comes alone goes out at
 * once; events that come faster (a hundred hands in a second) go out together. Each broadcast
 * costs the server time for every connected client, so in a large meeting this keeps a burst of
 * commands from queueing up behind its own broadcasts.
 */
export class CoalescingBroadcaster {
  readonly #pending = new Map<string, { events: MeetingEvent[]; timer: ReturnType<typeof setTimeout> }>();
  readonly #lastSent = new Map<string, number>();

  constructor(
    private readonly send: (meetingId: string, events: MeetingEvent[]) => void,
    private readonly intervalMs = 20,
  ) {}

  broadcast(meetingId: string, events: MeetingEvent[]): void {
    const pending = this.#pending.get(meetingId);
    if (pending) {
      pending.events.push(...events);
      return;
    }
    const wait = (this.#lastSent.get(meetingId) ?? 0) + this.intervalMs - performance.now();
    if (wait <= 0) {
      this.#flush(meetingId, events);
      return;
    }
    const timer = setTimeout(() => {
      const batch = this.#pending.get(meetingId);
      this.#pending.delete(meetingId);
      if (batch) this.#flush(meetingId, batch.events);
    }, wait);
    this.#pending.set(meetingId, { events: [...events], timer });
  }

  close(): void {
    for (const [meetingId, { events, timer }] of this.#pending) {
      clearTimeout(timer);
      this.#flush(meetingId, events);
    }
    this.#pending.clear();
  }

  #flush(meetingId: string, events: MeetingEvent[]): void {
    this.#lastSent.set(meetingId, performance.now());
    this.send(meetingId, events);
  }
}
