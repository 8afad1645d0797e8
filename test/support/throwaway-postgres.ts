/**
 * A PostgreSQL cluster of the test's own, on its own port, that the test may stop and start
 * (the outage test). Made with the machine's PostgreSQL binaries; run as the postgres user.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * A free port below the kernel's range for outgoing connections (32768 and up), so that no
 * client socket of the tests running beside this one takes it while the cluster is down.
 */
async function portOutsideEphemeralRange(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

function binaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  const bin = version && join(root, version, 'bin');
  return bin && existsSync(join(bin, 'pg_ctl')) ? bin : undefined;
}

/** Whether this machine can run a throwaway cluster (PostgreSQL installed, and we are root or postgres). */
export function canRunThrowawayPostgres(): boolean {
  return binaries() !== undefined && (process.getuid?.() === 0 || process.env.USER === 'postgres');
}

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = binaries()!;
  const dir = mkdtempSync(join(tmpdir(), 'equalfloor-pg-'));
  const data = join(dir, 'data');
  const port = await portOutsideEphemeralRange();
  const asPostgres = (command: string, args: string[]) => {
    const run = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    execFileSync(run[0] as string, run[1] as string[], { stdio: 'pipe', timeout: 60_000 });
  };
  if (process.getuid?.() === 0)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const ctl = (action: 'start' | 'stop') =>
    asPostgres(
      'pg_ctl',
      action === 'start'
        ? ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']
        : ['-D', data, '-m', 'immediate', '-w', 'stop'],
    );
  ctl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctl('stop'),
    start: () => ctl('start'),
    destroy() {
      try {
        ctl('stop');
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
