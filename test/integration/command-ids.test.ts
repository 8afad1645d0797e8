/**
 * Command ids are each sender's own (rule L4): a second member sending the first one's
 * command id gets their own command applied, and a retry of an applied command answers
 * `{ ok: true, seq }` with the seq it was first answered with, whether the room still
 * remembers it or has to look it up in the log.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DRIVERS } from '../support/test-server.ts';
import { liveSuite } from '../support/live-suite.ts';
import { waitForSeq, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { meetingEvents } from '../../server/db/schema.ts';

describe.each(DRIVERS)('command ids per sender on %s', (driver) => {
  const live = liveSuite(driver);

  it("applies a second member's command sent with the first one's command id", async () => {
    const meeting = await live.meeting(2);
    const [first, second] = meeting.members as [LiveClient, LiveClient];
    await meeting.chair.command({ type: 'agenda.startItem', itemId: meeting.itemIds[0]! });
    const payload = (note: string) =>
      ({ meetingId: meeting.meetingId, commandId: 'same-id-0001', command: { type: 'queue.raiseHand', kind: 'new-point', note } }) as const;

    const theirs = await first.socket.emitWithAck('meeting:command', payload('on the first BPF'));
    const mine = await second.socket.emitWithAck('meeting:command', payload('on the second BPF'));
    expect(theirs).toMatchObject({ ok: true });
    expect(mine).toMatchObject({ ok: true });
    const seqs = [theirs, mine].map((answer) => (answer.ok ? answer.seq : 0));
    expect(seqs[1]).toBe(seqs[0]! + 1);
    const queue = queueOf(live.serverState(meeting.meetingId), meeting.itemIds[0]!).entries;
    expect(queue.map((entry) => [entry.participantId, entry.note])).toEqual([
      [meeting.rosterIds[1], 'on the first BPF'],
      [meeting.rosterIds[2], 'on the second BPF'],
    ]);
    // Each one's retry is still recognised as theirs.
    expect(await first.socket.emitWithAck('meeting:command', payload('on the first BPF'))).toEqual(theirs);
    expect(await second.socket.emitWithAck('meeting:command', payload('on the second BPF'))).toEqual(mine);
    expect(queueOf(live.serverState(meeting.meetingId), meeting.itemIds[0]!).entries).toHaveLength(2);
  });

  it('answers a retry with the seq of its first run, after other changes, remembered or looked up in the log', async () => {
    const meeting = await live.meeting(1);
    const { chair, meetingId } = meeting;
    const member = meeting.members[0]!;
    await chair.command({ type: 'agenda.startItem', itemId: meeting.itemIds[0]! });
    const payload = { meetingId, commandId: 'retry-later-01', command: { type: 'queue.raiseHand', kind: 'new-point', note: '' } } as const;
    const first = await member.socket.emitWithAck('meeting:command', payload);
    expect(first).toMatchObject({ ok: true });
    const firstSeq = first.ok ? first.seq : 0;
    await chair.command({ type: 'chat.post', text: 'One' });
    const later = await chair.command({ type: 'chat.post', text: 'Two' });
    await waitForSeq([member], later);

    // Remembered by the room.
    expect(await member.socket.emitWithAck('meeting:command', payload)).toEqual({ ok: true, seq: firstSeq });
    expect(live.serverState(meetingId).seq).toBe(later);

    // Forgotten by the room (more commands since than it keeps in memory): looked up in the log.
    const { db } = live.server.app.database;
    const [row] = await db
      .select({ actorUserId: meetingEvents.actorUserId })
      .from(meetingEvents)
      .where(and(eq(meetingEvents.meetingId, meetingId), eq(meetingEvents.commandId, 'retry-later-01')));
    const chairRow = (
      await db
        .select()
        .from(meetingEvents)
        .where(and(eq(meetingEvents.meetingId, meetingId), eq(meetingEvents.seq, later)))
    )[0]!;
    const fillers = 10_050;
    for (let start = 0; start < fillers; start += 1_000) {
      const count = Math.min(1_000, fillers - start);
      await db.insert(meetingEvents).values(
        Array.from({ length: count }, (_, index) => {
          const n = start + index;
          return {
            meetingId,
            seq: later + n + 1,
            type: 'chat.posted',
            at: chairRow.at + n + 1,
            actorParticipantId: chairRow.actorParticipantId,
            actorName: chairRow.actorName,
            actorUserId: row!.actorUserId,
            commandId: `filler-${String(n).padStart(6, '0')}`,
            body: {
              message: {
                id: `msg_filler_${n}`,
                at: chairRow.at + n + 1,
                fromId: null,
                fromName: 'Chair Person',
                to: 'everyone',
                text: `Note ${n}`,
                flaggedBy: null,
                itemId: null,
              },
            },
          };
        }),
      );
    }
    live.server.app.ctx.rooms.forget(meetingId);
    await live.server.app.ctx.rooms.get(meetingId);
    const top = later + fillers;
    expect(live.serverState(meetingId).seq).toBe(top);
    expect(await member.socket.emitWithAck('meeting:command', payload)).toEqual({ ok: true, seq: firstSeq });
    expect(live.serverState(meetingId).seq).toBe(top);
    expect(queueOf(live.serverState(meetingId), meeting.itemIds[0]!).entries).toHaveLength(1);
    // A new command of the same sender is still applied after it.
    const next = await member.socket.emitWithAck('meeting:command', {
      ...payload,
      commandId: 'retry-later-02',
      command: { type: 'queue.withdraw', entryId: queueOf(live.serverState(meetingId), meeting.itemIds[0]!).entries[0]!.id },
    });
    expect(next).toEqual({ ok: true, seq: top + 1 });
  }, 120_000);
});
