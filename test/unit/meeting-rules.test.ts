/**
 * The rules of the live meeting (shared/meeting/SPEC.md), one test or table per rule,
 * run through the same path as the server: schema, decide, numbered events, reducer.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingAccessRole } from '../../shared/domain.ts';
import type { CommandInput, CommandType } from '../../shared/meeting/commands.ts';
import { CommandRejected } from '../../shared/meeting/decide.ts';
import { COMMAND_ROLES, LEADING_ROLES } from '../../shared/meeting/permissions.ts';
import { kindRank } from '../../shared/meeting/queue-order.ts';
import { applyEvent, applyEvents, initialMeetingState } from '../../shared/meeting/reducer.ts';
import { agendaSections } from '../../shared/meeting/timers.ts';
import { SPEECH_KINDS, type MeetingEvent, type SpeechKind } from '../../shared/meeting/types.ts';
import {
  MINUTE,
  NAME,
  ROSTER,
  SECOND,
  T0,
  MeetingHarness,
  expectRefused,
  meetingOnItem1,
  openMeeting,
  rejectionOf,
  type PersonId,
  type Sender,
} from '../support/meeting-harness.ts';

const { lynn: LYNN, chengetai: CHENGETAI, flavio: FLAVIO, mary: MARY, sumon: SUMON } = NAME;
const { haojun: HAOJUN, lianna: LIANNA, rasha: RASHA, timea: TIMEA, wim: WIM } = NAME;

/** Item 1 running; Haojun has the floor; Flávio and Mary wait. */
function busyMeeting(): MeetingHarness {
  const h = meetingOnItem1();
  h.raiseAll(['haojun', 'flavio', 'mary']);
  h.next();
  return h;
}

/** A schema-valid example of every command, aimed at the busy meeting's people. */
function exampleCommands(h: MeetingHarness): Record<CommandType, CommandInput> {
  const flavio = h.entry(FLAVIO).id;
  const speechId = h.state.floor?.id ?? 's-none';
  return {
    'meeting.open': { type: 'meeting.open' },
    'meeting.end': { type: 'meeting.end' },
    'meeting.changeSettings': { type: 'meeting.changeSettings', firstTimeSpeakersFirst: true },
    'participant.setLocation': { type: 'participant.setLocation', participantId: 'flavio', location: 'remote' },
    'agenda.startItem': { type: 'agenda.startItem', itemId: 'i2', confirmed: true },
    'agenda.markItem': { type: 'agenda.markItem', itemId: 'i2', status: 'deferred' },
    'agenda.addItem': { type: 'agenda.addItem', title: 'Any other business', minutes: 5, afterItemId: null },
    'agenda.addPresentation': { type: 'agenda.addPresentation', itemId: 'i3', presenterId: 'wim', title: 'BPF outputs', minutes: 10 },
    'queue.raiseHand': { type: 'queue.raiseHand', kind: 'reply' },
    'queue.addOnBehalf': { type: 'queue.addOnBehalf', participantId: null, name: 'Caller from Nairobi', location: 'phone' },
    'queue.editNote': { type: 'queue.editNote', entryId: flavio, note: 'On the BPF timeline' },
    'queue.moveDown': { type: 'queue.moveDown', entryId: flavio },
    'queue.move': { type: 'queue.move', entryId: flavio, toIndex: 1 },
    'queue.withdraw': { type: 'queue.withdraw', entryId: flavio },
    'queue.close': { type: 'queue.close' },
    'queue.reopen': { type: 'queue.reopen' },
    'queue.clear': { type: 'queue.clear' },
    'floor.give': { type: 'floor.give', entryId: flavio },
    'floor.giveTo': { type: 'floor.giveTo', participantId: 'sumon' },
    'floor.startPresentation': { type: 'floor.startPresentation', presentationId: 'p-none' },
    'floor.end': { type: 'floor.end', speechId },
    'timer.pause': { type: 'timer.pause', speechId },
    'timer.resume': { type: 'timer.resume', speechId },
    'timer.extend': { type: 'timer.extend', speechId, seconds: 60 },
    'timer.setDuration': { type: 'timer.setDuration', speechId, seconds: 120 },
    'agenda.addProposal': { type: 'agenda.addProposal', itemId: 'i1', title: 'BPF Cybersecurity' },
    'position.record': { type: 'position.record', itemId: 'i1', proposalId: null, stance: 'support' },
    'position.withdraw': { type: 'position.withdraw', itemId: 'i1', proposalId: null },
    'consensus.open': { type: 'consensus.open', itemId: 'i1', proposalId: null },
    'consensus.object': { type: 'consensus.object', callId: 'c-none' },
    'consensus.withdrawObjection': { type: 'consensus.withdrawObjection', callId: 'c-none' },
    'consensus.close': { type: 'consensus.close', callId: 'c-none' },
    'decision.record': { type: 'decision.record', itemId: 'i1', proposalId: null, kind: 'agreed', text: 'Adopted.' },
    'decision.remove': { type: 'decision.remove', decisionId: 'd-none' },
    'action.record': { type: 'action.record', itemId: 'i1', what: 'Circulate the draft', who: 'Secretariat', due: null },
    'action.remove': { type: 'action.remove', actionId: 'ai-none' },
    'chat.post': { type: 'chat.post', text: 'Hello' },
    'chat.flag': { type: 'chat.flag', messageId: 'msg-none', flagged: true },
    'chat.mute': { type: 'chat.mute', participantId: 'flavio', muted: true },
    'queue.setLanguage': { type: 'queue.setLanguage', entryId: flavio, language: 'fr' },
    'floor.setLanguage': { type: 'floor.setLanguage', speechId, language: 'es' },
    'interpretation.askSlower': { type: 'interpretation.askSlower' },
    'interpretation.passSlower': { type: 'interpretation.passSlower', signalId: h.state.slowDown?.id ?? 'sl-none' },
    'interpretation.dismissSlower': { type: 'interpretation.dismissSlower', signalId: h.state.slowDown?.id ?? 'sl-none' },
  };
}

const COMMAND_TYPES = Object.keys(COMMAND_ROLES) as CommandType[];
const INTERPRETER_COMMANDS = COMMAND_TYPES.filter((type) => COMMAND_ROLES[type].includes('interpreter'));
const LEAD_COMMANDS = COMMAND_TYPES.filter((type) => !COMMAND_ROLES[type].includes('member') && !INTERPRETER_COMMANDS.includes(type));
const OWN_HAND_COMMANDS = COMMAND_TYPES.filter((type) => COMMAND_ROLES[type].includes('member'));

/** A sender for each role that does not lead. */
const NON_LEADS: { role: MeetingAccessRole; who: Sender }[] = [
  { role: 'member', who: 'flavio' },
  { role: 'observer', who: 'wim' },
  { role: 'captioner', who: 'kirsty' },
  { role: 'interpreter', who: 'amal' },
  { role: 'display', who: 'display' },
];
const LEADS: { role: MeetingAccessRole; who: PersonId }[] = [
  { role: 'chair', who: 'lynn' },
  { role: 'co-chair', who: 'juan' },
  { role: 'secretariat', who: 'chengetai' },
];

const byKind = (kinds: SpeechKind[]) => kinds.every((kind, index) => index === 0 || kindRank(kinds[index - 1]!) <= kindRank(kind));

