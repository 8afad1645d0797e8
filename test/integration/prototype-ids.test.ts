/**
 * Ids named after object-prototype properties (`__proto__`, `constructor`, …) name nobody:
 * every command with an id field answers `not-found` for each of them (or, for a request to
 * speak, the `conflict` of rule F2: it is not in the queue), nothing changes, and every
 * export still answers. A log holding an event an older version wrote with such an id
 * still loads and exports.
 */
import { describe, expect, it } from 'vitest';
import { DRIVERS } from '../support/test-server.ts';
import { liveSuite } from '../support/live-suite.ts';
import { waitForSeq } from '../support/live-client.ts';
import { exportPaths, type LiveMeeting } from '../support/live-meeting-setup.ts';
import { CommandSchema, type CommandInput, type CommandType } from '../../shared/meeting/commands.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { appendEvents } from '../../server/live/event-store.ts';
import type { MeetingEvent } from '../../shared/meeting/types.ts';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** The id fields of each command, read from the command schemas themselves. */
const ID_FIELDS = Object.fromEntries(
  CommandSchema.options.map((option) => [option.entries.type.literal, Object.keys(option.entries).filter((key) => key.endsWith('Id'))]),
) as Record<CommandType, string[]>;

describe.each(DRIVERS)('ids named after prototype properties on %s', (driver) => {
  const live = liveSuite(driver);
  let meeting: LiveMeeting;

  async function expectExportsAnswer(meetingId: string): Promise<void> {
    for (const path of exportPaths(meetingId)) {
      const answer = await live.secretariat.get(path);
      expect(answer.status, `${path}: ${String(JSON.stringify(answer.body)).slice(0, 200)}`).toBe(200);
    }
  }

  it('answers not-found for each prototype name in every id field of every command, changing nothing', async () => {
    meeting = await live.meeting(2);
    const { chair, members, meetingId, itemIds } = meeting;
    const [itemId] = itemIds as [string];
    const memberId = meeting.rosterIds[1]!;
    await chair.command({ type: 'agenda.startItem', itemId });
    await chair.command({ type: 'agenda.addProposal', itemId, title: 'A Best Practice Forum on cybersecurity' });
    await chair.command({ type: 'agenda.addPresentation', itemId, presenterId: memberId, title: 'Update', minutes: 5 });
    await members[1]!.command({ type: 'queue.raiseHand' });
    await chair.command({ type: 'floor.giveTo', participantId: memberId });
    await chair.command({ type: 'consensus.open', itemId, proposalId: null, seconds: 600 });
    await chair.command({ type: 'chat.post', text: 'Welcome' });
    await chair.command({ type: 'decision.record', itemId, proposalId: null, kind: 'agreed' });
    const seq = await chair.command({ type: 'action.record', itemId, what: 'Circulate the draft', who: 'Secretariat', due: null });
    await waitForSeq(meeting.all, seq);

    const state = live.serverState(meetingId);
    const proposalId = state.agenda[0]!.proposals[0]!.id;
    const entryId = queueOf(state, itemId).entries[0]!.id;
    const speechId = state.floor!.id;
    const callId = state.consensusCalls[0]!.id;
    // A command that would pass with real ids, for each command type with an id field.
    const valid: Partial<Record<CommandType, CommandInput>> = {
      'participant.setLocation': { type: 'participant.setLocation', participantId: memberId, location: 'room' },
      'agenda.startItem': { type: 'agenda.startItem', itemId: itemIds[1]!, confirmed: true },
      'agenda.markItem': { type: 'agenda.markItem', itemId: itemIds[1]!, status: 'deferred' },
      'agenda.addItem': { type: 'agenda.addItem', title: 'Any other business', minutes: 5, afterItemId: itemId },
      'agenda.addPresentation': { type: 'agenda.addPresentation', itemId, presenterId: memberId, title: 'Update', minutes: 5 },
      'queue.addOnBehalf': { type: 'queue.addOnBehalf', participantId: meeting.rosterIds[0]! },
      'queue.editNote': { type: 'queue.editNote', entryId, note: 'on BPFs' },
      'queue.moveDown': { type: 'queue.moveDown', entryId },
      'queue.move': { type: 'queue.move', entryId, toIndex: 0 },
      'queue.withdraw': { type: 'queue.withdraw', entryId },
      'floor.give': { type: 'floor.give', entryId },
      'floor.giveTo': { type: 'floor.giveTo', participantId: memberId },
      'floor.startPresentation': { type: 'floor.startPresentation', presentationId: state.agenda[0]!.presentations[0]!.id },
      'floor.end': { type: 'floor.end', speechId },
      'timer.pause': { type: 'timer.pause', speechId },
      'timer.resume': { type: 'timer.resume', speechId },
      'timer.extend': { type: 'timer.extend', speechId, seconds: 60 },
      'timer.setDuration': { type: 'timer.setDuration', speechId, seconds: 60 },
      'agenda.addProposal': { type: 'agenda.addProposal', itemId, title: 'Another forum' },
      'position.record': { type: 'position.record', itemId, proposalId, stance: 'support', participantId: memberId },
      'position.withdraw': { type: 'position.withdraw', itemId, proposalId, participantId: memberId },
      'consensus.open': { type: 'consensus.open', itemId, proposalId },
      'consensus.object': { type: 'consensus.object', callId, participantId: memberId, reason: 'Too early' },
      'consensus.withdrawObjection': { type: 'consensus.withdrawObjection', callId, participantId: memberId },
      'consensus.close': { type: 'consensus.close', callId },
      'decision.record': { type: 'decision.record', itemId, proposalId, kind: 'agreed' },
      'decision.remove': { type: 'decision.remove', decisionId: state.decisions[0]!.id },
      'action.record': { type: 'action.record', itemId, what: 'Write', who: 'Secretariat', due: null },
      'action.remove': { type: 'action.remove', actionId: state.actionItems[0]!.id },
      'chat.flag': { type: 'chat.flag', messageId: state.chat[0]!.id, flagged: true },
      'chat.mute': { type: 'chat.mute', participantId: memberId, muted: true },
      'queue.setLanguage': { type: 'queue.setLanguage', entryId, language: 'fr' },
      'floor.setLanguage': { type: 'floor.setLanguage', speechId, language: 'fr' },
      // No signal is waiting: every signal id is looked up and answered as one already dismissed.
      'interpretation.passSlower': { type: 'interpretation.passSlower', signalId: 's-none' },
      'interpretation.dismissSlower': { type: 'interpretation.dismissSlower', signalId: 's-none' },
    };
    const withIds = (Object.keys(ID_FIELDS) as CommandType[]).filter((type) => ID_FIELDS[type].length > 0);
    expect(
      withIds.filter((type) => !valid[type]),
      'a command with an id field that this test does not try',
    ).toEqual([]);

    const before = structuredClone(state);
    const answers: string[] = [];
    let tried = 0;
    for (const type of withIds) {
      for (const field of ID_FIELDS[type]) {
        for (const name of PROTOTYPE_NAMES) {
          const command = { ...valid[type], [field]: name } as CommandInput;
          const answer = await chair.replica.send(command);
          tried++;
          // Queue entries and slow-down signals come and go: one not there is "no longer there".
          const expected = field === 'entryId' || field === 'signalId' ? 'conflict' : 'not-found';
          const code = answer.ok ? 'ok' : answer.code;
          if (code !== expected) answers.push(`${type}.${field} = ${name}: ${code} (expected ${expected})`);
        }
      }
    }
    expect(answers).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(PROTOTYPE_NAMES.length * 30);
    expect(live.serverState(meetingId)).toEqual(before);
    // The members' own commands with prototype names, where their role reaches the lookup.
    for (const name of PROTOTYPE_NAMES) {
      expect(await members[0]!.replica.send({ type: 'consensus.object', callId: name })).toMatchObject({ ok: false, code: 'not-found' });
      expect(await members[0]!.replica.send({ type: 'position.record', itemId: name, proposalId: null, stance: 'support' })).toMatchObject({
        ok: false,
        code: 'not-found',
      });
    }
    expect(live.serverState(meetingId)).toEqual(before);
    await expectExportsAnswer(meetingId);
  }, 120_000);

  it('loads and exports a meeting whose log holds an event an older version decided with a prototype name', async () => {
    const { meetingId, chair } = meeting;
    const room = live.server.app.ctx.rooms.loaded(meetingId)!;
    const seq = room.state.seq;
    // What `floor.giveTo` with `__proto__` stored before: a speech by nobody, without a name.
    const broken = {
      type: 'floor.given',
      seq: seq + 1,
      at: Date.now(),
      actor: { participantId: meeting.rosterIds[0]!, name: 'Chair Person' },
      speech: {
        id: 's_broken',
        itemId: meeting.itemIds[0]!,
        kind: 'new-point',
        presentationId: null,
        entryId: null,
        location: 'remote',
        startedAt: Date.now(),
        timer: { durationMs: 180_000, pausedAt: null, pausedMs: 0 },
        pauses: [],
      },
    } as unknown as MeetingEvent;
    const ended = {
      type: 'floor.ended',
      seq: seq + 2,
      at: Date.now() + 1_000,
      actor: { participantId: meeting.rosterIds[0]!, name: 'Chair Person' },
      speechId: 's_broken',
    } as MeetingEvent;
    const located = {
      type: 'participant.locationSet',
      seq: seq + 3,
      at: Date.now(),
      actor: { participantId: meeting.rosterIds[0]!, name: 'Chair Person' },
      participantId: '__proto__',
      location: 'room',
    } as MeetingEvent;
    await appendEvents(live.server.app.database.db, meetingId, [broken, ended, located], { commandId: null, actorUserId: null });
    live.server.app.ctx.rooms.forget(meetingId);

    await expectExportsAnswer(meetingId);
    const reloaded = await live.server.app.ctx.rooms.get(meetingId);
    expect(reloaded!.state.seq).toBe(seq + 3);
    expect([reloaded!.state.floor, ...reloaded!.state.speeches].map((speech) => speech?.id)).not.toContain('s_broken');
    expect(Object.keys(reloaded!.state.participants)).not.toContain('undefined');
    // The meeting goes on: the next command is stored after the skipped events.
    chair.socket.disconnect().connect();
    await waitForSeq([chair], seq + 3);
    expect(await chair.command({ type: 'chat.post', text: 'Still here' })).toBe(seq + 4);
  }, 120_000);
});
