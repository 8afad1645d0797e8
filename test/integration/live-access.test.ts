/**
 * Access that is live: a role changed, a roster entry removed, a link revoked, the observer
 * link switched off or the meeting deleted count at once on every open connection. The next
 * command is judged by the new access; a connection that lost access is told `session:ended`
 * (with the reason) before it is closed; one whose role changed is told and enters again,
 * with a copy of the meeting filtered for the new role. Honest users carry on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, enteredSocket, waitUntil, type LiveClient } from '../support/live-client.ts';
import { startTwoProcesses } from '../support/two-processes.ts';
import type { MeetingSocketClient } from '../../shared/sync/socket-io-adapter.ts';

type Entry = { id: string; name: string; role: string; joinUrl: string };

/** What a connection was told, in order, until it closed: `ended:<reason>`, `access:<role>`, `closed`. */
function recordNotices(socket: MeetingSocketClient): string[] {
  const notices: string[] = [];
  // Heard before any other listener (the replica closes the socket as soon as it hears the notice).
  socket.onAny((event: string, payload: { reason?: string; role?: string }) => {
    if (event === 'session:ended') notices.push(`ended:${payload.reason}`);
    if (event === 'meeting:access-changed') notices.push(`access:${payload.role}`);
  });
  socket.on('disconnect', () => notices.push('closed'));
  return notices;
}

const ROSTER_CSV = [
  'name,stakeholder group,region,role',
  'The Chair,civil society,Africa,chair',
  'The Co-chair,government,WEOG,co-chair',
  'A Member,technical community,Africa,member',
  'The Captioner,civil society,WEOG,captioner',
].join('\n');

