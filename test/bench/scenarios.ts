/**
 * The benchmark scenarios:
 *  (a) one meeting of N participants: 100 hands raised within one second, the chair giving
 *      the floor 20 times while captions run at 5 lines a second (words streamed as typed);
 *  (b) many meetings of 25 participants running at once;
 *  (c) a reconnect storm: every client of a meeting dropped, the chair acting meanwhile,
 *      all reconnecting within 5 s and catching up;
 *  (d) the baseline: a bare socket.io server sending the same payloads, in the same
 *      pattern, to the same number of clients of the same workers.
 */
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { HttpClient } from '../support/http-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import type { MeetingEvent } from '../../shared/meeting/types.ts';
import type { CaptionDraft, CaptionSegment } from '../../shared/captions.ts';
import { cleanLine } from '../../shared/captions.ts';
import type { ClientSpec, CommandOutcome, ScheduledCommand } from './ipc.ts';
import { spread, WorkerPool } from './workers.ts';
import type { EqualFloorServer, RunningServer, ServerMetrics } from './servers.ts';
import { createBenchMeeting, openJoinLink, openJoinLinks, signInSecretariat, type BenchMeeting } from './setup.ts';
import { mapLimit, now, sleep, sleepUntil, summarize, type Summary } from './stats.ts';

import { log } from './log.ts';
import { LoadMeter, waitForQuiet, type LoadFigures } from './load.ts';

export { log };

/** Clients per worker process. */
export const CLIENTS_PER_WORKER = 1_000;
/** Handshakes in flight at once, over all workers. */
export const CONNECT_CONCURRENCY = 100;
export const HANDS = 100;
export const HANDS_WITHIN_MS = 1_000;
const FLOOR_GIVES = 20;
const FLOOR_INTERVAL_MS = 500;
const CAPTION_LINES_PER_SECOND = 5;
/** Caption lines: as long as the floor phase (20 × 500 ms at 5 lines/s = 50 lines). */
const CAPTION_LINES = (FLOOR_GIVES * FLOOR_INTERVAL_MS * CAPTION_LINES_PER_SECOND) / 1_000;
/** Chunks in which a line's words are posted while typed; the last one ends the line. */
const CHUNKS_PER_LINE = 4;
export const WAIT_MS = 30_000;
/** How long the clients may take to drain a backlog after a burst before the figures are taken anyway. */
export const DRAIN_MS = 90_000;
/** How long a scenario waits for other processes to leave the machine quiet before it starts. */
export const QUIET_WAIT_MS = Number(process.env.BENCH_QUIET_WAIT_S ?? 20) * 1_000;

export interface MachineLoad {
  /** Cores busy on the machine just before the scenario (other processes: the benchmark is idle then). */
  busyBeforeCores: number;
  /** During the measured phase. */
  during: LoadFigures | undefined;
  /** During the burst of hands alone, until every client held them (one meeting only). */
  hands?: (LoadFigures & { serverCores: number; ms: number }) | undefined;
}

export interface Latency {
  /** Per command or broadcast: sent → the last client holds it. */
  lastClient: Summary;
  /** Every (command, client) pair: sent → that client holds it. */
  perClient: Summary;
  /** Deliveries expected and not seen within the wait. */
  missing: number;
}

export interface JoinFigures {
  /** All clients connecting at once (CONNECT_CONCURRENCY handshakes in flight): socket created → meeting held. */
  bulk: Summary & { failed: number; totalMs: number };
  /** One person joining the live meeting alone: POST /api/join → socket → meeting held, sequentially. */
  single?: Summary;
}

export interface ServerFigures {
  /** Server CPU over the measured phase, in cores (1.0 = one core busy). */
  cpuCores: number;
  /** RSS growth while connecting ÷ clients. */
  memoryPerClientKB: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  /** JavaScript heap growth while connecting ÷ clients (after a full collection). */
  heapPerClientKB: number;
  appendMs?: ServerMetrics['appendMs'] & { count: number };
}

export interface CaptionFigures {
  /** POST of the final chunk → each client holds the 'captions:segment'. */
  segment: Latency;
  /** POST of a chunk typed → each client holds a 'captions:draft' showing it. */
  draft: Latency & { notShown: number };
  postMs: Summary;
}

export interface OneMeetingResult {
  system: 'equalfloor' | 'baseline';
  driver: string;
  participants: number;
  setupMs?: { meeting: number; sessions: number };
  join: JoinFigures;
  fanout: { all: Latency; hands: Latency; floor: Latency };
  commandFailures: number;
  /** How late the hands left their client after their planned moment (a busy client process). */
  handSendLagMs: Summary;
  captions: CaptionFigures;
  server: ServerFigures;
  workers: number;
  load: MachineLoad;
}

export interface StormResult {
  driver: string;
  participants: number;
  dropped: number;
  eventsMissed: number;
  spreadMs: number;
  catchUp: Summary;
  viaEvents: number;
  viaSnapshot: number;
  failed: number;
  server: { cpuCores: number };
  load: MachineLoad;
}

