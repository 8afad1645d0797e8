/**
 * A join whose size does not grow with the roster (rule H2 of shared/meeting/SPEC.md): with
 * 5 000 people on the roster, a participant's answer to `meeting:enter` holds the meeting as
 * their screens show it, and their own roster entry only; the chair's holds everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { createBenchMeeting, type BenchMeeting } from '../bench/setup.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';

const ROSTER = 5_000;
/** The goal of the performance issue for a participant's enter answer at 5 000. */
const GOAL_BYTES = 20_000;

describe(`entering a meeting of ${ROSTER} people`, () => {
  let server: TestServer;
  let meeting: BenchMeeting;
  let chair: LiveClient;
  const others: LiveClient[] = [];

  beforeAll(async () => {
    server = await startTestServer('pglite');
    meeting = await createBenchMeeting(await signInFirstSecretariat(server), 'Open consultation', ROSTER - 1);
    chair = connectLive(server.baseUrl, await openJoinLink(server.baseUrl, meeting.chair.joinUrl), meeting.meetingId);
    await waitUntil(() => chair.replica.status.state === 'live', 'the chair entered');
    await chair.command({ type: 'meeting.open' });
    await chair.command({ type: 'agenda.startItem', itemId: meeting.agendaIds[0]! });
    // A queue of ten, one of them speaking: the people a participant sees are named there.
    for (const person of meeting.members.slice(0, 10)) {
      const member = connectLive(server.baseUrl, await openJoinLink(server.baseUrl, person.joinUrl), meeting.meetingId);
      others.push(member);
      await waitUntil(() => member.replica.status.state === 'live', 'a member entered');
      await member.command({ type: 'queue.raiseHand' });
    }
    await chair.command({ type: 'floor.give', entryId: Object.values(chair.replica.state!.queues)[0]!.entries[0]!.id });
  }, 120_000);
  afterAll(async () => {
    for (const client of [chair, ...others]) client?.close();
    await server?.close();
  });

  async function enterAnswerBytes(joinUrl: string): Promise<{ bytes: number; people: number; queue: number }> {
    const browser = await openJoinLink(server.baseUrl, joinUrl);
    const client = connectLive(server.baseUrl, browser, meeting.meetingId, { reconnection: false });
    others.push(client);
    await waitUntil(() => client.socket.connected, 'connected');
    const answer = await client.socket.emitWithAck('meeting:enter', { meetingId: meeting.meetingId, protocolVersion: PROTOCOL_VERSION });
    if (!answer.ok || answer.sync.kind !== 'snapshot') throw new Error(JSON.stringify(answer).slice(0, 200));
    const state = answer.sync.state;
    return {
      bytes: Buffer.byteLength(JSON.stringify(answer)),
      people: Object.keys(state.participants).length,
      queue: Object.values(state.queues).flatMap((queue) => queue.entries).length,
    };
  }

  it(`gives a participant an answer under ${GOAL_BYTES / 1000} KB, with the queue named and their own entry only`, async () => {
    const answer = await enterAnswerBytes(meeting.members[4_000]!.joinUrl);
    console.info(`enter answer for a member at ${ROSTER}: ${answer.bytes} B`);
    expect(answer.bytes).toBeLessThan(GOAL_BYTES);
    expect(answer.people).toBe(1);
    expect(answer.queue).toBe(9);
  });

  it('gives the chair the whole roster', async () => {
    const answer = await enterAnswerBytes(meeting.chair.joinUrl);
    console.info(`enter answer for the chair at ${ROSTER}: ${answer.bytes} B`);
    expect(answer.people).toBe(ROSTER);
  });
});
