/**
 * Reading the meeting's clocks (shared/meeting/timers.ts): the speaker's time with pauses,
 * time used per item and section, how far the meeting runs behind or ahead (A3, A4), the
 * estimated end, and the `m:ss` display.
 */
import { describe, expect, it } from 'vitest';
import {
  agendaSections,
  estimatedEnd,
  formatClock,
  itemRemainingMs,
  itemUsedMs,
  remainingMs,
  scheduleLagMs,
  sectionAllottedMs,
  sectionUsedMs,
  spokenMs,
} from '../../shared/meeting/timers.ts';
import type { AgendaItem, AgendaItemInit, Speech } from '../../shared/meeting/types.ts';
import { MINUTE, SECOND, SETUP, T0, MeetingHarness, meetingOnItem1, openMeeting } from '../support/meeting-harness.ts';

/** The draft agenda of the 2017 MAG Virtual Meeting III: 90 minutes, item 4 with sub-items 4a-4d. */
const IGF_AGENDA: AgendaItemInit[] = [
  { id: 'g1', number: '1', depth: 0, title: 'Adoption of agenda', minutes: 5 },
  { id: 'g2', number: '2', depth: 0, title: 'Update on WS Call for Proposals and Open Forum Call', minutes: 5 },
  { id: 'g3', number: '3', depth: 0, title: 'NRIs Update - follow up from 1st MAG meeting', minutes: 15 },
  { id: 'g4', number: '4', depth: 0, title: 'Follow-up from MAG Virtual Meeting III', minutes: 50 },
  { id: 'g4a', number: '4a', depth: 1, title: 'Status Update/Formation of MAG WGs', minutes: null },
  { id: 'g4b', number: '4b', depth: 1, title: 'Status Update/Formation of BPFs', minutes: null },
  { id: 'g4c', number: '4c', depth: 1, title: 'Status Update of CENB', minutes: null },
  { id: 'g4d', number: '4d', depth: 1, title: 'Review Status of WG and BPF Process documents', minutes: null },
  { id: 'g5', number: '5', depth: 0, title: 'MAG Chair, Key Priorities, Fundraising', minutes: 10 },
  { id: 'g6', number: '6', depth: 0, title: 'AOB', minutes: 5 },
];
const IGF_SETUP = { ...SETUP, plannedMinutes: 90, agenda: IGF_AGENDA };

/** The IGF meeting, opened `lateMinutes` after its planned start. */
const igfMeeting = (lateMinutes = 0) => openMeeting({ setup: IGF_SETUP, now: T0 + lateMinutes * MINUTE });
/** Items 1 to 3 taken in order, each in exactly its allotted time (25 minutes). */
const throughItem3 = (h: MeetingHarness) =>
  h
    .startItem('g1')
    .minutes(5)
    .startItem('g2', { previousItemStatus: 'done' })
    .minutes(5)
    .startItem('g3', { previousItemStatus: 'done' })
    .minutes(15);
const lagMinutes = (h: MeetingHarness) => scheduleLagMs(h.state, h.now) / MINUTE;
const endMinutes = (h: MeetingHarness) => (estimatedEnd(h.state, h.now) - T0) / MINUTE;

function speech(timer: Partial<Speech['timer']> = {}, startedAt = T0): Speech {
  return {
    id: 's1',
    participantId: 'flavio',
    name: 'Flávio Wagner',
    stakeholderGroup: 'civil-society',
    region: 'latin-america-caribbean',
    location: 'room',
    itemId: 'g1',
    kind: 'new-point',
    presentationId: null,
    entryId: 'q1',
    startedAt,
    timer: { durationMs: 180 * SECOND, pausedAt: null, pausedMs: 0, ...timer },
    pauses: [],
  };
}

function item(fields: Partial<AgendaItem> & Pick<AgendaItem, 'id' | 'number'>): AgendaItem {
  return {
    depth: 0,
    title: fields.number,
    minutes: null,
    status: 'pending',
    usedMs: 0,
    activeSince: null,
    presentations: [],
    proposals: [],
    addedLive: false,
    ...fields,
  };
}

