/**
 * Sends new events to this process's connections of a meeting (each process broadcasts the
 * events its replica applies, in seq order), encoded once per audience. Most batches go whole
 * to everyone. A batch with a guarded event (shared/meeting/privacy.ts: a private message, a
 * roster change, the opening with its roster) goes whole to the leads, to each person it is
 * about as they may receive it, and once more to everyone else as they may receive it.
 *
 * The connections are written in slices (`SlicedWriter`), so that a broadcast to thousands of
 * them never holds the event loop long enough to delay anything else the server does.
 */
import type { MeetingEvent } from '../../shared/meeting/types.ts';
import { eventFor, isGuarded, receiversApart } from '../../shared/meeting/privacy.ts';
import { leadRoom, meetingRoom, participantRoom, type MeetingServer, type MeetingSocket } from './socket-server.ts';

export function broadcastEvents(io: MeetingServer, writer: SlicedWriter, meetingId: string, events: MeetingEvent[]): void {
  const namespace = io.of('/');
  const members = namespace.adapter.rooms.get(meetingRoom(meetingId));
  if (!members || members.size === 0) return;
  const encode = (batch: MeetingEvent[]) => encodeEvent(io, 'meeting:events', { meetingId, events: batch });
  const sockets = [...members].flatMap((id) => namespace.sockets.get(id) ?? []);
  if (!events.some(isGuarded)) {
    writer.write(sockets, encode(events));
    return;
  }
  const lead = leadRoom(meetingId);
  const people = new Set(events.flatMap(receiversApart));
  const whole = encode(events);
  const apart = new Map([...people].map((participantId) => [participantRoom(meetingId, participantId), participantId]));
  const forPerson = new Map<string, Encoded>();
  let forOthers: Encoded | undefined;
  writer.writeEach(sockets, (socket) => {
    if (socket.rooms.has(lead)) return whole;
    for (const room of socket.rooms) {
      const participantId = apart.get(room);
      if (participantId === undefined) continue;
      let encoded = forPerson.get(participantId);
      if (!encoded) {
        const audience = { leading: false, participantId };
        forPerson.set(participantId, (encoded = encode(events.map((event) => eventFor(event, audience)))));
      }
      return encoded;
    }
    const others = { leading: false, participantId: null };
    return (forOthers ??= encode(events.map((event) => eventFor(event, others))));
  });
}

/** socket.io-parser's EVENT packet type. */
const EVENT_PACKET = 2;

/** A packet as socket.io writes it to a connection, encoded once for all who get it. */
export interface Encoded {
  packets: ReturnType<MeetingServer['encoder']['encode']>;
  /** With the WebSocket frame built once too, when the adapter can (as its own room broadcasts do). */
  options: { preEncoded: true; wsPreEncodedFrame?: unknown };
}

/** The adapter's own encoding for broadcasts (socket.io-adapter's `_encode`), which also builds the WebSocket frame once. */
type AdapterEncoding = { _encode?(packet: object, options: Encoded['options']): Encoded['packets'] };

/** Encodes an event for many connections at once. */
export function encodeEvent(io: MeetingServer, event: string, payload: unknown): Encoded {
  const packet = { type: EVENT_PACKET, nsp: '/', data: [event, payload] };
  const options: Encoded['options'] = { preEncoded: true };
  const adapter = io.of('/').adapter as unknown as AdapterEncoding;
  const packets = adapter._encode ? adapter._encode(packet, options) : io.encoder.encode(packet);
  return { packets, options };
}

/** Connections written before the writer lets the event loop do other work... */
export const SLICE_SIZE = 500;
/** ...or fewer, once a slice has taken this long (a slow or busy machine). */
export const SLICE_BUDGET_MS = 10;
/** How many connections are written between two looks at the clock. */
const CLOCK_EVERY = 50;

/**
 * Writes encoded packets to many connections in slices of `sliceSize` (or what fits in
 * `SLICE_BUDGET_MS`), yielding to the event loop (setImmediate) between slices. Broadcasts are written one after the other, so a
 * connection always receives them in the order they were given, whatever their size.
 */
export class SlicedWriter {
  readonly #queue: { sockets: MeetingSocket[]; packetFor: (socket: MeetingSocket) => Encoded; next: number }[] = [];
  #scheduled = false;
  /** The longest a slice took to write, in ms (what it held the event loop). */
  longestSliceMs = 0;

  constructor(private readonly sliceSize = SLICE_SIZE) {}

  write(sockets: MeetingSocket[], encoded: Encoded): void {
    this.writeEach(sockets, () => encoded);
  }

  /** As `write`, with each connection's own packet (worked out when its slice is written). */
  writeEach(sockets: MeetingSocket[], packetFor: (socket: MeetingSocket) => Encoded): void {
    this.#queue.push({ sockets, packetFor, next: 0 });
    if (this.#scheduled) return;
    // The first slice goes out at once: a broadcast to a small meeting never waits.
    this.#writeSlice();
  }

  /** Resolves once everything given so far is written (tests, benchmarks, closing). */
  async drained(): Promise<void> {
    while (this.#queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  #writeSlice(): void {
    this.#scheduled = false;
    const started = performance.now();
    let budget = this.sliceSize;
    while (budget > 0 && this.#queue.length > 0) {
      const job = this.#queue[0]!;
      const end = Math.min(job.sockets.length, job.next + budget);
      let index = job.next;
      while (index < end) {
        const socket = job.sockets[index++]!;
        const { packets, options } = job.packetFor(socket);
        socket.client._packet(packets as never, options);
        if (index % CLOCK_EVERY === 0 && performance.now() - started > SLICE_BUDGET_MS) budget = 0;
        if (budget === 0) break;
      }
      budget = budget === 0 ? 0 : budget - (index - job.next);
      job.next = index;
      if (job.next >= job.sockets.length) this.#queue.shift();
    }
    this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - started);
    if (this.#queue.length > 0) {
      this.#scheduled = true;
      setImmediate(() => this.#writeSlice());
    }
  }
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
