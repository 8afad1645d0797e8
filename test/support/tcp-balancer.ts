/**
 * A load balancer stand-in for scale-out tests: a TCP proxy on loopback that hands each new
 * connection to the next backend that accepts it (round robin), as a load balancer does
 * with WebSocket clients. A backend that is down is skipped.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Balancer {
  port: number;
  /** For each backend port, how many connections it was given. */
  handed: Map<number, number>;
  /** For each backend port, how many socket.io connections it was given. */
  sockets: Map<number, number>;
  close(): Promise<void>;
}

export async function startBalancer(backends: number[]): Promise<Balancer> {
  let next = 0;
  const handed = new Map<number, number>();
  const sockets = new Map<number, number>();
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.pause();
    const tryBackend = (attempt: number) => {
      if (attempt >= backends.length) {
        client.destroy();
        return;
      }
      const port = backends[next++ % backends.length]!;
      const upstream = connect(port, '127.0.0.1');
      upstream.once('connect', () => {
        handed.set(port, (handed.get(port) ?? 0) + 1);
        client.once('data', (chunk: Buffer) => {
          if (chunk.toString('latin1', 0, 16).startsWith('GET /socket.io/')) sockets.set(port, (sockets.get(port) ?? 0) + 1);
        });
        open.add(upstream);
        upstream.on('close', () => open.delete(upstream));
        client.pipe(upstream).pipe(client);
        client.resume();
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
      });
      upstream.once('error', () => tryBackend(attempt + 1));
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    handed,
    sockets,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
