/**
 * Who may enter which meeting, in which role. One rule for HTTP and sockets:
 * - a session bound to a meeting (join link, observer link, display link) enters that meeting only;
 * - a secretariat account enters every meeting, as secretariat unless its roster entry says chair;
 * - a chair account enters the meetings where its email is on the roster, in that role.
 */
import type { Database } from '../db/open.ts';
import type { Principal } from '../auth/sessions.ts';
import { findMeeting, findRosterEntryByUser } from './meeting-store.ts';
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

export async function resolveMeetingAccess(
  db: Database,
  principal: Principal,
  meetingId: string,
): Promise<MeetingAccess | undefined> {
  const { user, session } = principal;
  if (session.meetingId !== null && session.meetingId !== meetingId) return undefined;
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) return undefined;
  const base = { meetingId, userId: user.id, sessionId: session.id };
  if (session.meetingId !== null && meeting.displayUserId === user.id) {
    return { ...base, role: 'display', participantId: null, name: 'Room display' };
  }
  const entry = await findRosterEntryByUser(db, meetingId, user.id);
  const isSecretariatAccount = user.kind === 'staff' && user.staffRole === 'secretariat' && session.meetingId === null;
  if (isSecretariatAccount) {
    const role = entry && LEADING_ROLES.includes(entry.role as MeetingRole) ? (entry.role as MeetingRole) : 'secretariat';
    return { ...base, role, participantId: entry?.id ?? null, name: entry?.name ?? user.name };
  }
  if (!entry) return undefined;
  return { ...base, role: entry.role as MeetingRole, participantId: entry.id, name: entry.name };
}

/** Whether a role may set up the meeting (details, roster, agenda, links). */
export function canManageMeeting(role: MeetingAccessRole): boolean {
  return role === 'secretariat';
}
