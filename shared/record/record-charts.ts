/**
 * The record's participation charts: horizontal bars of speaking time, with the turns,
 * by where people took part from, by stakeholder group and by region. One layout, drawn
 * three ways: as SVG (HTML and DOCX), as a PNG fallback (server/record/chart-png.ts) and as
 * vector bars in the PDF. Pure: no DOM, no Node.
 */
import type { MeetingRecord } from './record-model.ts';
import { RECORD_WORDS, type ChartWords, type RecordLanguage, type RecordWords } from './record-words.ts';

export type { ChartWords } from './record-words.ts';

export interface ChartRow {
  label: string;
  turns: number;
  ms: number;
}

/** Words the charts need beyond the record's own: they are part of the record's words (RecordWords). */
export const CHART_WORDS: Record<RecordLanguage, ChartWords> = RECORD_WORDS;

export interface RecordChart {
  title: string;
  rows: ChartRow[];
}

/** The charts of a record, labelled in its language: by location, group and region; none when nobody spoke (an empty chart is left out). */
export function recordCharts(record: MeetingRecord, language: RecordLanguage = 'en'): RecordChart[] {
  const w: RecordWords = RECORD_WORDS[language];
  const stats = record.statistics;
  const charts: RecordChart[] = [
    {
      title: w.byLocation,
      rows: stats.byLocation.map((row) => ({ label: w.locations[row.key] ?? row.key, turns: row.turns, ms: row.ms })),
    },
    {
      title: w.byStakeholderGroup,
      rows: stats.byStakeholderGroup.map((row) => ({ label: w.stakeholderGroups[row.key] ?? row.key, turns: row.turns, ms: row.ms })),
    },
    {
      title: w.byRegion,
      rows: stats.byRegion.map((row) => ({ label: w.regions[row.key] ?? row.key, turns: row.turns, ms: row.ms })),
    },
  ];
  return charts.filter((chart) => chart.rows.length > 0);
}

/** Minutes and seconds, `12:05` (minutes go past 59). */
export function chartClock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Whole-percent shares of the total time. */
export function chartShare(row: ChartRow, rows: readonly ChartRow[]): number {
  const total = rows.reduce((sum, other) => sum + other.ms, 0);
  return total > 0 ? Math.round((row.ms / total) * 100) : 0;
}

/** The chart's figures in one sentence, for alt text, aria-label and <title>. */
export function chartDescription(rows: readonly ChartRow[], title: string, language: RecordLanguage = 'en'): string {
  const w = RECORD_WORDS[language];
  const p = w.punctuation;
  if (rows.length === 0) return `${title}${p.colon}${w.none}${p.fullStop}`;
  const figures = rows.map(
    (row) => `${row.label} ${chartClock(row.ms)}${p.comma}${w.turnCount(row.turns)}${p.open}${chartShare(row, rows)}%${p.close}`,
  );
  return `${title} — ${w.speakingTime.toLocaleLowerCase(w.locale)}${p.colon}${figures.join(p.semicolon)}${p.fullStop}`;
}

export interface ChartText {
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  size: number;
  bold: boolean;
  anchor: 'start' | 'end';
  fill: string;
}

export interface ChartRect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  background: string;
  rects: ChartRect[];
  texts: ChartText[];
}

export const CHART_COLOURS = {
  background: '#ffffff',
  text: '#1a1a1a',
  muted: '#4d4d4d',
  bar: '#1f5a96',
  axis: '#595959',
} as const;

const PAD = 12;
const TITLE_SIZE = 15;
const LABEL_SIZE = 13;
const VALUE_SIZE = 12;
const ROW = 26;
const BAR = 16;
const TOP = 40;
const VALUE_ROOM = 118;
const MAX_LABEL = 230;

