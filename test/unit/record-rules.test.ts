/**
 * The rules of the meeting record and the chat (shared/meeting/SPEC.md: P1–P4, C1–C3, D1,
 * H1–H3), one test or table per rule, run through the same path as the server: schema,
 * decide, numbered events, reducer — and, for the chat, what each person receives (privacy.ts).
 */
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/meeting/commands.ts';
import { isLeading } from '../../shared/meeting/permissions.ts';
import { eventFor, privateSender, stateFor, type Audience } from '../../shared/meeting/privacy.ts';
import { applyEvents, initialMeetingState } from '../../shared/meeting/reducer.ts';
import { DECISION_KINDS, type ChatMessage, type ConsensusCall, type MeetingEvent, type Position } from '../../shared/meeting/types.ts';
import { NAME, SECOND, SETUP, MeetingHarness, expectRefused, openMeeting, type PersonId, type Sender } from '../support/meeting-harness.ts';

const { lynn: LYNN, juan: JUAN, chengetai: CHENGETAI, flavio: FLAVIO, mary: MARY } = NAME;
const { haojun: HAOJUN, rasha: RASHA, wim: WIM } = NAME;

const LEADS = [
  { role: 'chair', who: 'lynn' },
  { role: 'co-chair', who: 'juan' },
  { role: 'secretariat', who: 'chengetai' },
] as const satisfies readonly { role: string; who: PersonId }[];

const BRAZIL = 'Delegate of Brazil';
const CYBER = 'BPF on Cybersecurity';
const GENDER = 'BPF on Gender and Access';

interface RecordMeeting {
  h: MeetingHarness;
  /** Proposals on item 2 (cyber, gender) and on item 3 (local). */
  p: { cyber: string; gender: string; local: string };
}

/** Item 2 running, with two proposals on it and one on item 3. */
function recordMeeting(): RecordMeeting {
  const h = openMeeting().startItem('i2');
  const add = (itemId: string, title: string): string => {
    const [event] = h.run('lynn', { type: 'agenda.addProposal', itemId, title });
    if (event?.type !== 'agenda.proposalAdded') throw new Error(`adding a proposal produced ${event?.type}`);
    return event.proposal.id;
  };
  return { h, p: { cyber: add('i2', CYBER), gender: add('i2', GENDER), local: add('i3', 'Local initiative') } };
}

type Where = { itemId: string; proposalId: string | null };

/** The positions on one item or proposal as a person reads them: "Name: stance (text) [by recorder]". */
function held(h: MeetingHarness, where: Where): string[] {
  return h.state.positions
    .filter((position) => position.itemId === where.itemId && position.proposalId === where.proposalId)
    .map(describePosition);
}

function describePosition(position: Position): string {
  return `${position.name}: ${position.stance}${position.text ? ` (${position.text})` : ''}${position.recordedBy ? ` [by ${position.recordedBy}]` : ''}`;
}

function record(where: Where, stance: Position['stance'], extra: Record<string, unknown> = {}): CommandInput {
  return { type: 'position.record', ...where, stance, ...extra } as CommandInput;
}

function withdraw(where: Where, extra: Record<string, unknown> = {}): CommandInput {
  return { type: 'position.withdraw', ...where, ...extra } as CommandInput;
}

/** Opens a consensus call; returns it. */
function openCall(h: MeetingHarness, where: Where, extra: Record<string, unknown> = {}, by: Sender = 'lynn'): ConsensusCall {
  const [event] = h.run(by, { type: 'consensus.open', ...where, ...extra });
  if (event?.type !== 'consensus.opened') throw new Error(`opening a call produced ${event?.type}`);
  return call(h, event.call.id);
}

function call(h: MeetingHarness, callId: string): ConsensusCall {
  const found = h.state.consensusCalls.find((candidate) => candidate.id === callId);
  if (!found) throw new Error(`no call ${callId}`);
  return found;
}

/** The objections of a call as "Name (reason) [by recorder]". */
function objections(h: MeetingHarness, callId: string): string[] {
  return call(h, callId).objections.map(
    (objection) =>
      `${objection.name}${objection.reason ? ` (${objection.reason})` : ''}${objection.recordedBy ? ` [by ${objection.recordedBy}]` : ''}`,
  );
}

/** Posts a chat message; returns it. */
function post(h: MeetingHarness, who: Sender, text: string, to?: 'everyone' | 'secretariat'): ChatMessage {
  const [event] = h.run(who, { type: 'chat.post', text, ...(to === undefined ? {} : { to }) });
  if (event?.type !== 'chat.posted') throw new Error(`posting produced ${event?.type}`);
  return event.message;
}

/** What a sender is to privacy.ts. */
function audienceOf(h: MeetingHarness, who: Sender): Audience {
  const { actor, role } = h.sender(who);
  return { leading: isLeading(role), participantId: actor.participantId };
}

const item2: Where = { itemId: 'i2', proposalId: null };

