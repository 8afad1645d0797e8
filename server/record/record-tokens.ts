/**
 * The (possibly edited) Markdown of a meeting record as a small block model, read from
 * marked's lexer: headings, paragraphs of inline runs, ordered and bullet lists (nested),
 * tables and rules. The HTML, DOCX and PDF exports all render from this one model, so what
 * the secretariat wrote means the same in each of them.
 *
 * What the model does on the way:
 * - Raw HTML in the Markdown (inline or block) becomes plain text: it is shown, never run.
 * - Links keep their target only when it is http, https or mailto; others become plain text.
 * - Character references (`&amp;`, `&#233;`) are decoded; code stays as written.
 * - Heading levels never skip (a `###` straight after a `#` becomes a level 2), and the
 *   first heading is a level 1, so every export has an outline in order.
 * - Block quotes are unwrapped into their blocks; images become their alt text (an export
 *   never fetches anything).
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { safeHref } from '../../shared/safe-href.ts';
import { recordDate, RECORD_WORDS, type RecordLanguage } from '../../shared/record/record-words.ts';
import { own } from '../../shared/own.ts';
import { limitNesting } from '../../shared/record/markdown-nesting.ts';

/** How an export is stamped: a draft, or final with who finalised it and when. */
export interface ExportOptions {
  status: 'draft' | 'final';
  finalisedBy?: string;
  finalisedAt?: number;
  /** The language of the fixed words around the text (banner, charts, footer); English when not given. */
  language?: RecordLanguage;
}

/** "Draft", or "Final — Finalised by X, 12 April 2017, 10:30 UTC". */
export function statusLine(options: ExportOptions): string {
  const language = options.language ?? 'en';
  const w = RECORD_WORDS[language];
  if (options.status === 'draft') return w.draft;
  if (!options.finalisedBy)
    return options.finalisedAt === undefined ? w.final : `${w.final} — ${utcDateTime(options.finalisedAt, language)}`;
  const when = options.finalisedAt === undefined ? '' : utcDateTime(options.finalisedAt, language);
  return `${w.final} — ${w.finalisedBy(options.finalisedBy, when).replace(/[,،，]\s*$/, '')}`;
}

/** "12 April 2017, 10:30 UTC", "12 avril 2017, 10:30 UTC": the date in the language, the time in UTC. */
export function utcDateTime(ms: number, language: RecordLanguage = 'en'): string {
  return `${recordDate(ms, language, false)}${RECORD_WORDS[language].punctuation.comma}${new Date(ms).toISOString().slice(11, 16)} UTC`;
}

/** The language's tag for a document's metadata: Word's w:lang, the PDF's /Lang. */
export function documentLanguage(language: RecordLanguage): string {
  return RECORD_WORDS[language].locale;
}

/** A piece of text with one style. A hard line break is a run whose text is `\n`. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  strike?: boolean;
  /** A safe link target (http, https or mailto), already normalised. */
  href?: string;
}

export type Align = 'left' | 'center' | 'right' | null;
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface HeadingBlock {
  kind: 'heading';
  level: HeadingLevel;
  runs: Run[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** The first item's number (1 for bullet lists). */
  start: number;
  /** Each item's blocks: usually a paragraph, then any nested lists. */
  items: Block[][];
}

export interface TableBlock {
  kind: 'table';
  /** The header row's cells, or null when every header cell is empty (a key–value table). */
  header: Run[][] | null;
  rows: Run[][][];
  align: Align[];
  /** Whether each row's first cell heads its row: when there is no header row, or its first cell is empty. */
  rowHeaders: boolean;
}

export interface RuleBlock {
  kind: 'rule';
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | RuleBlock;

/** Reads Markdown (GFM) into blocks, nested no deeper than a saved version may be. */
export function markdownBlocks(markdown: string): Block[] {
  const tokens = new Lexer({ gfm: true, breaks: false, pedantic: false }).lex(limitNesting(markdown));
  const headings = { previous: 0 };
  return blocksOf(tokens, headings);
}

/** The runs' text, without style. */
export function plainText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}

/** Every heading's text in order, for tests and outlines. */
export function headingTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'heading' ? [plainText(block.runs)] : []));
}

function blocksOf(tokens: readonly Token[], headings: { previous: number }): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) blocks.push(...blockOf(token, headings));
  return blocks;
}

function blockOf(token: Token, headings: { previous: number }): Block[] {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      const level = Math.max(1, Math.min(heading.depth, headings.previous + 1, 6)) as HeadingLevel;
      headings.previous = level;
      return [{ kind: 'heading', level, runs: inlineRuns(heading.tokens) }];
    }
    case 'paragraph':
      return paragraph(inlineRuns((token as Tokens.Paragraph).tokens));
    case 'text': {
      // Block-level text: a tight list item's content.
      const text = token as Tokens.Text;
      return paragraph(text.tokens ? inlineRuns(text.tokens) : textRuns(text.text, {}));
    }
    case 'list': {
      const list = token as Tokens.List;
      return [
        {
          kind: 'list',
          ordered: list.ordered,
          start: list.ordered && typeof list.start === 'number' ? list.start : 1,
          items: list.items.map((item) => listItem(item, headings)),
        },
      ];
    }
    case 'table': {
      const table = token as Tokens.Table;
      const header = table.header.map((cell) => inlineRuns(cell.tokens));
      const emptyHeader = header.map((cell) => plainText(cell).trim() === '');
      const noHeader = emptyHeader.every(Boolean);
      return [
        {
          kind: 'table',
          header: noHeader ? null : header,
          rows: table.rows.map((row) => header.map((_, index) => (row[index] ? inlineRuns(row[index].tokens) : []))),
          align: table.align.map((align) => align ?? null),
          rowHeaders: noHeader || emptyHeader[0] === true,
        },
      ];
    }
    case 'hr':
      return [{ kind: 'rule' }];
    case 'code':
      return paragraph([{ text: (token as Tokens.Code).text, code: true }]);
    case 'blockquote':
      return blocksOf((token as Tokens.Blockquote).tokens, headings);
    case 'html':
      // Raw HTML is shown as what it is: text.
      return paragraph([{ text: (token as Tokens.HTML).text.trim() }]);
    case 'space':
    case 'def':
      return [];
    default: {
      const generic = token as Tokens.Generic;
      if (generic.tokens) return paragraph(inlineRuns(generic.tokens));
      return typeof generic.text === 'string' ? paragraph(textRuns(generic.text, {})) : [];
    }
  }
}