export interface ManyMeetingsResult {
  driver: string;
  meetings: number;
  perMeeting: number;
  setupMs: { meetings: number; sessions: number };
  join: JoinFigures;
  fanout: Latency;
  commands: number;
  commandFailures: number;
  durationMs: number;
  server: ServerFigures;
  workers: number;
  load: MachineLoad;
}

/** Payloads captured from the real server, replayed by the baseline. */
export interface CapturedPayloads {
  handRaised?: { meetingId: string; events: MeetingEvent[] };
  floorGiven?: { meetingId: string; events: MeetingEvent[] };
  segment?: { meetingId: string; segment: CaptionSegment };
  draft?: { meetingId: string; draft: CaptionDraft };
}

const workersFor = (clients: number) => Math.max(2, Math.ceil(clients / CLIENTS_PER_WORKER));

/** The clients that raise their hands: spread over the roster. */
export const handRaisers = (n: number) => Array.from({ length: HANDS }, (_, index) => Math.floor((index * n) / HANDS));

/**
 * One meeting's clients over the workers: the hand-raisers in a worker of their own (so
 * that their commands leave on time, not behind a busy worker's backlog), the others in
 * contiguous blocks. The baseline uses the same layout.
 */
export function oneMeetingLayout(specs: ClientSpec[]): { pool: WorkerPool; groups: ClientSpec[][] } {
  const raisers = new Set(handRaisers(specs.length));
  const others = specs.filter((spec) => !raisers.has(spec.idx));
  const general = workersFor(others.length);
  return {
    pool: new WorkerPool(general + 1),
    groups: [...spread(others, general), specs.filter((spec) => raisers.has(spec.idx))],
  };
}
const cpuMicros = (metrics: { cpuUserMicros: number; cpuSystemMicros: number }) => metrics.cpuUserMicros + metrics.cpuSystemMicros;
const perClientKB = (bytes: number, clients: number) => Math.round((bytes / 1024 / Math.max(1, clients)) * 10) / 10;
const MB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function latencyOf(samples: { sentAt: number; times: number[] }[], expected: number): Latency {
  const last: number[] = [];
  const each: number[] = [];
  let missing = 0;
  for (const { sentAt, times } of samples) {
    missing += Math.max(0, expected - times.length);
    if (times.length === 0) continue;
    let max = -Infinity;
    for (const time of times) {
      each.push(time - sentAt);
      if (time > max) max = time;
    }
    last.push(max - sentAt);
  }
  return { lastClient: summarize(last), perClient: summarize(each), missing };
}

/** Deterministic pseudo-random numbers, so that runs follow the same schedule. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- captions

const WORDS = (
  'we note the proposal from the working group on best practice forums and ask the secretariat to circulate ' +
  'a revised draft of the programme with the comments received from members before the next virtual meeting'
).split(' ');

interface CaptionLine {
  /** The chunks posted while typing; the last one ends the line. */
  chunks: string[];
  /** The line as a finished segment. */
  text: string;
}

export function captionLines(count: number): CaptionLine[] {
  return Array.from({ length: count }, (_, line) => {
    const words = [`Line`, `${line + 1}:`, ...Array.from({ length: 10 }, (_, index) => WORDS[(line * 7 + index) % WORDS.length]!)];
    const size = Math.ceil(words.length / CHUNKS_PER_LINE);
    const chunks = Array.from({ length: CHUNKS_PER_LINE }, (_, index) => words.slice(index * size, (index + 1) * size).join(' '));
    return { chunks: chunks.map((chunk, index) => (index < CHUNKS_PER_LINE - 1 ? `${chunk} ` : chunk)), text: cleanLine(words.join(' ')) };
  });
}

interface CaptionPost {
  line: number;
  final: boolean;
  /** The line as it stands after this post (drafts show it), or the finished line. */
  text: string;
  startedAt: number;
  ms: number;
}

/**
 * Sends `lines` at CAPTION_LINES_PER_SECOND from `startAt`, each line's chunks spread over
 * its slot; `send` posts (or emits) one chunk and resolves when answered. Chunks of a line
 * go in order; a late answer delays what follows (and the measure starts at the post).
 */
async function streamCaptions(
  lines: CaptionLine[],
  startAt: number,
  send: (line: number, chunk: string, final: boolean, current: string, postIndex: number) => Promise<void>,
): Promise<CaptionPost[]> {
  const posts: CaptionPost[] = [];
  const slotMs = 1_000 / CAPTION_LINES_PER_SECOND;
  let postIndex = 0;
  for (const [line, { chunks, text }] of lines.entries()) {
    let current = '';
    for (const [index, chunk] of chunks.entries()) {
      // Spread over 90 % of the line's slot (not on the server's 150 ms draft grid).
      await sleepUntil(startAt + line * slotMs + (index * slotMs * 0.9) / (chunks.length - 1));
      const final = index === chunks.length - 1;
      current += chunk;
      const startedAt = now();
      postIndex += 1;
      await send(line, chunk, final, current, postIndex);
      posts.push({ line, final, text: final ? text : current, startedAt, ms: now() - startedAt });
    }
  }
  return posts;
}

