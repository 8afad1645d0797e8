/**
 * Caption streams on two server processes sharing one PostgreSQL database: a reader on each
 * process gets every line, whichever process stored it, and both streams close when the read
 * token is revoked through either. Runs when PostgreSQL is available (TEST_DATABASE_URL), as CI ensures.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startTwoProcesses } from '../support/two-processes.ts';
import { openEventStream } from '../support/event-stream.ts';
import type { NewCaptionReadToken } from '../../shared/caption-read.ts';

describe.runIf(process.env.TEST_DATABASE_URL)('caption streams on two server processes', () => {
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('gives each reader every line in order, and closes every stream when the token is revoked', async () => {
    const { ports, secretariat, meetingId } = await startTwoProcesses(cleanups, ['Chair,civil society,Africa,chair']);
    const made = await secretariat.post<{ readToken: NewCaptionReadToken }>(`/api/meetings/${meetingId}/caption-read-tokens`, {});
    expect(made.status).toBe(201);
    const { id, token } = made.body.readToken;
    const streams = await Promise.all(
      ports.map((port) => openEventStream(`http://127.0.0.1:${port}/api/meetings/${meetingId}/captions/stream?token=${token}`)),
    );
    cleanups.push(() => streams.forEach((stream) => stream.close()));
    expect(streams.map((stream) => stream.status)).toEqual([200, 200]);

    const captionUrl = new URL((await secretariat.get(`/api/meetings/${meetingId}`)).body.captionUrl as string);
    for (let n = 1; n <= 6; n++) {
      const target = new URL(captionUrl);
      target.port = String(ports[n % 2]);
      target.searchParams.set('seq', String(n));
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `Line ${n}.\n`,
      });
      expect(response.status).toBe(200);
    }
    const lines = (stream: (typeof streams)[number]) => stream.events.filter((event) => event.event === 'line');
    for (const stream of streams) {
      await stream.waitFor(() => lines(stream).length === 6, 'six lines on each stream');
      expect(lines(stream).map((event) => [event.id, JSON.parse(event.data).text])).toEqual(
        Array.from({ length: 6 }, (_, index) => [String(index + 1), `Line ${index + 1}.`]),
      );
    }

    expect((await secretariat.delete(`/api/meetings/${meetingId}/caption-read-tokens/${id}`)).status).toBe(204);
    await Promise.all(streams.map((stream) => stream.ended));
    expect(streams.map((stream) => stream.events.at(-1)?.event)).toEqual(['revoked', 'revoked']);
  }, 120_000);
});
