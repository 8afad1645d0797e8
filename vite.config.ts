import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Writes a Brotli and a gzip copy of every text file of the build, once, at the best ratio:
 * the server sends them to browsers that accept them, so a participant on a slow line
 * downloads a fraction of the bytes, and the server spends nothing compressing.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'equalfloor-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
        );
      for (const file of walk(outDir).filter((name) => /\.(js|css|html|svg|json)$/.test(name))) {
        const content = readFileSync(file);
        if (content.length < 512) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));
const entry = resolve(root, 'client/main.ts');

/**
 * Everything the participant's page loads at once (the entry and all it imports statically) goes
 * in one chunk: without this, each module the entry shares with a staff or chair chunk loaded on
 * demand becomes a small chunk of its own, and on a slow line every extra file is a round trip.
 */
function participantChunk(): (
  moduleId: string,
  context: { getModuleInfo(id: string): { importedIds: readonly string[] } | null },
) => string | null {
  let reachable: Set<string> | undefined;
  return (moduleId, context) => {
    if (!reachable) {
      reachable = new Set([entry]);
      for (const id of reachable) for (const imported of context.getModuleInfo(id)?.importedIds ?? []) reachable.add(imported);
    }
    return reachable.has(moduleId) ? 'participant' : null;
  };
}
const apiTarget = `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: 'client',
  plugins: [svelte(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: participantChunk() }] } } },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  test: {
    root,
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files each start a server and a database; two at a time suits two cores.
    maxWorkers: 2,
  },
});
