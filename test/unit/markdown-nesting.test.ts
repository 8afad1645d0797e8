import { describe, expect, it } from 'vitest';
import { limitNesting, MARKDOWN_NESTING_MAX, markdownNesting } from '../../shared/record/markdown-nesting.ts';
import { renderMarkdown } from '../../client/record/render-markdown.ts';

describe('Markdown nesting', () => {
  it('counts quotes, list markers and indentation under them', () => {
    expect(markdownNesting('plain\n\n> quoted')).toBe(1);
    expect(markdownNesting('- a\n    - b\n        > c')).toBe(3);
    expect(markdownNesting(`${'> '.repeat(30)}x`)).toBe(30);
  });

  it('leaves Markdown within the limit as it is, and cuts deeper lines to the limit, keeping their text', () => {
    const within = `# Title\n\n${'> '.repeat(MARKDOWN_NESTING_MAX)}deep enough\n\n- a\n  - b`;
    expect(limitNesting(within)).toBe(within);
    const deep = `intro\n${'> '.repeat(10_000)}very deep\n${'- '.repeat(100)}listed`;
    const limited = limitNesting(deep);
    expect(markdownNesting(limited)).toBe(MARKDOWN_NESTING_MAX);
    expect(limited.split('\n')).toEqual([
      'intro',
      `${'> '.repeat(MARKDOWN_NESTING_MAX)}very deep`,
      `${'- '.repeat(MARKDOWN_NESTING_MAX)}listed`,
    ]);
  });

  it('lets the record page render a stored version nested ten thousand levels deep', () => {
    const html = renderMarkdown(`${'>'.repeat(10_000)} still here`);
    expect(html).toContain('still here');
    expect(html.match(/<blockquote>/g)).toHaveLength(MARKDOWN_NESTING_MAX);
  });
});