// ---------------------------------------------------------------------------------------
describe('Positions', () => {
  describe('P1 — one position and one comment per person, per item and per proposal', () => {
    const targets = [
      { name: 'item 2', where: (_: RecordMeeting['p']): Where => item2 },
      { name: 'a proposal', where: (p: RecordMeeting['p']): Where => ({ itemId: 'i2', proposalId: p.cyber }) },
      { name: 'another proposal', where: (p: RecordMeeting['p']): Where => ({ itemId: 'i2', proposalId: p.gender }) },
    ];

    it.each(targets)('P1 — on $name, an objection replaces support, a comment stands beside it, and each is withdrawn', ({ where }) => {
      const { h, p } = recordMeeting();
      const at = where(p);
      h.run('flavio', record(at, 'support'));
      expect(held(h, at)).toEqual([`${FLAVIO}: support`]);
      h.run('flavio', record(at, 'objection', { text: 'Scope too broad' }));
      expect(held(h, at)).toEqual([`${FLAVIO}: objection (Scope too broad)`]);
      h.run('flavio', record(at, 'comment', { text: 'Needs a clearer scope' }));
      expect(held(h, at)).toEqual([`${FLAVIO}: objection (Scope too broad)`, `${FLAVIO}: comment (Needs a clearer scope)`]);
      h.run('flavio', record(at, 'comment', { text: 'Merge it with the other BPF' }));
      expect(held(h, at)).toEqual([`${FLAVIO}: objection (Scope too broad)`, `${FLAVIO}: comment (Merge it with the other BPF)`]);
      h.run('flavio', record(at, 'support'));
      expect(held(h, at)).toEqual([`${FLAVIO}: comment (Merge it with the other BPF)`, `${FLAVIO}: support`]);
      h.run('flavio', withdraw(at));
      expect(held(h, at)).toEqual([`${FLAVIO}: comment (Merge it with the other BPF)`]);
      h.run('flavio', withdraw(at, { holding: 'comment' }));
      expect(held(h, at)).toEqual([]);
      expect(h.state.positions).toEqual([]);
    });

    it('P1 — the item and each of its proposals hold their own positions, and so does each person', () => {
      const { h, p } = recordMeeting();
      const cyber = { itemId: 'i2', proposalId: p.cyber };
      const gender = { itemId: 'i2', proposalId: p.gender };
      h.run('flavio', record(item2, 'support'));
      h.run('flavio', record(cyber, 'objection', { text: 'No budget' }));
      h.run('flavio', record(gender, 'comment', { text: 'Link with the NRIs' }));
      h.run('mary', record(cyber, 'support'));
      h.run('haojun', record(cyber, 'objection'));
      expect(held(h, item2)).toEqual([`${FLAVIO}: support`]);
      expect(held(h, cyber)).toEqual([`${FLAVIO}: objection (No budget)`, `${MARY}: support`, `${HAOJUN}: objection`]);
      expect(held(h, gender)).toEqual([`${FLAVIO}: comment (Link with the NRIs)`]);

      h.run('flavio', withdraw(cyber));
      expect(held(h, item2)).toEqual([`${FLAVIO}: support`]);
      expect(held(h, cyber)).toEqual([`${MARY}: support`, `${HAOJUN}: objection`]);
      expect(held(h, gender)).toEqual([`${FLAVIO}: comment (Link with the NRIs)`]);
    });

    const stances = [
      { name: 'support', stance: 'support', text: undefined, expectedText: '' },
      {
        name: 'an objection with a reason',
        stance: 'objection',
        text: '  No proposal was circulated ',
        expectedText: 'No proposal was circulated',
      },
      { name: 'an objection without a reason', stance: 'objection', text: undefined, expectedText: '' },
      { name: 'a comment', stance: 'comment', text: 'Prefers a webinar format', expectedText: 'Prefers a webinar format' },
    ] as const;
    it.each(stances)('P1 — a member records $name, with who, when and no recorder', ({ stance, text, expectedText }) => {
      const { h, p } = recordMeeting();
      h.seconds(42);
      const at = { itemId: 'i2', proposalId: p.cyber };
      h.run('rasha', record(at, stance, text === undefined ? {} : { text }));
      expect(h.state.positions).toEqual([
        {
          itemId: 'i2',
          proposalId: p.cyber,
          holderKey: 'rasha',
          participantId: 'rasha',
          name: RASHA,
          stakeholderGroup: 'civil-society',
          stance,
          text: expectedText,
          at: h.now,
          recordedBy: null,
          speechId: null,
        },
      ]);
    });

    const nothing: {
      name: string;
      before: (h: MeetingHarness, p: RecordMeeting['p']) => void;
      input: (p: RecordMeeting['p']) => CommandInput;
    }[] = [
      { name: 'nothing was ever recorded', before: () => {}, input: () => withdraw(item2) },
      {
        name: 'only a comment is held, the position is withdrawn',
        before: (h) => h.run('flavio', record(item2, 'comment', { text: 'x' })),
        input: () => withdraw(item2),
      },
      {
        name: 'only support is held, the comment is withdrawn',
        before: (h) => h.run('flavio', record(item2, 'support')),
        input: () => withdraw(item2, { holding: 'comment' }),
      },
      {
        name: 'held on the item, withdrawn on a proposal',
        before: (h) => h.run('flavio', record(item2, 'support')),
        input: (p) => withdraw({ itemId: 'i2', proposalId: p.cyber }),
      },
      {
        name: 'held on a proposal, withdrawn on the item',
        before: (h, p) => h.run('flavio', record({ itemId: 'i2', proposalId: p.gender }, 'objection')),
        input: () => withdraw(item2),
      },
      {
        name: 'held on another item',
        before: (h) => h.run('flavio', record({ itemId: 'i1', proposalId: null }, 'support')),
        input: () => withdraw(item2),
      },
      {
        name: 'already withdrawn',
        before: (h) => {
          h.run('flavio', record(item2, 'support'));
          h.run('flavio', withdraw(item2));
        },
        input: () => withdraw(item2),
      },
      { name: 'only someone else holds one', before: (h) => h.run('mary', record(item2, 'support')), input: () => withdraw(item2) },
    ];
    it.each(nothing)('P1 — a withdrawal of nothing is refused: $name', ({ before, input }) => {
      const { h, p } = recordMeeting();
      before(h, p);
      expectRefused(h, 'flavio', input(p), 'conflict');
    });

    it('P1 — the chair’s withdrawal of nothing on someone’s behalf is refused too', () => {
      const { h } = recordMeeting();
      h.run('lynn', record(item2, 'support', { name: BRAZIL }));
      expectRefused(h, 'lynn', withdraw(item2, { name: 'Delegate of Kenya' }), 'conflict');
      expectRefused(h, 'lynn', withdraw(item2, { participantId: 'mary' }), 'conflict');
      expectRefused(h, 'lynn', withdraw(item2, { name: BRAZIL, holding: 'comment' }), 'conflict');
      expect(held(h, item2)).toEqual([`${BRAZIL}: support [by ${LYNN}]`]);
    });

    const wrongTargets = [
      {
        name: 'a proposal of another item',
        input: (p: RecordMeeting['p']) => record({ itemId: 'i2', proposalId: p.local }, 'support'),
        code: 'not-found',
      },
      {
        name: 'a proposal that does not exist',
        input: () => record({ itemId: 'i2', proposalId: 'pr-none' }, 'support'),
        code: 'not-found',
      },
      { name: 'an item that does not exist', input: () => record({ itemId: 'i9', proposalId: null }, 'support'), code: 'not-found' },
      {
        name: 'withdrawing on a proposal of another item',
        input: (p: RecordMeeting['p']) => withdraw({ itemId: 'i2', proposalId: p.local }),
        code: 'not-found',
      },
      { name: 'withdrawing on an item that does not exist', input: () => withdraw({ itemId: 'i9', proposalId: null }), code: 'not-found' },
      { name: 'a stance that does not exist', input: () => record(item2, 'abstention' as Position['stance']), code: 'invalid' },
      { name: 'a comment longer than 2000 characters', input: () => record(item2, 'comment', { text: 'x'.repeat(2001) }), code: 'invalid' },
      { name: 'withdrawing a holding that does not exist', input: () => withdraw(item2, { holding: 'support' }), code: 'invalid' },
    ] as const;
    it.each(wrongTargets)('P1 — $name is refused ($code)', ({ input, code }) => {
      const { h, p } = recordMeeting();
      // Flávio holds a position on item 3's proposal, so "not-found" is about the target, not the holding.
      h.run('flavio', record({ itemId: 'i3', proposalId: p.local }, 'support'));
      expectRefused(h, 'flavio', input(p), code);
    });
  });

  describe('P2 — own positions, and the leads’ on behalf of others', () => {
    const holders = [
      {
        name: 'a roster participant',
        extra: { participantId: 'rasha' },
        expected: { holderKey: 'rasha', participantId: 'rasha', name: RASHA, stakeholderGroup: 'civil-society' },
      },
      {
        name: 'a typed name',
        extra: { name: `  ${BRAZIL} ` },
        expected: { holderKey: `name:${BRAZIL}`, participantId: null, name: BRAZIL, stakeholderGroup: null },
      },
    ];
    const cases = LEADS.flatMap((lead) => holders.map((holder) => ({ ...lead, ...holder })));
    it.each(cases)('P2 — the $role records a position for $name, and the position says who recorded it', ({ who, extra, expected }) => {
      const { h, p } = recordMeeting();
      const at = { itemId: 'i2', proposalId: p.gender };
      h.run(who, record(at, 'support', extra));
      h.run(who, record(at, 'comment', { ...extra, text: 'Spoke from the floor' }));
      const recordedBy = NAME[who];
      expect(h.state.positions).toEqual([
        { ...at, ...expected, stance: 'support', text: '', at: h.now, recordedBy, speechId: null },
        { ...at, ...expected, stance: 'comment', text: 'Spoke from the floor', at: h.now, recordedBy, speechId: null },
      ]);
      // Nothing is recorded for the lead themself.
      expect(h.state.positions.some((position) => position.participantId === who)).toBe(false);
    });

    /** Haojun and a caller typed in by name have spoken on item 2; Mary holds the floor. */
    function afterSpeeches() {
      const m = recordMeeting();
      const { h } = m;
      h.raise('haojun');
      h.run('chengetai', { type: 'queue.addOnBehalf', participantId: null, name: 'Caller from Nairobi', location: 'phone' });
      h.raise('mary');
      h.speak(HAOJUN);
      h.speak('Caller from Nairobi');
      h.next(h.entry(MARY).id);
      const [haojun, caller] = h.state.speeches;
      return { ...m, speeches: { haojun: haojun!.id, caller: caller!.id, mary: h.state.floor!.id } };
    }

    const fromSpeech = [
      {
        name: 'a finished speech',
        speech: 'haojun',
        expected: { holderKey: 'haojun', participantId: 'haojun', name: HAOJUN, stakeholderGroup: 'government' },
      },
      {
        name: 'a finished speech by someone typed in by name',
        speech: 'caller',
        expected: { holderKey: 'name:Caller from Nairobi', participantId: null, name: 'Caller from Nairobi', stakeholderGroup: null },
      },
      {
        name: 'the running speech',
        speech: 'mary',
        expected: { holderKey: 'mary', participantId: 'mary', name: MARY, stakeholderGroup: 'civil-society' },
      },
    ] as const;
    const speechCases = (['lynn', 'chengetai'] as const).flatMap((who) => fromSpeech.map((c) => ({ who, ...c })));
    it.each(speechCases)(
      'P2 — $who records “spoke in support” from $name: the position names the speaker and its recorder',
      ({ who, speech, expected }) => {
        const { h, p, speeches } = afterSpeeches();
        const at = { itemId: 'i2', proposalId: p.cyber };
        h.run(who, record(at, 'support', { speechId: speeches[speech] }));
        expect(h.state.positions).toEqual([
          { ...at, ...expected, stance: 'support', text: '', at: h.now, recordedBy: NAME[who], speechId: speeches[speech] },
        ]);
        expect(held(h, at)).toEqual([`${expected.name}: support [by ${NAME[who]}]`]);
      },
    );

    it('P2 — a speech that is not in the record is not-found', () => {
      const { h } = afterSpeeches();
      expectRefused(h, 'lynn', record(item2, 'support', { speechId: 's-none' }), 'not-found');
      expectRefused(h, 'lynn', record(item2, 'support', { participantId: 'nobody' }), 'not-found');
    });

    it('P2 — the person’s own position replaces the one recorded for them, and the other way round', () => {
      const { h, p, speeches } = afterSpeeches();
      const at = { itemId: 'i2', proposalId: p.cyber };
      h.run('lynn', record(at, 'support', { speechId: speeches.haojun }));
      h.run('haojun', record(at, 'objection', { text: 'I supported the other one' }));
      expect(held(h, at)).toEqual([`${HAOJUN}: objection (I supported the other one)`]);
      expect(h.state.positions[0]).toMatchObject({ recordedBy: null, speechId: null });
      h.run('chengetai', record(at, 'support', { participantId: 'haojun' }));
      expect(held(h, at)).toEqual([`${HAOJUN}: support [by ${CHENGETAI}]`]);
    });

    it('P2 — a member, or a lead naming themself, records their own position', () => {
      const { h } = recordMeeting();
      h.run('flavio', record(item2, 'support', { participantId: 'flavio' }));
      h.run('lynn', record(item2, 'comment', { text: 'As chair, none', participantId: 'lynn' }));
      h.run('juan', record(item2, 'objection'));
      expect(held(h, item2)).toEqual([`${FLAVIO}: support`, `${LYNN}: comment (As chair, none)`, `${JUAN}: objection`]);
    });

    it('P2 — the leads withdraw a position or comment on someone’s behalf', () => {
      const { h } = recordMeeting();
      h.run('flavio', record(item2, 'support'));
      h.run('flavio', record(item2, 'comment', { text: 'Keep it short' }));
      h.run('lynn', record(item2, 'objection', { name: BRAZIL }));
      h.run('chengetai', withdraw(item2, { participantId: 'flavio' }));
      expect(held(h, item2)).toEqual([`${FLAVIO}: comment (Keep it short)`, `${BRAZIL}: objection [by ${LYNN}]`]);
      h.run('juan', withdraw(item2, { participantId: 'flavio', holding: 'comment' }));
      h.run('chengetai', withdraw(item2, { name: BRAZIL }));
      expect(held(h, item2)).toEqual([]);
    });

    const others = [
      { name: 'a roster participant', extra: { participantId: 'mary' } },
      { name: 'a typed name', extra: { name: BRAZIL } },
    ];
    const refusedCases = (['flavio', 'wim'] as const).flatMap((who) => [
      ...others.map((other) => ({ who, action: `record for ${other.name}`, input: record(item2, 'support', other.extra) })),
      ...others.map((other) => ({ who, action: `withdraw for ${other.name}`, input: withdraw(item2, other.extra) })),
      { who, action: 'record from someone else’s speech', input: record(item2, 'support', { speechId: 'SPEECH' }) },
    ]);
    it.each(refusedCases)('P2 — $who (member / observer allowed to take positions) may not $action (forbidden)', ({ who, input }) => {
      const { h } = recordMeeting();
      h.settings({ observersMayTakePositions: true });
      h.raise('haojun');
      h.speak(HAOJUN);
      h.run('mary', record(item2, 'support'));
      h.run('lynn', record(item2, 'support', { name: BRAZIL }));
      const resolved = 'speechId' in input ? { ...input, speechId: h.state.speeches[0]!.id } : input;
      expectRefused(h, who, resolved, 'forbidden');
      expect(held(h, item2)).toEqual([`${MARY}: support`, `${BRAZIL}: support [by ${LYNN}]`]);
    });
  });

  describe('P3 — observers when allowed; the captioner and the room display never', () => {
    const observerCommands = [
      { name: 'record a position', input: (): CommandInput => record(item2, 'support') },
      { name: 'record a comment', input: (): CommandInput => record(item2, 'comment', { text: 'Observers welcome this' }) },
      {
        name: 'object in a consensus call',
        input: (callId: string): CommandInput => ({ type: 'consensus.object', callId, reason: 'Too soon' }),
      },
    ];
    it.each(observerCommands)('P3 — an observer may $name only while the meeting allows it', ({ input }) => {
      const { h } = recordMeeting();
      const { id } = openCall(h, item2);
      expectRefused(h, 'wim', input(id), 'forbidden');
      h.settings({ observersMayTakePositions: true });
      h.run('wim', input(id));
      h.settings({ observersMayTakePositions: false });
      expectRefused(h, 'wim', input(id), 'forbidden');
      const recorded = h.state.positions.length + call(h, id).objections.length;
      expect(recorded).toBe(1);
    });

    it('P3 — an observer who may take positions withdraws them like anyone', () => {
      const { h } = recordMeeting();
      h.settings({ observersMayTakePositions: true });
      h.run('wim', record(item2, 'objection', { text: 'Not yet' }));
      expect(held(h, item2)).toEqual([`${WIM}: objection (Not yet)`]);
      h.run('wim', withdraw(item2));
      expect(held(h, item2)).toEqual([]);
    });

    const silent = (['kirsty', 'display'] as const).flatMap((who) =>
      [false, true].flatMap((observersMayTakePositions) =>
        [
          { name: 'record a position', input: (): CommandInput => record(item2, 'support') },
          { name: 'withdraw a position', input: (): CommandInput => withdraw(item2) },
          { name: 'object', input: (callId: string): CommandInput => ({ type: 'consensus.object', callId }) },
          { name: 'withdraw an objection', input: (callId: string): CommandInput => ({ type: 'consensus.withdrawObjection', callId }) },
        ].map((c) => ({ who, observersMayTakePositions, ...c })),
      ),
    );
    it.each(silent)(
      'P3 — $who may never $name (observers allowed: $observersMayTakePositions) — forbidden',
      ({ who, observersMayTakePositions, input }) => {
        const { h } = recordMeeting();
        if (observersMayTakePositions) h.settings({ observersMayTakePositions });
        const { id } = openCall(h, item2);
        expectRefused(h, who, input(id), 'forbidden');
        expect(h.state.positions).toEqual([]);
      },
    );

    it('P3 — the leads cannot record a position or an objection for the captioner', () => {
      const { h } = recordMeeting();
      h.settings({ observersMayTakePositions: true });
      const { id } = openCall(h, item2);
      expectRefused(h, 'lynn', record(item2, 'support', { participantId: 'kirsty' }), 'forbidden');
      expectRefused(h, 'chengetai', record(item2, 'comment', { participantId: 'kirsty', text: 'x' }), 'forbidden');
      expectRefused(h, 'lynn', { type: 'consensus.object', callId: id, participantId: 'kirsty' }, 'forbidden');
      expect(h.state.positions).toEqual([]);
    });

    it('P3 — the leads record a position or an objection for an observer only while the meeting allows it', () => {
      const { h } = recordMeeting();
      const { id } = openCall(h, item2);
      expectRefused(h, 'lynn', record(item2, 'support', { participantId: 'wim' }), 'forbidden');
      expectRefused(h, 'lynn', { type: 'consensus.object', callId: id, participantId: 'wim' }, 'forbidden');
      h.settings({ observersMayTakePositions: true });
      h.run('lynn', record(item2, 'support', { participantId: 'wim' }));
      h.run('lynn', { type: 'consensus.object', callId: id, participantId: 'wim' });
      expect(held(h, item2)).toEqual([`${WIM}: support [by ${LYNN}]`]);
      expect(objections(h, id)).toEqual([`${WIM} [by ${LYNN}]`]);
    });

    it('P3 — once observers may no longer take positions, the leads still remove one recorded while they could', () => {
      const { h } = recordMeeting();
      h.settings({ observersMayTakePositions: true });
      h.run('wim', record(item2, 'support'));
      h.run('wim', record(item2, 'comment', { text: 'From the BPF team' }));
      h.settings({ observersMayTakePositions: false });
      expectRefused(h, 'wim', withdraw(item2), 'forbidden');
      h.run('chengetai', withdraw(item2, { participantId: 'wim' }));
      expect(held(h, item2)).toEqual([`${WIM}: comment (From the BPF team)`]);
    });
  });

  describe('P4 — positions on a done or deferred item', () => {
    const closings = [
      { name: 'marked done', close: (h: MeetingHarness) => h.run('lynn', { type: 'agenda.markItem', itemId: 'i2', status: 'done' }) },
      {
        name: 'marked deferred',
        close: (h: MeetingHarness) => h.run('chengetai', { type: 'agenda.markItem', itemId: 'i2', status: 'deferred' }),
      },
      { name: 'left as done', close: (h: MeetingHarness) => h.startItem('i3', { previousItemStatus: 'done' }) },
      { name: 'left as deferred', close: (h: MeetingHarness) => h.startItem('i3', { previousItemStatus: 'deferred' }) },
    ];
    const memberChanges = [
      { name: 'record a new position', who: 'haojun', input: (): CommandInput => record(item2, 'support') },
      { name: 'replace their position', who: 'flavio', input: (): CommandInput => record(item2, 'objection', { text: 'Changed my mind' }) },
      { name: 'add a comment', who: 'flavio', input: (): CommandInput => record(item2, 'comment', { text: 'Late thought' }) },
      { name: 'replace their comment', who: 'mary', input: (): CommandInput => record(item2, 'comment', { text: 'Other words' }) },
      { name: 'withdraw their position', who: 'flavio', input: (): CommandInput => withdraw(item2) },
      { name: 'withdraw their comment', who: 'mary', input: (): CommandInput => withdraw(item2, { holding: 'comment' }) },
      {
        name: 'change a position on a proposal of the item',
        who: 'flavio',
        input: (p: RecordMeeting['p']): CommandInput => record({ itemId: 'i2', proposalId: p.cyber }, 'objection'),
      },
      { name: 'record while an observer allowed to', who: 'wim', input: (): CommandInput => record(item2, 'support') },
    ] as const;

    /** Flávio supports item 2 and the cyber proposal, Mary comments; then the item is closed. */
    function closedItem(close: (h: MeetingHarness) => unknown): RecordMeeting {
      const m = recordMeeting();
      m.h.settings({ observersMayTakePositions: true });
      m.h.run('flavio', record(item2, 'support'));
      m.h.run('flavio', record({ itemId: 'i2', proposalId: m.p.cyber }, 'support'));
      m.h.run('mary', record(item2, 'comment', { text: 'Well done' }));
      close(m.h);
      return m;
    }

    const refusedCases = closings.flatMap((closing) =>
      memberChanges.map((change) => ({ ...closing, change: change.name, who: change.who, input: change.input })),
    );
    it.each(refusedCases)('P4 — on an item $name, a participant may not $change (conflict)', ({ close, who, input }) => {
      const { h, p } = closedItem(close);
      expectRefused(h, who, input(p), 'conflict');
      expect(held(h, item2)).toEqual([`${FLAVIO}: support`, `${MARY}: comment (Well done)`]);
    });

    it.each(closings)('P4 — on an item $name, the chair and the secretariat may still correct the positions', ({ close }) => {
      const { h, p } = closedItem(close);
      h.run('lynn', record(item2, 'objection', { participantId: 'flavio', text: 'He objected, in fact' }));
      h.run('chengetai', withdraw(item2, { participantId: 'mary', holding: 'comment' }));
      h.run('chengetai', record(item2, 'support', { name: BRAZIL }));
      h.run('juan', withdraw({ itemId: 'i2', proposalId: p.cyber }, { participantId: 'flavio' }));
      expect(held(h, item2)).toEqual([`${FLAVIO}: objection (He objected, in fact) [by ${LYNN}]`, `${BRAZIL}: support [by ${CHENGETAI}]`]);
      expect(held(h, { itemId: 'i2', proposalId: p.cyber })).toEqual([]);
    });

    it.each(closings)('P4 — on an item $name, a lead may still correct their own position', ({ close }) => {
      const { h } = closedItem(close);
      h.run('lynn', record(item2, 'comment', { text: 'Chair’s note' }));
      h.run('chengetai', record(item2, 'support'));
      h.run('chengetai', withdraw(item2));
      expect(held(h, item2)).toEqual([`${FLAVIO}: support`, `${MARY}: comment (Well done)`, `${LYNN}: comment (Chair’s note)`]);
    });

    it('P4 — an item left pending keeps taking positions, and one marked pending again takes them again', () => {
      const { h } = recordMeeting();
      h.startItem('i3');
      h.run('flavio', record(item2, 'support'));
      h.run('lynn', { type: 'agenda.markItem', itemId: 'i2', status: 'done' });
      expectRefused(h, 'flavio', withdraw(item2), 'conflict');
      h.run('lynn', { type: 'agenda.markItem', itemId: 'i2', status: 'pending' });
      h.run('flavio', record(item2, 'objection'));
      expect(held(h, item2)).toEqual([`${FLAVIO}: objection`]);
    });

    it('P4 — closing one item leaves the others open to positions', () => {
      const { h } = closedItem((m) => m.startItem('i3', { previousItemStatus: 'done' }));
      h.run('flavio', record({ itemId: 'i3', proposalId: null }, 'support'));
      h.run('flavio', record({ itemId: 'i1', proposalId: null }, 'comment', { text: 'Agenda fine' }));
      expect(held(h, { itemId: 'i3', proposalId: null })).toEqual([`${FLAVIO}: support`]);
      expect(held(h, { itemId: 'i1', proposalId: null })).toEqual([`${FLAVIO}: comment (Agenda fine)`]);
    });
  });
});

