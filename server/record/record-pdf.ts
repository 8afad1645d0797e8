/**
 * The record as a PDF (pdfkit): the (possibly edited) Markdown through the shared block
 * model — headings (also as PDF bookmarks), numbered paragraphs, nested lists, tables as
 * simple grids with wrapping cells that break across pages under a repeated header row —
 * then the participation charts drawn as vector bars, with the title, Draft/Final and page
 * numbers on every page and the document's Title in its metadata.
 *
 * Fonts: DejaVu Sans (regular, bold, oblique, bold oblique) and DejaVu Sans Mono, embedded
 * (subset) from the dejavu-fonts-ttf package, so Latin with accents, Greek, Cyrillic,
 * Armenian, Georgian, Hebrew and Arabic letters render; Chinese (and Japanese kana) come from
 * Noto Sans SC, regular or bold, embedded as a subset too (record-fonts.ts). What it cannot
 * do: scripts neither has glyphs for — Korean, the Indic scripts, Thai — print as white
 * squares (□, one per character), so neither shown nor extractable. Letters a face lacks
 * (DejaVu Sans Oblique has no Arabic, the Mono no Hebrew) come from the regular face. Right-to-left text is shaped
 * (fontkit joins Arabic letters) and each stretch of right-to-left words (a name, a
 * phrase) is set right to left as one piece, in place in the left-to-right line; there is
 * no full bidi algorithm: a paragraph written right to left still starts at the left
 * margin, and a stretch does not wrap inside itself.
 *
 * A record in a right-to-left language (Arabic) is laid out right to left: its paragraphs
 * are broken into lines here, each line's text ordered by a simplified Unicode bidi
 * algorithm (UAX #9: strong and weak types, numbers, paired brackets, neutrals; no explicit
 * embeddings or isolates), then set from the right margin; lists have their numbers on the
 * right and tables their first column on the right. The charts keep their left-to-right
 * layout (bars grow to the right), their labels ordered the same way.
 */
import PDFDocument from 'pdfkit';
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import { chartLayout, recordCharts } from '../../shared/record/record-charts.ts';
import { RECORD_WORDS } from '../../shared/record/record-words.ts';
import { dejavuFontPath, dejavuHasGlyph } from './chart-png.ts';
import { cjkFontPath, cjkHasGlyph } from './record-fonts.ts';
import { documentLanguage, markdownBlocks, plainText, statusLine, type Block, type ExportOptions, type ListBlock, type Run, type TableBlock } from './record-tokens.ts';

export type { ExportOptions } from './record-tokens.ts';

type Doc = PDFKit.PDFDocument;

const FONTS = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;
type DejaVuFace = keyof typeof FONTS;
/** The faces of a document: DejaVu's, and Noto Sans SC for Chinese. */
type FontName = DejaVuFace | 'cjk' | 'cjkBold';

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
/** DejaVu Sans's ascent, in ems (1901 of 2048 units). */
const DEJAVU_ASCENT = 1901 / 2048;
const LINE_GAP = 2.5;
const HEADING_SIZES = [18, 14, 12, 11, 10.5, 10.5] as const;
const LIST_STEP = 22;
const CELL_PAD = 4;
const TABLE_SIZE = 9.5;
const MARGINS = { top: 64, bottom: 64, left: 58, right: 58 };

interface Box {
  x: number;
  width: number;
  /** Whether text in it runs right to left (an Arabic record). */
  rtl?: boolean;
}