/** An estimate of a text's width in a sans-serif face (DejaVu Sans is on the wide side). */
export function estimateTextWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const char of text) {
    if (/[il.,:;'|!]/.test(char)) em += 0.3;
    else if (/[ fjrt()\-\s]/.test(char)) em += 0.4;
    else if (/[mwMW@]/.test(char)) em += 0.9;
    else if (/[A-Z]/.test(char)) em += 0.7;
    else if (/[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/.test(char)) em += 1;
    else em += 0.6;
  }
  return em * size * (bold ? 1.08 : 1);
}

/** Cuts a label to a width, with an ellipsis. */
function fitLabel(label: string, size: number, width: number): string {
  if (estimateTextWidth(label, size) <= width) return label;
  const chars = [...label];
  while (chars.length > 1 && estimateTextWidth(chars.join('') + '…', size) > width) chars.pop();
  return chars.join('').trimEnd() + '…';
}

/** Where everything goes: the same geometry for SVG, PNG and PDF (units are CSS pixels). */
export function chartLayout(rows: readonly ChartRow[], title: string, width = 600, language: RecordLanguage = 'en'): ChartLayout {
  const w = RECORD_WORDS[language];
  const labelWidth = Math.min(MAX_LABEL, Math.max(60, ...rows.map((row) => estimateTextWidth(row.label, LABEL_SIZE))));
  const axisX = PAD + labelWidth + 10;
  const barRoom = Math.max(40, width - axisX - VALUE_ROOM - PAD);
  const maxMs = Math.max(0, ...rows.map((row) => row.ms));
  const height = TOP + Math.max(1, rows.length) * ROW + PAD;
  const rects: ChartRect[] = [];
  const texts: ChartText[] = [
    {
      x: PAD,
      y: PAD + TITLE_SIZE,
      text: fitLabel(title, TITLE_SIZE, width - 2 * PAD),
      size: TITLE_SIZE,
      bold: true,
      anchor: 'start',
      fill: CHART_COLOURS.text,
    },
  ];
  rows.forEach((row, index) => {
    const top = TOP + index * ROW;
    const barWidth = maxMs > 0 ? Math.max(row.ms > 0 ? 2 : 0, Math.round((row.ms / maxMs) * barRoom)) : 0;
    texts.push({
      x: axisX - 8,
      y: top + ROW / 2 + LABEL_SIZE * 0.36,
      text: fitLabel(row.label, LABEL_SIZE, labelWidth),
      size: LABEL_SIZE,
      bold: false,
      anchor: 'end',
      fill: CHART_COLOURS.text,
    });
    if (barWidth > 0) rects.push({ x: axisX, y: top + (ROW - BAR) / 2, width: barWidth, height: BAR, fill: CHART_COLOURS.bar });
    texts.push({
      x: axisX + barWidth + 6,
      y: top + ROW / 2 + VALUE_SIZE * 0.36,
      text: `${chartClock(row.ms)} · ${w.turnCount(row.turns)}`,
      size: VALUE_SIZE,
      bold: false,
      anchor: 'start',
      fill: CHART_COLOURS.muted,
    });
  });
  if (rows.length === 0) {
    texts.push({
      x: axisX + 6,
      y: TOP + ROW / 2 + VALUE_SIZE * 0.36,
      text: w.none,
      size: VALUE_SIZE,
      bold: false,
      anchor: 'start',
      fill: CHART_COLOURS.muted,
    });
  }
  rects.push({ x: axisX - 1, y: TOP - 2, width: 1, height: Math.max(1, rows.length) * ROW + 4, fill: CHART_COLOURS.axis });
  return { width, height, background: CHART_COLOURS.background, rects, texts };
}

/** The chart as a standalone SVG document: role="img", its figures in aria-label and <title>. */
export function speakingChartSvg(
  rows: { label: string; turns: number; ms: number }[],
  title: string,
  language: RecordLanguage = 'en',
): string {
  const layout = chartLayout(rows, title, 600, language);
  const description = chartDescription(rows, title, language);
  const parts: string[] = [
    // The layout is drawn left to right whatever the language: inline in a right-to-left page, the
    // SVG would otherwise inherit its direction and turn its text anchors round.
    `<svg xmlns="http://www.w3.org/2000/svg" role="img"${RECORD_WORDS[language].direction === 'rtl' ? ' direction="ltr"' : ''} aria-label="${escapeXml(description)}" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif">`,
    `<title>${escapeXml(description)}</title>`,
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="${layout.background}"/>`,
  ];
  for (const rect of layout.rects) {
    parts.push(`<rect x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.width)}" height="${num(rect.height)}" fill="${rect.fill}"/>`);
  }
  for (const text of layout.texts) {
    parts.push(
      `<text x="${num(text.x)}" y="${num(text.y)}" font-size="${text.size}"${text.bold ? ' font-weight="bold"' : ''}${
        text.anchor === 'end' ? ' text-anchor="end"' : ''
      } fill="${text.fill}">${escapeXml(text.text)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Text safe in XML (and HTML) content and attribute values. */
export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold at all are dropped.
  // eslint-disable-next-line no-control-regex
  const storable = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return storable.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
