/**
 * The meeting reducer: `applyEvent(state, event)` is the only way state changes, on the
 * server, in every client and in the tests. Pure: no I/O, no clock (time comes on the event).
 * It trusts events (the server decided them, ./decide.ts) and copies only what changes.
 */
import { assertNever } from '../assert-never.ts';
import {
  DEFAULT_SETTINGS,
  holdingOf,
  type Holding,
  type Position,
  type AgendaItem,
  type ConsensusCall,
  type FinishedSpeech,
  type ItemQueue,
  type MeetingEvent,
  type MeetingState,
  type Speech,
} from './types.ts';
import { spokenMs } from './timers.ts';
import { own } from '../own.ts';

/** The state of a meeting before its first event. */
export function initialMeetingState(meetingId: string, plannedStart = 0, plannedMinutes = 0): MeetingState {
  return {
    meetingId,
    seq: 0,
    phase: 'not-opened',
    openedAt: null,
    endedAt: null,
    plannedStart,
    plannedMinutes,
    settings: DEFAULT_SETTINGS,
    participants: {},
    agenda: [],
    currentItemId: null,
    queues: {},
    floor: null,
    speeches: [],
    positions: [],
    consensusCalls: [],
    decisions: [],
    actionItems: [],
    chat: [],
    chatMuted: [],
  };
}

/** Applies events in order; each must be the next in sequence. */
export function applyEvents(state: MeetingState, events: readonly MeetingEvent[]): MeetingState {
  return events.reduce(applyEvent, state);
}

/** Applies one event. An event out of sequence is a bug in the caller, so it throws. */
export function applyEvent(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.seq !== state.seq + 1) {
    throw new Error(`event ${event.seq} does not follow ${state.seq} in meeting ${state.meetingId}`);
  }
  return { ...applyBody(state, event), seq: event.seq };
}

