/**
 * The protocol version on the real server: a page of another version (loaded before a
 * deployment) is refused when it enters a meeting, with `client-outdated` and a reason it
 * can show, and changes nothing; a page of this version enters as always.
 */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import type { MeetingEvent } from '../../shared/meeting/types.ts';
import { CLIENT_OUTDATED } from '../../server/live/live-socket.ts';
import { DRIVERS } from '../support/test-server.ts';
import { liveSuite } from '../support/live-suite.ts';
import { connectLive, waitUntil } from '../support/live-client.ts';

describe.each(DRIVERS)('the protocol version on %s', (driver) => {
  const live = liveSuite(driver);
  const meeting = live.suiteMeeting(1, { startFirstItem: true });

  const serverState = () => live.serverState(meeting.meetingId);

  it('refuses an older or newer version, or none, with client-outdated and its reason, and changes nothing', async () => {
    const socket = await live.secretariatSocket();
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
    const outdated = connectLive(live.server.baseUrl, live.secretariat, meeting.meetingId, {
      replica: { protocolVersion: PROTOCOL_VERSION - 1 },
    });
    live.closeAfter(outdated);
    await waitUntil(() => outdated.replica.status.state === 'refused', 'the outdated page refused');
    expect(outdated.replica.status).toEqual({ state: 'refused', code: 'client-outdated', reason: CLIENT_OUTDATED });
    expect(outdated.replica.state).toBeUndefined();
    expect(outdated.socket.connected).toBe(false);
  });

  it('enters with the current version and holds the meeting as the server has it', async () => {
    const socket = await live.secretariatSocket();
    const entered = await socket
      .timeout(5_000)
      .emitWithAck('meeting:enter', { meetingId: meeting.meetingId, protocolVersion: PROTOCOL_VERSION });
    expect(entered).toMatchObject({ ok: true, role: 'secretariat', sync: { kind: 'snapshot' } });
    if (!entered.ok) return;
    const { sync } = entered;
    if (sync.kind !== 'snapshot') return;
    expect(sync.state).toEqual(serverState());
    expect(sync.state.chat.map((message: { text: string }) => message.text)).toEqual(['Welcome back']);

    const current = connectLive(live.server.baseUrl, live.secretariat, meeting.meetingId);
    live.closeAfter(current);
    await waitUntil(() => current.replica.status.state === 'live', 'the current page entered');
    expect(current.replica.state).toEqual(serverState());
  });
});
