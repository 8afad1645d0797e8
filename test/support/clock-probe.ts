/**
 * What a browser test or benchmark records in a meeting page about its clock, injected before
 * the page's own scripts (`addInitScript(clockProbe, options)`):
 *
 * - each tick of the page's server clock (the `clock-tick` performance marks of
 *   client/live/server-clock.svelte.ts), with the real moment it ran;
 * - each change of the displayed speech timer (a MutationObserver), with the real moment the
 *   DOM changed (`performance.timeOrigin + performance.now()`, which a skewed `Date` does not
 *   touch) and the tick it followed.
 *
 * `skewMs` sets this page's `Date.now()` that far off the machine's clock, as a computer whose
 * clock is wrong: the page must still tick on the server's second.
 */

export interface ProbedTick {
  serverTime: number;
  scheduledFor: number;
  firedAt: number;
  offsetMs: number;
  roundTripMs: number | null;
  /** Real time when the tick ran (ms since epoch, fractional). */
  real: number;
}

export interface ProbedChange {
  text: string;
  /** The server second of the last tick before the change (null: before the first tick). */
  tick: number | null;
  /** Real time when the DOM changed (ms since epoch, fractional). */
  real: number;
}

export interface ClockProbe {
  ticks: ProbedTick[];
  changes: ProbedChange[];
}

export interface ClockProbeOptions {
  skewMs: number;
  /** The element whose text is the displayed time. */
  selector: string;
}

/** Runs in the page (serialised by Playwright): no imports, no closures over module scope. */
export function clockProbe({ skewMs, selector }: ClockProbeOptions): void {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + skewMs;
  const probe: ClockProbe = { ticks: [], changes: [] };
  (window as unknown as { __clockProbe: ClockProbe }).__clockProbe = probe;
  const realTime = () => performance.timeOrigin + performance.now();
  const lastTick = (): { serverTime: number } | undefined => {
    const marks = performance.getEntriesByName('clock-tick');
    return (marks[marks.length - 1] as PerformanceMark | undefined)?.detail as { serverTime: number } | undefined;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== 'clock-tick') continue;
      probe.ticks.push({ ...(entry as PerformanceMark).detail, real: performance.timeOrigin + entry.startTime });
    }
  }).observe({ type: 'mark' });
  let shown: string | undefined;
  const look = () => {
    const text = document.querySelector(selector)?.textContent?.trim();
    if (text === undefined || text === shown) return;
    shown = text;
    probe.changes.push({ text, tick: lastTick()?.serverTime ?? null, real: realTime() });
  };
  const start = () => new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}

export const SPEECH_CLOCK = '[data-testid="speech-timer"] .clock';

/**
 * The probe as a script for `addInitScript({ content })`. Under tsx the function's source
 * carries esbuild's `__name` helper calls, which the page does not have: it gets a stand-in.
 */
export function clockProbeScript(options: ClockProbeOptions): string {
  return `(() => { const __name = (target) => target; (${clockProbe.toString()})(${JSON.stringify(options)}); })();`;
}
