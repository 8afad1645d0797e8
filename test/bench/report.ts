/** The benchmark report: one table (measure, target, figures per database, the baseline), as Markdown, and the JSON. */
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { ManyMeetingsResult, OneMeetingResult, StormResult } from './scenarios.ts';
import type { PageWeightResult } from './page-weight.ts';
import type { Summary } from './stats.ts';
import type { CaptionForwardingPart, SizePart } from './server-parts.ts';

export interface BenchResults {
  date: string;
  machine: { nproc: number; cpuModel: string; memory: string; node: string; platform: string };
  /** The code measured: the commit, and whether server/, shared/ or client/ had uncommitted changes. */
  code: { commit: string; uncommitted: string[] };
  /** The same at the end of the run (the code may change while a long run goes on). */
  codeAtEnd?: { commit: string; uncommitted: string[] };
  options: { quick: boolean; drivers: string[]; sizes: number[]; meetings: number };
  /** Where the processes ran: "server on CPU 0, clients on CPU 1", or why unpinned. */
  pinning?: string;
  durationMs: number;
  /** The server's own figures, EqualFloor and bare socket.io (server-parts.ts). */
  parts?: SizePart[];
  captionForwarding?: CaptionForwardingPart[];
  oneMeeting: OneMeetingResult[];
  baseline: OneMeetingResult[];
  storm: StormResult[];
  manyMeetings: ManyMeetingsResult[];
  pageWeight: PageWeightResult | null;
  errors: string[];
}