// ---------------------------------------------------------------------------------------
describe('Roles and ownership', () => {
  describe('R1 — the role table', () => {
    it('R1 — the lead commands are exactly those of agenda, floor, timers, queue management, the record and the meeting itself', () => {
      expect(LEAD_COMMANDS.sort()).toEqual(
        [
          'action.record',
          'action.remove',
          'agenda.addProposal',
          'chat.flag',
          'chat.mute',
          'consensus.close',
          'consensus.open',
          'decision.record',
          'decision.remove',
          'agenda.addItem',
          'agenda.addPresentation',
          'agenda.markItem',
          'agenda.startItem',
          'interpretation.dismissSlower',
          'interpretation.passSlower',
          'floor.give',
          'floor.giveTo',
          'floor.startPresentation',
          'meeting.changeSettings',
          'meeting.end',
          'meeting.open',
          'queue.addOnBehalf',
          'queue.clear',
          'queue.close',
          'queue.move',
          'queue.reopen',
          'timer.extend',
          'timer.pause',
          'timer.resume',
          'timer.setDuration',
        ].sort(),
      );
      for (const type of LEAD_COMMANDS) expect([...COMMAND_ROLES[type]].sort()).toEqual([...LEADING_ROLES].sort());
      expect(OWN_HAND_COMMANDS.sort()).toEqual(
        [
          'chat.post',
          'consensus.object',
          'consensus.withdrawObjection',
          'floor.end',
          'floor.setLanguage',
          'participant.setLocation',
          'position.record',
          'position.withdraw',
          'queue.editNote',
          'queue.moveDown',
          'queue.raiseHand',
          'queue.setLanguage',
          'queue.withdraw',
        ].sort(),
      );
      for (const type of OWN_HAND_COMMANDS.filter((type) => type !== 'chat.post')) {
        expect([...COMMAND_ROLES[type]].sort()).toEqual(['chair', 'co-chair', 'member', 'observer', 'secretariat']);
      }
    });

    const leadCases = NON_LEADS.flatMap(({ role, who }) => LEAD_COMMANDS.map((type) => ({ role, who, type })));
    it.each(leadCases)('R1 — a $role may not send $type (forbidden, nothing changes)', ({ who, type }) => {
      const h = busyMeeting();
      expectRefused(h, who, exampleCommands(h)[type], 'forbidden');
    });

    const silentCases = NON_LEADS.filter(({ role }) => ['captioner', 'interpreter', 'display'].includes(role)).flatMap(({ role, who }) =>
      OWN_HAND_COMMANDS.filter((type) => !(role === 'captioner' && type === 'chat.post')).map((type) => ({ role, who, type })),
    );
    it('R1 — the captioner may write in the chat', () => {
      expect(COMMAND_ROLES['chat.post']).toContain('captioner');
      expect(COMMAND_ROLES['chat.post']).not.toContain('display');
    });
    it.each(silentCases)('R1 — the $role sends no meeting commands but chat: $type is forbidden', ({ who, type }) => {
      const h = busyMeeting();
      expectRefused(h, who, exampleCommands(h)[type], 'forbidden');
    });

    // Only interpreters ask for a slower pace (test/unit/interpretation-rules.test.ts).
    const allowedCases = LEADS.flatMap(({ role, who }) =>
      COMMAND_TYPES.filter((type) => !INTERPRETER_COMMANDS.includes(type)).map((type) => ({ role, who, type })),
    );
    it.each(allowedCases)('R1 — the $role is not refused $type for their role', ({ who, type }) => {
      const h = busyMeeting();
      const input = exampleCommands(h)[type];
      try {
        h.decide(who, input);
      } catch (error) {
        // Other refusals (already open, no such presentation…) are about the state, not the role.
        expect(error).toBeInstanceOf(CommandRejected);
        expect((error as CommandRejected).code).not.toBe('forbidden');
      }
    });

    it('R1 — a member and an observer (when allowed) act on their own hand', () => {
      const h = meetingOnItem1().settings({ observersMayRequestFloor: true });
      const flavio = h.raise('flavio');
      const wim = h.raise('wim');
      h.run('flavio', { type: 'queue.editNote', entryId: flavio.id, note: 'On the CfP' });
      h.run('wim', { type: 'queue.withdraw', entryId: wim.id });
      h.run('wim', { type: 'participant.setLocation', participantId: 'wim', location: 'phone' });
      expect(h.queue().map((entry) => [entry.name, entry.note])).toEqual([[FLAVIO, 'On the CfP']]);
      expect(h.state.participants.wim?.location).toBe('phone');
    });
  });

  describe('R2 — own entry only', () => {
    const ownHand = ['queue.editNote', 'queue.moveDown', 'queue.withdraw'] as const;
    const input = (type: (typeof ownHand)[number], entryId: string): CommandInput =>
      type === 'queue.editNote' ? { type, entryId, note: 'mine now' } : { type, entryId };

    it.each(ownHand)('R2 — a member cannot %s someone else’s entry', (type) => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary', 'sumon']);
      expectRefused(h, 'mary', input(type, h.entry(FLAVIO).id), 'forbidden');
      expect(h.queueNames()).toEqual([FLAVIO, MARY, SUMON]);
    });

    it.each(ownHand)('R2 — a member cannot %s an entry typed in by name', (type) => {
      const h = meetingOnItem1();
      h.run('chengetai', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya' });
      h.raise('mary');
      expectRefused(h, 'mary', input(type, h.entry('Delegate of Kenya').id), 'forbidden');
    });

    it.each(ownHand)('R2 — an observer cannot %s a member’s entry', (type) => {
      const h = meetingOnItem1().settings({ observersMayRequestFloor: true }).raiseAll(['flavio', 'wim']);
      expectRefused(h, 'wim', input(type, h.entry(FLAVIO).id), 'forbidden');
    });

    const leadCases = (['lynn', 'chengetai'] as const).flatMap((who) => ownHand.map((type) => ({ who, type })));
    it.each(leadCases)('R2 — $who (chair / secretariat) may $type anyone’s entry', ({ who, type }) => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary', 'sumon']);
      h.run(who, input(type, h.entry(FLAVIO).id));
      const expected = {
        'queue.editNote': [FLAVIO, MARY, SUMON],
        'queue.moveDown': [MARY, FLAVIO, SUMON],
        'queue.withdraw': [MARY, SUMON],
      }[type];
      expect(h.queueNames()).toEqual(expected);
      if (type === 'queue.editNote') expect(h.entry(FLAVIO).note).toBe('mine now');
    });

    it('R2 — a withdrawal records whether the person lowered their own hand or the chair removed it', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      const [own] = h.run('flavio', { type: 'queue.withdraw', entryId: h.entry(FLAVIO).id });
      const [removed] = h.run('lynn', { type: 'queue.withdraw', entryId: h.entry(MARY).id });
      expect(own).toMatchObject({ type: 'queue.handLowered', by: 'self' });
      expect(removed).toMatchObject({ type: 'queue.handLowered', by: 'chair' });
      expect(h.queueNames()).toEqual([]);
    });
  });

  describe('R3 — where people take part from', () => {
    it('R3 — a participant says where they take part from', () => {
      const h = meetingOnItem1();
      expect(h.state.participants.timea?.location).toBeNull();
      h.run('timea', { type: 'participant.setLocation', participantId: 'timea', location: 'room' });
      expect(h.state.participants.timea?.location).toBe('room');
      h.raise('timea');
      expect(h.entry(TIMEA).location).toBe('room');
    });

    it('R3 — a member cannot say where someone else is', () => {
      const h = meetingOnItem1();
      expectRefused(h, 'mary', { type: 'participant.setLocation', participantId: 'haojun', location: 'room' }, 'forbidden');
    });

    it.each(['lynn', 'chengetai'] as const)('R3 — %s corrects a location, and the person’s waiting entries follow', (who) => {
      const h = meetingOnItem1();
      h.raiseAll(['haojun', 'flavio']);
      h.startItem('i2', { confirmed: true });
      h.raiseAll(['haojun', 'lianna']);
      h.run(who, { type: 'participant.setLocation', participantId: 'haojun', location: 'room' });
      expect(h.state.participants.haojun?.location).toBe('room');
      expect(h.queue('i1').map((entry) => [entry.name, entry.location])).toEqual([
        [HAOJUN, 'room'],
        [FLAVIO, 'room'],
      ]);
      expect(h.queue('i2').map((entry) => [entry.name, entry.location])).toEqual([
        [HAOJUN, 'room'],
        [LIANNA, 'remote'],
      ]);
      // The corrected location is the one the floor shows.
      h.next(h.entry(HAOJUN).id);
      expect(h.state.floor).toMatchObject({ name: HAOJUN, location: 'room' });
    });

    it('R3 — someone who has not said where they are is not stated, never remote, in the queue and on the floor', () => {
      const h = meetingOnItem1();
      expect(h.raise('timea').location).toBeNull();
      h.next();
      expect(h.state.floor).toMatchObject({ name: TIMEA, location: null });
      h.minutes(1).endSpeech();
      expect(h.state.speeches[0]).toMatchObject({ name: TIMEA, location: null });
    });

    it.each(['room', 'phone'] as const)('R3 — the secretariat marks someone present %s, and they count there from then on', (where) => {
      const h = meetingOnItem1();
      h.run('chengetai', { type: 'participant.setLocation', participantId: 'timea', location: where });
      expect(h.state.participants.timea?.location).toBe(where);
      expect(h.raise('timea').location).toBe(where);
    });

    it('R3 — a member sets only their own location; trying to set a lead’s is refused', () => {
      const h = meetingOnItem1();
      expectRefused(h, 'timea', { type: 'participant.setLocation', participantId: 'lynn', location: 'phone' }, 'forbidden');
      expect(h.state.participants.lynn?.location).toBe('room');
    });

    it('R3 — correcting someone not on the roster is refused', () => {
      const h = meetingOnItem1();
      expectRefused(h, 'lynn', { type: 'participant.setLocation', participantId: 'nobody', location: 'room' }, 'not-found');
    });
  });

  describe('R4 — observers and the floor', () => {
    it('R4 — an observer may not ask for the floor unless the meeting allows it', () => {
      const h = meetingOnItem1();
      expect(h.state.settings.observersMayRequestFloor).toBe(false);
      expectRefused(h, 'wim', { type: 'queue.raiseHand' }, 'forbidden');
      expectRefused(h, 'wim', { type: 'queue.raiseHand', kind: 'point-of-order' }, 'forbidden');
    });

    it('R4 — once the chair allows it, an observer queues like anyone; when withdrawn again, refused again', () => {
      const h = meetingOnItem1().settings({ observersMayRequestFloor: true });
      h.raiseAll(['flavio', 'wim']);
      expect(h.queueNames()).toEqual([FLAVIO, WIM]);
      h.startItem('i2', { confirmed: true });
      h.settings({ observersMayRequestFloor: false });
      expectRefused(h, 'wim', { type: 'queue.raiseHand' }, 'forbidden');
      h.raise('mary');
      expect(h.queueNames()).toEqual([MARY]);
    });
  });

  describe('R5 — before opening and after the end', () => {
    it('R5 — the meeting opens with its roster, agenda and default settings', () => {
      const h = new MeetingHarness();
      expect(h.state.phase).toBe('not-opened');
      h.minutes(3).open();
      expect(h.state).toMatchObject({ phase: 'open', openedAt: T0 + 3 * MINUTE, plannedStart: T0, currentItemId: null });
      expect(h.state.agenda.map((item) => `${item.number} ${item.status}`)).toEqual([
        '1 pending',
        '2 pending',
        '3 pending',
        '3a pending',
        '3b pending',
        '3c pending',
        '4 pending',
      ]);
      expect(Object.keys(h.state.participants)).toHaveLength(ROSTER.length);
    });

    const beforeOpen = COMMAND_TYPES.filter((type) => type !== 'meeting.open');
    it.each(beforeOpen)('R5 — %s is refused before the meeting is opened', (type) => {
      const inputs = exampleCommands(busyMeeting());
      const h = new MeetingHarness();
      expectRefused(h, INTERPRETER_COMMANDS.includes(type) ? 'amal' : 'lynn', inputs[type], 'conflict');
    });

    it('R5 — only a lead may open the meeting, and only once', () => {
      const h = new MeetingHarness();
      expectRefused(h, 'flavio', { type: 'meeting.open' }, 'forbidden');
      h.open('chengetai');
      expectRefused(h, 'lynn', { type: 'meeting.open' }, 'conflict');
    });

    it.each(COMMAND_TYPES)('R5 — %s is refused after the meeting has ended', (type) => {
      const h = busyMeeting();
      const inputs = exampleCommands(h);
      h.minutes(1).run('lynn', { type: 'meeting.end' });
      expect(h.state.phase).toBe('ended');
      expectRefused(h, INTERPRETER_COMMANDS.includes(type) ? 'amal' : 'lynn', inputs[type], 'conflict');
    });

    it('R5 — ending the meeting closes the running speech and item', () => {
      const h = busyMeeting();
      h.minutes(2).run('lynn', { type: 'meeting.end' });
      expect(h.state).toMatchObject({ phase: 'ended', endedAt: h.now, floor: null, currentItemId: null });
      expect(h.state.speeches.map((speech) => [speech.name, speech.spokenMs])).toEqual([[HAOJUN, 2 * MINUTE]]);
      expect(h.item('1')).toMatchObject({ status: 'done', usedMs: 2 * MINUTE + 3 * SECOND });
    });
  });
});

