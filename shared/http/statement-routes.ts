/**
 * Prepared statements (shared/statements.ts): uploaded by the speaker or presenter (their own
 * entry or slot) or the chair and secretariat, opened by the leads at any time, by the
 * interpreters and captioners while that person has the floor, and by their owner.
 */
import type { StatementView } from '../statements.ts';
import { LEAD_ROLES, meetingRule } from '../access/rules.ts';
import { StatementParams } from './inputs.ts';
import type { Download } from './meeting-routes.ts';
import { STATEMENT_PATHS } from './route-paths.ts';
import { rules, withRules } from './route.ts';

const UPLOAD = meetingRule(LEAD_ROLES, 'Only the speaker, the chair and the secretariat attach a statement.', {
  member: 'own',
  observer: 'own',
});
/** Interpreters and captioners `yes` here, but only while the statement's speaker has the floor (checked by the route). */
const READ = meetingRule(
  [...LEAD_ROLES, 'interpreter', 'captioner'],
  'Only the speaker, the interpreters, the captioners and the chair see a statement.',
  {
    member: 'own',
    observer: 'own',
  },
);

export const STATEMENT_ROUTES = withRules(STATEMENT_PATHS, {
  /** The file itself is the body (PDF or plain text, at most 5 MB); its name comes in `content-disposition`. */
  uploadStatement: rules<{ statement: StatementView }>()({ params: StatementParams, access: UPLOAD }),
  statement: rules<{ statement: StatementView }>()({ params: StatementParams, access: READ }),
  statementFile: rules<Download>()({ params: StatementParams, access: READ }),
});
