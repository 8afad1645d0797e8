/** Links people wrote, kept only when they lead to the web or to an email address. */

/** What a link in a record or a chat message may lead to. */
export const LINK_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:'];
/** Web pages only: what is linked in proposals and positions. */
export const WEB_PROTOCOLS: readonly string[] = ['http:', 'https:'];

/** The link target, normalised, when its protocol is one of `protocols`; otherwise null. */
export function safeHref(href: string, protocols: readonly string[] = LINK_PROTOCOLS): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || /\p{Cc}/u.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!protocols.includes(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return url.href;
}
