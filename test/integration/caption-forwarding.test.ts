/**
 * Finished caption lines forwarded to a Zoom closed-caption API token URL (a stand-in Zoom in
 * this process): lines posted before the Zoom meeting started, answers of 5xx and a slow answer
 * past the time-out, and the EqualFloor server killed mid-burst and started again. Every line
 * arrives once, in order, with seq rising by one and its text as the body; the secretariat sees
 * the destination's state, and nobody sees its URL whole.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DRIVERS } from '../support/test-server.ts';
import { eventually, postCaptionLine } from '../support/forwarding-server.ts';
import { restartableServer, type Cleanups } from '../support/restartable-server.ts';
import { addRoster, createMeeting, openJoinLink } from '../support/meeting-fixtures.ts';
import { startZoomStandIn } from '../support/zoom-stand-in.ts';
import type { CaptionDestinationView } from '../../shared/caption-destinations.ts';

/** Beyond the forwarder's 5 s time-out. */
const SLOW_MS = 7_000;

const lineText = (n: number) => `Line ${n}: Thank you, Chair — merci, gracias, 谢谢, شكرا, спасибо.`;

describe.each(DRIVERS)('caption forwarding to Zoom on %s', (driver) => {
  const cleanups: Cleanups = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('sends every finished line once, in order, through 400 before start, 5xx, a time-out and a restart', async () => {
    const zoom = await startZoomStandIn({ slowMs: SLOW_MS });
    cleanups.push(() => zoom.close());
    const { baseUrl, start, signIn } = await restartableServer(driver, cleanups);
    let server = await start();

    const secretariat = await signIn();
    const meetingId = await createMeeting(secretariat);
    const destinations = `/api/meetings/${meetingId}/caption-destinations`;
    const list = async () => (await secretariat.get<{ destinations: CaptionDestinationView[] }>(destinations)).body.destinations;

    // Only a Zoom API token URL is taken for Zoom, only http(s) at all, and only from the secretariat.
    expect((await secretariat.post(destinations, { kind: 'zoom', url: 'https://example.org/captions?id=1' })).status).toBe(400);
    expect((await secretariat.post(destinations, { kind: 'generic', url: 'ftp://example.org/closedcaption' })).status).toBe(400);
    expect((await secretariat.post(destinations, { kind: 'youtube', url: 'https://upload.youtube.com/closedcaption?id=x' })).status).toBe(
      400,
    );
    expect((await secretariat.post(destinations, { kind: 'zoom', url: zoom.tokenUrl, channel: 'klingon' })).status).toBe(400);
    const [chairEntry] = await addRoster(secretariat, meetingId);
    const chair = await openJoinLink(baseUrl, chairEntry!.joinUrl);
    expect((await chair.post(destinations, { kind: 'zoom', url: zoom.tokenUrl })).status).toBe(403);
    expect((await chair.get(destinations)).status).toBe(403);

    const added = await secretariat.post<{ destination: CaptionDestinationView }>(destinations, { kind: 'zoom', url: zoom.tokenUrl });
    expect(added.status).toBe(201);
    const signature = new URL(zoom.tokenUrl).searchParams.get('signature')!;
    expect(JSON.stringify(added.body)).not.toContain(signature);
    expect(added.body.destination.maskedUrl).toMatch(/\/closedcaption\?id=…&ns=…&expire=…&spparams=…&signature=…$/);

    const captionUrl = new URL((await secretariat.get(`/api/meetings/${meetingId}`)).body.captionUrl as string);
    const postLine = (n: number) => postCaptionLine(captionUrl.toString(), n, lineText(n));

    // Before the host starts the Zoom meeting, the lines wait, and the secretariat is told why.
    for (let n = 1; n <= 5; n++) await postLine(n);
    const waiting = await eventually(async () => {
      const [destination] = await list();
      return destination?.lastError?.code === 'not-started' && destination.pending === 5 ? destination : undefined;
    }, 'the destination to say the meeting has not started');
    expect(waiting.lastError!.message).toMatch(/not started yet/);
    expect(waiting.oldestPendingAt).not.toBeNull();
    expect(waiting.lastAcceptedSeq).toBe(0);
    expect(zoom.shown).toEqual([]);

    // The meeting starts; Zoom fails twice, then answers one post too late.
    zoom.failNext(503, 500, 'slow');
    zoom.started = true;
    for (let n = 6; n <= 14; n++) await postLine(n);
    await eventually(() => (zoom.shown.length >= 14 ? true : undefined), 'the first lines to reach Zoom');

    // Killed mid-burst, while a line Zoom took is still unanswered (line 15, answered slowly), and started again: the captioning software goes on.
    const postsBefore = zoom.posts.length;
    zoom.failNext('slow');
    await postLine(15);
    await eventually(() => (zoom.posts.slice(postsBefore).some((post) => post.status === 0) ? true : undefined), 'a post in flight');
    server.kill('SIGKILL');
    await server.exited;
    const inFlight = zoom.posts.slice(postsBefore).find((post) => post.status === 0)!;
    // Zoom took it, but the sender never heard so.
    expect(zoom.shown.map((line) => line.seq)).toContain(inFlight.seq);
    server = await start();
    for (let n = 16; n <= 24; n++) await postLine(n);

    await eventually(() => (zoom.shown.length >= 24 ? true : undefined), `all 24 lines at Zoom (have ${zoom.shown.length})`, 120_000);
    const settled = await eventually(async () => {
      const [destination] = await list();
      return destination?.pending === 0 && destination.lastAcceptedSeq === 24 ? destination : undefined;
    }, 'the destination to have nothing pending');
    expect(settled.lastError).toBeNull();
    expect(settled.oldestPendingAt).toBeNull();
    expect(settled.lagMs).not.toBeNull();

    const expected = Array.from({ length: 24 }, (_, index) => ({ seq: index + 1, lang: 'en-US', text: lineText(index + 1) }));
    expect(zoom.shown).toEqual(expected);
    // Every post was plain UTF-8 text, and no line Zoom had taken was posted again: after the time-out
    // and after the restart, the forwarder asked Zoom for its last seq instead.
    expect(zoom.posts.every((post) => post.contentType === 'text/plain; charset=utf-8')).toBe(true);
    expect(zoom.posts.filter((post) => post.repeat)).toEqual([]);
    expect(zoom.seqQueries).toBeGreaterThanOrEqual(2);

    // The transcript holds the same lines, once each.
    const transcript = await secretariat.get(`/api/meetings/${meetingId}/transcript.json`);
    expect((transcript.body.segments as { text: string }[]).map((segment) => segment.text)).toEqual(expected.map((line) => line.text));

    // Removed, the destination gets no more lines.
    expect((await secretariat.delete(`${destinations}/${settled.id}`)).status).toBe(204);
    expect(await list()).toEqual([]);
    await postLine(25);
    const transcriptAfter = await secretariat.get(`/api/meetings/${meetingId}/transcript.json`);
    expect(transcriptAfter.body.segments).toHaveLength(25);
    expect(zoom.shown).toHaveLength(24);
    expect(server.output()).not.toContain(signature);
  }, 300_000);
});
