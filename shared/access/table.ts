/**
 * The one access table: every meeting command, every other socket event, every HTTP route (each
 * export format apart) and caption ingestion, with its rule. docs/roles.md is written from it
 * (`npm run docs:roles`) and test/integration/roles.test.ts tries it against the real server.
 */
import type { MeetingAccessRole } from '../domain.ts';
import { ROUTES } from '../http/routes.ts';
import { routeName, type RouteSpec } from '../http/route.ts';
import { COMMAND_ACCESS } from './commands.ts';
import { verdictOf, type AccessRule, type Verdict } from './rules.ts';
import { SOCKET_EVENT_ACCESS } from './socket-events.ts';

/**
 * The columns of docs/roles.md: the meeting roles, nobody, a staff account with the chair staff
 * role, and captioning software holding the meeting's caption token (./credentials.ts says which
 * credential acts as which column).
 */
export const ROLE_COLUMNS = [
  'chair',
  'co-chair',
  'secretariat',
  'member',
  'observer',
  'captioner',
  'interpreter',
  'display',
  'anonymous',
  'chair account',
  'caption token',
] as const;
export type RoleColumn = (typeof ROLE_COLUMNS)[number];

export interface AccessRow {
  name: string;
  rule: AccessRule;
}

/** Each route once, or once per format for a `.:format` route. */
export function routeRows(routes: readonly RouteSpec[] = Object.values(ROUTES)): AccessRow[] {
  return routes.flatMap((spec) =>
    spec.formats
      ? spec.formats.map((format) => ({ name: routeName(spec, spec.path.replace(':format', format)), rule: spec.access }))
      : [{ name: routeName(spec), rule: spec.access }],
  );
}

export const ACCESS_TABLE = {
  commands: Object.entries(COMMAND_ACCESS).map(([name, rule]) => ({ name, rule })),
  events: Object.entries(SOCKET_EVENT_ACCESS).map(([name, rule]): AccessRow => ({ name, rule })),
  routes: routeRows().filter((row) => row.rule.kind !== 'public'),
  openRoutes: routeRows().filter((row) => row.rule.kind === 'public'),
};

/**
 * What a rule says for a column. A secretariat account enters every meeting; a chair account
 * only those where it is on the roster, with that entry's rights (the column shows it as chair).
 */
export function cellOf(rule: AccessRule, column: RoleColumn): Verdict {
  if (rule.kind === 'public') return 'yes';
  if (column === 'caption token') return rule.kind === 'meeting' && rule.captionFeed === true ? 'yes' : 'no';
  if (rule.kind === 'staff') {
    const staffRole = column === 'secretariat' ? 'secretariat' : column === 'chair account' ? 'chair' : undefined;
    return staffRole && rule.staffRoles.includes(staffRole) ? 'yes' : 'no';
  }
  if (column === 'anonymous') return 'no';
  if (column === 'chair account') return verdictOf(rule, 'chair') === 'no' ? 'no' : 'roster';
  return verdictOf(rule, column satisfies MeetingAccessRole);
}
