/**
 * All session handling lives here (lucia v3), so it can follow lucia's session guide later
 * without touching callers. A session belongs to a user; a guest session (join link,
 * room display) is also bound to one meeting.
 */
import { DrizzlePostgreSQLAdapter } from '@lucia-auth/adapter-drizzle';
import { Lucia, TimeSpan, type Session, type User } from 'lucia';
import type { Database } from '../db/open.ts';
import { sessions, users } from '../db/schema.ts';

export const SESSION_COOKIE = 'ef_session';

export function createSessionStore(db: Database, options: { secureCookies: boolean }) {
  const adapter = new DrizzlePostgreSQLAdapter(db as never, sessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(14, 'd'),
    sessionCookie: {
      name: SESSION_COOKIE,
      attributes: { sameSite: 'lax', secure: options.secureCookies },
    },
    getSessionAttributes: (attributes) => ({ meetingId: attributes.meetingId }),
    getUserAttributes: (attributes) => ({
      kind: attributes.kind,
      name: attributes.name,
      email: attributes.email,
      staffRole: attributes.staffRole,
    }),
  });
}

export type SessionStore = ReturnType<typeof createSessionStore>;
export type { Session, User };

declare module 'lucia' {
  interface Register {
    Lucia: SessionStore;
    DatabaseSessionAttributes: { meetingId: string | null };
    DatabaseUserAttributes: {
      kind: 'staff' | 'guest';
      name: string;
      email: string | null;
      staffRole: 'secretariat' | 'chair' | null;
    };
  }
}

/** Who is behind a request or a socket, once their session cookie checks out. */
export interface Principal {
  user: User;
  session: Session;
}

export async function principalFromCookieHeader(store: SessionStore, cookieHeader: string | undefined): Promise<Principal | undefined> {
  const sessionId = store.readSessionCookie(cookieHeader ?? '');
  if (!sessionId) return undefined;
  const { user, session } = await store.validateSession(sessionId);
  return user && session ? { user, session } : undefined;
}