// ---------------------------------------------------------------------------------------
describe('Queue', () => {
  describe('Q1 — kinds in order of precedence', () => {
    const cases: { name: string; hands: [PersonId, SpeechKind][]; expected: string[] }[] = [
      {
        name: 'a point of order goes ahead of everything already queued',
        hands: [
          ['flavio', 'new-point'],
          ['haojun', 'reply'],
          ['mary', 'clarifying-question'],
          ['lianna', 'point-of-order'],
        ],
        expected: [LIANNA, MARY, HAOJUN, FLAVIO],
      },
      {
        name: 'mixed arrivals sort by kind, then arrival',
        hands: [
          ['flavio', 'new-point'],
          ['haojun', 'reply'],
          ['mary', 'clarifying-question'],
          ['lianna', 'point-of-order'],
          ['sumon', 'reply'],
          ['rasha', 'new-point'],
          ['timea', 'clarifying-question'],
          ['lynn', 'point-of-order'],
        ],
        expected: [LIANNA, LYNN, MARY, TIMEA, HAOJUN, SUMON, FLAVIO, RASHA],
      },
      {
        name: 'a new point goes after every more urgent entry',
        hands: [
          ['lianna', 'point-of-order'],
          ['mary', 'clarifying-question'],
          ['haojun', 'reply'],
          ['flavio', 'new-point'],
        ],
        expected: [LIANNA, MARY, HAOJUN, FLAVIO],
      },
      {
        name: 'a reply goes before new points and after questions',
        hands: [
          ['flavio', 'new-point'],
          ['sumon', 'new-point'],
          ['mary', 'clarifying-question'],
          ['haojun', 'reply'],
        ],
        expected: [MARY, HAOJUN, FLAVIO, SUMON],
      },
    ];
    it.each(cases)('Q1 — $name', ({ hands, expected }) => {
      const h = meetingOnItem1().raiseAll(hands);
      expect(h.queueNames()).toEqual(expected);
      expect(byKind(h.queue().map((entry) => entry.kind))).toBe(true);
    });

    it('Q1 — a hand raised without a kind is a new point', () => {
      const h = meetingOnItem1();
      h.run('flavio', { type: 'queue.raiseHand' });
      expect(h.queueWithKinds()).toEqual([`${FLAVIO} (new-point)`]);
    });
  });

  describe('Q2 — arrival order within a kind', () => {
    it.each(SPEECH_KINDS)('Q2 — %s requests keep their arrival order', (kind) => {
      const h = meetingOnItem1();
      const people = ['sumon', 'haojun', 'flavio', 'rasha', 'mary'] as const;
      const raisedAt: number[] = [];
      for (const who of people) {
        raisedAt.push(h.now);
        h.raise(who, kind);
        h.seconds(7);
      }
      expect(h.queueNames()).toEqual([SUMON, HAOJUN, FLAVIO, RASHA, MARY]);
      expect(h.queue().map((entry) => entry.raisedAt)).toEqual(raisedAt);
    });
  });

  describe('Q3 — one place per person', () => {
    it('Q3 — raising a hand twice is refused, even for another kind', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      expectRefused(h, 'flavio', { type: 'queue.raiseHand' }, 'conflict');
      expectRefused(h, 'flavio', { type: 'queue.raiseHand', kind: 'point-of-order' }, 'conflict');
      expect(h.queueNames()).toEqual([FLAVIO, MARY]);
    });

    it('Q3 — the chair cannot add a roster person who is already queued, nor they raise again', () => {
      const h = meetingOnItem1();
      h.raise('haojun');
      expectRefused(h, 'lynn', { type: 'queue.addOnBehalf', participantId: 'haojun', location: 'room' }, 'conflict');
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: 'rasha' });
      expectRefused(h, 'rasha', { type: 'queue.raiseHand', kind: 'reply' }, 'conflict');
      expect(h.queueNames()).toEqual([HAOJUN, RASHA]);
    });

    it('Q3 — a typed name holds one place, whoever adds it', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya' });
      expectRefused(
        h,
        'chengetai',
        { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya', kind: 'reply' },
        'conflict',
      );
      expectRefused(h, 'lynn', { type: 'queue.addOnBehalf', participantId: null, name: '  Delegate of Kenya ' }, 'conflict');
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Egypt' });
      expect(h.queueNames()).toEqual(['Delegate of Kenya', 'Delegate of Egypt']);
    });

    it('Q3 — the place is per item, and free again once the person has spoken or withdrawn', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      h.speak(FLAVIO);
      h.raise('flavio');
      h.run('mary', { type: 'queue.withdraw', entryId: h.entry(MARY).id });
      h.raise('mary');
      expect(h.queueNames()).toEqual([FLAVIO, MARY]);
      h.startItem('i2', { confirmed: true });
      h.raise('flavio');
      expect(h.queueNames('i1')).toEqual([FLAVIO, MARY]);
      expect(h.queueNames('i2')).toEqual([FLAVIO]);
    });
  });

  describe('Q4 — first-time speakers first', () => {
    /** Flávio and Mary have spoken on item 1; then hands go up. */
    function afterTwoSpeeches(firstTimeSpeakersFirst: boolean): MeetingHarness {
      const h = meetingOnItem1().settings({ firstTimeSpeakersFirst });
      h.raiseAll(['flavio', 'mary']);
      h.speak(FLAVIO).speak(MARY);
      return h;
    }
    const arrivals: [PersonId, SpeechKind][] = [
      ['flavio', 'new-point'],
      ['haojun', 'new-point'],
      ['mary', 'new-point'],
      ['lianna', 'new-point'],
      ['sumon', 'reply'],
    ];
    const cases = [
      { on: true, expected: [SUMON, HAOJUN, LIANNA, FLAVIO, MARY] },
      { on: false, expected: [SUMON, FLAVIO, HAOJUN, MARY, LIANNA] },
    ];
    it.each(cases)(
      'Q4 — a first-time speaker goes ahead of same-kind entries from people who have spoken (setting on: $on)',
      ({ on, expected }) => {
        const h = afterTwoSpeeches(on).raiseAll(arrivals);
        expect(h.queueNames()).toEqual(expected);
      },
    );

    it('Q4 — a first-time speaker does not pass a more urgent kind from someone who has spoken', () => {
      const h = afterTwoSpeeches(true).raiseAll([
        ['flavio', 'reply'],
        ['haojun', 'new-point'],
        ['mary', 'clarifying-question'],
        ['lianna', 'reply'],
      ]);
      expect(h.queueWithKinds()).toEqual([
        `${MARY} (clarifying-question)`,
        `${LIANNA} (reply)`,
        `${FLAVIO} (reply)`,
        `${HAOJUN} (new-point)`,
      ]);
    });

    it('Q4 — the person holding the floor counts as having spoken', () => {
      const h = meetingOnItem1().settings({ firstTimeSpeakersFirst: true });
      h.raise('rasha');
      h.next();
      h.raiseAll(['rasha', 'haojun']);
      expect(h.queueNames()).toEqual([HAOJUN, RASHA]);
    });

    it('Q4 — speaking on another item does not count', () => {
      const h = afterTwoSpeeches(true);
      h.startItem('i2');
      h.raiseAll(['haojun', 'flavio', 'lianna']);
      expect(h.queueNames()).toEqual([HAOJUN, FLAVIO, LIANNA]);
    });

    it('Q4 — people typed in by name are recognised by their name', () => {
      const h = meetingOnItem1().settings({ firstTimeSpeakersFirst: true });
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya' });
      h.speak('Delegate of Kenya');
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya' });
      h.raise('mary');
      expect(h.queueNames()).toEqual([MARY, 'Delegate of Kenya']);
    });
  });

  describe('Q5 — alternate room and remote', () => {
    const cases: { name: string; hands: PersonId[]; on: string[]; off: string[] }[] = [
      {
        name: 'room, room, remote, phone, room, remote',
        hands: ['flavio', 'mary', 'haojun', 'rasha', 'sumon', 'lianna'],
        on: [FLAVIO, HAOJUN, MARY, RASHA, SUMON, LIANNA],
        off: [FLAVIO, MARY, HAOJUN, RASHA, SUMON, LIANNA],
      },
      {
        name: 'three from the room, two remote, then room and phone',
        hands: ['flavio', 'mary', 'sumon', 'haojun', 'lianna', 'lynn', 'rasha'],
        on: [FLAVIO, HAOJUN, MARY, LIANNA, SUMON, RASHA, LYNN],
        off: [FLAVIO, MARY, SUMON, HAOJUN, LIANNA, LYNN, RASHA],
      },
      {
        name: 'remote first, then the room',
        hands: ['haojun', 'lianna', 'flavio', 'rasha', 'mary'],
        on: [HAOJUN, FLAVIO, LIANNA, MARY, RASHA],
        off: [HAOJUN, LIANNA, FLAVIO, RASHA, MARY],
      },
      {
        name: 'one side only keeps arrival order',
        hands: ['flavio', 'mary', 'sumon'],
        on: [FLAVIO, MARY, SUMON],
        off: [FLAVIO, MARY, SUMON],
      },
    ];
    it.each(cases)('Q5 — new points alternate between room and remote: $name', ({ hands, on, off }) => {
      const alternating = meetingOnItem1().settings({ alternateRoomAndRemote: true }).raiseAll(hands);
      expect(alternating.queueNames()).toEqual(on);
      const plain = meetingOnItem1().raiseAll(hands);
      expect(plain.queueNames()).toEqual(off);
    });

    it('Q5 — only new points alternate; other kinds keep arrival order ahead of them', () => {
      const h = meetingOnItem1().settings({ alternateRoomAndRemote: true });
      h.raiseAll([
        ['flavio', 'reply'],
        ['mary', 'reply'],
        ['haojun', 'reply'],
        ['sumon', 'new-point'],
        ['lianna', 'new-point'],
        ['lynn', 'new-point'],
        ['rasha', 'point-of-order'],
      ]);
      expect(h.queueWithKinds()).toEqual([
        `${RASHA} (point-of-order)`,
        `${FLAVIO} (reply)`,
        `${MARY} (reply)`,
        `${HAOJUN} (reply)`,
        `${SUMON} (new-point)`,
        `${LIANNA} (new-point)`,
        `${LYNN} (new-point)`,
      ]);
    });

    it('Q5 — a caller added on the phone counts as remote; a typed name in the room as room', () => {
      const h = meetingOnItem1().settings({ alternateRoomAndRemote: true }).raiseAll(['flavio', 'mary']);
      h.run('chengetai', { type: 'queue.addOnBehalf', participantId: null, name: 'Caller from Nairobi', location: 'phone' });
      h.run('chengetai', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya' });
      expect(h.queueNames()).toEqual([FLAVIO, 'Caller from Nairobi', MARY, 'Delegate of Kenya']);
    });

    it('Q5 — with first-time speakers first too, alternation applies among the first-time speakers', () => {
      const h = meetingOnItem1().settings({ alternateRoomAndRemote: true, firstTimeSpeakersFirst: true });
      h.raise('flavio');
      h.speak(FLAVIO);
      h.raiseAll(['flavio', 'mary', 'sumon', 'haojun']);
      expect(h.queueNames()).toEqual([MARY, HAOJUN, SUMON, FLAVIO]);
    });
  });

  describe('Q6 — moving entries', () => {
    it('Q6 — a participant moves their own entry down one place at a time, within its kind', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary', 'sumon']);
      const flavio = h.entry(FLAVIO).id;
      h.run('flavio', { type: 'queue.moveDown', entryId: flavio });
      expect(h.queueNames()).toEqual([MARY, FLAVIO, SUMON]);
      h.run('flavio', { type: 'queue.moveDown', entryId: flavio });
      expect(h.queueNames()).toEqual([MARY, SUMON, FLAVIO]);
      expectRefused(h, 'flavio', { type: 'queue.moveDown', entryId: flavio }, 'conflict');
    });

    it('Q6 — a participant cannot move down across kinds', () => {
      const h = meetingOnItem1().raiseAll([
        ['flavio', 'reply'],
        ['mary', 'new-point'],
      ]);
      expectRefused(h, 'flavio', { type: 'queue.moveDown', entryId: h.entry(FLAVIO).id }, 'conflict');
      expect(h.queueWithKinds()).toEqual([`${FLAVIO} (reply)`, `${MARY} (new-point)`]);
    });

    it('Q6 — a participant edits their note and withdraws', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      h.run('flavio', { type: 'queue.editNote', entryId: h.entry(FLAVIO).id, note: '  On the intersessional work  ' });
      expect(h.entry(FLAVIO).note).toBe('On the intersessional work');
      expectRefused(h, 'flavio', { type: 'queue.editNote', entryId: h.entry(FLAVIO).id, note: 'x'.repeat(281) }, 'invalid');
      h.run('flavio', { type: 'queue.withdraw', entryId: h.entry(FLAVIO).id });
      expect(h.queueNames()).toEqual([MARY]);
    });

    /** Lianna PoO, Mary question, Haojun and Sumon replies, Flávio and Rasha new points. */
    const fullQueue = () =>
      meetingOnItem1().raiseAll([
        ['lianna', 'point-of-order'],
        ['mary', 'clarifying-question'],
        ['haojun', 'reply'],
        ['sumon', 'reply'],
        ['flavio', 'new-point'],
        ['rasha', 'new-point'],
      ]);
    const moves: { name: string; who: string; toIndex: number; expected: string[] }[] = [
      {
        name: 'a new point moved to the top becomes a point of order',
        who: RASHA,
        toIndex: 0,
        expected: [
          `${RASHA} (point-of-order)`,
          `${LIANNA} (point-of-order)`,
          `${MARY} (clarifying-question)`,
          `${HAOJUN} (reply)`,
          `${SUMON} (reply)`,
          `${FLAVIO} (new-point)`,
        ],
      },
      {
        name: 'a new point moved between two replies becomes a reply',
        who: FLAVIO,
        toIndex: 3,
        expected: [
          `${LIANNA} (point-of-order)`,
          `${MARY} (clarifying-question)`,
          `${HAOJUN} (reply)`,
          `${FLAVIO} (reply)`,
          `${SUMON} (reply)`,
          `${RASHA} (new-point)`,
        ],
      },
      {
        name: 'a question moved among the replies becomes a reply',
        who: MARY,
        toIndex: 2,
        expected: [
          `${LIANNA} (point-of-order)`,
          `${HAOJUN} (reply)`,
          `${MARY} (reply)`,
          `${SUMON} (reply)`,
          `${FLAVIO} (new-point)`,
          `${RASHA} (new-point)`,
        ],
      },
      {
        name: 'a point of order moved to the end becomes a new point',
        who: LIANNA,
        toIndex: 5,
        expected: [
          `${MARY} (clarifying-question)`,
          `${HAOJUN} (reply)`,
          `${SUMON} (reply)`,
          `${FLAVIO} (new-point)`,
          `${RASHA} (new-point)`,
          `${LIANNA} (new-point)`,
        ],
      },
      {
        name: 'a place past the end means the end',
        who: SUMON,
        toIndex: 99,
        expected: [
          `${LIANNA} (point-of-order)`,
          `${MARY} (clarifying-question)`,
          `${HAOJUN} (reply)`,
          `${FLAVIO} (new-point)`,
          `${RASHA} (new-point)`,
          `${SUMON} (new-point)`,
        ],
      },
      {
        name: 'a move within its kind keeps the kind',
        who: RASHA,
        toIndex: 4,
        expected: [
          `${LIANNA} (point-of-order)`,
          `${MARY} (clarifying-question)`,
          `${HAOJUN} (reply)`,
          `${SUMON} (reply)`,
          `${RASHA} (new-point)`,
          `${FLAVIO} (new-point)`,
        ],
      },
      {
        name: 'a reply moved up among replies stays a reply',
        who: SUMON,
        toIndex: 2,
        expected: [
          `${LIANNA} (point-of-order)`,
          `${MARY} (clarifying-question)`,
          `${SUMON} (reply)`,
          `${HAOJUN} (reply)`,
          `${FLAVIO} (new-point)`,
          `${RASHA} (new-point)`,
        ],
      },
    ];
    it.each(moves)('Q6 — the chair moves an entry anywhere: $name', ({ who, toIndex, expected }) => {
      const h = fullQueue();
      h.run('lynn', { type: 'queue.move', entryId: h.entry(who).id, toIndex });
      expect(h.queueWithKinds()).toEqual(expected);
    });

    it('Q6 — wherever the chair moves an entry, the kinds stay in order of precedence', () => {
      const base = fullQueue();
      for (const entry of base.queue()) {
        for (let toIndex = 0; toIndex <= base.queue().length; toIndex++) {
          const h = fullQueue();
          h.run('chengetai', { type: 'queue.move', entryId: h.entry(entry.name).id, toIndex });
          const names = h.queueNames();
          expect(names.indexOf(entry.name), `${entry.name} to ${toIndex}`).toBe(Math.min(toIndex, names.length - 1));
          expect(byKind(h.queue().map((e) => e.kind)), `${entry.name} to ${toIndex}`).toBe(true);
        }
      }
    });

    it('Q6 — the chair’s order stands when more hands arrive', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary', 'sumon']);
      h.run('lynn', { type: 'queue.move', entryId: h.entry(SUMON).id, toIndex: 0 });
      h.raiseAll(['haojun', ['lianna', 'reply']]);
      expect(h.queueNames()).toEqual([LIANNA, SUMON, FLAVIO, MARY, HAOJUN]);
    });

    it('Q6 — moving an entry that is no longer queued is refused', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      const flavio = h.entry(FLAVIO).id;
      h.next(flavio);
      expectRefused(h, 'lynn', { type: 'queue.move', entryId: flavio, toIndex: 1 }, 'conflict');
      expectRefused(h, 'flavio', { type: 'queue.moveDown', entryId: flavio }, 'conflict');
    });
  });

  describe('Q7 — closing, reopening and clearing the queue', () => {
    it('Q7 — a closed queue takes no new hands except points of order', () => {
      const h = meetingOnItem1().raiseAll(['flavio']);
      h.run('lynn', { type: 'queue.close' });
      for (const kind of ['clarifying-question', 'reply', 'new-point'] as const) {
        expectRefused(h, 'mary', { type: 'queue.raiseHand', kind }, 'conflict');
      }
      expectRefused(h, 'chengetai', { type: 'queue.addOnBehalf', participantId: 'haojun' }, 'conflict');
      h.raise('mary', 'point-of-order');
      h.run('chengetai', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya', kind: 'point-of-order' });
      expect(h.queueNames()).toEqual([MARY, 'Delegate of Kenya', FLAVIO]);
      expect(h.state.queues.i1?.open).toBe(false);
    });

    it('Q7 — people already queued keep their place and can still withdraw while it is closed', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      h.run('lynn', { type: 'queue.close' });
      h.run('mary', { type: 'queue.withdraw', entryId: h.entry(MARY).id });
      h.next();
      expect(h.floorName()).toBe(FLAVIO);
      expect(h.queueNames()).toEqual([]);
    });

    it('Q7 — reopening restores normal intake', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'queue.close' });
      expectRefused(h, 'lynn', { type: 'queue.close' }, 'conflict');
      h.run('chengetai', { type: 'queue.reopen' });
      expectRefused(h, 'lynn', { type: 'queue.reopen' }, 'conflict');
      h.raiseAll(['flavio', ['mary', 'reply']]);
      expect(h.queueNames()).toEqual([MARY, FLAVIO]);
    });

    it('Q7 — clearing empties the queue; clearing an empty one is refused', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary', ['haojun', 'point-of-order']]);
      h.run('lynn', { type: 'queue.clear' });
      expect(h.queueNames()).toEqual([]);
      expectRefused(h, 'lynn', { type: 'queue.clear' }, 'conflict');
      h.raise('flavio');
      expect(h.queueNames()).toEqual([FLAVIO]);
    });

    it('Q7 — closing only concerns the running item’s queue', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'queue.close' });
      h.startItem('i2');
      h.raise('flavio');
      expect(h.queueNames('i2')).toEqual([FLAVIO]);
      expect(h.state.queues.i1?.open).toBe(false);
    });
  });

  describe('Q8 — adding on behalf', () => {
    it('Q8 — the chair adds a roster participant at their stated location, recording who added them', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: 'haojun', kind: 'reply', note: 'asked in the chat' });
      expect(h.queue()).toEqual([
        expect.objectContaining({
          participantId: 'haojun',
          name: HAOJUN,
          location: 'remote',
          stakeholderGroup: 'government',
          region: 'asia-pacific',
          kind: 'reply',
          note: 'asked in the chat',
          addedBy: LYNN,
        }),
      ]);
    });

    it('Q8 — the secretariat adds a roster participant at a location it gives', () => {
      const h = meetingOnItem1();
      h.run('chengetai', { type: 'queue.addOnBehalf', participantId: 'haojun', location: 'room' });
      expect(h.queue()).toEqual([expect.objectContaining({ name: HAOJUN, location: 'room', addedBy: CHENGETAI })]);
    });

    it('Q8 — a typed name is in the room by default, or on the phone when said', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya' });
      h.run('chengetai', {
        type: 'queue.addOnBehalf',
        participantId: null,
        name: 'Caller from Nairobi',
        location: 'phone',
        kind: 'clarifying-question',
      });
      expect(h.queue().map((entry) => [entry.name, entry.location, entry.kind, entry.participantId, entry.addedBy])).toEqual([
        ['Caller from Nairobi', 'phone', 'clarifying-question', null, CHENGETAI],
        ['Delegate of Kenya', 'room', 'new-point', null, LYNN],
      ]);
    });

    it('Q8 — a roster person added by phone who had not said where they are is by phone from then on', () => {
      const h = meetingOnItem1();
      h.run('chengetai', { type: 'queue.addOnBehalf', participantId: 'timea', location: 'phone' });
      expect(h.state.participants.timea?.location).toBe('phone');
      expect(h.entry(TIMEA).location).toBe('phone');
      h.next();
      h.startItem('i2');
      // On the next item, "as they said" is now by phone.
      h.run('chengetai', { type: 'queue.addOnBehalf', participantId: 'timea' });
      expect(h.entry(TIMEA).location).toBe('phone');
    });

    it('Q8 — a location given for one entry does not overwrite a location the person stated', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: 'haojun', location: 'phone' });
      expect(h.entry(HAOJUN).location).toBe('phone');
      expect(h.state.participants.haojun?.location).toBe('remote');
    });

    it('Q8 — a roster person added without a location who has not stated one stays not stated', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: 'timea' });
      expect(h.entry(TIMEA).location).toBeNull();
      expect(h.state.participants.timea?.location).toBeNull();
    });

    it('Q8 — a hand raised by the person themself records no one as adding it', () => {
      const h = meetingOnItem1();
      expect(h.raise('flavio').addedBy).toBeNull();
    });

    it('Q8 — adding needs a roster person or a name', () => {
      const h = meetingOnItem1();
      expectRefused(h, 'lynn', { type: 'queue.addOnBehalf', participantId: null }, 'invalid');
      expectRefused(h, 'lynn', { type: 'queue.addOnBehalf', participantId: null, name: '   ' }, 'invalid');
      expectRefused(h, 'lynn', { type: 'queue.addOnBehalf', participantId: 'nobody' }, 'not-found');
    });

    it('Q8 — a person added on behalf is placed by the same rules as everyone', () => {
      const h = meetingOnItem1().raiseAll(['flavio', ['mary', 'reply']]);
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: 'rasha', kind: 'reply' });
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya', kind: 'point-of-order' });
      expect(h.queueNames()).toEqual(['Delegate of Kenya', MARY, RASHA, FLAVIO]);
    });
  });

  describe('Q9 — one queue per item', () => {
    it('Q9 — with no item running, hands are refused', () => {
      const h = openMeeting();
      expectRefused(h, 'flavio', { type: 'queue.raiseHand' }, 'conflict');
      expectRefused(h, 'lynn', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya' }, 'conflict');
      expectRefused(h, 'lynn', { type: 'queue.close' }, 'conflict');
    });

    it('Q9 — hands go to the running item’s queue, and each item keeps its own', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      h.startItem('i2', { confirmed: true });
      h.raiseAll(['haojun']);
      expect(h.queueNames('i1')).toEqual([FLAVIO, MARY]);
      expect(h.queueNames('i2')).toEqual([HAOJUN]);
      h.startItem('i1', { confirmed: true });
      expect(h.queueNames()).toEqual([FLAVIO, MARY]);
      h.raise('haojun');
      expect(h.queueNames()).toEqual([FLAVIO, MARY, HAOJUN]);
    });

    it('Q9 — once the running item is marked done, no item runs and hands are refused', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'agenda.markItem', itemId: 'i1', status: 'done' });
      expect(h.runningItem()).toBeNull();
      expectRefused(h, 'flavio', { type: 'queue.raiseHand' }, 'conflict');
    });
  });
});

