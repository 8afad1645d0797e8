/**
 * Captions through the real server: the whole caption transcript of the 2021 MAG meeting
 * replayed through the HTTP ingestion API, in chunks with retries and backspace corrections,
 * comes back out as the same turns and words; WebVTT and SRT are well formed; bad posts are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { createMeeting, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { captionTranscript2021 } from '../support/seeds.ts';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';

interface Turn {
  speaker: string;
  paragraphs: string[];
}

/** The seed's turns: `>> NAME:  text` starts one; the lines after it are its paragraphs. */
function seedTurns(): Turn[] {
  const text = captionTranscript2021();
  const body = text.slice(text.indexOf('***') + 3);
  const turns: Turn[] = [];
  for (const line of body.split('\n')) {
    const marker = /^\s*>> ([^:]+):\s*(.*)$/.exec(line);
    if (marker) {
      turns.push({ speaker: marker[1]!.trim(), paragraphs: [] });
      if (marker[2]!.trim()) turns.at(-1)!.paragraphs.push(marker[2]!.trim());
    } else if (line.trim() && turns.length > 0) {
      turns.at(-1)!.paragraphs.push(line.trim());
    }
  }
  return turns;
}

/** Turns as a reader compares them: speaker in capitals, the words in order; a speaker's consecutive turns are one. */
function normalise(turns: Turn[]): { speaker: string; words: string[] }[] {
  const merged: { speaker: string; words: string[] }[] = [];
  for (const turn of turns) {
    const speaker = turn.speaker.toLocaleUpperCase();
    const words = turn.paragraphs.join(' ').split(/\s+/).filter(Boolean);
    if (merged.at(-1)?.speaker === speaker) merged.at(-1)!.words.push(...words);
    else merged.push({ speaker, words });
  }
  return merged;
}

function exportedTurns(transcript: string): Turn[] {
  const body = transcript.slice(transcript.indexOf('***') + 3);
  const turns: Turn[] = [];
  for (const line of body.split('\n')) {
    const marker = /^>> (.+?): {2}(.*)$/.exec(line);
    if (marker) turns.push({ speaker: marker[1]!, paragraphs: [marker[2]!] });
    else if (line.trim()) turns.at(-1)!.paragraphs.push(line.trim());
  }
  return turns;
}

