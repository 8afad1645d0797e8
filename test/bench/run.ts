/**
 * `npm run bench`: the benchmark suite (not part of `npm test`). Loopback only.
 *
 *   npm run bench                          # the server parts, many meetings and the page, on PGlite and PostgreSQL
 *   npm run bench -- --quick               # smoke run (about 7 min): meetings of 200 and 500, 20 meetings, 200 caption viewers
 *   npm run bench -- --driver pglite       # pglite | postgres | both (default)
 *   npm run bench -- --only parts,captions # some of: parts (join storm and burst, EqualFloor and bare socket.io),
 *                                          #   captions (caption forwarding), b (many meetings), page, and the older
 *                                          #   a (one meeting), c (reconnect storm), d (its baseline)
 *   npm run bench -- --sizes 2000          # other meeting sizes for parts, (a) and (d); the storm runs on the first
 *   npm run bench -- --caption-viewers 1000   # viewers connected while captions are forwarded
 *   npm run bench -- --out rerun           # write bench-results/rerun.json and .md instead of latest.*
 *   npm run bench -- --report bench-results/latest.json   # print the table of an earlier run
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a
 * scratch database is created and dropped. BENCH_SERVER_NODE_ARGS adds Node options to the
 * server process (e.g. "--cpu-prof --cpu-prof-dir=bench-results/profiles").
 * With `taskset` the server runs on CPU 0 and this process and the client workers on CPU 1
 * (pinning.ts; BENCH_UNPINNED=1 to turn it off); the report says which.
 * Writes bench-results/latest.json and bench-results/latest.md (or --out's name), and prints the tables.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBaseline, startEqualFloor, type BaselineServer, type EqualFloorServer } from './servers.ts';
import { runCaptionForwarding, runSizeApp, runSizeBare, type PartPayloads } from './server-parts.ts';
import { partsTable } from './report-parts.ts';
import { pinning, toClientCore } from './pinning.ts';
import { log, runBaseline, runManyMeetings, runOneMeeting, type CapturedPayloads } from './scenarios.ts';
import { runPageWeight } from './page-weight.ts';
import { describeCode, describeMachine, machineLine, markdownTable, type BenchResults } from './report.ts';
import { now } from './stats.ts';

/** The whole run is bounded: past this, what was measured is written and the run stops. */
const RUN_DEADLINE_MS = 40 * 60_000;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index >= 0) return process.argv[index + 1];
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
}

// `--report <file.json>`: print the table of an earlier run and stop.
const reportOf = option('report');
if (reportOf) {
  console.log(report(JSON.parse(readFileSync(reportOf, 'utf8')) as BenchResults));
  process.exit(0);
}

/** Both tables: the server's figures against bare socket.io, then the older scenarios' details if they ran. */
function report(results: BenchResults): string {
  const parts = partsTable({
    pinning: results.pinning ?? 'unpinned',
    options: results.options,
    parts: results.parts ?? [],
    captionForwarding: results.captionForwarding ?? [],
    manyMeetings: results.manyMeetings,
    pageWeight: results.pageWeight,
  });
  const details = results.oneMeeting.length || results.baseline.length || results.storm.length;
  return [
    `Machine: ${machineLine(results)}`,
    `Processes: ${results.pinning ?? 'unpinned'}`,
    '',
    parts,
    ...(details ? ['', '### One meeting, reconnect storm (older scenarios)', '', markdownTable(results)] : []),
  ].join('\n');
}

const quick = process.argv.includes('--quick');
const driverOption = option('driver') ?? 'both';
if (!['pglite', 'postgres', 'both'].includes(driverOption)) throw new Error('--driver must be pglite, postgres or both');
const drivers = (driverOption === 'both' ? ['pglite', 'postgres'] : [driverOption]) as ('pglite' | 'postgres')[];
const only = new Set((option('only') ?? 'parts,captions,b,page').split(','));
const sizes = option('sizes')?.split(',').map(Number) ?? (quick ? [200, 500] : [500, 1_000, 2_000, 5_000]);
const captionViewers = Number(option('caption-viewers') ?? (quick ? 200 : 1_000));
if (!Number.isInteger(captionViewers) || captionViewers < 1) throw new Error('--caption-viewers takes a number of viewers');
if (sizes.some((size) => !Number.isInteger(size) || size < 100))
  throw new Error('--sizes takes meeting sizes of at least 100, e.g. 1000,2000');
const stormSize = sizes[0]!;
const meetings = quick ? 20 : 200;
const manyMeetingsMs = quick ? 16_000 : 20_000;
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

const results: BenchResults = {
  date: new Date().toISOString(),
  machine: describeMachine(),
  code: describeCode(),
  options: { quick, drivers, sizes, meetings },
  pinning: pinning.describe,
  durationMs: 0,
  parts: [],
  captionForwarding: [],
  oneMeeting: [],
  baseline: [],
  storm: [],
  manyMeetings: [],
  pageWeight: null,
  errors: [],
};
const startedAt = now();
const outDir = join(process.cwd(), 'bench-results');
const outName = option('out') ?? 'latest';
if (!/^[\w.-]+$/.test(outName)) throw new Error('--out takes a file name without a folder');

