/**
 * Applies interpretation's events (SPEC.md "Interpretation"). The sender of a signal is the
 * event's actor: in the leads' copy only (rule H3), so the others' state never holds it.
 */
import { assertNever } from '../../assert-never.ts';
import type { MeetingState } from '../types.ts';
import type { SectionEvent } from './common.ts';

export function applyInterpretation(state: MeetingState, event: SectionEvent<'interpretation'>): MeetingState {
  switch (event.type) {
    case 'interpretation.slowerAsked': {
      const fromId = event.actor.participantId;
      return {
        ...state,
        slowDown: { id: event.signalId, channel: event.channel, speechId: event.speechId, at: event.at, fromId, passedAt: null },
        slowerAskedAt: fromId === null ? (state.slowerAskedAt ?? {}) : { ...state.slowerAskedAt, [fromId]: event.at },
      };
    }
    case 'interpretation.slowerPassed':
      return state.slowDown?.id === event.signalId ? { ...state, slowDown: { ...state.slowDown, passedAt: event.at } } : state;
    case 'interpretation.slowerDismissed':
      return state.slowDown?.id === event.signalId ? { ...state, slowDown: null } : state;
    default:
      return assertNever(event);
  }
}