describe.each(DRIVERS)('captions on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(driver, { env: { CAPTION_POSTS_PER_MINUTE: '1000000' } });
    secretariat = await signInFirstSecretariat(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function captionUrl(meetingId: string): Promise<URL> {
    const setup = await secretariat.get(`/api/meetings/${meetingId}`);
    return new URL(setup.body.captionUrl);
  }

  async function post(url: URL, body: string, params: Record<string, string>, contentType = 'text/plain; charset=utf-8') {
    const target = new URL(url);
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    const response = await fetch(target, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('replays the 2021 MAG transcript through the ingestion API: same turns, same words', async () => {
    const meetingId = await createMeeting(secretariat, 'IGF 2021 MAG Virtual Meeting II');
    const url = await captionUrl(meetingId);
    const turns = seedTurns();
    expect(turns.length).toBeGreaterThan(100);

    let seq = 0;
    let posts = 0;
    for (const turn of turns) {
      for (const paragraph of turn.paragraphs) {
        const words = paragraph.split(/\s+/).filter(Boolean);
        for (let start = 0; start < words.length; start += 12) {
          const chunk = words.slice(start, start + 12).join(' ') + (start + 12 < words.length ? ' ' : '\n');
          // Every fifth post carries a typo that the captioner takes back with backspaces.
          const body = posts % 5 === 4 ? `${chunk.trimEnd()} teh\b\b\b${chunk.endsWith('\n') ? '\n' : ' '}` : chunk;
          seq += 1;
          posts += 1;
          const answer = await post(url, body, { seq: String(seq), speaker: turn.speaker, lang: 'en-US' });
          expect(answer).toEqual({ status: 200, body: { applied: true, seq } });
          // Every seventh post is retried, as after a lost answer: applied once.
          if (posts % 7 === 0) {
            expect(await post(url, body, { seq: String(seq), speaker: turn.speaker })).toEqual({
              status: 200,
              body: { applied: false, seq },
            });
          }
        }
      }
    }

    const transcript = await secretariat.get(`/api/meetings/${meetingId}/transcript.txt`);
    expect(transcript.status).toBe(200);
    expect(transcript.body).toMatch(/^IGF 2021 MAG Virtual Meeting II\n/);
    expect(transcript.body).toMatch(/should not be treated as an authoritative record/);
    expect(normalise(exportedTurns(transcript.body))).toEqual(normalise(turns));
  }, 180_000);

  it('writes WebVTT with increasing cue times and voice tags, and SRT', async () => {
    const meetingId = await createMeeting(secretariat, 'Cue check');
    const url = await captionUrl(meetingId);
    const lines = [
      ['CHAIR', 'Welcome to everyone, our MAG members.'],
      ['CHAIR', 'If there are no objections, can we consider this agenda adopted?'],
      ['CHENGETAI MASANGO', 'Thank you, Chair <and> all.'],
    ];
    for (const [index, [speaker, text]] of lines.entries()) {
      await post(url, JSON.stringify({ text: text!, final: true, speaker }), { seq: String(index + 1) }, 'application/json');
    }
    const vtt = (await secretariat.get(`/api/meetings/${meetingId}/transcript.vtt`)).body as string;
    const cues = vtt.trim().split(/\n\n/);
    expect(cues[0]).toBe('WEBVTT');
    const parsed = cues.slice(1).map((cue) => {
      const [, timing, payload] = cue.split('\n');
      const [start, end] = timing!.split(' --> ').map((time) => {
        const [h, m, s] = time.split(':');
        return Number(h) * 3600 + Number(m) * 60 + Number(s);
      });
      return { start: start!, end: end!, payload: payload! };
    });
    expect(parsed).toHaveLength(3);
    for (const [index, cue] of parsed.entries()) {
      expect(cue.end).toBeGreaterThan(cue.start);
      if (index > 0) expect(cue.start).toBeGreaterThan(parsed[index - 1]!.start);
      expect(cue.payload).toMatch(/^<v [^>]+>/);
    }
    expect(parsed[2]!.payload).toBe('<v CHENGETAI MASANGO>Thank you, Chair &lt;and&gt; all.');
    const srt = (await secretariat.get(`/api/meetings/${meetingId}/transcript.srt`)).body as string;
    expect(srt).toMatch(/^1\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\nCHAIR: Welcome to everyone/);
  });

  it('takes a socket stream from captioning software with the caption token, and nothing else from it', async () => {
    const meetingId = await createMeeting(secretariat, 'Socket stream');
    const token = (await captionUrl(meetingId)).searchParams.get('token')!;
    const connect = (captionToken: string) => {
      const socket = io(server.baseUrl, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { meetingId, captionToken },
      });
      return new Promise<{ socket: typeof socket; ok: boolean }>((resolve) => {
        socket.once('connect', () => resolve({ socket, ok: true }));
        socket.once('connect_error', () => resolve({ socket, ok: false }));
      });
    };
    const refused = await connect('x'.repeat(43));
    expect(refused.ok).toBe(false);
    refused.socket.close();
    const { socket } = await connect(token);
    try {
      expect(await socket.emitWithAck('captions:stream', { meetingId, text: 'Good morning, teh\b\b\bthe ', speaker: 'CHAIR' })).toEqual({
        ok: true,
      });
      expect(await socket.emitWithAck('captions:stream', { meetingId, text: 'agenda is adopted.\n' })).toEqual({ ok: true });
      expect(await socket.emitWithAck('meeting:enter', { meetingId, protocolVersion: PROTOCOL_VERSION })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      expect(await socket.emitWithAck('captions:stream', { meetingId: 'm_other', text: 'x\n' })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      const json = (await secretariat.get(`/api/meetings/${meetingId}/transcript.json`)).body;
      expect(json.segments.map((segment: { speakerName: string; text: string }) => [segment.speakerName, segment.text])).toEqual([
        ['CHAIR', 'Good morning, the agenda is adopted.'],
      ]);
    } finally {
      socket.close();
    }
  });

  it('refuses a bad token, a non-UTF-8 body, an oversized post and a malformed JSON post, changing nothing', async () => {
    const meetingId = await createMeeting(secretariat, 'Refusals');
    const url = await captionUrl(meetingId);
    const badToken = new URL(url);
    badToken.searchParams.set('token', 'x'.repeat(43));
    expect((await post(badToken, 'hello\n', { seq: '1' })).status).toBe(403);

    const latin1 = await fetch(new URL(url + '&seq=1'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    });
    expect(latin1.status).toBe(400);
    expect(((await latin1.json()) as { error: string }).error).toMatch(/UTF-8/);

    const oversized = await post(url, 'word '.repeat(5000), { seq: '1' });
    expect(oversized.status).toBe(413);
    const malformed = await post(url, JSON.stringify({ text: 42 }), { seq: '1' }, 'application/json');
    expect(malformed.status).toBe(400);
    const badSeq = await post(url, 'hello\n', { seq: 'one' });
    expect(badSeq.status).toBe(400);

    const json = (await secretariat.get(`/api/meetings/${meetingId}/transcript.json`)).body;
    expect(json.segments).toEqual([]);
    // The feed still works after all that.
    expect((await post(url, 'Still here.\n', { seq: '1' })).body).toEqual({ applied: true, seq: 1 });
  });
});
