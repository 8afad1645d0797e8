import { describe, expect, it } from 'vitest';
import { linkTarget, renderMarkdown } from '../../client/record/render-markdown.ts';
import { safeHref, WEB_PROTOCOLS } from '../../shared/safe-href.ts';

describe('renderMarkdown', () => {
  it('renders the Markdown of a record: headings, emphasis, lists, tables', () => {
    const html = renderMarkdown('# MAG III\n\n**Summary** — Draft\n\n1. **Item 1** adopted.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<h1>MAG III</h1>');
    expect(html).toContain('<strong>Summary</strong>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<td>1</td>');
  });

  it('shows raw HTML as text, inline and in blocks', () => {
    const html = renderMarkdown(
      'Hello <b onclick="x()">there</b>\n\n<div>\n<script>alert(1)</script>\n</div>\n\n<img src=x onerror=alert(1)>',
    );
    expect(html).not.toMatch(/<(b|div|script|img)[\s>]/);
    expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;there&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps http, https and mailto links only; others become their text', () => {
    const html = renderMarkdown(
      '[a](https://www.intgovforum.org/) [b](mailto:mag@example.org) [c](javascript:alert(1)) [d](jav&#x61;script:alert(1)) [e](data:text/html,hi) [f](/relative) <https://auto.example.org>',
    );
    expect(html).toContain('<a href="https://www.intgovforum.org/" rel="noopener noreferrer nofollow">a</a>');
    expect(html).toContain('<a href="mailto:mag@example.org" rel="noopener noreferrer nofollow">b</a>');
    expect(html).toContain('<a href="https://auto.example.org/"');
    expect(html.match(/<a /g)).toHaveLength(3);
    for (const text of [' c ', ' d ', ' e ', ' f ']) expect(html).toContain(text);
    expect(html).not.toMatch(/javascript|data:/i);
  });

  it('never fetches images: they become their alt text', () => {
    const html = renderMarkdown('![Room photo <x>](https://example.org/photo.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('Room photo &lt;x&gt;');
  });

  it('escapes link titles and code', () => {
    const html = renderMarkdown('[t](https://example.org "a\\"><script>") `<code>`');
    expect(html).toContain('title="a&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('<code>&lt;code&gt;</code>');
  });
});

describe('links', () => {
  it('decodes character references in a Markdown link before checking the protocol', () => {
    expect(linkTarget('https://example.org/?a=1&amp;b=2')).toBe('https://example.org/?a=1&b=2');
    expect(linkTarget('jav&#x61;script:alert(1)')).toBeNull();
    expect(linkTarget('java\nscript:alert(1)')).toBeNull();
    expect(linkTarget('https://')).toBeNull();
  });

  it('keeps web and mail links, and web links only where asked', () => {
    expect(safeHref('mailto:secretariat@example.org')).toBe('mailto:secretariat@example.org');
    expect(safeHref('mailto:secretariat@example.org', WEB_PROTOCOLS)).toBeNull();
    expect(safeHref(' https://igf.example/bpf ', WEB_PROTOCOLS)).toBe('https://igf.example/bpf');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull();
  });
});
