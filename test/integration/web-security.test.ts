/**
 * Web security through the real server: security headers with a content security policy,
 * sessions that are replaced at sign-in and refused once expired, and logs that never
 * carry a password, a token or a join link.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freePort, startTestServer, type TestServer } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';
import { SECRETARIAT, addRoster, createMeeting, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { startServerProcess } from '../support/server-process.ts';
import { sessions } from '../../server/db/schema.ts';

describe('web security', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    // Staff exist, as on a real server: the checks below hold with an account in place.
    await signInFirstSecretariat(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('sends security headers with a content security policy that allows no inline script', async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('replaces the session at sign-in, so a session planted before cannot be used after', async () => {
    const browser = new HttpClient(server.baseUrl);
    await browser.post('/api/auth/login', { email: SECRETARIAT.email, password: SECRETARIAT.password });
    const before = browser.cookie;
    await browser.post('/api/auth/login', { email: SECRETARIAT.email, password: SECRETARIAT.password });
    expect(browser.cookie).not.toBe(before);
    const planted = new HttpClient(server.baseUrl);
    planted.cookie = before;
    expect((await planted.get('/api/me')).body.kind).toBe('anonymous');
  });

  it('refuses an expired session', async () => {
    const browser = new HttpClient(server.baseUrl);
    await browser.post('/api/auth/login', { email: SECRETARIAT.email, password: SECRETARIAT.password });
    expect((await browser.get('/api/meetings')).status).toBe(200);
    const sessionId = browser.cookie!.split('=')[1]!;
    await server.app.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, sessionId));
    expect((await browser.get('/api/meetings')).status).toBe(401);
  });

  it('keeps passwords, tokens, cookies and join links out of the logs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'equalfloor-logs-'));
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const password = 'a very secret password 123';
    const process = startServerProcess({
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'debug',
      ADMIN_EMAIL: 'logs@example.org',
      ADMIN_PASSWORD: password,
    });
    try {
      await process.waitForOutput(/EqualFloor is running/);
      const staff = new HttpClient(baseUrl);
      await staff.post('/api/auth/login', { email: 'logs@example.org', password });
      await staff.post('/api/auth/login', { email: 'logs@example.org', password: 'wrong but secret 456' });
      const meetingId = await createMeeting(staff);
      const [entry] = await addRoster(staff, meetingId);
      const token = new URL(entry!.joinUrl).pathname.split('/').pop()!;
      await fetch(`${baseUrl}/join/${token}`);
      const participant = new HttpClient(baseUrl);
      await participant.post('/api/join', { token });
      await participant.get(`/api/meetings/${meetingId}/page`);
      const setup = (await staff.get(`/api/meetings/${meetingId}`)).body;
      await fetch(setup.captionUrl + '&seq=1', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello\n' });
      await new Promise((resolve) => setTimeout(resolve, 300));

      const logs = process.output();
      expect(logs).toMatch(/"url":"\/join\/\[token\]"/);
      for (const secret of [
        password,
        'wrong but secret 456',
        token,
        staff.cookie!.split('=')[1]!,
        participant.cookie!.split('=')[1]!,
        new URL(setup.captionUrl).searchParams.get('token')!,
      ]) {
        expect(logs.includes(secret), `a secret in the logs: ${secret.slice(0, 6)}…`).toBe(false);
      }
    } finally {
      process.kill('SIGKILL');
      await process.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
