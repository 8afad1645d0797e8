/**
 * Runs live-meeting commands the way the server does, without a server: validate the
 * input with the command schema, decide it against the current state, number the events
 * (`seq` follows the state), stamp them with the time and the actor, and apply them.
 * The clock only moves when a test says so, and ids are predictable (`q1`, `s2`, …).
 */
import * as v from 'valibot';
import { expect } from 'vitest';
import type { MeetingAccessRole } from '../../shared/domain.ts';
import { CommandSchema } from '../../shared/meeting/commands.ts';
import { CommandRejected, decide, type DecisionContext, type MeetingSetup } from '../../shared/meeting/decide.ts';
import { applyEvents, initialMeetingState, queueOf } from '../../shared/meeting/reducer.ts';
import { remainingMs, spokenMs } from '../../shared/meeting/timers.ts';
import type {
  Actor,
  AgendaItem,
  AgendaItemInit,
  MeetingEvent,
  MeetingEventBody,
  MeetingState,
  Participant,
  QueueEntry,
} from '../../shared/meeting/types.ts';

/** 11 April 2017, 22:00 UTC: when the MAG virtual meeting was planned to start. */
export const T0 = Date.UTC(2017, 3, 11, 22, 0, 0);
export const MINUTE = 60_000;
export const SECOND = 1_000;

/** The roster: leads, members in the room, remote and on the phone, an observer, a captioner and an interpreter (Arabic). */
export const ROSTER = [
  {
    id: 'lynn',
    name: 'Lynn St. Amour',
    affiliation: 'Internet Matters',
    stakeholderGroup: 'civil-society',
    region: 'weog',
    role: 'chair',
    location: 'room',
  },
  {
    id: 'juan',
    name: 'Juan Fernández',
    affiliation: 'Ministry of Communications',
    stakeholderGroup: 'government',
    region: 'latin-america-caribbean',
    role: 'co-chair',
    location: 'remote',
  },
  {
    id: 'chengetai',
    name: 'Chengetai Masango',
    affiliation: 'IGF Secretariat',
    stakeholderGroup: 'intergovernmental-organisation',
    region: 'africa',
    role: 'secretariat',
    location: 'room',
  },
  {
    id: 'flavio',
    name: 'Flávio Wagner',
    affiliation: 'CGI.br',
    stakeholderGroup: 'civil-society',
    region: 'latin-america-caribbean',
    role: 'member',
    location: 'room',
  },
  {
    id: 'mary',
    name: 'Mary Uduma',
    affiliation: 'NiRA',
    stakeholderGroup: 'civil-society',
    region: 'africa',
    role: 'member',
    location: 'room',
  },
  {
    id: 'sumon',
    name: 'Sumon Sabir',
    affiliation: 'Fiber@Home',
    stakeholderGroup: 'private-sector',
    region: 'asia-pacific',
    role: 'member',
    location: 'room',
  },
  {
    id: 'haojun',
    name: 'Haojun Ji',
    affiliation: 'Permanent Mission of China',
    stakeholderGroup: 'government',
    region: 'asia-pacific',
    role: 'member',
    location: 'remote',
  },
  {
    id: 'lianna',
    name: 'Lianna Galstyan',
    affiliation: 'ISOC Armenia',
    stakeholderGroup: 'technical-community',
    region: 'eastern-europe',
    role: 'member',
    location: 'remote',
  },
  {
    id: 'rasha',
    name: 'Rasha Abdulla',
    affiliation: 'American University in Cairo',
    stakeholderGroup: 'civil-society',
    region: 'africa',
    role: 'member',
    location: 'phone',
  },
  {
    id: 'timea',
    name: 'Timea Suto',
    affiliation: 'ICC Basis',
    stakeholderGroup: 'private-sector',
    region: 'eastern-europe',
    role: 'member',
    location: null,
  },
  {
    id: 'wim',
    name: 'Wim Degezelle',
    affiliation: 'BPF consultant',
    stakeholderGroup: 'technical-community',
    region: 'weog',
    role: 'observer',
    location: 'remote',
  },
  {
    id: 'kirsty',
    name: 'Kirsty Writer',
    affiliation: 'Captioning service',
    stakeholderGroup: 'private-sector',
    region: 'weog',
    role: 'captioner',
    location: 'remote',
  },
  {
    id: 'amal',
    name: 'Amal Haddad',
    affiliation: 'Interpretation service',
    stakeholderGroup: null,
    region: null,
    role: 'interpreter',
    location: 'remote',
    channel: 'ar',
  },
] as const satisfies readonly Participant[];

export type PersonId = (typeof ROSTER)[number]['id'];
/** Someone who sends commands: a roster person, or the room display (no roster entry). */
export type Sender = PersonId | 'display';

