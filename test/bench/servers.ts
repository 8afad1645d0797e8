/**
 * The servers under test, each in its own process: EqualFloor as `npm start` runs it
 * (`server/main.ts` under tsx, file-backed PGlite in a scratch folder or a scratch
 * PostgreSQL database), and the bare socket.io baseline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { POSTGRES_OPTIONS } from '../../server/db/open.ts';
import { freePort } from '../support/test-server.ts';
import { sleep } from './stats.ts';
import { onServerCore } from './pinning.ts';

export const ADMIN = { email: 'bench@example.org', password: 'benchmark password 1' };

export interface ServerMetrics {
  appends: number;
  appendMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null };
  connections: number;
  rssBytes: number;
  heapUsedBytes: number;
  cpuUserMicros: number;
  cpuSystemMicros: number;
  /** How late the server's event loop ran since the last reset (monitorEventLoopDelay), in ms. */
  loopDelayMs: { p50: number; p99: number; max: number } | null;
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  output(): string;
  /** A full garbage collection in the server (see gc-probe.ts), before reading its memory. */
  collectGarbage(): Promise<void>;
  stop(): Promise<void>;
}

async function collectGarbage(child: ChildProcess): Promise<void> {
  child.kill('SIGUSR2');
  await sleep(1_000);
}

export interface EqualFloorServer extends RunningServer {
  driver: 'pglite' | 'postgres';
  /**
   * Stops the process and starts it again on the same database and port: the measures then
   * start from a fresh process, not one holding what building the roster left behind.
   */
  restart(): Promise<void>;
  metrics(reset?: boolean): Promise<ServerMetrics>;
}

const GC_PROBE = fileURLToPath(new URL('./gc-probe.ts', import.meta.url));

function spawnNode(script: string, args: string[], env: Record<string, string>, nodeArgs: string[] = []) {
  const [command, commandArgs] = onServerCore(process.execPath, [
    ...nodeArgs,
    '--expose-gc',
    '--import',
    'tsx',
    '--import',
    GC_PROBE,
    script,
    ...args,
  ]);
  const child = spawn(command, commandArgs, {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output: () => output };
}

async function waitFor(pattern: RegExp, output: () => string, child: ChildProcess, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = output().match(pattern);
    if (match) return match;
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  throw new Error(`the server did not print ${pattern}; it printed:\n${output()}`);
}

async function stopChild(child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** A scratch PostgreSQL database on BENCH_DATABASE_URL's server; `drop` removes it. */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `ef_bench_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { ...POSTGRES_OPTIONS, max: 1 });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = postgres(adminUrl, { ...POSTGRES_OPTIONS, max: 1 });
      try {
        await again.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await again.end();
      }
    },
  };
}

export async function startEqualFloor(options: {
  driver: 'pglite' | 'postgres';
  clientDir?: string;
  nodeArgs?: string[];
  env?: Record<string, string>;
}): Promise<EqualFloorServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'equalfloor-bench-'));
  const metricsToken = randomBytes(24).toString('base64url');
  const scratch = options.driver === 'postgres' ? await createScratchDatabase() : undefined;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    METRICS: '1',
    METRICS_TOKEN: metricsToken,
    RATE_LIMIT_ALLOWLIST: '127.0.0.1',
    CAPTION_POSTS_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
    CLIENT_DIR: options.clientDir ?? '/nonexistent',
    ...options.env,
  };
  const cleanUp = async () => {
    await scratch?.drop().catch((error: unknown) => console.error(`could not drop the scratch database: ${error}`));
    rmSync(dataDir, { recursive: true, force: true });
  };
  let earlier = '';
  const launch = async () => {
    const started = spawnNode('server/main.ts', [], env, options.nodeArgs);
    try {
      await waitFor(/EqualFloor is running at/, started.output, started.child, 120_000);
    } catch (error) {
      await stopChild(started.child);
      throw error;
    }
    return started;
  };
  let current: ReturnType<typeof spawnNode>;
  try {
    current = await launch();
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    driver: options.driver,
    url,
    get child() {
      return current.child;
    },
    output: () => earlier + current.output(),
    collectGarbage: () => collectGarbage(current.child),
    async metrics(reset = false) {
      const path = reset ? '/api/metrics/reset' : '/api/metrics';
      const response = await fetch(url + path, {
        method: reset ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${metricsToken}` },
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`${reset ? 'POST' : 'GET'} ${path} answered ${response.status}`);
      return (await response.json()) as ServerMetrics;
    },
    async restart() {
      await stopChild(current.child);
      earlier += current.output();
      current = await launch();
    },
    async stop() {
      await stopChild(current.child);
      await cleanUp();
    },
  };
}

export interface BaselineServer extends RunningServer {
  metrics(reset?: boolean): Promise<ServerMetrics>;
  /** What the bare server answers to `meeting:enter` and broadcasts for a `meeting:command` (captured from EqualFloor). */
  setup(payloads: { enter?: unknown; event?: unknown }): Promise<void>;
}

export async function startBaseline(): Promise<BaselineServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = spawnNode('test/bench/baseline-server.ts', [], { PORT: String(port) });
  await waitFor(/baseline listening/, output, child, 60_000);
  const call = async (path: string, body?: unknown) => {
    const response = await fetch(url + path, {
      method: body === undefined && path === '/metrics' ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`the baseline answered ${response.status} to ${path}`);
    return response.json() as Promise<unknown>;
  };
  return {
    url,
    child,
    output,
    collectGarbage: () => collectGarbage(child),
    stop: () => stopChild(child),
    metrics: async (reset = false) => (await call(reset ? '/metrics/reset' : '/metrics')) as ServerMetrics,
    setup: async (payloads) => void (await call('/setup', payloads)),
  };
}
