/**
 * The physical floor of this stack: a bare socket.io server (same version, no
 * authentication, no database, one room) in its own process, doing what EqualFloor does on
 * the wire and nothing else:
 *
 * - `meeting:enter` is answered with the answer EqualFloor gave a member (`POST /setup`
 *   `{ enter }`), so a join storm sends the same bytes;
 * - `meeting:command` is acknowledged with the next number and broadcasts the event captured
 *   from EqualFloor (`POST /setup` `{ event }`) renumbered, through EqualFloor's own coalescing
 *   (server/live/broadcast.ts: at most one broadcast per `broadcastInterval(room size)`), so a
 *   burst of hands is sent in the same batches;
 * - `POST /emit` with `{ event, payload, volatile? }` emits a payload to the room (events
 *   through the same coalescing).
 *
 * `GET /metrics` and `POST /metrics/reset` answer the same figures as EqualFloor's
 * `/api/metrics` (server/metrics.ts: CPU, memory, event-loop delay).
 */
import { createServer, type IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import type { MeetingEvent } from '../../shared/meeting/types.ts';
import { broadcastInterval, CoalescingBroadcaster } from '../../server/live/broadcast.ts';
import { Metrics } from '../../server/metrics.ts';

const port = Number(process.env.PORT ?? 0);
const ROOM = 'meeting';
const MEETING_ID = 'baseline';

const metrics = new Metrics(true);
let enterAnswer: unknown = { ok: true, sync: { kind: 'events', events: [] } };
let template: MeetingEvent | undefined;
let counter = 0;

const roomSize = () => io.sockets.adapter.rooms.get(ROOM)?.size ?? 0;
const broadcaster = new CoalescingBroadcaster(
  (meetingId, events) => io.to(ROOM).emit('meeting:events', { meetingId, events }),
  () => broadcastInterval(roomSize()),
);

async function body(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString() || '{}');
}

const http = createServer((request, response) => {
  const answer = (value: unknown) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(value));
  };
  if (request.url === '/metrics' || request.url === '/metrics/reset') {
    answer(metrics.snapshot(io.engine.clientsCount, request.url === '/metrics/reset'));
    return;
  }
  if (request.method === 'POST' && (request.url === '/emit' || request.url === '/setup')) {
    void body(request).then((input) => {
      if (request.url === '/setup') {
        const setup = input as { enter?: unknown; event?: MeetingEvent };
        if (setup.enter) enterAnswer = setup.enter;
        if (setup.event) template = setup.event;
        counter = 0;
        answer({ ok: true });
        return;
      }
      const { event, payload, volatile } = input as { event: string; payload: { events?: MeetingEvent[] }; volatile?: boolean };
      if (event === 'meeting:events' && payload.events) broadcaster.broadcast(MEETING_ID, payload.events);
      else (volatile ? io.to(ROOM).volatile : io.to(ROOM)).emit(event, payload);
      answer({ ok: true });
    });
    return;
  }
  response.statusCode = 404;
  response.end();
});

const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
io.on('connection', (socket) => {
  void socket.join(ROOM);
  socket.on('meeting:enter', (_input: unknown, ack: (answer: unknown) => void) => {
    if (typeof ack === 'function') ack(enterAnswer);
  });
  socket.on('meeting:command', (_input: unknown, ack: (answer: unknown) => void) => {
    if (typeof ack !== 'function') return;
    if (!template) {
      ack({ ok: false, code: 'no-template', error: 'POST /setup an event first' });
      return;
    }
    counter += 1;
    ack({ ok: true, seq: counter });
    broadcaster.broadcast(MEETING_ID, [{ ...template, seq: counter }]);
  });
});

http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  console.log(`baseline listening on ${typeof address === 'object' && address ? address.port : port}`);
});
process.once('SIGTERM', () => {
  broadcaster.close();
  io.close();
  http.close(() => process.exit(0));
});