/** Names by roster id, for readable expectations. */
export const NAME = Object.fromEntries(ROSTER.map((person) => [person.id, person.name])) as Record<PersonId, string>;

/** An agenda shaped like the IGF MAG virtual meetings'. */
export const AGENDA: AgendaItemInit[] = [
  { id: 'i1', number: '1', depth: 0, title: 'Adoption of agenda', minutes: 5 },
  { id: 'i2', number: '2', depth: 0, title: 'Update on WS Call for Proposals and Open Forum Call', minutes: 5 },
  { id: 'i3', number: '3', depth: 0, title: 'Presentations', minutes: 25 },
  { id: 'i3a', number: '3a', depth: 1, title: 'Best Practice Forums', minutes: null },
  { id: 'i3b', number: '3b', depth: 1, title: 'Dynamic Coalitions', minutes: null },
  { id: 'i3c', number: '3c', depth: 1, title: 'National and Regional Initiatives', minutes: null },
  { id: 'i4', number: '4', depth: 0, title: 'AOB', minutes: 5 },
];

export const SETUP: MeetingSetup = {
  title: 'MAG Virtual Meeting III',
  plannedStart: T0,
  plannedMinutes: 40,
  agenda: AGENDA,
  participants: ROSTER.map((person) => ({ ...person })),
};

export interface HarnessOptions {
  setup?: MeetingSetup;
  /** The clock at the start, in ms since the epoch. */
  now?: number;
  meetingId?: string;
}

export class MeetingHarness {
  state: MeetingState;
  now: number;
  /** Every event applied, in order. */
  readonly log: MeetingEvent[] = [];
  readonly setup: MeetingSetup;
  #counter = 0;

  constructor(options: HarnessOptions = {}) {
    this.setup = options.setup ?? SETUP;
    this.now = options.now ?? T0;
    this.state = initialMeetingState(options.meetingId ?? 'm1', this.setup.plannedStart, this.setup.plannedMinutes);
  }

  /** Deterministic ids: the prefix and a counter shared by all prefixes. */
  readonly newId = (prefix: string): string => `${prefix}${++this.#counter}`;

  /** Who a sender is to `decide`: their roster entry and role in this meeting. */
  sender(who: Sender): { actor: Actor; role: MeetingAccessRole } {
    if (who === 'display') return { actor: { participantId: null, name: 'Room display' }, role: 'display' };
    const person = ROSTER.find((candidate) => candidate.id === who);
    if (!person) throw new Error(`no one called ${who} on the test roster`);
    return { actor: { participantId: person.id, name: person.name }, role: person.role };
  }

  context(who: Sender): DecisionContext {
    return { ...this.sender(who), at: this.now, newId: this.newId, setup: this.setup };
  }

  /** Validates and decides a command on `state` (the current one by default), without applying it. */
  decide(who: Sender, input: unknown, state: MeetingState = this.state): MeetingEventBody[] {
    let command;
    try {
      command = v.parse(CommandSchema, input);
    } catch (error) {
      if (error instanceof v.ValiError) throw new CommandRejected('invalid', error.message);
      throw error;
    }
    return decide(state, command, this.context(who));
  }

  /** Numbers and stamps event bodies decided for `who`, and applies them. */
  commit(who: Sender, bodies: MeetingEventBody[]): MeetingEvent[] {
    const { actor } = this.sender(who);
    const events = bodies.map((body, index) => ({ ...body, seq: this.state.seq + index + 1, at: this.now, actor }) as MeetingEvent);
    this.state = applyEvents(this.state, events);
    this.log.push(...events);
    return events;
  }

  /** Runs a command as the server does; throws `CommandRejected` when refused (and then changes nothing). */
  run(who: Sender, input: unknown): MeetingEvent[] {
    return this.commit(who, this.decide(who, input));
  }

  /** Moves the clock on. */
  advance(ms: number): this {
    this.now += ms;
    return this;
  }
  seconds(count: number): this {
    return this.advance(count * SECOND);
  }
  minutes(count: number): this {
    return this.advance(count * MINUTE);
  }

  // Shortcuts for what people do most.

