/**
 * The Markdown blocks in the PDF: headings (also as bookmarks), paragraphs, rules, nested lists,
 * and tables as grids with wrapping cells that break across pages under a repeated header row.
 */
import { plainText, type Block, type ListBlock, type Run, type TableBlock } from './record-tokens.ts';
import { writeRunsRtl, rtlHeight } from './pdf-rtl.ts';
import {
  BODY_SIZE,
  CELL_PAD,
  COLOURS,
  HEADING_SIZES,
  LINE_GAP,
  LIST_STEP,
  TABLE_SIZE,
  bidiPieces,
  bottomOf,
  ensureRoom,
  fontOf,
  fontPieces,
  lineHeight,
  measuredText,
  useFace,
  type Box,
  type Doc,
  type FontName,
} from './pdf-text.ts';

export function renderBlock(doc: Doc, block: Block, box: Box, depth: number): void {
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
      doc
        .moveTo(box.x, y)
        .lineTo(box.x + box.width, y)
        .lineWidth(0.75)
        .strokeColor(COLOURS.rule)
        .stroke();
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

export function heading(doc: Doc, runs: readonly Run[], level: number, box: Box): void {
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

  const cellHeight = (cell: Run[], row: 'header' | number, column: number) => {
    const text = measuredText(plainText(cell));
    if (text === '') return lineHeight(doc, TABLE_SIZE) + 2 * CELL_PAD;
    // Measured in the widest face any of it uses (mono, then bold), so the row is never too short.
    if (box.rtl)
      return rtlHeight(doc, cellRuns(cell, isBold(cell, row, column)), widths[column]! - 2 * CELL_PAD, TABLE_SIZE) + 2 * CELL_PAD;
    const face: FontName = cell.some((run) => run.code)
      ? 'mono'
      : isBold(cell, row, column) || cell.some((run) => run.bold)
        ? 'bold'
        : 'regular';
    doc.font(face).fontSize(TABLE_SIZE);
    return doc.heightOfString(text, { width: widths[column]! - 2 * CELL_PAD, lineGap: LINE_GAP }) + 2 * CELL_PAD;
  };
  const rowHeight = (cells: Run[][], row: 'header' | number) => Math.max(...cells.map((cell, column) => cellHeight(cell, row, column)));

  /**
   * The row cut where `room` ends: each cell's words that fit in it, and the rest for the next
   * page; null when not even a line of it fits.
   */
  const splitRow = (cells: Run[][], row: number, room: number): [Run[][], Run[][]] | null => {
    const parts = cells.map((cell, column) => {
      const words = cellWords(cell);
      // The most words whose lines fit in the room.
      let low = 0;
      let high = words.length;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (cellHeight(joinWords(words.slice(0, middle)), row, column) <= room) low = middle;
        else high = middle - 1;
      }
      return [joinWords(words.slice(0, low)), joinWords(words.slice(low))] as const;
    });
    // Nothing fits, or a cell that has words would start with none of them: the whole row on the next page.
    if (parts.some(([first, rest], column) => first.length === 0 && rest.length > 0 && cells[column]!.length > 0)) return null;
    return [parts.map(([first]) => first), parts.map(([, rest]) => rest)];
  };

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
        writeRuns(
          doc,
          cellRuns(cell, isBold(cell, row, column)),
          { ...box, x: x + CELL_PAD, width: width - 2 * CELL_PAD },
          TABLE_SIZE,
          COLOURS.text,
          align,
        );
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
  const newPage = () => {
    doc.addPage();
    if (header) drawRow(header, 'header', headerHeight);
  };
  // Rows flow on: one that does not fit is cut at the foot of the page and goes on under the header repeated.
  rows.forEach((cells, index) => {
    let rest = cells;
    for (let fresh = false; ; fresh = true) {
      const height = rowHeight(rest, index);
      const room = bottomOf(doc) - doc.y;
      if (height <= room) {
        drawRow(rest, index, height);
        return;
      }
      const split = room >= lineHeight(doc, TABLE_SIZE) + 2 * CELL_PAD ? splitRow(rest, index, room) : null;
      if (split) {
        drawRow(split[0], index, room);
        rest = split[1];
      } else if (fresh) {
        // Not a line of it fits a whole page (a word too long to break): drawn as it is, past the foot.
        drawRow(rest, index, height);
        return;
      }
      newPage();
    }
  });
  doc.y += 8;
}

/** A cell's words, each with the space after it, in the style of its run; a line break is a word of its own. */
function cellWords(cell: readonly Run[]): Run[] {
  return cell.flatMap((run) => (run.text === '\n' ? [run] : (run.text.match(/\S+\s*|\s+/g) ?? []).map((text) => ({ ...run, text }))));
}

/** Words back into runs: neighbours of the same style as one. */
function joinWords(words: readonly Run[]): Run[] {
  const runs: Run[] = [];
  for (const word of words) {
    const last = runs[runs.length - 1];
    const { text: lastText, ...lastStyle } = last ?? { text: '' };
    const { text, ...style } = word;
    if (last && word.text !== '\n' && lastText !== '\n' && JSON.stringify(lastStyle) === JSON.stringify(style)) last.text += text;
    else runs.push({ ...word });
  }
  if (runs.length > 0)
    runs[runs.length - 1] = { ...runs[runs.length - 1]!, text: runs[runs.length - 1]!.text.trimEnd() || runs[runs.length - 1]!.text };
  return runs;
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

/** Writes styled runs as one wrapping paragraph from doc.y in the box, aligned to its start unless told otherwise. */
export function writeRuns(
  doc: Doc,
  runs: readonly Run[],
  box: Box,
  size: number,
  colour: string,
  alignment?: 'left' | 'center' | 'right',
): void {
  if (box.rtl) {
    writeRunsRtl(doc, runs, box, size, colour, alignment ?? 'right');
    return;
  }
  const align = alignment ?? 'left';
  // Each right-to-left stretch is a text() call of its own: pdfkit then never puts it in one
  // word with the text around it, so fontkit lays it out alone, right to left. Letters the
  // run's face lacks (Arabic in the oblique) are set in the regular face.
  const pieces = runs.flatMap((run) =>
    bidiPieces(run.text).flatMap((piece) => fontPieces(piece, fontOf(run)).map((part) => ({ run, ...part }))),
  );
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
    useFace(doc, font)
      .fontSize(size)
      .fillColor(run.href ? COLOURS.link : colour);
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
