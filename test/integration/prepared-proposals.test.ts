/**
 * Proposals prepared before the meeting: the secretariat pastes the working groups and Best
 * Practice Forums of the seed's Annex III under items 4a–4c on the set-up page; the meeting
 * opens with them as the items' proposals, positions are recorded on them at once, and the
 * record names exactly the seed's supporters and commenters for each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { annexIAgenda, annexIIIProposals, annexIIIProposalsText } from '../support/seeds.ts';
import type { AgendaItemView } from '../../shared/api.ts';

const ITEMS = ['4a', '4b', '4c'] as const;

describe.each(DRIVERS)('proposals prepared on the set-up page, on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  let chairHttp: HttpClient;
  let meetingId: string;
  let chair: LiveClient | undefined;
  const seedProposals = annexIIIProposals();
  const proposalsPath = (itemId: string) => `/api/meetings/${meetingId}/agenda/${itemId}/proposals`;
  const agendaItem = (agenda: AgendaItemView[], number: string) => agenda.find((item) => item.number === number)!;
  const setUpAgenda = async () => (await secretariat.get(`/api/meetings/${meetingId}`)).body.agenda as AgendaItemView[];

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(secretariat, '2017 MAG Virtual Meeting III');
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: annexIAgenda() });
    const names = [...new Set(seedProposals.flatMap((proposal) => [...proposal.support, ...proposal.otherComments]))];
    const csv = [
      'name,affiliation,stakeholder group,region,role',
      'Lynn St. Amour,Internet Matters,civil society,WEOG,chair',
      ...names.map((name) => `${name},,civil society,WEOG,member`),
    ].join('\n');
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as { joinUrl: string }[];
    chairHttp = await openJoinLink(server.baseUrl, roster[0]!.joinUrl);
  });
  afterAll(async () => {
    chair?.close();
    await server?.close();
  });

  it('stores the pasted list of each item with its facilitators and text, and keeps it when the agenda is imported again', async () => {
    for (const number of ITEMS) {
      const answer = await secretariat.put(proposalsPath(agendaItem(await setUpAgenda(), number).id), {
        text: annexIIIProposalsText(number),
      });
      expect(answer.status).toBe(200);
    }
    const expected = (number: string) =>
      seedProposals
        .filter((proposal) => proposal.item === number)
        .map((proposal) => ({ id: expect.any(String), title: proposal.title, proposers: proposal.facilitators, text: proposal.status }));
    for (const number of ITEMS) expect(agendaItem(await setUpAgenda(), number).proposals).toEqual(expected(number));
    expect(agendaItem(await setUpAgenda(), '4b').proposals[1]).toMatchObject({ title: 'Gender & Access', proposers: 'Jac SM Kee' });

    // Importing the agenda again (a title corrected elsewhere) keeps each item's proposals.
    const corrected = annexIAgenda().replace('Adoption of agenda', 'Adoption of the agenda');
    expect((await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: corrected })).status).toBe(200);
    for (const number of ITEMS) expect(agendaItem(await setUpAgenda(), number).proposals).toEqual(expected(number));
    // The participants' meeting page shows them too.
    expect(agendaItem((await chairHttp.get(`/api/meetings/${meetingId}/page`)).body.agenda, '4c').proposals).toEqual(expected('4c'));
  });

  it('refuses a list with problems, by line, and anyone but the secretariat', async () => {
    const itemId = agendaItem(await setUpAgenda(), '4b').id;
    const twice = await secretariat.put(proposalsPath(itemId), { text: 'Item 4b:\n- Cybersecurity\n- Cybersecurity' });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toBe('The proposals were not saved: 2 line(s) need fixing.');
    expect(twice.body.problems).toEqual([
      { where: 'line 1', message: '"Item 4b:" comes before the first proposal — start each proposal with "- "' },
      { where: 'line 3', message: 'the proposal "Cybersecurity" is listed twice (first on line 2)' },
    ]);
    const broken = await secretariat.put(proposalsPath(itemId), { text: '- A\u0000' });
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body)).toContain('NUL');
    expect((await secretariat.put(proposalsPath(itemId), { text: '- A', extra: 1 })).status).toBe(400);
    expect((await secretariat.put(proposalsPath(itemId), { text: 'x'.repeat(20_001) })).status).toBe(400);
    expect((await secretariat.put(proposalsPath('a_nothing'), { text: '- A' })).status).toBe(404);
    expect((await chairHttp.put(proposalsPath(itemId), { text: '- A' })).status).toBe(403);
    // Nothing was changed by the refused requests.
    expect(agendaItem(await setUpAgenda(), '4b').proposals).toHaveLength(6);
  });

  it('opens the meeting with them as the items’ proposals, takes positions on them at once, adds one live, and names the seed’s people in the record', async () => {
    chair = connectLive(server.baseUrl, chairHttp, meetingId);
    await waitUntil(() => chair!.replica.status.state === 'live', 'chair connected');
    await chair.command({ type: 'meeting.open' });
    const state = () => chair!.replica.state!;
    const item = (number: string) => state().agenda.find((candidate) => candidate.number === number)!;
    const person = (name: string) => Object.values(state().participants).find((participant) => participant.name === name)!;

    for (const number of ITEMS) {
      expect(item(number).proposals.map(({ title, proposers }) => ({ title, proposers }))).toEqual(
        seedProposals.filter((proposal) => proposal.item === number).map(({ title, facilitators }) => ({ title, proposers: facilitators })),
      );
    }
    // The set-up page no longer changes them: the chair console does.
    const late = await secretariat.put(proposalsPath(item('4b').id), { text: '- Late' });
    // Refused with a code, so the set-up page says why in the reader's language.
    expect([late.status, late.body.code]).toEqual([409, 'meeting-open-proposals']);
    const agenda = await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Late item (5 minutes)' });
    expect([agenda.status, agenda.body.code]).toEqual([409, 'meeting-open-agenda']);

    await chair.command({ type: 'agenda.startItem', itemId: item('4a').id });
    for (const seed of seedProposals) {
      const { id: itemId, proposals } = item(seed.item);
      const proposalId = proposals.find((proposal) => proposal.title === seed.title)!.id;
      for (const [names, stance] of [
        [seed.support, 'support'],
        [seed.otherComments, 'comment'],
      ] as const) {
        for (const name of names) {
          await chair.command({ type: 'position.record', itemId, proposalId, stance, participantId: person(name).id });
        }
      }
    }
    const held = state().positions;
    for (const seed of seedProposals) {
      const proposalId = item(seed.item).proposals.find((proposal) => proposal.title === seed.title)!.id;
      const names = (stance: string) =>
        held.filter((position) => position.proposalId === proposalId && position.stance === stance).map((position) => position.name);
      expect(names('support'), seed.title).toEqual(seed.support);
      expect(names('comment'), seed.title).toEqual(seed.otherComments);
    }

    await chair.command({ type: 'agenda.addProposal', itemId: item('4b').id, title: 'Combatting Spam' });
    expect(
      item('4b')
        .proposals.map((proposal) => proposal.title)
        .at(-1),
    ).toBe('Combatting Spam');
    expect(item('4b').proposals).toHaveLength(7);

    await chair.command({ type: 'meeting.end' });
    await waitUntil(() => server.app.ctx.rooms.loaded(meetingId)!.state.phase === 'ended', 'ended');
    let versions: unknown[] = [];
    for (let attempt = 0; attempt < 50 && versions.length === 0; attempt++) {
      versions = (await secretariat.get(`/api/meetings/${meetingId}/record`)).body.versions;
      if (versions.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const markdown = (await secretariat.get(`/api/meetings/${meetingId}/record/versions/1`)).body.markdown as string;
    for (const format of ['json', 'html', 'docx', 'pdf']) {
      expect((await secretariat.get(`/api/meetings/${meetingId}/record.${format}`)).status, format).toBe(200);
    }
    for (const seed of seedProposals) {
      const line = markdown.split('\n').find((candidate) => candidate.includes(`**${seed.title}**`));
      expect(line, seed.title).toBeDefined();
      expect(line, seed.title).toContain(seed.support.length ? `Support: ${seed.support.join(', ')}.` : 'Support: none.');
    }
  });

  it('moves with the meeting file to another EqualFloor', async () => {
    const before = await setUpAgenda();
    const file = (await secretariat.get(`/api/meetings/${meetingId}/export.json`)).body;
    expect(agendaItem(file.agenda, '4b').proposals).toHaveLength(6);
    chair?.close();
    chair = undefined;
    const deleted = await secretariat.request('DELETE', `/api/meetings/${meetingId}`, { confirmTitle: '2017 MAG Virtual Meeting III' });
    expect(deleted.status).toBe(204);
    const imported = await secretariat.post('/api/meetings/import', file);
    expect(imported.status).toBe(201);
    const after = await setUpAgenda();
    for (const number of ITEMS) expect(agendaItem(after, number).proposals).toEqual(agendaItem(before, number).proposals);
  });
});
