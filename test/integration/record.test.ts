/**
 * The meeting record, built from a meeting replayed through the real server: the 2017 MAG
 * meeting of the seed, with its Annex I agenda, the proposals of its Annex III and the
 * people who supported or commented on each, a decision and deferrals. The generated
 * Markdown names exactly those people for each proposal, and carries the seed's agenda.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { ANNEX_I_ITEMS, annexIAgenda, annexIIIProposals } from '../support/seeds.ts';

/** `- **Title** — Support: A, B. Other Comments: C.` lines of the summary, by proposal title. */
function proposalLines(markdown: string): Map<string, { support: string[]; otherComments: string[] }> {
  const found = new Map<string, { support: string[]; otherComments: string[] }>();
  for (const line of markdown.split('\n')) {
    const match = /^\s+- \*\*(.+?)\*\* — (.*)$/.exec(line);
    if (!match) continue;
    const list = (label: string) => {
      const part = new RegExp(`${label}: ([^.]*)\\.`).exec(match[2]!);
      return part && part[1] !== 'none' ? part[1]!.split(', ').map((name) => name.replace(/\\(.)/g, '$1')) : [];
    };
    found.set(match[1]!.replace(/\\(.)/g, '$1'), { support: list('Support'), otherComments: list('Other Comments') });
  }
  return found;
}

