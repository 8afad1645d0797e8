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
 *
 * This file sets up the document, the charts and the running header and footer; the blocks
 * are in pdf-blocks.ts, faces and lines of text in pdf-text.ts, right to left in pdf-rtl.ts.
 */
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import { chartLayout, recordCharts } from '../../shared/record/record-charts.ts';
import { RECORD_WORDS } from '../../shared/record/record-words.ts';
import { openPdf } from './pdf-document.ts';
import { markdownBlocks, statusLine, type ExportOptions } from './record-tokens.ts';
import { heading, renderBlock, writeRuns } from './pdf-blocks.ts';
import { drawRtlLine, rtlLine } from './pdf-rtl.ts';
import { BODY_SIZE, COLOURS, drawLine, ensureRoom, MARGINS, type Box } from './pdf-text.ts';

export type { ExportOptions } from './record-tokens.ts';
export { bidiPieces, pdfText } from './pdf-text.ts';
export { bidiLevels, visualOrder } from './pdf-rtl.ts';
export async function recordPdf(markdown: string, record: MeetingRecord, options: ExportOptions): Promise<Buffer> {
  const language = options.language ?? 'en';
  const w = RECORD_WORDS[language];
  const status = statusLine(options);
  const blocks = markdownBlocks(markdown);

  const { doc, done } = openPdf(language, {
    Title: record.title,
    Subject: `${w.summaryReport} — ${status}`,
    Author: record.body || 'EqualFloor',
    Keywords: `${w.summaryReport}, ${options.status}`,
    CreationDate: new Date(record.generatedAt),
  });
  const rtl = w.direction === 'rtl';
  const page: Box = { x: MARGINS.left, width: doc.page.width - MARGINS.left - MARGINS.right, rtl };

  // The banner.
  const bannerColour = options.status === 'draft' ? COLOURS.draft : COLOURS.final;
  writeRuns(doc, [{ text: `${w.summaryReport}${w.punctuation.colon}${status}`, bold: true }], page, BODY_SIZE, bannerColour);
  const ruleY = doc.y + 4;
  doc
    .moveTo(page.x, ruleY)
    .lineTo(page.x + page.width, ruleY)
    .lineWidth(0.75)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.y = ruleY + 10;

  if (!blocks.some((block) => block.kind === 'heading' && block.level === 1)) heading(doc, [{ text: record.title }], 1, page);
  for (const block of blocks) renderBlock(doc, block, page, 0);

  // The charts, as vector bars from the same layout as the SVG.
  const charts = recordCharts(record, language);
  if (charts.length > 0) {
    doc.addPage();
    heading(doc, [{ text: w.charts }], 2, page);
  }
  for (const chart of charts) {
    const layout = chartLayout(chart.rows, chart.title, 600, language);
    const scale = page.width / layout.width;
    const height = layout.height * scale;
    ensureRoom(doc, height + 12);
    const top = doc.y;
    for (const rect of layout.rects) {
      doc
        .rect(page.x + rect.x * scale, top + rect.y * scale, rect.width * scale, rect.height * scale)
        .fillColor(rect.fill)
        .fill();
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
      drawRtlLine(
        doc,
        rtlLine(doc, [{ text: options.status === 'draft' ? w.draft : w.final, bold: true }], 8, 90),
        MARGINS.left,
        32,
        8,
        bannerColour,
      );
      const footer = rtlLine(doc, [{ text: pageNumber }], 8, width);
      drawRtlLine(doc, footer, MARGINS.left + (width - footer.width) / 2, doc.page.height - 42, 8, COLOURS.muted);
      doc.page.margins.bottom = bottom;
      continue;
    }
    drawLine(doc, record.title, 'regular', 8, COLOURS.muted, { x: MARGINS.left, y: 32, maxWidth: width - 100 });
    drawLine(doc, options.status === 'draft' ? w.draft : w.final, 'bold', 8, bannerColour, {
      x: MARGINS.left + width,
      y: 32,
      align: 'end',
      maxWidth: 90,
    });
    drawLine(doc, pageNumber, 'regular', 8, COLOURS.muted, {
      x: MARGINS.left + width / 2,
      y: doc.page.height - 42,
      align: 'center',
      maxWidth: width,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
