/**
 * The live meeting through the real server with real socket.io clients, on each database:
 * a chair and 20 participants run an item; two chairs give the floor at once; a client
 * cut off during 10 events catches up exactly (rules L2, L3, F2 of shared/meeting/SPEC.md).
 */
import { describe, expect, it } from 'vitest';
import { DRIVERS } from '../support/test-server.ts';
import { liveSuite } from '../support/live-suite.ts';
import { waitForSeq, waitUntil, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { seenBy } from '../support/seen-by.ts';
import type { Location } from '../../shared/domain.ts';

const LOCATIONS: Location[] = ['room', 'remote', 'phone'];

describe.each(DRIVERS)('the live meeting on %s', (driver) => {
  const live = liveSuite(driver);

  it('a chair and 20 participants run an item, and every screen ends in the server state', async () => {
    const meeting = await live.meeting(20, { coChair: true });
    const { chair, members } = meeting;
    await chair.command({ type: 'agenda.startItem', itemId: meeting.itemIds[0]! });

    await Promise.all(
      members.map((member, index) =>
        member.command({ type: 'participant.setLocation', participantId: member.replica.participantId!, location: LOCATIONS[index % 3]! }),
      ),
    );
    // Hands go up one after another, in a known order; two of them are points of order.
    for (const [index, member] of members.entries()) {
      await member.command({ type: 'queue.raiseHand', kind: index === 7 || index === 15 ? 'point-of-order' : 'new-point' });
    }
    // The last hand may not have reached the chair's screen yet: wait for the server's seq, not the chair's.
    await waitForSeq(meeting.all, live.serverState(meeting.meetingId).seq);

    const queueNames = (client: LiveClient) => queueOf(client.replica.state!, meeting.itemIds[0]!).entries.map((entry) => entry.name);
    const expected = [
      'Member 8',
      'Member 16',
      ...members.map((_, i) => `Member ${i + 1}`).filter((n) => n !== 'Member 8' && n !== 'Member 16'),
    ];
    for (const client of meeting.all) expect(queueNames(client)).toEqual(expected);

    // The chair gives the floor three times from the head of the queue, pausing once.
    for (let turn = 0; turn < 3; turn++) {
      const next = queueOf(chair.replica.state!, meeting.itemIds[0]!).entries[0]!;
      await chair.command({ type: 'floor.give', entryId: next.id });
    }
    const speechId = chair.replica.state!.floor!.id;
    await chair.command({ type: 'timer.pause', speechId });
    await chair.command({ type: 'timer.resume', speechId });
    await members[3]!.command({
      type: 'queue.withdraw',
      entryId: queueOf(members[3]!.replica.state!, meeting.itemIds[0]!).entries.find((e) => e.name === 'Member 4')!.id,
    });
    await chair.command({ type: 'floor.end', speechId });

    const finalSeq = chair.replica.state!.seq;
    await waitForSeq(meeting.all, finalSeq);
    const truth = live.serverState(meeting.meetingId);
    for (const client of meeting.all) expect(client.replica.state).toEqual(seenBy(client, truth));
    expect(truth.speeches.map((speech) => speech.name)).toEqual(['Member 8', 'Member 16', 'Member 1']);
    expect(truth.speeches[2]!.pauses).toHaveLength(1);
    expect(queueNames(members[0]!)).not.toContain('Member 4');
  });

  it('two chairs giving the floor at the same instant produce exactly one change', async () => {
    const meeting = await live.meeting(3, { coChair: true });
    const { chair, members } = meeting;
    const coChair = meeting.coChair!;
    await chair.command({ type: 'agenda.startItem', itemId: meeting.itemIds[0]! });
    await members[0]!.command({ type: 'queue.raiseHand' });
    await members[1]!.command({ type: 'queue.raiseHand' });
    // The server's seq: the chair's own replica may not have the second hand yet.
    const before = live.serverState(meeting.meetingId).seq;
    await waitForSeq([chair, coChair], before);
    const head = queueOf(chair.replica.state!, meeting.itemIds[0]!).entries[0]!;

    const results = await Promise.all([
      chair.replica.send({ type: 'floor.give', entryId: head.id }),
      coChair.replica.send({ type: 'floor.give', entryId: head.id }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, code: 'conflict' });
    const state = live.serverState(meeting.meetingId);
    expect(state.seq).toBe(before + 1);
    expect(state.floor?.name).toBe('Member 1');
    expect(queueOf(state, meeting.itemIds[0]!).entries.map((entry) => entry.name)).toEqual(['Member 2']);
  });

  it('a client cut off during 10 events catches up with exactly those events', async () => {
    const meeting = await live.meeting(4, { coChair: true });
    const { chair, members } = meeting;
    await chair.command({ type: 'agenda.startItem', itemId: meeting.itemIds[0]! });
    const offline = members[3]!;
    await waitForSeq([offline], chair.replica.state!.seq);
    const heldSeq = offline.replica.state!.seq;
    offline.socket.disconnect();
    await waitUntil(() => offline.replica.status.state === 'reconnecting', 'offline client sees it is offline');

    for (const member of members.slice(0, 3))
      await member.command({ type: 'queue.raiseHand', note: `note of ${member.replica.participantId}` });
    await waitForSeq([chair], live.serverState(meeting.meetingId).seq);
    for (let turn = 0; turn < 3; turn++) {
      await chair.command({ type: 'floor.give', entryId: queueOf(chair.replica.state!, meeting.itemIds[0]!).entries[0]!.id });
    }
    await chair.command({ type: 'floor.end', speechId: chair.replica.state!.floor!.id });
    await chair.command({ type: 'agenda.startItem', itemId: meeting.itemIds[1]!, previousItemStatus: 'done' });
    await chair.command({ type: 'queue.close' });
    await chair.command({ type: 'queue.reopen' });
    expect(chair.replica.state!.seq).toBe(heldSeq + 10);
    expect(offline.replica.state!.seq).toBe(heldSeq);

    // What the server answers for the seq the client held: exactly the 10 events, in order.
    const sync = await chair.socket.emitWithAck('meeting:sync', { meetingId: meeting.meetingId, afterSeq: heldSeq });
    expect(sync.ok && sync.sync.kind === 'events' ? sync.sync.events.map((event) => event.seq) : sync).toEqual(
      Array.from({ length: 10 }, (_, index) => heldSeq + index + 1),
    );

    offline.socket.connect();
    await waitForSeq([offline], heldSeq + 10);
    expect(offline.replica.state).toEqual(seenBy(offline, live.serverState(meeting.meetingId)));
  });

  it('refuses a chair command from a participant, a forged meeting id and a stale command, changing nothing', async () => {
    const meeting = await live.meeting(2, { coChair: true });
    const { chair, members } = meeting;
    await chair.command({ type: 'agenda.startItem', itemId: meeting.itemIds[0]! });
    await waitForSeq([chair], await members[0]!.command({ type: 'queue.raiseHand' }));
    const entryId = queueOf(chair.replica.state!, meeting.itemIds[0]!).entries[0]!.id;
    await waitForSeq([chair], await members[0]!.command({ type: 'queue.withdraw', entryId }));
    const seq = live.serverState(meeting.meetingId).seq;

    expect(await members[1]!.replica.send({ type: 'agenda.startItem', itemId: meeting.itemIds[1]! })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await chair.replica.send({ type: 'floor.give', entryId })).toMatchObject({ ok: false, code: 'conflict' });
    const forged = await members[1]!.socket.emitWithAck('meeting:command', {
      meetingId: 'm_forged',
      commandId: 'abcdefgh1234',
      command: { type: 'queue.raiseHand', kind: 'new-point', note: '' },
    });
    expect(forged).toMatchObject({ ok: false, code: 'forbidden' });
    const malformed = await members[1]!.socket.emitWithAck('meeting:command', {
      meetingId: meeting.meetingId,
      commandId: 'abcdefgh1235',
      command: { type: 'queue.raiseHand', kind: 'shouting' },
    } as never);
    expect(malformed).toMatchObject({ ok: false, code: 'invalid' });
    expect(live.serverState(meeting.meetingId).seq).toBe(seq);
  });

  it('applies a command retried with the same id once', async () => {
    const meeting = await live.meeting(1, { coChair: true });
    await meeting.chair.command({ type: 'agenda.startItem', itemId: meeting.itemIds[0]! });
    const payload = {
      meetingId: meeting.meetingId,
      commandId: 'retry-0001-abcd',
      command: { type: 'queue.raiseHand', kind: 'new-point', note: '' },
    } as const;
    const first = await meeting.members[0]!.socket.emitWithAck('meeting:command', payload);
    const retry = await meeting.members[0]!.socket.emitWithAck('meeting:command', payload);
    expect(first).toMatchObject({ ok: true });
    expect(retry).toEqual(first);
    expect(queueOf(live.serverState(meeting.meetingId), meeting.itemIds[0]!).entries).toHaveLength(1);
  });
});
