/** A sliding window: at most `limit` calls in any `windowMs`. Per connection, in memory. */
export class SlidingWindow {
  readonly #times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts the call and says whether it is within the limit (a refused call is not counted). */
  allow(): boolean {
    const now = this.now();
    while (this.#times.length > 0 && now - this.#times[0]! >= this.windowMs) this.#times.shift();
    if (this.#times.length >= this.limit) return false;
    this.#times.push(now);
    return true;
  }
}
