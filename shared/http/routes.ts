/**
 * Every route of the HTTP API, by name, in full: its path (shared/http/route-paths.ts) with the
 * schemas of its input, its answer's type and who may call it. The server registers these and
 * docs/roles.md lists them; the browser imports the paths alone (`ROUTES` of route-paths.ts),
 * typed by these with `import type`, so no schema or rule is loaded with the page.
 */
import { MEETING_ROUTES } from './meeting-routes.ts';
import { OPEN_ROUTES } from './open-routes.ts';
import { RECORD_ROUTES } from './record-routes.ts';
import { CORRECTION_ROUTES } from './correction-routes.ts';
import { STATEMENT_ROUTES } from './statement-routes.ts';

export const ROUTES = { ...OPEN_ROUTES, ...MEETING_ROUTES, ...RECORD_ROUTES, ...CORRECTION_ROUTES, ...STATEMENT_ROUTES } as const;
export type RouteName = keyof typeof ROUTES;
export type { Download } from './meeting-routes.ts';
export { routePath, type AnswerOf, type CallInput } from './route.ts';
