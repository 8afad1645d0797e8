/**
 * The server's own figures, part by part, for EqualFloor and for the bare socket.io server
 * doing the same work on the wire (baseline-server.ts: the same enter answer, the same
 * captured events, EqualFloor's own coalescing of a burst):
 *
 *  - a join storm: every client of one meeting opens its socket within 5 s; the time until
 *    every one holds the state, and the size of the answer to `meeting:enter`;
 *  - a burst: 100 hands raised within 1 s by 100 of those clients; the server's CPU per hand
 *    per recipient and per broadcast per recipient (process.cpuUsage of the server process
 *    around the part), the server's event-loop delay p99 (monitorEventLoopDelay inside it), and
 *    the time until the last client holds each hand;
 *  - caption forwarding: lines posted to the ingestion URL while viewers are connected, timed
 *    to their receipt by a stand-in of Zoom's caption API (test/support/zoom-stand-in.ts).
 *
 * Each part states its load before it starts.
 */
import { connectLive, waitUntil } from '../support/live-client.ts';
import { HttpClient } from '../support/http-client.ts';
import { startZoomStandIn, type ShownCaption } from '../support/zoom-stand-in.ts';
import type { MeetingEvent } from '../../shared/meeting/types.ts';
import type { ClientMode, ClientSpec, ScheduledCommand } from './ipc.ts';
import type { BaselineServer, EqualFloorServer, ServerMetrics } from './servers.ts';
import { createBenchMeeting, openJoinLinks, signInSecretariat } from './setup.ts';
import {
  captionLines,
  CONNECT_CONCURRENCY,
  DRAIN_MS,
  HANDS,
  HANDS_WITHIN_MS,
  handRaisers,
  latencyOf,
  log,
  oneMeetingLayout,
  QUIET_WAIT_MS,
  WAIT_MS,
  type Latency,
} from './scenarios.ts';
import { waitForQuiet } from './load.ts';
import { now, sleep, sleepUntil, summarize, type Summary } from './stats.ts';

/** A join storm: every client opens its socket within this time. */
export const STORM_SPREAD_MS = 5_000;
const STORM_TIMEOUT_MS = 180_000;
const CAPTION_LINES = 50;
const CAPTION_INTERVAL_MS = 200;

export interface StormPart {
  clients: number;
  spreadMs: number;
  /** From the storm's start until the last client held the state. */
  allHeldMs: number;
  join: Summary;
  failed: number;
  /** The answer to `meeting:enter`, as JSON, per join. */
  enterBytes: Summary;
  loopDelayMs: ServerMetrics['loopDelayMs'];
  cpuMicrosPerJoin: number;
}

export interface BurstPart {
  hands: number;
  refused: number;
  /** Connections at the server during the burst (the chair too, for EqualFloor). */
  recipients: number;
  /** `meeting:events` messages the clients received, ÷ the clients: the broadcasts the burst made. */
  broadcasts: number;
  cpuMicros: number;
  cpuMicrosPerHandPerRecipient: number;
  cpuMicrosPerBroadcastPerRecipient: number;
  loopDelayMs: ServerMetrics['loopDelayMs'];
  /** Per hand: sent → the last client holds it. */
  latency: Latency;
}

export interface SizePart {
  system: 'equalfloor' | 'baseline';
  driver: string;
  participants: number;
  storm: StormPart;
  burst: BurstPart;
}

export interface CaptionForwardingPart {
  driver: string;
  viewers: number;
  lines: number;
  /** POST of a final line → the stand-in destination received it. */
  forwardMs: Summary;
  /** Lines the destination never received within the wait. */
  missing: number;
  loopDelayMs: ServerMetrics['loopDelayMs'];
}

/** What the bare server is given from EqualFloor's run of the same size. */
export interface PartPayloads {
  enter?: unknown;
  handEvent?: MeetingEvent;
}

const cpuOf = (metrics: ServerMetrics) => metrics.cpuUserMicros + metrics.cpuSystemMicros;
const round1 = (value: number) => Math.round(value * 10) / 10;
const round3 = (value: number) => Math.round(value * 1000) / 1000;

interface Target {
  url: string;
  mode: ClientMode;
  meetingId: string;
  specs: ClientSpec[];
  metrics(reset?: boolean): Promise<ServerMetrics>;
}

