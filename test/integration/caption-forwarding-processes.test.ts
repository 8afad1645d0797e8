/**
 * Two server processes on one PostgreSQL database, both storing caption lines of one meeting
 * with a Zoom destination (a stand-in in this process): one process at a time forwards it, so
 * every line arrives once, in the transcript's order, one post at a time.
 * Runs when PostgreSQL is available (TEST_DATABASE_URL), as CI ensures.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startTwoProcesses } from '../support/two-processes.ts';
import { startZoomStandIn } from '../support/zoom-stand-in.ts';

async function eventually(check: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(process.env.TEST_DATABASE_URL)('caption forwarding from two server processes', () => {
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('forwards each line once, in order, whichever process stored it', async () => {
    const zoom = await startZoomStandIn({ slowMs: 7_000 });
    zoom.started = true;
    cleanups.push(() => zoom.close());
    const { ports, secretariat, meetingId } = await startTwoProcesses(cleanups, ['Chair,civil society,Africa,chair']);
    const added = await secretariat.post(`/api/meetings/${meetingId}/caption-destinations`, { kind: 'zoom', url: zoom.tokenUrl });
    expect(added.status).toBe(201);
    const captionUrl = new URL((await secretariat.get(`/api/meetings/${meetingId}`)).body.captionUrl as string);

    // Two captioning tools, one on each process, each posting its own lines as fast as answered.
    const post = async (port: number, text: string) => {
      const target = new URL(captionUrl);
      target.port = String(port);
      const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${text}\n` });
      expect(response.status).toBe(200);
    };
    await Promise.all(
      ports.map(async (port, tool) => {
        for (let n = 1; n <= 12; n++) await post(port, `Tool ${tool + 1}, line ${n}.`);
      }),
    );

    await eventually(() => zoom.shown.length >= 24, `24 lines at Zoom (have ${zoom.shown.length})`);
    const transcript = await secretariat.get(`/api/meetings/${meetingId}/transcript.json`);
    const stored = (transcript.body.segments as { text: string }[]).map((segment) => segment.text);
    expect(stored).toHaveLength(24);
    expect(zoom.shown.map((line) => line.text)).toEqual(stored);
    expect(zoom.shown.map((line) => line.seq)).toEqual(stored.map((_, index) => index + 1));
    expect(zoom.posts.filter((line) => line.repeat)).toEqual([]);
    expect(zoom.mostAtOnce).toBe(1);
  }, 180_000);
});
