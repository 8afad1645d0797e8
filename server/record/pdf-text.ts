/**
 * The PDF's faces and text: DejaVu Sans and Noto Sans SC by the letters they have, measuring
 * and drawing one line, page room. Used by the blocks, the right-to-left layout and the page.
 */
import { dejavuHasGlyph } from './truetype-font.ts';
import { cjkHasGlyph } from './record-fonts.ts';
import type { Run } from './record-tokens.ts';

export type Doc = PDFKit.PDFDocument;

export const FONTS = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;
type DejaVuFace = keyof typeof FONTS;
/** The faces of a document: DejaVu's, and Noto Sans SC for Chinese. */
export type FontName = DejaVuFace | 'cjk' | 'cjkBold';

export const COLOURS = {
  text: '#1a1a1a',
  heading: '#14304f',
  link: '#0b4f94',
  muted: '#4d4d4d',
  rule: '#8c8c8c',
  headerFill: '#e8edf3',
  draft: '#8a5300',
  final: '#1e6b2e',
} as const;

export const BODY_SIZE = 10.5;
/** DejaVu Sans's ascent, in ems (1901 of 2048 units). */
const DEJAVU_ASCENT = 1901 / 2048;
export const LINE_GAP = 2.5;
export const HEADING_SIZES = [18, 14, 12, 11, 10.5, 10.5] as const;
export const LIST_STEP = 22;
export const CELL_PAD = 4;
export const TABLE_SIZE = 9.5;
export const MARGINS = { top: 64, bottom: 64, left: 58, right: 58 };

export interface Box {
  x: number;
  width: number;
  /** Whether text in it runs right to left (an Arabic record). */
  rtl?: boolean;
}

export function fontOf(run: Run): FontName {
  if (run.code) return 'mono';
  if (run.bold && run.italic) return 'boldItalic';
  if (run.bold) return 'bold';
  if (run.italic) return 'italic';
  return 'regular';
}

/** A character no DejaVu face has (Chinese, say) is drawn as this, so it is measured as it is drawn. */
const MISSING = '\u25a1';

/**
 * The face a character is set in: the preferred one, else the regular, else Noto Sans SC
 * (bold for bold text); what none has is drawn as MISSING.
 */
export function faceOf(char: string, preferred: FontName): { font: FontName; out: string } {
  const code = char.codePointAt(0)!;
  const bold = preferred === 'bold' || preferred === 'boldItalic' || preferred === 'cjkBold';
  const own: DejaVuFace = preferred === 'cjk' ? 'regular' : preferred === 'cjkBold' ? 'bold' : preferred;
  if (/\s/.test(char) || dejavuHasGlyph(FONTS[own], code)) return { font: own, out: char };
  const fallback: DejaVuFace = bold ? 'bold' : 'regular';
  if (dejavuHasGlyph(FONTS[fallback], code)) return { font: fallback, out: char };
  if (dejavuHasGlyph(FONTS.regular, code)) return { font: 'regular', out: char };
  if (cjkHasGlyph(code)) return { font: bold ? 'cjkBold' : 'cjk', out: char };
  return { font: own, out: MISSING };
}

/** The text cut into pieces by the face that has their letters: the preferred one, else the regular. */
export function fontPieces(text: string, preferred: FontName): { font: FontName; text: string }[] {
  const pieces: { font: FontName; text: string }[] = [];
  for (const char of text) {
    const { font, out } = faceOf(char, preferred);
    const last = pieces[pieces.length - 1];
    if (last && last.font === font) last.text += out;
    else pieces.push({ font, text: out });
  }
  return pieces;
}

/** pdfkit's metrics of a face (per 1 000 units of the em). */
interface FaceMetrics {
  ascender: number;
  descender: number;
  lineGap: number;
}
const aligned = new WeakSet<object>();

/**
 * Sets the face. Noto Sans SC takes DejaVu Sans's ascent, descent and gap: pdfkit places text
 * by its face's ascent, so a line that mixes the two then keeps one baseline and one height.
 */
