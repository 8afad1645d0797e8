/**
 * Applies positions, consensus calls, decisions and action items (SPEC.md "Positions,
 * consensus calls and the record": P1, C3).
 */
import { assertNever } from '../../assert-never.ts';
import { holdingOf, type MeetingState } from '../types.ts';
import { sameHolding, updateCall, type SectionEvent } from './common.ts';

export function applyPositions(state: MeetingState, event: SectionEvent<'position' | 'consensus' | 'decision' | 'action'>): MeetingState {
  switch (event.type) {
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

    default:
      return assertNever(event);
  }
}
