/**
 * The record's list of participants under the meeting's own headings: the secretariat imports
 * the 2017 summary report's list of participants with its five headings as the roster's
 * `category` column; the record of the meeting lists exactly the seed's people, each under
 * the seed's heading, in every format; the categories move with the meeting file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { listOfParticipants } from '../support/seeds.ts';
import { headingTexts, markdownBlocks } from '../../server/record/record-tokens.ts';
import type { RosterEntryView } from '../../shared/api.ts';
import { LIMITS } from '../../shared/limits.ts';

const TITLE = '2017 MAG Virtual Meeting III';
/** The role each of the seed's headings stands for on an EqualFloor roster. */
const ROLE_OF: Record<string, string> = {
  'MAG Chair': 'chair',
  'MAG Members': 'member',
  'Former IGF Host Country Representatives': 'member',
  'Other Participants': 'observer',
  'IGF Secretariat': 'secretariat',
};
const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;
const byName = new Intl.Collator('en').compare;

/** The record's list of participants as a reader sees it: each heading with the names under it. */
function participantsAnnex(markdown: string): [string, string[]][] {
  const blocks = markdownBlocks(markdown);
  const start = blocks.findIndex((block) => block.kind === 'heading' && headingTexts([block])[0]!.includes('List of participants'));
  const annex = blocks[start];
  const level = annex?.kind === 'heading' ? annex.level : 0;
  const out: [string, string[]][] = [];
  for (const block of start < 0 ? [] : blocks.slice(start + 1)) {
    if (block.kind === 'heading' && block.level <= level) break;
    if (block.kind === 'heading') out.push([headingTexts([block])[0]!, []]);
    else if (block.kind === 'list')
      for (const [paragraph] of block.items)
        if (paragraph?.kind === 'paragraph') out.at(-1)![1].push(paragraph.runs.map((run) => run.text).join(''));
  }
  return out;
}

