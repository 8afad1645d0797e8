/**
 * Caption destinations: where a meeting's finished caption lines are forwarded (a Zoom
 * closed-caption API token URL, a YouTube Live ingestion URL, or a generic URL taking Zoom's
 * shape), one caption channel each, and what the secretariat sees of each one. A destination's
 * URL is a secret: it is shown masked.
 */
import * as v from 'valibot';
import { StorableText } from './storable.ts';
import { CaptionChannelSchema, FLOOR_CHANNEL, type CaptionChannel } from './caption-channels.ts';

export const CAPTION_DESTINATION_KINDS = ['zoom', 'youtube', 'generic'] as const;
export type CaptionDestinationKind = (typeof CAPTION_DESTINATION_KINDS)[number];
/** The kinds the secretariat can add. */
export const ADDABLE_DESTINATION_KINDS = ['zoom', 'youtube', 'generic'] as const;
/** Destinations one meeting may have. */
export const MAX_DESTINATIONS_PER_MEETING = 10;
const MAX_URL_LENGTH = 2_000;

/** Why the last send failed, for the console to say in the reader's language; `message` says it in English. */
export type ForwardingErrorCode = 'not-started' | 'refused' | 'rejected' | 'timeout' | 'server-error' | 'unreachable';

export interface CaptionDestinationView {
  id: string;
  kind: CaptionDestinationKind;
  /** The one caption channel it is sent. */
  channel: CaptionChannel;
  /** The URL with its secret parts hidden: scheme, host and path, and the query's names only. */
  maskedUrl: string;
  createdAt: string;
  /** The last destination seq the destination accepted (0 before the first). */
  lastAcceptedSeq: number;
  /** Lines stored and not yet accepted by the destination. */
  pending: number;
  /** When the oldest of them was stored: how far behind the destination is while it refuses or cannot be reached. */
  oldestPendingAt: string | null;
  /** From a line's storage to its acceptance, for the last line accepted. */
  lagMs: number | null;
  lastSentAt: string | null;
  lastError: { code: ForwardingErrorCode; status: number | null; message: string; at: string } | null;
}

/** What the captioner's console shows of each destination: no id, no dates, the URL masked. */
export type CaptionForwardingView = Pick<
  CaptionDestinationView,
  'kind' | 'channel' | 'maskedUrl' | 'lastAcceptedSeq' | 'pending' | 'lagMs' | 'lastError'
>;

/** Whether `url` has the shape of a Zoom closed-caption API token URL (`…/closedcaption?id=…&signature=…`). */
export function isZoomCaptionUrl(url: URL): boolean {
  return /\/closedcaption\/?$/.test(url.pathname) && url.searchParams.has('id') && url.searchParams.has('signature');
}

/** Whether `url` has the shape of a YouTube Live closed-caption ingestion URL (`…/closedcaption?cid=…`). */
export function isYouTubeCaptionUrl(url: URL): boolean {
  return /\/closedcaption\/?$/.test(url.pathname) && (url.searchParams.get('cid') ?? '') !== '';
}

function parsedUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const DestinationUrl = v.pipe(
  StorableText,
  v.trim(),
  v.maxLength(MAX_URL_LENGTH, 'is too long'),
  v.check((text) => parsedUrl(text) !== undefined, 'must be an https:// or http:// address'),
  v.check((text) => {
    const url = parsedUrl(text);
    // seq and lang are added to each post; credentials in the address would be sent to wherever it points.
    return url !== undefined && !url.searchParams.has('seq') && url.username === '' && url.password === '';
  }, 'must not carry seq or a user name and password'),
);

export const CaptionDestinationSchema = v.pipe(
  v.strictObject({
    kind: v.picklist(ADDABLE_DESTINATION_KINDS, `must be one of ${ADDABLE_DESTINATION_KINDS.join(', ')}`),
    url: DestinationUrl,
    channel: v.optional(CaptionChannelSchema, FLOOR_CHANNEL),
  }),
  v.forward(
    v.check(
      (input) => input.kind !== 'zoom' || isZoomCaptionUrl(new URL(input.url)),
      "must be the API token URL copied from Zoom's closed captioning settings (…/closedcaption?id=…&signature=…)",
    ),
    ['url'],
  ),
  v.forward(
    v.check(
      (input) => input.kind !== 'youtube' || isYouTubeCaptionUrl(new URL(input.url)),
      "must be the ingestion URL copied from YouTube Live's closed captions settings (…/closedcaption?cid=…)",
    ),
    ['url'],
  ),
);

/** What anyone but the secretariat's own request sees of a URL: `https://wmcc.zoom.us/closedcaption?id=…&signature=…`. */
export function maskUrl(text: string): string {
  const url = parsedUrl(text);
  if (!url) return '…';
  const names = [...new Set(url.searchParams.keys())].map((name) => `${name}=…`).join('&');
  return `${url.protocol}//${url.host}${url.pathname}${names ? `?${names}` : ''}`;
}
