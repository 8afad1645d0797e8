/**
 * The record as a Word document (docx): the (possibly edited) Markdown through the shared
 * block model — headings in Heading 1–3, the numbered summary paragraphs as a real numbered
 * list, bullet lists, tables with a repeating header row, bold/italic runs, safe links —
 * then the participation charts as images (SVG, with a PNG fallback for Word processors
 * that cannot show SVG). The header and footer carry the title, Draft/Final and page numbers.
 *
 * Fonts: DejaVu Sans for Latin, accented, Cyrillic and Arabic letters and Noto Sans SC as the
 * East Asian font (Chinese), both embedded in the document as subsets of the characters it
 * uses (record-fonts.ts), so the record looks the same on a machine that has neither.
 *
 * Language: the document's language (w:lang) is the record's, for spelling, hyphenation and
 * fonts: Arabic as the complex-script language, Chinese as the East Asian one. An Arabic
 * record is laid out right to left: every paragraph is bidirectional (w:bidi) and every table
 * visually right to left, so Word and LibreOffice run the lines, lists and columns from the
 * right and order mixed Arabic and Latin text by the Unicode bidi algorithm.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  type IParagraphOptions,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import { chartDescription, chartLayout, recordCharts, speakingChartSvg } from '../../shared/record/record-charts.ts';
import { RECORD_WORDS, type RecordLanguage } from '../../shared/record/record-words.ts';
import { layoutPng } from './chart-png.ts';
import { BODY_FONT, CJK_FONT, docxFonts } from './record-fonts.ts';
import {
  documentLanguage,
  markdownBlocks,
  plainText,
  statusLine,
  type Block,
  type ExportOptions,
  type Run,
  type TableBlock,
} from './record-tokens.ts';

export type { ExportOptions } from './record-tokens.ts';

/** Each script's font: Word takes the East Asian one for Chinese, the complex-script one for Arabic. */
const FONT = { ascii: BODY_FONT, hAnsi: BODY_FONT, cs: BODY_FONT, eastAsia: CJK_FONT };
const CODE_FONT = 'Courier New';
const HEADING_COLOUR = '14304F';
const LINK_COLOUR = '0B4F94';
/** Twips per list level, and the room for the number. */
const LIST_INDENT = 720;
const LIST_HANGING = 430;
const MAX_LEVEL = 8;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

interface NumberingConfig {
  reference: string;
  levels: ILevelsOptions[];
}

/** What rendering collects on the way (the numbered lists' configs), and which way the text runs. */
interface Context {
  numbering: NumberingConfig[];
  rtl: boolean;
}

/** A paragraph, bidirectional (laid out right to left) in a right-to-left record. */
function paragraph(context: Pick<Context, 'rtl'>, options: IParagraphOptions): Paragraph {
  return new Paragraph(context.rtl ? { ...options, bidirectional: true } : options);
}

/** Word's w:lang for the record's language: Latin-script text, or the complex-script or East Asian language. */
function wordLanguage(language: RecordLanguage): { value: string; bidirectional?: string; eastAsia?: string } {
  const tag = documentLanguage(language);
  if (language === 'ar') return { value: 'en-GB', bidirectional: tag };
  if (language === 'zh') return { value: 'en-GB', eastAsia: tag };
  return { value: tag };
}

