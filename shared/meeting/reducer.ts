/**
 * The meeting reducer: `applyEvent(state, event)` is the only way state changes, on the
 * server, in every client and in the tests. Pure: no I/O, no clock (time comes on the event).
 * It trusts events (the server decided them, ./decide.ts) and copies only what changes.
 */
import { assertNever } from '../assert-never.ts';
import { DEFAULT_SETTINGS, type MeetingEvent, type MeetingState } from './types.ts';
import { applyAgenda } from './apply/agenda.ts';
import { applyChat } from './apply/chat.ts';
import type { SectionEvent } from './apply/common.ts';
import { applyFloor } from './apply/floor.ts';
import { applyInterpretation } from './apply/interpretation.ts';
import { applyMeeting } from './apply/meeting.ts';
import { applyPositions } from './apply/positions.ts';
import { applyQueue } from './apply/queue.ts';

export { queueOf } from './apply/common.ts';

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

function inSection<P extends string>(event: MeetingEvent, ...prefixes: P[]): event is SectionEvent<P> {
  return prefixes.some((prefix) => event.type.startsWith(`${prefix}.`));
}

/** Hands the event to the file of its SPEC.md section, in ./apply/. */
function applyBody(state: MeetingState, event: MeetingEvent): MeetingState {
  if (inSection(event, 'queue')) return applyQueue(state, event);
  if (inSection(event, 'floor', 'timer')) return applyFloor(state, event);
  if (inSection(event, 'agenda')) return applyAgenda(state, event);
  if (inSection(event, 'position', 'consensus', 'decision', 'action')) return applyPositions(state, event);
  if (inSection(event, 'chat')) return applyChat(state, event);
  if (inSection(event, 'meeting', 'participant')) return applyMeeting(state, event);
  if (inSection(event, 'interpretation')) return applyInterpretation(state, event);
  // An event withheld from this copy (rules H1, H2 in privacy.ts): only its place in the log.
  if (event.type === 'log.withheld') return state;
  return assertNever(event);
}