function applyBody(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'meeting.opened':
      return {
        ...state,
        phase: 'open',
        openedAt: event.at,
        plannedStart: event.plannedStart,
        plannedMinutes: event.plannedMinutes,
        settings: event.settings,
        participants: Object.fromEntries(event.participants.map((participant) => [participant.id, participant])),
        agenda: event.agenda.map((item) => ({
          ...item,
          status: 'pending',
          usedMs: 0,
          activeSince: null,
          presentations: [],
          proposals: [],
          addedLive: false,
        })),
      };

    case 'meeting.ended': {
      const ended = endFloor(leaveCurrentItem(state, event.at, 'done'), event.at);
      return { ...ended, phase: 'ended', endedAt: event.at, currentItemId: null };
    }

    case 'meeting.settingsChanged':
      return { ...state, settings: { ...state.settings, ...event.settings } };

    case 'participant.joinedRoster':
    case 'participant.updated':
      return { ...state, participants: { ...state.participants, [event.participant.id]: event.participant } };

    case 'participant.leftRoster': {
      const { [event.participantId]: _removed, ...participants } = state.participants;
      return { ...state, participants };
    }

    case 'participant.locationSet': {
      const participant = own(state.participants, event.participantId);
      if (!participant) return state;
      const queues = mapQueues(state.queues, (queue) => ({
        ...queue,
        entries: queue.entries.map((entry) =>
          entry.participantId === event.participantId ? { ...entry, location: event.location } : entry,
        ),
      }));
      return {
        ...state,
        participants: { ...state.participants, [participant.id]: { ...participant, location: event.location } },
        queues,
      };
    }

    case 'agenda.itemStarted': {
      const left = leaveCurrentItem(state, event.at, event.previousItemStatus);
      return {
        ...left,
        currentItemId: event.itemId,
        agenda: updateItem(left.agenda, event.itemId, (item) => ({ ...item, status: 'active', activeSince: event.at })),
      };
    }

    case 'agenda.itemMarked': {
      if (event.itemId === state.currentItemId) {
        // Marking the running item closes its stretch; the meeting then has no current item.
        return leaveCurrentItem({ ...state }, event.at, event.status, true);
      }
      return { ...state, agenda: updateItem(state.agenda, event.itemId, (item) => ({ ...item, status: event.status })) };
    }

    case 'agenda.itemAdded': {
      const item: AgendaItem = {
        ...event.item,
        status: 'pending',
        usedMs: 0,
        activeSince: null,
        presentations: [],
        proposals: [],
        addedLive: true,
      };
      const agenda = [...state.agenda];
      const afterIndex = event.afterItemId === null ? -1 : agenda.findIndex((other) => other.id === event.afterItemId);
      let index = afterIndex === -1 ? agenda.length : afterIndex + 1;
      // A5: after an item means after its sub-items too, which stay with their item.
      while (agenda[index]?.depth === 1) index++;
      agenda.splice(index, 0, item);
      return { ...state, agenda };
    }

    case 'agenda.presentationAdded':
      return {
        ...state,
        agenda: updateItem(state.agenda, event.itemId, (item) => ({
          ...item,
          presentations: [...item.presentations, { ...event.presentation, status: 'pending' }],
        })),
      };

    case 'queue.handRaised':
      return updateQueue(state, event.itemId, (queue) => {
        const entries = [...queue.entries];
        entries.splice(event.index, 0, event.entry);
        return { ...queue, entries };
      });

    case 'queue.noteEdited':
      return updateQueue(state, event.itemId, (queue) => ({
        ...queue,
        entries: queue.entries.map((entry) => (entry.id === event.entryId ? { ...entry, note: event.note } : entry)),
      }));

    case 'queue.entryMoved':
      return updateQueue(state, event.itemId, (queue) => {
        const entry = queue.entries.find((candidate) => candidate.id === event.entryId);
        if (!entry) return queue;
        const entries = queue.entries.filter((candidate) => candidate.id !== event.entryId);
        entries.splice(event.toIndex, 0, { ...entry, kind: event.kind });
        return { ...queue, entries };
      });

    case 'queue.handLowered':
      return updateQueue(state, event.itemId, (queue) => ({
        ...queue,
        entries: queue.entries.filter((entry) => entry.id !== event.entryId),
      }));

    case 'queue.closed':
      return updateQueue(state, event.itemId, (queue) => ({ ...queue, open: false }));

    case 'queue.reopened':
      return updateQueue(state, event.itemId, (queue) => ({ ...queue, open: true }));

    case 'queue.cleared':
      return updateQueue(state, event.itemId, (queue) => ({ ...queue, entries: [] }));

    case 'floor.given': {
      const ended = endFloor(state, event.at);
      const speech = event.speech;
      let next = ended;
      if (speech.entryId !== null && speech.itemId !== null) {
        next = updateQueue(next, speech.itemId, (queue) => ({
          ...queue,
          entries: queue.entries.filter((entry) => entry.id !== speech.entryId),
        }));
      }
      return { ...next, floor: speech };
    }

    case 'floor.ended':
      return endFloor(state, event.at);

    case 'timer.paused':
      return updateFloor(state, event.speechId, (speech) => ({
        ...speech,
        timer: { ...speech.timer, pausedAt: event.at },
        pauses: [...speech.pauses, { at: event.at, resumedAt: null }],
      }));

    case 'timer.resumed':
      return updateFloor(state, event.speechId, (speech) => {
        const pausedAt = speech.timer.pausedAt ?? event.at;
        return {
          ...speech,
          timer: { ...speech.timer, pausedAt: null, pausedMs: speech.timer.pausedMs + (event.at - pausedAt) },
          pauses: speech.pauses.map((pause) => (pause.resumedAt === null ? { ...pause, resumedAt: event.at } : pause)),
        };
      });

    case 'timer.durationChanged':
      return updateFloor(state, event.speechId, (speech) => ({
        ...speech,
        timer: { ...speech.timer, durationMs: event.durationMs },
      }));

    case 'agenda.proposalAdded':
      return {
        ...state,
        agenda: updateItem(state.agenda, event.itemId, (item) => ({ ...item, proposals: [...item.proposals, event.proposal] })),
      };

    case 'position.recorded': {
      // P1: one position and one comment per person per item or proposal; a new one replaces the old.
      const { position } = event;
      const holding = holdingOf(position.stance);
      const others = state.positions.filter((held) => !sameHolding(held, { ...position, holding }));
      return { ...state, positions: [...others, position] };
    }

    case 'position.withdrawn':
      return { ...state, positions: state.positions.filter((held) => !sameHolding(held, event)) };

    case 'consensus.opened':
      return { ...state, consensusCalls: [...state.consensusCalls, { ...event.call, objections: [], closedAt: null, outcome: null }] };

    case 'consensus.objected':
      return updateCall(state, event.callId, (call) => ({
        ...call,
        objections: [...call.objections.filter((held) => held.holderKey !== event.objection.holderKey), event.objection],
      }));

    case 'consensus.objectionWithdrawn':
      return updateCall(state, event.callId, (call) => ({
        ...call,
        objections: call.objections.filter((held) => held.holderKey !== event.holderKey),
      }));

    case 'consensus.closed':
      return updateCall(state, event.callId, (call) => ({ ...call, closedAt: event.at, outcome: event.outcome }));

    case 'decision.recorded':
      return { ...state, decisions: [...state.decisions, event.decision] };

    case 'decision.removed':
      return { ...state, decisions: state.decisions.filter((decision) => decision.id !== event.decisionId) };

    case 'action.recorded':
      return { ...state, actionItems: [...state.actionItems, event.action] };

    case 'action.removed':
      return { ...state, actionItems: state.actionItems.filter((action) => action.id !== event.actionId) };

    case 'chat.posted':
      return { ...state, chat: [...state.chat, event.message] };

    case 'chat.privatePosted':
      return state;

    case 'chat.flagged':
      return {
        ...state,
        chat: state.chat.map((message) => (message.id === event.messageId ? { ...message, flaggedBy: event.flaggedBy } : message)),
      };

    case 'chat.muteChanged': {
      const others = state.chatMuted.filter((id) => id !== event.participantId);
      return { ...state, chatMuted: event.muted ? [...others, event.participantId] : others };
    }

    default:
      return assertNever(event);
  }
}