describe.each(DRIVERS)('access that is live (%s)', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  const closers: (() => void)[] = [];

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
  });
  afterAll(async () => {
    closers.forEach((close) => close());
    await server?.close();
  });

  /** A meeting with an agenda, opened by its chair, and the roster's entries by role. */
  async function openMeeting(title: string) {
    const meetingId = await createMeeting(secretariat, title);
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Adoption of agenda (5 minutes)' });
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv: ROSTER_CSV })).body.roster as Entry[];
    const byRole = (role: string) => roster.find((entry) => entry.role === role)!;
    const chair = connectLive(server.baseUrl, await openJoinLink(server.baseUrl, byRole('chair').joinUrl), meetingId);
    closers.push(() => chair.close());
    await waitUntil(() => chair.replica.status.state === 'live', 'chair connected');
    await chair.command({ type: 'meeting.open' });
    await chair.command({ type: 'agenda.startItem', itemId: chair.replica.state!.agenda[0]!.id });
    return { meetingId, byRole, chair };
  }

  async function live(meetingId: string, browser: HttpClient): Promise<LiveClient> {
    const client = connectLive(server.baseUrl, browser, meetingId, { reconnection: false });
    closers.push(() => client.close());
    await waitUntil(() => client.replica.status.state === 'live', 'connected');
    return client;
  }

  it('judges a co-chair demoted to member by the new role on the open socket, which gets a copy for a member', async () => {
    const { meetingId, byRole, chair } = await openMeeting('Demotion');
    const coChairBrowser = await openJoinLink(server.baseUrl, byRole('co-chair').joinUrl);
    const coChair = await live(meetingId, coChairBrowser);
    const notices = recordNotices(coChair.socket);
    expect(coChair.replica.role).toBe('co-chair');
    await coChair.command({ type: 'meeting.changeSettings', alternateRoomAndRemote: true });
    // A member's private message to the secretariat: the co-chair sees it, a member would not.
    const member = await live(meetingId, await openJoinLink(server.baseUrl, byRole('member').joinUrl));
    const privateSeq = await member.command({ type: 'chat.post', to: 'secretariat', text: 'For the secretariat only' });
    await waitUntil(() => (coChair.replica.state?.seq ?? 0) >= privateSeq, 'the co-chair holds the message');
    expect(coChair.replica.state!.chat.map((message) => message.text)).toContain('For the secretariat only');

    const patched = await secretariat.patch(`/api/meetings/${meetingId}/roster/${byRole('co-chair').id}`, { role: 'member' });
    expect(patched.status).toBe(200);
    await waitUntil(() => coChair.replica.role === 'member' && coChair.replica.status.state === 'live', 'told of the new role');
    expect(notices).toEqual(['access:member']);
    // Entered again as a member: the copy it holds no longer has the private message.
    await waitUntil(
      () => !coChair.replica.state!.chat.some((message) => message.text === 'For the secretariat only'),
      'a copy for a member',
    );

    const before = chair.replica.state!.settings;
    const refused = await coChair.replica.send({ type: 'meeting.changeSettings', alternateRoomAndRemote: false });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    const mute = await coChair.replica.send({ type: 'chat.mute', participantId: byRole('member').id, muted: true });
    expect(mute).toMatchObject({ ok: false, code: 'forbidden' });
    // Nothing changed, and HTTP says the same as the socket.
    await chair.command({ type: 'chat.post', text: 'Still here' });
    expect(chair.replica.state!.settings).toEqual(before);
    expect(chair.replica.state!.settings.alternateRoomAndRemote).toBe(true);
    expect((await coChairBrowser.get(`/api/meetings/${meetingId}`)).status).toBe(403);
    // As a member they carry on: a hand goes up, and the connection stays open.
    const handSeq = await coChair.command({ type: 'queue.raiseHand' });
    expect(coChair.socket.connected).toBe(true);
    // The chair's copy follows (each socket receives the event in its own time).
    await waitUntil(() => chair.replica.state!.seq >= handSeq, 'the chair sees the hand');
    const waiting = Object.values(chair.replica.state!.queues).flatMap((queue) => queue.entries);
    expect(waiting.some((entry) => entry.participantId === byRole('co-chair').id)).toBe(true);

    // Promoted again, the same connection chairs again.
    expect((await secretariat.patch(`/api/meetings/${meetingId}/roster/${byRole('co-chair').id}`, { role: 'co-chair' })).status).toBe(200);
    await waitUntil(() => coChair.replica.role === 'co-chair', 'told of the role given back');
    await coChair.command({ type: 'meeting.changeSettings', alternateRoomAndRemote: false });
    expect(notices).toEqual(['access:member', 'access:co-chair']);
  });

  it('ends the socket of a staff chair removed from the roster, telling it why before closing it', async () => {
    const { meetingId, chair } = await openMeeting('Staff chair removed');
    const account = { name: 'Staff Chair', email: `chair-${driver}@example.org`, password: 'staff chair password', staffRole: 'chair' };
    expect((await secretariat.post('/api/accounts', account)).status).toBe(201);
    const added = await secretariat.post(`/api/meetings/${meetingId}/roster`, {
      name: account.name,
      affiliation: '',
      email: account.email,
      stakeholderGroup: 'civil-society',
      region: 'weog',
      role: 'chair',
    });
    expect(added.status).toBe(201);
    const staffBrowser = new HttpClient(server.baseUrl);
    expect((await staffBrowser.post('/api/auth/login', { email: account.email, password: account.password })).status).toBe(200);
    const staff = await live(meetingId, staffBrowser);
    const notices = recordNotices(staff.socket);
    expect(staff.replica.role).toBe('chair');
    await staff.command({ type: 'chat.post', text: 'Chairing from my account' });

    expect((await secretariat.delete(`/api/meetings/${meetingId}/roster/${added.body.entry.id}`)).status).toBe(204);
    await waitUntil(() => !staff.socket.connected, 'the removed chair’s socket closed');
    expect(notices).toEqual(['ended:removed from the meeting', 'closed']);
    expect(staff.replica.status).toEqual({ state: 'ended', reason: 'removed from the meeting' });

    // Their account stays signed in, but this meeting is closed to them, over HTTP and the socket.
    expect((await staffBrowser.get('/api/me')).status).toBe(200);
    expect((await staffBrowser.get(`/api/meetings/${meetingId}/page`)).status).toBe(404);
    await expect(enteredSocket(server.baseUrl, staffBrowser, meetingId)).rejects.toThrow(/not admitted/);
    // The chair carries on.
    const seq = chair.replica.state!.seq;
    await chair.command({ type: 'meeting.changeSettings', alternateRoomAndRemote: true });
    expect(chair.replica.state!.seq).toBe(seq + 1);
  });

  it('stops a captioner changed to observer from writing captions on the open socket', async () => {
    const { meetingId, byRole, chair } = await openMeeting('Captioner demoted');
    const captionerBrowser = await openJoinLink(server.baseUrl, byRole('captioner').joinUrl);
    const captioner = await enteredSocket(server.baseUrl, captionerBrowser, meetingId);
    closers.push(() => captioner.close());
    const notices = recordNotices(captioner);
    expect(
      await captioner.emitWithAck('captions:typing', { meetingId, text: 'Good morning', final: true, lineId: 'line-0000001' }),
    ).toEqual({ ok: true });

    expect((await secretariat.patch(`/api/meetings/${meetingId}/roster/${byRole('captioner').id}`, { role: 'observer' })).status).toBe(200);
    await waitUntil(() => notices.includes('access:observer'), 'told of the new role');
    const refused = await captioner.emitWithAck('captions:typing', {
      meetingId,
      text: 'Not any more',
      final: true,
      lineId: 'line-0000002',
    });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await captioner.emitWithAck('captions:speaker', { meetingId, speakerId: null, speakerName: 'Someone' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    // The captions hold the one line written before; the observer still reads them, the chair too.
    const history = await chair.socket.emitWithAck('captions:history', { meetingId });
    expect(history.ok && history.segments.map((segment) => segment.text)).toEqual(['Good morning']);
    const own = await captioner.emitWithAck('captions:history', { meetingId });
    expect(own.ok && own.segments.length).toBe(1);
    expect(captioner.connected).toBe(true);
  });

  it('ends the connections of observers who came through the public link when it is switched off', async () => {
    const { meetingId, byRole, chair } = await openMeeting('Observer link off');
    const setup = await secretariat.put(`/api/meetings/${meetingId}/observer-link`, { enabled: true });
    const token = new URL(setup.body.observerUrl as string).pathname.split('/').pop();
    const visitors: { browser: HttpClient; client: LiveClient; notices: string[] }[] = [];
    for (const name of ['Visitor One', 'Visitor Two']) {
      const browser = new HttpClient(server.baseUrl);
      expect((await browser.post('/api/observe', { token, name, stakeholderGroup: 'civil-society', region: 'africa' })).status).toBe(200);
      const client = await live(meetingId, browser);
      visitors.push({ browser, client, notices: recordNotices(client.socket) });
    }
    const member = await live(meetingId, await openJoinLink(server.baseUrl, byRole('member').joinUrl));
    const memberNotices = recordNotices(member.socket);

    expect((await secretariat.put(`/api/meetings/${meetingId}/observer-link`, { enabled: false })).status).toBe(200);
    await waitUntil(() => visitors.every(({ client }) => !client.socket.connected), 'the visitors’ sockets closed');
    for (const { browser, client, notices } of visitors) {
      expect(notices).toEqual(['ended:the observer link was switched off', 'closed']);
      expect(client.replica.status).toEqual({ state: 'ended', reason: 'the observer link was switched off' });
      expect((await browser.get(`/api/meetings/${meetingId}/page`)).status).toBe(401);
    }
    // Their entries stay on the roster for the record; people with their own links carry on.
    const roster = (await secretariat.get(`/api/meetings/${meetingId}`)).body.roster as { name: string; joinUrl: string | null }[];
    expect(roster.filter((entry) => entry.name.startsWith('Visitor')).map((entry) => entry.joinUrl)).toEqual([null, null]);
    await member.command({ type: 'queue.raiseHand' });
    await chair.command({ type: 'chat.post', text: 'Carrying on' });
    expect(memberNotices).toEqual([]);
  });

  it('tells every connection of a revoked link and of a deleted meeting that it ended, before closing it', async () => {
    const { meetingId, byRole, chair } = await openMeeting('Revoked and deleted');
    const memberBrowsers = await Promise.all([1, 2, 3, 4, 5].map(() => openJoinLink(server.baseUrl, byRole('member').joinUrl)));
    const members = await Promise.all(memberBrowsers.map((browser) => live(meetingId, browser)));
    const memberNotices = members.map((member) => recordNotices(member.socket));
    expect((await secretariat.delete(`/api/meetings/${meetingId}/roster/${byRole('member').id}/link`)).status).toBe(200);
    await waitUntil(() => members.every((member) => !member.socket.connected), 'the revoked sockets closed');
    for (const notices of memberNotices) expect(notices).toEqual(['ended:join link revoked', 'closed']);
    await chair.command({ type: 'chat.post', text: 'Carrying on' });

    // The secretariat's own socket (an account, not bound to the meeting) ends with the meeting too.
    const own = await live(meetingId, secretariat);
    const ownNotices = recordNotices(own.socket);
    const chairNotices = recordNotices(chair.socket);
    const other = await openMeeting('Another meeting');
    expect((await secretariat.request('DELETE', `/api/meetings/${meetingId}`, { confirmTitle: 'Revoked and deleted' })).status).toBe(204);
    await waitUntil(() => !own.socket.connected && !chair.socket.connected, 'the deleted meeting’s sockets closed');
    expect(ownNotices).toEqual(['ended:the meeting was deleted', 'closed']);
    expect(chairNotices).toEqual(['ended:the meeting was deleted', 'closed']);
    // Another meeting carries on.
    await other.chair.command({ type: 'chat.post', text: 'Unaffected' });
  });

  /** Captioning software's socket, admitted by a caption token instead of a session. */
  async function captionFeed(meetingId: string, captionToken: string): Promise<MeetingSocketClient> {
    const socket: MeetingSocketClient = io(server.baseUrl, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { meetingId, captionToken },
      extraHeaders: { origin: server.baseUrl },
    });
    closers.push(() => socket.close());
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }
  const tokenOf = (captionUrl: string) => new URL(captionUrl).searchParams.get('token')!;
  async function segmentTexts(meetingId: string): Promise<string[]> {
    return ((await secretariat.get(`/api/meetings/${meetingId}/transcript.json`)).body.segments as { text: string }[]).map(
      (segment) => segment.text,
    );
  }

  it('gives each captioner their own caption URL, which stops over HTTP and the socket when their link is revoked', async () => {
    const { meetingId, byRole } = await openMeeting('Captioner revoked');
    const meetingToken = tokenOf((await secretariat.get(`/api/meetings/${meetingId}`)).body.captionUrl);
    const captionerBrowser = await openJoinLink(server.baseUrl, byRole('captioner').joinUrl);
    const page = await captionerBrowser.get(`/api/meetings/${meetingId}/page`);
    const ownToken = tokenOf(page.body.captionUrl);
    expect(ownToken).not.toBe(meetingToken);
    expect(
      (await new HttpClient(server.baseUrl).post(`/api/captions/${meetingId}?token=${ownToken}`, { text: 'First line', final: true }))
        .status,
    ).toBe(200);
    const feed = await captionFeed(meetingId, ownToken);
    const notices = recordNotices(feed);
    expect(await feed.emitWithAck('captions:stream', { meetingId, text: 'Second line', final: true })).toEqual({ ok: true });

    expect((await secretariat.delete(`/api/meetings/${meetingId}/roster/${byRole('captioner').id}/link`)).status).toBe(200);
    await waitUntil(() => !feed.connected, 'the captioner’s caption socket closed');
    expect(notices).toEqual(['ended:This caption URL is no longer valid: ask the secretariat for the current one.', 'closed']);
    const refused = await new HttpClient(server.baseUrl).post(`/api/captions/${meetingId}?token=${ownToken}`, {
      text: 'Not any more',
      final: true,
    });
    expect(refused.status).toBe(403);
    await expect(captionFeed(meetingId, ownToken)).rejects.toThrow();
    expect(await segmentTexts(meetingId)).toEqual(['First line', 'Second line']);
    // The captioning software on the meeting's own URL carries on.
    expect(
      (
        await new HttpClient(server.baseUrl).post(`/api/captions/${meetingId}?token=${meetingToken}`, {
          text: 'Software line',
          final: true,
        })
      ).status,
    ).toBe(200);
    expect(await segmentTexts(meetingId)).toEqual(['First line', 'Second line', 'Software line']);
  });

  it('stops a captioner’s own caption URL when their role changes, and lets the secretariat rotate the meeting’s', async () => {
    const { meetingId, byRole } = await openMeeting('Caption rotation');
    const captionerBrowser = await openJoinLink(server.baseUrl, byRole('captioner').joinUrl);
    const ownToken = tokenOf((await captionerBrowser.get(`/api/meetings/${meetingId}/page`)).body.captionUrl);
    const ownFeed = await captionFeed(meetingId, ownToken);
    const ownNotices = recordNotices(ownFeed);
    expect((await secretariat.patch(`/api/meetings/${meetingId}/roster/${byRole('captioner').id}`, { role: 'observer' })).status).toBe(200);
    await waitUntil(() => !ownFeed.connected, 'the former captioner’s caption socket closed');
    expect(ownNotices[0]).toMatch(/^ended:This caption URL is no longer valid/);
    expect(
      (await new HttpClient(server.baseUrl).post(`/api/captions/${meetingId}?token=${ownToken}`, { text: 'x', final: true })).status,
    ).toBe(403);
    expect((await captionerBrowser.get(`/api/meetings/${meetingId}/page`)).body.captionUrl).toBeNull();

    const oldToken = tokenOf((await secretariat.get(`/api/meetings/${meetingId}`)).body.captionUrl);
    const oldFeed = await captionFeed(meetingId, oldToken);
    const oldNotices = recordNotices(oldFeed);
    // Only the secretariat rotates it.
    const chairBrowser = await openJoinLink(server.baseUrl, byRole('chair').joinUrl);
    expect((await chairBrowser.post(`/api/meetings/${meetingId}/caption-token`)).status).toBe(403);
    expect(oldFeed.connected).toBe(true);
    const rotated = await secretariat.post(`/api/meetings/${meetingId}/caption-token`);
    expect(rotated.status).toBe(200);
    const newToken = tokenOf(rotated.body.captionUrl);
    expect(newToken).not.toBe(oldToken);
    await waitUntil(() => !oldFeed.connected, 'the old caption socket closed');
    expect(oldNotices).toEqual(['ended:This caption URL is no longer valid: ask the secretariat for the current one.', 'closed']);
    expect(
      (await new HttpClient(server.baseUrl).post(`/api/captions/${meetingId}?token=${oldToken}`, { text: 'Old', final: true })).status,
    ).toBe(403);
    expect(
      (await new HttpClient(server.baseUrl).post(`/api/captions/${meetingId}?token=${newToken}`, { text: 'New', final: true })).status,
    ).toBe(200);
    const newFeed = await captionFeed(meetingId, newToken);
    expect(await newFeed.emitWithAck('captions:stream', { meetingId, text: 'Streamed', final: true })).toEqual({ ok: true });
    expect(await segmentTexts(meetingId)).toEqual(['New', 'Streamed']);
  });

  it('lets the secretariat replace the room display link, closing the displays opened with the old one', async () => {
    const { meetingId, chair } = await openMeeting('Display rotation');
    const oldUrl = (await secretariat.get(`/api/meetings/${meetingId}`)).body.displayUrl as string;
    const displayBrowser = new HttpClient(server.baseUrl);
    expect((await displayBrowser.post('/api/display', { token: new URL(oldUrl).pathname.split('/').pop() })).status).toBe(200);
    const display = await live(meetingId, displayBrowser);
    const notices = recordNotices(display.socket);
    expect(display.replica.role).toBe('display');

    const rotated = await secretariat.post(`/api/meetings/${meetingId}/display-token`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.displayUrl).not.toBe(oldUrl);
    await waitUntil(() => !display.socket.connected, 'the old display closed');
    expect(notices).toEqual(['ended:the room display link was replaced', 'closed']);
    expect((await displayBrowser.get(`/api/meetings/${meetingId}/page`)).status).toBe(401);
    expect((await new HttpClient(server.baseUrl).post('/api/display', { token: new URL(oldUrl).pathname.split('/').pop() })).status).toBe(
      404,
    );
    const fresh = new HttpClient(server.baseUrl);
    expect((await fresh.post('/api/display', { token: new URL(rotated.body.displayUrl).pathname.split('/').pop() })).status).toBe(200);
    expect((await live(meetingId, fresh)).replica.role).toBe('display');
    await chair.command({ type: 'chat.post', text: 'Carrying on' });
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('access that is live across two server processes', () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('judges demoted co-chairs by their new role, and ends removed ones, on whichever process holds their socket', async () => {
    const { publicUrl, ports, balancer, secretariat, meetingId, roster } = await startTwoProcesses(
      cleanups,
      ['Chair Person,civil society,Africa,chair', ...Array.from({ length: 8 }, (_, i) => `Co-chair ${i + 1},government,WEOG,co-chair`)],
      '1 - Adoption of agenda (5 minutes)',
    );
    const clients: LiveClient[] = [];
    for (const entry of roster)
      clients.push(connectLive(publicUrl, await openJoinLink(publicUrl, entry.joinUrl), meetingId, { reconnection: false }));
    cleanups.push(() => clients.forEach((client) => client.close()));
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'everyone connected', 30_000);
    for (const port of ports) expect(balancer.sockets.get(port) ?? 0).toBeGreaterThan(0);
    const [chair, ...coChairs] = clients as [LiveClient, ...LiveClient[]];
    const notices = coChairs.map((client) => recordNotices(client.socket));
    await chair.command({ type: 'meeting.open' });
    await chair.command({ type: 'agenda.startItem', itemId: chair.replica.state!.agenda[0]!.id });

    // Half are made members, half removed; each request reaches either process through the balancer.
    const demoted = coChairs.slice(0, 4);
    const removed = coChairs.slice(4);
    for (const entry of roster.slice(1, 5))
      expect((await secretariat.patch(`/api/meetings/${meetingId}/roster/${entry.id}`, { role: 'member' })).status).toBe(200);
    for (const entry of roster.slice(5))
      expect((await secretariat.delete(`/api/meetings/${meetingId}/roster/${entry.id}`)).status).toBe(204);

    await waitUntil(
      () => demoted.every((client) => client.replica.role === 'member' && client.replica.status.state === 'live'),
      'the demoted told',
      30_000,
    );
    await waitUntil(() => removed.every((client) => !client.socket.connected), 'the removed closed', 30_000);
    for (const [index, client] of demoted.entries()) {
      expect(notices[index]).toEqual(['access:member']);
      expect(await client.replica.send({ type: 'meeting.changeSettings', alternateRoomAndRemote: true })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      await client.command({ type: 'queue.raiseHand' });
    }
    for (const [index, client] of removed.entries()) {
      expect(notices[4 + index]).toEqual(['ended:removed from the meeting', 'closed']);
      expect(client.replica.status).toEqual({ state: 'ended', reason: 'removed from the meeting' });
    }
    await chair.command({ type: 'chat.post', text: 'Carrying on' });
    expect(chair.replica.state!.settings.alternateRoomAndRemote).toBe(false);
  }, 120_000);
});
