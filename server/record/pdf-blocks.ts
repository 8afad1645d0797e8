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

  const rowHeight = (cells: Run[][], row: 'header' | number) =>
    Math.max(
      ...cells.map((cell, column) => {
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
    doc
      .moveTo(area.x, doc.y)
      .lineTo(area.x + area.width, doc.y)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    doc.y += CELL_PAD;
    cells.forEach((cell, column) => {
      if (plainText(cell).trim() === '') return;
      const name = names?.[column] ?? [];
      const label: Run[] =
        plainText(name).trim() === '' ? [] : [...name.map((run) => ({ ...run, bold: true })), { text: ': ', bold: true }];
      writeRuns(doc, [...label, ...cell], { ...area, x: area.x + CELL_PAD, width: area.width - 2 * CELL_PAD }, TABLE_SIZE, COLOURS.text);
      doc.y += CELL_PAD;
    });
    doc
      .moveTo(area.x, doc.y)
      .lineTo(area.x + area.width, doc.y)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
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
