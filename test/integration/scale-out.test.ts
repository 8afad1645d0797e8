/**
 * Two server processes on one PostgreSQL, behind a load balancer, share one meeting through
 * Socket.IO's PostgreSQL adapter: every client sees the same events in the same order, and
 * when one process is killed its clients move to the other with no state lost.
 * Runs when PostgreSQL is available (TEST_DATABASE_URL), as CI ensures.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, freePort } from '../support/test-server.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startBalancer, type Balancer } from '../support/tcp-balancer.ts';
import { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink } from '../support/meeting-fixtures.ts';
import { connectLive, waitForSeq, waitUntil, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';

const ADMIN = { email: 'admin@example.org', password: 'admin password 123' };

describe.runIf(process.env.TEST_DATABASE_URL)('two server processes sharing one meeting', () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** Two processes behind a balancer, a meeting with a chair and seven members. */
  async function startTwoProcesses() {
    const scratch = await createScratchDatabase();
    cleanups.push(() => scratch.drop());
    const ports = [await freePort(), await freePort()];
    const balancer: Balancer = await startBalancer(ports);
    cleanups.push(() => balancer.close());
    const publicUrl = `http://127.0.0.1:${balancer.port}`;
    const processes: ServerProcess[] = ports.map((port) =>
      startServerProcess({
        PORT: String(port),
        PUBLIC_URL: publicUrl,
        DATABASE_URL: scratch.url,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      }),
    );
    cleanups.push(() => processes.forEach((server) => server.kill('SIGKILL')));
    await Promise.all(processes.map((server) => server.waitForOutput(/EqualFloor is running/)));

    const secretariat = new HttpClient(publicUrl);
    expect((await secretariat.post('/api/auth/login', ADMIN)).status).toBe(200);
    const meetingId = await createMeeting(secretariat);
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Adoption of agenda (5 minutes)\n2 - AOB (5 minutes)' });
    const csv = [
      'name,stakeholder group,region,role',
      'Chair Person,civil society,Africa,chair',
      ...Array.from({ length: 7 }, (_, i) => `Member ${i + 1},government,WEOG,member`),
    ].join('\n');
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as {
      id: string;
      joinUrl: string;
    }[];

    return { publicUrl, ports, balancer, processes, secretariat, meetingId, roster };
  }

  it('deliver the same events in the same order to every client, and survive the loss of one process', async () => {
    const { publicUrl, ports, balancer, processes, meetingId, roster } = await startTwoProcesses();
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
      expect(client.replica.state).toEqual(chair.replica.state);
      expect(queueOf(client.replica.state!, itemId).entries.map((entry) => entry.name)).toEqual(order);
      expect(received.get(client)!.length).toBeGreaterThan(0);
    }

    // One process dies; its clients reconnect through the balancer to the other.
    processes[0]!.kill('SIGKILL');
    await processes[0]!.exited;
    const before = structuredClone(chair.replica.state!);
    await waitUntil(() => (balancer.sockets.get(ports[1]!) ?? 0) >= 8, 'the first process’s clients moved to the second', 30_000);
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'everyone back', 30_000);
    for (const client of clients) expect(client.replica.state).toEqual(before);

    await chair.command({ type: 'floor.give', entryId: queueOf(chair.replica.state!, itemId).entries[0]!.id });
    await waitForSeq(clients, before.seq + 1, 30_000);
    for (const client of clients) expect(client.replica.state!.floor?.name).toBe(order[0]);
  }, 120_000);

  it('tell every revoked connection, on either process, that its session ended before closing it', async () => {
    const { publicUrl, ports, balancer, secretariat, meetingId, roster } = await startTwoProcesses();
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
});
