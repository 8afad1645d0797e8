/**
 * `npm run bench:clock`: how far apart the screens of one meeting change their displayed
 * second. Five Chromium pages — the chair console, three participants and the room display,
 * each with its `Date.now()` set wrong by up to ±3.7 s — watch one running speech. For each
 * server second, each page records the real moment its speech timer changed (a MutationObserver,
 * `performance.timeOrigin + performance.now()`); the spread of a second is the latest of those
 * moments minus the earliest. Prints p50 / p95 / max of the spread over every second all five
 * pages showed, how late after the server's second the changes came, and whether the pages ever
 * showed different figures for the same second. Target: p95 spread ≤ 50 ms on one machine.
 *
 *   npm run bench:clock                    # 320 seconds (≥ 300 ticks)
 *   npm run bench:clock -- --seconds 60    # a shorter run
 *
 * Builds the client first (the npm script does), then starts the real server on PGlite.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { connectLive, waitUntil } from '../support/live-client.ts';
import { HttpClient } from '../support/http-client.ts';
import { clockProbeScript, SPEECH_CLOCK, type ClockProbe } from '../support/clock-probe.ts';
import { startEqualFloor } from './servers.ts';
import { createBenchMeeting, openJoinLink, signInSecretariat } from './setup.ts';
import { log } from './scenarios.ts';
import { sleep, summarize } from './stats.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Each page's clock error: a laptop 2.3 s fast, a phone 3.7 s slow, … */
const SKEWS_MS = [0, 2_300, -3_700, 600, -1_200];

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
}

const seconds = Number(option('seconds') ?? 320);
if (!Number.isInteger(seconds) || seconds < 10 || seconds > 3_600) {
  console.error('--seconds must be a whole number from 10 to 3600');
  process.exit(2);
}

const server = await startEqualFloor({ driver: 'pglite', clientDir: 'dist/client' });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const secretariat = await signInSecretariat(server.url);
  const meeting = await createBenchMeeting(secretariat, 'Clock spread meeting', 4);
  const chairBrowser = new HttpClient(server.url);
  chairBrowser.cookie = await openJoinLink(server.url, meeting.chair.joinUrl);
  const chair = connectLive(server.url, chairBrowser, meeting.meetingId);
  await waitUntil(() => chair.replica.status.state === 'live', 'the chair is live', 30_000);

  const setup = await secretariat.get(`/api/meetings/${meeting.meetingId}`);
  const urls = [meeting.chair.joinUrl, ...meeting.members.slice(0, 3).map((person) => person.joinUrl), setup.body.displayUrl as string];
  const labels = ['chair console', 'participant 1', 'participant 2', 'participant 3', 'room display'];
  const pages: Page[] = [];
  for (const [index, url] of urls.entries()) {
    const context = await browser.newContext({ viewport: index === 4 ? { width: 1920, height: 1080 } : { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript({ content: clockProbeScript({ skewMs: SKEWS_MS[index]!, selector: SPEECH_CLOCK }) });
    await page.goto(url);
    pages.push(page);
  }

  await chair.command({ type: 'meeting.open' });
  await chair.command({ type: 'agenda.startItem', itemId: meeting.agendaIds[0]! });
  const speaker = meeting.members[0]!;
  await chair.command({ type: 'floor.giveTo', participantId: speaker.id, seconds: 4 * 3600 });
  for (const page of pages) await page.locator(SPEECH_CLOCK).first().waitFor({ timeout: 30_000 });
  // Let every page measure its offset before the watch starts.
  await sleep(3_000);
  const started = Date.now();
  log(`clock spread: watching ${pages.length} pages for ${seconds} s`);
  await sleep(seconds * 1_000);
  const probes = await Promise.all(
    pages.map((page) => page.evaluate(() => (window as unknown as { __clockProbe: ClockProbe }).__clockProbe)),
  );
  chair.close();

  const changes = probes.map(
    (probe) =>
      new Map(probe.changes.filter((change) => change.tick !== null && change.tick >= started).map((change) => [change.tick!, change])),
  );
  const common = [...changes[0]!.keys()].filter((tick) => changes.every((byTick) => byTick.has(tick)));
  const spreads: number[] = [];
  const lateness: number[] = [];
  let disagreements = 0;
  for (const tick of common) {
    const moments = changes.map((byTick) => byTick.get(tick)!.real);
    spreads.push(Math.max(...moments) - Math.min(...moments));
    // The server runs on this machine's clock: real time minus the server second it shows.
    lateness.push(...moments.map((moment) => moment - tick));
    const texts = new Set(changes.map((byTick) => byTick.get(tick)!.text));
    if (texts.size > 1) disagreements += 1;
  }
  const offsets = probes.map((probe, index) => {
    const last = probe.ticks.at(-1);
    return `${labels[index]}: skew ${SKEWS_MS[index]} ms, offset ${last?.offsetMs.toFixed(1)} ms, round trip ${last?.roundTripMs} ms`;
  });
  const spread = summarize(spreads);
  const late = summarize(lateness);
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`;
  console.log(
    [
      '',
      `Machine: ${machine}; ${new Date().toISOString()}`,
      `Ticks seen by all ${pages.length} pages: ${common.length} (of ${seconds} s watched)`,
      `Spread between screens (ms): p50 ${spread.p50} / p95 ${spread.p95} / max ${spread.max}   (target p95 ≤ 50)`,
      `Change after the server's second (ms, every page): p50 ${late.p50} / p95 ${late.p95} / max ${late.max}`,
      `Seconds on which the pages showed different figures: ${disagreements} of ${common.length}`,
      ...offsets,
      '',
    ].join('\n'),
  );
  // Kept for `npm run bench`'s report, which cites the latest figure.
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/clock-spread.json',
    JSON.stringify({ date: new Date().toISOString(), machine, seconds, ticks: common.length, spread, late, disagreements }, null, 2) + '\n',
  );
} finally {
  await browser.close();
  await server.stop();
}
