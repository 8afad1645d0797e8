/**
 * Staff accounts taken away at once: the secretariat disables another account (its open sockets
 * are told `session:ended` and closed, its pages answer 401, and it cannot sign in again until
 * enabled) or demotes it to a chair account (a meeting it is not on the roster of is closed to it
 * on every open socket). Nobody changes their own account, and two secretariat accounts
 * disabling each other at the same moment leave one of them in charge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';
import { SECRETARIAT, createMeeting, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { waitUntil } from '../support/live-client.ts';
import type { MeetingSocketClient } from '../../shared/sync/socket-io-adapter.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';

const PASSWORD = 'a long enough staff password';

describe.each(DRIVERS)('changing staff accounts (%s)', (driver) => {
  let server: TestServer;
  let admin: HttpClient;
  let meetingId: string;
  const sockets: MeetingSocketClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(driver);
    admin = await signInFirstSecretariat(server);
    meetingId = await createMeeting(admin, 'IGF Support Association call');
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await server?.close();
  });

  async function addAccount(name: string, staffRole: 'secretariat' | 'chair'): Promise<string> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
    const added = await admin.post('/api/accounts', { name, email, password: PASSWORD, staffRole });
    expect(added.status).toBe(201);
    return added.body.account.id as string;
  }

  async function signIn(name: string, password = PASSWORD) {
    const client = new HttpClient(server.baseUrl);
    const answer = await client.post('/api/auth/login', { email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`, password });
    return { client, answer };
  }

  /** A socket of that browser entered in the meeting, with what it was told until it closed. */
  async function enter(browser: HttpClient) {
    const socket: MeetingSocketClient = io(server.baseUrl, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: server.baseUrl, cookie: browser.cookie! },
    });
    sockets.push(socket);
    const notices: string[] = [];
    socket.onAny((event: string, payload: { reason?: string }) => {
      if (event === 'session:ended') notices.push(`ended:${payload.reason}`);
    });
    socket.on('disconnect', () => notices.push('closed'));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const entered = await socket.emitWithAck('meeting:enter', { meetingId, protocolVersion: PROTOCOL_VERSION });
    expect(entered.ok).toBe(true);
    return { socket, notices };
  }

  it('a disabled account is cut off at once and cannot sign in until enabled again', async () => {
    const id = await addAccount('Anja Gengo', 'secretariat');
    const { client: anja } = await signIn('Anja Gengo');
    const { notices } = await enter(anja);
    expect((await anja.get(`/api/meetings/${meetingId}`)).status).toBe(200);

    const disabled = await admin.patch(`/api/accounts/${id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.account).toMatchObject({ id, disabled: true, staffRole: 'secretariat' });
    await waitUntil(() => notices.includes('closed'), 'the socket closed');
    expect(notices).toEqual(['ended:your account was disabled', 'closed']);
    expect((await anja.get(`/api/meetings/${meetingId}`)).status).toBe(401);

    const again = await signIn('Anja Gengo');
    expect(again.answer.status).toBe(403);
    expect(again.answer.body.error).toMatch(/disabled/);
    // A wrong password learns nothing: the answer is that of any wrong password.
    expect((await signIn('Anja Gengo', 'not the password at all')).answer.status).toBe(401);

    expect((await admin.get('/api/accounts')).body.accounts).toContainEqual(expect.objectContaining({ id, disabled: true }));
    expect((await admin.patch(`/api/accounts/${id}`, { disabled: false })).status).toBe(200);
    expect((await signIn('Anja Gengo')).answer.status).toBe(200);
  });

  it('a secretariat account demoted to chair loses a meeting it is not on the roster of, on its open socket too', async () => {
    const id = await addAccount('Luis Bobo', 'secretariat');
    const { client: luis } = await signIn('Luis Bobo');
    const { notices } = await enter(luis);

    const demoted = await admin.patch(`/api/accounts/${id}`, { staffRole: 'chair' });
    expect(demoted.status).toBe(200);
    expect(demoted.body.account).toMatchObject({ staffRole: 'chair', disabled: false });
    await waitUntil(() => notices.includes('closed'), 'the socket closed');
    expect(notices[0]).toMatch(/^ended:/);
    // To a chair account a meeting it is not on is as if it did not exist.
    expect((await luis.get(`/api/meetings/${meetingId}`)).status).toBe(404);
    expect((await luis.get('/api/accounts')).status).toBe(403);
  });

  it('refuses changing one’s own account, a bad change and an unknown account, changing nothing', async () => {
    const me = (await admin.get('/api/me')).body.user.id as string;
    const own = await admin.patch(`/api/accounts/${me}`, { disabled: true });
    expect(own.status).toBe(409);
    expect((await admin.get('/api/me')).body).toMatchObject({ kind: 'staff', user: { email: SECRETARIAT.email } });
    expect((await admin.patch(`/api/accounts/${me}`, {})).status).toBe(400);
    expect((await admin.patch('/api/accounts/u_nobody', { disabled: true })).status).toBe(404);
    const chairId = await addAccount('Chair Account', 'chair');
    const { client: chair } = await signIn('Chair Account');
    expect((await chair.patch(`/api/accounts/${chairId}`, { staffRole: 'secretariat' })).status).toBe(403);
    expect((await admin.get('/api/accounts')).body.accounts).toContainEqual(expect.objectContaining({ id: chairId, staffRole: 'chair' }));
  });

  it('two secretariat accounts disabling each other at once: one succeeds, one stays in charge', async () => {
    const firstId = await addAccount('First Officer', 'secretariat');
    const secondId = await addAccount('Second Officer', 'secretariat');
    const { client: first } = await signIn('First Officer');
    const { client: second } = await signIn('Second Officer');
    const answers = await Promise.all([
      first.patch(`/api/accounts/${secondId}`, { disabled: true }),
      second.patch(`/api/accounts/${firstId}`, { disabled: true }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, expect.any(Number)]);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const accounts = (await admin.get('/api/accounts')).body.accounts as { id: string; disabled: boolean }[];
    const states = accounts.filter((account) => account.id === firstId || account.id === secondId).map((account) => account.disabled);
    expect(states.sort()).toEqual([false, true]);
  });
});
