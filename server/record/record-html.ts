/**
 * The record as one standalone, printable HTML document: the (possibly edited) Markdown
 * rendered through the shared block model (raw HTML shown as text, only http/https/mailto
 * links), a Draft/Final banner, and the participation charts as inline SVG, each with its
 * figures in a table. No scripts, no external assets; a Content-Security-Policy says so too.
 * Landmarks (header, main, footer), headings in order and table headers with scope keep it
 * accessible (axe).
 */
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import { chartClock, chartShare, escapeXml, recordCharts, speakingChartSvg } from '../../shared/record/record-charts.ts';
import { RECORD_WORDS, type RecordLanguage } from '../../shared/record/record-words.ts';
import {
  markdownBlocks,
  plainText,
  statusLine,
  utcDateTime,
  type Align,
  type Block,
  type ExportOptions,
  type Run,
  type TableBlock,
} from './record-tokens.ts';

export type { ExportOptions } from './record-tokens.ts';

export function recordHtml(markdown: string, record: MeetingRecord, options: ExportOptions): string {
  const language = options.language ?? 'en';
  const w = RECORD_WORDS[language];
  const blocks = markdownBlocks(markdown);
  const status = statusLine(options);
  const hasTitle = blocks.some((block) => block.kind === 'heading' && block.level === 1);

  const body: string[] = [];
  if (!hasTitle) body.push(`<h1>${escapeXml(record.title)}</h1>`);
  body.push(...blocks.map(blockHtml));

  const charts = recordCharts(record, language);
  const chartHtml = charts.map((chart, index) => {
    const id = `chart-${index + 1}`;
    const rows = chart.rows
      .map(
        (row) =>
          `<tr><th scope="row">${escapeXml(row.label)}</th><td class="num">${row.turns}</td><td class="num">${chartClock(row.ms)}</td><td class="num">${chartShare(
            row,
            chart.rows,
          )}%</td></tr>`,
      )
      .join('\n');
    return [
      `<section class="chart" aria-labelledby="${id}">`,
      `<h3 id="${id}">${escapeXml(chart.title)}</h3>`,
      `<figure>${speakingChartSvg(chart.rows, chart.title, language)}</figure>`,
      `<table class="figures">`,
      `<caption>${escapeXml(w.figures(chart.title))}</caption>`,
      `<thead><tr><td></td><th scope="col">${escapeXml(w.turns)}</th><th scope="col">${escapeXml(w.speakingTime)}</th><th scope="col">${escapeXml(w.share)}</th></tr></thead>`,
      `<tbody>`,
      rows,
      `</tbody>`,
      `</table>`,
      `</section>`,
    ].join('\n');
  });

  const title = `${record.title} — ${w.summaryReport} (${options.status === 'draft' ? w.draft : w.final})`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${htmlLang(language)}"${w.direction === 'rtl' ? ' dir="rtl"' : ''}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="generator" content="EqualFloor">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    `<header class="banner ${options.status}"><p><strong>${escapeXml(w.summaryReport)}${escapeXml(w.punctuation.colon.trimEnd())}</strong>${w.punctuation.colon.endsWith(' ') ? ' ' : ''}${escapeXml(status)}</p></header>`,
    '<main>',
    ...body,
    ...(charts.length > 0
      ? [`<section class="charts" aria-labelledby="charts">`, `<h2 id="charts">${escapeXml(w.charts)}</h2>`, ...chartHtml, '</section>']
      : []),
    '</main>',
    `<footer><p>${escapeXml(w.generatedAt)} · ${escapeXml(utcDateTime(record.generatedAt, language))} · ${escapeXml(status)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** `zh` is written in simplified characters: `zh-Hans` lets browsers choose a font for them. */
function htmlLang(language: RecordLanguage): string {
  return language === 'zh' ? 'zh-Hans' : language;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${runsHtml(block.runs)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${runsHtml(block.runs)}</p>`;
    case 'rule':
      return '<hr>';
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      const items = block.items.map((item) => `<li>${item.map(blockHtml).join('\n')}</li>`).join('\n');
      return `<${tag}${start}>\n${items}\n</${tag}>`;
    }
    case 'table':
      return tableHtml(block);
  }
}

