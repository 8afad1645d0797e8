/**
 * How far the server's clock is from this one, measured NTP-style from round trips: a
 * request leaves at t0 (local), the server answers with its own time, the answer arrives
 * at t1 (local). The server read its clock somewhere between t0 and t1, so
 * offset = serverTime − (t0 + t1) / 2 is off by at most half the round trip. The sample
 * with the smallest round trip is the most exact one; it is kept until a better one comes
 * or it grows too old (clocks drift, and a computer's clock may be set while the page is open).
 */

export interface ClockSample {
  /** Local clock when the request left (ms). */
  sentAt: number;
  /** The server's clock in its answer (ms). */
  serverTime: number;
  /** Local clock when the answer arrived (ms). */
  receivedAt: number;
}

export interface ClockEstimate {
  /** Server clock minus local clock, in ms. */
  offsetMs: number;
  /** The round trip of the sample it comes from, in ms: the offset is exact to half of it. */
  roundTripMs: number;
  /** Local clock when that sample was taken (ms). */
  measuredAt: number;
}

export interface OffsetEstimatorOptions {
  /** A best sample older than this gives way to the next one measured, however slow (ms). */
  maxAgeMs?: number;
}

/** Samples that make no sense (answer before the request, non-finite numbers) are refused. */
export function estimateFromSample(sample: ClockSample): ClockEstimate | undefined {
  const { sentAt, serverTime, receivedAt } = sample;
  if (![sentAt, serverTime, receivedAt].every(Number.isFinite)) return undefined;
  const roundTripMs = receivedAt - sentAt;
  if (roundTripMs < 0) return undefined;
  return { offsetMs: serverTime - (sentAt + receivedAt) / 2, roundTripMs, measuredAt: receivedAt };
}

export class OffsetEstimator {
  #best: ClockEstimate | undefined;
  readonly #maxAgeMs: number;

  constructor(options: OffsetEstimatorOptions = {}) {
    this.#maxAgeMs = options.maxAgeMs ?? 15 * 60_000;
  }

  /** The estimate in use, or undefined before the first sample. */
  get best(): ClockEstimate | undefined {
    return this.#best;
  }

  /** Server clock minus local clock (0 before anything was measured). */
  get offsetMs(): number {
    return this.#best?.offsetMs ?? 0;
  }

  /**
   * Takes one round trip into account; answers whether the estimate in use changed.
   * A sample replaces the best one when its round trip is no longer, or when the best is too old.
   */
  add(sample: ClockSample): boolean {
    const estimate = estimateFromSample(sample);
    if (!estimate) return false;
    const best = this.#best;
    const stale = best !== undefined && estimate.measuredAt - best.measuredAt > this.#maxAgeMs;
    if (best === undefined || stale || estimate.roundTripMs <= best.roundTripMs) {
      this.#best = estimate;
      return best === undefined || best.offsetMs !== estimate.offsetMs || best.roundTripMs !== estimate.roundTripMs;
    }
    return false;
  }

  /** Forgets every sample (after a reconnection the path, and so the round trip, may differ). */
  reset(): void {
    this.#best = undefined;
  }
}