// ---------------------------------------------------------------------------------------
describe('Consensus calls', () => {
  describe('C1 — one call at a time, with a question and a countdown', () => {
    const defaults = [
      { name: 'item 2', where: (): Where => item2, question: 'Any objections to item 2?' },
      {
        name: 'a proposal',
        where: (p: RecordMeeting['p']): Where => ({ itemId: 'i2', proposalId: p.cyber }),
        question: `Any objections to ${CYBER}?`,
      },
      { name: 'sub-item 3a', where: (): Where => ({ itemId: 'i3a', proposalId: null }), question: 'Any objections to item 3a?' },
      {
        name: 'a proposal on another item',
        where: (p: RecordMeeting['p']): Where => ({ itemId: 'i3', proposalId: p.local }),
        question: 'Any objections to Local initiative?',
      },
    ];
    it.each(defaults)('C1 — a call on $name asks “$question” and counts down 20 s by default', ({ where, question }) => {
      const { h, p } = recordMeeting();
      h.seconds(5);
      const opened = openCall(h, where(p));
      expect(opened).toEqual({
        id: opened.id,
        ...where(p),
        question,
        openedAt: h.now,
        durationMs: 20 * SECOND,
        objections: [],
        closedAt: null,
        outcome: null,
      });
    });

    it.each(LEADS)('C1 — the $role may ask their own question with their own countdown', ({ who }) => {
      const { h } = recordMeeting();
      const opened = openCall(h, item2, { question: '  Can we adopt the agenda as amended? ', seconds: 45 }, who);
      expect(opened).toMatchObject({ question: 'Can we adopt the agenda as amended?', durationMs: 45 * SECOND });
    });

    const invalid = [
      { name: 'a countdown under 5 s', extra: { seconds: 4 } },
      { name: 'a countdown over 10 minutes', extra: { seconds: 601 } },
      { name: 'a countdown in fractions of a second', extra: { seconds: 20.5 } },
      { name: 'an empty question', extra: { question: '   ' } },
    ];
    it.each(invalid)('C1 — $name is refused (invalid)', ({ extra }) => {
      const { h } = recordMeeting();
      expectRefused(h, 'lynn', { type: 'consensus.open', ...item2, ...extra }, 'invalid');
    });

    const seconds = [
      { name: 'on the same item', where: (): Where => item2 },
      { name: 'on a proposal of the item', where: (p: RecordMeeting['p']): Where => ({ itemId: 'i2', proposalId: p.gender }) },
      { name: 'on another item', where: (): Where => ({ itemId: 'i4', proposalId: null }) },
    ];
    const secondCases = LEADS.flatMap((lead) => seconds.map((second) => ({ ...lead, ...second })));
    it.each(secondCases)('C1 — while a call is open, the $role cannot open a second one $name (conflict)', ({ who, where }) => {
      const { h, p } = recordMeeting();
      const first = openCall(h, { itemId: 'i2', proposalId: p.cyber });
      h.seconds(30);
      expectRefused(h, who, { type: 'consensus.open', ...where(p) }, 'conflict');
      h.run('lynn', { type: 'consensus.close', callId: first.id });
      const second = openCall(h, where(p), {}, who);
      expect(h.state.consensusCalls.map((c) => [c.id, c.closedAt === null])).toEqual([
        [first.id, false],
        [second.id, true],
      ]);
    });

    const wrong = [
      {
        name: 'a proposal of another item',
        input: (p: RecordMeeting['p']) => ({ type: 'consensus.open', itemId: 'i2', proposalId: p.local }),
      },
      { name: 'an item that does not exist', input: () => ({ type: 'consensus.open', itemId: 'i9', proposalId: null }) },
    ];
    it.each(wrong)('C1 — a call on $name is not-found', ({ input }) => {
      const { h, p } = recordMeeting();
      expectRefused(h, 'lynn', input(p), 'not-found');
    });

    it.each(['flavio', 'wim', 'kirsty', 'display'] as const)('C1 — %s can neither open nor close a call (forbidden)', (who) => {
      const { h } = recordMeeting();
      expectRefused(h, who, { type: 'consensus.open', ...item2 }, 'forbidden');
      const { id } = openCall(h, item2);
      expectRefused(h, who, { type: 'consensus.close', callId: id }, 'forbidden');
    });
  });

  describe('C2 — objecting, withdrawing, and objections entered by the leads', () => {
    const inTime = [
      { name: 'at once', after: 0 },
      { name: 'after 10 s', after: 10 * SECOND },
      { name: 'as the countdown ends', after: 20 * SECOND },
      { name: 'within 2 s of grace', after: 22 * SECOND },
    ];
    it.each(inTime)('C2 — a member objects $name, with a reason', ({ after }) => {
      const { h } = recordMeeting();
      const { id } = openCall(h, item2);
      h.advance(after);
      h.run('flavio', { type: 'consensus.object', callId: id, reason: ' No proposal was circulated ' });
      expect(call(h, id).objections).toEqual([
        { holderKey: 'flavio', participantId: 'flavio', name: FLAVIO, reason: 'No proposal was circulated', at: h.now, recordedBy: null },
      ]);
    });

    const late = [
      { name: 'just after the grace', after: 22 * SECOND + 1 },
      { name: 'a minute later', after: 60 * SECOND },
    ];
    it.each(late)('C2 — a member’s objection $name is refused (conflict); the chair still enters one raised in the room', ({ after }) => {
      const { h } = recordMeeting();
      const { id } = openCall(h, item2);
      h.advance(after);
      expectRefused(h, 'flavio', { type: 'consensus.object', callId: id }, 'conflict');
      h.run('lynn', { type: 'consensus.object', callId: id, name: BRAZIL, reason: 'Raised in the room' });
      h.run('chengetai', { type: 'consensus.object', callId: id, participantId: 'mary' });
      expect(objections(h, id)).toEqual([`${BRAZIL} (Raised in the room) [by ${LYNN}]`, `${MARY} [by ${CHENGETAI}]`]);
      expect(call(h, id).objections[0]).toMatchObject({ holderKey: `name:${BRAZIL}`, participantId: null, at: h.now });
    });

    it('C2 — a reason is optional, and objecting again replaces one’s objection', () => {
      const { h } = recordMeeting();
      const { id } = openCall(h, item2);
      h.run('flavio', { type: 'consensus.object', callId: id });
      h.run('mary', { type: 'consensus.object', callId: id, reason: 'Too soon' });
      h.seconds(3).run('flavio', { type: 'consensus.object', callId: id, reason: 'Scope unclear' });
      expect(objections(h, id)).toEqual([`${MARY} (Too soon)`, `${FLAVIO} (Scope unclear)`]);
    });

    const withdrawals = [
      { name: 'during the countdown', after: 5 * SECOND },
      { name: 'after the countdown, while the call is open', after: 5 * 60 * SECOND },
    ];
    it.each(withdrawals)('C2 — a member withdraws their own objection $name', ({ after }) => {
      const { h } = recordMeeting();
      const { id } = openCall(h, item2);
      h.run('flavio', { type: 'consensus.object', callId: id, reason: 'Too soon' });
      h.run('mary', { type: 'consensus.object', callId: id });
      h.advance(after);
      h.run('flavio', { type: 'consensus.withdrawObjection', callId: id });
      expect(objections(h, id)).toEqual([MARY]);
      expectRefused(h, 'flavio', { type: 'consensus.withdrawObjection', callId: id }, 'conflict');
    });

    it('C2 — withdrawing without having objected is refused, and leaves the others’ objections', () => {
      const { h } = recordMeeting();
      const { id } = openCall(h, item2);
      expectRefused(h, 'mary', { type: 'consensus.withdrawObjection', callId: id }, 'conflict');
      h.run('flavio', { type: 'consensus.object', callId: id });
      h.run('lynn', { type: 'consensus.object', callId: id, name: BRAZIL });
      expectRefused(h, 'mary', { type: 'consensus.withdrawObjection', callId: id }, 'conflict');
      expectRefused(h, 'lynn', { type: 'consensus.withdrawObjection', callId: id }, 'conflict');
      expect(objections(h, id)).toEqual([FLAVIO, `${BRAZIL} [by ${LYNN}]`]);
    });

    it('C2 — someone whose objection a lead entered may withdraw it themself', () => {
      const { h } = recordMeeting();
      const { id } = openCall(h, item2);
      h.run('chengetai', { type: 'consensus.object', callId: id, participantId: 'rasha', reason: 'On the phone' });
      h.run('rasha', { type: 'consensus.withdrawObjection', callId: id });
      expect(objections(h, id)).toEqual([]);
    });

    const onBehalf = (['flavio', 'wim'] as const).flatMap((who) => [
      { who, name: 'a roster participant', extra: { participantId: 'mary' } },
      { who, name: 'a typed name', extra: { name: BRAZIL } },
    ]);
    it.each(onBehalf)('C2 — $who may not object for $name (forbidden)', ({ who, extra }) => {
      const { h } = recordMeeting();
      h.settings({ observersMayTakePositions: true });
      const { id } = openCall(h, item2);
      expectRefused(h, who, { type: 'consensus.object', callId: id, ...extra }, 'forbidden');
    });

    const afterClose = [
      { name: 'a member’s objection', who: 'flavio', input: (callId: string) => ({ type: 'consensus.object', callId }) },
      {
        name: 'an objection the chair enters',
        who: 'lynn',
        input: (callId: string) => ({ type: 'consensus.object', callId, name: BRAZIL }),
      },
      { name: 'a withdrawal', who: 'mary', input: (callId: string) => ({ type: 'consensus.withdrawObjection', callId }) },
      { name: 'closing it again', who: 'chengetai', input: (callId: string) => ({ type: 'consensus.close', callId }) },
    ] as const;
    it.each(afterClose)('C2 — a closed call refuses $name (conflict)', ({ who, input }) => {
      const { h } = recordMeeting();
      const { id } = openCall(h, item2);
      h.run('mary', { type: 'consensus.object', callId: id });
      h.seconds(2).run('lynn', { type: 'consensus.close', callId: id });
      expectRefused(h, who, input(id), 'conflict');
      expect(objections(h, id)).toEqual([MARY]);
    });

    it.each(afterClose)('C2 — a call that does not exist refuses $name (not-found)', ({ who, input }) => {
      const { h } = recordMeeting();
      openCall(h, item2);
      expectRefused(h, who, input('c-none'), 'not-found');
    });
  });

  describe('C3 — closing records the outcome', () => {
    const outcomes = [
      { name: 'no one objected', objectors: [], withdrawn: [], outcome: 'agreed-without-objection', expected: [] },
      {
        name: 'a member and someone in the room objected',
        objectors: [
          ['haojun', { reason: 'No proposal was circulated' }],
          ['lynn', { name: BRAZIL, reason: 'Raised in the room' }],
        ],
        withdrawn: [],
        outcome: 'objections',
        expected: [
          { name: HAOJUN, participantId: 'haojun', reason: 'No proposal was circulated', recordedBy: null },
          { name: BRAZIL, participantId: null, reason: 'Raised in the room', recordedBy: LYNN },
        ],
      },
      {
        name: 'the only objection was withdrawn',
        objectors: [['flavio', { reason: 'Too soon' }]],
        withdrawn: ['flavio'],
        outcome: 'agreed-without-objection',
        expected: [],
      },
      {
        name: 'one of two objections was withdrawn',
        objectors: [
          ['flavio', {}],
          ['mary', { reason: 'Needs more work' }],
        ],
        withdrawn: ['flavio'],
        outcome: 'objections',
        expected: [{ name: MARY, participantId: 'mary', reason: 'Needs more work', recordedBy: null }],
      },
    ] as const;
    it.each(outcomes)('C3 — when $name, closing records “$outcome”', ({ objectors, withdrawn, outcome, expected }) => {
      const { h, p } = recordMeeting();
      const { id } = openCall(h, { itemId: 'i2', proposalId: p.gender });
      for (const [who, extra] of objectors) h.seconds(1).run(who, { type: 'consensus.object', callId: id, ...extra });
      for (const who of withdrawn) h.run(who, { type: 'consensus.withdrawObjection', callId: id });
      h.seconds(25).run('chengetai', { type: 'consensus.close', callId: id });
      const closed = call(h, id);
      expect(closed).toMatchObject({ outcome, closedAt: h.now, proposalId: p.gender });
      expect(closed.objections.map(({ name, participantId, reason, recordedBy }) => ({ name, participantId, reason, recordedBy }))).toEqual(
        expected,
      );
    });

    it('C3 — every call stays in the record with its own outcome', () => {
      const { h, p } = recordMeeting();
      const first = openCall(h, { itemId: 'i2', proposalId: p.cyber });
      h.run('flavio', { type: 'consensus.object', callId: first.id, reason: 'Overlaps' });
      h.run('lynn', { type: 'consensus.close', callId: first.id });
      const second = openCall(h, { itemId: 'i2', proposalId: p.cyber }, { question: 'Any objections to the merged BPF?' });
      h.run('lynn', { type: 'consensus.close', callId: second.id });
      expect(h.state.consensusCalls.map((c) => [c.question, c.outcome, c.objections.map((o) => o.name)])).toEqual([
        [`Any objections to ${CYBER}?`, 'objections', [FLAVIO]],
        ['Any objections to the merged BPF?', 'agreed-without-objection', []],
      ]);
    });
  });
});

