/**
 * Starts the real server for integration tests, on a free port, with a fresh database:
 * in-memory PGlite, or a new database on the PostgreSQL of TEST_DATABASE_URL.
 */
import { createServer } from 'node:net';
import postgres from 'postgres';
import { readConfig } from '../../server/config.ts';
import { startApp, type RunningApp } from '../../server/app.ts';
import { POSTGRES_OPTIONS, type DatabaseConfig } from '../../server/db/open.ts';

export type DriverName = 'pglite' | 'postgres';

/** The drivers to run integration tests on: always PGlite, PostgreSQL when TEST_DATABASE_URL is set. */
export const DRIVERS: DriverName[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A new, empty PostgreSQL database; `drop` removes it. */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `ef_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { ...POSTGRES_OPTIONS, max: 1 });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const admin2 = postgres(adminUrl, { ...POSTGRES_OPTIONS, max: 1 });
      await admin2.unsafe(`drop database if exists ${name} with (force)`);
      await admin2.end();
    },
  };
}

export interface TestServer {
  app: RunningApp;
  baseUrl: string;
  driver: DriverName;
  close(): Promise<void>;
}

export async function startTestServer(
  driver: DriverName,
  options: { databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  let databaseConfig: DatabaseConfig;
  if (driver === 'postgres') {
    const url = options.databaseUrl ?? (scratch = await createScratchDatabase()).url;
    databaseConfig = { kind: 'postgres', url, poolSize: 4 };
  } else {
    databaseConfig = { kind: 'pglite-memory' };
  }
  const config = readConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'silent',
    CLIENT_DIR: '/nonexistent',
    ...options.env,
  });
  const app = await startApp(config, databaseConfig);
  return {
    app,
    baseUrl,
    driver,
    async close() {
      await app.close();
      await scratch?.drop();
    },
  };
}
