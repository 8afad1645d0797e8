/**
 * Broadcasts written in slices (server/live/broadcast.ts): every connection receives every
 * broadcast once, in the order they were given, even when later broadcasts are given while
 * earlier ones are still being written slice by slice.
 */
import { createServer } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { encodeEvent, SlicedWriter } from '../../server/live/broadcast.ts';
import type { MeetingServer } from '../../server/live/socket-server.ts';
import { waitUntil } from '../support/live-client.ts';

describe('broadcasts written in slices', () => {
  const http = createServer();
  const io = new Server(http, { serveClient: false }) as unknown as MeetingServer;
  const clients: Socket[] = [];
  afterAll(async () => {
    clients.forEach((client) => client.disconnect());
    await io.close();
  });

  it('reach every connection once and in order, slice after slice', async () => {
    io.on('connection', (socket) => void socket.join('meeting:m'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const port = (http.address() as { port: number }).port;
    const received = new Map<Socket, number[]>();
    for (let i = 0; i < 12; i++) {
      const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
      received.set(client, []);
      client.on('meeting:events' as never, ({ n }: { n: number }) => void received.get(client)!.push(n));
      clients.push(client);
    }
    await waitUntil(() => (io.of('/').adapter.rooms.get('meeting:m')?.size ?? 0) === clients.length, 'everyone connected');

    // Slices of 5: each broadcast takes three turns of the event loop; 40 are given at once.
    const writer = new SlicedWriter(5);
    const namespace = io.of('/');
    const sockets = [...namespace.adapter.rooms.get('meeting:m')!].map((id) => namespace.sockets.get(id)!);
    const sent = Array.from({ length: 40 }, (_, n) => n + 1);
    for (const n of sent) writer.write(n % 2 ? sockets : [...sockets].reverse(), encodeEvent(io, 'meeting:events', { n }));
    await writer.drained();

    await waitUntil(() => [...received.values()].every((list) => list.length === sent.length), 'every broadcast received');
    for (const list of received.values()) expect(list).toEqual(sent);
  });
});