function captionFigures(posts: CaptionPost[], receipts: Map<string, number[]>, expected: number): CaptionFigures {
  const segment = latencyOf(
    posts.filter((post) => post.final).map((post) => ({ sentAt: post.startedAt, times: receipts.get(`s:${post.text}`) ?? [] })),
    expected,
  );
  const drafts = [...receipts.entries()]
    .filter(([key]) => key.startsWith('d:'))
    .map(([key, times]) => ({ text: key.slice(2), times, first: Math.min(...times) }))
    .sort((a, b) => a.first - b.first);
  const draftSamples: { sentAt: number; times: number[] }[] = [];
  let notShown = 0;
  for (const post of posts.filter((candidate) => !candidate.final)) {
    const shown = drafts.find((draft) => draft.text.startsWith(post.text) && draft.first >= post.startedAt);
    if (shown) draftSamples.push({ sentAt: post.startedAt, times: shown.times });
    else notShown += 1;
  }
  return {
    segment,
    draft: { ...latencyOf(draftSamples, expected), notShown },
    postMs: summarize(posts.map((post) => post.ms)),
  };
}

// ---------------------------------------------------------------- (a) one meeting

export interface OneMeetingOptions {
  server: EqualFloorServer;
  participants: number;
  captured: CapturedPayloads;
  /** Also run the reconnect storm on this meeting. */
  storm: boolean;
  /** Sequential single joins to sample. */
  singleJoins: number;
}

