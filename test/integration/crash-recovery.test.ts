/**
 * The server killed with SIGKILL mid-meeting and started again: every acknowledged event
 * is there, and the clients resume by themselves and end in the same state (rule L2, L3).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DRIVERS } from '../support/test-server.ts';
import { ADMIN, restartableServer, type Cleanups } from '../support/restartable-server.ts';
import { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, SAMPLE_ROSTER, addRoster } from '../support/meeting-fixtures.ts';
import { connectLive, waitForSeq, waitUntil, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { seenBy } from '../support/seen-by.ts';

describe.each(DRIVERS)('a crash on %s', (driver) => {
  const cleanups: Cleanups = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('loses no acknowledged event, and clients resume by themselves', async () => {
    const { baseUrl, start } = await restartableServer(driver, cleanups);

    const first = await start();
    const secretariat = new HttpClient(baseUrl);
    expect((await secretariat.post('/api/auth/login', ADMIN)).status).toBe(200);
    const meetingId = await createMeeting(secretariat);
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Adoption of agenda (5 minutes)\n2 - AOB (5 minutes)' });
    const entries = await addRoster(secretariat, meetingId, SAMPLE_ROSTER);
    const clients: LiveClient[] = [];
    for (const entry of entries) clients.push(connectLive(baseUrl, await openJoinLink(baseUrl, entry.joinUrl), meetingId));
    cleanups.push(() => clients.forEach((client) => client.close()));
    const [chair, flavio, haojun] = clients as [LiveClient, LiveClient, LiveClient];
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'everyone connected');

    await chair.command({ type: 'meeting.open' });
    const itemId = chair.replica.state!.agenda[0]!.id;
    await chair.command({ type: 'agenda.startItem', itemId });
    await flavio.command({ type: 'queue.raiseHand', note: 'On the agenda' });
    await waitForSeq([chair], await haojun.command({ type: 'queue.raiseHand', kind: 'clarifying-question' }));
    await chair.command({ type: 'floor.give', entryId: queueOf(chair.replica.state!, itemId).entries[0]!.id });
    const acknowledged = await flavio.command({
      type: 'queue.editNote',
      entryId: queueOf(flavio.replica.state!, itemId).entries.find((entry) => entry.participantId === flavio.replica.participantId)!.id,
      note: 'Support',
    });
    await waitForSeq(clients, acknowledged);
    const before = structuredClone(chair.replica.state!);

    first.kill('SIGKILL');
    await first.exited;
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'reconnecting'), 'clients see the server gone');

    await start();
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'clients resumed by themselves', 30_000);
    for (const client of clients) expect(client.replica.state).toEqual(seenBy(client, before));

    // The meeting goes on from where it was.
    await chair.command({ type: 'floor.end', speechId: before.floor!.id });
    await waitForSeq(clients, acknowledged + 1);
    expect(flavio.replica.state!.speeches.map((speech) => speech.name)).toEqual(['Haojun Ji']);
  }, 120_000);

  it('killed during a burst of commands: every acknowledged one is there once, retries are applied once, clients resync', async () => {
    const { baseUrl, start } = await restartableServer(driver, cleanups);
    const first = await start();
    const secretariat = new HttpClient(baseUrl);
    await secretariat.post('/api/auth/login', ADMIN);
    const meetingId = await createMeeting(secretariat);
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Adoption of agenda (5 minutes)' });
    const csv = [
      'name,stakeholder group,region,role',
      'Chair,civil society,Africa,chair',
      ...[1, 2, 3, 4, 5].map((n) => `Member ${n},government,WEOG,member`),
    ].join('\n');
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as { joinUrl: string }[];
    const clients: LiveClient[] = [];
    for (const entry of roster) clients.push(connectLive(baseUrl, await openJoinLink(baseUrl, entry.joinUrl), meetingId));
    cleanups.push(() => clients.forEach((client) => client.close()));
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'connected');
    await clients[0]!.command({ type: 'meeting.open' });

    // Every member posts eight numbered messages as fast as it can; the server dies in the middle.
    const results = clients.slice(1).flatMap((client, member) =>
      Array.from({ length: 8 }, (_, n) => ({
        text: `m${member + 1}-${n + 1}`,
        result: client.replica.send({ type: 'chat.post', text: `m${member + 1}-${n + 1}` }),
      })),
    );
    await new Promise((resolve) => setTimeout(resolve, 40));
    first.kill('SIGKILL');
    await first.exited;
    await start();
    const settled = await Promise.all(results.map(async ({ text, result }) => ({ text, result: await result })));

    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'clients resumed', 30_000);
    const exported = (await secretariat.get(`/api/meetings/${meetingId}/export.json`)).body as {
      events: { seq: number; type: string; body: { message?: { text: string } } }[];
    };
    const seqs = exported.events.map((event) => event.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
    const posted = exported.events.filter((event) => event.type === 'chat.posted').map((event) => event.body.message!.text);
    expect(new Set(posted).size).toBe(posted.length);
    for (const { text, result } of settled) {
      if (result.ok) expect(posted, `acknowledged ${text}`).toContain(text);
    }
    await waitUntil(() => clients.every((client) => client.replica.state?.seq === seqs.length), 'clients resynced', 30_000);
    for (const client of clients) expect(client.replica.state!.chat.map((message) => message.text).sort()).toEqual([...posted].sort());
  }, 120_000);
});
