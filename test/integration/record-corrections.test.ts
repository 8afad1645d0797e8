/**
 * Corrections and approval of the record, through the real server on each database: the
 * secretariat circulates a draft until a date; participants on the roster, signed in with
 * their personal link, propose corrections to its numbered paragraphs (and withdraw their
 * own); the secretariat accepts (a new edited version) or declines them and approves the
 * record, which is then frozen; a later meeting approves it by consensus on its approval item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { addRoster, createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil } from '../support/live-client.ts';
import { paragraphsOf } from '../../shared/record/record-paragraphs.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe.each(DRIVERS)('record corrections on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  let meetingId: string;
  let chair: HttpClient;
  let flavio: HttpClient;
  let haojun: HttpClient;
  /** A member of another meeting, signed in with that meeting's link. */
  let stranger: HttpClient;
  const base = () => `/api/meetings/${meetingId}/record`;

  /** A meeting with the sample roster and a generated first version; its people's browsers. */
  async function meetingWithDraft(title: string) {
    const id = await createMeeting(secretariat, title);
    await secretariat.put(`/api/meetings/${id}/agenda`, {
      text: '1 - Adoption of the agenda (5 minutes)\n2 - Best Practice Forums (30 minutes)',
    });
    const entries = await addRoster(secretariat, id);
    expect((await secretariat.post(`/api/meetings/${id}/record/generate`, {})).status).toBe(201);
    const browsers = await Promise.all(entries.map((entry) => openJoinLink(server.baseUrl, entry.joinUrl)));
    return { id, browsers, entries };
  }

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
    const first = await meetingWithDraft('MAG Virtual Meeting III');
    meetingId = first.id;
    [chair, flavio, haojun] = first.browsers as [HttpClient, HttpClient, HttpClient];
    const other = await meetingWithDraft('MAG Virtual Meeting IV');
    stranger = other.browsers[1]!;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('circulates a draft until a date: the secretariat only, a version that exists, a date to come', async () => {
    expect((await chair.put(`${base()}/circulation`, { version: 1, until: inDays(7) })).status).toBe(403);
    expect((await flavio.put(`${base()}/circulation`, { version: 1, until: inDays(7) })).status).toBe(403);
    const past = await secretariat.put(`${base()}/circulation`, { version: 1, until: inDays(-1) });
    expect(past.status).toBe(400);
    expect(past.body.problems[0].where).toBe('until');
    expect((await secretariat.put(`${base()}/circulation`, { version: 9, until: inDays(7) })).status).toBe(400);
    expect((await secretariat.put(`${base()}/circulation`, { version: 1, until: 'next week' })).status).toBe(400);
    expect((await flavio.get(`${base()}/circulation`)).body.circulation).toBeNull();

    const until = inDays(7);
    const answer = await secretariat.put(`${base()}/circulation`, { version: 1, until });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({ version: 1, until });
  });

  it('shows each participant the circulated paragraphs through their link; refuses a link of another meeting', async () => {
    const view = await flavio.get(`${base()}/circulation`);
    expect(view.status).toBe(200);
    expect(view.body.circulation).toMatchObject({ version: 1, open: true, circulatedBy: 'Chengetai Masango' });
    const markdown = (await secretariat.get(`${base()}/versions/1`)).body.markdown as string;
    expect(view.body.paragraphs).toEqual(paragraphsOf(markdown));
    expect(view.body.paragraphs[0]).toBe('# MAG Virtual Meeting III');
    expect(view.body.mine).toEqual([]);

    const refused = await stranger.get(`${base()}/circulation`);
    expect(refused.status).toBe(404);
    expect(refused.body.error).toBe('Meeting not found.');
    expect((await stranger.post(`${base()}/corrections`, { paragraph: 1, text: '# Mine' })).status).toBe(404);
  });

  it('takes several corrections a person, validated and size-limited; each withdraws only their own', async () => {
    const bad = [
      { paragraph: 1, text: '' },
      { paragraph: 1, text: 'One\n\nTwo' },
      { paragraph: 1, text: 'x'.repeat(5001) },
      { paragraph: 0, text: 'x' },
      { paragraph: 999, text: 'x' },
      { paragraph: 1, text: '# MAG Virtual Meeting III' },
      { paragraph: 1, text: 'x', note: 'n'.repeat(1001) },
      { paragraph: 1, text: 'x', extra: true },
    ];
    for (const body of bad) {
      const answer = await flavio.post(`${base()}/corrections`, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect((await flavio.get(`${base()}/circulation`)).body.mine).toEqual([]);

    const title = await flavio.post(`${base()}/corrections`, { paragraph: 1, text: '# MAG Virtual Meeting III (2017)', note: 'The year.' });
    expect(title.status, JSON.stringify(title.body)).toBe(201);
    expect(title.body).toMatchObject({ paragraph: 1, name: 'Flávio Wagner', status: 'proposed', note: 'The year.' });
    const second = await flavio.post(`${base()}/corrections`, { paragraph: 2, text: 'A second thought.' });
    expect(second.status).toBe(201);
    const haojuns = await haojun.post(`${base()}/corrections`, { paragraph: 1, text: '# Third MAG Virtual Meeting' });
    expect(haojuns.status).toBe(201);

    // Another person's correction is not theirs to withdraw.
    expect((await haojun.delete(`${base()}/corrections/${second.body.id}`)).status).toBe(404);
    expect((await flavio.delete(`${base()}/corrections/${second.body.id}`)).status).toBe(200);
    expect((await flavio.delete(`${base()}/corrections/${second.body.id}`)).status).toBe(409);

    const mine = (await flavio.get(`${base()}/circulation`)).body.mine as { id: string; status: string }[];
    expect(mine.map((row) => row.status).sort()).toEqual(['proposed', 'withdrawn']);
    expect((await haojun.get(`${base()}/circulation`)).body.mine).toHaveLength(1);
  });

  it('shows the secretariat every correction; only the secretariat accepts or declines', async () => {
    const list = await secretariat.get(`${base()}/corrections`);
    expect(list.status).toBe(200);
    const open = (list.body.corrections as { id: string; name: string; paragraph: number; status: string; text: string }[]).filter(
      (row) => row.status === 'proposed',
    );
    expect(open.map((row) => [row.name, row.paragraph])).toEqual([
      ['Flávio Wagner', 1],
      ['Haojun Ji', 1],
    ]);
    expect((await flavio.get(`${base()}/corrections`)).status).toBe(403);
    const [flavios, haojuns] = open as [(typeof open)[0], (typeof open)[0]];
    expect((await chair.post(`${base()}/corrections/${flavios.id}/accept`, {})).status).toBe(403);
    expect((await flavio.post(`${base()}/corrections/${flavios.id}/accept`, {})).status).toBe(403);
    expect((await chair.post(`${base()}/corrections/${haojuns.id}/decline`, { reason: 'No.' })).status).toBe(403);

    const accepted = await secretariat.post(`${base()}/corrections/${flavios.id}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    const version = await secretariat.get(`${base()}/versions/${accepted.body.version}`);
    expect(version.body).toMatchObject({ version: 2, source: 'edited', basedOn: 1 });
    expect(paragraphsOf(version.body.markdown)[0]).toBe('# MAG Virtual Meeting III (2017)');
    expect(paragraphsOf(version.body.markdown).slice(1)).toEqual((await flavio.get(`${base()}/circulation`)).body.paragraphs.slice(1));

    // The same paragraph has changed since: Haojun's correction can no longer apply by itself.
    expect((await secretariat.post(`${base()}/corrections/${haojuns.id}/accept`, {})).status).toBe(409);
    expect((await secretariat.post(`${base()}/corrections/${haojuns.id}/decline`, { reason: ' ' })).status).toBe(400);
    const declined = await secretariat.post(`${base()}/corrections/${haojuns.id}/decline`, {
      reason: 'The title stays as in the invitation.',
    });
    expect(declined.status).toBe(200);
    const seen = (await haojun.get(`${base()}/circulation`)).body.mine[0];
    expect(seen).toMatchObject({ status: 'declined', reason: 'The title stays as in the invitation.', decidedBy: 'Chengetai Masango' });
    expect(
      (await flavio.get(`${base()}/circulation`)).body.mine.find((row: { status: string }) => row.status === 'accepted'),
    ).toMatchObject({
      appliedVersion: 2,
    });
  });

  it('approves the final record for the secretariat only; the record is then frozen', async () => {
    expect((await chair.post(`${base()}/approve`, { version: 2 })).status).toBe(403);
    expect((await flavio.post(`${base()}/approve`, { version: 2 })).status).toBe(403);
    const approved = await secretariat.post(`${base()}/approve`, { version: 2 });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((await secretariat.get(base())).body.finalised).toMatchObject({ version: 2, by: 'Chengetai Masango' });

    expect((await secretariat.post(`${base()}/versions`, { markdown: '# Changed', basedOn: 2 })).status).toBe(409);
    expect((await secretariat.post(`${base()}/generate`, {})).status).toBe(409);
    expect((await secretariat.post(`${base()}/approve`, { version: 1 })).status).toBe(409);
    expect((await secretariat.put(`${base()}/circulation`, { version: 2, until: inDays(3) })).status).toBe(409);
    const late = await flavio.post(`${base()}/corrections`, { paragraph: 2, text: 'Too late.' });
    expect(late.status).toBe(409);
    expect((await flavio.get(`${base()}/circulation`)).body).toMatchObject({ final: true, circulation: { open: false } });
  });

  it('refuses corrections once the date has passed', async () => {
    const { id, browsers } = await meetingWithDraft('MAG Virtual Meeting V');
    const soon = new Date(Date.now() + 1500).toISOString();
    expect((await secretariat.put(`/api/meetings/${id}/record/circulation`, { version: 1, until: soon })).status).toBe(200);
    const member = browsers[1]!;
    expect((await member.post(`/api/meetings/${id}/record/corrections`, { paragraph: 1, text: '# In time' })).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    const late = await member.post(`/api/meetings/${id}/record/corrections`, { paragraph: 1, text: '# Too late' });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatch(/^Corrections closed on /);
    expect((await member.get(`/api/meetings/${id}/record/circulation`)).body.circulation.open).toBe(false);
    const [own] = (await member.get(`/api/meetings/${id}/record/circulation`)).body.mine as { id: string }[];
    expect((await member.delete(`/api/meetings/${id}/record/corrections/${own!.id}`)).status).toBe(409);
  });

  it('approves an earlier record when the later meeting agrees by consensus on its approval item', async () => {
    const earlier = await meetingWithDraft('MAG Virtual Meeting VI');
    const laterId = await createMeeting(secretariat, 'MAG Virtual Meeting VII');
    await secretariat.put(`/api/meetings/${laterId}/agenda`, {
      text: '1 - Approval of the minutes of MAG VI (5 minutes)\n2 - Any other business',
    });
    const [item] = (await secretariat.get(`/api/meetings/${laterId}`)).body.agenda as { id: string }[];
    const [chairEntry] = await addRoster(secretariat, laterId);

    const setApproves = (client: HttpClient, body: unknown) => client.put(`/api/meetings/${laterId}/agenda/${item!.id}/approves`, body);
    expect((await setApproves(secretariat, { meetingId: laterId })).status).toBe(400);
    expect((await setApproves(secretariat, { meetingId: 'm_none' })).status).toBe(400);
    const set = await setApproves(secretariat, { meetingId: earlier.id });
    expect(set.status).toBe(200);
    expect(set.body.links).toEqual([
      {
        itemId: item!.id,
        itemNumber: '1',
        meetingId: earlier.id,
        title: 'MAG Virtual Meeting VI',
        startsAt: '2017-04-11T22:00:00.000Z',
        finalised: false,
      },
    ]);
    // Editing the agenda's text keeps the link on the item of the same title.
    await secretariat.put(`/api/meetings/${laterId}/agenda`, {
      text: '1 - Approval of the minutes of MAG VI (5 minutes)\n2 - Any other business\n3 - Close',
    });
    const links = (await secretariat.get(`/api/meetings/${laterId}/approval-links`)).body.links as { itemId: string }[];
    expect(links).toHaveLength(1);
    const itemId = links[0]!.itemId;

    const chairBrowser = await openJoinLink(server.baseUrl, chairEntry!.joinUrl);
    expect((await setApproves(chairBrowser, { meetingId: null })).status).toBe(403);
    const live = connectLive(server.baseUrl, chairBrowser, laterId);
    try {
      await waitUntil(() => live.replica.status.state === 'live', 'chair connected');
      await live.command({ type: 'meeting.open' });
      await live.command({ type: 'agenda.startItem', itemId });
      await live.command({ type: 'consensus.open', itemId, proposalId: null });
      const callId = live.replica.state!.consensusCalls[0]!.id;
      await live.command({ type: 'consensus.close', callId });
    } finally {
      live.close();
    }
    const view = (await secretariat.get(`/api/meetings/${earlier.id}/record/corrections`)).body;
    expect(view.approvedAt).toMatchObject({ meetingId: laterId, title: 'MAG Virtual Meeting VII' });
    expect((await secretariat.get(`/api/meetings/${earlier.id}/record`)).body.finalised).toMatchObject({
      version: 1,
      by: 'Lynn St. Amour',
    });
    expect((await secretariat.post(`/api/meetings/${earlier.id}/record/versions`, { markdown: '# Changed', basedOn: 1 })).status).toBe(409);
    expect((await secretariat.get(`/api/meetings/${laterId}/approval-links`)).body.links[0].finalised).toBe(true);
  });

  it('lets the secretariat approve from the approval item of a later meeting, and from no other item', async () => {
    const earlier = await meetingWithDraft('MAG Virtual Meeting VIII');
    const laterId = await createMeeting(secretariat, 'MAG Virtual Meeting IX');
    await secretariat.put(`/api/meetings/${laterId}/agenda`, { text: '1 - Approval of the minutes\n2 - Any other business' });
    const [approval, other] = (await secretariat.get(`/api/meetings/${laterId}`)).body.agenda as { id: string }[];
    await secretariat.put(`/api/meetings/${laterId}/agenda/${approval!.id}/approves`, { meetingId: earlier.id });
    const approve = (itemId: string) =>
      secretariat.post(`/api/meetings/${earlier.id}/record/approve`, { at: { meetingId: laterId, itemId } });
    expect((await approve(other!.id)).status).toBe(400);
    expect((await approve(approval!.id)).status).toBe(200);
    const view = (await earlier.browsers[1]!.get(`/api/meetings/${earlier.id}/record/circulation`)).body;
    expect(view.approvedAt).toMatchObject({ meetingId: laterId, title: 'MAG Virtual Meeting IX' });
  });
});
