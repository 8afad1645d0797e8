/**
 * Stakeholder group and region are optional: a person whose roster entry leaves them out is
 * "not stated", the secretariat and captioners are never given one, and the record counts the
 * time of people who did not say apart — never as a group or region they did not choose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';

interface Entry {
  id: string;
  name: string;
  role: string;
  stakeholderGroup: string | null;
  region: string | null;
  joinUrl: string;
}

describe('stakeholder group and region when not stated', () => {
  let server: TestServer;
  let secretariat: HttpClient;
  let meetingId: string;
  const clients: LiveClient[] = [];

  const roster = async (): Promise<Entry[]> => (await secretariat.get(`/api/meetings/${meetingId}`)).body.roster as Entry[];
  const entryNamed = async (name: string) => (await roster()).find((entry) => entry.name === name)!;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(secretariat, 'BPF Cybersecurity call');
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Outputs of the BPF (20 minutes)' });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
  });

  it('adds a person with neither, and keeps none for the secretariat or a captioner', async () => {
    const member = await secretariat.post(`/api/meetings/${meetingId}/roster`, { name: 'Wim Degezelle', role: 'member' });
    expect(member.status).toBe(201);
    expect(member.body.entry).toMatchObject({ stakeholderGroup: null, region: null });

    // A form's "Not stated" sends ''.
    const chair = await secretariat.post(`/api/meetings/${meetingId}/roster`, {
      name: 'Maarit Palovirta',
      role: 'chair',
      stakeholderGroup: 'private-sector',
      region: '',
    });
    expect(chair.body.entry).toMatchObject({ stakeholderGroup: 'private-sector', region: null });

    const captioner = await secretariat.post(`/api/meetings/${meetingId}/roster`, {
      name: 'Caption Desk',
      role: 'captioner',
      stakeholderGroup: 'technical-community',
      region: 'weog',
    });
    expect(captioner.status).toBe(201);
    expect(captioner.body.entry).toMatchObject({ stakeholderGroup: null, region: null });
  });

  it('clears them when a person becomes secretariat, and refuses a value outside the vocabulary', async () => {
    const added = await secretariat.post(`/api/meetings/${meetingId}/roster`, {
      name: 'Luis Bobo',
      role: 'member',
      stakeholderGroup: 'intergovernmental-organisation',
      region: 'weog',
    });
    const id = added.body.entry.id as string;
    const bad = await secretariat.patch(`/api/meetings/${meetingId}/roster/${id}`, { stakeholderGroup: 'martians' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([expect.objectContaining({ where: 'stakeholderGroup' })]);
    expect(await entryNamed('Luis Bobo')).toMatchObject({ stakeholderGroup: 'intergovernmental-organisation', region: 'weog' });

    const promoted = await secretariat.patch(`/api/meetings/${meetingId}/roster/${id}`, { role: 'secretariat' });
    expect(promoted.status).toBe(200);
    expect(await entryNamed('Luis Bobo')).toMatchObject({ role: 'secretariat', stakeholderGroup: null, region: null });
    // Not asked of the secretariat: a group sent later is not kept either.
    await secretariat.patch(`/api/meetings/${meetingId}/roster/${id}`, { stakeholderGroup: 'government' });
    expect(await entryNamed('Luis Bobo')).toMatchObject({ stakeholderGroup: null });
  });

  it('imports a CSV without group and region columns, everyone not stated', async () => {
    const csv = ['name,role', 'Juliana Harsianti,member', 'Sorina Teleanu,member'].join('\n');
    const imported = await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv });
    expect(imported.status).toBe(200);
    expect(imported.body.added).toBe(2);
    expect(await entryNamed('Sorina Teleanu')).toMatchObject({ stakeholderGroup: null, region: null });
  });

  it('counts the time of a speaker who did not state a group apart in the record', async () => {
    const chairEntry = await entryNamed('Maarit Palovirta');
    const speakerEntry = await entryNamed('Wim Degezelle');
    const [chair, speaker] = [
      connectLive(server.baseUrl, await openJoinLink(server.baseUrl, chairEntry.joinUrl), meetingId),
      connectLive(server.baseUrl, await openJoinLink(server.baseUrl, speakerEntry.joinUrl), meetingId),
    ];
    clients.push(chair, speaker);
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'connected');
    await chair.command({ type: 'meeting.open' });
    const itemId = chair.replica.state!.agenda[0]!.id;
    await chair.command({ type: 'agenda.startItem', itemId });
    await speaker.command({ type: 'queue.raiseHand' });
    await waitUntil(() => queueOf(chair.replica.state!, itemId).entries.length === 1, 'the hand seen');
    await chair.command({ type: 'floor.give', entryId: queueOf(chair.replica.state!, itemId).entries[0]!.id });
    await chair.command({ type: 'meeting.end' });

    // Ending the meeting drafts the record.
    const answer = await secretariat.get(`/api/meetings/${meetingId}/record.json`);
    expect(answer.status).toBe(200);
    const { record } = answer.body;
    const wim = record.participants.find((person: { name: string }) => person.name === 'Wim Degezelle');
    expect(wim).toMatchObject({ stakeholderGroup: null, region: null });
    const groups = record.statistics.byStakeholderGroup as { key: string; turns: number }[];
    expect(groups).toEqual([expect.objectContaining({ key: 'unknown', turns: 1 })]);
    expect((record.statistics.byRegion as { key: string }[]).map((row) => row.key)).toEqual(['unknown']);
  });
});
