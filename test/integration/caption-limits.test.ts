/**
 * Caption posts cannot be used to shut out the real captioning software: the token is
 * checked first, accepted posts are counted per token, refused posts per client address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import { send, type HttpClient } from '../support/http-client.ts';
import { createMeeting, signInFirstSecretariat } from '../support/meeting-fixtures.ts';

const POSTS_PER_MINUTE = 40;
const FAILED_PER_MINUTE = 30;

describe.each(DRIVERS)('caption limits on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(driver, { env: { CAPTION_POSTS_PER_MINUTE: String(POSTS_PER_MINUTE) } });
    secretariat = await signInFirstSecretariat(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function captionUrl(meetingId: string): Promise<URL> {
    return new URL((await secretariat.get(`/api/meetings/${meetingId}`)).body.captionUrl);
  }

  async function post(url: URL, text: string, params: Record<string, string> = {}, localAddress?: string) {
    const target = new URL(url);
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    const answer = await send(target.toString(), {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: text,
      ...(localAddress && { localAddress }),
    });
    return {
      status: answer.status,
      retryAfter: answer.headers.get('retry-after'),
      body: JSON.parse(answer.text) as Record<string, unknown>,
    };
  }

  const transcript = async (meetingId: string) =>
    (await secretariat.get(`/api/meetings/${meetingId}/transcript.json`)).body.segments as { text: string }[];

  it('650 posts with a wrong token are refused, then limited per address; the valid token keeps posting', async () => {
    const meetingId = await createMeeting(secretariat, 'Caption flood');
    const url = await captionUrl(meetingId);
    const wrong = new URL(url);
    wrong.searchParams.set('token', 'x'.repeat(32));

    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let batch = 0; batch < 650; batch += 50) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, index) => post(wrong, `forged ${batch + index}\n`, {}, '127.0.0.2')),
      );
      for (const answer of answers) {
        statuses.push(answer.status);
        if (answer.status === 429) retryAfter = answer.retryAfter;
        expect(answer.body.error).toEqual(expect.any(String));
      }
    }
    expect(statuses.filter((status) => status === 403)).toHaveLength(FAILED_PER_MINUTE);
    expect(statuses.filter((status) => status === 429)).toHaveLength(650 - FAILED_PER_MINUTE);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);

    // The real captioning software, from its own address and from the attacker's: still accepted.
    expect(await post(url, 'Welcome to the meeting.\n', { seq: '1' })).toMatchObject({ status: 200, body: { applied: true, seq: 1 } });
    expect(await post(url, 'Same network, right token.\n', { seq: '2' }, '127.0.0.2')).toMatchObject({
      status: 200,
      body: { applied: true },
    });
    // Another address that made no mistakes is not limited by the flood.
    expect((await post(wrong, 'one typo\n', {}, '127.0.0.3')).status).toBe(403);

    expect((await transcript(meetingId)).map((segment) => segment.text)).toEqual(['Welcome to the meeting.', 'Same network, right token.']);
  });

  it('counts accepted posts per caption token: one meeting past its limit does not slow another', async () => {
    const busy = await createMeeting(secretariat, 'Busy captions');
    const calm = await createMeeting(secretariat, 'Calm captions');
    const busyUrl = await captionUrl(busy);
    const calmUrl = await captionUrl(calm);

    const answers = [];
    for (let seq = 1; seq <= POSTS_PER_MINUTE + 3; seq += 1) answers.push(await post(busyUrl, `line ${seq}\n`, { seq: String(seq) }));
    expect(answers.slice(0, POSTS_PER_MINUTE).every((answer) => answer.status === 200)).toBe(true);
    const limited = answers.slice(POSTS_PER_MINUTE);
    expect(limited.map((answer) => answer.status)).toEqual([429, 429, 429]);
    expect(Number(limited[0]!.retryAfter)).toBeGreaterThan(0);
    expect(limited[0]!.body.error).toMatch(/too fast/);
    expect(await transcript(busy)).toHaveLength(POSTS_PER_MINUTE);

    expect(await post(calmUrl, 'Calm meeting goes on.\n', { seq: '1' })).toMatchObject({ status: 200, body: { applied: true } });
    expect(await transcript(calm)).toHaveLength(1);
  });

  it('a bad caption URL (malformed token, unknown meeting) counts as a refusal of its address', async () => {
    const meetingId = await createMeeting(secretariat, 'Malformed tokens');
    const url = await captionUrl(meetingId);
    const unknown = new URL(url);
    unknown.pathname = '/api/captions/no-such-meeting';
    const malformed = new URL(url);
    malformed.searchParams.set('token', 'short');
    const statuses = [];
    for (let index = 0; index < FAILED_PER_MINUTE + 2; index += 1) {
      statuses.push((await post(index % 2 ? unknown : malformed, 'x\n', {}, '127.0.0.4')).status);
    }
    expect(statuses.slice(0, FAILED_PER_MINUTE).every((status) => status === 400 || status === 403)).toBe(true);
    expect(statuses.slice(FAILED_PER_MINUTE)).toEqual([429, 429]);
    expect((await post(url, 'still fine\n', {}, '127.0.0.4')).status).toBe(200);
  });

  it('wrong caption tokens on the socket are limited per address; the valid token still connects', async () => {
    const meetingId = await createMeeting(secretariat, 'Socket flood');
    const token = (await captionUrl(meetingId)).searchParams.get('token')!;
    const connect = (captionToken: string) =>
      new Promise<{ connected: boolean; code?: string }>((resolve) => {
        const socket: Socket = io(server.baseUrl, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          auth: { meetingId, captionToken },
        });
        socket.on('connect', () => {
          socket.disconnect();
          resolve({ connected: true });
        });
        socket.on('connect_error', (error) => {
          socket.disconnect();
          resolve({ connected: false, code: (error as Error & { data?: { code?: string } }).data?.code });
        });
      });
    const codes: (string | undefined)[] = [];
    for (let index = 0; index < FAILED_PER_MINUTE + 5; index += 1) codes.push((await connect('y'.repeat(32))).code);
    expect(codes.slice(0, FAILED_PER_MINUTE).every((code) => code === 'unauthenticated')).toBe(true);
    expect(codes.slice(FAILED_PER_MINUTE).every((code) => code === 'rate-limited')).toBe(true);
    expect(await connect(token)).toEqual({ connected: true });
  });
});
