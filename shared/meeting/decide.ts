/**
 * Decides a command against the current state: the events it produces, or a refusal
 * with a reason a person can read. Pure, like the reducer; the server calls it under the
 * meeting's lock and stores the events before applying them.
 *
 * This file checks what holds for every command (R1, R5) and hands the command to the file
 * of its `SPEC.md` section in `rules/`: queue, floor and timers, agenda, positions, chat, meeting, interpretation.
 */
import { assertNever } from '../assert-never.ts';
import type { Command } from './commands.ts';
import { mayCommand } from './permissions.ts';
import type { MeetingEventBody, MeetingState } from './types.ts';
import { reject, type DecisionContext, type SectionCommand } from './rules/common.ts';
import { decideAgenda } from './rules/agenda.ts';
import { decideChat } from './rules/chat.ts';
import { decideFloor } from './rules/floor.ts';
import { decideInterpretation } from './rules/interpretation.ts';
import { decideMeeting } from './rules/meeting.ts';
import { decidePositions } from './rules/positions.ts';
import { decideQueue } from './rules/queue.ts';

export { CommandRejected } from '../errors.ts';
export type { DecisionContext, MeetingSetup } from './rules/common.ts';
export { hasSpokenOnItem, speakerOf } from './rules/common.ts';
export { holderKeyOf, openCall } from './rules/positions.ts';
export { nextEntry } from './rules/queue.ts';

function inSection<P extends string>(command: Command, ...prefixes: P[]): command is SectionCommand<P> {
  return prefixes.some((prefix) => command.type.startsWith(`${prefix}.`));
}

export function decide(state: MeetingState, command: Command, ctx: DecisionContext): MeetingEventBody[] {
  // R1: the role table.
  if (!mayCommand(ctx.role, command.type)) reject('forbidden', 'Your role in this meeting does not allow that.');
  // R5: nothing but opening before the meeting is open, nothing after it has ended.
  if (command.type !== 'meeting.open' && state.phase !== 'open') {
    reject('conflict', state.phase === 'ended' ? 'The meeting has ended.' : 'The meeting has not been opened yet.');
  }

  if (inSection(command, 'queue')) return decideQueue(state, command, ctx);
  if (inSection(command, 'floor', 'timer')) return decideFloor(state, command, ctx);
  if (inSection(command, 'agenda')) return decideAgenda(state, command, ctx);
  if (inSection(command, 'position', 'consensus', 'decision', 'action')) return decidePositions(state, command, ctx);
  if (inSection(command, 'chat')) return decideChat(state, command, ctx);
  if (inSection(command, 'meeting', 'participant')) return decideMeeting(state, command, ctx);
  if (inSection(command, 'interpretation')) return decideInterpretation(state, command, ctx);
  return assertNever(command);
}
