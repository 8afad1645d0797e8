/**
 * The record's layout in its files: a long table in the PDF flows from page to page with no
 * blank space before it breaks, under its header row repeated; the DOCX's headings are Word's
 * own heading styles, so Word's navigation pane and table of contents see them.
 */
import { describe, expect, it } from 'vitest';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { RECORD_WORDS } from '../../shared/record/record-words.ts';
import { recordDocx } from '../../server/record/record-docx.ts';
import { recordPdf } from '../../server/record/record-pdf.ts';
import { MARGINS } from '../../server/record/pdf-text.ts';
import { headingTexts, markdownBlocks } from '../../server/record/record-tokens.ts';
import { longProposalsRecord } from '../support/record-fixtures.ts';
import { pdfWords, type PdfWord } from '../support/pdf-reading.ts';
import { unzipText } from '../support/unzip.ts';

describe.each(['en', 'ar'] as const)('a long proposals table in the PDF (%s)', (language) => {
  it('fills each page to its foot before it breaks, and repeats its header row on the next', async () => {
    const record = longProposalsRecord();
    const { words, pageHeights } = pdfWords(await recordPdf(recordMarkdown(record, language), record, { status: 'draft', language }));
    const objections = RECORD_WORDS[language].objections;
    // pdftotext gives Arabic words in the order they are drawn (right to left, lam-alef as one): the same letters.
    const letters = (text: string) => [...text].sort().join('');
    const isObjections = (word: PdfWord) => letters(word.text) === letters(objections);
    /** The page's text between the running header and footer. */
    const body = (page: number) => words.filter((word) => word.page === page && word.yMin > 50 && word.yMax < pageHeights[page - 1]! - 50);
    const firstLine = (page: number) => {
      const top = Math.min(...body(page).map((word) => word.yMin));
      return body(page).filter((word) => word.yMin < top + 2);
    };
    const continued = pageHeights.map((_, index) => index + 1).filter((page) => page > 1 && firstLine(page).some(isObjections));
    expect(continued.length).toBeGreaterThanOrEqual(2);
    for (const page of continued) {
      const foot = pageHeights[page - 2]! - MARGINS.bottom;
      const lowest = Math.max(...body(page - 1).map((word) => word.yMax));
      // At most a line of the table's text (9.5 pt, 13.6 pt apart) and a cell's padding left blank.
      expect(foot - lowest, `blank space at the foot of page ${page - 1}`).toBeLessThan(30);
    }
  });
});

describe('the DOCX headings', () => {
  it('are Word headings: Heading1 for the title, Heading2 for the sections and annexes, Heading3 below', async () => {
    const record = longProposalsRecord();
    const markdown = recordMarkdown(record, 'en');
    const xml = unzipText(await recordDocx(markdown, record, { status: 'draft', language: 'en' })).get('word/document.xml')!;
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((match) => match[0]);
    const styled = paragraphs
      .map((paragraph) => ({
        style: /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraph)?.[1] ?? '',
        text: [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''),
      }))
      .filter((paragraph) => /^Heading\d$/.test(paragraph.style));
    const blocks = markdownBlocks(markdown).filter((block) => block.kind === 'heading');
    expect(styled.map((paragraph) => paragraph.text)).toEqual(headingTexts(markdownBlocks(markdown)));
    expect(styled.map((paragraph) => paragraph.style)).toEqual(blocks.map((block) => `Heading${block.level}`));
    expect(styled[0]).toEqual({ style: 'Heading1', text: 'MAG Virtual Meeting III' });
    expect(styled).toContainEqual({ style: 'Heading2', text: 'Annex II – Proposals and positions' });
    // The styles themselves are defined, with the outline levels Word's navigation pane reads.
    const styles = unzipText(await recordDocx(markdown, record, { status: 'draft', language: 'en' })).get('word/styles.xml')!;
    for (const level of [1, 2, 3])
      expect(styles).toMatch(new RegExp(`<w:style [^>]*w:styleId="Heading${level}"[\\s\\S]*?<w:outlineLvl w:val="${level - 1}"/>`));
  });
});
