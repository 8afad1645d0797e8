/**
 * The protocol version on the real server: a page of another version (loaded before a
 * deployment) is refused when it enters a meeting, with `client-outdated` and a reason it
 * can show, and changes nothing; a page of this version enters as always.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { MeetingSocketClient } from '../../shared/sync/socket-io-adapter.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import type { MeetingEvent } from '../../shared/meeting/types.ts';
import { CLIENT_OUTDATED } from '../../server/live/live-socket.ts';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { setUpLiveMeeting, type LiveMeeting } from '../support/live-meeting-setup.ts';

describe.each(DRIVERS)('the protocol version on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  let meeting: LiveMeeting;
  const sockets: MeetingSocketClient[] = [];
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
    meeting = await setUpLiveMeeting(server, secretariat, 1);
    await meeting.chair.command({ type: 'agenda.startItem', itemId: meeting.itemIds[0]! });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const client of [...clients, ...(meeting?.all ?? [])]) client.close();
    await server?.close();
  });

  const serverState = () => server.app.ctx.rooms.loaded(meeting.meetingId)!.state;

  async function connect(): Promise<MeetingSocketClient> {
    const socket: MeetingSocketClient = io(server.baseUrl, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { origin: secretariat.origin ?? server.baseUrl, cookie: secretariat.cookie ?? '' },
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it('refuses an older or newer version, or none, with client-outdated and its reason, and changes nothing', async () => {
    const socket = await connect();
    const heard: MeetingEvent[] = [];
    socket.on('meeting:events', ({ events }) => heard.push(...events));
    const before = structuredClone(serverState());
    const { meetingId } = meeting;

    for (const protocolVersion of [PROTOCOL_VERSION - 1, PROTOCOL_VERSION + 1]) {
      expect(await socket.timeout(5_000).emitWithAck('meeting:enter', { meetingId, protocolVersion })).toEqual({
        ok: false,
        code: 'client-outdated',
        error: CLIENT_OUTDATED,
      });
    }
    // A page from before versions were sent.
    expect(await socket.timeout(5_000).emitWithAck('meeting:enter', { meetingId } as never)).toMatchObject({
      ok: false,
      code: 'client-outdated',
    });
    // Not entered: its commands are refused, and the meeting's events do not reach it.
    expect(
      await socket
        .timeout(5_000)
        .emitWithAck('meeting:command', { meetingId, commandId: 'outdated-1', command: { type: 'chat.post', text: 'From an old page' } }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(serverState()).toEqual(before);
    await meeting.chair.command({ type: 'chat.post', text: 'Welcome back' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual([]);
    expect(socket.connected).toBe(true);
  });

  it('an outdated replica stops with the reason instead of trying again', async () => {
    const outdated = connectLive(server.baseUrl, secretariat, meeting.meetingId, { replica: { protocolVersion: PROTOCOL_VERSION - 1 } });
    clients.push(outdated);
    await waitUntil(() => outdated.replica.status.state === 'refused', 'the outdated page refused');
    expect(outdated.replica.status).toEqual({ state: 'refused', code: 'client-outdated', reason: CLIENT_OUTDATED });
    expect(outdated.replica.state).toBeUndefined();
    expect(outdated.socket.connected).toBe(false);
  });

  it('enters with the current version and holds the meeting as the server has it', async () => {
    const socket = await connect();
    const entered = await socket
      .timeout(5_000)
      .emitWithAck('meeting:enter', { meetingId: meeting.meetingId, protocolVersion: PROTOCOL_VERSION });
    expect(entered).toMatchObject({ ok: true, role: 'secretariat', sync: { kind: 'snapshot' } });
    if (!entered.ok) return;
    const { sync } = entered;
    if (sync.kind !== 'snapshot') return;
    expect(sync.state).toEqual(serverState());
    expect(sync.state.chat.map((message: { text: string }) => message.text)).toEqual(['Welcome back']);

    const current = connectLive(server.baseUrl, secretariat, meeting.meetingId);
    clients.push(current);
    await waitUntil(() => current.replica.status.state === 'live', 'the current page entered');
    expect(current.replica.state).toEqual(serverState());
  });
});
