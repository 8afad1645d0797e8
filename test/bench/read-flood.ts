/**
 * The server's memory around a flood of costly reads: `tsx test/bench/read-flood.ts [pglite|postgres]`.
 * One member's link tries 300 sockets at once (5 are let in), and those sockets send 3 000
 * `meeting:sync` and `captions:history` requests; the server's RSS and heap are printed before,
 * right after, and after full garbage collections. PostgreSQL needs TEST_DATABASE_URL.
 */
import { io } from 'socket.io-client';
import { HttpClient } from '../support/http-client.ts';
import { connectLive, waitUntil } from '../support/live-client.ts';
import { startEqualFloor, type ServerMetrics } from './servers.ts';
import { createBenchMeeting, openJoinLink, signInSecretariat } from './setup.ts';
import { sleep } from './stats.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';

const driver = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const show = (label: string, metrics: ServerMetrics) =>
  console.log(
    `${label.padEnd(34)} RSS ${MB(metrics.rssBytes).padStart(7)} MB   heap used ${MB(metrics.heapUsedBytes).padStart(7)} MB   connections ${metrics.connections}`,
  );

const server = await startEqualFloor({ driver });
try {
  const secretariat = await signInSecretariat(server.url);
  const meeting = await createBenchMeeting(secretariat, 'Read flood', 20);
  const chairBrowser = new HttpClient(server.url);
  chairBrowser.cookie = await openJoinLink(server.url, meeting.chair.joinUrl);
  const chair = connectLive(server.url, chairBrowser, meeting.meetingId);
  await waitUntil(() => chair.replica.status.state === 'live', 'the chair is live', 60_000);
  await chair.command({ type: 'meeting.open' });
  const memberCookie = await openJoinLink(server.url, meeting.members[0]!.joinUrl);

  const settled = async () => {
    for (let round = 0; round < 3; round += 1) await server.collectGarbage();
    return server.metrics();
  };
  const before = await settled();

  const sockets = Array.from({ length: 300 }, () =>
    io(server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { origin: server.url, cookie: memberCookie },
    }),
  );
  const outcomes = await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<string>((resolve) => {
          socket.on('connect', () => resolve('connected'));
          socket.on('connect_error', (error: Error & { data?: { code?: string } }) => resolve(error.data?.code ?? 'error'));
        }),
    ),
  );
  const open = sockets.filter((socket) => socket.connected);
  for (const socket of open) await socket.emitWithAck('meeting:enter', { meetingId: meeting.meetingId, protocolVersion: PROTOCOL_VERSION });
  const codes = new Map<string, number>();
  const started = performance.now();
  for (let batch = 0; batch < 3000; batch += 100) {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) => {
        const socket = open[(batch + index) % open.length]!;
        return (
          index % 2 === 0
            ? socket.emitWithAck('meeting:sync', { meetingId: meeting.meetingId, afterSeq: 0 })
            : socket.emitWithAck('captions:history', { meetingId: meeting.meetingId })
        ) as Promise<{ ok: boolean; code?: string }>;
      }),
    );
    for (const answer of answers) codes.set(answer.ok ? 'ok' : answer.code!, (codes.get(answer.ok ? 'ok' : answer.code!) ?? 0) + 1);
  }
  const floodMs = performance.now() - started;
  const during = await server.metrics();
  for (const socket of sockets) socket.disconnect();
  await sleep(1_000);
  const after = await server.metrics();
  const afterGc = await settled();

  const connections = new Map<string, number>();
  for (const outcome of outcomes) connections.set(outcome, (connections.get(outcome) ?? 0) + 1);
  console.log(`\nread flood on ${driver}: 300 sockets for one link → ${[...connections].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  console.log(
    `3 000 reads over ${open.length} sockets in ${Math.round(floodMs)} ms → ${[...codes].map(([k, n]) => `${n} ${k}`).join(', ')}\n`,
  );
  show('before (after GC)', before);
  show('right after the flood', during);
  show('sockets closed, 1 s later', after);
  show('after GC', afterGc);
  chair.close();
} finally {
  await server.stop();
}
