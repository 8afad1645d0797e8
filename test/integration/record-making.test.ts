/**
 * What the record is made of, through the real server with real sockets: positions (own,
 * changed, withdrawn, on behalf, per proposal), consensus calls, decisions, action items,
 * and the chat (private messages, flagging, muting, export), with their role rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitForSeq, waitUntil, type LiveClient } from '../support/live-client.ts';

describe.each(DRIVERS)('the record in the making on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  let meetingId: string;
  let chair: LiveClient;
  let flavio: LiveClient;
  let haojun: LiveClient;
  let observer: LiveClient;
  let itemId: string;
  let proposals: string[];

  const truth = () => server.app.ctx.rooms.loaded(meetingId)!.state;
  const refused = async (client: LiveClient, command: Parameters<LiveClient['command']>[0], code: string) => {
    const before = truth().seq;
    expect(await client.replica.send(command)).toMatchObject({ ok: false, code });
    expect(truth().seq).toBe(before);
  };

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(secretariat, 'MAG Virtual Meeting III');
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, {
      text: '1 - Adoption of agenda (5 minutes)\n2 - Status Update/Formation of BPFs (30 minutes)',
    });
    const csv = [
      'name,stakeholder group,region,role',
      'Lynn St. Amour,civil society,WEOG,chair',
      'Flávio Wagner,civil society,GRULAC,member',
      'Haojun Ji,government,Asia-Pacific,member',
      'Wout de Natris,technical community,WEOG,observer',
    ].join('\n');
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as { joinUrl: string }[];
    [chair, flavio, haojun, observer] = (await Promise.all(
      roster.map(async (entry) => connectLive(server.baseUrl, await openJoinLink(server.baseUrl, entry.joinUrl), meetingId)),
    )) as [LiveClient, LiveClient, LiveClient, LiveClient];
    await waitUntil(() => [chair, flavio, haojun, observer].every((client) => client.replica.status.state === 'live'), 'connected');
    await chair.command({ type: 'meeting.open' });
    itemId = chair.replica.state!.agenda[1]!.id;
    await chair.command({ type: 'agenda.startItem', itemId });
    for (const title of ['BPF Cybersecurity', 'BPF Gender & Access', 'BPF Local Content']) {
      await chair.command({ type: 'agenda.addProposal', itemId, title });
    }
    proposals = chair.replica.state!.agenda[1]!.proposals.map((proposal) => proposal.id);
  });
  afterAll(async () => {
    for (const client of [chair, flavio, haojun, observer]) client?.close();
    await server?.close();
  });

  it('P1 — positions per proposal can be changed and withdrawn; the last one counts; a comment stands beside', async () => {
    await flavio.command({ type: 'position.record', itemId, proposalId: proposals[0]!, stance: 'support' });
    await flavio.command({ type: 'position.record', itemId, proposalId: proposals[1]!, stance: 'objection', text: 'Scope too broad' });
    await flavio.command({ type: 'position.record', itemId, proposalId: proposals[1]!, stance: 'support' });
    await flavio.command({ type: 'position.record', itemId, proposalId: proposals[1]!, stance: 'comment', text: 'Needs a clearer scope' });
    await haojun.command({ type: 'position.record', itemId, proposalId: proposals[0]!, stance: 'support' });
    await haojun.command({ type: 'position.record', itemId, proposalId: proposals[2]!, stance: 'support' });
    const seq = await haojun.command({ type: 'position.withdraw', itemId, proposalId: proposals[2]! });
    await waitForSeq([chair], seq);
    const byProposal = (proposalId: string) =>
      chair.replica
        .state!.positions.filter((position) => position.proposalId === proposalId)
        .map((p) => `${p.name}: ${p.stance}${p.text ? ` (${p.text})` : ''}`);
    expect(byProposal(proposals[0]!)).toEqual(['Flávio Wagner: support', 'Haojun Ji: support']);
    expect(byProposal(proposals[1]!)).toEqual(['Flávio Wagner: support', 'Flávio Wagner: comment (Needs a clearer scope)']);
    expect(byProposal(proposals[2]!)).toEqual([]);
  });

  it('P2 — the chair records a position for someone in the room, marked as recorded on their behalf', async () => {
    await chair.command({ type: 'position.record', itemId, proposalId: proposals[2]!, stance: 'support', name: 'Delegate of Brazil' });
    const position = truth().positions.find((p) => p.name === 'Delegate of Brazil')!;
    expect(position).toMatchObject({ stance: 'support', recordedBy: 'Lynn St. Amour', participantId: null });
  });

  it('P2/P3 — a member cannot record for someone else; an observer only when the meeting allows it', async () => {
    await refused(flavio, { type: 'position.record', itemId, proposalId: null, stance: 'support', name: 'Someone else' }, 'forbidden');
    await refused(
      flavio,
      { type: 'position.record', itemId, proposalId: null, stance: 'support', participantId: haojun.replica.participantId! },
      'forbidden',
    );
    await refused(observer, { type: 'position.record', itemId, proposalId: null, stance: 'support' }, 'forbidden');
    await chair.command({ type: 'meeting.changeSettings', observersMayTakePositions: true });
    await observer.command({ type: 'position.record', itemId, proposalId: null, stance: 'comment', text: 'Observers welcome this' });
    expect(truth().positions.some((p) => p.name === 'Wout de Natris')).toBe(true);
  });

  it('C1–C3 — a consensus call without objections, and one with an objection that a member cannot close', async () => {
    await chair.command({ type: 'consensus.open', itemId, proposalId: proposals[0]!, seconds: 20 });
    const quiet = truth().consensusCalls.at(-1)!;
    expect(quiet.question).toBe('Any objections to BPF Cybersecurity?');
    await refused(flavio, { type: 'consensus.close', callId: quiet.id }, 'forbidden');
    await refused(chair, { type: 'consensus.open', itemId, proposalId: proposals[1]! }, 'conflict');
    await chair.command({ type: 'consensus.close', callId: quiet.id });
    expect(truth().consensusCalls.at(-1)!.outcome).toBe('agreed-without-objection');

    await chair.command({ type: 'consensus.open', itemId, proposalId: proposals[1]! });
    const contested = truth().consensusCalls.at(-1)!;
    await waitUntil(() => haojun.replica.state!.consensusCalls.some((call) => call.id === contested.id), 'haojun sees the call');
    await haojun.command({ type: 'consensus.object', callId: contested.id, reason: 'No proposal was circulated' });
    await chair.command({ type: 'consensus.object', callId: contested.id, name: 'Delegate of Brazil', reason: 'Raised in the room' });
    // An objection entered for the wrong person is taken back by the chair; a member cannot do that for someone else.
    await chair.command({ type: 'consensus.object', callId: contested.id, name: 'Delegate of Chile' });
    await refused(flavio, { type: 'consensus.withdrawObjection', callId: contested.id, name: 'Delegate of Chile' }, 'forbidden');
    await chair.command({ type: 'consensus.withdrawObjection', callId: contested.id, name: 'Delegate of Chile' });
    await chair.command({ type: 'consensus.close', callId: contested.id });
    const closed = truth().consensusCalls.find((call) => call.id === contested.id)!;
    expect(closed.outcome).toBe('objections');
    expect(closed.objections.map((objection) => [objection.name, objection.reason, objection.recordedBy])).toEqual([
      ['Haojun Ji', 'No proposal was circulated', null],
      ['Delegate of Brazil', 'Raised in the room', 'Lynn St. Amour'],
    ]);
    await refused(haojun, { type: 'consensus.object', callId: contested.id }, 'conflict');
  });

  it('D1 — decisions and action items are recorded against items and proposals, by the chair only', async () => {
    await chair.command({ type: 'decision.record', itemId, proposalId: proposals[0]!, kind: 'agreed', text: 'The BPF continues in 2017.' });
    await chair.command({ type: 'decision.record', itemId, proposalId: proposals[2]!, kind: 'deferred-to-mailing-list', text: '' });
    await chair.command({ type: 'action.record', itemId, what: 'Circulate the BPF proposals', who: 'Secretariat', due: '2017-04-25' });
    await refused(flavio, { type: 'decision.record', itemId, proposalId: null, kind: 'agreed' }, 'forbidden');
    await refused(chair, { type: 'action.record', itemId, what: 'x', who: 'y', due: '25 April' } as never, 'invalid');
    expect(truth().decisions.map((decision) => [decision.proposalId, decision.kind])).toEqual([
      [proposals[0], 'agreed'],
      [proposals[2], 'deferred-to-mailing-list'],
    ]);
    expect(truth().actionItems).toEqual([
      expect.objectContaining({ what: 'Circulate the BPF proposals', who: 'Secretariat', due: '2017-04-25' }),
    ]);
  });

  it('P4 — once the item is done, members can no longer change their positions', async () => {
    await chair.command({ type: 'agenda.markItem', itemId, status: 'done' });
    await refused(flavio, { type: 'position.withdraw', itemId, proposalId: proposals[0]! }, 'conflict');
  });

  it('H1–H3 — chat: private messages reach only the secretariat; flagging; a muted person cannot post; export', async () => {
    await flavio.command({ type: 'chat.post', text: 'See https://example.org/bpf <b>not bold</b>' });
    const privateSeq = await haojun.command({ type: 'chat.post', to: 'secretariat', text: 'I will have to leave at 23:00 UTC.' });
    await waitForSeq([chair, flavio], privateSeq);
    expect(chair.replica.state!.chat.map((message) => message.text)).toEqual([
      'See https://example.org/bpf <b>not bold</b>',
      'I will have to leave at 23:00 UTC.',
    ]);
    expect(haojun.replica.state!.chat.map((message) => message.text)).toContain('I will have to leave at 23:00 UTC.');
    expect(flavio.replica.state!.chat.map((message) => message.text)).toEqual(['See https://example.org/bpf <b>not bold</b>']);
    expect(JSON.stringify(flavio.replica.state)).not.toContain('leave at 23:00');

    const message = truth().chat[0]!;
    await chair.command({ type: 'chat.flag', messageId: message.id, flagged: true });
    await refused(flavio, { type: 'chat.flag', messageId: message.id, flagged: false }, 'forbidden');
    await chair.command({ type: 'chat.mute', participantId: flavio.replica.participantId!, muted: true });
    await refused(flavio, { type: 'chat.post', text: 'Can you hear me?' }, 'forbidden');
    await chair.command({ type: 'chat.mute', participantId: flavio.replica.participantId!, muted: false });
    await flavio.command({ type: 'chat.post', text: 'Thank you.' });

    const csv = await secretariat.get(`/api/meetings/${meetingId}/chat.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('secretariat (private)');
    expect(csv.body).toContain('Lynn St. Amour');
    const text = await secretariat.get(`/api/meetings/${meetingId}/chat.txt`);
    expect(text.body).toMatch(
      /Flávio Wagner: See https:\/\/example.org\/bpf <b>not bold<\/b> {2}\[for the minutes, flagged by Lynn St. Amour\]/,
    );
    expect(
      (
        await (
          await openJoinLink(server.baseUrl, (await secretariat.get(`/api/meetings/${meetingId}`)).body.roster[1].joinUrl)
        ).get(`/api/meetings/${meetingId}/chat.csv`)
      ).status,
    ).toBe(403);
  });
});