// ---------------------------------------------------------------------------------------
describe('Floor and timers', () => {
  describe('F1 — giving the floor', () => {
    it('F1 — the floor goes to the head of the queue, whose entry leaves the queue', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary', 'haojun']);
      h.next();
      expect(h.floorName()).toBe(FLAVIO);
      expect(h.queueNames()).toEqual([MARY, HAOJUN]);
      expect(h.state.floor).toMatchObject({ kind: 'new-point', location: 'room', itemId: 'i1', startedAt: h.now });
    });

    it('F1 — giving the floor to the next person ends the current speech', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary', 'haojun']);
      h.next();
      const flavioStarted = h.now;
      h.seconds(95).next();
      expect(h.floorName()).toBe(MARY);
      expect(h.queueNames()).toEqual([HAOJUN]);
      expect(h.state.speeches).toEqual([
        expect.objectContaining({ name: FLAVIO, startedAt: flavioStarted, endedAt: h.now, spokenMs: 95 * SECOND }),
      ]);
    });

    it('F1 — the chair may give the floor to someone out of order', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary', 'haojun']);
      h.next(h.entry(HAOJUN).id);
      expect(h.floorName()).toBe(HAOJUN);
      expect(h.queueNames()).toEqual([FLAVIO, MARY]);
    });

    it('F1 — the floor given to a roster person who is not queued leaves the queue as it is', () => {
      const h = meetingOnItem1().raiseAll(['flavio']);
      h.run('lynn', { type: 'floor.giveTo', participantId: 'chengetai' });
      expect(h.floorName()).toBe(CHENGETAI);
      expect(h.state.floor).toMatchObject({ kind: 'new-point', entryId: null });
      expect(h.queueNames()).toEqual([FLAVIO]);
    });

    it('F1 — the floor given to a queued roster person by name takes their entry and its kind', () => {
      const h = meetingOnItem1().raiseAll(['flavio', ['mary', 'reply']]);
      h.run('lynn', { type: 'floor.giveTo', participantId: 'mary' });
      expect(h.state.floor).toMatchObject({ name: MARY, kind: 'reply' });
      expect(h.queueNames()).toEqual([FLAVIO]);
      expectRefused(h, 'lynn', { type: 'floor.giveTo', participantId: 'nobody' }, 'not-found');
    });

    it('F1 — a typed-in name gets the floor from the queue', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: null, name: 'Caller from Nairobi', location: 'phone' });
      h.next();
      expect(h.state.floor).toMatchObject({ name: 'Caller from Nairobi', participantId: null, location: 'phone' });
      expect(h.queueNames()).toEqual([]);
    });
  });

  describe('F2 — stale commands change nothing', () => {
    it('F2 — the floor given to an entry withdrawn meanwhile is refused', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      const flavio = h.entry(FLAVIO).id;
      h.run('flavio', { type: 'queue.withdraw', entryId: flavio });
      expectRefused(h, 'lynn', { type: 'floor.give', entryId: flavio }, 'conflict');
      expect(h.floorName()).toBeNull();
      expect(h.queueNames()).toEqual([MARY]);
    });

    it('F2 — the floor given to an entry already given is refused, and the speaker keeps the floor', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      const flavio = h.entry(FLAVIO).id;
      h.next(flavio);
      h.seconds(20);
      expectRefused(h, 'chengetai', { type: 'floor.give', entryId: flavio }, 'conflict');
      expect(h.floorName()).toBe(FLAVIO);
      expect(h.state.speeches).toEqual([]);
      expect(h.remainingSeconds()).toBe(160);
    });

    it('F2 — the floor given to an entry removed by clearing is refused', () => {
      const h = meetingOnItem1().raiseAll(['flavio']);
      const flavio = h.entry(FLAVIO).id;
      h.run('lynn', { type: 'queue.clear' });
      expectRefused(h, 'lynn', { type: 'floor.give', entryId: flavio }, 'conflict');
    });

    it('F2 — two chairs pressing “next” on the same state produce one change', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      const seen = h.state;
      const head = h.queue()[0]!.id;
      const byChair = h.decide('lynn', { type: 'floor.give', entryId: head }, seen);
      const bySecretariat = h.decide('chengetai', { type: 'floor.give', entryId: head }, seen);
      expect(bySecretariat).toHaveLength(1); // both were fine on what each saw
      h.commit('lynn', byChair);
      // The server stores one; the other is decided again on the new state.
      const before = structuredClone(h.state);
      const error = rejectionOf(() => h.run('chengetai', { type: 'floor.give', entryId: head }));
      expect(error.code).toBe('conflict');
      expect(h.state).toEqual(before);
      expect(h.floorName()).toBe(FLAVIO);
      expect(h.queueNames()).toEqual([MARY]);
      expect(h.state.speeches).toEqual([]);
    });

    const timerCommands = (speechId: string): CommandInput[] => [
      { type: 'floor.end', speechId },
      { type: 'timer.pause', speechId },
      { type: 'timer.resume', speechId },
      { type: 'timer.extend', speechId, seconds: 60 },
      { type: 'timer.setDuration', speechId, seconds: null },
    ];
    it.each(timerCommands('x').map((command) => command.type))('F2 — %s for a speech that has ended changes nothing', (type) => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      h.next();
      const ended = h.state.floor!.id;
      h.seconds(30).next(); // Mary now speaks
      h.seconds(10);
      const command = timerCommands(ended).find((candidate) => candidate.type === type)!;
      expectRefused(h, 'lynn', command, 'conflict');
      expect(h.floorName()).toBe(MARY);
      expect(h.remainingSeconds()).toBe(170);
    });

    it('F2 — a timer command after the floor was ended is refused', () => {
      const h = meetingOnItem1().raiseAll(['flavio']);
      h.next();
      const speechId = h.state.floor!.id;
      h.endSpeech();
      expectRefused(h, 'lynn', { type: 'timer.pause', speechId }, 'conflict');
      expectRefused(h, 'lynn', { type: 'floor.end', speechId }, 'conflict');
      expect(h.state.speeches).toHaveLength(1);
    });
  });

  describe('F6 — a speaker ends their own speech', () => {
    it("F6 — the speaker says I'm done: the speech ends and the floor is free", () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      h.run('lynn', { type: 'floor.give', entryId: h.entry(FLAVIO).id });
      const speechId = h.state.floor!.id;
      h.run('flavio', { type: 'floor.end', speechId });
      expect(h.state.floor).toBeNull();
      expect(h.queueNames()).toEqual([MARY]);
    });

    it("F6 — a member cannot end someone else's speech", () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      h.run('lynn', { type: 'floor.give', entryId: h.entry(FLAVIO).id });
      expectRefused(h, 'mary', { type: 'floor.end', speechId: h.state.floor!.id }, 'forbidden');
    });

    it('F6 — nobody but those who lead ends a speech given to a typed-in name', () => {
      const h = meetingOnItem1();
      h.run('chengetai', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya' });
      h.run('lynn', { type: 'floor.give', entryId: h.entry('Delegate of Kenya').id });
      expectRefused(h, 'mary', { type: 'floor.end', speechId: h.state.floor!.id }, 'forbidden');
      h.run('chengetai', { type: 'floor.end', speechId: h.state.floor!.id });
      expect(h.state.floor).toBeNull();
    });
  });

  describe('F3 — the speech timer is data', () => {
    const floorWith = (seconds?: number | null) => {
      const h = meetingOnItem1().raiseAll(['flavio']);
      h.run('lynn', { type: 'floor.give', entryId: h.entry(FLAVIO).id, ...(seconds === undefined ? {} : { seconds }) });
      return h;
    };

    it('F3 — the meeting default is 3 minutes, counted down as time passes', () => {
      const h = floorWith();
      expect(h.remainingSeconds()).toBe(180);
      h.seconds(45);
      expect(h.remainingSeconds()).toBe(135);
      h.seconds(150);
      expect(h.remainingSeconds()).toBe(-15);
    });

    it('F3 — a speech may be given its own length, or none and it counts up', () => {
      expect(floorWith(120).remainingSeconds()).toBe(120);
      const open = floorWith(null).seconds(400);
      expect(open.remainingSeconds()).toBeNull();
      expect(open.spokenSeconds()).toBe(400);
    });

    it('F3 — the meeting default can be changed, or removed', () => {
      const h = meetingOnItem1().settings({ defaultSpeechSeconds: 90 }).raiseAll(['flavio', 'mary']);
      h.next();
      expect(h.remainingSeconds()).toBe(90);
      h.settings({ defaultSpeechSeconds: null });
      expect(h.remainingSeconds()).toBe(90); // the speech under way keeps its length
      h.next();
      expect(h.remainingSeconds()).toBeNull();
      expectRefused(h, 'lynn', { type: 'meeting.changeSettings', defaultSpeechSeconds: 5 }, 'invalid');
      expectRefused(h, 'lynn', { type: 'meeting.changeSettings' }, 'invalid');
    });

    it('F3 — pause stops the clock, resume restarts it, extend adds time', () => {
      const h = floorWith();
      const speechId = h.state.floor!.id;
      h.seconds(30).run('lynn', { type: 'timer.pause', speechId });
      expect(h.remainingSeconds()).toBe(150);
      h.seconds(60);
      expect(h.remainingSeconds()).toBe(150);
      expectRefused(h, 'lynn', { type: 'timer.pause', speechId }, 'conflict');
      h.run('lynn', { type: 'timer.resume', speechId });
      expectRefused(h, 'lynn', { type: 'timer.resume', speechId }, 'conflict');
      h.seconds(10);
      expect(h.remainingSeconds()).toBe(140);
      h.run('chengetai', { type: 'timer.extend', speechId, seconds: 60 });
      expect(h.remainingSeconds()).toBe(200);
      expect(h.state.floor?.timer).toEqual({ durationMs: 240 * SECOND, pausedAt: null, pausedMs: 60 * SECOND });
    });

    it('F3 — extending while paused adds time without starting the clock', () => {
      const h = floorWith(60);
      const speechId = h.state.floor!.id;
      h.seconds(50).run('lynn', { type: 'timer.pause', speechId });
      h.run('lynn', { type: 'timer.extend', speechId, seconds: 30 });
      h.seconds(100);
      expect(h.remainingSeconds()).toBe(40);
    });

    it('F3 — the chair sets a new length, or removes it; a speech without one cannot be extended', () => {
      const h = floorWith();
      const speechId = h.state.floor!.id;
      h.seconds(40).run('lynn', { type: 'timer.setDuration', speechId, seconds: 120 });
      expect(h.remainingSeconds()).toBe(80);
      h.run('lynn', { type: 'timer.setDuration', speechId, seconds: null });
      expect(h.remainingSeconds()).toBeNull();
      expectRefused(h, 'lynn', { type: 'timer.extend', speechId, seconds: 60 }, 'conflict');
      expectRefused(h, 'lynn', { type: 'timer.setDuration', speechId, seconds: 5 }, 'invalid');
    });
  });

  describe('F4 — finished speeches are kept', () => {
    it('F4 — a finished speech keeps who, kind, where, group, region, item, times, spoken time and pauses', () => {
      const h = meetingOnItem1().raiseAll([['flavio', 'reply']]);
      const start = h.now;
      h.next();
      const speechId = h.state.floor!.id;
      h.seconds(30).run('lynn', { type: 'timer.pause', speechId });
      h.seconds(20).run('lynn', { type: 'timer.resume', speechId });
      h.seconds(40).endSpeech();
      expect(h.state.speeches).toEqual([
        expect.objectContaining({
          participantId: 'flavio',
          name: FLAVIO,
          kind: 'reply',
          location: 'room',
          stakeholderGroup: 'civil-society',
          region: 'latin-america-caribbean',
          itemId: 'i1',
          startedAt: start,
          endedAt: start + 90 * SECOND,
          spokenMs: 70 * SECOND,
          pauses: [{ at: start + 30 * SECOND, resumedAt: start + 50 * SECOND }],
        }),
      ]);
      expect(h.floorName()).toBeNull();
    });

    it('F4 — every speech is kept in order, however it ended, and a pause still running is closed', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'haojun', 'mary']);
      h.next().seconds(60).next(); // Flávio ended by the next speaker
      const haojunSpeech = h.state.floor!.id;
      h.seconds(10).run('lynn', { type: 'timer.pause', speechId: haojunSpeech });
      h.seconds(30).endSpeech(); // Haojun ended while paused
      h.next().seconds(45).run('lynn', { type: 'meeting.end' }); // Mary ended with the meeting
      expect(h.state.speeches.map((speech) => [speech.name, speech.spokenMs / SECOND, speech.pauses.length])).toEqual([
        [FLAVIO, 60, 0],
        [HAOJUN, 10, 1],
        [MARY, 45, 0],
      ]);
      const haojun = h.state.speeches[1]!;
      expect(haojun.pauses).toEqual([{ at: haojun.startedAt + 10 * SECOND, resumedAt: haojun.endedAt }]);
      expect(haojun.timer.pausedAt).toBeNull();
    });

    it('F4 — a typed name’s speech is kept with no group or region', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'queue.addOnBehalf', participantId: null, name: 'Caller from Nairobi', location: 'phone' });
      h.speak('Caller from Nairobi', 75);
      expect(h.state.speeches).toEqual([
        expect.objectContaining({
          name: 'Caller from Nairobi',
          participantId: null,
          location: 'phone',
          stakeholderGroup: null,
          region: null,
          spokenMs: 75 * SECOND,
        }),
      ]);
    });
  });

  describe('F5 — presentation slots', () => {
    it('F5 — a presentation is a speech of kind presentation timed by its minutes; ending it marks it done', () => {
      const h = openMeeting().startItem('i3');
      h.run('chengetai', { type: 'agenda.addPresentation', itemId: 'i3', presenterId: 'wim', title: 'BPF outputs', minutes: 7 });
      const [presentation] = h.item('3').presentations;
      expect(presentation).toMatchObject({ presenterName: WIM, title: 'BPF outputs', minutes: 7, status: 'pending' });
      h.run('lynn', { type: 'floor.startPresentation', presentationId: presentation!.id });
      expect(h.state.floor).toMatchObject({ name: WIM, kind: 'presentation', presentationId: presentation!.id, itemId: 'i3' });
      expect(h.remainingSeconds()).toBe(7 * 60);
      h.minutes(6).endSpeech();
      expect(h.item('3').presentations[0]?.status).toBe('done');
      expect(h.state.speeches).toEqual([expect.objectContaining({ name: WIM, kind: 'presentation', spokenMs: 6 * MINUTE })]);
    });

    it('F5 — a presentation ended by giving the floor to someone else is done too', () => {
      const h = openMeeting().startItem('i3');
      h.run('lynn', {
        type: 'agenda.addPresentation',
        itemId: 'i3',
        presenterId: null,
        presenterName: 'Anja Gengo',
        title: 'NRIs',
        minutes: 5,
      });
      h.raise('flavio', 'clarifying-question');
      h.run('lynn', { type: 'floor.startPresentation', presentationId: h.item('3').presentations[0]!.id });
      expect(h.state.floor).toMatchObject({ name: 'Anja Gengo', participantId: null, kind: 'presentation' });
      expect(h.queueNames()).toEqual([FLAVIO]); // the queue waits for the presentation
      h.minutes(5).next();
      expect(h.item('3').presentations[0]?.status).toBe('done');
      expect(h.floorName()).toBe(FLAVIO);
    });

    it('F5 — a presenter carries their own stated location; one who has not said, or is off the roster, is not stated', () => {
      const h = openMeeting().startItem('i3');
      h.run('lynn', { type: 'agenda.addPresentation', itemId: 'i3', presenterId: 'rasha', title: 'From Cairo', minutes: 3 });
      h.run('lynn', { type: 'agenda.addPresentation', itemId: 'i3', presenterId: 'timea', title: 'Business view', minutes: 3 });
      h.run('lynn', {
        type: 'agenda.addPresentation',
        itemId: 'i3',
        presenterId: null,
        presenterName: 'Anja Gengo',
        title: 'NRIs',
        minutes: 3,
      });
      const locations = h.item('3').presentations.map((presentation) => {
        h.run('lynn', { type: 'floor.startPresentation', presentationId: presentation.id });
        return [h.state.floor?.name, h.state.floor?.location];
      });
      expect(locations).toEqual([
        [RASHA, 'phone'],
        [TIMEA, null],
        ['Anja Gengo', null],
      ]);
    });

    it('F5 — a presentation needs a presenter, and only one on the agenda can start', () => {
      const h = openMeeting().startItem('i3');
      expectRefused(h, 'lynn', { type: 'agenda.addPresentation', itemId: 'i3', presenterId: null, title: 'NRIs', minutes: 5 }, 'invalid');
      expectRefused(
        h,
        'lynn',
        { type: 'agenda.addPresentation', itemId: 'i9', presenterId: 'wim', title: 'NRIs', minutes: 5 },
        'not-found',
      );
      expectRefused(h, 'lynn', { type: 'floor.startPresentation', presentationId: 'p404' }, 'not-found');
    });
  });
});

