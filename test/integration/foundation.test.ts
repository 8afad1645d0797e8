/**
 * The foundation through the real server on each database: accounts and sessions,
 * meeting set-up, join links, socket admission, and refusal of bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { sql } from 'drizzle-orm';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';
import { ANNEX_I_ITEMS, annexIAgenda } from '../support/seeds.ts';
import { SECRETARIAT, addRoster, createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { issueSetupToken } from '../../server/auth/accounts.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';

function connectSocket(server: TestServer, client: HttpClient | undefined, origin: string = server.baseUrl): Socket {
  return io(server.baseUrl, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin, ...(client?.cookie ? { cookie: client.cookie } : {}) },
  });
}

function connected(socket: Socket): Promise<{ ok: true } | { ok: false; reason: string; code?: string }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ ok: true }));
    socket.once('connect_error', (error: Error & { data?: { code: string; reason: string } }) =>
      resolve({ ok: false, reason: error.data?.reason ?? error.message, code: error.data?.code }),
    );
  });
}

describe.each(DRIVERS)('foundation on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('applies the migrations to an empty database', async () => {
    const result = await server.app.database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { table_name: string }[];
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['users', 'sessions', 'meetings', 'roster_entries', 'agenda_items', 'setup_tokens']),
    );
  });

  it('spends the set-up link once: a second use is refused', async () => {
    const again = new HttpClient(server.baseUrl);
    const answer = await again.post('/api/setup', {
      token: 'x'.repeat(43),
      name: 'Intruder',
      email: 'i@example.org',
      password: 'long enough password',
    });
    expect(answer.status).toBe(403);
    expect(await issueSetupToken(server.app.database.db)).toBeUndefined();
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const browser = new HttpClient(server.baseUrl);
    const wrongPassword = await browser.post('/api/auth/login', { email: SECRETARIAT.email, password: 'not the password' });
    const unknownEmail = await browser.post('/api/auth/login', { email: 'nobody@example.org', password: 'not the password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body.error).toBe('Wrong email or password.');
    expect(browser.cookie).toBeUndefined();
  });

  it('throttles repeated failed sign-ins for one email from one address, even with the right password after', async () => {
    const account = { name: 'Chair Account', email: 'chair@example.org', password: 'chair password 123', staffRole: 'chair' };
    expect((await secretariat.post('/api/accounts', account)).status).toBe(201);
    const browser = new HttpClient(server.baseUrl);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push((await browser.post('/api/auth/login', { email: account.email, password: `guess ${attempt}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await browser.post('/api/auth/login', { email: account.email, password: account.password });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('signs in with a session cookie that is HttpOnly and SameSite, and signs out for good', async () => {
    const browser = new HttpClient(server.baseUrl);
    const login = await browser.request('POST', '/api/auth/login', { email: SECRETARIAT.email, password: SECRETARIAT.password });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect((await browser.get('/api/me')).body.kind).toBe('staff');

    const oldCookie = browser.cookie;
    expect((await browser.post('/api/auth/logout')).status).toBe(204);
    const replay = new HttpClient(server.baseUrl);
    replay.cookie = oldCookie;
    expect((await replay.get('/api/me')).body.kind).toBe('anonymous');
    expect((await replay.get('/api/meetings')).status).toBe(401);
  });

  it('creates a meeting with its start in its own time zone', async () => {
    const answer = await secretariat.post('/api/meetings', {
      title: 'BPF Cybersecurity call',
      body: 'Best Practice Forum',
      startsAtLocal: '2020-09-23T14:00',
      timeZone: 'Europe/Zurich',
      plannedMinutes: 165,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.meeting.startsAt).toBe('2020-09-23T12:00:00.000Z');
    const list = await secretariat.get('/api/meetings');
    expect(list.body.meetings.map((meeting: { title: string }) => meeting.title)).toContain('BPF Cybersecurity call');
  });

  it('imports the Annex I agenda of the 2017 summary report with its items, sub-items and minutes', async () => {
    const meetingId = await createMeeting(secretariat);
    const answer = await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: annexIAgenda() });
    expect(answer.status).toBe(200);
    const setup = await secretariat.get(`/api/meetings/${meetingId}`);
    expect(
      setup.body.agenda.map((item: { number: string; title: string; minutes: number | null }) => ({
        number: item.number,
        title: item.title,
        minutes: item.minutes,
      })),
    ).toEqual(ANNEX_I_ITEMS);
    expect(setup.body.agenda.filter((item: { depth: number }) => item.depth === 1)).toHaveLength(4);
  });

  it('refuses an empty or unreadable agenda line by line and keeps the agenda it had', async () => {
    const meetingId = await createMeeting(secretariat);
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Adoption of agenda (5 minutes)\n2 - AOB (5 mins)' });
    const empty = await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.problems[0].where).toBe('line 1');
    const garbled = await secretariat.put(`/api/meetings/${meetingId}/agenda`, {
      text: '1 - Adoption of agenda (5 minutes)\n\n??? coffee\n2 - AOB',
    });
    expect(garbled.status).toBe(400);
    expect(garbled.body.problems).toEqual([expect.objectContaining({ where: 'line 3' })]);
    const setup = await secretariat.get(`/api/meetings/${meetingId}`);
    expect(setup.body.agenda.map((item: { title: string }) => item.title)).toEqual(['Adoption of agenda', 'AOB']);
  });

  it('imports a roster from CSV, and keeps nothing of a file with a bad row', async () => {
    const meetingId = await createMeeting(secretariat);
    const good = [
      'Name,Affiliation,Stakeholder group,Region,Role',
      'Lynn St. Amour,Internet Matters,Civil society,WEOG,Chair',
      '"Wagner, Flávio","CGI.br, Brazil",Civil society,GRULAC,Member',
      '张伟,CNNIC,Technical community,Asia-Pacific,Member',
    ].join('\n');
    const imported = await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv: good });
    expect(imported.status).toBe(200);
    expect(imported.body.added).toBe(3);
    expect(imported.body.roster.map((entry: { name: string }) => entry.name)).toEqual(['Lynn St. Amour', 'Wagner, Flávio', '张伟']);

    const bad = ['Name,Stakeholder group,Region', 'Ana,Civil society,GRULAC', 'Bo,Martians,GRULAC', 'Cy,Government,Mars'].join('\n');
    const refused = await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv: bad });
    expect(refused.status).toBe(400);
    expect(refused.body.problems.map((problem: { where: string }) => problem.where)).toEqual(['line 3', 'line 4']);
    const roster = (await secretariat.get(`/api/meetings/${meetingId}`)).body.roster;
    expect(roster).toHaveLength(3);
  });

  it('lets a join link sign a participant into that meeting only', async () => {
    const meetingId = await createMeeting(secretariat);
    const otherMeetingId = await createMeeting(secretariat, 'Another meeting');
    const [, flavio] = await addRoster(secretariat, meetingId);
    const participant = await openJoinLink(server.baseUrl, flavio!.joinUrl);

    const me = await participant.get('/api/me');
    expect(me.body).toEqual({ kind: 'guest', meetingId, name: 'Flávio Wagner', role: 'member' });
    const page = await participant.get(`/api/meetings/${meetingId}/page`);
    expect(page.status).toBe(200);
    expect(page.body.you).toEqual({ role: 'member', participantId: flavio!.id, name: 'Flávio Wagner' });
    expect(JSON.stringify(page.body)).not.toContain('/join/');

    expect((await participant.get(`/api/meetings/${otherMeetingId}/page`)).status).toBe(404);
    expect((await participant.get(`/api/meetings/${meetingId}`)).status).toBe(403);
    expect((await participant.get('/api/meetings')).status).toBe(403);
    expect(
      (
        await participant.post(`/api/meetings/${meetingId}/roster`, {
          name: 'X',
          stakeholderGroup: 'government',
          region: 'africa',
          role: 'chair',
        })
      ).status,
    ).toBe(403);
  });

  it('stops a revoked join link and the sessions it opened; a re-issued link works', async () => {
    const meetingId = await createMeeting(secretariat);
    const [chair] = await addRoster(secretariat, meetingId);
    const participant = await openJoinLink(server.baseUrl, chair!.joinUrl);
    expect((await participant.get(`/api/meetings/${meetingId}/page`)).status).toBe(200);

    const revoked = await secretariat.delete(`/api/meetings/${meetingId}/roster/${chair!.id}/link`);
    expect(revoked.body.entry.joinUrl).toBeNull();
    expect((await participant.get(`/api/meetings/${meetingId}/page`)).status).toBe(401);
    const token = new URL(chair!.joinUrl).pathname.split('/').pop();
    const reopen = await new HttpClient(server.baseUrl).post('/api/join', { token });
    expect(reopen.status).toBe(404);
    expect(reopen.body.error).toMatch(/not valid/);

    const reissued = await secretariat.post(`/api/meetings/${meetingId}/roster/${chair!.id}/link`);
    expect(reissued.body.entry.joinUrl).not.toBe(chair!.joinUrl);
    const again = await openJoinLink(server.baseUrl, reissued.body.entry.joinUrl);
    expect((await again.get(`/api/meetings/${meetingId}/page`)).status).toBe(200);
  });

  it('lets someone in the room join with the room link and their personal code', async () => {
    const meetingId = await createMeeting(secretariat);
    const [, flavio] = await addRoster(secretariat, meetingId);
    const setup = (await secretariat.get(`/api/meetings/${meetingId}`)).body;
    const roomCode = new URL(setup.roomUrl).pathname.split('/').pop()!;
    const code = setup.roster.find((entry: { id: string }) => entry.id === flavio!.id).personalCode as string;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    const phone = new HttpClient(server.baseUrl);
    expect((await phone.get(`/api/room/${roomCode}`)).body.title).toBe('MAG Virtual Meeting III');
    const wrong = await phone.post('/api/room', { roomCode, personalCode: code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error).toMatch(/does not match/);
    const joined = await phone.post('/api/room', { roomCode: roomCode.toLowerCase(), personalCode: ` ${code.toLowerCase()} ` });
    expect(joined.body).toEqual({ meetingId });
    expect((await phone.get('/api/me')).body).toMatchObject({ kind: 'guest', meetingId, name: 'Flávio Wagner' });

    await secretariat.delete(`/api/meetings/${meetingId}/roster/${flavio!.id}/link`);
    expect((await new HttpClient(server.baseUrl).post('/api/room', { roomCode, personalCode: code })).status).toBe(404);
  });

  it('lists every join link in a CSV for a mail merge', async () => {
    const meetingId = await createMeeting(secretariat);
    const entries = await addRoster(secretariat, meetingId);
    const csv = await secretariat.get(`/api/meetings/${meetingId}/links.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    for (const entry of entries) expect(csv.body).toContain(entry.joinUrl);
    expect(csv.body).toContain('Flávio Wagner');
  });

  it('admits a participant socket to its own meeting and refuses another meeting', async () => {
    const meetingId = await createMeeting(secretariat);
    const otherMeetingId = await createMeeting(secretariat, 'Another meeting');
    const [, flavio] = await addRoster(secretariat, meetingId);
    const participant = await openJoinLink(server.baseUrl, flavio!.joinUrl);
    const socket = connectSocket(server, participant);
    try {
      expect(await connected(socket)).toEqual({ ok: true });
      const own = await socket.emitWithAck('meeting:enter', { meetingId, protocolVersion: PROTOCOL_VERSION });
      expect(own).toMatchObject({ ok: true, meetingId, role: 'member', participantId: flavio!.id });
      const other = await socket.emitWithAck('meeting:enter', { meetingId: otherMeetingId, protocolVersion: PROTOCOL_VERSION });
      expect(other).toEqual({ ok: false, code: 'forbidden', error: 'You are not admitted to this meeting.' });
      const malformed = await socket.emitWithAck('meeting:enter', { meetingId: 42, protocolVersion: PROTOCOL_VERSION });
      expect(malformed).toMatchObject({ ok: false, code: 'invalid' });
    } finally {
      socket.disconnect();
    }
  });

  it('refuses sockets without a session, from another site, and ends them on sign-out', async () => {
    const anonymous = connectSocket(server, undefined);
    expect(await connected(anonymous)).toMatchObject({ ok: false, code: 'unauthenticated' });
    anonymous.close();

    const foreign = connectSocket(server, secretariat, 'https://evil.example');
    expect(await connected(foreign)).toMatchObject({ ok: false });
    foreign.close();

    const browser = new HttpClient(server.baseUrl);
    await browser.post('/api/auth/login', { email: SECRETARIAT.email, password: SECRETARIAT.password });
    const socket = connectSocket(server, browser);
    expect(await connected(socket)).toEqual({ ok: true });
    const ended = new Promise<string>((resolve) => socket.on('session:ended', ({ reason }) => resolve(reason)));
    const closed = new Promise<void>((resolve) => socket.on('disconnect', () => resolve()));
    await browser.post('/api/auth/logout');
    expect(await ended).toBe('signed out');
    await closed;
  });

  it('answers malformed input with a 400 that says what is wrong, and changes nothing', async () => {
    const before = (await secretariat.get('/api/meetings')).body.meetings.length;
    const cases: [unknown, RegExp][] = [
      [{ title: 'X', startsAtLocal: '2017-04-11T22:00', timeZone: 'UTC', plannedMinutes: 'ninety' }, /plannedMinutes/],
      [{ title: '', startsAtLocal: '2017-04-11T22:00', timeZone: 'UTC', plannedMinutes: 90 }, /title must not be empty/],
      [{ title: 'X', startsAtLocal: 'tomorrow', timeZone: 'UTC', plannedMinutes: 90 }, /startsAtLocal/],
      [{ title: 'X', startsAtLocal: '2017-04-11T22:00', timeZone: 'Mars/Olympus', plannedMinutes: 90 }, /timeZone/],
      [
        { title: 'X', startsAtLocal: '2017-04-11T22:00', timeZone: 'UTC', plannedMinutes: 90, admin: true },
        /admin is not an accepted field/,
      ],
      ['[1,2', /could not be read/],
    ];
    for (const [body, message] of cases) {
      const answer = await secretariat.post('/api/meetings', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toMatch(message);
    }
    expect((await secretariat.get('/api/meetings')).body.meetings).toHaveLength(before);
  });

  it('refuses a state change sent from another site (CSRF)', async () => {
    const forged = new HttpClient(server.baseUrl, 'https://evil.example');
    forged.cookie = secretariat.cookie;
    const answer = await forged.post('/api/meetings', {
      title: 'Forged',
      startsAtLocal: '2017-04-11T22:00',
      timeZone: 'UTC',
      plannedMinutes: 90,
    });
    expect(answer.status).toBe(403);
    const titles = (await secretariat.get('/api/meetings')).body.meetings.map((meeting: { title: string }) => meeting.title);
    expect(titles).not.toContain('Forged');
  });
});