export async function recordPdf(markdown: string, record: MeetingRecord, options: ExportOptions): Promise<Buffer> {
  const language = options.language ?? 'en';
  const w = RECORD_WORDS[language];
  const status = statusLine(options);
  const blocks = markdownBlocks(markdown);

  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    lang: documentLanguage(language),
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
  // Read only if a character needs it; embedded as a subset like the others.
  doc.registerFont('cjk', cjkFontPath('regular'));
  doc.registerFont('cjkBold', cjkFontPath('bold'));
  const rtl = w.direction === 'rtl';
  const page: Box = { x: MARGINS.left, width: doc.page.width - MARGINS.left - MARGINS.right, rtl };

  // The banner.
  const bannerColour = options.status === 'draft' ? COLOURS.draft : COLOURS.final;
  writeRuns(doc, [{ text: `${w.summaryReport}${w.punctuation.colon}${status}`, bold: true }], page, BODY_SIZE, bannerColour);
  const ruleY = doc.y + 4;
  doc.moveTo(page.x, ruleY).lineTo(page.x + page.width, ruleY).lineWidth(0.75).strokeColor(COLOURS.rule).stroke();
  doc.y = ruleY + 10;

  if (!blocks.some((block) => block.kind === 'heading' && block.level === 1)) heading(doc, [{ text: record.title }], 1, page);
  for (const block of blocks) renderBlock(doc, block, page, 0);

  // The charts, as vector bars from the same layout as the SVG.
  doc.addPage();
  heading(doc, [{ text: w.charts }], 2, page);
  for (const chart of recordCharts(record, language)) {
    const layout = chartLayout(chart.rows, chart.title, 600, language);
    const scale = page.width / layout.width;
    const height = layout.height * scale;
    ensureRoom(doc, height + 12);
    const top = doc.y;
    for (const rect of layout.rects) {
      doc.rect(page.x + rect.x * scale, top + rect.y * scale, rect.width * scale, rect.height * scale).fillColor(rect.fill).fill();
    }
    for (const text of layout.texts) {
      const size = text.size * scale;
      if (rtl) {
        const line = rtlLine(doc, [{ text: text.text, bold: text.bold }], size);
        const x = page.x + text.x * scale - (text.anchor === 'end' ? line.width : 0);
        drawRtlLine(doc, line, x, top + text.y * scale, size, text.fill, 'alphabetic');
        continue;
      }
      drawLine(doc, text.text, text.bold ? 'bold' : 'regular', size, text.fill, {
        x: page.x + text.x * scale,
        y: top + text.y * scale,
        align: text.anchor === 'end' ? 'end' : 'start',
        baseline: 'alphabetic',
      });
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
    const pageNumber = `${status} · ${index - range.start + 1} / ${range.count}`;
    if (rtl) {
      // Mirrored: the title on the right, Draft/Final on the left.
      const title = rtlLine(doc, [{ text: record.title }], 8, width - 90);
      drawRtlLine(doc, title, MARGINS.left + width - title.width, 32, 8, COLOURS.muted);
      drawRtlLine(doc, rtlLine(doc, [{ text: options.status === 'draft' ? w.draft : w.final, bold: true }], 8, 90), MARGINS.left, 32, 8, bannerColour);
      const footer = rtlLine(doc, [{ text: pageNumber }], 8, width);
      drawRtlLine(doc, footer, MARGINS.left + (width - footer.width) / 2, doc.page.height - 42, 8, COLOURS.muted);
      doc.page.margins.bottom = bottom;
      continue;
    }
    drawLine(doc, record.title, 'regular', 8, COLOURS.muted, { x: MARGINS.left, y: 32, maxWidth: width - 100 });
    drawLine(doc, options.status === 'draft' ? w.draft : w.final, 'bold', 8, bannerColour, { x: MARGINS.left + width, y: 32, align: 'end', maxWidth: 90 });
    drawLine(doc, pageNumber, 'regular', 8, COLOURS.muted, { x: MARGINS.left + width / 2, y: doc.page.height - 42, align: 'center', maxWidth: width });
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
  // Bookmarks are text the reader's viewer draws: any script, as written.
  if (level <= 2) doc.outline.addItem(plainText(runs));
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
  // Right to left, the numbers and bullets stand on the right.
  const inner: Box = box.rtl ? { ...box, width: box.width - LIST_STEP } : { ...box, x: box.x + LIST_STEP, width: box.width - LIST_STEP };
  block.items.forEach((item, index) => {
    const marker = block.ordered ? `${block.start + index}.` : BULLETS[depth % BULLETS.length]!;
    ensureRoom(doc, lineHeight(doc, BODY_SIZE) * 2);
    const top = doc.y;
    doc.font('regular').fontSize(BODY_SIZE).fillColor(COLOURS.text);
    if (box.rtl) doc.text(marker, box.x + box.width - LIST_STEP + 3, top, { width: LIST_STEP - 3, lineBreak: false, align: 'right' });
    else doc.text(marker, box.x, top, { width: LIST_STEP - 3, lineBreak: false });
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
        const text = measuredText(plainText(cell));
        if (text === '') return lineHeight(doc, TABLE_SIZE) + 2 * CELL_PAD;
        // Measured in the widest face any of it uses (mono, then bold), so the row is never too short.
        if (box.rtl) return rtlHeight(doc, cellRuns(cell, isBold(cell, row, column)), widths[column]! - 2 * CELL_PAD, TABLE_SIZE) + 2 * CELL_PAD;
        const face: FontName = cell.some((run) => run.code) ? 'mono' : isBold(cell, row, column) || cell.some((run) => run.bold) ? 'bold' : 'regular';
        doc.font(face).fontSize(TABLE_SIZE);
        return doc.heightOfString(text, { width: widths[column]! - 2 * CELL_PAD, lineGap: LINE_GAP }) + 2 * CELL_PAD;
      }),
    );

  const drawRow = (cells: Run[][], row: 'header' | number, height: number) => {
    const top = doc.y;
    // Right to left, the first column is on the right.
    let x = box.rtl ? box.x + box.width : box.x;
    cells.forEach((cell, column) => {
      const width = widths[column]!;
      if (box.rtl) x -= width;
      if (row === 'header') doc.rect(x, top, width, height).fillColor(COLOURS.headerFill).fill();
      doc.rect(x, top, width, height).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
      if (cell.length > 0) {
        doc.y = top + CELL_PAD;
        const align = block.align[column] ?? undefined;
        writeRuns(doc, cellRuns(cell, isBold(cell, row, column)), { ...box, x: x + CELL_PAD, width: width - 2 * CELL_PAD }, TABLE_SIZE, COLOURS.text, align);
      }
      if (!box.rtl) x += width;
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
      writeRuns(doc, [...label, ...cell], { ...area, x: area.x + CELL_PAD, width: area.width - 2 * CELL_PAD }, TABLE_SIZE, COLOURS.text);
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
    const text = measuredText(plainText(runs));
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

/** Writes styled runs as one wrapping paragraph from doc.y in the box, aligned to its start unless told otherwise. */
function writeRuns(doc: Doc, runs: readonly Run[], box: Box, size: number, colour: string, alignment?: 'left' | 'center' | 'right'): void {
  if (box.rtl) {
    writeRunsRtl(doc, runs, box, size, colour, alignment ?? 'right');
    return;
  }
  const align = alignment ?? 'left';
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
    useFace(doc, font).fontSize(size).fillColor(run.href ? COLOURS.link : colour);
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

/**
 * The face a character is set in: the preferred one, else the regular, else Noto Sans SC
 * (bold for bold text); what none has is drawn as MISSING.
 */
function faceOf(char: string, preferred: FontName): { font: FontName; out: string } {
  const code = char.codePointAt(0)!;
  const bold = preferred === 'bold' || preferred === 'boldItalic' || preferred === 'cjkBold';
  const own: DejaVuFace = preferred === 'cjk' ? 'regular' : preferred === 'cjkBold' ? 'bold' : preferred;
  if (/\s/.test(char) || dejavuHasGlyph(FONTS[own], code)) return { font: own, out: char };
  const fallback: DejaVuFace = bold ? 'bold' : 'regular';
  if (dejavuHasGlyph(FONTS[fallback], code)) return { font: fallback, out: char };
  if (dejavuHasGlyph(FONTS.regular, code)) return { font: 'regular', out: char };
  if (cjkHasGlyph(code)) return { font: bold ? 'cjkBold' : 'cjk', out: char };
  return { font: own, out: MISSING };
}

/** The text cut into pieces by the face that has their letters: the preferred one, else the regular. */
function fontPieces(text: string, preferred: FontName): { font: FontName; text: string }[] {
  const pieces: { font: FontName; text: string }[] = [];
  for (const char of text) {
    const { font, out } = faceOf(char, preferred);
    const last = pieces[pieces.length - 1];
    if (last && last.font === font) last.text += out;
    else pieces.push({ font, text: out });
  }
  return pieces;
}

/** pdfkit's metrics of a face (per 1 000 units of the em). */
interface FaceMetrics {
  ascender: number;
  descender: number;
  lineGap: number;
}
const aligned = new WeakSet<object>();

/**
 * Sets the face. Noto Sans SC takes DejaVu Sans's ascent, descent and gap: pdfkit places text
 * by its face's ascent, so a line that mixes the two then keeps one baseline and one height.
 */
function useFace(doc: Doc, name: FontName): Doc {
  doc.font(name);
  if (name !== 'cjk' && name !== 'cjkBold') return doc;
  const current = (doc as unknown as { _font: FaceMetrics })._font;
  if (!aligned.has(current)) {
    const { ascender, descender, lineGap } = (doc.font('regular') as unknown as { _font: FaceMetrics })._font;
    Object.assign(current, { ascender, descender, lineGap });
    aligned.add(current);
    doc.font(name);
  }
  return doc;
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

/**
 * Text to measure in one DejaVu face as it will be drawn: each character set in Noto Sans SC
 * (a square, one em wide) stands as an em space, DejaVu's one-em blank, where a line may break
 * as it may between Chinese characters.
 */
function measuredText(text: string): string {
  return fontPieces(pdfText(text), 'regular')
    .map((piece) => (piece.font === 'cjk' ? piece.text.replace(/\S/gu, '\u2003') : piece.text))
    .join('');
}

/**
 * One line of text at (x, y), from x, centred on it or ending at it, each piece in the face
 * that has its letters; cut short with "…" where it would be wider than `maxWidth`.
 */
function drawLine(
  doc: Doc,
  text: string,
  face: FontName,
  size: number,
  colour: string,
  at: { x: number; y: number; align?: 'start' | 'center' | 'end'; maxWidth?: number; baseline?: 'alphabetic' },
): void {
  const piecesOf = (value: string) => fontPieces(value.replace(RTL_WORDS, (run) => run.replace(/ /g, '\u00a0')), face);
  const widthOf = (pieces: { font: FontName; text: string }[]) => pieces.reduce((sum, piece) => sum + useFace(doc, piece.font).fontSize(size).widthOfString(piece.text), 0);
  let pieces = piecesOf(text);
  if (at.maxWidth !== undefined && widthOf(pieces) > at.maxWidth) {
    const chars = [...text];
    do chars.pop();
    while (chars.length > 0 && widthOf(piecesOf(`${chars.join('').trimEnd()}…`)) > at.maxWidth);
    pieces = piecesOf(`${chars.join('').trimEnd()}…`);
  }
  const width = widthOf(pieces);
  let x = at.align === 'end' ? at.x - width : at.align === 'center' ? at.x - width / 2 : at.x;
  // Every piece on the same baseline (the faces' ascents differ): DejaVu's, under a top at y.
  const baseline = at.baseline === 'alphabetic' ? at.y : at.y + DEJAVU_ASCENT * size;
  doc.fillColor(colour);
  for (const piece of pieces) {
    useFace(doc, piece.font).fontSize(size);
    doc.text(piece.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    x += doc.widthOfString(piece.text);
  }
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

// Right to left: a simplified Unicode bidi algorithm (UAX #9) for paragraphs whose direction is
// right to left, and lines broken and set here rather than by pdfkit, which only knows left to right.

type BidiType = 'R' | 'L' | 'EN' | 'N';

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** Characters drawn as their mirror image in right-to-left text (fontkit does not mirror them). */
const MIRRORED: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹' };
const OPENING_BRACKETS = '([{';
const CLOSING_BRACKETS = ')]}';

function bidiType(char: string): BidiType | 'NSM' {
  if (RTL_LETTER.test(char)) return 'R';
  if (/[0-9]/.test(char)) return 'EN';
  if (/\p{M}/u.test(char)) return 'NSM';
  if (/[\p{L}\p{N}]/u.test(char)) return 'L';
  return 'N';
}

/**
 * The embedding level of each character of a paragraph whose direction is right to left:
 * 1 for right to left, 2 for left to right (Latin words, numbers). UAX #9 without explicit
 * embeddings and isolates: W1 (marks), W4–W5 (separators and terminators in numbers), W7,
 * N0 (paired brackets), N1–N2 (neutrals), I2.
 */
export function bidiLevels(chars: readonly string[]): number[] {
  const n = chars.length;
  const types: BidiType[] = [];
  chars.forEach((char, index) => {
    const type = bidiType(char);
    types.push(type === 'NSM' ? (types[index - 1] ?? 'R') : type);
  });
  // W4: one separator between two digits is part of the number (2017-04-25, 10:30, 1,000).
  for (let i = 1; i < n - 1; i++) {
    if (types[i] === 'N' && /[-+,.:/]/.test(chars[i]!) && types[i - 1] === 'EN' && types[i + 1] === 'EN') types[i] = 'EN';
  }
  // W5: a percent or currency sign next to a number is part of it.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (types[i] === 'N' && /[%‰°$€£¥]/.test(chars[i]!) && (types[i - 1] === 'EN' || types[i + 1] === 'EN')) {
        types[i] = 'EN';
        changed = true;
      }
    }
  }
  // W7: a number after left-to-right letters is left to right.
  let strong: 'L' | 'R' = 'R';
  for (let i = 0; i < n; i++) {
    if (types[i] === 'L' || types[i] === 'R') strong = types[i] as 'L' | 'R';
    else if (types[i] === 'EN' && strong === 'L') types[i] = 'L';
  }
  // N0: a pair of brackets takes the direction of what it holds, or of what comes before it.
  const open: { char: string; index: number }[] = [];
  const pairs: [number, number][] = [];
  chars.forEach((char, index) => {
    if (types[index] !== 'N') return;
    if (OPENING_BRACKETS.includes(char)) open.push({ char, index });
    else if (CLOSING_BRACKETS.includes(char)) {
      let k = open.length - 1;
      while (k >= 0 && MIRRORED[open[k]!.char] !== char) k--;
      if (k >= 0) {
        pairs.push([open[k]!.index, index]);
        open.length = k;
      }
    }
  });
  pairs.sort((a, b) => a[0] - b[0]);
  for (const [start, end] of pairs) {
    const inside = types.slice(start + 1, end);
    let direction: 'L' | 'R' | null = null;
    if (inside.some((type) => type === 'R' || type === 'EN')) direction = 'R';
    else if (inside.includes('L')) {
      let before: 'L' | 'R' = 'R';
      for (let i = start - 1; i >= 0; i--) {
        if (types[i] === 'L') {
          before = 'L';
          break;
        }
        if (types[i] === 'R' || types[i] === 'EN') break;
      }
      direction = before;
    }
    if (direction) types[start] = types[end] = direction;
  }
  // N1–N2: neutrals between two of one direction take it (numbers count as right to left); others the paragraph's.
  for (let i = 0; i < n; ) {
    if (types[i] !== 'N') {
      i++;
      continue;
    }
    let j = i;
    while (j < n && types[j] === 'N') j++;
    const before = i === 0 || types[i - 1] !== 'L' ? 'R' : 'L';
    const after = j === n || types[j] !== 'L' ? 'R' : 'L';
    const direction: BidiType = before === after ? before : 'R';
    for (let k = i; k < j; k++) types[k] = direction;
    i = j;
  }
  return types.map((type) => (type === 'R' ? 1 : 2));
}

/** Items in visual order, left to right, from their logical order and levels (UAX #9, L2). */
export function visualOrder<T extends { level: number }>(items: readonly T[]): T[] {
  const out = [...items];
  const highest = Math.max(0, ...items.map((item) => item.level));
  for (let level = highest; level >= 1; level--) {
    for (let i = 0; i < out.length; ) {
      if (out[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j]!.level >= level) j++;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

interface RtlChar {
  char: string;
  run: Run;
  font: FontName;
  level: number;
}

interface RtlPiece {
  /** What pdfkit is given: right-to-left pieces mirrored, with no-break spaces (fontkit reverses them). */
  text: string;
  run: Run;
  font: FontName;
  width: number;
}

interface RtlLine {
  pieces: RtlPiece[];
  width: number;
}

const isSpace = (char: RtlChar | undefined) => char !== undefined && /\s/.test(char.char);

function measure(doc: Doc, chars: readonly RtlChar[], size: number): number {
  let width = 0;
  for (let i = 0; i < chars.length; ) {
    let j = i;
    while (j < chars.length && chars[j]!.font === chars[i]!.font) j++;
    width += useFace(doc, chars[i]!.font).fontSize(size).widthOfString(chars.slice(i, j).map((c) => c.char).join(''));
    i = j;
  }
  return width;
}

/** One line's characters (logical order) as pieces in visual order. */
function visualLine(doc: Doc, chars: readonly RtlChar[], size: number): RtlLine {
  const logical: { chars: RtlChar[]; level: number }[] = [];
  for (const char of chars) {
    const last = logical[logical.length - 1];
    if (last && last.level === char.level && last.chars[0]!.run === char.run && last.chars[0]!.font === char.font) last.chars.push(char);
    else logical.push({ chars: [char], level: char.level });
  }
  const pieces = visualOrder(logical).map(({ chars: group, level }): RtlPiece => {
    let text = group.map((c) => c.char).join('');
    if (level % 2 === 1) {
      text = [...text].map((char) => MIRRORED[char] ?? char).join('').replace(/ /g, '\u00a0');
      // fontkit sets a piece with right-to-left letters right to left; one of only neutrals is turned round here.
      if (!RTL_LETTER.test(text)) text = [...text].reverse().join('');
    }
    const { run, font } = group[0]!;
    return { text, run, font, width: useFace(doc, font).fontSize(size).widthOfString(text) };
  });
  return { pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0) };
}

/** The runs as lines no wider than `width`, each in visual order; a hard break starts a new paragraph. */
function rtlLayout(doc: Doc, runs: readonly Run[], width: number, size: number): RtlLine[] {
  const paragraphs: { char: string; run: Run }[][] = [[]];
  for (const run of runs) {
    for (const char of run.text) {
      if (char === '\n') paragraphs.push([]);
      else paragraphs[paragraphs.length - 1]!.push({ char, run });
    }
  }
  const lines: RtlLine[] = [];
  for (const paragraph of paragraphs) {
    const levels = bidiLevels(paragraph.map((c) => c.char));
    const chars = paragraph.map(({ char, run }, index): RtlChar => {
      const face = faceOf(char, fontOf(run));
      return { char: face.out, run, font: face.font, level: levels[index]! };
    });
    if (chars.every((char) => isSpace(char))) {
      lines.push({ pieces: [], width: 0 });
      continue;
    }
    let start = 0;
    while (start < chars.length) {
      while (isSpace(chars[start])) start++;
      if (start >= chars.length) break;
      // Whole words while they fit; a word wider than the line, as many of its letters as fit.
      let end = start;
      while (end < chars.length) {
        let next = end;
        while (isSpace(chars[next])) next++;
        while (next < chars.length && !isSpace(chars[next])) next++;
        if (measure(doc, chars.slice(start, next), size) <= width) {
          end = next;
          continue;
        }
        if (end === start) {
          end = start + 1;
          while (end < next && measure(doc, chars.slice(start, end + 1), size) <= width) end++;
        }
        break;
      }
      let last = end;
      while (last > start && isSpace(chars[last - 1])) last--;
      lines.push(visualLine(doc, chars.slice(start, last), size));
      start = end;
    }
  }
  return lines;
}

function lineStep(doc: Doc, size: number): number {
  doc.font('regular');
  return lineHeight(doc, size);
}

/** The height of the runs laid out right to left in `width`. */
function rtlHeight(doc: Doc, runs: readonly Run[], width: number, size: number): number {
  return rtlLayout(doc, runs, width, size).length * lineStep(doc, size);
}

/** The runs on one line, cut short with an ellipsis to `maxWidth`. */
function rtlLine(doc: Doc, runs: readonly Run[], size: number, maxWidth = Infinity): RtlLine {
  const line = (text: string) => rtlLayout(doc, runs.length === 1 ? [{ ...runs[0]!, text }] : runs, Infinity, size)[0] ?? { pieces: [], width: 0 };
  const text = runs.map((run) => run.text).join('').replace(/\s+/g, ' ');
  let whole = line(text);
  if (whole.width <= maxWidth || runs.length !== 1) return whole;
  const chars = [...text];
  while (chars.length > 1 && whole.width > maxWidth) {
    chars.pop();
    whole = line(chars.join('').trimEnd() + '…');
  }
  return whole;
}

function drawRtlLine(doc: Doc, line: RtlLine, x: number, y: number, size: number, colour: string, baseline?: 'alphabetic'): void {
  let cursor = x;
  for (const piece of line.pieces) {
    useFace(doc, piece.font).fontSize(size).fillColor(piece.run.href ? COLOURS.link : colour);
    doc.text(piece.text, cursor, y, {
      lineBreak: false,
      link: piece.run.href ?? null,
      underline: piece.run.href !== undefined,
      strike: piece.run.strike === true,
      ...(baseline ? { baseline } : {}),
    });
    cursor += piece.width;
  }
}

/** writeRuns for a right-to-left paragraph: lines broken here, each set in visual order, from the right unless told otherwise. */
function writeRunsRtl(doc: Doc, runs: readonly Run[], box: Box, size: number, colour: string, align: 'left' | 'center' | 'right'): void {
  const lines = rtlLayout(doc, runs, box.width, size);
  const step = lineStep(doc, size);
  let y = doc.y;
  for (const line of lines) {
    if (y + step > bottomOf(doc) && y > doc.page.margins.top + 1) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    const x = align === 'right' ? box.x + box.width - line.width : align === 'center' ? box.x + (box.width - line.width) / 2 : box.x;
    drawRtlLine(doc, line, x, y, size, colour);
    y += step;
  }
  doc.x = box.x;
  doc.y = y;
}
