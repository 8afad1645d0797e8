/**
 * The meeting's people a page at a time, for the meeting page's list and the captioner's speaker
 * picker: what a participant's screen receives never grows with the roster (rule H2 of
 * shared/meeting/SPEC.md), and a list of thousands comes when it is read.
 */
import { asc, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/open.ts';
import { rosterEntries } from '../db/schema.ts';
import { route } from '../http/route.ts';
import { ROUTES } from '../../shared/http/routes.ts';
import { MEETING_ROLES, type MeetingRole } from '../../shared/domain.ts';
import type { MeetingPageView } from '../../shared/api.ts';
import { participantView } from './meeting-views.ts';

/** The page's size when the request does not say. */
export const PEOPLE_PAGE_DEFAULT = 200;

/** The roles in the order the list shows them: the chair first. */
const roleRank = sql`array_position(array[${sql.join(
  MEETING_ROLES.map((role) => sql`${role}`),
  sql`, `,
)}]::text[], ${rosterEntries.role})`;

export async function peopleCounts(db: Database, meetingId: string): Promise<MeetingPageView['people']> {
  const rows = await db
    .select({ role: rosterEntries.role, people: count() })
    .from(rosterEntries)
    .where(eq(rosterEntries.meetingId, meetingId))
    .groupBy(rosterEntries.role);
  const byRole: Partial<Record<MeetingRole, number>> = {};
  for (const row of rows) byRole[row.role as MeetingRole] = Number(row.people);
  return { total: rows.reduce((sum, row) => sum + Number(row.people), 0), byRole };
}

export function registerPeopleRoute(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, ROUTES.meetingPeople, async ({ access: found, query }) => {
    const from = query.from ?? 0;
    const limit = query.limit ?? PEOPLE_PAGE_DEFAULT;
    const [rows, counts] = await Promise.all([
      ctx.db
        .select()
        .from(rosterEntries)
        .where(eq(rosterEntries.meetingId, found.meetingId))
        .orderBy(roleRank, asc(rosterEntries.name), asc(rosterEntries.id))
        .offset(from)
        .limit(limit),
      peopleCounts(ctx.db, found.meetingId),
    ]);
    const next = from + rows.length < counts.total && rows.length > 0 ? from + rows.length : null;
    return { people: rows.map(participantView), total: counts.total, next };
  });
}