export async function recordDocx(markdown: string, record: MeetingRecord, options: ExportOptions): Promise<Buffer> {
  const language = options.language ?? 'en';
  const w = RECORD_WORDS[language];
  const status = statusLine(options);
  const blocks = markdownBlocks(markdown);
  const context: Context = { numbering: [bulletConfig()], rtl: w.direction === 'rtl' };

  const children: (Paragraph | Table)[] = [
    paragraph(context, {
      children: [
        new TextRun({ text: `${w.summaryReport}${w.punctuation.colon}`, bold: true }),
        new TextRun({ text: status, bold: true, color: options.status === 'draft' ? '8A5300' : '1E6B2E' }),
      ],
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A0A0A0', space: 4 } },
      spacing: { after: 240 },
    }),
  ];
  if (!blocks.some((block) => block.kind === 'heading' && block.level === 1)) {
    children.push(paragraph(context, { heading: HeadingLevel.HEADING_1, children: [new TextRun(record.title)] }));
  }
  for (const block of blocks) children.push(...blockDocx(block, context, 0));

  const charts = recordCharts(record, language);
  if (charts.length > 0) {
    children.push(paragraph(context, { heading: HeadingLevel.HEADING_2, children: [new TextRun(w.charts)], pageBreakBefore: true }));
  }
  for (const chart of charts) {
    const layout = chartLayout(chart.rows, chart.title, 600, language);
    const png = layoutPng(layout, 2);
    const description = chartDescription(chart.rows, chart.title, language);
    children.push(
      paragraph(context, { heading: HeadingLevel.HEADING_3, children: [new TextRun(chart.title)], keepNext: true }),
      paragraph(context, {
        children: [
          new ImageRun({
            type: 'svg',
            data: Buffer.from(speakingChartSvg(chart.rows, chart.title, language), 'utf8'),
            fallback: { type: 'png', data: png.data },
            transformation: { width: layout.width, height: layout.height },
            altText: { name: chart.title, title: chart.title, description },
          }),
        ],
        spacing: { after: 240 },
      }),
    );
  }

  // Every character the document may show: its text, the record's names and the fixed words.
  const fonts = await docxFonts(`${markdown}${JSON.stringify(record)}${JSON.stringify(w)}${status}`);
  const document = new Document({
    title: record.title,
    fonts,
    subject: `${w.summaryReport} — ${status}`,
    description: `${w.summaryReport}: ${record.title} (${status})`,
    creator: 'EqualFloor',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 21, language: wordLanguage(language) },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        // Word's own heading styles, with the outline levels its navigation pane and tables of contents read.
        heading1: {
          run: { font: FONT, size: 34, bold: true, color: HEADING_COLOUR },
          paragraph: { spacing: { before: 240, after: 180 }, keepNext: true, outlineLevel: 0 },
        },
        heading2: {
          run: { font: FONT, size: 28, bold: true, color: HEADING_COLOUR },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 1 },
        },
        heading3: {
          run: { font: FONT, size: 24, bold: true, color: HEADING_COLOUR },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, outlineLevel: 2 },
        },
        hyperlink: { run: { color: LINK_COLOUR, underline: {} } },
        listParagraph: { paragraph: { spacing: { after: 100 } } },
      },
    },
    numbering: { config: context.numbering },
    sections: [
      {
        properties: {
          page: { margin: { top: 1440, bottom: 1440, left: 1300, right: 1300, header: 600, footer: 600 } },
        },
        headers: {
          default: new Header({
            children: [
              paragraph(context, {
                // The end of the line: the right in a left-to-right record, the left in a right-to-left one.
                alignment: context.rtl ? AlignmentType.LEFT : AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${record.title} — `, color: '4D4D4D', size: 17 }),
                  new TextRun({
                    text: options.status === 'draft' ? w.draft : w.final,
                    bold: true,
                    size: 17,
                    color: options.status === 'draft' ? '8A5300' : '1E6B2E',
                  }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              paragraph(context, {
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 17,
                    color: '4D4D4D',
                    children: [`${status} · `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function blockDocx(block: Block, context: Context, depth: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        paragraph(context, { heading: HEADINGS[Math.min(block.level, 3) - 1] ?? HeadingLevel.HEADING_3, children: runsDocx(block.runs) }),
      ];
    case 'paragraph':
      return [paragraph(context, { children: runsDocx(block.runs), ...(depth > 0 ? { indent: { left: LIST_INDENT * depth } } : {}) })];
    case 'rule':
      return [paragraph(context, { children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '8C8C8C', space: 1 } } })];
    case 'table':
      return [tableDocx(block, context)];
    case 'list':
      return listDocx(block, context, depth);
  }
}

/** One list: each item's first paragraph numbered (or bulleted) at the list's level, the rest indented under it. */
function listDocx(list: Extract<Block, { kind: 'list' }>, context: Context, depth: number): (Paragraph | Table)[] {
  const level = Math.min(depth, MAX_LEVEL);
  let reference = 'bullets';
  if (list.ordered) {
    reference = `numbers-${context.numbering.length}`;
    context.numbering.push(orderedConfig(reference, list.start));
  }
  const out: (Paragraph | Table)[] = [];
  for (const item of list.items) {
    let numbered = false;
    for (const block of item) {
      if (!numbered && block.kind === 'paragraph') {
        out.push(paragraph(context, { children: runsDocx(block.runs), numbering: { reference, level } }));
        numbered = true;
      } else if (!numbered && block.kind !== 'list') {
        out.push(paragraph(context, { children: [], numbering: { reference, level } }), ...blockDocx(block, context, depth + 1));
        numbered = true;
      } else {
        out.push(...blockDocx(block, context, depth + 1));
      }
    }
    if (!numbered) out.push(paragraph(context, { children: [], numbering: { reference, level } }));
  }
  return out;
}

function orderedConfig(reference: string, start: number): NumberingConfig {
  const formats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;
  return {
    reference,
    levels: Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
      level,
      format: formats[level % 3]!,
      text: `%${level + 1}.`,
      start,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_HANGING } } },
    })),
  };
}

function bulletConfig(): NumberingConfig {
  const marks = ['•', '–', '▪'];
  return {
    reference: 'bullets',
    levels: Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
      level,
      format: LevelFormat.BULLET,
      text: marks[level % 3]!,
      alignment: AlignmentType.LEFT,
      style: {
        paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: 360 } },
        run: { font: FONT },
      },
    })),
  };
}

function cellAlignment(align: TableBlock['align'][number], context: Context): Pick<IParagraphOptions, 'alignment'> {
  if (align === 'right') return { alignment: AlignmentType.RIGHT };
  if (align === 'center') return { alignment: AlignmentType.CENTER };
  return context.rtl ? {} : { alignment: AlignmentType.LEFT };
}

function tableDocx(table: TableBlock, context: Context): Table {
  const columns = Math.max(table.header?.length ?? 0, ...table.rows.map((row) => row.length), 1);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (runs: readonly Run[], index: number, header: boolean) =>
    new TableCell({
      children: [
        paragraph(context, {
          children: runsDocx(header ? runs.map((run) => ({ ...run, bold: true })) : runs),
          // Unaligned cells start where the text does: on the left, or on the right in a right-to-left record.
          ...cellAlignment(table.align[index] ?? null, context),
          spacing: { after: 0 },
        }),
      ],
      borders,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8EDF3', color: 'auto' } } : {}),
    });
  const pad = (row: Run[][]) => Array.from({ length: columns }, (_, index) => row[index] ?? []);
  const rows: TableRow[] = [];
  if (table.header)
    rows.push(
      new TableRow({ tableHeader: true, cantSplit: true, children: pad(table.header).map((runs, index) => cell(runs, index, true)) }),
    );
  for (const row of table.rows) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: pad(row).map((runs, index) => cell(runs, index, index === 0 && table.rowHeaders && plainText(runs) !== '')),
      }),
    );
  }
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, ...(context.rtl ? { visuallyRightToLeft: true } : {}) });
}

function runsDocx(runs: readonly Run[]): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of runs) {
    if (run.text === '\n') {
      out.push(new TextRun({ break: 1 }));
      continue;
    }
    const lines = run.text.split('\n');
    const textRuns = lines.map(
      (line, index) =>
        new TextRun({
          text: line,
          ...(index > 0 ? { break: 1 } : {}),
          // Only what is on: an explicit "not bold" would override the heading styles' bold.
          ...(run.bold ? { bold: true } : {}),
          ...(run.italic ? { italics: true } : {}),
          ...(run.strike ? { strike: true } : {}),
          ...(run.code ? { font: CODE_FONT } : {}),
          ...(run.href ? { style: 'Hyperlink' } : {}),
        }),
    );
    if (run.href) out.push(new ExternalHyperlink({ link: run.href, children: textRuns }));
    else out.push(...textRuns);
  }
  return out;
}
