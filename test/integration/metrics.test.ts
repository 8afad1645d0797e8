/**
 * `/api/metrics` with METRICS=1: only for whoever holds METRICS_TOKEN, a GET never resets,
 * `POST /api/metrics/reset` does; without a long enough token the server does not start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.ts';
import { startServerProcess } from '../support/server-process.ts';
import { DRIVERS, freePort, startTestServer, type TestServer } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';
import { addRoster, createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil } from '../support/live-client.ts';

const TOKEN = 'metrics-secret-0123456789abcdef';

async function metricsCall(server: TestServer, method: 'GET' | 'POST', path: string, authorization?: string) {
  const response = await fetch(server.baseUrl + path, {
    method,
    headers: { ...(authorization !== undefined && { authorization }), origin: server.baseUrl },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

describe('the server refuses to start with metrics but no usable secret', () => {
  it('needs METRICS_TOKEN with METRICS=1, of at least 16 characters', () => {
    expect(() => readConfig({ METRICS: '1' })).toThrow(/METRICS=1 needs METRICS_TOKEN/);
    expect(() => readConfig({ METRICS: '1', METRICS_TOKEN: 'short-secret' })).toThrow(/at least 16 characters/);
    expect(readConfig({ METRICS: '1', METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    expect(readConfig({}).metrics).toBe(false);
  });

  it('npm start prints the reason and exits instead of serving metrics to anyone', async () => {
    const process = startServerProcess({ METRICS: '1', PORT: String(await freePort()), DATA_DIR: '/nonexistent/never-used' });
    expect(await process.exited).toBe(1);
    expect(process.output()).toMatch(/EqualFloor cannot start: METRICS=1 needs METRICS_TOKEN/);
    expect(process.output()).not.toMatch(/ at .*\.ts:\d+/);
  });
});

describe.each(DRIVERS)('metrics behind a secret (%s)', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(driver, { env: { METRICS: '1', METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a missing, wrong or differently long token and answers the right one', async () => {
    for (const authorization of [
      undefined,
      'Bearer',
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `Basic ${TOKEN}`,
      TOKEN,
      `Bearer wrong-secret-of-same-len`,
    ]) {
      const answer = await metricsCall(server, 'GET', '/api/metrics', authorization);
      expect(answer.status, String(authorization)).toBe(401);
      expect(answer.body.error).toMatch(/METRICS_TOKEN/);
      expect(answer.body).not.toHaveProperty('appends');
      expect((await metricsCall(server, 'POST', '/api/metrics/reset', authorization)).status).toBe(401);
    }
    const answer = await metricsCall(server, 'GET', '/api/metrics', `Bearer ${TOKEN}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toMatchObject({ appends: expect.any(Number), connections: expect.any(Number), rssBytes: expect.any(Number) });
    // How late the event loop ran, in ms: what a burst costs everyone else on the server.
    expect(answer.body.loopDelayMs).toMatchObject({ p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) });
    expect(answer.body.loopDelayMs.p99).toBeGreaterThanOrEqual(answer.body.loopDelayMs.p50);
  });

  it('a GET never resets, even with ?reset=1; POST /api/metrics/reset does', async () => {
    const secretariat = await signInFirstSecretariat(server);
    const meetingId = await createMeeting(secretariat);
    const [chair] = await addRoster(secretariat, meetingId);
    const chairBrowser = await openJoinLink(server.baseUrl, chair!.joinUrl);
    const live = connectLive(server.baseUrl, chairBrowser, meetingId);
    try {
      await waitUntil(() => live.replica.status.state === 'live', 'the chair is connected');
      await live.command({ type: 'meeting.open' });
    } finally {
      live.close();
    }
    const before = await metricsCall(server, 'GET', '/api/metrics', `Bearer ${TOKEN}`);
    expect(before.body.appends).toBeGreaterThan(0);
    const again = await metricsCall(server, 'GET', '/api/metrics?reset=1', `Bearer ${TOKEN}`);
    expect(again.body.appends).toBe(before.body.appends);
    expect((await metricsCall(server, 'GET', '/api/metrics', `Bearer ${TOKEN}`)).body.appends).toBe(before.body.appends);

    const refused = await metricsCall(server, 'POST', '/api/metrics/reset', 'Bearer not-the-metrics-token!');
    expect(refused.status).toBe(401);
    expect((await metricsCall(server, 'GET', '/api/metrics', `Bearer ${TOKEN}`)).body.appends).toBe(before.body.appends);

    const reset = await metricsCall(server, 'POST', '/api/metrics/reset', `Bearer ${TOKEN}`);
    expect(reset.status).toBe(200);
    expect(reset.body.appends).toBe(before.body.appends);
    expect((await metricsCall(server, 'GET', '/api/metrics', `Bearer ${TOKEN}`)).body.appends).toBe(0);
  });
});

describe('without METRICS=1', () => {
  it('there is no metrics route at all', async () => {
    const server = await startTestServer('pglite', { env: { METRICS_TOKEN: TOKEN } });
    try {
      expect((await new HttpClient(server.baseUrl).get('/api/metrics')).status).toBe(404);
      expect((await metricsCall(server, 'GET', '/api/metrics', `Bearer ${TOKEN}`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
