/** Every route of the HTTP API, by name: `call(ROUTES.getMeeting, { params: { meetingId } })`. */
import { MEETING_ROUTES } from './meeting-routes.ts';
import { OPEN_ROUTES } from './open-routes.ts';
import { RECORD_ROUTES } from './record-routes.ts';

export const ROUTES = { ...OPEN_ROUTES, ...MEETING_ROUTES, ...RECORD_ROUTES } as const;
export type RouteName = keyof typeof ROUTES;
export type { Download } from './meeting-routes.ts';
export { routePath, type AnswerOf, type CallInput } from './route.ts';
