/** What the secretariat may give as a caption destination, how its secret URL is shown, and where each post goes. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CaptionDestinationSchema, maskUrl } from '../../shared/caption-destinations.ts';
import { postUrl, seqUrl } from '../../server/captions/caption-forwarder.ts';
import { classifyFailure, forwardingErrorMessage } from '../../server/captions/forwarding-errors.ts';

const ZOOM = 'https://wmcc.zoom.us/closedcaption?id=200610693&ns=GZHkEA==&expire=86400&spparams=id%2Cns%2Cexpire&signature=nYtXJqRKCW';
const accepts = (input: unknown) => v.safeParse(CaptionDestinationSchema, input).success;

describe('caption destinations', () => {
  it('takes a Zoom API token URL for Zoom, and any http(s) address for the generic shape', () => {
    expect(accepts({ kind: 'zoom', url: ZOOM })).toBe(true);
    expect(accepts({ kind: 'zoom', url: `  ${ZOOM}  ` })).toBe(true);
    expect(accepts({ kind: 'generic', url: 'http://captions.example.org/in?key=abc' })).toBe(true);
  });

  it("takes a YouTube ingestion URL for YouTube, and one caption channel, the floor's unless said", () => {
    const youTube = v.parse(CaptionDestinationSchema, { kind: 'youtube', url: 'http://upload.youtube.com/closedcaption?cid=ab-cd-ef' });
    expect(youTube).toEqual({ kind: 'youtube', url: 'http://upload.youtube.com/closedcaption?cid=ab-cd-ef', channel: 'floor' });
    expect(v.parse(CaptionDestinationSchema, { kind: 'zoom', url: ZOOM, channel: 'ar' }).channel).toBe('ar');
    expect(maskUrl(youTube.url)).toBe('http://upload.youtube.com/closedcaption?cid=…');
  });

  it('refuses what is not one', () => {
    expect(accepts({ kind: 'zoom', url: 'https://wmcc.zoom.us/closedcaption?id=1' })).toBe(false);
    expect(accepts({ kind: 'zoom', url: 'https://example.org/captions?id=1&signature=x' })).toBe(false);
    expect(accepts({ kind: 'generic', url: 'ftp://example.org/closedcaption' })).toBe(false);
    expect(accepts({ kind: 'generic', url: 'javascript:alert(1)' })).toBe(false);
    expect(accepts({ kind: 'generic', url: 'not a url' })).toBe(false);
    expect(accepts({ kind: 'zoom', url: `${ZOOM}&seq=4` })).toBe(false);
    expect(accepts({ kind: 'generic', url: 'https://user:secret@example.org/in' })).toBe(false);
    expect(accepts({ kind: 'generic', url: `https://example.org/${'a'.repeat(2_100)}` })).toBe(false);
    expect(accepts({ kind: 'youtube', url: 'https://upload.youtube.com/closedcaption?id=abc' })).toBe(false);
    expect(accepts({ kind: 'youtube', url: 'https://upload.youtube.com/closedcaption?cid=' })).toBe(false);
    expect(accepts({ kind: 'youtube', url: 'https://upload.youtube.com/captions?cid=abc' })).toBe(false);
    expect(accepts({ kind: 'youtube', url: 'https://upload.youtube.com/closedcaption?cid=abc&seq=1' })).toBe(false);
    expect(accepts({ kind: 'zoom', url: ZOOM, channel: 'de' })).toBe(false);
    expect(accepts({ kind: 'zoom', url: ZOOM, extra: 1 })).toBe(false);
  });

  it('shows the URL without its secrets', () => {
    const masked = maskUrl(ZOOM);
    expect(masked).toBe('https://wmcc.zoom.us/closedcaption?id=…&ns=…&expire=…&spparams=…&signature=…');
    expect(masked).not.toContain('nYtXJqRKCW');
    expect(maskUrl('https://example.org/in')).toBe('https://example.org/in');
  });

  it("posts to the token URL with seq and lang appended, and asks Zoom's last seq at …/closedcaption/seq", () => {
    const post = new URL(postUrl(ZOOM, 7, 'fr-FR'));
    expect(post.pathname).toBe('/closedcaption');
    expect(post.searchParams.get('signature')).toBe('nYtXJqRKCW');
    expect(post.searchParams.get('seq')).toBe('7');
    expect(post.searchParams.get('lang')).toBe('fr-FR');
    expect(new URL(postUrl(ZOOM, 8, null)).searchParams.get('lang')).toBe('en-US');
    expect(new URL(postUrl(ZOOM, 8, 'not a language!')).searchParams.get('lang')).toBe('en-US');
    const seq = new URL(seqUrl(ZOOM));
    expect(seq.pathname).toBe('/closedcaption/seq');
    expect(seq.searchParams.get('id')).toBe('200610693');
  });

  it("says in words why a send failed: Zoom's 400 is a meeting not started yet", () => {
    expect(classifyFailure('zoom', 400, false)).toBe('not-started');
    expect(forwardingErrorMessage('not-started', 400)).toMatch(/not started yet/);
    expect(classifyFailure('generic', 400, false)).toBe('rejected');
    expect(classifyFailure('zoom', 403, false)).toBe('refused');
    expect(classifyFailure('zoom', 405, false)).toBe('rejected');
    expect(classifyFailure('zoom', 408, false)).toBe('timeout');
    expect(classifyFailure('zoom', null, true)).toBe('timeout');
    expect(classifyFailure('zoom', 503, false)).toBe('server-error');
    expect(classifyFailure('zoom', null, false)).toBe('unreachable');
    expect(forwardingErrorMessage('server-error', 503)).toContain('503');
  });
});
