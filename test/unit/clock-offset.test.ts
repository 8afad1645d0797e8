/**
 * The offset to the server's clock (shared/clock/offset-estimator.ts): measured from round
 * trips, exact to half the round trip, the fastest round trip kept.
 */
import { describe, expect, it } from 'vitest';
import { estimateFromSample, OffsetEstimator } from '../../shared/clock/index.ts';

/** A round trip over a path that takes `up` ms out and `down` ms back, to a server `skew` ms ahead. */
function roundTrip(sentAt: number, skew: number, up: number, down: number) {
  return { sentAt, serverTime: sentAt + up + skew, receivedAt: sentAt + up + down };
}

describe('offset to the server clock', () => {
  it('is the server time minus the middle of the round trip', () => {
    const estimate = estimateFromSample(roundTrip(1_000_000, 3_400, 40, 40));
    expect(estimate).toEqual({ offsetMs: 3_400, roundTripMs: 80, measuredAt: 1_000_080 });
  });

  it('is exact to half the round trip, however uneven the path', () => {
    for (const [up, down] of [
      [0, 200],
      [200, 0],
      [10, 90],
      [150, 5],
    ] as const) {
      const estimate = estimateFromSample(roundTrip(5_000, -1_700, up, down))!;
      expect(Math.abs(estimate.offsetMs - -1_700)).toBeLessThanOrEqual(estimate.roundTripMs / 2);
    }
  });

  it('keeps the sample with the smallest round trip', () => {
    const estimator = new OffsetEstimator();
    expect(estimator.offsetMs).toBe(0);
    expect(estimator.add(roundTrip(1_000, 2_000, 250, 50))).toBe(true); // 100 ms off
    expect(estimator.add(roundTrip(2_000, 2_000, 12, 8))).toBe(true); // 2 ms off
    expect(estimator.add(roundTrip(3_000, 2_000, 100, 20))).toBe(false); // slower: ignored
    expect(estimator.best).toMatchObject({ offsetMs: 2_002, roundTripMs: 20 });
    expect(estimator.offsetMs).toBe(2_002);
  });

  it('refuses samples that cannot be: an answer before its request, numbers that are not', () => {
    const estimator = new OffsetEstimator();
    expect(estimator.add({ sentAt: 2_000, serverTime: 5_000, receivedAt: 1_999 })).toBe(false);
    expect(estimator.add({ sentAt: 2_000, serverTime: Number.NaN, receivedAt: 2_010 })).toBe(false);
    expect(estimator.add({ sentAt: 2_000, serverTime: Number.POSITIVE_INFINITY, receivedAt: 2_010 })).toBe(false);
    expect(estimator.best).toBeUndefined();
  });

  it('lets a stale best sample give way, so that a clock set while the page is open is followed', () => {
    const estimator = new OffsetEstimator({ maxAgeMs: 60_000 });
    estimator.add(roundTrip(0, 500, 5, 5));
    // Thirty seconds later the computer's clock was set back by 10 s; the round trip is slower.
    expect(estimator.add(roundTrip(30_000, 10_500, 50, 50))).toBe(false);
    expect(estimator.offsetMs).toBe(500);
    expect(estimator.add(roundTrip(70_000, 10_500, 50, 50))).toBe(true);
    expect(estimator.offsetMs).toBe(10_500);
  });

  it('starts over after a reset (a reconnection)', () => {
    const estimator = new OffsetEstimator();
    estimator.add(roundTrip(0, 500, 1, 1));
    estimator.reset();
    expect(estimator.best).toBeUndefined();
    estimator.add(roundTrip(100, -300, 60, 60));
    expect(estimator.offsetMs).toBe(-300);
  });
});