function write(): void {
  results.durationMs = Math.round(now() - startedAt);
  results.codeAtEnd = describeCode();
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${outName}.json`), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(outDir, `${outName}.md`), `${report(results)}\n`);
}

let running: EqualFloorServer | undefined;
const deadline = setTimeout(() => {
  results.errors.push(`the run passed its ${RUN_DEADLINE_MS / 60_000}-minute bound and was stopped`);
  write();
  console.error('bench: stopped at the run deadline; partial results written');
  void running?.stop().finally(() => process.exit(1));
}, RUN_DEADLINE_MS);

async function withServer<T>(
  driver: 'pglite' | 'postgres',
  what: string,
  work: (server: EqualFloorServer) => Promise<T>,
): Promise<T | undefined> {
  const server = await startEqualFloor({ driver, nodeArgs: serverNodeArgs });
  running = server;
  try {
    return await work(server);
  } catch (error) {
    const message = `${what} on ${driver}: ${(error as Error)?.stack ?? error}`;
    results.errors.push(message);
    console.error(`bench: ${message}\n--- server output (tail) ---\n${server.output().slice(-3000)}`);
    return undefined;
  } finally {
    await server.stop();
    running = undefined;
  }
}

const captured: CapturedPayloads = {};
// This process holds the chair and the stand-ins: it is harness, on the clients' core.
toClientCore(process.pid);
log(
  `bench: ${quick ? 'quick run' : 'full run'} on ${drivers.join(' and ')}; meetings of ${sizes.join(', ')}; ${meetings} concurrent meetings`,
);
log(`bench: ${machineLine(results)}`);
log(`bench: ${pinning.describe}`);

/** The bare socket.io server for `work`, stopped after. */
async function withBaseline(what: string, work: (baseline: BaselineServer) => Promise<void>): Promise<void> {
  const baseline = await startBaseline();
  try {
    await work(baseline);
  } catch (error) {
    const message = `${what}: ${(error as Error)?.stack ?? error}`;
    results.errors.push(message);
    console.error(`bench: ${message}\n--- baseline output (tail) ---\n${baseline.output().slice(-3000)}`);
  } finally {
    await baseline.stop();
  }
}

// The server parts: at each size, EqualFloor on each database, then the bare server with the
// enter answer and hand EqualFloor sent, right after (both see the machine in the same state).
if (only.has('parts')) {
  for (const n of sizes) {
    const payloads: PartPayloads = {};
    for (const driver of drivers) {
      const part = await withServer(driver, `server parts at ${n}`, (server) => runSizeApp(server, n, payloads));
      if (part) results.parts!.push(part);
      write();
    }
    await withBaseline(`bare socket.io at ${n}`, async (baseline) => void results.parts!.push(await runSizeBare(baseline, n, payloads)));
    write();
  }
}

if (only.has('captions')) {
  for (const driver of drivers) {
    const part = await withServer(driver, `caption forwarding`, (server) => runCaptionForwarding(server, captionViewers));
    if (part) results.captionForwarding!.push(part);
    write();
  }
}

async function baselineRun(n: number): Promise<void> {
  if (!captured.floorGiven) {
    // The baseline replays payloads captured from EqualFloor: capture them from a small meeting.
    await withServer(drivers[0]!, 'payload capture', (server) =>
      runOneMeeting({ server, participants: 100, captured, storm: false, singleJoins: 1 }),
    );
  }
  const baseline = await startBaseline();
  try {
    results.baseline.push(await runBaseline(baseline, n, captured));
  } catch (error) {
    results.errors.push(`baseline of ${n}: ${(error as Error)?.stack ?? error}`);
  } finally {
    await baseline.stop();
  }
}

// Each meeting size on each database, then the bare socket.io baseline at that size right
// after (so that both see the machine in the same state).
for (const n of sizes) {
  for (const driver of drivers) {
    const storm = only.has('c') && n === stormSize;
    if (!only.has('a') && !storm) continue;
    const outcome = await withServer(driver, `one meeting of ${n}`, (server) =>
      runOneMeeting({ server, participants: n, captured, storm, singleJoins: 10 }),
    );
    if (outcome) {
      results.oneMeeting.push(outcome.result);
      if (outcome.storm) results.storm.push(outcome.storm);
    }
    write();
  }
  if (only.has('d')) {
    await baselineRun(n);
    write();
  }
}

if (only.has('b')) {
  for (const driver of drivers) {
    const outcome = await withServer(driver, `${meetings} meetings`, (server) => runManyMeetings(server, meetings, 25, manyMeetingsMs));
    if (outcome) results.manyMeetings.push(outcome);
    write();
  }
}

if (only.has('page')) {
  try {
    results.pageWeight = await runPageWeight(3);
  } catch (error) {
    results.errors.push(`page weight: ${(error as Error)?.stack ?? error}`);
  }
}

clearTimeout(deadline);
write();
console.log(`\nRun took ${(results.durationMs / 60_000).toFixed(1)} min\n`);
console.log(report(results));
if (results.errors.length) {
  console.log(`\n${results.errors.length} part(s) failed:\n- ${results.errors.map((error) => error.split('\n')[0]).join('\n- ')}`);
}
console.log(`\nWritten: bench-results/${outName}.json, bench-results/${outName}.md`);
process.exit(results.errors.length ? 1 : 0);
