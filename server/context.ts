/** What every route and socket handler is given: the database, settings and shared services. */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/open.ts';
import type { SessionStore } from './auth/sessions.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { AllowedOrigins } from './http/origins.ts';
import type { MeetingRooms } from './live/meeting-rooms.ts';

export interface AppContext {
  config: Config;
  db: Database;
  sessions: SessionStore;
  /**
   * Failed sign-ins counted per email and address together (few allowed), and per address
   * overall (more: many people share one NAT). Never per email alone: a stranger guessing
   * from elsewhere cannot lock the owner out.
   */
  loginThrottle: { byEmailAndAddress: LoginThrottle; byAddress: LoginThrottle };
  origins: AllowedOrigins;
  log: FastifyBaseLogger;
  /** The live meetings of this process. */
  rooms: MeetingRooms;
  /** Ends live connections of sessions that were just ended (logout, revoked link). */
  disconnectSessions(sessionIds: string[], reason: string): void;
  /**
   * Access to a meeting may have changed (for these users, or everyone: null): every process
   * judges its open connections of the meeting again; resolves once this process's are judged.
   */
  accessChanged(meetingId: string, userIds: string[] | null, reason: string): Promise<void>;
}
