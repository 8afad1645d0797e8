/**
 * Ticks on the server's second: every screen that knows its offset to the server's clock
 * changes its displayed second at the same moment, whatever its own clock says.
 */

export const SECOND_MS = 1000;

/**
 * A timer fired this much before its moment still counts as on it (some engines round
 * timer delays down to a coarser grain).
 */
export const EARLY_TOLERANCE_MS = 15;

/** How far back a corrected clock may be held at the second already shown. */
const HOLD_AT_MOST_MS = 5 * SECOND_MS;

export interface NextTick {
  /** The server time of the next boundary (a whole number of seconds, in ms). */
  serverTime: number;
  /** How long to wait from the local now until that boundary, in ms (0 < delay ≤ 1000). */
  delayMs: number;
}

/** The server's clock at a local moment. */
export function serverTimeAt(localNow: number, offsetMs: number): number {
  return localNow + offsetMs;
}

/**
 * The server second a screen shows at a local moment: the last boundary passed (in ms).
 * A moment just short of a boundary (within the tolerance) counts as on it, so that a timer
 * that fires a little early still shows the new second.
 */
export function currentSecond(localNow: number, offsetMs: number): number {
  const server = serverTimeAt(localNow, offsetMs);
  return Math.floor((server + EARLY_TOLERANCE_MS) / SECOND_MS) * SECOND_MS;
}

/** When the next server second begins, and how long to wait for it from the local now. */
export function nextTick(localNow: number, offsetMs: number): NextTick {
  const serverTime = currentSecond(localNow, offsetMs) + SECOND_MS;
  return { serverTime, delayMs: serverTime - serverTimeAt(localNow, offsetMs) };
}

export interface TickTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Tick {
  /** The server second that began (ms, a multiple of 1000). */
  serverTime: number;
  /** The local clock when the tick ran. */
  firedAt: number;
  /** The local clock it was scheduled for (the boundary, by the offset then known). */
  scheduledFor: number;
}

/**
 * Calls `onTick` at every boundary of the server's second, by the offset `offsetMs()` gives
 * at each scheduling (so a better estimate moves the next tick, not a past one). Each tick
 * is scheduled afresh from the clock, so a late timer does not push the ones after it.
 */
export class TickScheduler {
  #handle: unknown;
  #running = false;
  #last: number | undefined;

  constructor(
    readonly offsetMs: () => number,
    readonly onTick: (tick: Tick) => void,
    readonly timers: TickTimers = {
      now: () => Date.now(),
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
  ) {}

  get running(): boolean {
    return this.#running;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule();
  }

  stop(): void {
    this.#running = false;
    this.timers.clearTimeout(this.#handle);
    this.#handle = undefined;
  }

  /**
   * Plans the next tick again (after the offset changed). `forget`: the seconds shown so far
   * came from a guess (no offset measured yet), so the next one need not follow them.
   */
  reschedule(forget = false): void {
    if (forget) this.#last = undefined;
    if (!this.#running) return;
    this.timers.clearTimeout(this.#handle);
    this.#schedule();
  }

  #schedule(): void {
    const localNow = this.timers.now();
    const offset = this.offsetMs();
    let { serverTime, delayMs } = nextTick(localNow, offset);
    // Never the same second twice (a better offset a little behind): hold the shown second
    // until the server's clock reaches the next one. A clock set far back starts afresh.
    if (this.#last !== undefined && serverTime <= this.#last && this.#last - serverTime < HOLD_AT_MOST_MS) {
      serverTime = this.#last + SECOND_MS;
      delayMs = serverTime - serverTimeAt(localNow, offset);
    }
    const scheduledFor = localNow + delayMs;
    this.#handle = this.timers.setTimeout(() => this.#fire(serverTime, scheduledFor), delayMs);
  }

  #fire(planned: number, scheduledFor: number): void {
    if (!this.#running) return;
    const firedAt = this.timers.now();
    // A timer that fired late (a busy machine, a sleeping tab) shows the second it is in now.
    const serverTime = Math.max(planned, currentSecond(firedAt, this.offsetMs()));
    this.#last = serverTime;
    this.onTick({ serverTime, firedAt, scheduledFor });
    if (this.#running) this.#schedule();
  }
}
