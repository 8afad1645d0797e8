/**
 * Two server processes on one PostgreSQL, behind a load balancer, share one meeting through
 * Socket.IO's PostgreSQL adapter: every client sees the same events in the same order, and
 * when one process is killed its clients move to the other with no state lost.
 * Runs when PostgreSQL is available (TEST_DATABASE_URL), as CI ensures.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startTwoProcesses } from '../support/two-processes.ts';
import { openJoinLink } from '../support/meeting-fixtures.ts';
import { connectLive, waitForSeq, waitUntil, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { seenBy } from '../support/seen-by.ts';

describe.runIf(process.env.TEST_DATABASE_URL)('two server processes sharing one meeting', () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const MEMBERS = [
    'Chair Person,civil society,Africa,chair',
    ...Array.from({ length: 7 }, (_, i) => `Member ${i + 1},government,WEOG,member`),
  ];
  const start = () => startTwoProcesses(cleanups, MEMBERS);

  it('deliver the same events in the same order to every client, and survive the loss of one process', async () => {
    const { publicUrl, ports, balancer, processes, meetingId, roster } = await start();
    // Each client records the events it is sent, in order.
    const received = new Map<LiveClient, number[]>();
    const clients: LiveClient[] = [];
    for (const entry of roster) {
      const client = connectLive(publicUrl, await openJoinLink(publicUrl, entry.joinUrl), meetingId);
      received.set(client, []);
      client.socket.on('meeting:events', ({ events }) => received.get(client)!.push(...events.map((event) => event.seq)));
      clients.push(client);
    }
    cleanups.push(() => clients.forEach((client) => client.close()));
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'everyone connected', 30_000);
    // The clients are spread over both processes.
    for (const port of ports) expect(balancer.sockets.get(port) ?? 0).toBeGreaterThan(0);

    const [chair, ...members] = clients as [LiveClient, ...LiveClient[]];
    await chair.command({ type: 'meeting.open' });
    const itemId = chair.replica.state!.agenda[0]!.id;
    await chair.command({ type: 'agenda.startItem', itemId });
    // Hands go up at once from clients on both processes.
    await Promise.all(members.map((member) => member.command({ type: 'queue.raiseHand' })));
    await chair.command({ type: 'meeting.changeSettings', alternateRoomAndRemote: true });
    const seq = chair.replica.state!.seq;
    await waitForSeq(clients, seq, 30_000);
    const order = queueOf(chair.replica.state!, itemId).entries.map((entry) => entry.name);
    expect(order).toHaveLength(7);
    for (const client of clients) {
      // The same state, events applied in the same order (the replica applies strictly by seq,
      // asking for any it missed: broadcasts from two processes may arrive out of order).
      expect(client.replica.state).toEqual(seenBy(client, chair.replica.state!));
      expect(queueOf(client.replica.state!, itemId).entries.map((entry) => entry.name)).toEqual(order);
      expect(received.get(client)!.length).toBeGreaterThan(0);
    }

    // One process dies; its clients reconnect through the balancer to the other.
    processes[0]!.kill('SIGKILL');
    await processes[0]!.exited;
    const before = structuredClone(chair.replica.state!);
    await waitUntil(() => (balancer.sockets.get(ports[1]!) ?? 0) >= 8, 'the first process’s clients moved to the second', 30_000);
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'everyone back', 30_000);
    for (const client of clients) expect(client.replica.state).toEqual(seenBy(client, before));

    await chair.command({ type: 'floor.give', entryId: queueOf(chair.replica.state!, itemId).entries[0]!.id });
    await waitForSeq(clients, before.seq + 1, 30_000);
    for (const client of clients) expect(client.replica.state!.floor?.name).toBe(order[0]);
  }, 120_000);

  it('tell every revoked connection, on either process, that its session ended before closing it', async () => {
    const { publicUrl, ports, balancer, secretariat, meetingId, roster } = await start();
    const members = roster.slice(1);
    const clients: LiveClient[] = [];
    for (const entry of members)
      clients.push(connectLive(publicUrl, await openJoinLink(publicUrl, entry.joinUrl), meetingId, { reconnection: false }));
    cleanups.push(() => clients.forEach((client) => client.close()));
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'everyone connected', 30_000);
    for (const port of ports) expect(balancer.sockets.get(port) ?? 0).toBeGreaterThan(0);

    // A connection closed without the notice would stand as 'offline', retrying; told first, it stands ended, saying why.
    for (const entry of members) expect((await secretariat.delete(`/api/meetings/${meetingId}/roster/${entry.id}/link`)).status).toBe(200);
    await waitUntil(() => clients.every((client) => !client.socket.connected), 'every revoked connection closed', 30_000);
    for (const client of clients) expect(client.replica.status).toEqual({ state: 'ended', reason: 'join link revoked' });
  }, 120_000);

  it('number caption lines in the database: posts through both processes at once are each kept once, retries on the other process too', async () => {
    const { ports, secretariat, meetingId } = await start();
    const captionUrl = new URL((await secretariat.get(`/api/meetings/${meetingId}`)).body.captionUrl as string);
    const post = async (port: number, text: string, seq?: number) => {
      const target = new URL(`${captionUrl.pathname}${captionUrl.search}`, `http://127.0.0.1:${port}`);
      if (seq !== undefined) target.searchParams.set('seq', String(seq));
      const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
      expect(response.status).toBe(200);
      return ((await response.json()) as { applied: boolean }).applied;
    };

    // A captioning service whose posts are spread over both processes; each post is sent to both
    // at the same moment (a retry on the other process before the first answered): one applies.
    const sequenced: string[] = [];
    for (let seq = 1; seq <= 20; seq++) {
      const text = `Sequenced line ${seq}`;
      sequenced.push(text);
      const applied = await Promise.all(ports.map((port) => post(port, `${text}\n`, seq)));
      expect(applied.filter(Boolean)).toHaveLength(1);
    }
    // Meanwhile lines without a seq arrive through both processes at once.
    const unsequenced = Array.from({ length: 30 }, (_, index) => `Unsequenced line ${index + 1}`);
    const applied = await Promise.all(unsequenced.map((text, index) => post(ports[index % 2]!, `${text}\n`)));
    expect(applied.every(Boolean)).toBe(true);

    const transcript = await secretariat.get(`/api/meetings/${meetingId}/transcript.json`);
    expect(transcript.status).toBe(200);
    const segments = transcript.body.segments as { seq: number; text: string }[];
    // Every line once, numbered 1, 2, 3… with no gap and no number twice.
    expect(segments.map((segment) => segment.seq)).toEqual(segments.map((_, index) => index + 1));
    expect(segments.map((segment) => segment.text).sort()).toEqual([...sequenced, ...unsequenced].sort());
    expect(segments.map((segment) => segment.text).filter((text) => text.startsWith('Sequenced'))).toEqual(sequenced);
  }, 120_000);
});
