/**
 * Prepared statements and slides: a file a speaker or presenter attaches to their queue entry or
 * presentation slot, for the interpreters, the captioners and the chair (rule S1 of SPEC.md).
 */

/** The largest file taken. */
export const STATEMENT_MAX_BYTES = 5 * 1024 * 1024;
export const STATEMENT_TYPES = ['application/pdf', 'text/plain'] as const;
export type StatementType = (typeof STATEMENT_TYPES)[number];

/** A statement as the live screens show it (its content comes from the file route). */
export interface StatementView {
  targetId: string;
  fileName: string;
  contentType: StatementType;
  size: number;
  uploadedAt: string;
}

/**
 * What the bytes are, by their first bytes and never by what the sender says: a PDF starts with
 * `%PDF-`; plain text is valid UTF-8 without control characters other than tab and line breaks.
 */
export function statementTypeOf(bytes: Uint8Array): StatementType | undefined {
  if (bytes.length === 0) return undefined;
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head === '%PDF-') return 'application/pdf';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? undefined : 'text/plain';
}
