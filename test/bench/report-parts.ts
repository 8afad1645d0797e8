/**
 * The table of the server's own figures (server-parts.ts): figure, goal (issue 18), EqualFloor,
 * the bare socket.io server doing the same work, and their ratio — as Markdown, to paste into
 * docs/benchmarks.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { CaptionForwardingPart, SizePart } from './server-parts.ts';
import type { ManyMeetingsResult } from './scenarios.ts';
import type { PageWeightResult } from './page-weight.ts';

export interface PartsResults {
  pinning: string;
  options: { quick: boolean; drivers: string[]; sizes: number[] };
  parts: SizePart[];
  captionForwarding: CaptionForwardingPart[];
  manyMeetings: ManyMeetingsResult[];
  pageWeight: PageWeightResult | null;
}

/** Where `npm run bench:clock` leaves its latest figure. */
const CLOCK_FILE = 'bench-results/clock-spread.json';
/** The figure in docs/benchmarks.md when no clock run is at hand. */
const CLOCK_IN_DOCS = 'p95 35.4 ms (docs/benchmarks.md, 2026-12-03; run `npm run bench:clock`)';
/** At most this much above the bare server. */
const RATIO_GOAL = 1.3;

interface Row {
  figure: string;
  goal: string;
  app: string;
  bare: string;
  ratio: string;
}

const DRIVER_LABEL: Record<string, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };
const mark = (ok: boolean) => (ok ? ' ✅' : ' ❌');
const kb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1024).toFixed(1)} KB`);
const fixed = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? '—' : value.toFixed(digits));

function ratioText(app: number | null | undefined, bare: number | null | undefined, goal?: number): string {
  if (app === null || app === undefined || !bare) return '—';
  const ratio = app / bare;
  return `${ratio.toFixed(2)}×${goal === undefined ? '' : mark(ratio <= goal)}`;
}

function clockFigure(): string {
  if (!existsSync(CLOCK_FILE)) return CLOCK_IN_DOCS;
  try {
    const clock = JSON.parse(readFileSync(CLOCK_FILE, 'utf8')) as { date: string; spread: { p95: number | null }; ticks: number };
    return `p95 ${fixed(clock.spread.p95)} ms over ${clock.ticks} ticks (\`npm run bench:clock\`, ${clock.date.slice(0, 10)})${mark((clock.spread.p95 ?? Infinity) <= 50)}`;
  } catch {
    return CLOCK_IN_DOCS;
  }
}

