/**
 * Presence costs little: who is connected is announced merged, at most every few seconds per
 * meeting, and only to whom it changes something. A hand raised by someone connected sends no
 * presence at all; people leaving together are one announcement; participants get counts, and
 * only the chair and secretariat get the list of who is connected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { setUpLiveMeeting, type LiveMeeting } from '../support/live-meeting-setup.ts';
import { waitUntil } from '../support/live-client.ts';
import { ANNOUNCE_INTERVAL_MS } from '../../server/live/presence.ts';
import type { MeetingPresence } from '../../shared/protocol.ts';

/** Long enough for any announcement a change would cause to have been sent. */
const SETTLE_MS = ANNOUNCE_INTERVAL_MS + 700;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

describe('presence announcements', () => {
  let server: TestServer;
  let meeting: LiveMeeting;
  const heard = { member: [] as MeetingPresence[], chair: [] as MeetingPresence[] };

  beforeAll(async () => {
    server = await startTestServer('pglite');
    meeting = await setUpLiveMeeting(server, await signInFirstSecretariat(server), 8, 'Presence');
    await meeting.chair.command({ type: 'agenda.startItem', itemId: meeting.itemIds[0]! });
    // Everyone set their location as they joined; let those announcements pass.
    for (const [index, member] of meeting.members.entries()) {
      await member.command({ type: 'participant.setLocation', participantId: meeting.rosterIds[index + 1]!, location: 'remote' });
    }
    await settle();
    meeting.members[0]!.socket.on('meeting:presence', (presence) => heard.member.push(presence));
    meeting.chair.socket.on('meeting:presence', (presence) => heard.chair.push(presence));
  }, 60_000);
  afterAll(async () => {
    for (const client of meeting?.all ?? []) client.close();
    await server?.close();
  });

  it('sends no presence for hands raised by people who are connected', async () => {
    for (const member of meeting.members.slice(0, 5)) await member.command({ type: 'queue.raiseHand' });
    await settle();
    expect(heard.member).toEqual([]);
    expect(heard.chair).toEqual([]);
  });

  it('announces people leaving together once: counts to participants, the list to the chair', async () => {
    const [, , , , , sixth, seventh, eighth] = meeting.members;
    for (const member of [sixth!, seventh!, eighth!]) member.close();
    await waitUntil(() => heard.member.length > 0 && heard.chair.length > 0, 'the departures announced');
    await settle();
    expect(heard.member).toHaveLength(1);
    expect(heard.chair).toHaveLength(1);
    expect(heard.member[0]!.counts).toEqual({ room: 0, remote: 5, phone: 0, unknown: 1 });
    expect(heard.member[0]!.connected).toBeUndefined();
    expect(heard.chair[0]!.connected).toEqual([...meeting.rosterIds.slice(0, 6)].sort());
    expect(heard.member[0]!.away).toEqual([]);
  });

  it('tells everyone when someone waiting in the queue loses their connection', async () => {
    heard.member.length = heard.chair.length = 0;
    meeting.members[4]!.close();
    await waitUntil(() => heard.member.length > 0, 'the lost connection announced');
    expect(heard.member[0]!.away).toEqual([meeting.rosterIds[5]]);
    expect(heard.member[0]!.counts.remote).toBe(4);
  });
});
