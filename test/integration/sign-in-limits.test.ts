/**
 * Sign-in throttling that a stranger cannot turn against the owner: failures are counted per
 * email and address together, and per address overall — never per email alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import { HttpClient, send } from '../support/http-client.ts';
import { SECRETARIAT, signInFirstSecretariat } from '../support/meeting-fixtures.ts';

describe.each(DRIVERS)('sign-in limits on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  const owner = { name: 'Staff Chair', email: 'staff.chair@example.org', password: 'the owner password', staffRole: 'chair' };

  beforeAll(async () => {
    // 127.0.0.3 is left out of the general per-address request limit (30 a minute), so that
    // the sign-in throttle's own per-address figure (50 in 15 minutes) can be reached.
    server = await startTestServer(driver, { env: { RATE_LIMIT_ALLOWLIST: '127.0.0.3' } });
    secretariat = await signInFirstSecretariat(server);
    expect((await secretariat.post('/api/accounts', owner)).status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('someone guessing an email from another address cannot lock its owner out', async () => {
    const attacker = new HttpClient(server.baseUrl, server.baseUrl, '127.0.0.2');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      statuses.push((await attacker.post('/api/auth/login', { email: owner.email, password: `guess ${attempt}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // Even the right password does not get the guesser in while they are throttled.
    const guessed = await attacker.post('/api/auth/login', { email: owner.email, password: owner.password });
    expect(guessed.status).toBe(429);
    expect(guessed.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(attacker.cookie).toBeUndefined();
    // Naming another address in X-Forwarded-For changes nothing (no proxy is trusted).
    const forwarded = await send(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { origin: server.baseUrl, 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
      body: JSON.stringify({ email: owner.email, password: 'guess 9' }),
      localAddress: '127.0.0.2',
    });
    expect(forwarded.status).toBe(429);

    // The owner, from their own address: a typo is an ordinary 401, the password gets them in.
    const ownerBrowser = new HttpClient(server.baseUrl, server.baseUrl, '127.0.0.1');
    expect((await ownerBrowser.post('/api/auth/login', { email: owner.email, password: 'a typo' })).status).toBe(401);
    const signedIn = await ownerBrowser.post('/api/auth/login', { email: owner.email, password: owner.password });
    expect(signedIn.status).toBe(200);
    expect((await ownerBrowser.get('/api/me')).body).toMatchObject({ kind: 'staff', user: { email: owner.email } });
  });

  it('one address trying many emails is stopped after 50 failures; other addresses are not', async () => {
    const sprayer = new HttpClient(server.baseUrl, server.baseUrl, '127.0.0.3');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 52; attempt++) {
      statuses.push((await sprayer.post('/api/auth/login', { email: `person${attempt}@example.org`, password: 'Summer2026!' })).status);
    }
    expect(statuses.slice(0, 50).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(50)).toEqual([429, 429]);
    const blocked = await sprayer.post('/api/auth/login', { email: SECRETARIAT.email, password: SECRETARIAT.password });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.error).toMatch(/Too many failed sign-ins/);

    const elsewhere = new HttpClient(server.baseUrl, server.baseUrl, '127.0.0.4');
    expect((await elsewhere.post('/api/auth/login', { email: SECRETARIAT.email, password: SECRETARIAT.password })).status).toBe(200);
  });
});
