/**
 * A meeting exported as its full event log and imported into another instance produces the
 * same record; deleting a meeting needs its title typed again and removes its personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';

describe('moving and deleting a meeting', () => {
  let origin: TestServer;
  let destination: TestServer;
  let secretariat: HttpClient;
  let meetingId: string;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    [origin, destination] = await Promise.all([startTestServer('pglite'), startTestServer('pglite')]);
    secretariat = await signInFirstSecretariat(origin);
    meetingId = await createMeeting(secretariat, 'BPF Gender & Access call');
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, {
      text: '1 - Adoption of agenda (5 minutes)\n2 - BPF proposals (20 minutes)',
    });
    const csv = [
      'name,affiliation,stakeholder group,region,role',
      'Lynn St. Amour,Internet Matters,civil society,WEOG,chair',
      'Flávio Wagner,CGI.br,civil society,GRULAC,member',
      'Юлия Иванова,,government,Eastern Europe,member',
    ].join('\n');
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as { joinUrl: string }[];
    for (const entry of roster) clients.push(connectLive(origin.baseUrl, await openJoinLink(origin.baseUrl, entry.joinUrl), meetingId));
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'connected');
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all([origin?.close(), destination?.close()]);
  });

  it('exports the full log and imports it elsewhere with the same record', async () => {
    const [chair, flavio, yulia] = clients as [LiveClient, LiveClient, LiveClient];
    await chair.command({ type: 'meeting.open' });
    const itemId = chair.replica.state!.agenda[1]!.id;
    await chair.command({ type: 'agenda.startItem', itemId });
    await chair.command({ type: 'agenda.addProposal', itemId, title: 'BPF Local Content' });
    const proposalId = chair.replica.state!.agenda[1]!.proposals[0]!.id;
    await flavio.command({ type: 'queue.raiseHand' });
    await yulia.command({ type: 'position.record', itemId, proposalId, stance: 'support' });
    await flavio.command({ type: 'position.record', itemId, proposalId, stance: 'comment', text: 'Scope?' });
    await waitUntil(() => queueOf(chair.replica.state!, itemId).entries.length === 1, 'hand seen');
    await chair.command({ type: 'floor.give', entryId: queueOf(chair.replica.state!, itemId).entries[0]!.id });
    await chair.command({ type: 'decision.record', itemId, proposalId, kind: 'deferred-to-mailing-list' });
    await flavio.command({ type: 'chat.post', text: 'Link to the proposal: https://example.org' });
    await chair.command({ type: 'meeting.end' });

    const exported = await secretariat.get(`/api/meetings/${meetingId}/export.json`);
    expect(exported.status).toBe(200);
    expect(exported.body.events.length).toBe(chair.replica.state!.seq);
    expect(JSON.stringify(exported.body)).not.toMatch(/\/join\/|joinToken|personalCode|displayToken|captionToken/);

    const there = await signInFirstSecretariat(destination);
    expect((await there.post('/api/meetings/import', exported.body)).body).toEqual({ meetingId });
    expect((await there.post('/api/meetings/import', exported.body)).status).toBe(409);

    const recordHere = await secretariat.get(`/api/meetings/${meetingId}/record.md`);
    const recordThere = await there.get(`/api/meetings/${meetingId}/record.md`);
    expect(recordHere.status).toBe(200);
    expect(recordThere.body).toBe(recordHere.body);
    expect(recordThere.body).toContain(
      '**BPF Local Content** — Support: Юлия Иванова. Other Comments: Flávio Wagner (Scope?). Decision: deferred to the mailing list.',
    );

    const broken = structuredClone(exported.body);
    broken.meeting.id = 'm_other';
    broken.events.splice(2, 1);
    expect((await there.post('/api/meetings/import', broken)).status).toBe(400);
    expect((await there.post('/api/meetings/import', { format: 'something else' })).status).toBe(400);
  });

  it('deletes a meeting only with its title typed again, and removes its personal data', async () => {
    const setup = (await secretariat.get(`/api/meetings/${meetingId}`)).body;
    const wrong = await secretariat.request('DELETE', `/api/meetings/${meetingId}`, { confirmTitle: 'BPF' });
    expect(wrong.status).toBe(400);
    expect((await secretariat.get(`/api/meetings/${meetingId}`)).status).toBe(200);

    const participant = new HttpClient(origin.baseUrl);
    participant.cookie = (await openJoinLink(origin.baseUrl, setup.roster[1].joinUrl)).cookie;
    expect((await secretariat.request('DELETE', `/api/meetings/${meetingId}`, { confirmTitle: 'BPF Gender & Access call' })).status).toBe(
      204,
    );
    expect((await secretariat.get(`/api/meetings/${meetingId}`)).status).toBe(404);
    expect((await participant.get(`/api/meetings/${meetingId}/page`)).status).toBe(401);
    expect(
      (await new HttpClient(origin.baseUrl).post('/api/join', { token: new URL(setup.roster[1].joinUrl).pathname.split('/').pop() }))
        .status,
    ).toBe(404);

    const db = origin.app.database.db;
    const count = async (table: string) => {
      const result = await db.execute(sql.raw(`select count(*)::int as n from ${table} where meeting_id = '${meetingId}'`));
      return ((Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows)[0] as { n: number }).n;
    };
    for (const table of [
      'roster_entries',
      'agenda_items',
      'meeting_events',
      'caption_segments',
      'attendance',
      'record_versions',
      'sessions',
    ]) {
      expect(await count(table), table).toBe(0);
    }
    const names = await db.execute(sql.raw(`select count(*)::int as n from users where name in ('Flávio Wagner', 'Юлия Иванова')`));
    expect(((Array.isArray(names) ? names : (names as { rows: { n: number }[] }).rows)[0] as { n: number }).n).toBe(0);
  });
});
