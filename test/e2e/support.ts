/**
 * Small helpers shared by the browser tests. The server is the one global-setup.ts starts,
 * unless a spec starts its own with `startServer`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devices, expect, test, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { HttpClient } from '../support/http-client.ts';

function required(name: 'E2E_BASE_URL' | 'E2E_SETUP_LINK'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with \`npx playwright test\` (global-setup.ts sets it)`);
  return value;
}

/** An absolute address on the server under test: `appUrl('/meetings')`. */
export function appUrl(path: string): string {
  return new URL(path, required('E2E_BASE_URL')).toString();
}

/** The one-time link the server printed to create the first secretariat account. */
export function setupLink(): string {
  return required('E2E_SETUP_LINK');
}

/** A string as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Opens one of the chair console's panels below the cockpit, as a chair does: by its tab
 * ("Agenda", "Presentations", "Positions", "Decisions and actions", "Chat", "People", "Balance",
 * "Meeting"). The chosen tab is remembered on the device, so a test never relies on which is open.
 */
export async function openChairTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** A server of a spec's own, started by `startServer`. */
export interface SpecServer {
  baseUrl: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Stops the server (its whole process group) and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts a server of the spec's own (`tsx server/main.ts`, as `npm start` runs it after building
 * the client), on a fresh data folder and a free port, for specs that need a database nobody else
 * touches. `env` adds to or overrides the environment (ADMIN_EMAIL and ADMIN_PASSWORD create an account).
 * Resolves once the server says it is running.
 */
export async function startServer(env: Record<string, string> = {}): Promise<SpecServer> {
  // Loaded here, not at the top: test-server.ts loads the server's code, which specs on the global server do not need.
  const { freePort } = await import('../support/test-server.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'equalfloor-e2e-spec-'));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const child = spawn('node_modules/.bin/tsx', ['server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it reaches tsx's node child too.
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signal('SIGTERM');
      const stopped = await Promise.race([
        exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000)),
      ]);
      if (!stopped) signal('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (!output.includes('EqualFloor is running')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseUrl, output: () => output, stop };
}

/** A meeting the secretariat set up through the API, and how each person opens it. */
export interface SetUpMeeting {
  meetingId: string;
  /** The personal join link and code of a person on the roster, by name. */
  person(name: string): { joinUrl: string; personalCode: string };
  /** The room display's link. */
  displayUrl: string;
  /** The room link (`/r/CODE`) people in the room open. */
  roomUrl: string;
  /** The caption URL captioning software posts to. */
  captionUrl: string;
  /** The caption URL of each of the meeting's caption channels (the floor's first). */
  captionUrls: { channel: string; url: string }[];
}

/**
 * The secretariat sets a meeting up through the API, as the set-up page does: signs in, creates
 * the meeting, imports the agenda from text and the roster from CSV, and reads back the links.
 * Checks each step, and that every roster line was added.
 */
export async function setUpMeeting(
  baseUrl: string,
  setup: {
    admin: { email: string; password: string };
    meeting: Record<string, unknown>;
    agendaText: string;
    rosterCsv: string;
    /** UN languages to give caption channels of their own, besides the floor. */
    captionLanguages?: string[];
  },
): Promise<SetUpMeeting> {
  const api = new HttpClient(baseUrl);
  const login = await api.post('/api/auth/login', setup.admin);
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  const created = await api.post('/api/meetings', setup.meeting);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const meetingId: string = created.body.meeting.id;
  const path = `/api/meetings/${encodeURIComponent(meetingId)}`;
  const agenda = await api.put(`${path}/agenda`, { text: setup.agendaText });
  expect(agenda.status, JSON.stringify(agenda.body)).toBe(200);
  const roster = await api.post(`${path}/roster/import`, { csv: setup.rosterCsv });
  expect(roster.status, JSON.stringify(roster.body)).toBe(200);
  expect(roster.body.added).toBe(setup.rosterCsv.trim().split('\n').length - 1);
  if (setup.captionLanguages) {
    const channels = await api.put(`${path}/caption-channels`, { languages: setup.captionLanguages });
    expect(channels.status, JSON.stringify(channels.body)).toBe(200);
  }

  const view = await api.get(path);
  expect(view.status, JSON.stringify(view.body)).toBe(200);
  const people = view.body.roster as { name: string; joinUrl: string | null; personalCode: string | null }[];
  expect(view.body.displayUrl).toMatch(/\/display\/[A-Za-z0-9_-]+$/);
  expect(view.body.roomUrl).toMatch(/\/r\/[A-Za-z0-9_-]+$/);
  return {
    meetingId,
    person(name) {
      const entry = people.find((candidate) => candidate.name === name);
      if (!entry?.joinUrl || !entry.personalCode) throw new Error(`no join link for ${name}: ${JSON.stringify(people)}`);
      return { joinUrl: entry.joinUrl, personalCode: entry.personalCode };
    },
    displayUrl: view.body.displayUrl,
    roomUrl: view.body.roomUrl,
    captionUrl: view.body.captionUrl,
    captionUrls: view.body.captionUrls,
  };
}

/**
 * A server of the describe block's own, started before its tests and stopped after them: call it
 * at the top of `test.describe`; its `baseUrl` is there once the block's beforeAll has run.
 */
export function serverForSuite(env: Record<string, string> = {}): SpecServer {
  const server = {} as SpecServer;
  test.beforeAll(async () => {
    Object.assign(server, await startServer(env));
  });
  test.afterAll(async () => {
    await server.stop?.();
  });
  return server;
}

/** A page in a browser context of its own: one person's browser, with its own cookies and storage. */
export async function newPage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

/** A phone (a Pixel 7's screen, touch and user agent), in the browser the run uses. */
export const PHONE: BrowserContextOptions = (() => {
  const { defaultBrowserType: _browserType, ...phone } = devices['Pixel 7'];
  return phone;
})();

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where an element is drawn on the page; fails when it is not drawn. */
export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not drawn');
  return box;
}