// ---------------------------------------------------------------------------------------
describe('Agenda', () => {
  describe('A1 — moving on with people queued', () => {
    it('A1 — moving to another item while people are queued needs confirmation', () => {
      const h = meetingOnItem1().raiseAll(['flavio', 'mary']);
      const error = expectRefused(h, 'lynn', { type: 'agenda.startItem', itemId: 'i2' }, 'needs-confirmation');
      expect(error.message).toContain('2 people are still in the queue');
      expect(h.runningItem()).toBe('1');
      h.startItem('i2', { confirmed: true });
      expect(h.runningItem()).toBe('2');
      expect(h.queueNames('i1')).toEqual([FLAVIO, MARY]);
    });

    it('A1 — with an empty queue no confirmation is needed', () => {
      const h = meetingOnItem1().raiseAll(['flavio']);
      h.speak(FLAVIO);
      h.startItem('i2');
      expect(h.runningItem()).toBe('2');
    });

    it('A1 — starting the item already running is refused', () => {
      const h = meetingOnItem1();
      expectRefused(h, 'lynn', { type: 'agenda.startItem', itemId: 'i1' }, 'conflict');
      expectRefused(h, 'lynn', { type: 'agenda.startItem', itemId: 'i99' }, 'not-found');
    });
  });

  describe('A2 — starting and marking items', () => {
    const leaving = [
      { previousItemStatus: 'done', expected: 'done' },
      { previousItemStatus: 'deferred', expected: 'deferred' },
      { previousItemStatus: null, expected: 'pending' },
      { previousItemStatus: undefined, expected: 'pending' },
    ] as const;
    it.each(leaving)(
      'A2 — the item left becomes $expected (chair chose $previousItemStatus) and keeps its time',
      ({ previousItemStatus, expected }) => {
        const h = meetingOnItem1().minutes(4);
        h.run('lynn', { type: 'agenda.startItem', itemId: 'i2', ...(previousItemStatus === undefined ? {} : { previousItemStatus }) });
        expect(h.runningItem()).toBe('2');
        expect(h.item('1')).toMatchObject({ status: expected, usedMs: 4 * MINUTE, activeSince: null });
        expect(h.item('2')).toMatchObject({ status: 'active', activeSince: h.now });
      },
    );

    it('A2 — items can be started out of order, and an item done can be returned to', () => {
      const h = meetingOnItem1().minutes(2).startItem('i4', { previousItemStatus: 'done' }).minutes(1);
      h.startItem('i1', { previousItemStatus: 'done' });
      expect(h.state.agenda.map((item) => `${item.number} ${item.status}`)).toEqual([
        '1 active',
        '2 pending',
        '3 pending',
        '3a pending',
        '3b pending',
        '3c pending',
        '4 done',
      ]);
    });

    it('A2 — the chair marks items done or deferred; marking the running one stops it', () => {
      const h = meetingOnItem1().minutes(3);
      h.run('lynn', { type: 'agenda.markItem', itemId: 'i2', status: 'deferred' });
      expect(h.item('2').status).toBe('deferred');
      expect(h.runningItem()).toBe('1');
      h.run('chengetai', { type: 'agenda.markItem', itemId: 'i1', status: 'done' });
      expect(h.runningItem()).toBeNull();
      expect(h.item('1')).toMatchObject({ status: 'done', usedMs: 3 * MINUTE });
      h.run('lynn', { type: 'agenda.markItem', itemId: 'i2', status: 'pending' });
      expect(h.item('2').status).toBe('pending');
    });

    it('A2 — marking an item with the status it has, or one that does not exist, is refused', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'agenda.markItem', itemId: 'i2', status: 'done' });
      expectRefused(h, 'lynn', { type: 'agenda.markItem', itemId: 'i2', status: 'done' }, 'conflict');
      expectRefused(h, 'lynn', { type: 'agenda.markItem', itemId: 'i3', status: 'pending' }, 'conflict');
      expectRefused(h, 'lynn', { type: 'agenda.markItem', itemId: 'i9', status: 'done' }, 'not-found');
      expectRefused(h, 'lynn', { type: 'agenda.markItem', itemId: 'i1', status: 'active' }, 'invalid');
    });
  });

  describe('A3 — time used on an item', () => {
    it('A3 — time used is the sum of the item’s stretches as the running item', () => {
      const h = meetingOnItem1().minutes(3);
      h.startItem('i2').minutes(2);
      h.startItem('i1').minutes(4);
      h.startItem('i3', { previousItemStatus: 'done' }).minutes(1);
      expect(h.item('1')).toMatchObject({ status: 'done', usedMs: 7 * MINUTE });
      expect(h.item('2')).toMatchObject({ status: 'pending', usedMs: 2 * MINUTE });
      expect(h.item('3')).toMatchObject({ status: 'active', usedMs: 0, activeSince: h.now - MINUTE });
    });

    it('A3 — time between items (none running) counts for no item', () => {
      const h = meetingOnItem1().minutes(3);
      h.run('lynn', { type: 'agenda.markItem', itemId: 'i1', status: 'pending' });
      h.minutes(10).startItem('i1').minutes(1);
      h.startItem('i2');
      expect(h.item('1').usedMs).toBe(4 * MINUTE);
    });
  });

  describe('A5 — items added live', () => {
    it('A5 — an item added live goes at the end', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'agenda.addItem', title: 'Any other business: IGF 2017 dates', minutes: 5, afterItemId: null });
      const added = h.state.agenda.at(-1)!;
      expect(added).toMatchObject({
        number: '5',
        depth: 0,
        title: 'Any other business: IGF 2017 dates',
        minutes: 5,
        status: 'pending',
        addedLive: true,
      });
      expect(h.item('1').addedLive).toBe(false);
    });

    it('A5 — an item added after a given item goes right after it', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'agenda.addItem', title: 'Host country update', minutes: null, afterItemId: 'i1' });
      expect(h.state.agenda.map((item) => item.title).slice(0, 3)).toEqual([
        'Adoption of agenda',
        'Host country update',
        'Update on WS Call for Proposals and Open Forum Call',
      ]);
    });

    it('A5 — an item added after an item with sub-items goes after its sub-items, which stay with their item', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'agenda.addItem', title: 'Host country update', minutes: 10, afterItemId: 'i3' });
      expect(h.state.agenda.map((item) => item.title)).toEqual([
        'Adoption of agenda',
        'Update on WS Call for Proposals and Open Forum Call',
        'Presentations',
        'Best Practice Forums',
        'Dynamic Coalitions',
        'National and Regional Initiatives',
        'Host country update',
        'AOB',
      ]);
      expect(agendaSections(h.state.agenda).map((section) => [section.item.title, section.subItems.length])).toEqual([
        ['Adoption of agenda', 0],
        ['Update on WS Call for Proposals and Open Forum Call', 0],
        ['Presentations', 3],
        ['Host country update', 0],
        ['AOB', 0],
      ]);
    });

    it('A5 — an item added live can be started, and takes hands', () => {
      const h = meetingOnItem1();
      h.run('lynn', { type: 'agenda.addItem', title: 'AOB', minutes: 5, afterItemId: null });
      h.startItem(h.state.agenda.at(-1)!.id);
      h.raise('flavio');
      expect(h.queueNames()).toEqual([FLAVIO]);
    });

    it('A5 — an item added after one that does not exist, or without a title, is refused', () => {
      const h = meetingOnItem1();
      expectRefused(h, 'lynn', { type: 'agenda.addItem', title: 'AOB', minutes: 5, afterItemId: 'i42' }, 'not-found');
      expectRefused(h, 'lynn', { type: 'agenda.addItem', title: '   ', minutes: 5, afterItemId: null }, 'invalid');
      expectRefused(h, 'lynn', { type: 'agenda.addItem', title: 'AOB', minutes: 0, afterItemId: null }, 'invalid');
    });
  });
});

