/** Writes docs/roles.md from the access table in shared/access/ (`npm run docs:roles`). */
import { writeFileSync } from 'node:fs';
import { rolesDocument } from '../shared/access/roles-doc.ts';

const target = new URL('../docs/roles.md', import.meta.url);
writeFileSync(target, rolesDocument());
console.log(`Wrote ${target.pathname}`);
