/**
 * Which roles may send which command (rule R1 of SPEC.md), as the meeting rules ask it. The table
 * itself is shared/access/commands.ts, part of the one access table that docs/roles.md is made from.
 */
import type { MeetingAccessRole } from '../domain.ts';
import type { CommandType } from './commands.ts';
import { COMMAND_ACCESS, COMMAND_ROLES } from '../access/commands.ts';
import { LEAD_ROLES, may } from '../access/rules.ts';

export { COMMAND_ROLES };
export const LEADING_ROLES = LEAD_ROLES;

export function isLeading(role: MeetingAccessRole): boolean {
  return (LEADING_ROLES as readonly MeetingAccessRole[]).includes(role);
}

export function mayCommand(role: MeetingAccessRole, type: CommandType): boolean {
  return may(role, COMMAND_ACCESS[type]);
}
