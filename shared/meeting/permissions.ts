/**
 * Which roles may send which command (rule R1 of SPEC.md). Commands on one's own hand
 * are open to participants; ./decide.ts then checks the hand is theirs (R2).
 * docs/ and the role tests are driven by this table.
 */
import type { MeetingAccessRole } from '../domain.ts';
import type { CommandType } from './commands.ts';

export const LEADING_ROLES = ['chair', 'co-chair', 'secretariat'] as const satisfies readonly MeetingAccessRole[];
const LEAD = LEADING_ROLES;
const SPEAKERS = [...LEADING_ROLES, 'member', 'observer'] as const satisfies readonly MeetingAccessRole[];
const CHATTERS = [...SPEAKERS, 'captioner'] as const satisfies readonly MeetingAccessRole[];

export const COMMAND_ROLES: Record<CommandType, readonly MeetingAccessRole[]> = {
  'meeting.open': LEAD,
  'meeting.end': LEAD,
  'meeting.changeSettings': LEAD,
  'participant.setLocation': SPEAKERS,
  'agenda.startItem': LEAD,
  'agenda.markItem': LEAD,
  'agenda.addItem': LEAD,
  'agenda.addPresentation': LEAD,
  'queue.raiseHand': SPEAKERS,
  'queue.addOnBehalf': LEAD,
  'queue.editNote': SPEAKERS,
  'queue.moveDown': SPEAKERS,
  'queue.move': LEAD,
  'queue.withdraw': SPEAKERS,
  'queue.close': LEAD,
  'queue.reopen': LEAD,
  'queue.clear': LEAD,
  'floor.give': LEAD,
  'floor.giveTo': LEAD,
  'floor.startPresentation': LEAD,
  'floor.end': SPEAKERS,
  'timer.pause': LEAD,
  'timer.resume': LEAD,
  'timer.extend': LEAD,
  'timer.setDuration': LEAD,
  'agenda.addProposal': LEAD,
  'position.record': SPEAKERS,
  'position.withdraw': SPEAKERS,
  'consensus.open': LEAD,
  'consensus.object': SPEAKERS,
  'consensus.withdrawObjection': SPEAKERS,
  'consensus.close': LEAD,
  'decision.record': LEAD,
  'decision.remove': LEAD,
  'action.record': LEAD,
  'action.remove': LEAD,
  'chat.post': CHATTERS,
  'chat.flag': LEAD,
  'chat.mute': LEAD,
};

export function isLeading(role: MeetingAccessRole): boolean {
  return (LEADING_ROLES as readonly MeetingAccessRole[]).includes(role);
}

export function mayCommand(role: MeetingAccessRole, type: CommandType): boolean {
  return COMMAND_ROLES[type].includes(role);
}
