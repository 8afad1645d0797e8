/**
 * One clock for every screen of a meeting: measures this browser's offset to the server's
 * clock over the socket (a few `clock:ping` round trips at each connection and every few
 * minutes, the fastest kept) and ticks on the boundary of the server's second. `now` is the
 * server second that began, so the chair's console, a phone and the room display show the
 * same figures and change them together. Timers stay data: nothing is sent each second.
 *
 * Each tick leaves a performance mark `clock-tick` (detail: the tick and the offset in use),
 * which browser tests and the benchmark read.
 */
import type { MeetingSocketClient } from '../../shared/sync/socket-io-adapter.ts';
import { currentSecond, OffsetEstimator, TickScheduler, type ClockEstimate, type Tick } from '../../shared/clock/index.ts';

/** Round trips measured at each connection, and now and then after. */
const PINGS_AT_CONNECT = 5;
const PINGS_LATER = 3;
const PING_SPACING_MS = 120;
const REMEASURE_EVERY_MS = 3 * 60_000;
/** Round trips while the page is still loading are slow: a second series once it has settled. */
const SETTLED_AFTER_MS = 10_000;
const PING_TIMEOUT_MS = 3_000;
/** The marks are cleared now and then, so that a page open all day holds no more than these. */
const MARKS_KEPT = 600;

export const TICK_MARK = 'clock-tick';

export interface TickMarkDetail extends Tick {
  offsetMs: number;
  roundTripMs: number | null;
}

export class ServerClock {
  /** The server second that began last (ms since epoch, a multiple of 1000). */
  now = $state(currentSecond(Date.now(), 0));
  /** The estimate in use, undefined until the first round trip came back. */
  estimate = $state.raw<ClockEstimate | undefined>();

  readonly #estimator = new OffsetEstimator();
  readonly #scheduler = new TickScheduler(
    () => this.#estimator.offsetMs,
    (tick) => this.#tick(tick),
  );
  #socket: MeetingSocketClient | undefined;
  #remeasure: ReturnType<typeof setInterval> | undefined;
  #settled: ReturnType<typeof setTimeout> | undefined;
  #measuring = false;
  #marks = 0;

  /** Starts ticking, and measuring over `socket` at each of its connections. */
  start(socket: MeetingSocketClient): void {
    if (this.#socket) return;
    this.#socket = socket;
    socket.on('connect', this.#onConnect);
    if (socket.connected) this.#onConnect();
    this.#remeasure = setInterval(() => void this.#measure(PINGS_LATER), REMEASURE_EVERY_MS);
    this.#scheduler.start();
  }

  stop(): void {
    this.#scheduler.stop();
    clearInterval(this.#remeasure);
    clearTimeout(this.#settled);
    this.#socket?.off('connect', this.#onConnect);
    this.#socket = undefined;
  }

  /** The server's clock at this moment, to the millisecond (for what is not shown per second). */
  serverNow(): number {
    return Date.now() + this.#estimator.offsetMs;
  }

  readonly #onConnect = () => {
    void this.#measure(PINGS_AT_CONNECT);
    clearTimeout(this.#settled);
    this.#settled = setTimeout(() => void this.#measure(PINGS_AT_CONNECT), SETTLED_AFTER_MS);
  };

  async #measure(pings: number): Promise<void> {
    const socket = this.#socket;
    if (!socket || this.#measuring) return;
    this.#measuring = true;
    try {
      for (let ping = 0; ping < pings && socket.connected; ping++) {
        if (ping > 0) await new Promise((resolve) => setTimeout(resolve, PING_SPACING_MS));
        const sentAt = Date.now();
        let answer;
        try {
          answer = await socket.timeout(PING_TIMEOUT_MS).emitWithAck('clock:ping', {});
        } catch {
          continue; // No answer in time: that round trip tells nothing.
        }
        const receivedAt = Date.now();
        if (answer.ok) this.#take({ sentAt, serverTime: answer.serverTime, receivedAt });
      }
    } finally {
      this.#measuring = false;
    }
  }

  #take(sample: { sentAt: number; serverTime: number; receivedAt: number }): void {
    const first = this.#estimator.best === undefined;
    if (!this.#estimator.add(sample)) return;
    this.estimate = this.#estimator.best;
    if (first) {
      // Until now the seconds shown were this browser's own: show the server's at once.
      this.now = currentSecond(Date.now(), this.#estimator.offsetMs);
    }
    this.#scheduler.reschedule(first);
  }

  #tick(tick: Tick): void {
    this.now = tick.serverTime;
    if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
    if (++this.#marks > MARKS_KEPT) {
      performance.clearMarks(TICK_MARK);
      this.#marks = 1;
    }
    const detail: TickMarkDetail = { ...tick, offsetMs: this.#estimator.offsetMs, roundTripMs: this.#estimator.best?.roundTripMs ?? null };
    performance.mark(TICK_MARK, { detail });
  }
}
