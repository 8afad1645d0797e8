/**
 * Opens the database: PGlite in a data folder by default, PostgreSQL when a URL is given.
 * Migrations are applied on open, on either driver.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema.ts';
import { lockDataDir } from './data-dir-lock.ts';

export type Schema = typeof schema;
/** Either driver's database; code above the repositories never needs to know which. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface OpenDatabase {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** For the Socket.IO PostgreSQL adapter; undefined on PGlite. */
  postgresUrl: string | undefined;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = resolve(fileURLToPath(import.meta.url), '../../../drizzle');

export type DatabaseConfig =
  { kind: 'pglite'; dataDir: string } | { kind: 'pglite-memory' } | { kind: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  switch (config.kind) {
    case 'pglite':
      return openPglite(config.dataDir);
    case 'pglite-memory':
      return openPglite(undefined);
    case 'postgres':
      return openPostgres(config.url, config.poolSize ?? 10);
  }
}

async function openPglite(dataDir: string | undefined): Promise<OpenDatabase> {
  const lock = dataDir === undefined ? undefined : lockDataDir(dataDir);
  try {
    let client: PGlite;
    if (dataDir === undefined) {
      client = await PGlite.create();
    } else {
      const folder = join(dataDir, 'pglite');
      mkdirSync(folder, { recursive: true });
      client = await PGlite.create(folder);
    }
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db: db as unknown as Database,
      driver: 'pglite',
      postgresUrl: undefined,
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Serialises migrations when several processes start on one database at once. */
const MIGRATION_LOCK_KEY = 712_394_001;

/**
 * postgres.js options for every client: no notices in the logs, and no lookup of array types at
 * each new connection (the schema has no array columns). That lookup's failure — a connection
 * reset while PostgreSQL restarts — escapes postgres.js as an unhandled rejection
 * (porsager/postgres#1192), which would stop the process.
 */
export const POSTGRES_OPTIONS = { onnotice: () => {}, fetch_types: false } as const;

async function openPostgres(url: string, poolSize: number): Promise<OpenDatabase> {
  const migrationClient = postgres(url, { ...POSTGRES_OPTIONS, max: 1 });
  try {
    await migrationClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(migrationClient), { migrationsFolder: MIGRATIONS_FOLDER });
    await migrationClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrationClient.end();
  }
  const client = postgres(url, { ...POSTGRES_OPTIONS, max: poolSize });
  const db = drizzlePostgres(client, { schema });
  return {
    db: db as unknown as Database,
    driver: 'postgres',
    postgresUrl: url,
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}
