/**
 * Two versions of the record compared paragraph by paragraph, then word by word (jsdiff): each
 * line of the record's Markdown (a heading, a numbered paragraph, a bullet, a table row) is a
 * paragraph, read as the text people see (no Markdown marks). Paragraphs are aligned by a
 * line diff; a run of removed paragraphs facing a run of added ones is paired one with one
 * and compared word by word, the rest are wholly deleted or inserted.
 */
import { diffArrays, diffWords } from 'diff';
import { Lexer, type Token } from 'marked';

export type ParagraphKind = 'heading' | 'numbered' | 'bullet' | 'row' | 'paragraph';

export interface Paragraph {
  kind: ParagraphKind;
  /** Heading level (1–6) or list depth (0 at the margin). */
  level: number;
  /** What the paragraph reads, with its number ("1. ") for a numbered one and cells joined by " | " for a table row. */
  text: string;
}

export interface Piece {
  text: string;
  change?: 'deleted' | 'inserted';
}

export interface ComparedRow {
  kind: ParagraphKind;
  level: number;
  /** The paragraph in the earlier version, null when it was inserted. */
  before: Piece[] | null;
  /** The paragraph in the later version, null when it was deleted. */
  after: Piece[] | null;
  /** Both in one, for one column: the words kept, deleted and inserted in the order they come. */
  inline: Piece[];
  changed: boolean;
}

/** The text a run of inline Markdown reads: marks dropped, escapes undone, raw HTML kept as text. */
function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      if ('tokens' in token && token.tokens && token.tokens.length > 0) return inlineText(token.tokens);
      if (token.type === 'br') return ' ';
      return 'text' in token && typeof token.text === 'string' ? token.text : token.raw;
    })
    .join('');
}

function readInline(markdown: string): string {
  return inlineText(Lexer.lexInline(markdown, { gfm: true }))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The cells of a pipe-table row (an escaped bar stays in its cell). */
function cells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => readInline(cell.trim()));
}

/** The record's Markdown as paragraphs, one a line; blank lines and table rules left out. */
export function paragraphs(markdown: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const indent = line.match(/^ */)![0].length;
    // Four spaces a level, as the editor writes nested lists (the agenda annex indents by three).
    const level = Math.ceil(indent / 4);
    const body = line.trim();
    let match: RegExpMatchArray | null;
    if ((match = body.match(/^(#{1,6})\s+(.*)$/))) out.push({ kind: 'heading', level: match[1]!.length, text: readInline(match[2]!) });
    else if (/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(body)) continue;
    else if (body.startsWith('|')) {
      // A key–value table's empty header row reads as nothing.
      const row = cells(body);
      if (row.some((cell) => cell !== '')) out.push({ kind: 'row', level: 0, text: row.join(' | ') });
    } else if ((match = body.match(/^(\d{1,9})[.)]\s+(.*)$/)))
      out.push({ kind: 'numbered', level, text: `${match[1]}. ${readInline(match[2]!)}` });
    else if ((match = body.match(/^[-*+]\s+(.*)$/))) out.push({ kind: 'bullet', level, text: readInline(match[1]!) });
    else out.push({ kind: 'paragraph', level, text: readInline(body) });
  }
  return out;
}

const sameParagraph = (a: Paragraph, b: Paragraph) => a.kind === b.kind && a.level === b.level && a.text === b.text;

function wordPieces(before: string, after: string): { before: Piece[]; after: Piece[]; inline: Piece[] } {
  const left: Piece[] = [];
  const right: Piece[] = [];
  const inline: Piece[] = [];
  for (const part of diffWords(before, after)) {
    const piece: Piece = part.removed
      ? { text: part.value, change: 'deleted' }
      : part.added
        ? { text: part.value, change: 'inserted' }
        : { text: part.value };
    // A deleted word and the word put in its place, side by side in one column, kept apart.
    const previous = inline.at(-1);
    if (piece.change === 'inserted' && previous?.change === 'deleted' && !/\s$/.test(previous.text) && !/^\s/.test(piece.text)) {
      inline.push({ text: ' ' });
    }
    inline.push(piece);
    if (!part.added) left.push(piece);
    if (!part.removed) right.push(piece);
  }
  return { before: left, after: right, inline };
}

/** The two versions, row by row: each row a paragraph of each, aligned, with the words that changed marked. */
export function compareVersions(before: string, after: string): ComparedRow[] {
  const rows: ComparedRow[] = [];
  const parts = diffArrays(paragraphs(before), paragraphs(after), { comparator: sameParagraph });
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (!part.added && !part.removed) {
      for (const paragraph of part.value) {
        const pieces = [{ text: paragraph.text }];
        rows.push({ kind: paragraph.kind, level: paragraph.level, before: pieces, after: pieces, inline: pieces, changed: false });
      }
      continue;
    }
    // A removal followed by an addition: the paragraphs that were rewritten, paired in order.
    const next = parts[index + 1];
    const removed = part.removed ? part.value : [];
    const added = part.added ? part.value : next?.added && part.removed ? next.value : [];
    if (part.removed && next?.added) index += 1;
    const paired = Math.min(removed.length, added.length);
    for (let at = 0; at < Math.max(removed.length, added.length); at++) {
      const old = removed[at];
      const now = added[at];
      if (at < paired) {
        const words = wordPieces(old!.text, now!.text);
        rows.push({ kind: now!.kind, level: now!.level, ...words, changed: true });
      } else if (old) {
        const pieces: Piece[] = [{ text: old.text, change: 'deleted' }];
        rows.push({ kind: old.kind, level: old.level, before: pieces, after: null, inline: pieces, changed: true });
      } else {
        const pieces: Piece[] = [{ text: now!.text, change: 'inserted' }];
        rows.push({ kind: now!.kind, level: now!.level, before: null, after: pieces, inline: pieces, changed: true });
      }
    }
  }
  return rows;
}
