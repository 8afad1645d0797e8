/**
 * The record as a PDF (pdfkit): the (possibly edited) Markdown through the shared block
 * model — headings (also as PDF bookmarks), numbered paragraphs, nested lists, tables as
 * simple grids with wrapping cells that break across pages under a repeated header row —
 * then the participation charts drawn as vector bars, with the title, Draft/Final and page
 * numbers on every page and the document's Title in its metadata.
 *
 * Fonts: DejaVu Sans (regular, bold, oblique, bold oblique) and DejaVu Sans Mono, embedded
 * (subset) from the dejavu-fonts-ttf package, so Latin with accents, Greek, Cyrillic,
 * Armenian, Georgian, Hebrew and Arabic letters render. What it cannot do: scripts DejaVu
 * has no glyphs for — Chinese, Japanese, Korean, the Indic scripts, Thai — print as white
 * squares (□, one per character), so neither shown nor extractable. Letters a face lacks
 * (DejaVu Sans Oblique has no Arabic, the Mono no Hebrew) come from the regular face. Right-to-left text is shaped
 * (fontkit joins Arabic letters) and each stretch of right-to-left words (a name, a
 * phrase) is set right to left as one piece, in place in the left-to-right line; there is
 * no full bidi algorithm: a paragraph written right to left still starts at the left
 * margin, and a stretch does not wrap inside itself.
 */
import PDFDocument from 'pdfkit';
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import { CHART_WORDS, chartLayout, recordCharts } from '../../shared/record/record-charts.ts';
import { RECORD_WORDS } from '../../shared/record/record-words.ts';
import { dejavuFontPath, dejavuHasGlyph } from './chart-png.ts';
import { markdownBlocks, plainText, statusLine, type Block, type ExportOptions, type ListBlock, type Run, type TableBlock } from './record-tokens.ts';

export type { ExportOptions } from './record-tokens.ts';

type Doc = PDFKit.PDFDocument;

const FONTS = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;
type FontName = keyof typeof FONTS;

const COLOURS = {
  text: '#1a1a1a',
  heading: '#14304f',
  link: '#0b4f94',
  muted: '#4d4d4d',
  rule: '#8c8c8c',
  headerFill: '#e8edf3',
  draft: '#8a5300',
  final: '#1e6b2e',
} as const;

const BODY_SIZE = 10.5;
const LINE_GAP = 2.5;
const HEADING_SIZES = [18, 14, 12, 11, 10.5, 10.5] as const;
const LIST_STEP = 22;
const CELL_PAD = 4;
const TABLE_SIZE = 9.5;
const MARGINS = { top: 64, bottom: 64, left: 58, right: 58 };

interface Box {
  x: number;
  width: number;
}

