/**
 * `npx tsx test/bench/broadcast-slices.ts [connections]`: how long one broadcast to a large
 * meeting holds the event loop, written at once (socket.io's room broadcast) and in slices
 * (server/live/broadcast.ts's SlicedWriter). Loopback only; the clients run in a child process.
 *
 * For each way, 20 broadcasts of a burst's batch (100 hands, ≈ 20 KB) go to every connection,
 * 200 ms apart, while perf_hooks' monitorEventLoopDelay watches the loop: its maximum is the
 * longest time anything else on the server (a command, a ping) had to wait.
 */
import { createServer } from 'node:http';
import { fork } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { encodeEvent, SlicedWriter } from '../../server/live/broadcast.ts';
import type { MeetingServer } from '../../server/live/socket-server.ts';

const ROOM = 'meeting:bench';
const BROADCASTS = 20;

if (process.argv[2] === 'clients') await runClients(Number(process.argv[3]), Number(process.argv[4]));
else await runServer(Number(process.argv[2] ?? 5_000));

async function runServer(connections: number): Promise<void> {
  const http = createServer();
  const io = new Server(http, { serveClient: false }) as unknown as MeetingServer;
  io.on('connection', (socket) => void socket.join(ROOM));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as { port: number }).port;

  const clients = fork(fileURLToPath(import.meta.url), ['clients', String(port), String(connections)], { execArgv: ['--import', 'tsx'] });
  const received = new Promise<void>((resolve) => clients.on('message', (message) => message === 'received' && resolve()));
  while ((io.of('/').adapter.rooms.get(ROOM)?.size ?? 0) < connections) await sleep(200);
  console.log(`${connections} connections in the meeting`);

  const batch = { meetingId: 'bench', events: handsBatch(100) };
  console.log(`batch: ${JSON.stringify(batch).length} bytes`);
  const writer = new SlicedWriter();
  let longestEmitMs = 0;
  const ways: [string, () => void][] = [
    [
      'at once (io.to(room).emit)',
      () => {
        const started = performance.now();
        io.to(ROOM).emit('meeting:events', batch as never);
        longestEmitMs = Math.max(longestEmitMs, performance.now() - started);
      },
    ],
    [
      'in slices of 500 (SlicedWriter)',
      () => {
        const namespace = io.of('/');
        const sockets = [...namespace.adapter.rooms.get(ROOM)!].flatMap((id) => namespace.sockets.get(id) ?? []);
        writer.write(sockets, encodeEvent(io, 'meeting:events', batch));
      },
    ],
  ];
  for (const [name, broadcast] of ways) {
    await sleep(1_000);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = performance.now();
    for (let i = 0; i < BROADCASTS; i++) {
      broadcast();
      await sleep(200);
    }
    await writer.drained();
    delay.disable();
    const longest = name.startsWith('at once') ? longestEmitMs : writer.longestSliceMs;
    console.log(
      `${name}: longest write ${longest.toFixed(1)} ms; loop held at most ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, p99.9 ${(delay.percentile(99.9) / 1e6).toFixed(1)} ms, mean ${(delay.mean / 1e6).toFixed(1)} ms over ${BROADCASTS} broadcasts (${Math.round(performance.now() - started)} ms)`,
    );
  }
  clients.send('count');
  await received;
  clients.kill();
  await io.close();
  process.exit(0);
}

async function runClients(port: number, connections: number): Promise<void> {
  let events = 0;
  for (let i = 0; i < connections; i++) {
    const socket = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
    socket.on('meeting:events', () => events++);
    if (i % 100 === 99) await sleep(20);
  }
  process.on('message', () => {
    console.log(`clients received ${events} broadcasts (expected ${connections * BROADCASTS * 2})`);
    process.send!('received');
  });
}

/** A burst's batch as the server broadcasts it: 100 hands raised. */
function handsBatch(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    type: 'queue.handRaised',
    seq: 1_000 + i,
    at: Date.now(),
    actor: { participantId: `participant-${i}`, name: `Member ${i + 1}` },
    itemId: 'item-1',
    entry: { id: `entry-${i}`, participantId: `participant-${i}`, name: `Member ${i + 1}`, raisedAt: Date.now(), kind: 'speak' },
  }));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