/** A table in a box of its own that scrolls sideways when the table is wider than the screen (a phone's). */
function tableHtml(table: TableBlock): string {
  const out: string[] = ['<div class="table-scroll" tabindex="0" role="group">', '<table>'];
  const align = (index: number) => alignClass(table.align[index] ?? null);
  if (table.header) {
    const cells = table.header.map((cell, index) =>
      plainText(cell).trim() === '' ? `<td${align(index)}></td>` : `<th scope="col"${align(index)}>${runsHtml(cell)}</th>`,
    );
    out.push(`<thead><tr>${cells.join('')}</tr></thead>`);
  }
  out.push('<tbody>');
  for (const row of table.rows) {
    const cells = row.map((cell, index) =>
      index === 0 && table.rowHeaders
        ? `<th scope="row"${align(index)}>${runsHtml(cell)}</th>`
        : `<td${align(index)}>${runsHtml(cell)}</td>`,
    );
    out.push(`<tr>${cells.join('')}</tr>`);
  }
  out.push('</tbody>', '</table>', '</div>');
  return out.join('\n');
}

function alignClass(align: Align): string {
  return align === null || align === 'left' ? '' : ` class="align-${align}"`;
}

function runsHtml(runs: readonly Run[]): string {
  return runs.map(runHtml).join('');
}

function runHtml(run: Run): string {
  if (run.text === '\n') return '<br>';
  let html = escapeXml(run.text);
  if (run.code) html = `<code>${html}</code>`;
  if (run.strike) html = `<del>${html}</del>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.href) html = `<a href="${escapeXml(run.href)}" rel="noopener noreferrer">${html}</a>`;
  return html;
}

const STYLESHEET = `
:root { color-scheme: light; }
html { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a; background: #ffffff; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; overflow-wrap: break-word; }
@media (max-width: 30rem) { body { padding: 1rem 0.75rem; } }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.5rem 0 1rem; color: #14304f; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; color: #14304f; border-bottom: 1px solid #b8c4d2; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; color: #14304f; }
h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
p { margin: 0 0 0.75rem; }
ol, ul { margin: 0 0 1rem; padding-inline-start: 2rem; }
li { margin: 0 0 0.5rem; }
li > p { margin: 0 0 0.4rem; }
li > ul, li > ol { margin: 0.3rem 0 0.3rem; }
a { color: #0b4f94; text-decoration: underline; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.92em; background: #f2f2f2; padding: 0 0.2em; white-space: pre-wrap; }
hr { border: 0; border-top: 1px solid #8c8c8c; margin: 1.5rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.25rem; font-size: 0.93rem; }
caption { text-align: start; font-weight: bold; padding: 0.3rem 0; color: #1a1a1a; }
th, td { border: 1px solid #8c8c8c; padding: 0.3rem 0.5rem; text-align: start; vertical-align: top; overflow-wrap: normal; word-break: normal; hyphens: manual; }
.table-scroll { overflow-x: auto; margin: 0 0 1.25rem; }
.table-scroll:focus-visible { outline: 2px solid #0b4f94; outline-offset: 2px; }
.table-scroll > table { margin: 0; }
thead th, thead td { background: #e8edf3; }
th { font-weight: bold; }
.align-center { text-align: center; }
.align-right { text-align: right; }
td.num { text-align: end; }
.banner { border: 2px solid; border-radius: 4px; padding: 0.5rem 0.9rem; margin: 0 0 1rem; }
.banner p { margin: 0; }
.banner.draft { color: #6b3f00; background: #fff3dc; border-color: #a86400; }
.banner.final { color: #0b4a1c; background: #e6f4ea; border-color: #2e7d32; }
.charts figure { margin: 0 0 0.75rem; }
.charts svg { max-width: 100%; height: auto; display: block; }
.figures { width: auto; min-width: 60%; }
footer { margin-top: 2rem; border-top: 1px solid #b8c4d2; padding-top: 0.5rem; font-size: 0.85rem; color: #4d4d4d; }
@media print {
  @page { size: A4; margin: 18mm 16mm 20mm; }
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  a { color: #000000; }
  a[href^="http"]::after, a[href^="mailto"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, figure, .chart svg { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table-scroll { overflow: visible; }
  .chart { break-inside: avoid; page-break-inside: avoid; }
  .banner { border-width: 1pt; }
  footer { position: static; }
}
`.trim();
