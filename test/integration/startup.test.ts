/**
 * `npm start`'s server as a real process on a data folder: the set-up link on first run,
 * the refusal of a second process on the same folder, and everything kept across a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';

describe('the server process on a data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'equalfloor-start-'));
  const running: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of running) server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a set-up link, refuses a second process, and keeps accounts and meetings across a restart', async () => {
    const port = await freePort();
    const first = startServerProcess({ DATA_DIR: dataDir, PORT: String(port) });
    running.push(first);
    const [, setupPath] = await first.waitForOutput(/http:\/\/localhost:\d+(\/setup\/[A-Za-z0-9_-]+)/);
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

    const second = startServerProcess({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already in use by another EqualFloor process/);

    first.kill('SIGTERM');
    await first.exited;

    const restarted = startServerProcess({ DATA_DIR: dataDir, PORT: String(port) });
    running.push(restarted);
    await restarted.waitForOutput(/EqualFloor is running/);
    expect(restarted.output()).not.toMatch(/\/setup\//);
    const again = new HttpClient(baseUrl);
    expect((await again.post('/api/auth/login', { email: 'em@example.org', password: 'a long enough password' })).status).toBe(200);
    const meetings = await again.get('/api/meetings');
    expect(meetings.body.meetings.map((m: { title: string }) => m.title)).toEqual(['MAG Virtual Meeting II']);
    restarted.kill('SIGTERM');
    await restarted.exited;
  }, 90_000);

  it('restarts after a crash that left its lock behind', async () => {
    const port = await freePort();
    const crashed = startServerProcess({ DATA_DIR: dataDir, PORT: String(port) });
    running.push(crashed);
    await crashed.waitForOutput(/EqualFloor is running/);
    crashed.kill('SIGKILL');
    await crashed.exited;

    const restarted = startServerProcess({ DATA_DIR: dataDir, PORT: String(port) });
    running.push(restarted);
    await restarted.waitForOutput(/EqualFloor is running/);
    const again = new HttpClient(`http://localhost:${port}`);
    expect((await again.post('/api/auth/login', { email: 'em@example.org', password: 'a long enough password' })).status).toBe(200);
    restarted.kill('SIGTERM');
    await restarted.exited;
  }, 90_000);
});
