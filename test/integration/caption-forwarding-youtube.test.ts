/**
 * Finished caption lines forwarded to a YouTube Live ingestion URL (a stand-in YouTube in this
 * process whose clock is 150 s ahead of ours, beyond the 60 s it allows): a heartbeat when the
 * destination is added, answers of 5xx and a slow answer past the time-out, and the EqualFloor
 * server killed mid-burst and started again. Every line arrives once, in order, seq rising by one,
 * each timestamped by YouTube's clock, learnt again when it jumps; a destination of another channel
 * gets none of them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DRIVERS } from '../support/test-server.ts';
import { eventually, postCaptionLine } from '../support/forwarding-server.ts';
import { restartableServer, type Cleanups } from '../support/restartable-server.ts';
import { createMeeting } from '../support/meeting-fixtures.ts';
import { startYouTubeStandIn } from '../support/youtube-stand-in.ts';
import type { CaptionDestinationView } from '../../shared/caption-destinations.ts';

const SKEW_MS = 150_000;
const lineText = (n: number) => `Line ${n}: the floor is yours — merci, 谢谢, شكرا.`;

describe.each(DRIVERS)('caption forwarding to YouTube on %s', (driver) => {
  const cleanups: Cleanups = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('sends every line once, in order, timestamped by the platform clock, through 5xx, a time-out and a restart', async () => {
    const youTube = await startYouTubeStandIn({ skewMs: SKEW_MS, slowMs: 7_000 });
    const french = await startYouTubeStandIn();
    cleanups.push(
      () => youTube.close(),
      () => french.close(),
    );
    const { start, signIn } = await restartableServer(driver, cleanups);
    let server = await start();
    const secretariat = await signIn();
    const meetingId = await createMeeting(secretariat);
    const destinations = `/api/meetings/${meetingId}/caption-destinations`;
    const list = async () => (await secretariat.get<{ destinations: CaptionDestinationView[] }>(destinations)).body.destinations;

    // Only an ingestion URL with its cid is taken for YouTube, and only a known channel.
    const noCid = await secretariat.post(destinations, { kind: 'youtube', url: 'https://upload.youtube.com/closedcaption?id=x' });
    expect(noCid.status).toBe(400);
    expect(JSON.stringify(noCid.body)).toMatch(/cid=/);
    expect((await secretariat.post(destinations, { kind: 'youtube', url: youTube.ingestionUrl, channel: 'de' })).status).toBe(400);

    const added = await secretariat.post<{ destination: CaptionDestinationView }>(destinations, {
      kind: 'youtube',
      url: youTube.ingestionUrl,
    });
    expect(added.status).toBe(201);
    expect(added.body.destination).toMatchObject({ kind: 'youtube', channel: 'floor' });
    expect(added.body.destination.maskedUrl).toMatch(/\/closedcaption\?cid=…$/);
    expect(JSON.stringify(added.body)).not.toContain(new URL(youTube.ingestionUrl).searchParams.get('cid'));
    const otherChannel = await secretariat.post(destinations, { kind: 'youtube', url: french.ingestionUrl, channel: 'fr' });
    expect(otherChannel.status).toBe(201);

    // Added, each is sent a heartbeat at once: an empty post, which learns the platform's clock.
    await eventually(() => (youTube.posts.some((post) => post.heartbeat && post.status === 200) ? true : undefined), 'a heartbeat');
    await eventually(() => (french.posts.some((post) => post.heartbeat) ? true : undefined), 'a heartbeat to the other channel');

    const captionUrl = (await secretariat.get(`/api/meetings/${meetingId}`)).body.captionUrl as string;
    youTube.failNext(503, 500, 'slow');
    for (let n = 1; n <= 8; n++) await postCaptionLine(captionUrl, n, lineText(n));
    await eventually(() => (youTube.shown.length >= 8 ? true : undefined), 'the first lines at YouTube');

    // Killed while a line YouTube took is still unanswered, and started again: the captioning software goes on.
    const postsBefore = youTube.posts.length;
    youTube.failNext('slow');
    await postCaptionLine(captionUrl, 9, lineText(9));
    await eventually(() => (youTube.posts.slice(postsBefore).some((post) => post.status === 0) ? true : undefined), 'a post in flight');
    server.kill('SIGKILL');
    await server.exited;
    const inFlight = youTube.posts.slice(postsBefore).find((post) => post.status === 0)!;
    const postsAtRestart = youTube.posts.length;
    server = await start();
    for (let n = 10; n <= 16; n++) await postCaptionLine(captionUrl, n, lineText(n));

    await eventually(() => (youTube.shown.length >= 16 ? true : undefined), `16 lines at YouTube (have ${youTube.shown.length})`, 120_000);
    const settled = await eventually(async () => {
      const destination = (await list()).find((row) => row.id === added.body.destination.id);
      return destination?.pending === 0 && destination.lastAcceptedSeq === 16 ? destination : undefined;
    }, 'the destination to have nothing pending');
    expect(settled.lastError).toBeNull();

    expect(youTube.shown.map(({ seq, text }) => ({ seq, text }))).toEqual(
      Array.from({ length: 16 }, (_, index) => ({ seq: index + 1, text: lineText(index + 1) })),
    );
    const captionPosts = youTube.posts.filter((post) => !post.heartbeat);
    expect(captionPosts.length).toBeGreaterThanOrEqual(16);
    // Every caption was stamped by YouTube's clock (150 s ahead of ours) to within a few seconds, never refused for it.
    expect(captionPosts.every((post) => post.offBy.every((off) => Math.abs(off) < 5_000))).toBe(true);
    expect(captionPosts.filter((post) => post.status === 400)).toEqual([]);
    expect(captionPosts.every((post) => post.contentType === 'text/plain; charset=utf-8')).toBe(true);
    expect(captionPosts.every((post) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\n[^\n]+\n$/.test(post.body))).toBe(true);
    // The stamps rise with the lines.
    const stamps = youTube.shown.map((caption) => caption.at);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    // After the restart the clock was checked before anything else, and the line in flight sent again with its own seq.
    expect(youTube.posts[postsAtRestart]?.heartbeat).toBe(true);
    expect(youTube.posts.slice(postsAtRestart).find((post) => !post.heartbeat)?.seq).toBe(inFlight.seq);

    // YouTube's clock jumps (now 200 s behind ours): the next line is refused once for its timestamp,
    // the offset is learnt again from that answer, and the line goes through with the same seq.
    youTube.skewMs = -200_000;
    const postsBeforeJump = youTube.posts.length;
    await postCaptionLine(captionUrl, 17, lineText(17));
    await eventually(() => (youTube.shown.length >= 17 ? true : undefined), 'the line after the jump');
    const afterJump = youTube.posts.slice(postsBeforeJump).filter((post) => !post.heartbeat);
    expect(afterJump.map((post) => ({ seq: post.seq, status: post.status }))).toEqual([
      { seq: 17, status: 400 },
      { seq: 17, status: 200 },
    ]);
    expect(Math.abs(afterJump[1]!.offBy[0]!)).toBeLessThan(5_000);
    expect(youTube.shown.at(-1)).toMatchObject({ seq: 17, text: lineText(17) });

    // The French channel's destination got none of the floor's lines.
    expect(french.shown).toEqual([]);
    const frenchView = (await list()).find((row) => row.channel === 'fr');
    expect(frenchView).toMatchObject({ kind: 'youtube', pending: 0, lastAcceptedSeq: 0 });
    expect(server.output()).not.toContain('abcd-efgh');
  }, 300_000);
});
