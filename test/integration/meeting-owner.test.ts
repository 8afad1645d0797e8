/**
 * Several server processes share one meeting through PostgreSQL: one of them owns it and
 * decides every change, the others forward their clients' commands to it. A burst of 100
 * hands from clients on every process is accepted whole and seen in one order by everyone;
 * when the owner is killed mid-burst another process takes the meeting over and every
 * acknowledged hand is there exactly once.
 * Runs when PostgreSQL is available (TEST_DATABASE_URL), as CI ensures.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startProcesses, type TwoProcesses } from '../support/two-processes.ts';
import { openJoinLink } from '../support/meeting-fixtures.ts';
import { connectLive, waitForSeq, waitUntil, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { seenBy } from '../support/seen-by.ts';

const HANDS = 100;
const ROSTER = [
  'Chair Person,civil society,Africa,chair',
  ...Array.from({ length: HANDS }, (_, i) => `Member ${i + 1},government,WEOG,member`),
];

interface Burst {
  deployment: TwoProcesses;
  chair: LiveClient;
  members: LiveClient[];
  /** The seqs each client was broadcast, in the order they came. */
  received: Map<LiveClient, number[]>;
  itemId: string;
}

describe.runIf(process.env.TEST_DATABASE_URL)('one owner per meeting across processes', () => {
  let cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
  });

  /**
   * `count` processes; the chair connects to the first one directly, so that it opens the meeting
   * there and that process owns it; the members come through the balancer, spread over all of them.
   */
  async function start(count: number): Promise<Burst> {
    const deployment = await startProcesses(count, cleanups, ROSTER);
    const { publicUrl, ports, balancer, meetingId, roster } = deployment;
    const received = new Map<LiveClient, number[]>();
    const connect = async (url: string, joinUrl: string) => {
      const client = connectLive(url, await openJoinLink(publicUrl, joinUrl), meetingId);
      received.set(client, []);
      client.socket.on('meeting:events', ({ events }) => received.get(client)!.push(...events.map((event) => event.seq)));
      cleanups.push(() => client.close());
      return client;
    };
    const chair = await connect(`http://127.0.0.1:${ports[0]}`, roster[0]!.joinUrl);
    const members = await Promise.all(roster.slice(1).map((entry) => connect(publicUrl, entry.joinUrl)));
    const everyone = [chair, ...members];
    await waitUntil(() => everyone.every((client) => client.replica.status.state === 'live'), 'everyone connected', 40_000);
    for (const port of ports) expect(balancer.sockets.get(port) ?? 0).toBeGreaterThan(0);
    await chair.command({ type: 'meeting.open' });
    const itemId = chair.replica.state!.agenda[0]!.id;
    await chair.command({ type: 'agenda.startItem', itemId });
    return { deployment, chair, members, received, itemId };
  }

  /** Every client holds the same queue, and was sent each event once, in seq order. */
  function expectOneOrder(clients: LiveClient[], burst: Burst, truth: LiveClient): string[] {
    const order = queueOf(truth.replica.state!, burst.itemId).entries.map((entry) => entry.name);
    for (const client of clients) {
      expect(client.replica.state).toEqual(seenBy(client, truth.replica.state!));
      expect(queueOf(client.replica.state!, burst.itemId).entries.map((entry) => entry.name)).toEqual(order);
    }
    return order;
  }

  async function burstWithoutFailure(count: number) {
    const burst = await start(count);
    const { chair, members, received } = burst;
    const results = await Promise.all(members.map((member) => member.replica.send({ type: 'queue.raiseHand' })));
    // Nothing refused: the owner decides each hand once, on the state it holds.
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const clients = [chair, ...members];
    const seq = Math.max(...results.map((result) => (result.ok ? result.seq : 0)));
    await waitForSeq(clients, seq, 40_000);
    const order = expectOneOrder(clients, burst, chair);
    expect(new Set(order).size).toBe(HANDS);
    // Each process broadcast the owner's events in its order: no client saw one out of order or twice.
    for (const client of clients) {
      const seqs = received.get(client)!;
      expect(seqs.every((value, index) => index === 0 || value > seqs[index - 1]!)).toBe(true);
    }
  }

  it('two processes: a burst of 100 hands from clients on both is accepted whole, in one order for everyone', async () => {
    await burstWithoutFailure(2);
  }, 90_000);

  it('four processes: a burst of 100 hands from clients on all four is accepted whole, in one order for everyone', async () => {
    await burstWithoutFailure(4);
  }, 90_000);

  it('the owner killed mid-burst: another process takes over and every acknowledged hand is there once', async () => {
    const burst = await start(2);
    const { deployment, chair, members, itemId } = burst;
    // Signed in beforehand: a kept-alive HTTP connection to the killed process would fail.
    const chairBrowser = await openJoinLink(deployment.publicUrl, deployment.roster[0]!.joinUrl);
    const sent = members.map((member) => member.replica.send({ type: 'queue.raiseHand' }));
    // Some hands are in, others still on their way: the owner dies.
    await waitUntil(() => queueOf(chair.replica.state!, itemId).entries.length >= 20, 'the first hands in', 30_000);
    deployment.processes[0]!.kill('SIGKILL');
    await deployment.processes[0]!.exited;
    chair.close();

    const results = await Promise.all(sent);
    // A hand is either acknowledged or answered as unreachable (the client says so); never refused.
    expect(results.filter((result) => !result.ok && result.code !== 'unavailable')).toEqual([]);
    const acknowledged = members.flatMap((member, index) => (results[index]!.ok ? [`Member ${index + 1}`] : []));
    expect(acknowledged.length).toBeGreaterThan(HANDS / 2);

    // The meeting carries on: the chair comes back through the balancer and gives the floor.
    const newChair = connectLive(deployment.publicUrl, chairBrowser, deployment.meetingId);
    cleanups.push(() => newChair.close());
    await waitUntil(() => newChair.replica.status.state === 'live', 'the chair back', 30_000);
    const queue = queueOf(newChair.replica.state!, itemId).entries;
    const names = queue.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of acknowledged) expect(names.filter((one) => one === name)).toHaveLength(1);

    const seq = await newChair.command({ type: 'floor.give', entryId: queue[0]!.id });
    await waitForSeq([newChair, ...members], seq, 40_000);
    expect(expectOneOrder(members, burst, newChair)).toEqual(names.slice(1));
    for (const member of members) expect(member.replica.state!.floor?.name).toBe(names[0]);
  }, 90_000);
});