describe('F3 — the speaker’s clock', () => {
  const spoken = [
    { name: 'running, never paused', timer: {}, at: 75 * SECOND, spoken: 75, remaining: 105 },
    { name: 'paused now', timer: { pausedAt: T0 + 60 * SECOND }, at: 100 * SECOND, spoken: 60, remaining: 120 },
    { name: 'paused before, running again', timer: { pausedMs: 40 * SECOND }, at: 100 * SECOND, spoken: 60, remaining: 120 },
    {
      name: 'paused twice, the second pause running',
      timer: { pausedMs: 40 * SECOND, pausedAt: T0 + 150 * SECOND },
      at: 200 * SECOND,
      spoken: 110,
      remaining: 70,
    },
    { name: 'over time', timer: {}, at: 200 * SECOND, spoken: 200, remaining: -20 },
    { name: 'a clock behind the start', timer: {}, at: -2 * SECOND, spoken: 0, remaining: 180 },
  ];
  it.each(spoken)('F3 — spoken and remaining time: $name', ({ timer, at, spoken: seconds, remaining }) => {
    const s = speech(timer);
    expect(spokenMs(s, T0 + at)).toBe(seconds * SECOND);
    expect(remainingMs(s, T0 + at)).toBe(remaining * SECOND);
  });

  it('F3 — a speech without a limit has no remaining time, only time spoken', () => {
    const s = speech({ durationMs: null, pausedMs: 10 * SECOND });
    expect(remainingMs(s, T0 + 10 * MINUTE)).toBeNull();
    expect(spokenMs(s, T0 + 10 * MINUTE)).toBe(10 * MINUTE - 10 * SECOND);
  });

  it('F3 — remaining time through pauses, as every screen computes it from the events', () => {
    const h = meetingOnItem1().raiseAll(['flavio']);
    h.next();
    const speechId = h.state.floor!.id;
    const seen: [string, number | null][] = [];
    const look = (label: string) => seen.push([label, h.remainingSeconds()]);
    look('given');
    h.seconds(50);
    look('after 50 s');
    h.run('lynn', { type: 'timer.pause', speechId });
    h.seconds(45);
    look('paused 45 s');
    h.run('lynn', { type: 'timer.resume', speechId });
    h.seconds(20);
    look('resumed 20 s');
    h.run('lynn', { type: 'timer.pause', speechId });
    h.seconds(5);
    h.run('lynn', { type: 'timer.resume', speechId });
    h.run('lynn', { type: 'timer.extend', speechId, seconds: 30 });
    look('paused 5 s, extended 30 s');
    h.seconds(150);
    look('150 s later');
    expect(seen).toEqual([
      ['given', 180],
      ['after 50 s', 130],
      ['paused 45 s', 130],
      ['resumed 20 s', 110],
      ['paused 5 s, extended 30 s', 140],
      ['150 s later', -10],
    ]);
    expect(formatClock(remainingMs(h.state.floor!, h.now)!)).toBe('-0:10');
  });
});

describe('A3 — time used on an item', () => {
  it('A3 — the time before the current stretch plus the stretch running now', () => {
    const running = item({ id: 'g1', number: '1', minutes: 5, status: 'active', usedMs: 2 * MINUTE, activeSince: T0 });
    expect(itemUsedMs(running, T0 + 90 * SECOND)).toBe(3.5 * MINUTE);
    expect(itemRemainingMs(running, T0 + 90 * SECOND)).toBe(1.5 * MINUTE);
    expect(itemRemainingMs(running, T0 + 4 * MINUTE)).toBe(-MINUTE);
    const left = item({ id: 'g2', number: '2', minutes: null, usedMs: 7 * MINUTE });
    expect(itemUsedMs(left, T0 + 60 * MINUTE)).toBe(7 * MINUTE);
    expect(itemRemainingMs(left, T0)).toBeNull();
  });

  it('A3 — across stretches: the item left and returned to adds its stretches', () => {
    const h = igfMeeting().startItem('g1').minutes(3);
    h.startItem('g2').minutes(6);
    h.startItem('g1').minutes(1);
    expect(itemUsedMs(h.item('1'), h.now) / MINUTE).toBe(4);
    expect(itemUsedMs(h.item('2'), h.now) / MINUTE).toBe(6);
    h.minutes(2);
    expect(itemUsedMs(h.item('1'), h.now) / MINUTE).toBe(6);
    expect(itemRemainingMs(h.item('1'), h.now)! / MINUTE).toBe(-1);
    expect(itemRemainingMs(h.item('2'), h.now)! / MINUTE).toBe(-1);
  });
});

