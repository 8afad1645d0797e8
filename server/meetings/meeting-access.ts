/**
 * Who may enter which meeting, in which role. One rule for HTTP and sockets:
 * - a session bound to a meeting (join link, observer link, display link) enters that meeting only;
 * - a secretariat account enters every meeting, as secretariat unless its roster entry says chair;
 * - a chair account enters the meetings where its email is on the roster, in that role.
 */
import type { Database } from '../db/open.ts';
import type { Principal } from '../auth/sessions.ts';
import { and, eq } from 'drizzle-orm';
import { meetings, rosterEntries, sessions, users } from '../db/schema.ts';
import type { MeetingAccessRole, MeetingRole } from '../../shared/domain.ts';

export interface MeetingAccess {
  meetingId: string;
  role: MeetingAccessRole;
  /** The roster entry acting, when there is one. */
  participantId: string | null;
  name: string;
  userId: string;
  sessionId: string;
}

const LEADING_ROLES: readonly MeetingRole[] = ['chair', 'co-chair', 'secretariat'];

/**
 * The access a session has to a meeting now, read in one query (meeting, account, session and
 * roster entry together), so that it can be judged again before every command: a role changed,
 * an entry removed, a session ended or an account demoted count from that moment on.
 */
export async function resolveMeetingAccess(db: Database, principal: Principal, meetingId: string): Promise<MeetingAccess | undefined> {
  const { user, session } = principal;
  if (session.meetingId !== null && session.meetingId !== meetingId) return undefined;
  const [row] = await db
    .select({
      displayUserId: meetings.displayUserId,
      kind: users.kind,
      staffRole: users.staffRole,
      userName: users.name,
      sessionExpiresAt: sessions.expiresAt,
      entryId: rosterEntries.id,
      entryRole: rosterEntries.role,
      entryName: rosterEntries.name,
    })
    .from(meetings)
    .leftJoin(users, eq(users.id, user.id))
    .leftJoin(sessions, and(eq(sessions.id, session.id), eq(sessions.userId, user.id)))
    .leftJoin(rosterEntries, and(eq(rosterEntries.meetingId, meetings.id), eq(rosterEntries.userId, user.id)))
    .where(eq(meetings.id, meetingId));
  if (!row || row.kind === null || row.sessionExpiresAt === null || row.sessionExpiresAt.getTime() <= Date.now()) return undefined;
  const base = { meetingId, userId: user.id, sessionId: session.id };
  if (session.meetingId !== null && row.displayUserId === user.id) {
    return { ...base, role: 'display', participantId: null, name: 'Room display' };
  }
  const entry = row.entryId === null ? undefined : { id: row.entryId, role: row.entryRole as MeetingRole, name: row.entryName ?? '' };
  const isSecretariatAccount = row.kind === 'staff' && row.staffRole === 'secretariat' && session.meetingId === null;
  if (isSecretariatAccount) {
    const role = entry && LEADING_ROLES.includes(entry.role) ? entry.role : 'secretariat';
    return { ...base, role, participantId: entry?.id ?? null, name: entry?.name ?? row.userName ?? user.name };
  }
  if (!entry) return undefined;
  return { ...base, role: entry.role, participantId: entry.id, name: entry.name };
}

/** Whether two judgements of one session's access differ in what they allow (role or roster entry). */
export function accessDiffers(a: MeetingAccess, b: MeetingAccess): boolean {
  return a.role !== b.role || a.participantId !== b.participantId;
}
