/**
 * A new A4 PDF of the record's kind (the record, a certificate): its pages kept until the end
 * (for running headers and frames), its metadata, and its faces — DejaVu Sans, and Noto Sans SC
 * read only if a character needs it, each embedded as a subset.
 */
import PDFDocument from 'pdfkit';
import type { RecordLanguage } from '../../shared/record/record-words.ts';
import { cjkFontPath } from './record-fonts.ts';
import { documentLanguage } from './record-tokens.ts';
import { dejavuFontPath } from './truetype-font.ts';
import { FONTS, MARGINS, type Doc } from './pdf-text.ts';

export interface PdfInfo {
  Title: string;
  Subject: string;
  Author: string;
  Keywords: string;
  CreationDate: Date;
}

/** The document, and its bytes once `doc.end()` is called. */
export function openPdf(language: RecordLanguage, info: PdfInfo, margins = MARGINS): { doc: Doc; done: Promise<Buffer> } {
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    autoFirstPage: true,
    lang: documentLanguage(language),
    displayTitle: true,
    pdfVersion: '1.7',
    info: { ...info, Creator: 'EqualFloor' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, dejavuFontPath(file));
  doc.registerFont('cjk', cjkFontPath('regular'));
  doc.registerFont('cjkBold', cjkFontPath('bold'));
  return { doc, done };
}