describe('A4 — sections', () => {
  it('A4 — an item with its sub-items is one section (item 4 with 4a-4d)', () => {
    const h = igfMeeting();
    expect(agendaSections(h.state.agenda).map((section) => [section.item.number, section.subItems.map((sub) => sub.number)])).toEqual([
      ['1', []],
      ['2', []],
      ['3', []],
      ['4', ['4a', '4b', '4c', '4d']],
      ['5', []],
      ['6', []],
    ]);
  });

  const allotments = [
    { name: 'the item’s own minutes (50 for item 4)', minutes: 50, subs: [null, null, null, null], expected: 50 },
    { name: 'the item’s minutes even when the sub-items have some', minutes: 25, subs: [10, 10], expected: 25 },
    { name: 'the sub-items’ minutes added up when the item has none', minutes: null, subs: [10, 15, null], expected: 25 },
    { name: 'none when nothing is allotted', minutes: null, subs: [null], expected: null },
    { name: 'none for a lone item without minutes', minutes: null, subs: [], expected: null },
  ];
  it.each(allotments)('A4 — a section is allotted $name', ({ minutes, subs, expected }) => {
    const section = {
      item: item({ id: 'g4', number: '4', minutes }),
      subItems: subs.map((sub, index) => item({ id: `g4${index}`, number: `4${'abcd'[index]}`, depth: 1, minutes: sub })),
    };
    expect(sectionAllottedMs(section)).toBe(expected === null ? null : expected * MINUTE);
  });

  it('A4 — a section’s time used is its item’s plus its sub-items’ (stretches included)', () => {
    const h = igfMeeting().startItem('g4').minutes(5);
    h.startItem('g4a').minutes(12);
    h.startItem('g4b').minutes(15);
    h.startItem('g4a').minutes(3);
    const section4 = agendaSections(h.state.agenda)[3]!;
    expect(sectionUsedMs(section4, h.now) / MINUTE).toBe(35);
    expect(itemUsedMs(h.item('4a'), h.now) / MINUTE).toBe(15);
  });
});