function listItem(item: Tokens.ListItem, headings: { previous: number }): Block[] {
  const tokens = item.tokens.filter((token) => token.type !== 'checkbox');
  const blocks = blocksOf(tokens, headings);
  if (item.task) {
    const box: Run = { text: item.checked ? '☑ ' : '☐ ' };
    const first = blocks[0];
    if (first?.kind === 'paragraph') first.runs.unshift(box);
    else blocks.unshift({ kind: 'paragraph', runs: [box] });
  }
  return blocks;
}

function paragraph(runs: Run[]): Block[] {
  return runs.length === 0 || plainText(runs).trim() === '' ? [] : [{ kind: 'paragraph', runs }];
}

type Style = Omit<Run, 'text'>;

/** Inline tokens as runs, adjacent runs of one style merged. */
export function inlineRuns(tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  collect(tokens, {}, runs);
  return trimRuns(mergeRuns(runs));
}

function collect(tokens: readonly Token[], style: Style, out: Run[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
        collect((token as Tokens.Strong).tokens, { ...style, bold: true }, out);
        break;
      case 'em':
        collect((token as Tokens.Em).tokens, { ...style, italic: true }, out);
        break;
      case 'del':
        collect((token as Tokens.Del).tokens, { ...style, strike: true }, out);
        break;
      case 'codespan':
        out.push({ ...style, code: true, text: (token as Tokens.Codespan).text });
        break;
      case 'br':
        out.push({ text: '\n' });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const href = safeHref(link.autolink ? link.href : decodeEntities(link.href));
        const linkStyle: Style = href === null ? style : { ...style, href };
        if (link.autolink) out.push({ ...linkStyle, text: link.text });
        else collect(link.tokens, linkStyle, out);
        break;
      }
      case 'image': {
        const image = token as Tokens.Image;
        out.push(...textRuns(image.text, style));
        break;
      }
      case 'escape':
        out.push({ ...style, text: (token as Tokens.Escape).text });
        break;
      case 'html':
        // Inline HTML (`<img src=x onerror=…>`) is kept as literal text.
        out.push({ ...style, text: (token as Tokens.Tag).text });
        break;
      case 'checkbox':
        out.push({ ...style, text: (token as Tokens.Checkbox).checked ? '☑ ' : '☐ ' });
        break;
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens && text.tokens.length > 0) collect(text.tokens, style, out);
        else out.push(...textRuns(text.text, style));
        break;
      }
      default: {
        const generic = token as Tokens.Generic;
        if (generic.tokens) collect(generic.tokens, style, out);
        else if (typeof generic.text === 'string') out.push(...textRuns(generic.text, style));
      }
    }
  }
}

/** Source text as a run: references decoded, soft line breaks as spaces. */
function textRuns(text: string, style: Style): Run[] {
  const decoded = decodeEntities(text).replace(/[ \t]*\r?\n[ \t]*/g, ' ');
  return decoded === '' ? [] : [{ ...style, text: decoded }];
}

function sameStyle(a: Run, b: Run): boolean {
  return (
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.code === !!b.code &&
    !!a.strike === !!b.strike &&
    a.href === b.href &&
    a.text !== '\n' &&
    b.text !== '\n'
  );
}

function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = merged[merged.length - 1];
    if (last && sameStyle(last, run)) last.text += run.text;
    else merged.push(clean(run));
  }
  return merged;
}

/** A run with only the style flags that are set. */
function clean(run: Run): Run {
  const out: Run = { text: run.text };
  if (run.bold) out.bold = true;
  if (run.italic) out.italic = true;
  if (run.code) out.code = true;
  if (run.strike) out.strike = true;
  if (run.href !== undefined) out.href = run.href;
  return out;
}

/** Without leading and trailing spaces and line breaks. */
function trimRuns(runs: Run[]): Run[] {
  while (runs.length > 0 && (runs[0]!.text === '\n' || runs[0]!.text.trim() === '')) runs.shift();
  while (runs.length > 0 && (runs[runs.length - 1]!.text === '\n' || runs[runs.length - 1]!.text.trim() === '')) runs.pop();
  const first = runs[0];
  if (first && !first.code) first.text = first.text.replace(/^\s+/, '');
  const last = runs[runs.length - 1];
  if (last && !last.code) last.text = last.text.replace(/\s+$/, '');
  return runs;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  middot: '·',
  bull: '•',
  dagger: '†',
  larr: '←',
  rarr: '→',
};

/** Decodes HTML character references, leaving unknown ones as written. */
export function decodeEntities(text: string): string {
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
