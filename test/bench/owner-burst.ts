/**
 * `npx tsx test/bench/owner-burst.ts [processes] [clients]`: a burst of 100 hands in one meeting
 * whose clients are spread over `processes` server processes on PostgreSQL (behind a TCP
 * balancer), as test/integration/meeting-owner.test.ts starts them. Prints what a participant
 * would notice: hands refused, clients that were sent events out of order, their gap re-syncs,
 * and each hand's time from sending until every client holds it (p50, p99, max).
 *
 * PostgreSQL: TEST_DATABASE_URL (a scratch database is created and dropped).
 */
import { startProcesses } from '../support/two-processes.ts';
import { openJoinLink } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';

const processes = Number(process.argv[2] ?? 2);
const clientCount = Number(process.argv[3] ?? 500);
const HANDS = 100;

const cleanups: (() => unknown)[] = [];
try {
  const roster = [
    'Chair Person,civil society,Africa,chair',
    ...Array.from({ length: clientCount - 1 }, (_, i) => `Member ${i + 1},government,WEOG,member`),
  ];
  const { publicUrl, meetingId, roster: rows } = await startProcesses(processes, cleanups, roster);
  const browsers = [];
  for (const row of rows) browsers.push(await openJoinLink(publicUrl, row.joinUrl));
  /** For each client: the seqs it was broadcast, in order, and when each came. */
  const seen = new Map<LiveClient, { seqs: number[]; at: Map<number, number>; syncs: number }>();
  const clients = browsers.map((browser) => {
    const client = connectLive(publicUrl, browser, meetingId);
    const record = { seqs: [] as number[], at: new Map<number, number>(), syncs: 0 };
    seen.set(client, record);
    client.socket.on('meeting:events', ({ events }) => {
      const now = performance.now();
      for (const event of events) {
        record.seqs.push(event.seq);
        if (!record.at.has(event.seq)) record.at.set(event.seq, now);
      }
    });
    const emit = client.socket.emit.bind(client.socket) as (event: string, ...args: unknown[]) => unknown;
    (client.socket as unknown as { emit: typeof emit }).emit = (event, ...args) => {
      if (event === 'meeting:sync') record.syncs++;
      return emit(event, ...args);
    };
    return client;
  });
  cleanups.push(() => clients.forEach((client) => client.close()));
  await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'everyone connected', 120_000);
  const [chair, ...members] = clients as [LiveClient, ...LiveClient[]];
  await chair.command({ type: 'meeting.open' });
  await chair.command({ type: 'agenda.startItem', itemId: chair.replica.state!.agenda[0]!.id });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  for (const record of seen.values()) record.syncs = 0;

  // One second of hands from 100 members spread over the processes.
  const started = performance.now();
  const results = await Promise.all(
    members.slice(0, HANDS).map(async (member, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * 1_000) / HANDS));
      const sentAt = performance.now();
      return { sentAt, result: await member.replica.send({ type: 'queue.raiseHand' }) };
    }),
  );
  const last = Math.max(...results.map(({ result }) => (result.ok ? result.seq : 0)));
  await waitUntil(() => clients.every((client) => (client.replica.state?.seq ?? 0) >= last), 'every client holds every hand', 120_000);
  const refused = results.filter(({ result }) => !result.ok);
  const latencies = results
    .flatMap(({ sentAt, result }) =>
      result.ok ? [Math.max(...clients.map((client) => seen.get(client)!.at.get(result.seq) ?? performance.now())) - sentAt] : [],
    )
    .sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? NaN);
  const outOfOrder = [...seen.values()].filter(({ seqs }) => seqs.some((seq, i) => i > 0 && seq <= seqs[i - 1]!)).length;
  const syncs = [...seen.values()].reduce((sum, record) => sum + record.syncs, 0);
  console.log(
    JSON.stringify({
      processes,
      clients: clientCount,
      hands: HANDS,
      refused: refused.length,
      refusals: [...new Set(refused.map(({ result }) => (result.ok ? '' : `${result.code}: ${result.error}`)))],
      clientsSentEventsOutOfOrder: outOfOrder,
      gapResyncs: syncs,
      perHandMs: { p50: at(0.5), p99: at(0.99), max: at(1) },
      burstMs: Math.round(performance.now() - started),
    }),
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
  process.exit();
}
