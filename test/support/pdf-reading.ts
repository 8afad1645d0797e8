/** Reading PDFs and other files a test downloads: bytes with a session, text and word boxes with poppler-utils. */
import { execFileSync } from 'node:child_process';
import type { HttpClient } from './http-client.ts';

/** A download as bytes, with the browser's session. */
export async function downloadBytes(browser: HttpClient, path: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const headers: Record<string, string> = {};
  if (browser.origin) headers.origin = browser.origin;
  if (browser.cookie) headers.cookie = browser.cookie;
  const response = await fetch(browser.baseUrl + path, { headers });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** The PDF's text (pdftotext), laid out as on the page when `layout`. */
export function pdfText(pdf: Buffer, layout = true): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its box in points, and each page's height (pdftotext -bbox). */
export function pdfWords(pdf: Buffer): { words: PdfWord[]; pageHeights: number[] } {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 << 20 });
  const words: PdfWord[] = [];
  const pageHeights: number[] = [];
  for (const [index, page] of html.split('<page ').slice(1).entries()) {
    pageHeights.push(Number(/height="([\d.]+)"/.exec(page)![1]));
    for (const word of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({
        page: index + 1,
        text: word[5]!,
        xMin: Number(word[1]),
        yMin: Number(word[2]),
        xMax: Number(word[3]),
        yMax: Number(word[4]),
      });
    }
  }
  return { words, pageHeights };
}
