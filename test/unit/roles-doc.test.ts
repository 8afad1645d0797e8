/** docs/roles.md is the access table written out: the committed file is what `npm run docs:roles` writes now. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rolesDocument } from '../../shared/access/roles-doc.ts';
import { ACCESS_TABLE } from '../../shared/access/table.ts';
import { ROUTES } from '../../shared/http/routes.ts';

describe('docs/roles.md', () => {
  it('is what npm run docs:roles writes from the access table', () => {
    const committed = readFileSync(new URL('../../docs/roles.md', import.meta.url), 'utf8');
    expect(committed, 'run `npm run docs:roles` and commit docs/roles.md').toBe(rolesDocument());
  });

  it('lists every route of the map once, and every export format', () => {
    const names = [...ACCESS_TABLE.routes, ...ACCESS_TABLE.openRoutes].map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
    for (const format of ['md', 'html', 'docx', 'pdf', 'json']) expect(names).toContain(`GET /api/meetings/:meetingId/record.${format}`);
    for (const format of ['txt', 'vtt', 'srt', 'json']) expect(names).toContain(`GET /api/meetings/:meetingId/transcript.${format}`);
    for (const format of ['csv', 'txt']) expect(names).toContain(`GET /api/meetings/:meetingId/chat.${format}`);
    expect(names.length).toBeGreaterThanOrEqual(Object.keys(ROUTES).length);
  });
});
