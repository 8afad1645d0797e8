/**
 * The fonts the exported record is set in, so that names and text in any of the six UN
 * languages print the same everywhere:
 *
 * - DejaVu Sans (dejavu-fonts-ttf): Latin with accents, Greek, Cyrillic, Armenian, Georgian,
 *   Hebrew and Arabic;
 * - Noto Sans SC (@expo-google-fonts/noto-sans-sc): Chinese (simplified and traditional
 *   ideographs), Japanese kana and CJK punctuation, for what DejaVu lacks.
 *
 * The PDF embeds both as subsets (pdfkit keeps the glyphs used). The DOCX embeds subsets made
 * here (`docxFonts`: harfbuzz's subsetter, cmap and OpenType layout kept, so Word and
 * LibreOffice shape Arabic and find every character), marked as embedded fonts of the document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { dejavuFontPath, dejavuHasGlyph, TrueTypeFont } from './truetype-font.ts';

export const BODY_FONT = 'DejaVu Sans';
export const CJK_FONT = 'Noto Sans SC';

type Weight = 'regular' | 'bold';

const CJK_FILES: Record<Weight, string> = {
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
};

/** The path of Noto Sans SC's regular or bold file. */
export function cjkFontPath(weight: Weight): string {
  const packageJson = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json');
  return join(dirname(packageJson), CJK_FILES[weight]);
}

let cjkFont: TrueTypeFont | undefined;

/** Whether Noto Sans SC has a glyph for a code point (its cmap, read once). */
export function cjkHasGlyph(codePoint: number): boolean {
  cjkFont ??= new TrueTypeFont(readFileSync(cjkFontPath('regular')));
  return cjkFont.glyphIndex(codePoint) !== 0;
}

/** Whether the text has a character DejaVu Sans lacks and Noto Sans SC has (Chinese, say). */
export function needsCjkFont(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x2e80 && !dejavuHasGlyph('DejaVuSans.ttf', code) && cjkHasGlyph(code)) return true;
  }
  return false;
}

/** What Word always needs beside the text itself: digits, punctuation, the list markers. */
const ALWAYS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u00a0–—‘’“”•…·';

export interface EmbeddedFont {
  name: string;
  data: Buffer;
  bold: Buffer;
}

/**
 * The fonts a Word document with this text embeds: DejaVu Sans always, Noto Sans SC when the
 * text has Chinese; each cut down to the characters the document uses (a whole Noto Sans SC
 * is 10 MB, the subset of a record a few hundred KB).
 */
export async function docxFonts(text: string): Promise<EmbeddedFont[]> {
  const characters = [...new Set(ALWAYS + text)].join('');
  const subset = (file: string) => subsetFont(readFileSync(file), characters, { targetFormat: 'truetype' });
  const fonts: EmbeddedFont[] = [
    { name: BODY_FONT, data: await subset(dejavuFontPath('DejaVuSans.ttf')), bold: await subset(dejavuFontPath('DejaVuSans-Bold.ttf')) },
  ];
  if (needsCjkFont(text)) {
    fonts.push({ name: CJK_FONT, data: await subset(cjkFontPath('regular')), bold: await subset(cjkFontPath('bold')) });
  }
  return fonts;
}
