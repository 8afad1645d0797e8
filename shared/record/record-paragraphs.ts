/**
 * The numbered paragraphs of a record's Markdown, as participants correct them: the blocks
 * between blank lines, numbered from 1 in order. A correction replaces one block's text.
 */

/** The text's paragraphs, in order (blank lines between them dropped, each trimmed at its end). */
export function paragraphsOf(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\s+$/g, ''))
    .filter((block) => block.length > 0);
}

/** The text with paragraph `number` (from 1) replaced; undefined when it has no such paragraph. */
export function withParagraph(markdown: string, number: number, text: string): string | undefined {
  const paragraphs = paragraphsOf(markdown);
  if (number < 1 || number > paragraphs.length) return undefined;
  paragraphs[number - 1] = text.replace(/\r\n?/g, '\n').trim();
  return paragraphs.join('\n\n') + '\n';
}

/**
 * Where a paragraph as circulated is now: its own number when it still reads the same, else the
 * first paragraph that does; undefined when it has changed since (it was edited or corrected).
 */
export function findParagraph(markdown: string, number: number, original: string): number | undefined {
  const paragraphs = paragraphsOf(markdown);
  if (paragraphs[number - 1] === original) return number;
  const index = paragraphs.indexOf(original);
  return index === -1 ? undefined : index + 1;
}
