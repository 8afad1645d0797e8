/**
 * What every section of the rules shares: the context a command is decided in, the refusal,
 * and the look-ups that refuse when what a command names is not there.
 */
import { CommandRejected, type ErrorCode } from '../../errors.ts';
import type { MeetingAccessRole } from '../../domain.ts';
import { own } from '../../own.ts';
import type { Command } from '../commands.ts';
import { isLeading } from '../permissions.ts';
import type { Actor, AgendaItemInit, MeetingState, Participant, Speaker, Speech } from '../types.ts';

/** What the server knows of the meeting's set-up, needed only to open it. */
export interface MeetingSetup {
  title: string;
  plannedStart: number;
  plannedMinutes: number;
  agenda: AgendaItemInit[];
  participants: Participant[];
}

export interface DecisionContext {
  actor: Actor;
  role: MeetingAccessRole;
  /** Server time for the events. */
  at: number;
  /** Fresh ids for entries, speeches, items. */
  newId: (prefix: string) => string;
  /** Loaded by the server for `meeting.open` only. */
  setup?: MeetingSetup;
}

/** The commands of one section, by the prefix of their type (`queue.` …). */
export type SectionCommand<P extends string> = Extract<Command, { type: `${P}.${string}` }>;

export const reject = (code: ErrorCode, message: string): never => {
  throw new CommandRejected(code, message);
};

export function findItem(state: MeetingState, itemId: string) {
  return state.agenda.find((item) => item.id === itemId) ?? reject('not-found', 'That agenda item does not exist.');
}

export function findParticipant(state: MeetingState, participantId: string): Participant {
  return own(state.participants, participantId) ?? reject('not-found', 'That person is not on the roster.');
}

export function currentItemId(state: MeetingState): string {
  return state.currentItemId ?? reject('conflict', 'No agenda item is running: the queue opens when the chair starts one.');
}

export function findEntry(state: MeetingState, entryId: string, missing = 'That request to speak is no longer in the queue.') {
  for (const [itemId, queue] of Object.entries(state.queues)) {
    const entry = queue.entries.find((candidate) => candidate.id === entryId);
    if (entry) return { itemId, entry };
  }
  return reject('conflict', missing);
}

/** R2: participants act on their own hand only; the chair and secretariat on anyone's. */
export function ownEntry(state: MeetingState, ctx: DecisionContext, entryId: string) {
  const found = findEntry(state, entryId);
  if (!isLeading(ctx.role) && found.entry.participantId !== ctx.actor.participantId) {
    reject('forbidden', 'That is not your request to speak.');
  }
  return found;
}

export function floorSpeech(state: MeetingState, speechId: string): Speech {
  if (state.floor && state.floor.id === speechId) return state.floor;
  // F2: a speech that has ended is a stale command; one that never was is not found.
  if (!state.speeches.some((speech) => speech.id === speechId)) reject('not-found', 'That speech is not in the record.');
  return reject('conflict', 'That speech has already ended.');
}

export function speakerOf(participant: Participant): Speaker {
  return {
    participantId: participant.id,
    name: participant.name,
    stakeholderGroup: participant.stakeholderGroup,
    region: participant.region,
    location: participant.location,
  };
}

/** Whether this person (by roster id, else by name) has already spoken on the item. */
export function hasSpokenOnItem(state: MeetingState, itemId: string, speaker: Pick<Speaker, 'participantId' | 'name'>): boolean {
  const same = (other: Speaker) =>
    speaker.participantId !== null
      ? other.participantId === speaker.participantId
      : other.participantId === null && other.name === speaker.name;
  return (
    state.speeches.some((speech) => speech.itemId === itemId && same(speech)) ||
    (state.floor !== null && state.floor.itemId === itemId && same(state.floor))
  );
}
