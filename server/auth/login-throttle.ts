/**
 * Slows password guessing: after a number of failed sign-ins for one key (an email,
 * an address) within a window, further attempts for that key are refused until the
 * oldest failure leaves the window. Kept in memory: a restart forgives, which is
 * acceptable for a throttle.
 */
export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
}

export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly options: ThrottleOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another attempt is allowed for this key, or 0. */
  retryAfterMs(key: string): number {
    const now = this.now();
    const recent = this.#recent(key, now);
    if (recent.length < this.options.maxFailures) return 0;
    return recent[recent.length - this.options.maxFailures]! + this.options.windowMs - now;
  }

  recordFailure(key: string): void {
    const now = this.now();
    this.#failures.set(key, [...this.#recent(key, now), now]);
    if (this.#failures.size > 10_000) this.#prune(now);
  }

  recordSuccess(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    return (this.#failures.get(key) ?? []).filter((at) => now - at < this.options.windowMs);
  }

  #prune(now: number): void {
    for (const key of [...this.#failures.keys()]) {
      if (this.#recent(key, now).length === 0) this.#failures.delete(key);
    }
  }
}