// ---------------------------------------------------------------------------------------
describe('Log', () => {
  describe('L1 — events in sequence', () => {
    it('L1 — events are numbered from 1 without gaps', () => {
      const h = busyMeeting();
      h.seconds(30).endSpeech();
      h.startItem('i2', { confirmed: true });
      expect(h.log.map((event) => event.seq)).toEqual(h.log.map((_, index) => index + 1));
      expect(h.state.seq).toBe(h.log.length);
    });

    it('L1 — a refused command takes no number', () => {
      const h = meetingOnItem1();
      const seq = h.state.seq;
      rejectionOf(() => h.run('flavio', { type: 'queue.close' }));
      h.raise('flavio');
      expect(h.log.at(-1)?.seq).toBe(seq + 1);
    });

    const replay = () => {
      const h = busyMeeting();
      return { h, events: h.log };
    };
    const outOfOrder: { name: string; seq: (last: number) => number }[] = [
      { name: 'a gap', seq: (last) => last + 2 },
      { name: 'a repeat', seq: (last) => last },
      { name: 'an older event', seq: (last) => last - 2 },
      { name: 'seq 0', seq: () => 0 },
    ];
    it.each(outOfOrder)('L1 — applying $name is refused and changes nothing', ({ seq }) => {
      const { h } = replay();
      const before = structuredClone(h.state);
      const event = {
        type: 'queue.closed',
        itemId: 'i1',
        seq: seq(h.state.seq),
        at: h.now,
        actor: { participantId: 'lynn', name: LYNN },
      } as MeetingEvent;
      expect(() => applyEvent(h.state, event)).toThrow(/does not follow/);
      expect(h.state).toEqual(before);
    });

    it('L1 — a meeting’s log replays from 1 to the same state, and not from 2', () => {
      const { h, events } = replay();
      const fresh = initialMeetingState('m1', T0, 40);
      expect(applyEvents(fresh, events)).toEqual(h.state);
      expect(() => applyEvents(fresh, events.slice(1))).toThrow(/does not follow/);
      const swapped = [events[0]!, events[2]!, events[1]!, ...events.slice(3)];
      expect(() => applyEvents(fresh, swapped)).toThrow(/does not follow/);
    });
  });
});
