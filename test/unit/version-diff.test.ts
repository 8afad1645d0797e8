/** Two versions of the record compared: paragraphs aligned, the words that changed marked. */
import { describe, expect, it } from 'vitest';
import { compareVersions, paragraphs, type Piece } from '../../client/record/version-diff.ts';
import { recordMarkdownManager } from '../../client/record/record-editor-schema.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { sampleRecord } from '../support/record-fixtures.ts';

const marked = (pieces: Piece[] | null, change: Piece['change']) =>
  (pieces ?? []).filter((piece) => piece.change === change).map((piece) => piece.text.trim());

describe('comparing two versions', () => {
  const before = recordMarkdown(sampleRecord());

  it('finds nothing changed between a generated record and the editor’s writing of it', () => {
    const manager = recordMarkdownManager();
    const saved = manager.serialize(manager.parse(before));
    expect(saved).not.toBe(before);
    expect(compareVersions(before, saved).filter((row) => row.changed)).toEqual([]);
  });

  it('marks the words deleted and inserted in a rewritten paragraph, and a table cell changed', () => {
    const after = before
      .replace('Decision: agreed — The agenda was adopted.', 'Decision: agreed — The agenda was approved as amended.')
      .replace('| Chair | Lynn St. Amour |', '| Chair | Lynn St. Amour and Flávio Wagner |')
      .replace('## Annex I – Agenda', '## Notes\n\nA paragraph added.\n\n## Annex I – Agenda');
    const rows = compareVersions(before, after);
    const changed = rows.filter((row) => row.changed);
    expect(changed.map((row) => row.kind)).toEqual(['row', 'numbered', 'heading', 'paragraph']);
    const [cell, paragraph, heading, added] = changed;
    expect(marked(cell!.after, 'inserted')).toEqual(['and Flávio Wagner']);
    expect(marked(cell!.before, 'deleted')).toEqual([]);
    expect(marked(paragraph!.before, 'deleted')).toEqual(['adopted']);
    expect(marked(paragraph!.after, 'inserted')).toEqual(['approved as amended']);
    expect(paragraph!.after!.map((piece) => piece.text).join('')).toMatch(/^1\. Item 1 – Adoption of agenda/);
    expect(paragraph!.inline.filter((piece) => piece.change).map((piece) => `${piece.change}:${piece.text.trim()}`)).toEqual([
      'deleted:adopted',
      'inserted:approved as amended',
    ]);
    expect(heading!.before).toBeNull();
    expect(added!.after).toEqual([{ text: 'A paragraph added.', change: 'inserted' }]);
    // Every other paragraph of version 1 is aligned with itself.
    expect(rows.length - changed.length).toBe(paragraphs(before).length - 2);
  });

  it('reads paragraphs as people see them: marks dropped, escapes undone, raw HTML as text', () => {
    expect(paragraphs('1. **Item 1 \\* x** <b>raw</b> [link](https://e.org)\n    - **A** — a\n\n| a \\| b | c |\n|---|---|\n')).toEqual([
      { kind: 'numbered', level: 0, text: '1. Item 1 * x <b>raw</b> link' },
      { kind: 'bullet', level: 1, text: 'A — a' },
      { kind: 'row', level: 0, text: 'a | b | c' },
    ]);
  });
});
