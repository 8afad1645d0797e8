/** The migrations in drizzle/ must be exactly what drizzle-kit generates from the schema. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('drizzle migrations', () => {
  it('agree with the schema: generating from it adds no migration', () => {
    // drizzle-kit wants a relative output folder.
    mkdirSync('node_modules/.cache', { recursive: true });
    const copy = relative(process.cwd(), mkdtempSync('node_modules/.cache/migrations-check-'));
    try {
      cpSync('drizzle', copy, { recursive: true });
      const before = readdirSync(copy).filter((name) => name.endsWith('.sql'));
      const output = execFileSync(
        'node_modules/.bin/drizzle-kit',
        ['generate', '--dialect', 'postgresql', '--schema', 'server/db/schema.ts', '--out', copy],
        { encoding: 'utf8' },
      );
      const after = readdirSync(copy).filter((name) => name.endsWith('.sql'));
      expect(output).toMatch(/No schema changes/);
      expect(after, `the schema changed without a migration: run npm run db:generate\n${output}`).toEqual(before);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);
});
