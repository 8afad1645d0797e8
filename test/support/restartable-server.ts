/**
 * An EqualFloor server process that can be killed and started again on the same database
 * (PGlite's data folder or a scratch PostgreSQL) and port, signed in as its admin: for the tests
 * of crashes and restarts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, freePort, type DriverName } from './test-server.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { HttpClient } from './http-client.ts';

export const ADMIN = { email: 'admin@example.org', password: 'admin password 123' };

export type Cleanups = (() => Promise<unknown> | unknown)[];

/** A server on `driver` that `start()` starts (again) on the same database and port. */
export async function restartableServer(driver: DriverName, cleanups: Cleanups) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  if (driver === 'postgres') {
    const scratch = await createScratchDatabase();
    cleanups.push(() => scratch.drop());
    env.DATABASE_URL = scratch.url;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'equalfloor-restart-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    env.DATA_DIR = dataDir;
  }
  const processes: ServerProcess[] = [];
  cleanups.push(() => processes.forEach((server) => server.kill('SIGKILL')));
  const start = async () => {
    const server = startServerProcess(env);
    processes.push(server);
    await server.waitForOutput(/EqualFloor is running/, 60_000);
    return server;
  };
  const signIn = async () => {
    const secretariat = new HttpClient(baseUrl);
    const answer = await secretariat.post('/api/auth/login', ADMIN);
    if (answer.status !== 200) throw new Error(`admin sign-in answered ${answer.status}`);
    return secretariat;
  };
  return { baseUrl, start, signIn };
}
