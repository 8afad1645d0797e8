/**
 * The meeting record's Markdown as HTML for the browser (the record page's preview, the
 * shared record on the meeting page), rendered safely, with the same rules as the exports
 * (server/record/record-tokens.ts):
 * - raw HTML in the Markdown, inline or block, is shown as text, never run;
 * - links keep their target only when it is http, https or mailto; others become their text;
 * - images become their alt text: nothing is fetched from elsewhere.
 * Everything else marked writes escapes its text. Load this module lazily: marked is large,
 * and only these two views need it.
 */
import { Marked } from 'marked';
import { safeHref } from '../../shared/safe-href.ts';
import { own } from '../../shared/own.ts';
import { limitNesting } from '../../shared/record/markdown-nesting.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put into HTML, in an element or in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character references in a link target, decoded as CommonMark says, before its protocol is checked. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return own(NAMED_ENTITIES, body) ?? whole;
  });
}

/** Where a Markdown link leads (entities decoded), when it is http, https or mailto; otherwise null. */
export function linkTarget(href: string): string | null {
  return safeHref(decodeEntities(href));
}

const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    // Raw HTML is shown as the text it is: a block of it as a paragraph of its own.
    html({ text, block }) {
      return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens);
      const target = linkTarget(href);
      if (target === null) return inner;
      const titled = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(target)}"${titled} rel="noopener noreferrer nofollow">${inner}</a>`;
    },
    image({ text }) {
      return escapeHtml(text);
    },
  },
});

/** The Markdown as safe HTML, nested no deeper than a saved version may be. */
export function renderMarkdown(source: string): string {
  return markdown.parse(limitNesting(source), { async: false });
}
