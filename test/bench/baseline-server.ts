/**
 * The physical floor of this stack: a bare socket.io server (same version, no
 * authentication, no database, one room) in its own process. Every connection joins the
 * room; `POST /emit` with `{ event, payload, volatile? }` emits the payload to the room,
 * as EqualFloor emits a meeting's broadcasts. `GET /metrics` answers its memory and CPU.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const ROOM = 'meeting';

const http = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/metrics') {
    const usage = process.cpuUsage();
    const memory = process.memoryUsage();
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        connections: io.engine.clientsCount,
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        cpuUserMicros: usage.user,
        cpuSystemMicros: usage.system,
      }),
    );
    return;
  }
  if (request.method === 'POST' && request.url === '/emit') {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { event, payload, volatile } = JSON.parse(Buffer.concat(chunks).toString()) as {
        event: string;
        payload: unknown;
        volatile?: boolean;
      };
      const target = io.to(ROOM);
      (volatile ? target.volatile : target).emit(event, payload);
      response.end('{"ok":true}');
    });
    return;
  }
  response.statusCode = 404;
  response.end();
});

const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
io.on('connection', (socket) => void socket.join(ROOM));

http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  console.log(`baseline listening on ${typeof address === 'object' && address ? address.port : port}`);
});
process.once('SIGTERM', () => {
  io.close();
  http.close(() => process.exit(0));
});
