/**
 * What the reducer's sections share: copying the parts of the state that change.
 */
import {
  type MeetingEvent,
  holdingOf,
  type Holding,
  type Position,
  type AgendaItem,
  type ConsensusCall,
  type FinishedSpeech,
  type ItemQueue,
  type MeetingState,
  type Speech,
} from '../types.ts';
import { spokenMs } from '../timers.ts';
import { own } from '../../own.ts';

/** The events of one section, by the prefix of their type (`queue.` …). */
export type SectionEvent<P extends string> = Extract<MeetingEvent, { type: `${P}.${string}` }>;

export function sameHolding(
  held: Position,
  other: { itemId: string; proposalId: string | null; holderKey: string; holding: Holding },
): boolean {
  return (
    held.itemId === other.itemId &&
    held.proposalId === other.proposalId &&
    held.holderKey === other.holderKey &&
    holdingOf(held.stance) === other.holding
  );
}

export function updateCall(state: MeetingState, callId: string, change: (call: ConsensusCall) => ConsensusCall): MeetingState {
  return { ...state, consensusCalls: state.consensusCalls.map((call) => (call.id === callId ? change(call) : call)) };
}

/** Closes the current item's running stretch, adding its time, and gives it `status` (null keeps it pending). */
export function leaveCurrentItem(
  state: MeetingState,
  at: number,
  status: MeetingState['agenda'][number]['status'] | null,
  clearCurrent = false,
): MeetingState {
  const currentId = state.currentItemId;
  if (currentId === null) return state;
  const agenda = updateItem(state.agenda, currentId, (item) => ({
    ...item,
    usedMs: item.usedMs + (item.activeSince === null ? 0 : at - item.activeSince),
    activeSince: null,
    status: status === null || status === 'active' ? 'pending' : status,
  }));
  return { ...state, agenda, currentItemId: clearCurrent ? null : currentId };
}

/** Moves the speech holding the floor, if any, to the finished speeches. */
export function endFloor(state: MeetingState, at: number): MeetingState {
  const speech = state.floor;
  if (!speech) return state;
  const closed: Speech =
    speech.timer.pausedAt === null
      ? speech
      : {
          ...speech,
          timer: { ...speech.timer, pausedAt: null, pausedMs: speech.timer.pausedMs + (at - speech.timer.pausedAt) },
          pauses: speech.pauses.map((pause) => (pause.resumedAt === null ? { ...pause, resumedAt: at } : pause)),
        };
  const finished: FinishedSpeech = { ...closed, endedAt: at, spokenMs: spokenMs(closed, at) };
  let agenda = state.agenda;
  if (speech.presentationId !== null && speech.itemId !== null) {
    agenda = updateItem(agenda, speech.itemId, (item) => ({
      ...item,
      presentations: item.presentations.map((presentation) =>
        presentation.id === speech.presentationId ? { ...presentation, status: 'done' } : presentation,
      ),
    }));
  }
  return { ...state, agenda, floor: null, speeches: [...state.speeches, finished] };
}

export function updateItem(agenda: AgendaItem[], itemId: string, change: (item: AgendaItem) => AgendaItem): AgendaItem[] {
  return agenda.map((item) => (item.id === itemId ? change(item) : item));
}

/** A queue is created the first time anything touches it: open and empty. */
export function queueOf(state: MeetingState, itemId: string): ItemQueue {
  return own(state.queues, itemId) ?? { open: true, entries: [] };
}

export function updateQueue(state: MeetingState, itemId: string, change: (queue: ItemQueue) => ItemQueue): MeetingState {
  return { ...state, queues: { ...state.queues, [itemId]: change(queueOf(state, itemId)) } };
}

export function mapQueues(queues: Record<string, ItemQueue>, change: (queue: ItemQueue) => ItemQueue): Record<string, ItemQueue> {
  return Object.fromEntries(Object.entries(queues).map(([itemId, queue]) => [itemId, change(queue)]));
}

export function updateFloor(state: MeetingState, speechId: string, change: (speech: Speech) => Speech): MeetingState {
  if (!state.floor || state.floor.id !== speechId) return state;
  return { ...state, floor: change(state.floor) };
}
