/**
 * Who this browser is signed in as (GET /api/me), loaded once and shared by the pages
 * that need it. Participant pages do not use it: their own answers say who they are.
 */
import type { Me } from '../../shared/api.ts';
import { ROUTES } from '../../shared/http/route-paths.ts';
import { ApiRequestError, call } from '../http/api.ts';
import { router } from './router.svelte.ts';

/** Remembered across tabs so that opening a join link can warn before it replaces a staff session. */
const STAFF_FLAG = 'equalfloor.staff-signed-in';

class Session {
  me = $state<Me | undefined>(undefined);
  /** Where to go after signing in, when a staff page sent the visitor to /signin. */
  returnTo: string | undefined;
  #loading: Promise<Me> | undefined;

  /** The current identity; asks the server once unless `fresh` is true. */
  load(fresh = false): Promise<Me> {
    if (this.me && !fresh) return Promise.resolve(this.me);
    if (!this.#loading || fresh) {
      this.#loading = call(ROUTES.me).then(
        (me) => {
          this.set(me);
          return me;
        },
        (error: unknown) => {
          this.#loading = undefined;
          throw error;
        },
      );
    }
    return this.#loading;
  }

  set(me: Me): void {
    this.me = me;
    this.#loading = Promise.resolve(me);
    try {
      if (me.kind === 'staff') localStorage.setItem(STAFF_FLAG, '1');
      else localStorage.removeItem(STAFF_FLAG);
    } catch {
      // Storage may be unavailable (private mode); the warning is a courtesy only.
    }
  }

  /** A link opened in this browser has replaced whatever session it had. */
  forget(): void {
    this.me = undefined;
    this.#loading = undefined;
    try {
      localStorage.removeItem(STAFF_FLAG);
    } catch {
      // See `set`.
    }
  }

  async signOut(): Promise<void> {
    await call(ROUTES.logout);
    this.set({ kind: 'anonymous', setupPending: false });
  }
}

export const session = new Session();

/** Whether this browser was last seen signed in with a staff account. */
export function wasSignedInAsStaff(): boolean {
  try {
    return localStorage.getItem(STAFF_FLAG) === '1';
  } catch {
    return false;
  }
}

/** A staff account as /api/me, /api/auth/login and /api/setup give it. */
export type StaffUser = Extract<Me, { kind: 'staff' }>['user'];

/**
 * When a staff request answers 401 (the session expired or was ended elsewhere), go to the
 * sign-in page and come back here afterwards. Returns whether it did.
 */
export function signInAgainIfSignedOut(error: unknown): boolean {
  if (!(error instanceof ApiRequestError) || error.status !== 401) return false;
  session.set({ kind: 'anonymous', setupPending: false });
  session.returnTo = router.path;
  router.navigate('/signin', { replace: true });
  return true;
}
