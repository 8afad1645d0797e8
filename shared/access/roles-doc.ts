/** docs/roles.md, written from the access table (./table.ts): `npm run docs:roles`. */
import { CREDENTIALS } from './credentials.ts';
import { ACCESS_TABLE, cellOf, ROLE_COLUMNS, type AccessRow } from './table.ts';

const INTRO = `# Who may do what

<!-- Written by \`npm run docs:roles\` from shared/access/: change the table there, then run it again. -->

Every socket command and every HTTP route, against every role. \`yes\`: allowed; \`no\`: refused (\`forbidden\`, or 401/403, or 404 for a meeting the person is not admitted to); \`setting\`: refused unless the meeting's settings allow observers to ask for the floor or take positions (off by default); \`shared\`: only once the secretariat shares the record with participants; \`roster\`: only for someone on the meeting's roster (a secretariat account without a roster entry adds people on their behalf instead); \`own\`: only for what is the person's own (their queue entry, speech or presentation).

The roles: **chair**, **co-chair**, **member**, **observer**, **captioner** and **interpreter** (of one language channel) are roster entries signed in with their personal join link; **secretariat** is a secretariat account signed in with its password (a roster entry with the secretariat role has the same rights within its meeting); **display** is the room display link; **anonymous** has no session (its socket is refused at connection); **chair account** is a staff account with the chair staff role signed in with its password: it lists its meetings, and enters only those where its email is on the roster, with that entry's rights (shown here for an entry as chair); **caption token** is captioning software holding the meeting's caption URL, without a session. The last section says which credential signs in as which of these.

Rules inside an allowed command still apply (a participant acts on their own hand and positions only; stale or impossible commands get \`conflict\` or \`not-found\`): see \`shared/meeting/SPEC.md\`. The test \`test/integration/roles.test.ts\` reads these tables and tries every pair against the real server.`;

const OPEN_NOTE =
  'Captioning software may also open a socket with the caption token in socket.io’s `auth` (`{ meetingId, captionToken }`) and send `captions:stream` only.';

function roleTable(heading: string, first: string, rows: AccessRow[]): string {
  const lines = [
    `## ${heading}`,
    '',
    `| ${first} | ${ROLE_COLUMNS.join(' | ')} |`,
    `|${'---|'.repeat(ROLE_COLUMNS.length + 1)}`,
    ...rows.map((row) => `| \`${row.name}\` | ${ROLE_COLUMNS.map((column) => cellOf(row.rule, column)).join(' | ')} |`),
  ];
  return lines.join('\n');
}

function openTable(rows: AccessRow[]): string {
  return [
    '## Routes open to anyone',
    '',
    'Open with or without a session, and guarded by what the request carries instead.',
    '',
    '| route | guarded by |',
    '|---|---|',
    ...rows.map((row) => `| \`${row.name}\` | ${row.rule.kind === 'public' ? row.rule.guard : ''} |`),
    '',
    OPEN_NOTE,
  ].join('\n');
}

function credentialTable(): string {
  return [
    '## Credentials and what ends them',
    '',
    'Access is judged at every command, so what ends a credential ends it on connections already open, on every server process.',
    '',
    '| credential | signs in with | acts as | ended by |',
    '|---|---|---|---|',
    ...CREDENTIALS.map((row) => `| ${row.credential} | ${row.signIn} | ${row.actsAs.join(', ')} | ${row.ends} |`),
  ].join('\n');
}

export function rolesDocument(): string {
  return (
    [
      INTRO,
      roleTable('Meeting commands (`meeting:command` over the socket)', 'command', ACCESS_TABLE.commands),
      roleTable('Other socket events', 'event', ACCESS_TABLE.events),
      roleTable('HTTP routes', 'route', ACCESS_TABLE.routes),
      openTable(ACCESS_TABLE.openRoutes),
      credentialTable(),
    ].join('\n\n') + '\n'
  );
}
