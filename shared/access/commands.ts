/**
 * Which roles may send which meeting command (rule R1 of SPEC.md). Commands on one's own hand
 * are open to participants; shared/meeting/decide.ts then checks the hand is theirs (R2).
 */
import type { MeetingAccessRole } from '../domain.ts';
import type { CommandType } from '../meeting/commands.ts';
import {
  ADMITTED_ROLES,
  INTERPRETER_ROLES,
  LEAD_ROLES,
  meetingRule,
  PARTICIPANT_ROLES,
  SPEAKER_ROLES,
  verdictOf,
  type AccessRule,
} from './rules.ts';

const REFUSAL = 'Your role in this meeting does not allow that.';
const LEAD = meetingRule(LEAD_ROLES, REFUSAL);
const SPEAKERS = meetingRule(SPEAKER_ROLES, REFUSAL);
/** Observers only when the meeting's settings let them. */
const VOICES = meetingRule(SPEAKER_ROLES, REFUSAL, { observer: 'setting' });
const CHATTERS = meetingRule(PARTICIPANT_ROLES, REFUSAL);

export const COMMAND_ACCESS: Record<CommandType, AccessRule> = {
  'meeting.open': LEAD,
  'meeting.end': LEAD,
  'meeting.changeSettings': LEAD,
  'participant.setLocation': SPEAKERS,
  'agenda.startItem': LEAD,
  'agenda.markItem': LEAD,
  'agenda.addItem': LEAD,
  'agenda.addPresentation': LEAD,
  // The secretariat raises a hand for itself only with a roster entry; otherwise it adds people on their behalf.
  'queue.raiseHand': meetingRule(SPEAKER_ROLES, REFUSAL, { observer: 'setting', secretariat: 'roster' }),
  'queue.addOnBehalf': LEAD,
  'queue.editNote': SPEAKERS,
  'queue.moveDown': SPEAKERS,
  'queue.move': LEAD,
  'queue.withdraw': SPEAKERS,
  'queue.close': LEAD,
  'queue.reopen': LEAD,
  'queue.clear': LEAD,
  'queue.setLanguage': SPEAKERS,
  'floor.give': LEAD,
  'floor.giveTo': LEAD,
  'floor.startPresentation': LEAD,
  'floor.end': SPEAKERS,
  'floor.setLanguage': SPEAKERS,
  'timer.pause': LEAD,
  'timer.resume': LEAD,
  'timer.extend': LEAD,
  'timer.setDuration': LEAD,
  'agenda.addProposal': LEAD,
  'position.record': VOICES,
  'position.withdraw': VOICES,
  'consensus.open': LEAD,
  'consensus.object': VOICES,
  'consensus.withdrawObjection': VOICES,
  'consensus.close': LEAD,
  'decision.record': LEAD,
  'decision.remove': LEAD,
  'action.record': LEAD,
  'action.remove': LEAD,
  'chat.post': CHATTERS,
  'chat.flag': LEAD,
  'chat.mute': LEAD,
  'interpretation.askSlower': meetingRule(INTERPRETER_ROLES, 'Only interpreters ask the speaker to slow down.'),
  'interpretation.passSlower': LEAD,
  'interpretation.dismissSlower': LEAD,
};

const ALL_ROLES: readonly MeetingAccessRole[] = ADMITTED_ROLES;

/** The roles that may send each command at all (whatever the condition on it). */
export const COMMAND_ROLES = Object.fromEntries(
  Object.entries(COMMAND_ACCESS).map(([type, rule]) => [type, ALL_ROLES.filter((role) => verdictOf(rule, role) !== 'no')]),
) as unknown as Record<CommandType, readonly MeetingAccessRole[]>;
