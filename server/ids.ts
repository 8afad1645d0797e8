/** Identifiers and secrets. */
import { createHash, randomBytes } from 'node:crypto';

/** A random id with a readable prefix (`m_…` a meeting, `r_…` a roster entry). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** An unguessable link token: 256 bits, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