describe.each(DRIVERS)('the record on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  let meetingId: string;
  let chair: LiveClient;
  const seedProposals = annexIIIProposals();

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(secretariat, '2017 MAG Virtual Meeting III');
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: annexIAgenda() });
    const names = [...new Set(seedProposals.flatMap((proposal) => [...proposal.support, ...proposal.otherComments]))];
    const csv = [
      'name,affiliation,stakeholder group,region,role',
      'Lynn St. Amour,Internet Matters,civil society,WEOG,chair',
      'Chengetai Masango,IGF Secretariat,intergovernmental organisation,Africa,secretariat',
      ...names.map((name) => `${name},,civil society,WEOG,member`),
    ].join('\n');
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as {
      joinUrl: string;
      name: string;
    }[];
    chair = connectLive(server.baseUrl, await openJoinLink(server.baseUrl, roster[0]!.joinUrl), meetingId);
    await waitUntil(() => chair.replica.status.state === 'live', 'chair connected');
  });
  afterAll(async () => {
    chair?.close();
    await server?.close();
  });

  it('names, for each proposal of Annex III, exactly its supporters and commenters; records decisions and the agenda annex', async () => {
    await chair.command({ type: 'meeting.open' });
    const state = () => chair.replica.state!;
    const itemByNumber = (number: string) => state().agenda.find((item) => item.number === number)!;
    const participantByName = (name: string) => Object.values(state().participants).find((person) => person.name === name)!;

    await chair.command({ type: 'agenda.startItem', itemId: itemByNumber('1').id });
    await chair.command({ type: 'consensus.open', itemId: itemByNumber('1').id, proposalId: null });
    await chair.command({ type: 'consensus.close', callId: state().consensusCalls[0]!.id });
    await chair.command({
      type: 'decision.record',
      itemId: itemByNumber('1').id,
      proposalId: null,
      kind: 'agreed',
      text: 'The agenda was adopted.',
    });

    for (const seed of seedProposals) {
      const item = itemByNumber(seed.item);
      await chair.command({ type: 'agenda.addProposal', itemId: item.id, title: seed.title });
      const proposalId = state()
        .agenda.find((candidate) => candidate.id === item.id)!
        .proposals.at(-1)!.id;
      for (const name of seed.support) {
        await chair.command({
          type: 'position.record',
          itemId: item.id,
          proposalId,
          stance: 'support',
          participantId: participantByName(name).id,
        });
      }
      for (const name of seed.otherComments) {
        await chair.command({
          type: 'position.record',
          itemId: item.id,
          proposalId,
          stance: 'comment',
          participantId: participantByName(name).id,
        });
      }
    }
    const proposalId = (title: string) =>
      state()
        .agenda.flatMap((item) => item.proposals)
        .find((proposal) => proposal.title === title)!.id;
    const bpfItem = itemByNumber('4b').id;
    await chair.command({
      type: 'decision.record',
      itemId: bpfItem,
      proposalId: proposalId('Cybersecurity'),
      kind: 'agreed',
      text: 'Continues in 2017.',
    });
    await chair.command({
      type: 'decision.record',
      itemId: bpfItem,
      proposalId: proposalId('Local Content'),
      kind: 'deferred-to-mailing-list',
      text: '',
    });
    await chair.command({
      type: 'action.record',
      itemId: bpfItem,
      what: 'Circulate the BPF proposals for a decision',
      who: 'Secretariat',
      due: '2017-04-25',
    });
    await chair.command({ type: 'meeting.end' });

    // Ending the meeting generates the draft at once.
    await waitUntil(() => server.app.ctx.rooms.loaded(meetingId)!.state.phase === 'ended', 'ended');
    let record = await secretariat.get(`/api/meetings/${meetingId}/record`);
    for (let attempt = 0; attempt < 50 && record.body.versions.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      record = await secretariat.get(`/api/meetings/${meetingId}/record`);
    }
    expect(record.body.versions).toEqual([expect.objectContaining({ version: 1, source: 'generated', createdBy: 'Lynn St. Amour' })]);
    const markdown = (await secretariat.get(`/api/meetings/${meetingId}/record/versions/1`)).body.markdown as string;

    const lines = proposalLines(markdown);
    expect([...lines.keys()]).toEqual(seedProposals.map((proposal) => proposal.title));
    for (const seed of seedProposals) {
      expect(lines.get(seed.title), seed.title).toEqual({ support: seed.support, otherComments: seed.otherComments });
    }
    expect(markdown).toMatch(/- \*\*Cybersecurity\*\* — Support: [^\n]*Decision: agreed — Continues in 2017\./);
    expect(markdown).toMatch(/- \*\*Local Content\*\* — Support: [^\n]*Decision: deferred to the mailing list\./);
    expect(markdown).toMatch(
      /Consensus call \(“Any objections to item 1\?”\): agreed without objection\. Decision: agreed — The agenda was adopted\./,
    );
    expect(markdown).toContain('Action items: Circulate the BPF proposals for a decision (Secretariat, by 2017-04-25).');

    const annex = markdown.slice(markdown.indexOf('## Annex I – Agenda'), markdown.indexOf('## Annex II'));
    for (const item of ANNEX_I_ITEMS) {
      const label = item.number.length > 1 ? `   - ${item.number.slice(1)} - ${item.title}` : `- ${item.number} - ${item.title}`;
      expect(annex).toContain(item.minutes === null ? `${label}\n` : `${label} (${item.minutes} minutes)`);
    }
    expect(markdown).toMatch(/### Chair\n\n- Lynn St\. Amour, Internet Matters/);
  });

  it('keeps edited versions when regenerating, finalises read-only, and shares with participants', async () => {
    const first = (await secretariat.get(`/api/meetings/${meetingId}/record/versions/1`)).body.markdown as string;
    const edited = first.replace('The agenda was adopted.', 'The agenda was adopted without changes.');
    expect((await secretariat.post(`/api/meetings/${meetingId}/record/versions`, { markdown: edited, basedOn: 1 })).body).toEqual({
      version: 2,
    });
    expect((await secretariat.post(`/api/meetings/${meetingId}/record/generate`)).body).toEqual({ version: 3 });
    const versions = (await secretariat.get(`/api/meetings/${meetingId}/record`)).body.versions as { version: number; source: string }[];
    expect(versions.map((row) => [row.version, row.source])).toEqual([
      [1, 'generated'],
      [2, 'edited'],
      [3, 'generated'],
    ]);
    expect((await secretariat.get(`/api/meetings/${meetingId}/record/versions/2`)).body.markdown).toContain('without changes');

    const participant = await openJoinLink(server.baseUrl, (await secretariat.get(`/api/meetings/${meetingId}`)).body.roster[2].joinUrl);
    expect((await participant.get(`/api/meetings/${meetingId}/record`)).body).toEqual({ shared: null });
    expect((await participant.get(`/api/meetings/${meetingId}/record.md`)).status).toBe(403);
    expect((await participant.post(`/api/meetings/${meetingId}/record/generate`)).status).toBe(403);

    expect((await secretariat.post(`/api/meetings/${meetingId}/record/finalise`, { version: 2 })).body).toEqual({
      finalised: true,
      version: 2,
    });
    const afterFinal = await secretariat.post(`/api/meetings/${meetingId}/record/versions`, { markdown: 'x', basedOn: 2 });
    expect([afterFinal.status, afterFinal.body.code]).toEqual([409, 'record-final']);
    expect((await secretariat.post(`/api/meetings/${meetingId}/record/generate`)).status).toBe(409);
    const state = (await secretariat.get(`/api/meetings/${meetingId}/record`)).body;
    expect(state.finalised).toMatchObject({ by: 'Chengetai Masango', version: 2 });

    await secretariat.put(`/api/meetings/${meetingId}/record/sharing`, { sharing: 'final' });
    const shared = (await participant.get(`/api/meetings/${meetingId}/record`)).body.shared;
    expect(shared).toMatchObject({ version: 2, status: 'final' });
    expect(shared.markdown).toContain('without changes');
    const download = await participant.get(`/api/meetings/${meetingId}/record.md`);
    expect(download.status).toBe(200);
    expect(download.body).toContain('without changes');
  });

  it('exports attendance and speaking statistics as CSV, and the structured record as JSON', async () => {
    const attendance = await secretariat.get(`/api/meetings/${meetingId}/attendance.csv`);
    expect(attendance.body).toMatch(/^name,affiliation,role,/);
    expect(attendance.body).toMatch(/Lynn St\. Amour,Internet Matters,chair,civil-society,weog,,yes,/);
    const speaking = await secretariat.get(`/api/meetings/${meetingId}/speaking.csv`);
    expect(speaking.body).toMatch(/^dimension,value,speaking_turns,speaking_seconds/);
    const json = await secretariat.get(`/api/meetings/${meetingId}/record.json`);
    expect(json.body).toMatchObject({ format: 'equalfloor-record', status: 'final', finalisedBy: 'Chengetai Masango' });
    expect(json.body.record.items.find((item: { number: string }) => item.number === '4b').proposals).toHaveLength(6);
  });
});