function sameHolding(
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

function updateCall(state: MeetingState, callId: string, change: (call: ConsensusCall) => ConsensusCall): MeetingState {
  return { ...state, consensusCalls: state.consensusCalls.map((call) => (call.id === callId ? change(call) : call)) };
}

/** Closes the current item's running stretch, adding its time, and gives it `status` (null keeps it pending). */
function leaveCurrentItem(
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
function endFloor(state: MeetingState, at: number): MeetingState {
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

function updateItem(agenda: AgendaItem[], itemId: string, change: (item: AgendaItem) => AgendaItem): AgendaItem[] {
  return agenda.map((item) => (item.id === itemId ? change(item) : item));
}

/** A queue is created the first time anything touches it: open and empty. */
export function queueOf(state: MeetingState, itemId: string): ItemQueue {
  return own(state.queues, itemId) ?? { open: true, entries: [] };
}

function updateQueue(state: MeetingState, itemId: string, change: (queue: ItemQueue) => ItemQueue): MeetingState {
  return { ...state, queues: { ...state.queues, [itemId]: change(queueOf(state, itemId)) } };
}

function mapQueues(queues: Record<string, ItemQueue>, change: (queue: ItemQueue) => ItemQueue): Record<string, ItemQueue> {
  return Object.fromEntries(Object.entries(queues).map(([itemId, queue]) => [itemId, change(queue)]));
}

function updateFloor(state: MeetingState, speechId: string, change: (speech: Speech) => Speech): MeetingState {
  if (!state.floor || state.floor.id !== speechId) return state;
  return { ...state, floor: change(state.floor) };
}