export async function recordPdf(markdown: string, record: MeetingRecord, options: ExportOptions): Promise<Buffer> {
  const language = options.language ?? 'en';
  const w = RECORD_WORDS[language];
  const cw = CHART_WORDS[language];
  const status = statusLine(options);
  const blocks = markdownBlocks(markdown);

  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: record.title,
      Subject: `${w.summaryReport} — ${status}`,
      Author: record.body || 'EqualFloor',
      Creator: 'EqualFloor',
      Keywords: `${w.summaryReport}, ${options.status}`,
      CreationDate: new Date(record.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, dejavuFontPath(file));
  const page: Box = { x: MARGINS.left, width: doc.page.width - MARGINS.left - MARGINS.right };

  // The banner.
  doc.font('bold').fontSize(BODY_SIZE).fillColor(options.status === 'draft' ? COLOURS.draft : COLOURS.final);
  doc.text(pdfText(`${w.summaryReport}: ${status}`), page.x, doc.y, { width: page.width, lineGap: LINE_GAP });
  const ruleY = doc.y + 4;
  doc.moveTo(page.x, ruleY).lineTo(page.x + page.width, ruleY).lineWidth(0.75).strokeColor(COLOURS.rule).stroke();
  doc.y = ruleY + 10;

  if (!blocks.some((block) => block.kind === 'heading' && block.level === 1)) heading(doc, [{ text: record.title }], 1, page);
  for (const block of blocks) renderBlock(doc, block, page, 0);

  // The charts, as vector bars from the same layout as the SVG.
  doc.addPage();
  heading(doc, [{ text: cw.charts }], 2, page);
  for (const chart of recordCharts(record, language)) {
    const layout = chartLayout(chart.rows, chart.title);
    const scale = page.width / layout.width;
    const height = layout.height * scale;
    ensureRoom(doc, height + 12);
    const top = doc.y;
    for (const rect of layout.rects) {
      doc.rect(page.x + rect.x * scale, top + rect.y * scale, rect.width * scale, rect.height * scale).fillColor(rect.fill).fill();
    }
    for (const text of layout.texts) {
      const size = text.size * scale;
      const content = pdfText(text.text);
      doc.font(text.bold ? 'bold' : 'regular').fontSize(size).fillColor(text.fill);
      const x = page.x + text.x * scale - (text.anchor === 'end' ? doc.widthOfString(content) : 0);
      doc.text(content, x, top + text.y * scale, { lineBreak: false, baseline: 'alphabetic' });
    }
    doc.x = page.x;
    doc.y = top + height + 14;
  }

  // Running header and footer, with page numbers, on every page.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - MARGINS.left - MARGINS.right;
    doc.font('regular').fontSize(8).fillColor(COLOURS.muted);
    doc.text(pdfText(record.title), MARGINS.left, 32, { width: width - 90, lineBreak: false, ellipsis: true });
    doc.font('bold').fillColor(options.status === 'draft' ? COLOURS.draft : COLOURS.final);
    doc.text(options.status === 'draft' ? w.draft : w.final, MARGINS.left + width - 90, 32, { width: 90, align: 'right', lineBreak: false });
    doc.font('regular').fillColor(COLOURS.muted);
    doc.text(pdfText(`${status} · ${index - range.start + 1} / ${range.count}`), MARGINS.left, doc.page.height - 42, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function renderBlock(doc: Doc, block: Block, box: Box, depth: number): void {
  switch (block.kind) {
    case 'heading':
      heading(doc, block.runs, block.level, box);
      return;
    case 'paragraph':
      ensureRoom(doc, lineHeight(doc, BODY_SIZE) * 2);
      writeRuns(doc, block.runs, box, BODY_SIZE, COLOURS.text);
      doc.y += 5;
      return;
    case 'rule': {
      ensureRoom(doc, 14);
      const y = doc.y + 5;
      doc.moveTo(box.x, y).lineTo(box.x + box.width, y).lineWidth(0.75).strokeColor(COLOURS.rule).stroke();
      doc.y = y + 9;
      return;
    }
    case 'list':
      list(doc, block, box, depth);
      return;
    case 'table':
      table(doc, block, box);
      return;
  }
}

function heading(doc: Doc, runs: readonly Run[], level: number, box: Box): void {
  const size = HEADING_SIZES[Math.min(level, 6) - 1] ?? BODY_SIZE;
  // Keep a heading with at least three lines of what follows.
  ensureRoom(doc, lineHeight(doc, size) + lineHeight(doc, BODY_SIZE) * 3 + size);
  doc.y += level === 1 ? 2 : size * 0.6;
  if (level <= 2) doc.outline.addItem(pdfText(plainText(runs)));
  writeRuns(
    doc,
    runs.map((run) => ({ ...run, bold: true })),
    box,
    size,
    COLOURS.heading,
  );
  doc.y += level === 1 ? 8 : 4;
}

const BULLETS = ['•', '–', '▪'];

function list(doc: Doc, block: ListBlock, box: Box, depth: number): void {
  const inner: Box = { x: box.x + LIST_STEP, width: box.width - LIST_STEP };
  block.items.forEach((item, index) => {
    const marker = block.ordered ? `${block.start + index}.` : BULLETS[depth % BULLETS.length]!;
    ensureRoom(doc, lineHeight(doc, BODY_SIZE) * 2);
    const top = doc.y;
    doc.font('regular').fontSize(BODY_SIZE).fillColor(COLOURS.text);
    doc.text(marker, box.x, top, { width: LIST_STEP - 3, lineBreak: false });
    doc.x = inner.x;
    doc.y = top;
    if (item.length === 0) doc.y = top + lineHeight(doc, BODY_SIZE);
    for (const child of item) renderBlock(doc, child, inner, depth + (child.kind === 'list' ? 1 : 0));
    doc.x = box.x;
  });
  doc.y += 3;
}

function table(doc: Doc, block: TableBlock, box: Box): void {
  const columns = Math.max(block.header?.length ?? 0, ...block.rows.map((row) => row.length), 1);
  const pad = (row: Run[][]) => Array.from({ length: columns }, (_, index) => row[index] ?? []);
  const header = block.header ? pad(block.header) : null;
  const rows = block.rows.map(pad);
  const widths = columnWidths(doc, header, rows, box.width);

  const isBold = (runs: readonly Run[], row: 'header' | number, column: number) =>
    row === 'header' || (column === 0 && block.rowHeaders) || (runs.length > 0 && runs.every((run) => run.bold));
  const cellRuns = (runs: readonly Run[], bold: boolean): Run[] => (bold ? runs.map((run) => ({ ...run, bold: true })) : [...runs]);

  const rowHeight = (cells: Run[][], row: 'header' | number) =>
    Math.max(
      ...cells.map((cell, column) => {
        const text = pdfText(plainText(cell));
        if (text === '') return lineHeight(doc, TABLE_SIZE) + 2 * CELL_PAD;
        // Measured in the widest face any of it uses (mono, then bold), so the row is never too short.
        const face: FontName = cell.some((run) => run.code) ? 'mono' : isBold(cell, row, column) || cell.some((run) => run.bold) ? 'bold' : 'regular';
        doc.font(face).fontSize(TABLE_SIZE);
        return doc.heightOfString(text, { width: widths[column]! - 2 * CELL_PAD, lineGap: LINE_GAP }) + 2 * CELL_PAD;
      }),
    );

  const drawRow = (cells: Run[][], row: 'header' | number, height: number) => {
    const top = doc.y;
    let x = box.x;
    cells.forEach((cell, column) => {
      const width = widths[column]!;
      if (row === 'header') doc.rect(x, top, width, height).fillColor(COLOURS.headerFill).fill();
      doc.rect(x, top, width, height).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
      if (cell.length > 0) {
        doc.y = top + CELL_PAD;
        const align = block.align[column] ?? 'left';
        writeRuns(doc, cellRuns(cell, isBold(cell, row, column)), { x: x + CELL_PAD, width: width - 2 * CELL_PAD }, TABLE_SIZE, COLOURS.text, align);
      }
      x += width;
    });
    doc.x = box.x;
    doc.y = top + height;
  };

  const headerHeight = header ? rowHeight(header, 'header') : 0;
  const firstHeight = rows[0] ? Math.min(rowHeight(rows[0], 0), lineHeight(doc, TABLE_SIZE) * 4) : 0;
  ensureRoom(doc, headerHeight + firstHeight + 4);
  doc.y += 2;
  if (header) drawRow(header, 'header', headerHeight);
  const pageRoom = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - headerHeight - 4;
  rows.forEach((cells, index) => {
    const height = rowHeight(cells, index);
    if (height > pageRoom) {
      // Taller than a page: the row as paragraphs, each cell under its column's name, free to flow on.
      tallRow(cells, header, box);
      return;
    }
    if (doc.y + height > bottomOf(doc)) {
      doc.addPage();
      if (header) drawRow(header, 'header', headerHeight);
    }
    drawRow(cells, index, height);
  });
  doc.y += 8;

  function tallRow(cells: Run[][], names: Run[][] | null, area: Box): void {
    ensureRoom(doc, lineHeight(doc, TABLE_SIZE) * 3);
    doc.moveTo(area.x, doc.y).lineTo(area.x + area.width, doc.y).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
    doc.y += CELL_PAD;
    cells.forEach((cell, column) => {
      if (plainText(cell).trim() === '') return;
      const name = names?.[column] ?? [];
      const label: Run[] = plainText(name).trim() === '' ? [] : [...name.map((run) => ({ ...run, bold: true })), { text: ': ', bold: true }];
      writeRuns(doc, [...label, ...cell], { x: area.x + CELL_PAD, width: area.width - 2 * CELL_PAD }, TABLE_SIZE, COLOURS.text);
      doc.y += CELL_PAD;
    });
    doc.moveTo(area.x, doc.y).lineTo(area.x + area.width, doc.y).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
  }
}

/** Widths that fit the box: each column at least its longest word, the rest shared by how much text it has. */
function columnWidths(doc: Doc, header: Run[][] | null, rows: Run[][][], total: number): number[] {
  const columns = Math.max(header?.length ?? 0, ...rows.map((row) => row.length), 1);
  const natural = Array<number>(columns).fill(0);
  const minimum = Array<number>(columns).fill(0);
  const measure = (runs: readonly Run[], column: number, bold: boolean) => {
    const text = pdfText(plainText(runs));
    doc.font(bold ? 'bold' : 'regular').fontSize(TABLE_SIZE);
    natural[column] = Math.max(natural[column]!, doc.widthOfString(text) + 2 * CELL_PAD + 1);
    const longestWord = Math.max(0, ...text.split(/\s+/).map((word) => doc.widthOfString(word)));
    minimum[column] = Math.max(minimum[column]!, Math.min(longestWord + 2 * CELL_PAD + 1, total / 3));
  };
  header?.forEach((cell, column) => measure(cell, column, true));
  for (const row of rows) row.forEach((cell, column) => measure(cell, column, false));
  for (let column = 0; column < columns; column++) minimum[column] = Math.max(minimum[column]!, 24);
  const naturalSum = natural.reduce((sum, value) => sum + value, 0);
  if (naturalSum <= total) return natural.map((value) => (value / naturalSum) * total);
  const minimumSum = minimum.reduce((sum, value) => sum + value, 0);
  if (minimumSum >= total) return minimum.map((value) => (value / minimumSum) * total);
  const spare = total - minimumSum;
  const wants = natural.map((value, column) => Math.max(0, value - minimum[column]!));
  const wantSum = wants.reduce((sum, value) => sum + value, 0) || 1;
  return minimum.map((value, column) => value + (wants[column]! / wantSum) * spare);
}

function fontOf(run: Run): FontName {
  if (run.code) return 'mono';
  if (run.bold && run.italic) return 'boldItalic';
  if (run.bold) return 'bold';
  if (run.italic) return 'italic';
  return 'regular';
}

/** Writes styled runs as one wrapping paragraph from doc.y in the box. */
function writeRuns(doc: Doc, runs: readonly Run[], box: Box, size: number, colour: string, align: 'left' | 'center' | 'right' = 'left'): void {
  // Each right-to-left stretch is a text() call of its own: pdfkit then never puts it in one
  // word with the text around it, so fontkit lays it out alone, right to left. Letters the
  // run's face lacks (Arabic in the oblique) are set in the regular face.
  const pieces = runs.flatMap((run) => bidiPieces(run.text).flatMap((piece) => fontPieces(piece, fontOf(run)).map((part) => ({ run, ...part }))));
  // pdfkit only breaks a continued line on a newline that starts a piece: move each to the next.
  const parts: typeof pieces = [];
  let carried = '';
  for (const piece of pieces) {
    const text = carried + piece.text.replace(/\n+$/, '');
    carried = piece.text.match(/\n+$/)?.[0] ?? '';
    if (text !== '') parts.push({ ...piece, text });
  }
  if (parts.length === 0) return;
  const top = doc.y;
  parts.forEach(({ run, font, text }, index) => {
    doc.font(font).fontSize(size).fillColor(run.href ? COLOURS.link : colour);
    const options: PDFKit.Mixins.TextOptions = {
      width: box.width,
      continued: index < parts.length - 1,
      lineGap: LINE_GAP,
      link: run.href ?? null,
      underline: run.href !== undefined,
      strike: run.strike === true,
      align,
    };
    if (index === 0) doc.text(text, box.x, top, options);
    else doc.text(text, options);
  });
  doc.x = box.x;
}

/** A character no DejaVu face has (Chinese, say) is drawn as this, so it is measured as it is drawn. */
const MISSING = '\u25a1';

/** The text cut into pieces by the face that has their letters: the preferred one, else the regular. */
function fontPieces(text: string, preferred: FontName): { font: FontName; text: string }[] {
  const pieces: { font: FontName; text: string }[] = [];
  const fallback: FontName = preferred === 'bold' || preferred === 'boldItalic' ? 'bold' : 'regular';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    let font: FontName = preferred;
    let out = char;
    if (!/\s/.test(char) && !dejavuHasGlyph(FONTS[preferred], code)) {
      if (dejavuHasGlyph(FONTS[fallback], code)) font = fallback;
      else if (dejavuHasGlyph(FONTS.regular, code)) font = 'regular';
      else out = MISSING;
    }
    const last = pieces[pieces.length - 1];
    if (last && last.font === font) last.text += out;
    else pieces.push({ font, text: out });
  }
  return pieces;
}

function lineHeight(doc: Doc, size: number): number {
  doc.fontSize(size);
  return doc.currentLineHeight(true) + LINE_GAP;
}

function bottomOf(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** A new page unless `height` fits below doc.y. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottomOf(doc) && doc.y > doc.page.margins.top + 1) doc.addPage();
}

const RTL_WORDS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+(?:[ \u00a0]+[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+)*/g;

/**
 * Text as pdfkit should get it: spaces inside a run of right-to-left words become no-break
 * spaces, so fontkit lays the run out as one right-to-left piece (the words in visual order)
 * rather than pdfkit placing each word left to right.
 */
export function pdfText(text: string): string {
  return fontPieces(text.replace(RTL_WORDS, (run) => run.replace(/ /g, '\u00a0')), 'regular')
    .map((piece) => piece.text)
    .join('');
}

/** The text cut where right-to-left stretches start and end (each stretch joined by no-break spaces); no empty pieces. */
export function bidiPieces(text: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (const match of text.matchAll(RTL_WORDS)) {
    if (match.index > last) pieces.push(text.slice(last, match.index));
    pieces.push(match[0].replace(/ /g, '\u00a0'));
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces.filter((piece) => piece !== '');
}
