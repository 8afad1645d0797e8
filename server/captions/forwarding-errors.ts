/** What a failed send to a caption destination means, in words (English; the console translates by code). */
import type { CaptionDestinationKind, ForwardingErrorCode } from '../../shared/caption-destinations.ts';

/** How an answer (or its absence) is classed: every one of them is retried with the same seq. */
export function classifyFailure(kind: CaptionDestinationKind, status: number | null, timedOut: boolean): ForwardingErrorCode {
  if (timedOut || status === 408) return 'timeout';
  if (status === null) return 'unreachable';
  // Zoom answers 400 until the host has started the meeting (and its captions).
  if (status === 400 && kind === 'zoom') return 'not-started';
  if (status === 401 || status === 403) return 'refused';
  if (status >= 500) return 'server-error';
  return 'rejected';
}

export function forwardingErrorMessage(code: ForwardingErrorCode, status: number | null, kind: CaptionDestinationKind = 'zoom'): string {
  switch (code) {
    case 'not-started':
      return 'Meeting not started yet: Zoom takes captions once the host has started the meeting. Retrying.';
    case 'refused':
      return kind === 'zoom'
        ? 'Zoom refused the API token (it may have expired, or the meeting was restarted): copy a new one from Zoom. Retrying.'
        : `The destination refused the address (HTTP ${status ?? '?'}): check it. Retrying.`;
    case 'rejected':
      return `The destination refused the caption (HTTP ${status ?? '?'}). Retrying.`;
    case 'timeout':
      return 'The destination did not answer in time. Retrying.';
    case 'server-error':
      return `The destination failed (HTTP ${status ?? '?'}). Retrying.`;
    case 'unreachable':
      return 'The destination cannot be reached. Retrying.';
  }
}