describe.each(DRIVERS)('the record’s participant headings from the roster, on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  let meetingId: string;
  let chair: LiveClient | undefined;
  let roster: RosterEntryView[] = [];
  const seed = listOfParticipants();
  const rosterPath = () => `/api/meetings/${meetingId}/roster`;
  const setUpRoster = async () => (await secretariat.get(`/api/meetings/${meetingId}`)).body.roster as RosterEntryView[];

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(secretariat, TITLE);
  });
  afterAll(async () => {
    chair?.close();
    await server?.close();
  });

  it('imports the seed’s list of participants with its five headings as the category column', async () => {
    const csv = [
      'name,affiliation,role,category',
      ...seed.map((person) => [person.name, person.affiliation, ROLE_OF[person.heading]!, person.heading].map(cell).join(',')),
    ].join('\n');
    const answer = await secretariat.post(`${rosterPath()}/import`, { csv });
    expect(answer.status).toBe(200);
    roster = answer.body.roster;
    expect(roster.map(({ name, category }) => ({ name, category }))).toEqual(
      seed.map((person) => ({ name: person.name, category: person.heading })),
    );
  });

  it('changes a category through the roster API, checks it, and lets only the set-up’s staff change it', async () => {
    const rosas = roster.find((entry) => entry.name === 'Rosas, Israel')!;
    const change = (client: HttpClient, body: unknown) => client.request('PATCH', `${rosterPath()}/${rosas.id}`, body);
    const cleared = await change(secretariat, { category: '   ' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.entry.category).toBe('');
    expect((await change(secretariat, { category: 'x'.repeat(LIMITS.rosterCategory + 1) })).status).toBe(400);
    expect((await change(secretariat, { category: 'Former\u0000' })).status).toBe(400);
    expect((await change(secretariat, { category: 7 })).status).toBe(400);
    const member = await openJoinLink(server.baseUrl, roster.find((entry) => entry.name === 'Doria, Avri')!.joinUrl!);
    expect((await change(member, { category: 'Chair' })).status).toBe(403);
    const restored = await change(secretariat, { category: ' Former IGF Host Country Representatives ' });
    expect(restored.status).toBe(200);
    expect(restored.body.entry.category).toBe('Former IGF Host Country Representatives');
    // A person added one by one gets a category too, and is listed without one when left out.
    const added = await secretariat.post(rosterPath(), { name: 'Test Person', role: 'observer', category: 'Other Participants' });
    expect(added.status).toBe(201);
    expect(added.body.entry.category).toBe('Other Participants');
    expect((await secretariat.request('DELETE', `${rosterPath()}/${added.body.entry.id}`)).status).toBe(204);
    expect((await setUpRoster()).map((entry) => entry.category)).toEqual(seed.map((person) => person.heading));
  });

  it('lists exactly the seed’s people under the seed’s five headings in the record, in every format', async () => {
    const chairHttp = await openJoinLink(server.baseUrl, roster.find((entry) => entry.name === 'St. Amour, Lynn')!.joinUrl!);
    chair = connectLive(server.baseUrl, chairHttp, meetingId);
    await waitUntil(() => chair!.replica.status.state === 'live', 'chair connected');
    await chair.command({ type: 'meeting.open' });
    await chair.command({ type: 'meeting.end' });
    await waitUntil(() => server.app.ctx.rooms.loaded(meetingId)!.state.phase === 'ended', 'ended');
    let versions: unknown[] = [];
    for (let attempt = 0; attempt < 50 && versions.length === 0; attempt++) {
      versions = (await secretariat.get(`/api/meetings/${meetingId}/record`)).body.versions;
      if (versions.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const markdown = (await secretariat.get(`/api/meetings/${meetingId}/record/versions/1`)).body.markdown as string;

    // In role order (chair first, the secretariat, members, observers), each heading where its first person comes.
    const expected: [string, string[]][] = [
      'MAG Chair',
      'IGF Secretariat',
      'MAG Members',
      'Former IGF Host Country Representatives',
      'Other Participants',
    ].map((heading) => [
      heading,
      seed
        .filter((person) => person.heading === heading)
        .sort((a, b) => byName(a.name, b.name))
        .map((person) => (person.affiliation ? `${person.name}, ${person.affiliation}` : person.name)),
    ]);
    expect(participantsAnnex(markdown)).toEqual(expected);
    expect(participantsAnnex(markdown).flatMap(([, people]) => people)).toHaveLength(seed.length);

    const html = (await secretariat.get(`/api/meetings/${meetingId}/record.html`)).body as string;
    for (const [heading] of expected) expect(html, heading).toContain(`${heading}</h3>`);
    for (const format of ['json', 'docx', 'pdf']) {
      expect((await secretariat.get(`/api/meetings/${meetingId}/record.${format}`)).status, format).toBe(200);
    }
    const record = (await secretariat.get(`/api/meetings/${meetingId}/record.json`)).body;
    expect(
      (record.record.participants as { name: string; category: string }[])
        .map(({ name, category }) => [name, category])
        .sort((a, b) => byName(a[0]!, b[0]!)),
    ).toEqual(seed.map((person) => [person.name, person.heading]).sort((a, b) => byName(a[0]!, b[0]!)));
  });

  it('moves the categories with the meeting file to another EqualFloor', async () => {
    const file = (await secretariat.get(`/api/meetings/${meetingId}/export.json`)).body;
    expect(file.roster.map((entry: { category: string }) => entry.category)).toEqual(seed.map((person) => person.heading));
    chair?.close();
    chair = undefined;
    expect((await secretariat.request('DELETE', `/api/meetings/${meetingId}`, { confirmTitle: TITLE })).status).toBe(204);
    expect((await secretariat.post('/api/meetings/import', file)).status).toBe(201);
    expect((await setUpRoster()).map(({ name, category }) => ({ name, category }))).toEqual(
      seed.map((person) => ({ name: person.name, category: person.heading })),
    );
  });
});
