/**
 * Reads that cost the server work are limited per connection and per session, downloads per
 * session, and one personal link holds at most five live connections: a flood from one
 * observer is refused beyond its limit while a chair in another meeting keeps working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { LOCATIONS } from '../../shared/domain.ts';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { addRoster, createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';

const person = (name: string, role: string) =>
  ({ name, affiliation: '', email: '', stakeholderGroup: 'civil-society', region: 'weog', role }) as never;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

type Ack = { ok: boolean; code?: string };

describe.each(DRIVERS)('read limits on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  const open: LiveClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await server?.close();
  });

  async function join(meetingId: string, name: string, role: string) {
    const [entry] = await addRoster(secretariat, meetingId, [person(name, role)] as never);
    const browser = await openJoinLink(server.baseUrl, entry!.joinUrl);
    const live = connectLive(server.baseUrl, browser, meetingId);
    open.push(live);
    await waitUntil(() => live.replica.status.state === 'live', `${name} connected`);
    return { browser, live };
  }

  const read = (live: LiveClient, meetingId: string, index: number): Promise<Ack> =>
    index % 2 === 0
      ? (live.socket.emitWithAck('meeting:sync', { meetingId, afterSeq: 0 }) as Promise<Ack>)
      : (live.socket.emitWithAck('captions:history', { meetingId }) as Promise<Ack>);

  it('3 000 reads from one observer socket are refused beyond the limit; a chair elsewhere keeps answering', async () => {
    const floodedMeeting = await createMeeting(secretariat, 'Flooded meeting');
    const otherMeeting = await createMeeting(secretariat, 'Other meeting');
    const { live: floodChair } = await join(floodedMeeting, 'Flood Chair', 'chair');
    await floodChair.command({ type: 'meeting.open' });
    const { live: observer } = await join(floodedMeeting, 'Curious Observer', 'observer');
    const { live: chair } = await join(otherMeeting, 'Other Chair', 'chair');
    await chair.command({ type: 'meeting.open' });

    const chairCommand = async (index: number) => {
      const started = performance.now();
      const result = await chair.replica.send({
        type: 'participant.setLocation',
        participantId: chair.replica.participantId!,
        location: LOCATIONS[index % LOCATIONS.length]!,
      });
      expect(result.ok).toBe(true);
      return performance.now() - started;
    };
    const before: number[] = [];
    for (let index = 0; index < 40; index += 1) before.push(await chairCommand(index));

    const during: number[] = [];
    let flooding = true;
    const chairLoop = (async () => {
      for (let index = 0; flooding; index += 1) during.push(await chairCommand(index));
    })();
    const floodStarted = performance.now();
    const answers: Ack[] = [];
    for (let batch = 0; batch < 3000; batch += 100) {
      answers.push(...(await Promise.all(Array.from({ length: 100 }, (_, index) => read(observer, floodedMeeting, batch + index)))));
    }
    const floodMs = performance.now() - floodStarted;
    flooding = false;
    await chairLoop;

    const accepted = answers.filter((answer) => answer.ok).length;
    const refused = answers.filter((answer) => !answer.ok);
    expect(answers).toHaveLength(3000);
    expect(refused.every((answer) => answer.code === 'rate-limited')).toBe(true);
    // 20 reads per 10 s per connection: the few windows the flood lasted, no more.
    expect(accepted).toBeGreaterThanOrEqual(20);
    expect(accepted).toBeLessThanOrEqual(20 * (Math.floor(floodMs / 10_000) + 1));
    expect(during.length).toBeGreaterThan(0);

    // The observer and the flooded meeting still work once the flood stops being counted.
    expect(observer.replica.status.state).toBe('live');
    expect(floodChair.replica.status.state).toBe('live');

    const sortedBefore = [...before].sort((a, b) => a - b);
    const sortedDuring = [...during].sort((a, b) => a - b);
    console.log(
      `[${driver}] read flood: 3000 reads in ${Math.round(floodMs)} ms, ${accepted} answered, ${refused.length} refused (rate-limited); ` +
        `chair in another meeting: before p50 ${quantile(sortedBefore, 0.5).toFixed(1)} ms p95 ${quantile(sortedBefore, 0.95).toFixed(1)} ms, ` +
        `during p50 ${quantile(sortedDuring, 0.5).toFixed(1)} ms p95 ${quantile(sortedDuring, 0.95).toFixed(1)} ms max ${sortedDuring.at(-1)!.toFixed(1)} ms (${during.length} commands)`,
    );
  }, 120_000);

  it('counts reads per session over all its connections', async () => {
    const meetingId = await createMeeting(secretariat, 'Session reads');
    const { live: chair } = await join(meetingId, 'Session Chair', 'chair');
    await chair.command({ type: 'meeting.open' });
    const { browser } = await join(meetingId, 'Many Tabs', 'member');
    const tabs = [
      connectLive(server.baseUrl, browser, meetingId),
      connectLive(server.baseUrl, browser, meetingId),
      connectLive(server.baseUrl, browser, meetingId),
    ];
    open.push(...tabs);
    await waitUntil(() => tabs.every((tab) => tab.replica.status.state === 'live'), 'three tabs connected');
    // Entering counts nothing; each tab may read 20 times, the session 40 in all.
    // (The first tab opened by join() has not read either.)
    const perTab: number[] = [];
    for (const tab of tabs) {
      const answers: Ack[] = [];
      for (let index = 0; index < 25; index += 1) answers.push(await read(tab, meetingId, index));
      perTab.push(answers.filter((answer) => answer.ok).length);
      expect(answers.filter((answer) => !answer.ok).every((answer) => answer.code === 'rate-limited')).toBe(true);
    }
    expect(perTab).toEqual([20, 20, 0]);
    // Another session in the same meeting is not affected.
    expect((await read(chair, meetingId, 0)).ok).toBe(true);
  });

  it('a personal link holds at most five live connections; the sixth is refused with a clear reason', async () => {
    const meetingId = await createMeeting(secretariat, 'Many sockets');
    const [entry] = await addRoster(secretariat, meetingId, [person('Socket Collector', 'member')] as never);
    const browser = await openJoinLink(server.baseUrl, entry!.joinUrl);
    const connect = () => {
      const socket = io(server.baseUrl, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { origin: server.baseUrl, cookie: browser.cookie! },
      });
      return new Promise<{ socket: typeof socket; code?: string; reason?: string }>((resolve) => {
        socket.on('connect', () => resolve({ socket }));
        socket.on('connect_error', (error: Error & { data?: { code?: string; reason?: string } }) =>
          resolve({ socket, code: error.data?.code, reason: error.data?.reason }),
        );
      });
    };
    const attempts = await Promise.all(Array.from({ length: 30 }, connect));
    const connected = attempts.filter((attempt) => attempt.code === undefined);
    const refused = attempts.filter((attempt) => attempt.code !== undefined);
    expect(connected).toHaveLength(5);
    expect(refused.every((attempt) => attempt.code === 'too-many-connections')).toBe(true);
    expect(refused[0]!.reason).toMatch(/open in 5 places already/);

    // Closing one makes room for another.
    connected[0]!.socket.disconnect();
    await waitUntil(() => !connected[0]!.socket.connected, 'one connection closed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await connect();
    expect(again.code).toBeUndefined();
    for (const attempt of [...attempts, again]) attempt.socket.disconnect();

    // A staff account's session is not a personal link: the secretariat may open many tabs.
    const staff = await Promise.all(
      Array.from({ length: 7 }, () => {
        const socket = io(server.baseUrl, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          extraHeaders: { origin: server.baseUrl, cookie: secretariat.cookie! },
        });
        return new Promise<boolean>((resolve) => {
          socket.on('connect', () => (socket.disconnect(), resolve(true)));
          socket.on('connect_error', () => (socket.disconnect(), resolve(false)));
        });
      }),
    );
    expect(staff.every(Boolean)).toBe(true);
  });

  it('downloads and exports: 30 a minute per session, then 429 with Retry-After; others still download', async () => {
    const meetingId = await createMeeting(secretariat, 'Downloads');
    const { browser, live } = await join(meetingId, 'Download Chair', 'chair');
    await live.command({ type: 'meeting.open' });
    const paths = [`transcript.txt`, `chat.csv`, `record.md`, `attendance.csv`, `speaking.csv`].map(
      (file) => `/api/meetings/${meetingId}/${file}`,
    );
    const statuses: number[] = [];
    for (let index = 0; index < 30; index += 1) statuses.push((await browser.get(paths[index % paths.length]!)).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    for (const path of paths) {
      const refused = await browser.get(path);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.error).toMatch(/Too many downloads/);
    }
    expect((await secretariat.get(paths[0]!)).status).toBe(200);
  });
});