export function partsRows(results: PartsResults): Row[] {
  const rows: Row[] = [];
  const drivers = results.options.drivers;
  const several = drivers.length > 1;
  for (const driver of drivers) {
    const on = several ? ` (${DRIVER_LABEL[driver] ?? driver})` : '';
    for (const n of results.options.sizes) {
      const app = results.parts.find((part) => part.system === 'equalfloor' && part.driver === driver && part.participants === n);
      const bare = results.parts.find((part) => part.system === 'baseline' && part.participants === n);
      if (!app && !bare) continue;
      const big = n === 5_000;
      rows.push({
        figure: `Answer to \`meeting:enter\` per join, meeting of ${n}${on}`,
        goal: big ? '< 20 KB' : '—',
        app: app ? `${kb(app.storm.enterBytes.mean)}${big ? mark((app.storm.enterBytes.max ?? Infinity) < 20 * 1024) : ''}` : '—',
        bare: bare ? kb(bare.storm.enterBytes.mean) : '—',
        ratio: ratioText(app?.storm.enterBytes.mean, bare?.storm.enterBytes.mean),
      });
      const held = (part: SizePart | undefined) =>
        part
          ? `${(part.storm.allHeldMs / 1000).toFixed(2)} s (join p99 ${fixed(part.storm.join.p99, 0)} ms; ${part.storm.failed} failed)`
          : '—';
      rows.push({
        figure: `Join storm: ${n} clients join within 5 s — every one holds the state after${on}`,
        goal: big ? `≤ 8 s, ≤ ${RATIO_GOAL}× bare` : `≤ ${RATIO_GOAL}× bare`,
        app: `${held(app)}${app && big ? mark(app.storm.allHeldMs <= 8_000 && app.storm.failed === 0) : ''}`,
        bare: held(bare),
        ratio: ratioText(app?.storm.allHeldMs, bare?.storm.allHeldMs, RATIO_GOAL),
      });
      rows.push({
        figure: `Server CPU per join in the storm of ${n}${on}`,
        goal: '—',
        app: app ? `${app.storm.cpuMicrosPerJoin} µs` : '—',
        bare: bare ? `${bare.storm.cpuMicrosPerJoin} µs` : '—',
        ratio: ratioText(app?.storm.cpuMicrosPerJoin, bare?.storm.cpuMicrosPerJoin),
      });
      rows.push({
        figure: `Event-loop delay p99 during the join storm of ${n}${on}`,
        goal: '—',
        app: app ? `${fixed(app.storm.loopDelayMs?.p99)} ms` : '—',
        bare: bare ? `${fixed(bare.storm.loopDelayMs?.p99)} ms` : '—',
        ratio: ratioText(app?.storm.loopDelayMs?.p99, bare?.storm.loopDelayMs?.p99),
      });
      const perHand = (part: SizePart | undefined) =>
        part ? `${fixed(part.burst.cpuMicrosPerHandPerRecipient, 3)} µs (${part.burst.broadcasts} broadcasts)` : '—';
      rows.push({
        figure: `Server CPU per hand per recipient, 100 hands within 1 s, ${n}${on}`,
        goal: `≤ ${RATIO_GOAL}× bare`,
        app: perHand(app),
        bare: perHand(bare),
        ratio: ratioText(app?.burst.cpuMicrosPerHandPerRecipient, bare?.burst.cpuMicrosPerHandPerRecipient, RATIO_GOAL),
      });
      rows.push({
        figure: `Server CPU per broadcast per recipient, same burst, ${n}${on}`,
        goal: '—',
        app: app ? `${fixed(app.burst.cpuMicrosPerBroadcastPerRecipient, 2)} µs` : '—',
        bare: bare ? `${fixed(bare.burst.cpuMicrosPerBroadcastPerRecipient, 2)} µs` : '—',
        ratio: ratioText(app?.burst.cpuMicrosPerBroadcastPerRecipient, bare?.burst.cpuMicrosPerBroadcastPerRecipient),
      });
      const loop = app?.burst.loopDelayMs?.p99;
      rows.push({
        figure: `Event-loop delay p99 during the burst, ${n}${on}`,
        goal: big ? '< 50 ms' : '—',
        app: app ? `${fixed(loop)} ms${big && loop !== undefined ? mark(loop < 50) : ''}` : '—',
        bare: bare ? `${fixed(bare.burst.loopDelayMs?.p99)} ms` : '—',
        ratio: ratioText(loop, bare?.burst.loopDelayMs?.p99),
      });
      const last = (part: SizePart | undefined) =>
        part
          ? `${fixed(part.burst.latency.lastClient.p99, 0)} ms (${part.burst.refused} refused, ${part.burst.latency.missing} missing)`
          : '—';
      rows.push({
        figure: `Burst, each hand → the last client holds it, p99, ${n}${on}`,
        goal: '—',
        app: last(app),
        bare: last(bare),
        ratio: ratioText(app?.burst.latency.lastClient.p99, bare?.burst.latency.lastClient.p99),
      });
    }
    const many = results.manyMeetings.find((result) => result.driver === driver);
    if (many) {
      const p99 = many.fanout.lastClient.p99;
      const full = many.meetings === 200 && many.perMeeting === 25;
      rows.push({
        figure: `${many.meetings} meetings of ${many.perMeeting} at once: command → last client, p99${on}`,
        goal: '≤ 10 ms (200 meetings of 25)',
        app: `${fixed(p99, 0)} ms${full && p99 !== null ? mark(p99 <= 10) : ''}`,
        bare: '—',
        ratio: '—',
      });
    }
    for (const captions of results.captionForwarding.filter((part) => part.driver === driver)) {
      rows.push({
        figure: `Caption line POST → stand-in destination's receipt, ${captions.viewers} viewers connected: p50 / p99${on}`,
        goal: '—',
        app: `${fixed(captions.forwardMs.p50, 0)} / ${fixed(captions.forwardMs.p99, 0)} ms (${captions.missing} of ${captions.lines} not received)`,
        bare: '—',
        ratio: '—',
      });
    }
  }
  rows.push({
    figure: 'Burst of 100 hands over 2 server processes',
    goal: `0 refused, 0 out of order, per-hand p99 ≤ ${RATIO_GOAL}× one process`,
    app: 'not measured by `npm run bench` (one server process)',
    bare: '—',
    ratio: '—',
  });
  rows.push({ figure: 'Tick spread between screens', goal: 'p95 ≤ 50 ms', app: clockFigure(), bare: '—', ratio: '—' });
  const page = results.pageWeight;
  if (page) {
    rows.push({
      figure: 'Participant page JavaScript after gzip',
      goal: '< 80 KB',
      app: `${kb(page.js.gzipBytes)}${mark(page.js.gzipBytes < 80 * 1024)}`,
      bare: '—',
      ratio: '—',
    });
  }
  return rows;
}

export function partsTable(results: PartsResults): string {
  const lines = ['| Figure | Goal | EqualFloor | bare socket.io | EqualFloor ÷ bare |', '|---|---|---|---|---|'];
  for (const row of partsRows(results)) lines.push(`| ${[row.figure, row.goal, row.app, row.bare, row.ratio].join(' | ')} |`);
  return lines.join('\n');
}