export function useFace(doc: Doc, name: FontName): Doc {
  doc.font(name);
  if (name !== 'cjk' && name !== 'cjkBold') return doc;
  const current = (doc as unknown as { _font: FaceMetrics })._font;
  if (!aligned.has(current)) {
    const { ascender, descender, lineGap } = (doc.font('regular') as unknown as { _font: FaceMetrics })._font;
    Object.assign(current, { ascender, descender, lineGap });
    aligned.add(current);
    doc.font(name);
  }
  return doc;
}

export function lineHeight(doc: Doc, size: number): number {
  doc.fontSize(size);
  return doc.currentLineHeight(true) + LINE_GAP;
}

export function bottomOf(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** A new page unless `height` fits below doc.y. */
export function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottomOf(doc) && doc.y > doc.page.margins.top + 1) doc.addPage();
}

const RTL_WORDS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+(?:[ \u00a0]+[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+)*/g;

/**
 * Text as pdfkit should get it: spaces inside a run of right-to-left words become no-break
 * spaces, so fontkit lays the run out as one right-to-left piece (the words in visual order)
 * rather than pdfkit placing each word left to right.
 */
export function pdfText(text: string): string {
  return fontPieces(
    text.replace(RTL_WORDS, (run) => run.replace(/ /g, '\u00a0')),
    'regular',
  )
    .map((piece) => piece.text)
    .join('');
}

/**
 * Text to measure in one DejaVu face as it will be drawn: each character set in Noto Sans SC
 * (a square, one em wide) stands as an em space, DejaVu's one-em blank, where a line may break
 * as it may between Chinese characters.
 */
export function measuredText(text: string): string {
  return fontPieces(pdfText(text), 'regular')
    .map((piece) => (piece.font === 'cjk' ? piece.text.replace(/\S/gu, '\u2003') : piece.text))
    .join('');
}

/**
 * One line of text at (x, y), from x, centred on it or ending at it, each piece in the face
 * that has its letters; cut short with "…" where it would be wider than `maxWidth`.
 */
export function drawLine(
  doc: Doc,
  text: string,
  face: FontName,
  size: number,
  colour: string,
  at: { x: number; y: number; align?: 'start' | 'center' | 'end'; maxWidth?: number; baseline?: 'alphabetic' },
): void {
  const piecesOf = (value: string) =>
    fontPieces(
      value.replace(RTL_WORDS, (run) => run.replace(/ /g, '\u00a0')),
      face,
    );
  const widthOf = (pieces: { font: FontName; text: string }[]) =>
    pieces.reduce((sum, piece) => sum + useFace(doc, piece.font).fontSize(size).widthOfString(piece.text), 0);
  let pieces = piecesOf(text);
  if (at.maxWidth !== undefined && widthOf(pieces) > at.maxWidth) {
    const chars = [...text];
    do chars.pop();
    while (chars.length > 0 && widthOf(piecesOf(`${chars.join('').trimEnd()}…`)) > at.maxWidth);
    pieces = piecesOf(`${chars.join('').trimEnd()}…`);
  }
  const width = widthOf(pieces);
  let x = at.align === 'end' ? at.x - width : at.align === 'center' ? at.x - width / 2 : at.x;
  // Every piece on the same baseline (the faces' ascents differ): DejaVu's, under a top at y.
  const baseline = at.baseline === 'alphabetic' ? at.y : at.y + DEJAVU_ASCENT * size;
  doc.fillColor(colour);
  for (const piece of pieces) {
    useFace(doc, piece.font).fontSize(size);
    doc.text(piece.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    x += doc.widthOfString(piece.text);
  }
}

/** The text cut where right-to-left stretches start and end (each stretch joined by no-break spaces); no empty pieces. */
export function bidiPieces(text: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (const match of text.matchAll(RTL_WORDS)) {
    if (match.index > last) pieces.push(text.slice(last, match.index));
    pieces.push(match[0].replace(/ /g, '\u00a0'));
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces.filter((piece) => piece !== '');
}

// Right to left: a simplified Unicode bidi algorithm (UAX #9) for paragraphs whose direction is
// right to left, and lines broken and set here rather than by pdfkit, which only knows left to right.
