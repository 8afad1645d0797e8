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

/** Letters and digits that cannot be mistaken for each other when read off a screen or typed. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short code to type by hand (`K7QX2M`): 6 characters, 30 bits. */
export function newShortCode(length = 6): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}
