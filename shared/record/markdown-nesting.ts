/**
 * How deeply a record's Markdown nests quotes and lists. A saved version may nest at most
 * MARKDOWN_NESTING_MAX levels, so that no renderer (HTML, PDF, DOCX, the record page) meets
 * thousands of levels.
 */
export const MARKDOWN_NESTING_MAX = 20;

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** The deepest nesting of block quotes (`>`) and list items (markers and indentation) on any line. */
export function markdownNesting(markdown: string): number {
  let deepest = 0;
  for (const line of markdown.split('\n')) {
    let depth = 0;
    let rest = line;
    for (;;) {
      const indent = /^[ \t]*/.exec(rest)![0];
      // Indentation by 2 or more spaces (or a tab) under a list item opens a further level.
      depth += Math.floor(indent.replace(/\t/g, '    ').length / 4);
      rest = rest.slice(indent.length);
      if (rest.startsWith('>')) {
        depth++;
        rest = rest.slice(1);
        continue;
      }
      const marker = LIST_MARKER.exec(rest);
      if (marker) {
        depth++;
        rest = rest.slice(marker[0].length);
        continue;
      }
      break;
    }
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}