export function describeCode(): BenchResults['code'] {
  try {
    const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const uncommitted = execSync('git status --porcelain -- server shared client', { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    return { commit, uncommitted };
  } catch {
    return { commit: 'unknown', uncommitted: [] };
  }
}

export function describeMachine(): BenchResults['machine'] {
  let memory = `${Math.round(totalmem() / 1024 ** 3)} GiB`;
  let nproc = cpus().length;
  try {
    memory = execSync('free -h', { encoding: 'utf8' }).split('\n')[1]!.trim().split(/\s+/)[1]! + ' RAM';
    nproc = Number(execSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    // Not Linux: the os module's figures stand.
  }
  return { nproc, cpuModel: cpus()[0]?.model ?? 'unknown', memory, node: process.version, platform: `${process.platform} ${process.arch}` };
}

const DRIVER_LABEL: Record<string, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

type Check = (value: number) => boolean;
interface Row {
  measure: string;
  target: string;
  check?: Check;
  /** Figure per driver (or for the baseline), with the value checked against the target. */
  values: Record<string, { text: string; value?: number } | undefined>;
}

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${Math.round(value)}`);
const triple = (summary: Summary | undefined) => (summary ? `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.p99)}` : '—');
/** Flags a figure taken while other processes used the machine. */
const busy = (load: { during?: { otherCores: number } | undefined } | undefined) =>
  load?.during && load.during.otherCores > 0.25 ? ` ⚠ other processes used ${load.during.otherCores} cores` : '';
const pair = (summary: Summary | undefined) => (summary ? `${ms(summary.p50)} / ${ms(summary.p99)}` : '—');

export function buildRows(results: BenchResults): { rows: Row[]; columns: string[] } {
  const drivers = results.options.drivers;
  const columns = [...drivers, 'baseline'];
  const rows: Row[] = [];
  const one = (driver: string, n: number) => results.oneMeeting.find((result) => result.driver === driver && result.participants === n);
  const base = (n: number) => results.baseline.find((result) => result.participants === n);
  const sizes = results.options.sizes;
  const big = sizes[sizes.length - 1]!;
  const mid = sizes.length > 1 ? sizes[sizes.length - 2]! : big;
  const fanoutTarget = (n: number): { target: string; check?: Check } =>
    results.options.quick
      ? { target: '—' }
      : n === 2000
        ? { target: '< 100 ms', check: (v) => v < 100 }
        : n === 5000
          ? { target: '< 250 ms', check: (v) => v < 250 }
          : { target: '—' };

  for (const n of sizes) {
    const values: Row['values'] = {};
    for (const driver of drivers) {
      const result = one(driver, n);
      values[driver] = result && {
        text: triple(result.fanout.all.lastClient) + busy(result.load),
        value: result.fanout.all.lastClient.p99 ?? undefined,
      };
    }
    const baseline = base(n);
    values.baseline = baseline && { text: triple(baseline.fanout.all.lastClient) + busy(baseline.load) };
    rows.push({ measure: `Fan-out, one meeting of ${n}: p50 / p95 / p99 ms (command → last client holds it)`, ...fanoutTarget(n), values });
  }
  for (const n of sizes) {
    const values: Row['values'] = {};
    for (const driver of drivers) {
      const result = one(driver, n);
      values[driver] = result && { text: `${ms(result.fanout.hands.lastClient.p99)} / ${ms(result.fanout.floor.lastClient.p99)}` };
    }
    const baseline = base(n);
    values.baseline = baseline && { text: `${ms(baseline.fanout.hands.lastClient.p99)} / ${ms(baseline.fanout.floor.lastClient.p99)}` };
    rows.push({ measure: `… of which 100 hands within 1 s / 20 floor changes, ${n}: p99 ms`, target: '—', values });
  }
  for (const n of sizes) {
    const values: Row['values'] = {};
    const baseline = base(n)?.fanout.all.lastClient.p99;
    for (const driver of drivers) {
      const p99 = one(driver, n)?.fanout.all.lastClient.p99;
      values[driver] = p99 != null && baseline ? { text: `${(p99 / baseline).toFixed(2)}×`, value: p99 / baseline } : undefined;
    }
    rows.push({ measure: `Fan-out p99 ÷ bare socket.io p99, ${n}`, target: '≤ 1.5×', check: (v) => v <= 1.5, values });
  }
  for (const n of sizes) {
    const values: Row['values'] = {};
    for (const driver of drivers) {
      const result = one(driver, n);
      values[driver] = result && {
        text: pair(result.captions.segment.perClient),
        value: result.captions.segment.perClient.p99 ?? undefined,
      };
    }
    const baseline = base(n);
    values.baseline = baseline && { text: pair(baseline.captions.segment.perClient) };
    const target = !results.options.quick && n === 2000 ? { target: 'p99 < 200 ms', check: (v: number) => v < 200 } : { target: '—' };
    rows.push({ measure: `Caption line, ${n}: p50 / p99 ms (POST → each client)`, ...target, values });
  }
  for (const n of [...new Set([mid, big])]) {
    const values: Row['values'] = {};
    for (const driver of drivers) {
      const result = one(driver, n);
      const shown = result && result.captions.draft.lastClient.count;
      values[driver] = result && {
        text: `${pair(result.captions.draft.perClient)} (${shown} of ${shown! + result.captions.draft.notShown} chunks shown as typed)`,
      };
    }
    const baseline = base(n);
    values.baseline = baseline && { text: pair(baseline.captions.draft.perClient) };
    rows.push({ measure: `Words while typed (draft), ${n}: p50 / p99 ms`, target: '—', values });
  }
  for (const n of sizes) {
    const values: Row['values'] = {};
    for (const driver of drivers) {
      const result = one(driver, n);
      values[driver] = result?.join.single && {
        text: `${ms(result.join.single.p50)} / ${ms(result.join.single.max)}`,
        value: result.join.single.p50 ?? undefined,
      };
    }
    rows.push({
      measure: `Join-to-ready, one person into the live meeting of ${n}: p50 / max ms`,
      target: '< 300 ms',
      check: (v) => v < 300,
      values,
    });
  }
  for (const n of sizes) {
    const values: Row['values'] = {};
    for (const driver of drivers) {
      const result = one(driver, n);
      values[driver] = result && { text: `${triple(result.join.bulk)} (all in ${(result.join.bulk.totalMs / 1000).toFixed(1)} s)` };
    }
    const baseline = base(n);
    values.baseline = baseline && { text: `${triple(baseline.join.bulk)} (all in ${(baseline.join.bulk.totalMs / 1000).toFixed(1)} s)` };
    rows.push({ measure: `Join-to-ready, all ${n} at once: p50 / p95 / p99 ms`, target: '—', values });
  }
  for (const n of sizes) {
    const values: Row['values'] = {};
    for (const driver of drivers) {
      const result = one(driver, n);
      const kb = result?.server.memoryPerClientKB;
      // Memory given back to the system between the readings says nothing of the clients' cost: no verdict, the heap row tells.
      values[driver] = result && (kb! < 0 ? { text: `${kb} KB (RSS shrank; see the heap)` } : { text: `${kb} KB`, value: kb });
    }
    const baseline = base(n);
    values.baseline = baseline && { text: `${baseline.server.memoryPerClientKB} KB` };
    rows.push({
      measure: `Server memory per connected client, ${n} (RSS growth ÷ clients)`,
      target: '< 40 KB',
      check: (v) => v < 40,
      values,
    });
    const heap: Row['values'] = {};
    for (const driver of drivers) {
      const result = one(driver, n);
      heap[driver] = result && { text: `${result.server.heapPerClientKB} KB` };
    }
    heap.baseline = baseline && { text: `${baseline.server.heapPerClientKB} KB` };
    rows.push({ measure: `… of which JavaScript heap per client, ${n}`, target: '—', values: heap });
  }
  for (const n of sizes) {
    const values: Row['values'] = {};
    for (const driver of drivers) {
      const result = one(driver, n);
      values[driver] = result && { text: `${result.server.cpuCores}` };
    }
    const baseline = base(n);
    values.baseline = baseline && { text: `${baseline.server.cpuCores}` };
    rows.push({ measure: `Server CPU during the meeting of ${n} (cores)`, target: '—', values });
  }
  for (const n of sizes) {
    const values: Row['values'] = {};
    const text = (load: OneMeetingResult['load'] | undefined) =>
      load?.during ? `${load.during.otherCores} (before: ${load.busyBeforeCores})` : undefined;
    for (const driver of drivers) {
      const shown = text(one(driver, n)?.load);
      values[driver] = shown ? { text: shown } : undefined;
    }
    const shown = text(base(n)?.load);
    values.baseline = shown ? { text: shown } : undefined;
    rows.push({ measure: `Other processes on the machine during the meeting of ${n} (cores)`, target: '0', values });
  }
  {
    const values: Row['values'] = {};
    for (const driver of drivers) {
      const appends = results.oneMeeting.filter((result) => result.driver === driver).map((result) => result.server.appendMs);
      const worst = appends.filter((append) => append && append.count > 0);
      values[driver] = worst.length
        ? { text: worst.map((append) => `${append!.p50?.toFixed(1)} / ${append!.p99?.toFixed(1)}`).join(', ') }
        : undefined;
    }
    rows.push({ measure: `Event append, p50 / p99 ms (meetings of ${sizes.join(', ')})`, target: '—', values });
  }
  for (const many of results.manyMeetings.length ? [results.manyMeetings[0]!] : []) {
    const values: Row['values'] = {};
    for (const driver of drivers) {
      const result = results.manyMeetings.find((candidate) => candidate.driver === driver);
      values[driver] = result && {
        text: triple(result.fanout.lastClient) + busy(result.load),
        value: result.fanout.lastClient.p99 ?? undefined,
      };
    }
    rows.push({
      measure: `Fan-out, ${many.meetings} meetings of ${many.perMeeting} at once: p50 / p95 / p99 ms`,
      target: results.options.quick ? '—' : 'p99 < 50 ms',
      ...(!results.options.quick && { check: (v: number) => v < 50 }),
      values,
    });
    const memory: Row['values'] = {};
    const join: Row['values'] = {};
    for (const driver of drivers) {
      const result = results.manyMeetings.find((candidate) => candidate.driver === driver);
      memory[driver] = result && {
        text: `${result.server.memoryPerClientKB} KB (CPU ${result.server.cpuCores})`,
        value: result.server.memoryPerClientKB,
      };
      join[driver] = result && { text: `${triple(result.join.bulk)} (all in ${(result.join.bulk.totalMs / 1000).toFixed(1)} s)` };
    }
    rows.push({ measure: `Server memory per client, ${many.meetings} meetings`, target: '< 40 KB', check: (v) => v < 40, values: memory });
    rows.push({ measure: `Join-to-ready, ${many.meetings * many.perMeeting} at once: p50 / p95 / p99 ms`, target: '—', values: join });
  }
  for (const storm of results.storm.length ? [results.storm[0]!] : []) {
    const values: Row['values'] = {};
    for (const driver of drivers) {
      const result = results.storm.find((candidate) => candidate.driver === driver);
      values[driver] = result && {
        text: `${triple(result.catchUp)} (max ${ms(result.catchUp.max)}; ${result.failed} failed)${busy(result.load)}`,
      };
    }
    rows.push({
      measure: `Reconnect storm: ${storm.dropped} dropped, back within ${storm.spreadMs / 1000} s, ${storm.eventsMissed} events missed — catch-up p50 / p95 / p99 ms`,
      target: '—',
      values,
    });
  }
  const page = results.pageWeight;
  if (page) {
    const all = (text: string, value?: number) =>
      Object.fromEntries(drivers.slice(0, 1).map((driver) => [driver, { text, ...(value !== undefined && { value }) }]));
    rows.push({
      measure: 'Participant page JavaScript after gzip (entry + static imports)',
      target: '< 80 KB',
      check: (v) => v < 80,
      values: all(`${(page.js.gzipBytes / 1024).toFixed(1)} KB (${(page.js.bytes / 1024).toFixed(1)} KB raw)`, page.js.gzipBytes / 1024),
    });
    rows.push({
      measure: 'Participant page CSS after gzip',
      target: '—',
      values: all(`${(page.css.gzipBytes / 1024).toFixed(1)} KB (${(page.css.bytes / 1024).toFixed(1)} KB raw)`),
    });
    if (page.throttled) {
      rows.push({
        measure: `Join link → 'Raise hand' enabled at ${page.throttled.kbitPerSecond} kbit/s, ${page.throttled.latencyMs} ms RTT (runs)`,
        target: '< 5 s',
        check: (v) => v < 5_000,
        values: all(
          `${(page.throttled.summary.p50! / 1000).toFixed(2)} s (${page.throttled.runsMs.map((run) => (run / 1000).toFixed(2)).join(', ')}); ` +
            `${(page.throttled.transferredBytes / 1024).toFixed(0)} KB transferred${page.throttled.compressed ? '' : ', sent uncompressed'}`,
          page.throttled.summary.p50 ?? undefined,
        ),
      });
    } else {
      rows.push({
        measure: "Join link → 'Raise hand' enabled, throttled",
        target: '< 5 s',
        values: all(`not measured: ${page.error ?? ''}`),
      });
    }
  }
  return { rows, columns };
}

export function markdownTable(results: BenchResults): string {
  const { rows, columns } = buildRows(results);
  const header = ['Measure', 'Target', ...columns.map((column) => DRIVER_LABEL[column] ?? 'bare socket.io')];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const cells = columns.map((column) => {
      const cell = row.values[column];
      if (!cell) return '—';
      if (!row.check || cell.value === undefined || column === 'baseline') return cell.text;
      return `${cell.text} ${row.check(cell.value) ? '✅' : '❌ missed'}`;
    });
    lines.push(`| ${[row.measure, row.target, ...cells].join(' | ')} |`);
  }
  return lines.join('\n');
}

export function machineLine(results: BenchResults): string {
  const { machine } = results;
  const describe = (code: BenchResults['code']) =>
    `${code.commit}${code.uncommitted.length ? ` + ${code.uncommitted.length} uncommitted file(s)` : ''}`;
  const end =
    results.codeAtEnd && describe(results.codeAtEnd) !== describe(results.code) ? ` (${describe(results.codeAtEnd)} at the end)` : '';
  const code = `code ${describe(results.code)}${end}`;
  return `${machine.nproc} cores (${machine.cpuModel}), ${machine.memory}, Node.js ${machine.node}, ${machine.platform}; ${code}; ${results.date}`;
}
