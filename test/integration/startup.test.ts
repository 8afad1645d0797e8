/**
 * `npm start`'s server as a real process on a data folder: the set-up link on first run,
 * the refusal of a second process on the same folder, and everything kept across a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function kill(server: ServerProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.child.pid!, signal);
  } catch {
    // Already gone.
  }
}

function startServerProcess(dataDir: string, port: number): ServerProcess {
  const child = spawn(TSX, ['server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', CLIENT_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that a kill reaches tsx's node child too.
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(server: ServerProcess, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = server.output().match(pattern);
    if (match) return match;
    if (server.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`did not print ${pattern}; printed:\n${server.output()}`);
}

describe('the server process on a data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'equalfloor-start-'));
  const running: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of running) kill(server, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a set-up link, refuses a second process, and keeps accounts and meetings across a restart', async () => {
    const port = await freePort();
    const first = startServerProcess(dataDir, port);
    running.push(first);
    const [, setupPath] = await waitForOutput(first, /http:\/\/localhost:\d+(\/setup\/[A-Za-z0-9_-]+)/);
    const baseUrl = `http://localhost:${port}`;

    const secretariat = new HttpClient(baseUrl);
    const token = setupPath!.split('/').pop();
    const created = await secretariat.post('/api/setup', {
      token,
      name: 'Eleonora Mazzucchi',
      email: 'em@example.org',
      password: 'a long enough password',
    });
    expect(created.status).toBe(200);
    const meeting = await secretariat.post('/api/meetings', {
      title: 'MAG Virtual Meeting II',
      startsAtLocal: '2021-03-03T13:00',
      timeZone: 'UTC',
      plannedMinutes: 120,
    });
    expect(meeting.status).toBe(201);

    const second = startServerProcess(dataDir, await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already in use by another EqualFloor process/);

    kill(first, 'SIGTERM');
    await first.exited;

    const restarted = startServerProcess(dataDir, port);
    running.push(restarted);
    await waitForOutput(restarted, /EqualFloor is running/);
    expect(restarted.output()).not.toMatch(/\/setup\//);
    const again = new HttpClient(baseUrl);
    expect((await again.post('/api/auth/login', { email: 'em@example.org', password: 'a long enough password' })).status).toBe(200);
    const meetings = await again.get('/api/meetings');
    expect(meetings.body.meetings.map((m: { title: string }) => m.title)).toEqual(['MAG Virtual Meeting II']);
    kill(restarted, 'SIGTERM');
    await restarted.exited;
  }, 90_000);

  it('restarts after a crash that left its lock behind', async () => {
    const port = await freePort();
    const crashed = startServerProcess(dataDir, port);
    running.push(crashed);
    await waitForOutput(crashed, /EqualFloor is running/);
    kill(crashed, 'SIGKILL');
    await crashed.exited;

    const restarted = startServerProcess(dataDir, port);
    running.push(restarted);
    await waitForOutput(restarted, /EqualFloor is running/);
    const again = new HttpClient(`http://localhost:${port}`);
    expect((await again.post('/api/auth/login', { email: 'em@example.org', password: 'a long enough password' })).status).toBe(200);
    kill(restarted, 'SIGTERM');
    await restarted.exited;
  }, 90_000);
});
