/**
 * Sends new events to this process's connections of a meeting (each process broadcasts the
 * events its replica applies, in seq order), encoded once per audience (socket.io
 * encodes a room broadcast once for all its members). Most batches go whole to everyone.
 * A batch with a guarded event (shared/meeting/privacy.ts: a private message, a roster
 * change, the opening with its roster) goes whole to the leads, to each person it is about
 * as they may receive it, and once more to everyone else as they may receive it.
 */
import type { MeetingEvent } from '../../shared/meeting/types.ts';
import { eventFor, isGuarded, receiversApart } from '../../shared/meeting/privacy.ts';
import { leadRoom, meetingRoom, participantRoom, type MeetingServer } from './socket-server.ts';

export function broadcastEvents(io: MeetingServer, meetingId: string, events: MeetingEvent[]): void {
  if (!events.some(isGuarded)) {
    io.local.to(meetingRoom(meetingId)).emit('meeting:events', { meetingId, events });
    return;
  }
  const lead = leadRoom(meetingId);
  io.local.to(lead).emit('meeting:events', { meetingId, events });
  const people = new Set(events.flatMap(receiversApart));
  for (const participantId of people) {
    const audience = { leading: false, participantId };
    io.local
      .to(participantRoom(meetingId, participantId))
      .except(lead)
      .emit('meeting:events', { meetingId, events: events.map((event) => eventFor(event, audience)) });
  }
  const others = { leading: false, participantId: null };
  io.local
    .to(meetingRoom(meetingId))
    .except([lead, ...[...people].map((id) => participantRoom(meetingId, id))])
    .emit('meeting:events', { meetingId, events: events.map((event) => eventFor(event, others)) });
}

/** The shortest time between two broadcasts to a meeting, however small. */
export const MIN_INTERVAL_MS = 20;
/**
 * Deliveries a meeting's broadcasts may make per second (broadcasts × connections) before they
 * are spaced out further. Measured on 2 cores with 2 000 clients and a burst of 100 hands in a
 * second (npm run bench): 40 000 left the hands' p99 at 0.9 s, 20 000 at 0.3 s (3.6 s without).
 */
export const DELIVERIES_PER_SECOND = 20_000;

/**
 * The time between two broadcasts to a meeting of `audience` connections: 20 ms up to 400
 * connections, then as long as keeps a burst under 20 000 deliveries a second (100 ms for 2 000,
 * 250 ms for 5 000). Past that rate the server's writes and the clients' reads queue up, and a
 * queue of seconds is what a participant would feel.
 */
export function broadcastInterval(audience: number): number {
  return Math.max(MIN_INTERVAL_MS, (audience * 1_000) / DELIVERIES_PER_SECOND);
}

/**
 * At most one broadcast per meeting every `intervalMs(meetingId)`: an event that comes alone goes
 * out at once; events that come faster (a hundred hands in a second) go out together. Each
 * broadcast costs the server time for every connected client, so in a large meeting this keeps a
 * burst of commands from queueing up behind its own broadcasts.
 */
export class CoalescingBroadcaster {
  readonly #pending = new Map<string, { events: MeetingEvent[]; timer: ReturnType<typeof setTimeout> }>();
  readonly #lastSent = new Map<string, number>();

  constructor(
    private readonly send: (meetingId: string, events: MeetingEvent[]) => void,
    private readonly intervalMs: (meetingId: string) => number = () => MIN_INTERVAL_MS,
  ) {}

  broadcast(meetingId: string, events: MeetingEvent[]): void {
    const pending = this.#pending.get(meetingId);
    if (pending) {
      pending.events.push(...events);
      return;
    }
    const wait = (this.#lastSent.get(meetingId) ?? -Infinity) + this.intervalMs(meetingId) - performance.now();
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