export async function runOneMeeting(options: OneMeetingOptions): Promise<{ result: OneMeetingResult; storm?: StormResult }> {
  const { server, participants: n } = options;
  const driver = server.driver;
  const busyBeforeCores = await waitForQuiet(QUIET_WAIT_MS);
  log(`(a) ${driver}: one meeting of ${n}: building the roster`);
  const secretariat = await signInSecretariat(server.url);
  let started = now();
  const meeting = await createBenchMeeting(secretariat, `Benchmark meeting of ${n}`, n + options.singleJoins);
  const meetingMs = now() - started;
  const members = meeting.members.slice(0, n);
  const lateJoiners = meeting.members.slice(n);
  started = now();
  const [chairCookie] = (await openJoinLinks(server.url, [meeting.chair])).cookies;
  const sessions = await openJoinLinks(server.url, members);
  const sessionsMs = now() - started;
  log(
    `(a) ${driver}: roster of ${n + 1 + lateJoiners.length} in ${Math.round(meetingMs)} ms, ${n} join links opened in ${Math.round(sessionsMs)} ms`,
  );
  // Measure from a fresh process on the same database, not one holding what building the roster left behind.
  await server.restart();

  // The chair: the real client replica, in this process.
  const chairBrowser = new HttpClient(server.url);
  chairBrowser.cookie = chairCookie;
  const chair = connectLive(server.url, chairBrowser, meeting.meetingId);
  captureFrom(chair, options.captured);
  await waitUntil(() => chair.replica.status.state === 'live', 'the chair is live', WAIT_MS);
  await chair.command({ type: 'meeting.open' });
  const itemId = meeting.agendaIds[0]!;
  await chair.command({ type: 'agenda.startItem', itemId });

  const specs: ClientSpec[] = members.map((_, idx) => ({ idx, meetingId: meeting.meetingId, cookie: sessions.cookies[idx]! }));
  const { pool, groups } = oneMeetingLayout(specs);
  try {
    const before = await settledMemory(server, () => server.metrics());
    log(`(a) ${driver}: connecting ${n} clients from ${pool.workers.length} workers`);
    const connected = await pool.connect(server.url, 'equalfloor', groups, CONNECT_CONCURRENCY, 240_000);
    if (connected.failed > 0) log(`(a) ${driver}: ${connected.failed} clients failed to join: ${connected.errors.join('; ')}`);
    const after = await settledMemory(server, () => server.metrics());
    log(
      `(a) ${driver}: ${n - connected.failed} joined in ${Math.round(connected.elapsedMs)} ms; server RSS ${MB(before.rssBytes)} → ${MB(after.rssBytes)} MB`,
    );

    // One person joining the live meeting alone, several times.
    const single: number[] = [];
    for (const person of lateJoiners) {
      const joinStarted = now();
      const browser = new HttpClient(server.url);
      browser.cookie = await openJoinLink(server.url, person.joinUrl);
      const client = connectLive(server.url, browser, meeting.meetingId);
      await waitUntil(() => client.replica.status.state === 'live', 'a late joiner is live', WAIT_MS);
      single.push(now() - joinStarted);
      client.close();
      await sleep(300);
    }

    // The measured phases: hands, then the floor with captions running.
    await pool.collect();
    const phaseStart = await server.metrics(true);
    const phaseStartedAt = now();
    const meter = new LoadMeter(() => [process.pid, server.child.pid!, ...pool.pids()]);
    log(`(a) ${driver}: ${HANDS} hands within ${HANDS_WITHIN_MS} ms`);
    const handsMeter = new LoadMeter(() => [process.pid, server.child.pid!, ...pool.pids()]);
    const handsStartedAt = now();
    const handsServerStart = phaseStart;
    const handsAt = now() + 300;
    const handSchedule: ScheduledCommand[] = handRaisers(n).map((idx, index) => ({
      at: handsAt + (index * HANDS_WITHIN_MS) / HANDS,
      idx,
      command: { type: 'queue.raiseHand', kind: 'new-point', note: '' },
      tag: `hand-${index}`,
    }));
    const hands = await pool.commands(handSchedule, WAIT_MS);
    const sendLag = summarize(hands.map((outcome) => outcome.sentAt - handSchedule.find((item) => item.tag === outcome.tag)!.at));
    const handSeq = Math.max(0, ...hands.map((outcome) => outcome.seq ?? 0));
    const handsWait = await pool.waitSeq({ [meeting.meetingId]: handSeq }, DRAIN_MS);
    if (handsWait.lagging) log(`(a) ${driver}: ${handsWait.lagging} clients still behind after the hands`);
    if (!(await softWait(() => (chair.replica.state?.seq ?? 0) >= handSeq, DRAIN_MS)))
      log(`(a) ${driver}: the chair is still behind after the hands`);
    const handsServerEnd = await server.metrics();
    const handsMs = now() - handsStartedAt;
    const handsLoad = handsMeter.stop();

    log(`(a) ${driver}: the floor given ${FLOOR_GIVES} times, ${CAPTION_LINES} caption lines at ${CAPTION_LINES_PER_SECOND}/s`);
    const floorAt = now() + 300;
    const lines = captionLines(CAPTION_LINES);
    const floorGives = (async () => {
      const outcomes: CommandOutcome[] = [];
      for (let turn = 0; turn < FLOOR_GIVES; turn++) {
        await sleepUntil(floorAt + turn * FLOOR_INTERVAL_MS);
        const head = queueOf(chair.replica.state!, itemId).entries[0];
        const command = head
          ? ({ type: 'floor.give', entryId: head.id } as const)
          : ({ type: 'floor.giveTo', participantId: members[turn]!.id } as const);
        const sentAt = now();
        const result = await chair.replica.send(command);
        outcomes.push({
          tag: `floor-${turn}`,
          idx: -1,
          meetingId: meeting.meetingId,
          sentAt,
          ackAt: now(),
          ok: result.ok,
          seq: result.ok ? result.seq : null,
          ...(!result.ok && { error: `${result.code}: ${result.error}` }),
        });
        if (result.ok) await softWait(() => (chair.replica.state?.seq ?? 0) >= result.seq, WAIT_MS);
      }
      return outcomes;
    })();
    const captionPosts = streamCaptions(lines, floorAt, async (_line, chunk, final, _current, postIndex) => {
      const response = await fetch(`${meeting.captionUrl}&seq=${postIndex}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: chunk, final }),
        signal: AbortSignal.timeout(WAIT_MS),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`caption post answered ${response.status}`);
    });
    const [floor, posts] = await Promise.all([floorGives, captionPosts]);
    const lastSeq = chair.replica.state!.seq;
    const floorWait = await pool.waitSeq({ [meeting.meetingId]: lastSeq }, DRAIN_MS);
    if (floorWait.lagging) log(`(a) ${driver}: ${floorWait.lagging} clients still behind after the floor changes`);
    await sleep(1_000);
    const phaseEnd = await server.metrics();
    const phaseMs = now() - phaseStartedAt;
    const during = meter.stop();
    const receipts = await pool.collect();

    const samplesOf = (outcomes: CommandOutcome[]) =>
      outcomes
        .filter((outcome) => outcome.ok && outcome.seq !== null)
        .map((outcome) => ({ sentAt: outcome.sentAt, times: receipts.get(`e:${meeting.meetingId}:${outcome.seq}`) ?? [] }));
    const result: OneMeetingResult = {
      system: 'equalfloor',
      driver,
      participants: n,
      setupMs: { meeting: Math.round(meetingMs), sessions: Math.round(sessionsMs) },
      join: {
        bulk: { ...summarize(connected.joinMs), failed: connected.failed, totalMs: Math.round(connected.elapsedMs) },
        single: summarize(single),
      },
      fanout: {
        all: latencyOf(samplesOf([...hands, ...floor]), n),
        hands: latencyOf(samplesOf(hands), n),
        floor: latencyOf(samplesOf(floor), n),
      },
      commandFailures: [...hands, ...floor].filter((outcome) => !outcome.ok).length,
      handSendLagMs: sendLag,
      captions: captionFigures(posts, receipts, n),
      server: {
        cpuCores: round2((cpuMicros(phaseEnd) - cpuMicros(phaseStart)) / 1_000 / phaseMs),
        memoryPerClientKB: Math.round(((after.rssBytes - before.rssBytes) / 1024 / Math.max(1, n - connected.failed)) * 10) / 10,
        rssBeforeMB: MB(before.rssBytes),
        rssAfterMB: MB(after.rssBytes),
        heapPerClientKB: perClientKB(after.heapUsedBytes - before.heapUsedBytes, n - connected.failed),
        appendMs: { ...phaseEnd.appendMs, count: phaseEnd.appends },
      },
      workers: pool.workers.length,
      load: {
        busyBeforeCores,
        during,
        hands: handsLoad && {
          ...handsLoad,
          serverCores: round2((cpuMicros(handsServerEnd) - cpuMicros(handsServerStart)) / 1_000 / handsMs),
          ms: Math.round(handsMs),
        },
      },
    };
    const failures = [...hands, ...floor].filter((outcome) => !outcome.ok);
    if (failures.length) log(`(a) ${driver}: ${failures.length} commands refused, e.g. ${failures[0]!.error}`);
    log(
      `(a) ${driver} N=${n}: fan-out p50/p99 ${result.fanout.all.lastClient.p50}/${result.fanout.all.lastClient.p99} ms, ` +
        `captions p99 ${result.captions.segment.perClient.p99} ms, join p50 ${result.join.bulk.p50} ms, ` +
        `${result.server.memoryPerClientKB} KB/client, CPU ${result.server.cpuCores}; other processes ${during?.otherCores ?? '?'} cores`,
    );

    let storm: StormResult | undefined;
    if (options.storm) storm = await reconnectStorm(server, pool, chair, meeting, specs, itemId);
    return { result, ...(storm && { storm }) };
  } finally {
    chair.close();
    await pool.closeClients().catch(() => undefined);
    await pool.stop();
    await sleep(2_000);
  }
}

/**
 * The server's memory once it has settled: full collections a few seconds apart, keeping the
 * lowest RSS seen (memory freed by a collection goes back to the system some seconds later,
 * not at once), with the heap figures of the same reading.
 */
async function settledMemory<M extends { rssBytes: number }>(server: RunningServer, read: () => Promise<M>): Promise<M> {
  let lowest: M | undefined;
  for (let round = 0; round < 4; round++) {
    await server.collectGarbage();
    await sleep(1_000);
    const reading = await read();
    if (!lowest || reading.rssBytes < lowest.rssBytes) lowest = reading;
  }
  return lowest!;
}

/** Waits until `check` holds or `ms` pass; answers whether it holds. */
export async function softWait(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = now() + ms;
  while (!check() && now() < deadline) await sleep(20);
  return check();
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function captureFrom(chair: LiveClient, captured: CapturedPayloads): void {
  chair.socket.on('meeting:events', (payload) => {
    const type = payload.events[0]?.type;
    if (type === 'queue.handRaised' && !captured.handRaised) captured.handRaised = structuredClone(payload);
    if (type === 'floor.given' && !captured.floorGiven) captured.floorGiven = structuredClone(payload);
  });
  chair.socket.on('captions:segment', (payload) => {
    captured.segment ??= structuredClone(payload);
  });
  chair.socket.on('captions:draft', (payload) => {
    if (payload.draft && !captured.draft) captured.draft = structuredClone({ meetingId: payload.meetingId, draft: payload.draft });
  });
}

// ---------------------------------------------------------------- (c) reconnect storm

const STORM_SPREAD_MS = 5_000;
const STORM_COMMANDS = 10;

async function reconnectStorm(
  server: EqualFloorServer,
  pool: WorkerPool,
  chair: LiveClient,
  meeting: BenchMeeting,
  specs: ClientSpec[],
  itemId: string,
): Promise<StormResult> {
  const driver = server.driver;
  const idxs = specs.map((spec) => spec.idx);
  await pool.waitSeq({ [meeting.meetingId]: chair.replica.state!.seq }, WAIT_MS);
  log(`(c) ${driver}: dropping ${idxs.length} clients`);
  await pool.drop(idxs);
  await sleep(1_000);
  const heldSeq = chair.replica.state!.seq;
  // Meanwhile the chair goes on: people added by name, the floor given and taken back.
  for (let index = 0; index < STORM_COMMANDS - 2; index++) {
    await chair.command({ type: 'queue.addOnBehalf', participantId: null, name: `Walk-in delegate ${index + 1}`, location: 'room' });
  }
  const head = queueOf(chair.replica.state!, itemId).entries[0]!;
  await chair.command({ type: 'floor.give', entryId: head.id });
  await chair.command({ type: 'floor.end', speechId: chair.replica.state!.floor!.id });
  const targetSeq = chair.replica.state!.seq;
  await pool.collect();
  const busyBeforeCores = await waitForQuiet(QUIET_WAIT_MS);
  const start = await server.metrics(true);
  const startedAt = now();
  const meter = new LoadMeter(() => [process.pid, server.child.pid!, ...pool.pids()]);
  log(`(c) ${driver}: ${idxs.length} clients reconnecting within ${STORM_SPREAD_MS} ms, ${targetSeq - heldSeq} events to catch up`);
  const result = await pool.reconnect(idxs, now() + 200, STORM_SPREAD_MS, targetSeq, WAIT_MS);
  const end = await server.metrics();
  const during = meter.stop();
  const storm: StormResult = {
    driver,
    participants: specs.length,
    dropped: idxs.length,
    eventsMissed: targetSeq - heldSeq,
    spreadMs: STORM_SPREAD_MS,
    catchUp: summarize(result.catchUpMs),
    viaEvents: result.viaEvents,
    viaSnapshot: result.viaSnapshot,
    failed: result.failed,
    server: { cpuCores: round2((cpuMicros(end) - cpuMicros(start)) / 1_000 / (now() - startedAt)) },
    load: { busyBeforeCores, during },
  };
  await pool.collect();
  log(`(c) ${driver}: catch-up p50/p99 ${storm.catchUp.p50}/${storm.catchUp.p99} ms, ${storm.failed} failed`);
  return storm;
}

// ---------------------------------------------------------------- (b) many meetings

export async function runManyMeetings(
  server: EqualFloorServer,
  meetingCount: number,
  perMeeting: number,
  durationMs: number,
): Promise<ManyMeetingsResult> {
  const driver = server.driver;
  const busyBeforeCores = await waitForQuiet(QUIET_WAIT_MS);
  log(`(b) ${driver}: building ${meetingCount} meetings of ${perMeeting}`);
  const secretariat = await signInSecretariat(server.url);
  let started = now();
  const meetings = await mapLimit(
    Array.from({ length: meetingCount }, (_, index) => index),
    4,
    (index) => createBenchMeeting(secretariat, `Concurrent meeting ${index + 1}`, perMeeting - 1),
  );
  const meetingsMs = now() - started;
  started = now();
  const people = meetings.flatMap((meeting) => [meeting.chair, ...meeting.members]);
  const sessions = await openJoinLinks(server.url, people);
  const sessionsMs = now() - started;
  log(`(b) ${driver}: meetings built in ${Math.round(meetingsMs)} ms, ${people.length} join links opened in ${Math.round(sessionsMs)} ms`);
  await server.restart();
  const specs: ClientSpec[] = people.map((_, idx) => ({
    idx,
    meetingId: meetings[Math.floor(idx / perMeeting)]!.meetingId,
    cookie: sessions.cookies[idx]!,
  }));
  const chairIdx = (meeting: number) => meeting * perMeeting;
  const pool = new WorkerPool(workersFor(people.length));
  const groups = spread(specs, pool.workers.length);
  try {
    const before = await settledMemory(server, () => server.metrics());
    log(`(b) ${driver}: connecting ${people.length} clients from ${pool.workers.length} workers`);
    const connected = await pool.connect(server.url, 'equalfloor', groups, CONNECT_CONCURRENCY, 240_000);
    if (connected.failed > 0) log(`(b) ${driver}: ${connected.failed} clients failed to join: ${connected.errors.join('; ')}`);
    const after = await settledMemory(server, () => server.metrics());

    // Every chair opens its meeting and starts the first item.
    const open = (type: 'meeting.open' | 'agenda.startItem') =>
      pool.commands(
        meetings.map((meeting, index) => ({
          at: now() + 100 + index * 5,
          idx: chairIdx(index),
          command: type === 'meeting.open' ? { type } : { type, itemId: meeting.agendaIds[0]! },
          tag: `${type}-${index}`,
        })),
        WAIT_MS,
      );
    const opened = [...(await open('meeting.open')), ...(await open('agenda.startItem'))];
    const refused = opened.filter((outcome) => !outcome.ok);
    if (refused.length) throw new Error(`${refused.length} chairs could not open their meeting: ${refused[0]!.error}`);
    await pool.waitSeq(Object.fromEntries(meetings.map((meeting) => [meeting.meetingId, 2])), WAIT_MS);
    await pool.collect();

    // Each meeting, at its own moment: 5 hands within a second, then the floor given to each at 3 s intervals.
    const rand = random(20260501);
    const t0 = now() + 500;
    const spreadMs = Math.max(0, durationMs - 14_000);
    const schedule: ScheduledCommand[] = [];
    meetings.forEach((meeting, m) => {
      const startAt = t0 + rand() * spreadMs;
      for (let hand = 1; hand <= 5; hand++) {
        schedule.push({
          at: startAt + rand() * 1_000,
          idx: chairIdx(m) + hand,
          command: { type: 'queue.raiseHand' },
          tag: `m${m}-hand${hand}`,
        });
        schedule.push({
          at: startAt + 2_000 + (hand - 1) * 3_000,
          idx: chairIdx(m),
          command: { type: 'floor.giveTo', participantId: meeting.members[hand - 1]!.id },
          tag: `m${m}-floor${hand}`,
        });
      }
    });
    const phaseStart = await server.metrics(true);
    const phaseStartedAt = now();
    const meter = new LoadMeter(() => [process.pid, server.child.pid!, ...pool.pids()]);
    log(
      `(b) ${driver} — load: ${people.length} clients, ${meetingCount} meetings of ${perMeeting}, ${schedule.length} commands over ` +
        `${Math.round(spreadMs / 1000) + 14} s (in each meeting 5 hands within 1 s, then the floor every 3 s)`,
    );
    const outcomes = await pool.commands(schedule, WAIT_MS);
    const targets: Record<string, number> = {};
    for (const outcome of outcomes) {
      if (outcome.seq !== null) targets[outcome.meetingId] = Math.max(targets[outcome.meetingId] ?? 0, outcome.seq);
    }
    const waited = await pool.waitSeq(targets, DRAIN_MS);
    if (waited.lagging) log(`(b) ${driver}: ${waited.lagging} clients still behind`);
    const phaseEnd = await server.metrics();
    const phaseMs = now() - phaseStartedAt;
    const during = meter.stop();
    const receipts = await pool.collect();
    const fanout = latencyOf(
      outcomes
        .filter((outcome) => outcome.ok && outcome.seq !== null)
        .map((outcome) => ({ sentAt: outcome.sentAt, times: receipts.get(`e:${outcome.meetingId}:${outcome.seq}`) ?? [] })),
      perMeeting,
    );
    const failures = outcomes.filter((outcome) => !outcome.ok);
    if (failures.length) log(`(b) ${driver}: ${failures.length} commands refused, e.g. ${failures[0]!.error}`);
    const result: ManyMeetingsResult = {
      driver,
      meetings: meetingCount,
      perMeeting,
      setupMs: { meetings: Math.round(meetingsMs), sessions: Math.round(sessionsMs) },
      join: { bulk: { ...summarize(connected.joinMs), failed: connected.failed, totalMs: Math.round(connected.elapsedMs) } },
      fanout,
      commands: outcomes.length,
      commandFailures: failures.length,
      durationMs: Math.round(phaseMs),
      server: {
        cpuCores: round2((cpuMicros(phaseEnd) - cpuMicros(phaseStart)) / 1_000 / phaseMs),
        memoryPerClientKB:
          Math.round(((after.rssBytes - before.rssBytes) / 1024 / Math.max(1, people.length - connected.failed)) * 10) / 10,
        rssBeforeMB: MB(before.rssBytes),
        rssAfterMB: MB(after.rssBytes),
        heapPerClientKB: perClientKB(after.heapUsedBytes - before.heapUsedBytes, people.length - connected.failed),
        appendMs: { ...phaseEnd.appendMs, count: phaseEnd.appends },
      },
      workers: pool.workers.length,
      load: { busyBeforeCores, during },
    };
    log(`(b) ${driver}: fan-out p50/p99 ${fanout.lastClient.p50}/${fanout.lastClient.p99} ms, CPU ${result.server.cpuCores}`);
    return result;
  } finally {
    await pool.closeClients().catch(() => undefined);
    await pool.stop();
    await sleep(2_000);
  }
}

// ---------------------------------------------------------------- (d) baseline

export async function runBaseline(baseline: RunningServer, participants: number, captured: CapturedPayloads): Promise<OneMeetingResult> {
  const n = participants;
  const { handRaised, floorGiven, segment, draft } = captured;
  if (!handRaised || !floorGiven || !segment || !draft) throw new Error('no payloads were captured from EqualFloor for the baseline');
  const metrics = async () =>
    (await (await fetch(`${baseline.url}/metrics`, { signal: AbortSignal.timeout(30_000) })).json()) as {
      rssBytes: number;
      heapUsedBytes: number;
      cpuUserMicros: number;
      cpuSystemMicros: number;
    };
  const emit = async (event: string, payload: unknown, volatile = false) => {
    const response = await fetch(`${baseline.url}/emit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event, payload, volatile }),
      signal: AbortSignal.timeout(WAIT_MS),
    });
    await response.arrayBuffer();
  };
  let counter = 0;
  /** The captured broadcast with its seq replaced by a counter, so that receipts can be told apart. */
  const numbered = (payload: { meetingId: string; events: MeetingEvent[] }) => {
    counter += 1;
    return { seq: counter, payload: { ...payload, events: payload.events.map((event) => ({ ...event, seq: counter })) } };
  };

  const busyBeforeCores = await waitForQuiet(QUIET_WAIT_MS);
  const specs: ClientSpec[] = Array.from({ length: n }, (_, idx) => ({ idx, meetingId: 'baseline' }));
  const { pool, groups } = oneMeetingLayout(specs);
  try {
    const before = await settledMemory(baseline, metrics);
    log(`(d) baseline: connecting ${n} clients from ${pool.workers.length} workers`);
    const connected = await pool.connect(baseline.url, 'baseline', groups, CONNECT_CONCURRENCY, 240_000);
    const after = await settledMemory(baseline, metrics);
    await pool.collect();
    const phaseStart = await metrics();
    const phaseStartedAt = now();
    const meter = new LoadMeter(() => [process.pid, baseline.child.pid!, ...pool.pids()]);

    const hands: { sentAt: number; seq: number }[] = [];
    const lag: number[] = [];
    const handsMeter = new LoadMeter(() => [process.pid, baseline.child.pid!, ...pool.pids()]);
    const handsStartedAt = now();
    const handsAt = now() + 300;
    await Promise.all(
      Array.from({ length: HANDS }, async (_, index) => {
        const at = handsAt + (index * HANDS_WITHIN_MS) / HANDS;
        await sleepUntil(at);
        const { seq, payload } = numbered(handRaised);
        const sentAt = now();
        lag.push(sentAt - at);
        await emit('meeting:events', payload);
        hands.push({ sentAt, seq });
      }),
    );
    // Like EqualFloor's run: the floor phase starts once every client holds the hands.
    const drained = await pool.waitSeq({ baseline: counter }, DRAIN_MS);
    if (drained.lagging) log(`(d) baseline: ${drained.lagging} clients still behind after the hands`);
    const handsServerEnd = await metrics();
    const handsMs = now() - handsStartedAt;
    const handsLoad = handsMeter.stop();

    const floorAt = now() + 300;
    const floor: { sentAt: number; seq: number }[] = [];
    const floorGives = (async () => {
      for (let turn = 0; turn < FLOOR_GIVES; turn++) {
        await sleepUntil(floorAt + turn * FLOOR_INTERVAL_MS);
        const { seq, payload } = numbered(floorGiven);
        const sentAt = now();
        await emit('meeting:events', payload);
        floor.push({ sentAt, seq });
      }
    })();
    const captionPosts = streamCaptions(captionLines(CAPTION_LINES), floorAt, async (_line, _chunk, final, current) => {
      if (final) {
        await emit('captions:segment', { ...segment, segment: { ...segment.segment, text: cleanLine(current) } });
      } else {
        await emit('captions:draft', { ...draft, draft: { ...draft.draft, text: current } }, true);
      }
    });
    const [, posts] = await Promise.all([floorGives, captionPosts]);
    await pool.waitSeq({ baseline: counter }, DRAIN_MS);
    await sleep(1_000);
    const phaseEnd = await metrics();
    const phaseMs = now() - phaseStartedAt;
    const during = meter.stop();
    const receipts = await pool.collect();
    const samplesOf = (sent: { sentAt: number; seq: number }[]) =>
      sent.map(({ sentAt, seq }) => ({ sentAt, times: receipts.get(`b:${seq}`) ?? [] }));
    const result: OneMeetingResult = {
      system: 'baseline',
      driver: 'none',
      participants: n,
      join: { bulk: { ...summarize(connected.joinMs), failed: connected.failed, totalMs: Math.round(connected.elapsedMs) } },
      fanout: {
        all: latencyOf(samplesOf([...hands, ...floor]), n),
        hands: latencyOf(samplesOf(hands), n),
        floor: latencyOf(samplesOf(floor), n),
      },
      commandFailures: 0,
      handSendLagMs: summarize(lag),
      captions: captionFigures(posts, receipts, n),
      server: {
        cpuCores: round2((cpuMicros(phaseEnd) - cpuMicros(phaseStart)) / 1_000 / phaseMs),
        memoryPerClientKB: Math.round(((after.rssBytes - before.rssBytes) / 1024 / Math.max(1, n - connected.failed)) * 10) / 10,
        rssBeforeMB: MB(before.rssBytes),
        rssAfterMB: MB(after.rssBytes),
        heapPerClientKB: perClientKB(after.heapUsedBytes - before.heapUsedBytes, n - connected.failed),
      },
      workers: pool.workers.length,
      load: {
        busyBeforeCores,
        during,
        hands: handsLoad && {
          ...handsLoad,
          serverCores: round2((cpuMicros(handsServerEnd) - cpuMicros(phaseStart)) / 1_000 / handsMs),
          ms: Math.round(handsMs),
        },
      },
    };
    log(`(d) baseline N=${n}: fan-out p50/p99 ${result.fanout.all.lastClient.p50}/${result.fanout.all.lastClient.p99} ms`);
    return result;
  } finally {
    await pool.closeClients().catch(() => undefined);
    await pool.stop();
    await sleep(1_000);
  }
}
