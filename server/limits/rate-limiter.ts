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

  /** Milliseconds until another call would be allowed (0 when it would be now). */
  retryAfterMs(): number {
    if (this.#times.length < this.limit) return 0;
    return Math.max(0, this.#times[this.#times.length - this.limit]! + this.windowMs - this.now());
  }

  /** Whether no call of the window remains (the window can be forgotten). */
  idle(): boolean {
    const last = this.#times.at(-1);
    return last === undefined || this.now() - last >= this.windowMs;
  }
}

/** One sliding window per key (a token, a session), forgetting idle keys so memory stays bounded. */
export class KeyedWindows {
  readonly #windows = new Map<string, SlidingWindow>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a call for `key`; 0 when allowed, else milliseconds until the next would be. */
  take(key: string): number {
    let window = this.#windows.get(key);
    if (!window) {
      if (this.#windows.size >= 10_000) this.#prune();
      window = new SlidingWindow(this.limit, this.windowMs, this.now);
      this.#windows.set(key, window);
    }
    return window.allow() ? 0 : Math.max(1, window.retryAfterMs());
  }

  #prune(): void {
    for (const [key, window] of this.#windows) if (window.idle()) this.#windows.delete(key);
  }
}
