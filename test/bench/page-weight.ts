/**
 * Page weight: the participant page's JavaScript and CSS after gzip (a vite build of its
 * own, measuring the entry chunk and its static imports from the build manifest, not the
 * staff and chair chunks loaded on demand), and the time until a participant on a
 * throttled connection (Chromium network emulation: 400 kbit/s, 400 ms round trip) can
 * raise a hand: open the join link, wait until the 'Raise hand' button is enabled.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { connectLive, waitUntil } from '../support/live-client.ts';
import { HttpClient } from '../support/http-client.ts';
import { startEqualFloor } from './servers.ts';
import { createBenchMeeting, openJoinLink, signInSecretariat } from './setup.ts';
import { log } from './scenarios.ts';
import { now, summarize, type Summary } from './stats.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const THROTTLE = { latencyMs: 400, kbitPerSecond: 400 };

export interface PageFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageWeightResult {
  /** The entry chunk and its static imports. */
  js: { files: PageFile[]; bytes: number; gzipBytes: number };
  css: { files: PageFile[]; bytes: number; gzipBytes: number };
  /** Chunks loaded on demand (staff, chair, captioner pages), not counted. */
  lazyChunks: number;
  /** JavaScript and CSS files the participant page requested in Chromium (should be the counted ones). */
  loadedByBrowser: string[];
  throttled: {
    latencyMs: number;
    kbitPerSecond: number;
    /** Join link opened → 'Raise hand' enabled, per run. */
    runsMs: number[];
    summary: Summary;
    /** Bytes received over the network in a run (as Chromium counts them, headers included). */
    transferredBytes: number;
    /** Whether the server sent the JavaScript compressed. */
    compressed: boolean;
  } | null;
  error?: string;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

function measure(outDir: string, file: string): PageFile {
  const content = readFileSync(join(outDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

function build(outDir: string): Record<string, ManifestChunk> {
  const vite = join(process.cwd(), 'node_modules/.bin/vite');
  const result = spawnSync(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
}

export async function runPageWeight(runs: number): Promise<PageWeightResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'equalfloor-bench-client-'));
  try {
    log('page weight: building the client with vite');
    const manifest = build(outDir);
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
    if (!entry) throw new Error('the build manifest has no entry');
    const jsFiles = new Set<string>();
    const cssFiles = new Set<string>();
    const visit = (chunk: ManifestChunk) => {
      if (jsFiles.has(chunk.file)) return;
      jsFiles.add(chunk.file);
      for (const css of chunk.css ?? []) cssFiles.add(css);
      for (const key of chunk.imports ?? []) visit(manifest[key]!);
    };
    visit(entry);
    const lazyChunks = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js') && !jsFiles.has(chunk.file)).length;
    const js = [...jsFiles].map((file) => measure(outDir, file));
    const css = [...cssFiles].map((file) => measure(outDir, file));
    const total = (files: PageFile[]) => ({
      files,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    });
    const result: PageWeightResult = { js: total(js), css: total(css), lazyChunks, loadedByBrowser: [], throttled: null };
    log(`page weight: participant page JS ${result.js.gzipBytes} B gzip (${result.js.bytes} B), CSS ${result.css.gzipBytes} B gzip`);
    try {
      Object.assign(result, await throttledJoin(outDir, runs));
    } catch (error) {
      result.error = String((error as Error)?.message ?? error);
      log(`page weight: the throttled run failed: ${result.error}`);
    }
    return result;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function throttledJoin(clientDir: string, runs: number): Promise<Pick<PageWeightResult, 'throttled' | 'loadedByBrowser'>> {
  const server = await startEqualFloor({ driver: 'pglite', clientDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const secretariat = await signInSecretariat(server.url);
    const meeting = await createBenchMeeting(secretariat, 'Page weight meeting', runs);
    const chairBrowser = new HttpClient(server.url);
    chairBrowser.cookie = await openJoinLink(server.url, meeting.chair.joinUrl);
    const chair = connectLive(server.url, chairBrowser, meeting.meetingId);
    await waitUntil(() => chair.replica.status.state === 'live', 'the chair is live', 30_000);
    await chair.command({ type: 'meeting.open' });
    await chair.command({ type: 'agenda.startItem', itemId: meeting.agendaIds[0]! });

    const runsMs: number[] = [];
    let transferredBytes = 0;
    let compressed = false;
    let loadedByBrowser: string[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const bytesPerSecond = (THROTTLE.kbitPerSecond * 1000) / 8;
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: THROTTLE.latencyMs,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: bytesPerSecond,
      });
      let received = 0;
      cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (received += event.encodedDataLength));
      const assets: string[] = [];
      page.on('response', (response) => {
        const path = new URL(response.url()).pathname;
        if (/\.(js|css)$/.test(path)) {
          assets.push(path.replace(/^\//, ''));
          if (path.endsWith('.js') && response.headers()['content-encoding']) compressed = true;
        }
      });
      const startedAt = now();
      await page.goto(meeting.members[run]!.joinUrl, { waitUntil: 'commit', timeout: 60_000 });
      const button = page.getByRole('button', { name: 'Raise hand' });
      await button.waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForFunction(
        () => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Raise hand' && !b.disabled),
        undefined,
        { timeout: 60_000, polling: 20 },
      );
      runsMs.push(Math.round(now() - startedAt));
      transferredBytes = received;
      loadedByBrowser = assets;
      await context.close();
    }
    chair.close();
    log(`page weight: raise hand usable after ${runsMs.join(', ')} ms on ${THROTTLE.kbitPerSecond} kbit/s, ${THROTTLE.latencyMs} ms RTT`);
    return {
      loadedByBrowser,
      throttled: {
        latencyMs: THROTTLE.latencyMs,
        kbitPerSecond: THROTTLE.kbitPerSecond,
        runsMs,
        summary: summarize(runsMs),
        transferredBytes,
        compressed,
      },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
