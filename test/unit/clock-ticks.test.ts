/**
 * Ticks on the server's second (shared/clock/tick-schedule.ts), with faked time: whatever a
 * screen's own clock says, once it knows its offset it changes its second when the server's does.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentSecond, nextTick, TickScheduler, type Tick, type TickTimers } from '../../shared/clock/index.ts';

/** Real time in these tests: the faked Date.now(). A screen's clock is real time plus its skew. */
const REAL_START = Date.UTC(2026, 11, 3, 12, 0, 0) + 123;

function screenTimers(skewMs: number): TickTimers {
  return {
    now: () => Date.now() + skewMs,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(REAL_START);
});
afterEach(() => vi.useRealTimers());

describe('the next server second', () => {
  it('is the next whole second of the server clock, and the wait for it on the local one', () => {
    // Local 12:00:00.123, server 3.4 s ahead: 12:00:03.523, next second 12:00:04 in 477 ms.
    expect(nextTick(REAL_START, 3_400)).toEqual({ serverTime: Date.UTC(2026, 11, 3, 12, 0, 4), delayMs: 477 });
    expect(nextTick(REAL_START, -1_700)).toEqual({ serverTime: Date.UTC(2026, 11, 2, 23, 59, 59) + 12 * 3_600_000, delayMs: 577 });
  });

  it('counts a moment a hair short of a boundary as on it (a timer fired a little early)', () => {
    const boundary = Date.UTC(2026, 11, 3, 12, 0, 10);
    expect(currentSecond(boundary - 3, 0)).toBe(boundary);
    expect(currentSecond(boundary - 200, 0)).toBe(boundary - 1_000);
    expect(nextTick(boundary - 3, 0)).toEqual({ serverTime: boundary + 1_000, delayMs: 1_003 });
  });
});

describe('the tick scheduler', () => {
  it('ticks on each boundary of the server second, not of the local one', () => {
    const skew = 2_345; // this screen's clock is 2.345 s fast; the server's is right
    const ticks: Array<Tick & { real: number }> = [];
    const scheduler = new TickScheduler(
      () => -skew,
      (tick) => ticks.push({ ...tick, real: Date.now() }),
      screenTimers(skew),
    );
    scheduler.start();
    vi.advanceTimersByTime(876);
    expect(ticks).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(ticks).toHaveLength(1);
    vi.advanceTimersByTime(10_000);
    expect(ticks).toHaveLength(11);
    ticks.forEach((tick, index) => {
      expect(tick.real % 1_000).toBe(0); // on the server's (here: real) second
      expect(tick.serverTime).toBe(tick.real);
      expect(tick.serverTime - ticks[0]!.serverTime).toBe(index * 1_000);
      expect(tick.firedAt).toBe(tick.scheduledFor);
    });
    scheduler.stop();
    vi.advanceTimersByTime(5_000);
    expect(ticks).toHaveLength(11);
  });

  it('makes screens with different clocks tick at the same moments with the same second', () => {
    const skews = [0, 3_400, -1_700, 250, -40_000];
    const ticks = skews.map(() => [] as Array<{ serverTime: number; real: number }>);
    const schedulers = skews.map(
      (skew, screen) =>
        new TickScheduler(
          () => -skew,
          ({ serverTime }) => ticks[screen]!.push({ serverTime, real: Date.now() }),
          screenTimers(skew),
        ),
    );
    for (const scheduler of schedulers) scheduler.start();
    vi.advanceTimersByTime(30_000);
    for (const scheduler of schedulers) scheduler.stop();
    for (const screen of ticks) expect(screen).toEqual(ticks[0]);
    expect(ticks[0]).toHaveLength(30);
  });

  it('moves the next tick when a better offset comes, without showing a second twice', () => {
    let offset = 0;
    const shown: number[] = [];
    const scheduler = new TickScheduler(
      () => offset,
      ({ serverTime }) => shown.push(serverTime),
      screenTimers(0),
    );
    scheduler.start();
    vi.advanceTimersByTime(877); // first tick at the local second
    expect(shown).toEqual([REAL_START - 123 + 1_000]);
    // A better measurement: the server is 300 ms behind. The second already shown is held.
    offset = -300;
    scheduler.reschedule();
    vi.advanceTimersByTime(1_299);
    expect(shown).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([REAL_START - 123 + 1_000, REAL_START - 123 + 2_000]);
    expect((Date.now() + offset) % 1_000).toBe(0);
    // The server is found 450 ms ahead: the next tick comes sooner, on its boundary.
    offset = 450;
    scheduler.reschedule();
    vi.advanceTimersByTime(250);
    expect(shown.at(-1)! % 1_000).toBe(0);
    expect((Date.now() + offset) % 1_000).toBe(0);
    expect(shown.at(-1)).toBe(Date.now() + offset);
    scheduler.stop();
  });

  it('after a late timer (a busy machine) shows the second it is in and keeps to the boundaries', () => {
    const shown: Array<{ serverTime: number; real: number }> = [];
    const scheduler = new TickScheduler(
      () => 0,
      ({ serverTime }) => shown.push({ serverTime, real: Date.now() }),
      screenTimers(0),
    );
    scheduler.start();
    vi.advanceTimersByTime(877);
    const first = shown[0]!.serverTime;
    // The page is blocked for 2.6 s: the clock moves on, the next timer runs 2.6 s late.
    vi.setSystemTime(Date.now() + 2_600);
    vi.advanceTimersByTime(1_000);
    expect(shown.at(-1)).toEqual({ serverTime: first + 3_000, real: first + 3_600 });
    // The next tick is back on the boundary.
    vi.advanceTimersByTime(400);
    expect(shown.at(-1)).toEqual({ serverTime: first + 4_000, real: first + 4_000 });
    scheduler.stop();
  });

  it('follows a clock set far back instead of waiting for the old second', () => {
    let offset = 0;
    const shown: number[] = [];
    const scheduler = new TickScheduler(
      () => offset,
      ({ serverTime }) => shown.push(serverTime),
      screenTimers(0),
    );
    scheduler.start();
    vi.advanceTimersByTime(877);
    offset = -3_600_000; // an hour
    scheduler.reschedule();
    vi.advanceTimersByTime(1_000);
    expect(shown.at(-1)).toBe(Date.now() + offset);
    scheduler.stop();
  });
});
