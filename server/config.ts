/** Settings from the environment, each with its default; the README's table lists them. */
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Where people reach this server; join links and the Origin check are built from it. */
  publicUrl: string;
  /** Other origins allowed to open sockets and send requests (the Vite dev server). */
  extraOrigins: string[];
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Behind a reverse proxy that sets X-Forwarded-*. */
  trustProxy: boolean;
  logLevel: string;
  /** Built client files; the server serves them when the folder exists. */
  clientDir: string;
  /** Caption posts accepted per caption token per minute (refused posts are limited per address). */
  captionPostsPerMinute: number;
  /** Addresses the HTTP rate limits do not apply to (a trusted gateway, the benchmarks). */
  rateLimitAllowList: string[];
  /** Collect figures for the benchmarks and serve them at /api/metrics. */
  metrics: boolean;
  /** The secret `/api/metrics` asks for as `Authorization: Bearer …` (required with METRICS=1). */
  metricsToken: string | undefined;
}

/** The shortest METRICS_TOKEN accepted: long enough that it cannot be guessed. */
export const METRICS_TOKEN_MIN_LENGTH = 16;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort(env.PORT ?? '3000');
  const host = env.HOST ?? '0.0.0.0';
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new Error(`PUBLIC_URL is not a URL: ${publicUrl}`);
  }
  return {
    port,
    host,
    publicUrl,
    extraOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    clientDir: resolve(env.CLIENT_DIR ?? './dist/client'),
    captionPostsPerMinute: positiveInteger('CAPTION_POSTS_PER_MINUTE', env.CAPTION_POSTS_PER_MINUTE ?? '600'),
    rateLimitAllowList: (env.RATE_LIMIT_ALLOWLIST ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean),
    metrics: env.METRICS === '1',
    metricsToken: metricsToken(env),
  };
}

function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = env.METRICS_TOKEN || undefined;
  if (env.METRICS !== '1') return token;
  if (token === undefined) {
    throw new Error(
      `METRICS=1 needs METRICS_TOKEN, a secret of at least ${METRICS_TOKEN_MIN_LENGTH} characters that /api/metrics asks for.`,
    );
  }
  if (token.length < METRICS_TOKEN_MIN_LENGTH) {
    throw new Error(`METRICS_TOKEN must be at least ${METRICS_TOKEN_MIN_LENGTH} characters long, not ${token.length}.`);
  }
  return token;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not ${text}`);
  }
  return port;
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0, not ${text}`);
  return value;
}