// ---------------------------------------------------------------------------------------
describe('The record', () => {
  describe('D1 — decisions and action items', () => {
    const decisionCases = DECISION_KINDS.flatMap((kind, index) =>
      [
        { target: 'item 2', where: (): Where => item2 },
        { target: 'a proposal', where: (p: RecordMeeting['p']): Where => ({ itemId: 'i2', proposalId: p.cyber }) },
      ].map((t) => ({ kind, ...t, who: index % 2 === 0 ? ('lynn' as const) : ('chengetai' as const) })),
    );
    it.each(decisionCases)('D1 — $who records “$kind” on $target, with text', ({ kind, where, who }) => {
      const { h, p } = recordMeeting();
      h.seconds(90);
      const [event] = h.run(who, { type: 'decision.record', ...where(p), kind, text: '  The MAG agreed to proceed. ' });
      if (event?.type !== 'decision.recorded') throw new Error(`recording produced ${event?.type}`);
      expect(h.state.decisions).toEqual([
        { id: event.decision.id, ...where(p), kind, text: 'The MAG agreed to proceed.', at: h.now, recordedBy: NAME[who] },
      ]);
    });

    it('D1 — a decision needs no text; decisions are kept in order and one recorded by mistake is removed', () => {
      const { h, p } = recordMeeting();
      h.run('lynn', { type: 'decision.record', ...item2, kind: 'agreed' });
      h.run('juan', {
        type: 'decision.record',
        itemId: 'i2',
        proposalId: p.gender,
        kind: 'deferred-to-mailing-list',
        text: 'Comments by Friday',
      });
      h.run('chengetai', { type: 'decision.record', itemId: 'i2', proposalId: p.cyber, kind: 'not-agreed' });
      const [first, mistaken, third] = h.state.decisions;
      expect(first).toMatchObject({ kind: 'agreed', text: '' });
      h.run('chengetai', { type: 'decision.remove', decisionId: mistaken!.id });
      expect(h.state.decisions).toEqual([first, third]);
      expectRefused(h, 'lynn', { type: 'decision.remove', decisionId: mistaken!.id }, 'not-found');
      expectRefused(h, 'lynn', { type: 'decision.remove', decisionId: 'd-none' }, 'not-found');
    });

    const badDecisions = [
      {
        name: 'on a proposal of another item',
        input: (p: RecordMeeting['p']) => ({ type: 'decision.record', itemId: 'i2', proposalId: p.local, kind: 'agreed' }),
        code: 'not-found',
      },
      {
        name: 'on an item that does not exist',
        input: () => ({ type: 'decision.record', itemId: 'i9', proposalId: null, kind: 'agreed' }),
        code: 'not-found',
      },
      { name: 'of a kind that does not exist', input: () => ({ type: 'decision.record', ...item2, kind: 'postponed' }), code: 'invalid' },
      {
        name: 'with a text over 2000 characters',
        input: () => ({ type: 'decision.record', ...item2, kind: 'agreed', text: 'x'.repeat(2001) }),
        code: 'invalid',
      },
    ] as const;
    it.each(badDecisions)('D1 — a decision $name is refused ($code)', ({ input, code }) => {
      const { h, p } = recordMeeting();
      expectRefused(h, 'lynn', input(p), code);
      expect(h.state.decisions).toEqual([]);
    });

    const actions = [
      { name: 'on the running item, with a due date', itemId: 'i2', due: '2017-04-25' },
      { name: 'on another item, without a due date', itemId: 'i3', due: null },
      { name: 'for the meeting as a whole', itemId: null, due: '2017-12-31' },
    ];
    const actionCases = actions.flatMap((action) => (['lynn', 'chengetai'] as const).map((who) => ({ ...action, who })));
    it.each(actionCases)('D1 — $who records an action item $name', ({ itemId, due, who }) => {
      const { h } = recordMeeting();
      h.minutes(3);
      const [event] = h.run(who, { type: 'action.record', itemId, what: ' Circulate the BPF proposals ', who: ' Secretariat ', due });
      if (event?.type !== 'action.recorded') throw new Error(`recording produced ${event?.type}`);
      expect(h.state.actionItems).toEqual([
        { id: event.action.id, itemId, what: 'Circulate the BPF proposals', who: 'Secretariat', due, at: h.now, recordedBy: NAME[who] },
      ]);
    });

    const badActions = [
      { name: 'a month 13', patch: { due: '2017-13-01' } },
      { name: 'a day-first date', patch: { due: '25/04/2017' } },
      { name: 'a date without leading zeros', patch: { due: '2017-4-25' } },
      { name: 'a date with a time', patch: { due: '2017-04-25T12:00' } },
      { name: 'words for a date', patch: { due: 'next week' } },
      { name: 'an empty date', patch: { due: '' } },
      { name: 'no due field at all', patch: { due: undefined } },
      { name: 'nothing to do', patch: { what: '   ' } },
      { name: 'no one to do it', patch: { who: '' } },
    ];
    it.each(badActions)('D1 — an action item with $name is refused by the schema (invalid)', ({ patch }) => {
      const { h } = recordMeeting();
      const input: Record<string, unknown> = {
        type: 'action.record',
        itemId: 'i2',
        what: 'Circulate the draft',
        who: 'Secretariat',
        due: '2017-04-25',
        ...patch,
      };
      for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
      expectRefused(h, 'lynn', input, 'invalid');
      expect(h.state.actionItems).toEqual([]);
    });

    it('D1 — an action item on an item that does not exist is not-found; one recorded by mistake is removed', () => {
      const { h } = recordMeeting();
      expectRefused(h, 'lynn', { type: 'action.record', itemId: 'i9', what: 'x', who: 'y', due: null }, 'not-found');
      h.run('lynn', { type: 'action.record', itemId: 'i2', what: 'Send the dates', who: 'Chair', due: null });
      h.run('lynn', { type: 'action.record', itemId: 'i2', what: 'Send the dates again', who: 'Chair', due: null });
      const [kept, mistaken] = h.state.actionItems;
      h.run('juan', { type: 'action.remove', actionId: mistaken!.id });
      expect(h.state.actionItems).toEqual([kept]);
      expectRefused(h, 'chengetai', { type: 'action.remove', actionId: mistaken!.id }, 'not-found');
      expectRefused(h, 'chengetai', { type: 'action.remove', actionId: 'ai-none' }, 'not-found');
    });

    const memberRecord = [
      { name: 'record a decision', input: () => ({ type: 'decision.record', ...item2, kind: 'agreed' }) },
      { name: 'remove a decision', input: (h: MeetingHarness) => ({ type: 'decision.remove', decisionId: h.state.decisions[0]!.id }) },
      { name: 'record an action item', input: () => ({ type: 'action.record', itemId: null, what: 'x', who: 'y', due: null }) },
      { name: 'remove an action item', input: (h: MeetingHarness) => ({ type: 'action.remove', actionId: h.state.actionItems[0]!.id }) },
    ];
    const memberCases = (['flavio', 'wim', 'kirsty', 'display'] as const).flatMap((who) => memberRecord.map((c) => ({ who, ...c })));
    it.each(memberCases)('D1 — $who may not $name (forbidden)', ({ who, input }) => {
      const { h } = recordMeeting();
      h.run('lynn', { type: 'decision.record', ...item2, kind: 'agreed' });
      h.run('lynn', { type: 'action.record', itemId: null, what: 'Send the dates', who: 'Chair', due: null });
      expectRefused(h, who, input(h), 'forbidden');
    });
  });
});

