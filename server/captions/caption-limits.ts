/**
 * Limits on caption posts that nobody can turn against the real captioning software:
 * the token is checked first; accepted posts are counted per caption token; refused posts
 * (wrong token, unknown meeting, unreadable address) are counted per client address, and
 * beyond that an address is answered 429 — a valid token from anywhere still gets in.
 */
import { createHash } from 'node:crypto';
import { HttpError } from '../http/errors.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { KeyedWindows } from '../limits/rate-limiter.ts';

/** Refused caption posts (or caption-socket handshakes) one address may make per minute. */
export const FAILED_CAPTION_POSTS_PER_MINUTE = 30;

const tokenKey = (meetingId: string, token: string) => createHash('sha256').update(`${meetingId}\n${token}`).digest('base64url');

export const retryAfterHeader = (ms: number) => ({ 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) });

export class CaptionPostLimits {
  readonly #failures: LoginThrottle;
  readonly #accepted: KeyedWindows;

  constructor(postsPerMinute: number, now: () => number = Date.now) {
    this.#failures = new LoginThrottle({ maxFailures: FAILED_CAPTION_POSTS_PER_MINUTE, windowMs: 60_000 }, now);
    this.#accepted = new KeyedWindows(postsPerMinute, 60_000, now);
  }

  /**
   * A refused post from `address`: counted, and once the address has used up its refusals the
   * answer becomes 429 with Retry-After (and is no longer counted, so the block ends on time).
   */
  refused(address: string, refusal: HttpError): HttpError {
    const waitMs = this.#failures.retryAfterMs(address);
    if (waitMs > 0) {
      return new HttpError(
        429,
        'Too many refused caption posts from this address. Check the caption URL and try again later.',
        [],
        retryAfterHeader(waitMs),
      );
    }
    this.#failures.recordFailure(address);
    return refusal;
  }

  /** Whether this address has used up its refusals (for a handshake that cannot carry a 429). */
  blocked(address: string): boolean {
    return this.#failures.retryAfterMs(address) > 0;
  }

  /** Counts one refusal for this address. */
  countRefusal(address: string): void {
    this.#failures.recordFailure(address);
  }

  /** An accepted post with a valid token: throws 429 beyond the token's posts per minute. */
  accept(meetingId: string, token: string): void {
    const waitMs = this.#accepted.take(tokenKey(meetingId, token));
    if (waitMs > 0) {
      throw new HttpError(429, 'Captions are arriving too fast for this caption URL; slow down.', [], retryAfterHeader(waitMs));
    }
  }
}