/** The storm, then the burst, on clients left connected by the storm. */
async function stormAndBurst(target: Target, label: string): Promise<{ storm: StormPart; burst: BurstPart; enter?: unknown }> {
  const n = target.specs.length;
  const { pool, groups } = oneMeetingLayout(target.specs);
  try {
    log(`${label}: join storm — load: ${n} clients, 1 meeting, all opening their socket within ${STORM_SPREAD_MS / 1000} s`);
    await pool.collect();
    const stormStart = await target.metrics(true);
    const startAt = now() + 500;
    const joined = await pool.connect(target.url, target.mode, groups, CONNECT_CONCURRENCY, STORM_TIMEOUT_MS, {
      startAt,
      spreadMs: STORM_SPREAD_MS,
    });
    const stormEnd = await target.metrics(true);
    const storm: StormPart = {
      clients: n,
      spreadMs: STORM_SPREAD_MS,
      allHeldMs: Math.round(joined.lastLiveAt - startAt),
      join: summarize(joined.joinMs),
      failed: joined.failed,
      enterBytes: summarize(joined.enterBytes),
      loopDelayMs: stormEnd.loopDelayMs,
      cpuMicrosPerJoin: Math.round((cpuOf(stormEnd) - cpuOf(stormStart)) / Math.max(1, n - joined.failed)),
    };
    log(
      `${label}: every client held the state ${(storm.allHeldMs / 1000).toFixed(2)} s after the storm began (${storm.failed} failed); ` +
        `enter answer ${storm.enterBytes.mean} B; loop delay p99 ${storm.loopDelayMs?.p99.toFixed(1)} ms`,
    );
    if (joined.failed) log(`${label}: failures: ${joined.errors.join('; ')}`);

    await sleep(1_000);
    await pool.collect();
    log(`${label}: burst — load: ${n} clients, 1 meeting, ${HANDS} hands raised within ${HANDS_WITHIN_MS} ms (${HANDS} commands/s)`);
    const burstStart = await target.metrics(true);
    const handsAt = now() + 300;
    const schedule: ScheduledCommand[] = handRaisers(n).map((idx, index) => ({
      at: handsAt + (index * HANDS_WITHIN_MS) / HANDS,
      idx,
      command: { type: 'queue.raiseHand', kind: 'new-point', note: '' },
      tag: `hand-${index}`,
    }));
    const outcomes = await pool.commands(schedule, WAIT_MS);
    const lastSeq = Math.max(0, ...outcomes.map((outcome) => outcome.seq ?? 0));
    const waited = await pool.waitSeq({ [target.meetingId]: lastSeq }, DRAIN_MS);
    if (waited.lagging) log(`${label}: ${waited.lagging} clients still behind after the burst`);
    const burstEnd = await target.metrics();
    const receipts = await pool.collect();
    const key = (seq: number) => (target.mode === 'baseline' ? `b:${seq}` : `e:${target.meetingId}:${seq}`);
    const accepted = outcomes.filter((outcome) => outcome.ok && outcome.seq !== null);
    const cpuMicros = cpuOf(burstEnd) - cpuOf(burstStart);
    const recipients = burstEnd.connections;
    const broadcasts = (receipts.get('m')?.length ?? 0) / Math.max(1, n);
    const burst: BurstPart = {
      hands: outcomes.length,
      refused: outcomes.length - accepted.length,
      recipients,
      broadcasts: round1(broadcasts),
      cpuMicros,
      cpuMicrosPerHandPerRecipient: round3(cpuMicros / Math.max(1, accepted.length) / Math.max(1, recipients)),
      cpuMicrosPerBroadcastPerRecipient: round3(cpuMicros / Math.max(1, broadcasts) / Math.max(1, recipients)),
      loopDelayMs: burstEnd.loopDelayMs,
      latency: latencyOf(
        accepted.map((outcome) => ({ sentAt: outcome.sentAt, times: receipts.get(key(outcome.seq!)) ?? [] })),
        n,
      ),
    };
    log(
      `${label}: ${accepted.length} hands in ${burst.broadcasts} broadcasts to ${recipients} connections; ` +
        `CPU ${burst.cpuMicrosPerHandPerRecipient} µs per hand per recipient, ${burst.cpuMicrosPerBroadcastPerRecipient} µs per broadcast per recipient; ` +
        `loop delay p99 ${burst.loopDelayMs?.p99.toFixed(1)} ms; last client p99 ${burst.latency.lastClient.p99} ms`,
    );
    return { storm, burst, enter: joined.sampleEnter };
  } finally {
    await pool.closeClients().catch(() => undefined);
    await pool.stop();
    await sleep(1_000);
  }
}

/** A meeting of `members` with join links opened and the server restarted; the chair opens it and starts the first item. */
async function liveMeeting(server: EqualFloorServer, members: number, title: string) {
  const secretariat = await signInSecretariat(server.url);
  const meeting = await createBenchMeeting(secretariat, title, members);
  const sessions = await openJoinLinks(server.url, [meeting.chair, ...meeting.members]);
  await server.restart();
  const chairBrowser = new HttpClient(server.url);
  chairBrowser.cookie = sessions.cookies[0]!;
  const chair = connectLive(server.url, chairBrowser, meeting.meetingId);
  await waitUntil(() => chair.replica.status.state === 'live', 'the chair is live', WAIT_MS);
  await chair.command({ type: 'meeting.open' });
  await chair.command({ type: 'agenda.startItem', itemId: meeting.agendaIds[0]! });
  const specs: ClientSpec[] = meeting.members.map((_, idx) => ({ idx, meetingId: meeting.meetingId, cookie: sessions.cookies[idx + 1]! }));
  return { meeting, chair, specs };
}

