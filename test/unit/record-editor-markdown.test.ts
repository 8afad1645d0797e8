/**
 * The record's rich-text editor reads and writes the record's Markdown: a generated record
 * opened and saved without change reads the same to every export (server/record/record-tokens.ts):
 * its headings, numbered paragraphs with their proposals, tables and links.
 */
import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { recordDirection } from '../../client/record/record-direction.ts';
import { recordExtensions, recordMarkdownManager } from '../../client/record/record-editor-schema.ts';
import { markdownBlocks, type Block } from '../../server/record/record-tokens.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { RECORD_LANGUAGES } from '../../shared/record/record-words.ts';
import { INJECTION, sampleRecord } from '../support/record-fixtures.ts';

const manager = recordMarkdownManager();
const schema = getSchema(recordExtensions());

/** What the editor does to a version opened and saved without change. */
function openAndSave(markdown: string): string {
  const document = Node.fromJSON(schema, manager.parse(markdown));
  document.check();
  return manager.serialize(document.toJSON());
}

const NOTES = [
  '',
  '## Notes from the secretariat',
  '',
  'See the [previous meeting](https://www.intgovforum.org/mag), *in italics*, a \\*star\\* and a \\| bar.',
  '',
  '| Document | Where |',
  '|---|---|',
  '| Terms of reference \\| draft | [online](https://www.intgovforum.org/tor) |',
  '',
].join('\n');

/** The sample record, with Markdown's own characters and raw HTML in an item's title. */
function generated() {
  const record = sampleRecord();
  record.items[0]!.title = `Agenda *as drafted* | ${INJECTION} #1 [a] 3. \\ _x_`;
  return record;
}

function kinds(blocks: Block[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'list' ? [`list:${block.ordered}`, ...block.items.flatMap(kinds)] : [block.kind]));
}

describe('a generated record opened in the editor and saved without change', () => {
  for (const language of RECORD_LANGUAGES) {
    it(`reads the same to the exports (${language})`, () => {
      const markdown = recordMarkdown(generated(), language) + NOTES;
      const saved = openAndSave(markdown);
      expect(markdownBlocks(saved)).toEqual(markdownBlocks(markdown));
      // Saving again changes nothing more.
      expect(openAndSave(saved)).toBe(saved);
    });
  }

  it('keeps the numbered paragraphs with their proposals, the tables and the links', () => {
    const blocks = markdownBlocks(openAndSave(recordMarkdown(generated()) + NOTES));
    const summary = blocks.find((block) => block.kind === 'list' && block.ordered);
    expect(summary?.kind === 'list' && summary.items.length).toBe(4);
    const second = summary?.kind === 'list' ? summary.items[1]! : [];
    const proposals = second.find((block) => block.kind === 'list');
    expect(proposals?.kind === 'list' && proposals.ordered).toBe(false);
    expect(proposals?.kind === 'list' && proposals.items.length).toBe(2);
    expect(kinds(blocks).filter((kind) => kind === 'table').length).toBe(7);
    const links = JSON.stringify(blocks).match(/"href":"[^"]+"/g);
    expect(links).toEqual(['"href":"https://www.intgovforum.org/mag"', '"href":"https://www.intgovforum.org/tor"']);
  });
});

describe('the direction the editor gives a record', () => {
  it('is right to left for an Arabic record, even with an English title, and left to right for the others', () => {
    expect(recordDirection(recordMarkdown(generated(), 'ar'))).toBe('rtl');
    for (const language of RECORD_LANGUAGES.filter((other) => other !== 'ar')) {
      expect(recordDirection(recordMarkdown(generated(), language))).toBe('ltr');
    }
    // Its status line edited away: most of its letters tell.
    expect(recordDirection('# المحضر\n\nاتُّفق على جدول الأعمال. Lynn St. Amour')).toBe('rtl');
    expect(recordDirection('')).toBe('ltr');
  });
});
