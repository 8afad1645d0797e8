/**
 * A page loaded before the server was updated speaks an older protocol: it reloads itself to
 * get the new one, once. A flag in sessionStorage (this tab only) stops a reload loop when
 * the reload brings back the same page (a stale cache); entering a meeting clears it.
 */
const RELOADED_KEY = 'equalfloor.outdated-reload';

/** Reloads the page unless it was just reloaded for this; answers whether it did. */
export function reloadOnceWhenOutdated(): boolean {
  try {
    if (sessionStorage.getItem(RELOADED_KEY) !== null) return false;
    sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
  } catch {
    // No storage (private mode, blocked): no guard, so no reload either.
    return false;
  }
  location.reload();
  return true;
}

/** This page speaks the server's protocol: a later update may reload it again. */
export function clearOutdatedReload(): void {
  try {
    sessionStorage.removeItem(RELOADED_KEY);
  } catch {
    // Nothing was stored.
  }
}