export async function runSizeApp(server: EqualFloorServer, n: number, payloads: PartPayloads): Promise<SizePart> {
  const label = `EqualFloor (${server.driver}), ${n}`;
  await waitForQuiet(QUIET_WAIT_MS);
  log(`${label}: building a meeting of ${n}`);
  const { meeting, chair, specs } = await liveMeeting(server, n, `Server parts, ${n}`);
  chair.socket.on('meeting:events', ({ events }) => {
    payloads.handEvent ??= structuredClone(events.find((event) => event.type === 'queue.handRaised'));
  });
  try {
    const { storm, burst, enter } = await stormAndBurst(
      { url: server.url, mode: 'equalfloor', meetingId: meeting.meetingId, specs, metrics: (reset) => server.metrics(reset) },
      label,
    );
    payloads.enter = enter;
    return { system: 'equalfloor', driver: server.driver, participants: n, storm, burst };
  } finally {
    chair.close();
  }
}

export async function runSizeBare(baseline: BaselineServer, n: number, payloads: PartPayloads): Promise<SizePart> {
  if (!payloads.enter || !payloads.handEvent) throw new Error('no enter answer or hand was captured from EqualFloor for the bare server');
  await waitForQuiet(QUIET_WAIT_MS);
  await baseline.setup({ enter: payloads.enter, event: payloads.handEvent });
  const specs: ClientSpec[] = Array.from({ length: n }, (_, idx) => ({ idx, meetingId: 'baseline' }));
  const { storm, burst } = await stormAndBurst(
    { url: baseline.url, mode: 'baseline', meetingId: 'baseline', specs, metrics: (reset) => baseline.metrics(reset) },
    `bare socket.io, ${n}`,
  );
  return { system: 'baseline', driver: 'none', participants: n, storm, burst };
}

/**
 * Caption lines forwarded to a Zoom stand-in while `viewers` clients are connected: 50 final
 * lines at 5 a second, each timed from its POST to the stand-in's receipt.
 */
export async function runCaptionForwarding(server: EqualFloorServer, viewers: number): Promise<CaptionForwardingPart> {
  const label = `caption forwarding (${server.driver})`;
  await waitForQuiet(QUIET_WAIT_MS);
  const zoom = await startZoomStandIn({ slowMs: 7_000 });
  zoom.started = true;
  // The stand-in keeps what it showed; the time it showed each line is taken as it is added.
  const shownAt = new Map<string, number>();
  const show = zoom.shown.push.bind(zoom.shown);
  zoom.shown.push = (...lines: ShownCaption[]) => {
    for (const line of lines) shownAt.set(line.text.trim(), now());
    return show(...lines);
  };
  log(`${label}: building a meeting of ${viewers} viewers`);
  const { meeting, chair, specs } = await liveMeeting(server, viewers, `Caption forwarding, ${viewers}`);
  const { pool, groups } = oneMeetingLayout(specs);
  try {
    const secretariat = await signInSecretariat(server.url);
    const added = await secretariat.post(`/api/meetings/${meeting.meetingId}/caption-destinations`, { kind: 'zoom', url: zoom.tokenUrl });
    if (added.status !== 201) throw new Error(`adding the caption destination answered ${added.status}`);
    const connected = await pool.connect(server.url, 'equalfloor', groups, CONNECT_CONCURRENCY, 240_000);
    if (connected.failed) log(`${label}: ${connected.failed} viewers failed to join`);
    log(
      `${label} — load: ${viewers - connected.failed} viewers, 1 meeting, ${CAPTION_LINES} caption lines at ${1_000 / CAPTION_INTERVAL_MS}/s, one Zoom destination`,
    );
    await server.metrics(true);
    const texts = captionLines(CAPTION_LINES).map((line) => line.text);
    const postedAt = new Map<string, number>();
    const startAt = now() + 300;
    for (const [index, text] of texts.entries()) {
      await sleepUntil(startAt + index * CAPTION_INTERVAL_MS);
      postedAt.set(text, now());
      const response = await fetch(`${meeting.captionUrl}&seq=${index + 1}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, final: true }),
        signal: AbortSignal.timeout(WAIT_MS),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`caption post answered ${response.status}`);
    }
    const deadline = now() + WAIT_MS;
    while (texts.some((text) => !shownAt.has(text)) && now() < deadline) await sleep(50);
    const end = await server.metrics();
    const forwarded = texts.filter((text) => shownAt.has(text));
    const part: CaptionForwardingPart = {
      driver: server.driver,
      viewers: viewers - connected.failed,
      lines: texts.length,
      forwardMs: summarize(forwarded.map((text) => shownAt.get(text)! - postedAt.get(text)!)),
      missing: texts.length - forwarded.length,
      loopDelayMs: end.loopDelayMs,
    };
    log(`${label}: POST → destination p50/p99 ${part.forwardMs.p50}/${part.forwardMs.p99} ms, ${part.missing} lines not received`);
    return part;
  } finally {
    chair.close();
    await pool.closeClients().catch(() => undefined);
    await pool.stop();
    await zoom.close();
    await sleep(1_000);
  }
}