  open(by: Sender = 'lynn'): this {
    this.run(by, { type: 'meeting.open' });
    return this;
  }
  startItem(
    itemId: string,
    extra: { previousItemStatus?: 'done' | 'deferred' | null; confirmed?: boolean } = {},
    by: Sender = 'lynn',
  ): this {
    this.run(by, { type: 'agenda.startItem', itemId, ...extra });
    return this;
  }
  settings(changes: Record<string, unknown>, by: Sender = 'lynn'): this {
    this.run(by, { type: 'meeting.changeSettings', ...changes });
    return this;
  }
  /** Raises a hand; returns the new entry. */
  raise(who: Sender, kind: QueueEntry['kind'] = 'new-point', note?: string): QueueEntry {
    const [event] = this.run(who, { type: 'queue.raiseHand', kind, ...(note === undefined ? {} : { note }) });
    if (event?.type !== 'queue.handRaised') throw new Error(`raising a hand produced ${event?.type}`);
    return event.entry;
  }
  /** Raises hands one after another, a second apart. */
  raiseAll(hands: readonly (readonly [Sender, QueueEntry['kind']] | Sender)[]): this {
    for (const hand of hands) {
      const [who, kind] = typeof hand === 'string' ? [hand, 'new-point' as const] : hand;
      this.raise(who, kind);
      this.seconds(1);
    }
    return this;
  }
  /** The chair gives the floor to the person at the head of the queue (or to `entryId`). */
  next(entryId?: string, by: Sender = 'lynn'): this {
    const id = entryId ?? this.queue()[0]?.id;
    if (!id) throw new Error('no one is queued');
    this.run(by, { type: 'floor.give', entryId: id });
    return this;
  }
  endSpeech(by: Sender = 'lynn'): this {
    if (!this.state.floor) throw new Error('no one has the floor');
    this.run(by, { type: 'floor.end', speechId: this.state.floor.id });
    return this;
  }
  /** Gives the floor to a queued person by name, lets them speak, and ends the speech. */
  speak(name: string, seconds = 60): this {
    this.next(this.entry(name).id);
    this.seconds(seconds);
    return this.endSpeech();
  }

  // What people see.

  /** The queue of an item (the running one by default). */
  queue(itemId: string | null = this.state.currentItemId): QueueEntry[] {
    if (itemId === null) return [];
    return queueOf(this.state, itemId).entries;
  }
  queueNames(itemId?: string | null): string[] {
    return this.queue(itemId).map((entry) => entry.name);
  }
  /** The queue as "Name (kind)" lines. */
  queueWithKinds(itemId?: string | null): string[] {
    return this.queue(itemId).map((entry) => `${entry.name} (${entry.kind})`);
  }
  /** A waiting entry by the person's name, in any item's queue. */
  entry(name: string): QueueEntry {
    for (const queue of Object.values(this.state.queues)) {
      const found = queue.entries.find((entry) => entry.name === name);
      if (found) return found;
    }
    throw new Error(`${name} is not queued`);
  }
  floorName(): string | null {
    return this.state.floor?.name ?? null;
  }
  /** Seconds left on the speaker's clock now (null when it counts up). */
  remainingSeconds(): number | null {
    if (!this.state.floor) throw new Error('no one has the floor');
    const left = remainingMs(this.state.floor, this.now);
    return left === null ? null : left / SECOND;
  }
  spokenSeconds(): number {
    if (!this.state.floor) throw new Error('no one has the floor');
    return spokenMs(this.state.floor, this.now) / SECOND;
  }
  item(number: string): AgendaItem {
    const found = this.state.agenda.find((candidate) => candidate.number === number);
    if (!found) throw new Error(`no item ${number}`);
    return found;
  }
  runningItem(): string | null {
    return this.state.agenda.find((candidate) => candidate.id === this.state.currentItemId)?.number ?? null;
  }
}

/** A meeting opened by the chair at T0 (or `options.now`). */
export function openMeeting(options: HarnessOptions = {}): MeetingHarness {
  return new MeetingHarness(options).open();
}

/** A meeting opened at T0 with item 1 running. */
export function meetingOnItem1(options: HarnessOptions = {}): MeetingHarness {
  return openMeeting(options).startItem('i1');
}

/** Calls `action`, expecting a `CommandRejected`; returns it. */
export function rejectionOf(action: () => unknown): CommandRejected {
  try {
    action();
  } catch (error) {
    if (error instanceof CommandRejected) return error;
    throw error;
  }
  throw new Error('the command was accepted');
}

/**
 * Runs a command expecting a refusal with `code`, and checks that nothing changed:
 * the state deep-equals what it was, and no event was logged.
 */
export function expectRefused(h: MeetingHarness, who: Sender, input: unknown, code: CommandRejected['code']): CommandRejected {
  const before = structuredClone(h.state);
  const logged = h.log.length;
  expect(() => h.run(who, input)).toThrow(CommandRejected);
  const error = rejectionOf(() => h.run(who, input));
  expect(error.code, error.message).toBe(code);
  expect(h.state).toEqual(before);
  expect(h.log).toHaveLength(logged);
  return error;
}