describe('A4 — the lag and the estimated end', () => {
  it('A4 — on time at the opening: no lag, the end is the opening plus the allotted 90 minutes', () => {
    const h = igfMeeting();
    expect(lagMinutes(h)).toBe(0);
    expect(endMinutes(h)).toBe(90);
  });

  it('A4 — before the opening, the estimate runs from the planned start', () => {
    const h = new MeetingHarness({ setup: IGF_SETUP, now: T0 - 30 * MINUTE });
    expect(endMinutes(h)).toBe(90); // the planned start and length
    h.open();
    expect(endMinutes(h)).toBe(-30 + 90);
  });

  it('A4 — a late opening moves the estimated end by as much', () => {
    const h = igfMeeting(10);
    expect(endMinutes(h)).toBe(100);
  });

  it('A4 — the running item adds nothing while within its time, then its overrun', () => {
    const h = igfMeeting().startItem('g1');
    const seen: [number, number, number][] = [];
    for (const minute of [1, 4, 5, 6, 8]) {
      h.now = T0 + minute * MINUTE;
      seen.push([minute, lagMinutes(h), endMinutes(h)]);
    }
    expect(seen).toEqual([
      [1, 0, 90],
      [4, 0, 90],
      [5, 0, 90],
      [6, 1, 91],
      [8, 3, 93],
    ]);
  });

  it('A4 — a finished item ahead of time saves, one behind costs', () => {
    const h = igfMeeting().startItem('g1').minutes(3); // 2 minutes saved
    h.startItem('g2', { previousItemStatus: 'done' });
    expect(lagMinutes(h)).toBe(-2);
    expect(endMinutes(h)).toBe(88);
    h.minutes(9); // item 2 runs 4 minutes over
    expect(lagMinutes(h)).toBe(-2 + 4);
    h.startItem('g3', { previousItemStatus: 'done' });
    expect(lagMinutes(h)).toBe(2);
    h.minutes(10); // item 3 within its 15 minutes
    expect(lagMinutes(h)).toBe(2);
    expect(endMinutes(h)).toBe(92);
  });

  it('A4 — item 4 with sub-items 4a-4d is judged as one 50-minute section', () => {
    const h = igfMeeting().startItem('g1').minutes(5);
    h.startItem('g2', { previousItemStatus: 'done' }).minutes(5);
    h.startItem('g3', { previousItemStatus: 'done' }).minutes(15);
    h.startItem('g4', { previousItemStatus: 'done' }).minutes(5);
    const walk: [string, number][] = [];
    h.startItem('g4a').minutes(20); // 4a alone takes 20 minutes: fine within the section's 50
    walk.push(['4a after 20', lagMinutes(h)]);
    h.startItem('g4b', { previousItemStatus: 'done' }).minutes(15);
    walk.push(['4b after 15', lagMinutes(h)]);
    h.startItem('g4c', { previousItemStatus: 'done' }).minutes(10); // 50 used
    walk.push(['4c after 10', lagMinutes(h)]);
    h.startItem('g4d', { previousItemStatus: 'done' }).minutes(7); // 57 used
    walk.push(['4d after 7', lagMinutes(h)]);
    h.startItem('g5', { previousItemStatus: 'done' });
    walk.push(['5 started', lagMinutes(h)]);
    expect(walk).toEqual([
      ['4a after 20', 0],
      ['4b after 15', 0],
      ['4c after 10', 0],
      ['4d after 7', 7],
      ['5 started', 7],
    ]);
    expect(endMinutes(h)).toBe(97);
    expect(h.now - T0).toBe(82 * MINUTE); // 82 minutes in, with 15 minutes of agenda left
  });

  it('A4 — a section counts as finished once all of its sub-items are done, before the next begins', () => {
    const h = throughItem3(igfMeeting());
    expect(lagMinutes(h)).toBe(0);
    h.startItem('g4', { previousItemStatus: 'done' }).minutes(10);
    h.startItem('g4a').minutes(20);
    h.startItem('g4b', { previousItemStatus: 'done' }).minutes(10);
    h.startItem('g4c', { previousItemStatus: 'done' }).minutes(10);
    h.startItem('g4d', { previousItemStatus: 'done' }).minutes(5); // 55 used
    expect(lagMinutes(h)).toBe(5);
    h.run('lynn', { type: 'agenda.markItem', itemId: 'g4d', status: 'done' });
    h.minutes(2); // the chair pauses between sections
    expect(lagMinutes(h)).toBe(5);
    h.startItem('g5');
    expect(lagMinutes(h)).toBe(5);
  });

  it('A4 — a section with time to spare at its end saves that time only when it is finished', () => {
    const h = throughItem3(igfMeeting());
    h.startItem('g4', { previousItemStatus: 'done' }).minutes(30);
    expect(lagMinutes(h)).toBe(0); // running and within time: no saving yet
    h.run('lynn', { type: 'agenda.markItem', itemId: 'g4', status: 'done' });
    expect(lagMinutes(h)).toBe(-20);
    expect(endMinutes(h)).toBe(70);
    h.minutes(3).startItem('g5');
    expect(lagMinutes(h)).toBe(-20);
  });

  it('A4 — a deferred item saves its time; an item not yet begun saves nothing until a later one begins', () => {
    const h = igfMeeting();
    h.run('lynn', { type: 'agenda.markItem', itemId: 'g2', status: 'deferred' });
    expect(lagMinutes(h)).toBe(-5); // item 1 is still to come: not finished
    expect(endMinutes(h)).toBe(85);
    h.minutes(1).startItem('g3'); // item 1 skipped
    expect(lagMinutes(h)).toBe(-10);
    expect(endMinutes(h)).toBe(80);
  });

  it('A4 — an item marked done in advance saves its time, without finishing the items before it', () => {
    const h = igfMeeting();
    h.run('lynn', { type: 'agenda.markItem', itemId: 'g3', status: 'done' });
    expect(lagMinutes(h)).toBe(-15);
    h.startItem('g1').minutes(7);
    expect(lagMinutes(h)).toBe(-15 + 2);
  });

  it('A4 — items added live with minutes extend the plan; without minutes they leave it as it was', () => {
    const h = igfMeeting();
    h.run('lynn', { type: 'agenda.addItem', title: 'Host country update', minutes: null, afterItemId: 'g5' });
    expect(endMinutes(h)).toBe(90);
    h.run('lynn', { type: 'agenda.addItem', title: 'IGF 2017 dates', minutes: 5, afterItemId: 'g4' });
    expect(endMinutes(h)).toBe(95);
    expect(agendaSections(h.state.agenda).map((section) => section.item.title)).toEqual([
      'Adoption of agenda',
      'Update on WS Call for Proposals and Open Forum Call',
      'NRIs Update - follow up from 1st MAG meeting',
      'Follow-up from MAG Virtual Meeting III',
      'IGF 2017 dates',
      'MAG Chair, Key Priorities, Fundraising',
      'Host country update',
      'AOB',
    ]);
  });

  it('A4 — with no minutes on the agenda, the planned length stands', () => {
    const bare = IGF_AGENDA.map((entry) => ({ ...entry, minutes: null }));
    const h = openMeeting({ setup: { ...IGF_SETUP, agenda: bare }, now: T0 + 5 * MINUTE });
    h.startItem('g1').minutes(40);
    expect(lagMinutes(h)).toBe(0);
    expect(endMinutes(h)).toBe(5 + 90);
  });
});

describe('formatClock', () => {
  const cases: [number, string][] = [
    [0, '0:00'],
    [999, '0:00'],
    [5 * SECOND, '0:05'],
    [59 * SECOND, '0:59'],
    [65 * SECOND, '1:05'],
    [180 * SECOND, '3:00'],
    [90 * MINUTE, '90:00'],
    [-65 * SECOND, '-1:05'],
    [-10 * SECOND, '-0:10'],
    [-3 * MINUTE, '-3:00'],
  ];
  it.each(cases)('formatClock(%i) shows %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});
