/**
 * Opening, ending and settings of the meeting, and where people take part from
 * (SPEC.md "Roles and ownership": R3, R5; R1 is checked by the dispatcher).
 */
import { assertNever } from '../../assert-never.ts';
import { isLeading } from '../permissions.ts';
import { own } from '../../own.ts';
import { DEFAULT_SETTINGS, type MeetingEventBody, type MeetingState } from '../types.ts';
import { reject, type DecisionContext, type SectionCommand } from './common.ts';

export function decideMeeting(
  state: MeetingState,
  command: SectionCommand<'meeting' | 'participant'>,
  ctx: DecisionContext,
): MeetingEventBody[] {
  switch (command.type) {
    case 'meeting.open': {
      if (state.phase !== 'not-opened')
        reject('conflict', state.phase === 'ended' ? 'The meeting has ended.' : 'The meeting is already open.');
      const setup = ctx.setup ?? reject('internal', 'The meeting set-up could not be loaded.');
      return [{ type: 'meeting.opened', ...setup, settings: DEFAULT_SETTINGS }];
    }
    case 'meeting.end':
      return [{ type: 'meeting.ended' }];

    case 'meeting.changeSettings': {
      const { type: _type, ...changes } = command;
      const settings = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      if (Object.keys(settings).length === 0) reject('invalid', 'No setting was given.');
      return [{ type: 'meeting.settingsChanged', settings }];
    }

    case 'participant.setLocation': {
      // R3: people say where they are; the chair and secretariat may correct it.
      if (!isLeading(ctx.role) && command.participantId !== ctx.actor.participantId) {
        reject('forbidden', 'You can only say where you yourself are.');
      }
      if (!own(state.participants, command.participantId)) reject('not-found', 'That person is not on the roster.');
      return [{ type: 'participant.locationSet', participantId: command.participantId, location: command.location }];
    }

    default:
      return assertNever(command);
  }
}
