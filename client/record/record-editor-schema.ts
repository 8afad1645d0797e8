/**
 * What the record's rich-text editor knows, and how it reads and writes the record's Markdown:
 * headings, paragraphs, bold and italic, numbered and bulleted lists, GFM pipe tables and
 * links. Nothing else is offered, so everything edited has a Markdown form the exports read
 * (server/record/record-tokens.ts). Used by the editor and by the round-trip test.
 */
import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { OrderedList } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { MarkdownManager } from '@tiptap/markdown';
import { safeHref } from '../../shared/safe-href.ts';

export function recordExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Underline has no Markdown form; code blocks and quotes are not part of a record.
      underline: false,
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
        isAllowedUri: (url) => safeHref(url) !== null,
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
      trailingNode: false,
      orderedList: false,
    }),
    // Numbered lists read by marked, as the exports read them, each item as a bulleted list's:
    // the editor's own reading puts the second of several bullets under a numbered paragraph
    // one level too deep, and loses the bold of a tight list's items.
    OrderedList.extend({
      markdownTokenizer: null as never,
      parseMarkdown: (token, helpers) => {
        if (token.type !== 'list' || token.ordered !== true) return [];
        const start = typeof token.start === 'number' ? token.start : 1;
        return {
          type: 'orderedList',
          ...(start === 1 ? {} : { attrs: { start } }),
          content: token.items ? helpers.parseChildren(token.items) : [],
        };
      },
    }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
  ];
}

/** Nested lists indented by four spaces, as the generated record writes them. */
export const RECORD_INDENTATION = { style: 'space', size: 4 } as const;

/** Reads and writes the record's Markdown as the editor does, without an editor (for tests and tools). */
export function recordMarkdownManager(): MarkdownManager {
  return new MarkdownManager({ extensions: recordExtensions(), indentation: RECORD_INDENTATION });
}
