import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * Figures the benchmarks read from a running server (when METRICS=1): how long storing
 * events takes, how late the event loop ran timers (p99 since the last reset), connections,
 * memory and CPU. Off by default; nothing is collected then.
 */
export class Metrics {
  readonly #appendMs: number[] = [];
  readonly #loopDelay: IntervalHistogram | undefined;

  constructor(readonly enabled: boolean) {
    if (enabled) {
      this.#loopDelay = monitorEventLoopDelay({ resolution: 10 });
      this.#loopDelay.enable();
    }
  }

  recordAppend(ms: number): void {
    if (!this.enabled) return;
    this.#appendMs.push(ms);
    if (this.#appendMs.length > 100_000) this.#appendMs.splice(0, 50_000);
  }

  /** The recorded figures; `reset` starts a new measurement. */
  snapshot(connections: number, reset = false) {
    const sorted = [...this.#appendMs].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : null);
    const usage = process.cpuUsage();
    const memory = process.memoryUsage();
    const loop = this.#loopDelay;
    const loopDelayMs =
      loop && loop.count > 0 ? { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 } : null;
    if (reset) {
      this.#appendMs.length = 0;
      loop?.reset();
    }
    return {
      appends: sorted.length,
      appendMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? null },
      connections,
      loopDelayMs,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      cpuUserMicros: usage.user,
      cpuSystemMicros: usage.system,
    };
  }
}
