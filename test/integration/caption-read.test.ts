/**
 * Other tools reading a meeting's finished caption lines with a read token, through the real
 * server: the secretariat makes one (shown once, stored hashed) and revokes it; a pull in
 * StreamText's shape gives the lines after `last` in order; a Server-Sent Events stream gives
 * each line with its position as `id:`, resumes from Last-Event-ID, sends heartbeats and is closed
 * when the token is revoked. Another meeting's token, a revoked one and a bad `last` are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { addRoster, createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { openEventStream } from '../support/event-stream.ts';
import type { CaptionPull, CaptionStreamLine, NewCaptionReadToken } from '../../shared/caption-read.ts';
import { PULLS_PER_MINUTE } from '../../shared/caption-read.ts';

describe.each(DRIVERS)('reading captions with a read token on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function meetingWithToken() {
    const meetingId = await createMeeting(secretariat);
    const made = await secretariat.post<{ readToken: NewCaptionReadToken }>(`/api/meetings/${meetingId}/caption-read-tokens`, {});
    expect(made.status).toBe(201);
    const captionUrl = (await secretariat.get(`/api/meetings/${meetingId}`)).body.captionUrl as string;
    let seq = 0;
    const say = async (...lines: string[]) => {
      const target = new URL(captionUrl);
      target.searchParams.set('seq', String((seq += 1)));
      target.searchParams.set('lang', 'fr');
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: lines.map((line) => `${line}\n`).join(''),
      });
      expect(response.status).toBe(200);
    };
    const pull = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.baseUrl}/api/meetings/${meetingId}/captions/pull?${query}`, { headers });
      // Any web page may read with a token, and learn why it was refused.
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      return { status: response.status, body: (await response.json()) as CaptionPull & { error?: string } };
    };
    return { meetingId, readToken: made.body.readToken, say, pull };
  }

  it('is made by the secretariat only, shown once and listed by its hint', async () => {
    const { meetingId, readToken } = await meetingWithToken();
    expect(readToken.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readToken.pullUrl).toBe(`${server.baseUrl}/api/meetings/${meetingId}/captions/pull?token=${readToken.token}&last=0`);
    expect(readToken.streamUrl).toBe(`${server.baseUrl}/api/meetings/${meetingId}/captions/stream?token=${readToken.token}`);
    const listed = await secretariat.get(`/api/meetings/${meetingId}/caption-read-tokens`);
    expect(listed.body.readTokens).toEqual([{ id: readToken.id, hint: readToken.token.slice(-4), createdAt: readToken.createdAt }]);
    expect(JSON.stringify(listed.body)).not.toContain(readToken.token);

    const [chairEntry] = await addRoster(secretariat, meetingId);
    const chair = await openJoinLink(server.baseUrl, chairEntry!.joinUrl);
    expect((await chair.post(`/api/meetings/${meetingId}/caption-read-tokens`, {})).status).toBe(403);
    expect((await chair.delete(`/api/meetings/${meetingId}/caption-read-tokens/${readToken.id}`)).status).toBe(403);
  });

  it('pulls the finished lines after last, in order, with the token in the query or a header', async () => {
    const { readToken, say, pull } = await meetingWithToken();
    const token = readToken.token;
    expect(await pull(`token=${token}&last=0`)).toEqual({ status: 200, body: { content: '', lastPosition: 0, languageCode: null } });

    await say('Bonjour à tous.', 'Merci, Madame la Présidente.');
    await say('Je donne la parole au Brésil.');
    const all = await pull(`token=${token}&last=0`);
    expect(all.body).toEqual({
      content: 'Bonjour à tous.\nMerci, Madame la Présidente.\nJe donne la parole au Brésil.\n',
      lastPosition: 3,
      languageCode: 'fr',
    });
    // Resumed from the lastPosition given: only what came since.
    expect((await pull(`token=${token}&last=2`)).body.content).toBe('Je donne la parole au Brésil.\n');
    expect((await pull(`token=${token}&last=3`)).body).toEqual({ content: '', lastPosition: 3, languageCode: null });
    expect((await pull('last=1', { authorization: `Bearer ${token}` })).body.content).toBe(
      'Merci, Madame la Présidente.\nJe donne la parole au Brésil.\n',
    );
    // The floor's lines are not the French channel's: nothing there, and the position goes on.
    expect((await pull(`token=${token}&last=0&channel=fr`)).body).toEqual({ content: '', lastPosition: 3, languageCode: 'fr' });

    // A bad last is refused clearly.
    const words = await pull(`token=${token}&last=abc`);
    expect(words.status).toBe(400);
    expect(words.body.error).toMatch(/last.*whole number/);
    const beyond = await pull(`token=${token}&last=9`);
    expect(beyond.status).toBe(400);
    expect(beyond.body.error).toMatch(/beyond the meeting's last line \(3\)/);
    expect((await pull(`token=${token}&last=-1`)).status).toBe(400);
    expect((await pull(`token=${token}&channel=klingon`)).status).toBe(400);
  });

  it("refuses no token, another meeting's token and a revoked one", async () => {
    const first = await meetingWithToken();
    const second = await meetingWithToken();
    await first.say('Line one.');
    const none = await first.pull('last=0');
    expect(none.status).toBe(403);
    expect(none.body.error).toMatch(/read token is needed/);
    const other = await first.pull(`token=${second.readToken.token}`);
    expect(other.status).toBe(403);
    expect(other.body.error).toMatch(/not valid for this meeting/);

    expect((await secretariat.delete(`/api/meetings/${first.meetingId}/caption-read-tokens/${first.readToken.id}`)).status).toBe(204);
    expect((await first.pull(`token=${first.readToken.token}`)).status).toBe(403);
    expect((await secretariat.get(`/api/meetings/${first.meetingId}/caption-read-tokens`)).body.readTokens).toEqual([]);
    expect((await secretariat.delete(`/api/meetings/${first.meetingId}/caption-read-tokens/${first.readToken.id}`)).status).toBe(404);
    // The other meeting's token still reads its own meeting.
    expect((await second.pull(`token=${second.readToken.token}`)).status).toBe(200);
  });

  it('streams each line with its position, resumes from Last-Event-ID, and closes when the token is revoked', async () => {
    const { meetingId, readToken, say } = await meetingWithToken();
    await say('One.', 'Two.', 'Three.');
    const lines = (events: { event: string; data: string }[]) =>
      events.filter((event) => event.event === 'line').map((event) => JSON.parse(event.data) as CaptionStreamLine);

    const stream = await openEventStream(`${readToken.streamUrl}&last=1`);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    expect(stream.allowOrigin).toBe('*');
    await stream.waitFor((events) => lines(events).length === 2, 'the lines after 1');
    await say('Four.');
    await stream.waitFor((events) => lines(events).length === 3, 'the new line');
    expect(stream.events.filter((event) => event.event === 'line').map((event) => event.id)).toEqual(['2', '3', '4']);
    expect(lines(stream.events).map(({ position, text, language }) => ({ position, text, language }))).toEqual([
      { position: 2, text: 'Two.', language: 'fr' },
      { position: 3, text: 'Three.', language: 'fr' },
      { position: 4, text: 'Four.', language: 'fr' },
    ]);

    // A reconnecting reader sends the last id it had (over the address's `last`), and gets what came after.
    const resumed = await openEventStream(`${readToken.streamUrl}&last=0`, { 'last-event-id': '3' });
    await resumed.waitFor((events) => lines(events).length === 1, 'the line after 3');
    expect(lines(resumed.events).map((line) => line.text)).toEqual(['Four.']);
    resumed.close();
    const badResume = await fetch(readToken.streamUrl, { headers: { 'last-event-id': 'yesterday' } });
    expect(badResume.status).toBe(400);
    expect(((await badResume.json()) as { error: string }).error).toMatch(/Last-Event-ID/);
    expect((await fetch(`${readToken.streamUrl}&last=99`)).status).toBe(400);

    // Quiet, the stream sends heartbeats (every 15 s).
    await stream.waitFor(() => stream.comments.includes('heartbeat'), 'a heartbeat', 20_000);

    expect((await secretariat.delete(`/api/meetings/${meetingId}/caption-read-tokens/${readToken.id}`)).status).toBe(204);
    await stream.ended;
    expect(stream.events.at(-1)?.event).toBe('revoked');
    expect((await fetch(readToken.streamUrl)).status).toBe(403);
  }, 40_000);

  it('limits the pulls of one token to a number a minute', async () => {
    const { pull, readToken } = await meetingWithToken();
    for (let n = 0; n < PULLS_PER_MINUTE; n++) expect((await pull(`token=${readToken.token}`)).status).toBe(200);
    const refused = await fetch(readToken.pullUrl);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
