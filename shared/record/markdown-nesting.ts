/**
 * How deeply a record's Markdown nests quotes and lists. A saved version may nest at most
 * MARKDOWN_NESTING_MAX levels, so that no renderer (HTML, PDF, DOCX, the record page) meets
 * thousands of levels.
 */
export const MARKDOWN_NESTING_MAX = 20;

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** A line's nesting: the pieces of its prefix (indentation, `>`, list markers), each with the levels it opens, and its text. */
function lineNesting(line: string): { prefix: { text: string; levels: number }[]; text: string } {
  const prefix: { text: string; levels: number }[] = [];
  let rest = line;
  for (;;) {
    const indent = /^[ \t]*/.exec(rest)![0];
    // Indentation by 4 columns (or a tab) under a list item or quote opens a further level.
    if (indent !== '') prefix.push({ text: indent, levels: Math.floor(indent.replace(/\t/g, '    ').length / 4) });
    rest = rest.slice(indent.length);
    const marker = rest.startsWith('>') ? '>' : LIST_MARKER.exec(rest)?.[0];
    if (marker === undefined) return { prefix, text: rest };
    prefix.push({ text: marker, levels: 1 });
    rest = rest.slice(marker.length);
  }
}

const depthOf = (prefix: readonly { levels: number }[]) => prefix.reduce((depth, piece) => depth + piece.levels, 0);

/** The deepest nesting of block quotes (`>`) and list items (markers and indentation) on any line. */
export function markdownNesting(markdown: string): number {
  let deepest = 0;
  for (const line of markdown.split('\n')) deepest = Math.max(deepest, depthOf(lineNesting(line).prefix));
  return deepest;
}

/**
 * The Markdown with every line nested at most `max` levels deep: the levels beyond are dropped
 * and their text kept. Renderers read stored records through it, so a version saved before the
 * limit existed (or imported) renders whatever it holds, without unbounded recursion.
 */
export function limitNesting(markdown: string, max = MARKDOWN_NESTING_MAX): string {
  if (markdownNesting(markdown) <= max) return markdown;
  return markdown
    .split('\n')
    .map((line) => {
      const { prefix, text } = lineNesting(line);
      if (depthOf(prefix) <= max) return line;
      let depth = 0;
      let kept = '';
      for (const piece of prefix) {
        if (depth + piece.levels > max) break;
        depth += piece.levels;
        kept += piece.text;
      }
      return `${kept}${kept === '' || /\s$/.test(kept) ? '' : ' '}${text}`;
    })
    .join('\n');
}
