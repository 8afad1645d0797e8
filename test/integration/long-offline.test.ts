/**
 * A participant offline for a whole minute — a train tunnel, a dropped phone line — comes
 * back to exactly the meeting as it is, with the events it missed and nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitForSeq, waitUntil, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { seenBy } from '../support/seen-by.ts';

describe('a client offline for 60 seconds', () => {
  let server: TestServer;
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
  });

  it('catches up exactly on what it missed', async () => {
    const secretariat = await signInFirstSecretariat(server);
    const meetingId = await createMeeting(secretariat);
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Adoption of agenda (5 minutes)\n2 - Updates (10 minutes)' });
    const csv = [
      'name,stakeholder group,region,role',
      'Chair,civil society,Africa,chair',
      'Traveller,government,WEOG,member',
      'Speaker,private sector,Asia-Pacific,member',
    ].join('\n');
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as { joinUrl: string }[];
    for (const entry of roster) clients.push(connectLive(server.baseUrl, await openJoinLink(server.baseUrl, entry.joinUrl), meetingId));
    const [chair, traveller, speaker] = clients as [LiveClient, LiveClient, LiveClient];
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'connected');
    await chair.command({ type: 'meeting.open' });
    const [first, second] = chair.replica.state!.agenda.map((item) => item.id) as [string, string];
    await chair.command({ type: 'agenda.startItem', itemId: first });
    await waitForSeq([traveller], chair.replica.state!.seq);
    await traveller.command({ type: 'queue.raiseHand', note: 'Before the tunnel' });
    const heldSeq = traveller.replica.state!.seq;

    traveller.socket.disconnect();
    const offlineSince = Date.now();
    // The meeting goes on for a minute: a hand, the floor, a pause, the next item, a chat line.
    await speaker.command({ type: 'queue.raiseHand', kind: 'point-of-order' });
    await waitForSeq([chair], speaker.replica.state!.seq);
    await chair.command({ type: 'floor.give', entryId: queueOf(chair.replica.state!, first).entries[0]!.id });
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    await chair.command({ type: 'timer.pause', speechId: chair.replica.state!.floor!.id });
    await speaker.command({ type: 'chat.post', text: 'Sorry for the noise on my line.' });
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    await chair.command({ type: 'agenda.startItem', itemId: second, previousItemStatus: 'done', confirmed: true });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 60_000 - (Date.now() - offlineSince))));
    const missed = chair.replica.state!.seq - heldSeq;
    expect(missed).toBe(5);

    const sync = await chair.socket.emitWithAck('meeting:sync', { meetingId, afterSeq: heldSeq });
    expect(sync.ok && sync.sync.kind === 'events' && sync.sync.events.map((event) => event.seq)).toEqual(
      Array.from({ length: missed }, (_, index) => heldSeq + index + 1),
    );
    traveller.socket.connect();
    await waitForSeq([traveller], heldSeq + missed);
    expect(traveller.replica.state).toEqual(seenBy(traveller, server.app.ctx.rooms.loaded(meetingId)!.state));
    expect(queueOf(traveller.replica.state!, first).entries.map((entry) => entry.note)).toEqual(['Before the tunnel']);
  }, 120_000);
});
