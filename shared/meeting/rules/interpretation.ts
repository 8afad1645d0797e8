/**
 * Interpretation (SPEC.md "Interpretation": I1–I3): an interpreter asks the chair for a slower
 * pace; the chair passes it to the speaker or dismisses it. Who asked stays with the leads (H3).
 */
import { assertNever } from '../../assert-never.ts';
import { own } from '../../own.ts';
import type { MeetingEventBody, MeetingState } from '../types.ts';
import { reject, type DecisionContext, type SectionCommand } from './common.ts';

/** I2: one "please speak slower" per interpreter in this time. */
export const SLOWER_INTERVAL_MS = 20_000;

export function decideInterpretation(
  state: MeetingState,
  command: SectionCommand<'interpretation'>,
  ctx: DecisionContext,
): MeetingEventBody[] {
  switch (command.type) {
    case 'interpretation.askSlower': {
      const interpreterId = ctx.actor.participantId;
      const interpreter = interpreterId === null ? undefined : own(state.participants, interpreterId);
      // I1: an interpreter on the roster, of a language channel.
      if (!interpreter || interpreter.role !== 'interpreter' || !interpreter.channel) {
        return reject('forbidden', 'Only interpreters with a language channel ask the speaker to slow down.');
      }
      if (!state.floor) return reject('conflict', 'Nobody has the floor.');
      const last = state.slowerAskedAt?.[interpreter.id];
      if (last !== undefined && ctx.at - last < SLOWER_INTERVAL_MS) {
        const seconds = Math.ceil((SLOWER_INTERVAL_MS - (ctx.at - last)) / 1000);
        return reject('rate-limited', `You asked a moment ago; you can ask again in ${seconds} seconds.`);
      }
      return [{ type: 'interpretation.slowerAsked', signalId: ctx.newId('sl'), channel: interpreter.channel, speechId: state.floor.id }];
    }

    case 'interpretation.passSlower': {
      const signal = currentSignal(state, command.signalId);
      // I3: only about the speech still on the floor, and once.
      if (state.floor?.id !== signal.speechId) return reject('conflict', 'That speech has already ended.');
      if (signal.passedAt !== null) return reject('conflict', 'The speaker has already been asked.');
      return [{ type: 'interpretation.slowerPassed', signalId: signal.id }];
    }

    case 'interpretation.dismissSlower':
      return [{ type: 'interpretation.slowerDismissed', signalId: currentSignal(state, command.signalId).id }];

    default:
      return assertNever(command);
  }
}

function currentSignal(state: MeetingState, signalId: string) {
  const signal = state.slowDown;
  if (!signal || signal.id !== signalId) return reject('conflict', 'That signal has already been dismissed.');
  return signal;
}