// ---------------------------------------------------------------------------------------
describe('Chat', () => {
  const EVERYONE = ['lynn', 'juan', 'chengetai', 'flavio', 'mary', 'wim', 'kirsty', 'display'] as const satisfies readonly Sender[];

  describe('H1 — to everyone, or privately to the secretariat', () => {
    const posts = [
      { name: 'a member to everyone (the default)', who: 'flavio', to: undefined, expectedTo: 'everyone' },
      { name: 'a member privately', who: 'flavio', to: 'secretariat', expectedTo: 'secretariat' },
      { name: 'an observer to everyone', who: 'wim', to: 'everyone', expectedTo: 'everyone' },
      { name: 'the captioner privately', who: 'kirsty', to: 'secretariat', expectedTo: 'secretariat' },
      { name: 'the chair to everyone', who: 'lynn', to: 'everyone', expectedTo: 'everyone' },
    ] as const;
    it.each(posts)('H1 — $name', ({ who, to, expectedTo }) => {
      const h = openMeeting();
      h.seconds(12);
      const message = post(h, who, '  Can the slides be shared? ', to);
      expect(h.state.chat).toHaveLength(1);
      expect(h.state.chat[0]).toMatchObject({
        id: message.id,
        at: h.now,
        fromId: who,
        fromName: NAME[who],
        to: expectedTo,
        text: 'Can the slides be shared?',
        flaggedBy: null,
      });
    });

    const badPosts = [
      { name: 'an empty message', input: { type: 'chat.post', text: '   ' } },
      { name: 'a message over 2000 characters', input: { type: 'chat.post', text: 'x'.repeat(2001) } },
      { name: 'a message to someone else', input: { type: 'chat.post', text: 'Hi', to: 'chair' } },
    ];
    it.each(badPosts)('H1 — $name is refused (invalid)', ({ input }) => {
      const h = openMeeting();
      expectRefused(h, 'flavio', input, 'invalid');
    });

    it('H1 — the room display cannot post (forbidden)', () => {
      const h = openMeeting();
      expectRefused(h, 'display', { type: 'chat.post', text: 'Hello' }, 'forbidden');
    });

    const receivers = EVERYONE.map((who) => ({
      who,
      whole: (['flavio', 'lynn', 'juan', 'chengetai'] as readonly Sender[]).includes(who),
    }));
    it.each(receivers)('H1 — $who receives Flávio’s private message whole: $whole', ({ who, whole }) => {
      const h = openMeeting();
      post(h, 'mary', 'Good morning');
      const [event] = h.run('flavio', { type: 'chat.post', to: 'secretariat', text: 'My connection keeps dropping' });
      const received = eventFor(event!, audienceOf(h, who));
      expect(privateSender(event!)).toBe('flavio');
      if (whole) {
        expect(received).toEqual(event);
      } else {
        expect(received).toEqual({ type: 'log.withheld', seq: event!.seq, at: event!.at, actor: { participantId: null, name: '' } });
        const json = JSON.stringify(received);
        expect(json).not.toContain('connection');
        expect(json).not.toContain(FLAVIO);
        expect(json).not.toContain('flavio');
      }
    });

    it.each(EVERYONE)('H1 — %s receives public messages and every other event whole (the opening aside, H2)', (who) => {
      const { h } = recordMeeting();
      post(h, 'mary', 'Good morning');
      h.run('flavio', record(item2, 'support'));
      post(h, 'lynn', 'Welcome', 'everyone');
      for (const event of h.log.filter((logged) => logged.type !== 'meeting.opened')) {
        expect(privateSender(event)).toBeUndefined();
        expect(eventFor(event, audienceOf(h, who))).toBe(event);
      }
    });

    /** Public and private messages from several people, some flagged. */
    function chattyMeeting(): MeetingHarness {
      const h = openMeeting();
      post(h, 'mary', 'Good morning from Abuja');
      post(h, 'flavio', 'Flávio: my audio is poor', 'secretariat');
      post(h, 'wim', 'Wim: can I present later?', 'secretariat');
      post(h, 'kirsty', 'Kirsty: please ask speakers to slow down', 'secretariat');
      post(h, 'lynn', 'We start in two minutes');
      post(h, 'juan', 'Juan: I will chair item 3', 'secretariat');
      return h;
    }
    const visible = [
      {
        who: 'lynn',
        texts: [
          'Good morning from Abuja',
          'Flávio: my audio is poor',
          'Wim: can I present later?',
          'Kirsty: please ask speakers to slow down',
          'We start in two minutes',
          'Juan: I will chair item 3',
        ],
      },
      {
        who: 'chengetai',
        texts: [
          'Good morning from Abuja',
          'Flávio: my audio is poor',
          'Wim: can I present later?',
          'Kirsty: please ask speakers to slow down',
          'We start in two minutes',
          'Juan: I will chair item 3',
        ],
      },
      { who: 'flavio', texts: ['Good morning from Abuja', 'Flávio: my audio is poor', 'We start in two minutes'] },
      { who: 'mary', texts: ['Good morning from Abuja', 'We start in two minutes'] },
      { who: 'wim', texts: ['Good morning from Abuja', 'Wim: can I present later?', 'We start in two minutes'] },
      { who: 'kirsty', texts: ['Good morning from Abuja', 'Kirsty: please ask speakers to slow down', 'We start in two minutes'] },
      { who: 'display', texts: ['Good morning from Abuja', 'We start in two minutes'] },
    ] as const;
    it.each(visible)('H1 — stateFor: $who sees only public messages and their own private ones (leads see all)', ({ who, texts }) => {
      const h = chattyMeeting();
      const audience = audienceOf(h, who);
      const seen = stateFor(h.state, audience);
      expect(seen.chat.map((message) => message.text)).toEqual(texts);
      const { chat: _chat, participants: _own, ...rest } = seen;
      const { chat: _all, participants: _roster, ...serverRest } = h.state;
      expect(rest).toEqual(serverRest);
      if (audience.leading) expect(seen).toBe(h.state);
    });

    it.each(EVERYONE)('H1 — a replica for %s that applies what it receives ends with stateFor(server state)', (who) => {
      const { h, p } = recordMeeting();
      const audience = audienceOf(h, who);
      post(h, 'mary', 'Good morning');
      const privateOne = post(h, 'flavio', 'Please note my objection to the BPF', 'secretariat');
      h.run('flavio', record({ itemId: 'i2', proposalId: p.cyber }, 'objection'));
      const { id } = openCall(h, { itemId: 'i2', proposalId: p.cyber });
      h.run('flavio', { type: 'consensus.object', callId: id, reason: 'Overlaps' });
      post(h, 'wim', 'Observer here, can I speak?', 'secretariat');
      h.run('chengetai', { type: 'chat.flag', messageId: privateOne.id, flagged: true });
      post(h, 'kirsty', 'Captions restart in 1 min', 'secretariat');
      h.run('lynn', { type: 'consensus.close', callId: id });
      h.run('lynn', { type: 'chat.mute', participantId: 'mary', muted: true });
      post(h, 'lynn', 'Mary, you are muted for a moment');
      h.run('chengetai', { type: 'chat.flag', messageId: privateOne.id, flagged: false });
      h.run('lynn', { type: 'chat.mute', participantId: 'mary', muted: false });
      post(h, 'juan', 'Juan to the secretariat', 'secretariat');
      h.run('lynn', { type: 'decision.record', itemId: 'i2', proposalId: p.cyber, kind: 'deferred-to-later-meeting' });
      h.run('lynn', { type: 'action.record', itemId: 'i2', what: 'Revise the proposal', who: FLAVIO, due: '2017-05-02' });

      const received: MeetingEvent[] = h.log.map((event) => eventFor(event, audience));
      expect(received.map((event) => event.seq)).toEqual(h.log.map((_, index) => index + 1));
      const replica = applyEvents(initialMeetingState(h.state.meetingId, SETUP.plannedStart, SETUP.plannedMinutes), received);
      expect(replica).toEqual(stateFor(h.state, audience));
      expect(replica.seq).toBe(h.state.seq);
      const redactedCount = received.filter((event) => event.type === 'log.withheld').length;
      const expectedRedacted = { lynn: 0, juan: 0, chengetai: 0, flavio: 3, mary: 4, wim: 3, kirsty: 3, display: 4 }[who];
      expect(redactedCount).toBe(expectedRedacted);
    });
  });

  describe('H2 — the roster whole to the leads only', () => {
    const LEADS = ['lynn', 'juan', 'chengetai'] as const;
    it.each(EVERYONE)('H2 — %s holds the whole roster if a lead, else their own entry only', (who) => {
      const h = openMeeting();
      const seen = stateFor(h.state, audienceOf(h, who));
      const expected = (LEADS as readonly string[]).includes(who) ? Object.keys(h.state.participants) : who === 'display' ? [] : [who];
      expect(Object.keys(seen.participants).sort()).toEqual(expected.sort());
    });

    it('H2 — the opening reaches a member with their own entry only, and the display with none', () => {
      const h = openMeeting();
      const opened = h.log.find((event) => event.type === 'meeting.opened')!;
      const forMary = eventFor(opened, audienceOf(h, 'mary'));
      const forDisplay = eventFor(opened, audienceOf(h, 'display'));
      expect(forMary.type === 'meeting.opened' && forMary.participants.map((person) => person.id)).toEqual(['mary']);
      expect(forDisplay.type === 'meeting.opened' && forDisplay.participants).toEqual([]);
      expect(eventFor(opened, audienceOf(h, 'lynn'))).toBe(opened);
    });

    it.each(EVERYONE)('H2 — a replica for %s through roster changes ends with stateFor(server state)', (who) => {
      const h = openMeeting().startItem('i1');
      const audience = audienceOf(h, who);
      const start = h.state.participants;
      const joiner = { ...start.mary!, id: 'nnenna', name: 'Nnenna Nwakanma' };
      h.commit('chengetai', [
        { type: 'participant.joinedRoster', participant: joiner },
        { type: 'participant.updated', participant: { ...start.flavio!, affiliation: 'Ministry of Science' } },
      ]);
      h.raise('flavio');
      h.raise('mary');
      // Flavio moves to the room: his queue entry moves with him on every screen.
      h.run('lynn', { type: 'participant.setLocation', participantId: 'flavio', location: 'room' });
      h.commit('chengetai', [{ type: 'participant.leftRoster', participantId: 'nnenna' }]);

      const received = h.log.map((event) => eventFor(event, audience));
      const replica = applyEvents(initialMeetingState(h.state.meetingId, SETUP.plannedStart, SETUP.plannedMinutes), received);
      expect(replica).toEqual(stateFor(h.state, audience));
      expect(h.queue().find((entry) => entry.participantId === 'flavio')?.location).toBe('room');
      const withheld = received.filter((event) => event.type === 'log.withheld').length;
      // The joining, the update and the leaving, each whole only to the leads and the person it is about.
      expect(withheld).toBe({ lynn: 0, juan: 0, chengetai: 0, flavio: 2, mary: 3, wim: 3, kirsty: 3, display: 3 }[who]);
    });
  });

  describe('H2 — flagging for the minutes', () => {
    it.each(LEADS)('H2 — the $role flags a message for the minutes and unflags it', ({ who }) => {
      const h = openMeeting();
      const open = post(h, 'mary', 'The NRI report is online');
      const hidden = post(h, 'flavio', 'Please minute my support', 'secretariat');
      h.run(who, { type: 'chat.flag', messageId: open.id, flagged: true });
      h.run(who, { type: 'chat.flag', messageId: hidden.id, flagged: true });
      expect(h.state.chat.map((message) => message.flaggedBy)).toEqual([NAME[who], NAME[who]]);
      h.run('lynn', { type: 'chat.flag', messageId: open.id, flagged: false });
      expect(h.state.chat.map((message) => message.flaggedBy)).toEqual([null, NAME[who]]);
    });

    it('H2 — flagging a flagged message or unflagging an unflagged one is refused (conflict); an unknown message is not-found', () => {
      const h = openMeeting();
      const message = post(h, 'mary', 'The NRI report is online');
      expectRefused(h, 'lynn', { type: 'chat.flag', messageId: message.id, flagged: false }, 'conflict');
      h.run('lynn', { type: 'chat.flag', messageId: message.id, flagged: true });
      expectRefused(h, 'chengetai', { type: 'chat.flag', messageId: message.id, flagged: true }, 'conflict');
      expectRefused(h, 'lynn', { type: 'chat.flag', messageId: 'msg-none', flagged: true }, 'not-found');
    });

    const nonLeads = (['flavio', 'wim', 'kirsty', 'display'] as const).flatMap((who) => [true, false].map((flagged) => ({ who, flagged })));
    it.each(nonLeads)('H2 — $who cannot flag or unflag (flagged: $flagged) — forbidden', ({ who, flagged }) => {
      const h = openMeeting();
      const message = post(h, 'flavio', 'Mine');
      if (!flagged) h.run('lynn', { type: 'chat.flag', messageId: message.id, flagged: true });
      expectRefused(h, who, { type: 'chat.flag', messageId: message.id, flagged }, 'forbidden');
    });
  });

  describe('H3 — muting in the chat', () => {
    const muted = (['flavio', 'wim', 'kirsty'] as const).flatMap((target) => LEADS.map((lead) => ({ ...lead, target })));
    it.each(muted)('H3 — the $role mutes $target, who cannot post until unmuted', ({ who, target }) => {
      const h = openMeeting();
      h.run(who, { type: 'chat.mute', participantId: target, muted: true });
      expect(h.state.chatMuted).toEqual([target]);
      expectRefused(h, target, { type: 'chat.post', text: 'Hello?' }, 'forbidden');
      expectRefused(h, target, { type: 'chat.post', text: 'Why am I muted?', to: 'secretariat' }, 'forbidden');
      post(h, 'mary', 'I can still post');
      h.run(who, { type: 'chat.mute', participantId: target, muted: false });
      expect(h.state.chatMuted).toEqual([]);
      post(h, target, 'Thank you');
      expect(h.state.chat.map((message) => message.fromName)).toEqual([MARY, NAME[target]]);
    });

    it('H3 — muting the muted or unmuting the unmuted is refused (conflict); someone not on the roster is not-found', () => {
      const h = openMeeting();
      expectRefused(h, 'lynn', { type: 'chat.mute', participantId: 'flavio', muted: false }, 'conflict');
      h.run('lynn', { type: 'chat.mute', participantId: 'flavio', muted: true });
      h.run('lynn', { type: 'chat.mute', participantId: 'mary', muted: true });
      expectRefused(h, 'chengetai', { type: 'chat.mute', participantId: 'flavio', muted: true }, 'conflict');
      expectRefused(h, 'lynn', { type: 'chat.mute', participantId: 'nobody', muted: true }, 'not-found');
      h.run('juan', { type: 'chat.mute', participantId: 'flavio', muted: false });
      expect(h.state.chatMuted).toEqual(['mary']);
    });

    const nonLeads = (['flavio', 'wim', 'kirsty', 'display'] as const).flatMap((who) => [true, false].map((mute) => ({ who, mute })));
    it.each(nonLeads)('H3 — $who cannot mute or unmute (mute: $mute) — forbidden', ({ who, mute }) => {
      const h = openMeeting();
      if (!mute) h.run('lynn', { type: 'chat.mute', participantId: 'mary', muted: true });
      expectRefused(h, who, { type: 'chat.mute', participantId: 'mary', muted: mute }, 'forbidden');
      expectRefused(h, who, { type: 'chat.mute', participantId: who === 'display' ? 'flavio' : who, muted: mute }, 'forbidden');
    });
  });
});
