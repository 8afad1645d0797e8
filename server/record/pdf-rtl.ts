/**
 * Right to left in the PDF: a simplified Unicode bidi algorithm (UAX #9) for paragraphs whose
 * direction is right to left, and lines broken and set here rather than by pdfkit, which only
 * knows left to right.
 */
import type { Run } from './record-tokens.ts';
import { COLOURS, faceOf, fontOf, lineHeight, bottomOf, useFace, type Box, type Doc, type FontName } from './pdf-text.ts';

type BidiType = 'R' | 'L' | 'EN' | 'N';

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** Characters drawn as their mirror image in right-to-left text (fontkit does not mirror them). */
const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
};
const OPENING_BRACKETS = '([{';
const CLOSING_BRACKETS = ')]}';

function bidiType(char: string): BidiType | 'NSM' {
  if (RTL_LETTER.test(char)) return 'R';
  if (/[0-9]/.test(char)) return 'EN';
  if (/\p{M}/u.test(char)) return 'NSM';
  if (/[\p{L}\p{N}]/u.test(char)) return 'L';
  return 'N';
}

/**
 * The embedding level of each character of a paragraph whose direction is right to left:
 * 1 for right to left, 2 for left to right (Latin words, numbers). UAX #9 without explicit
 * embeddings and isolates: W1 (marks), W4–W5 (separators and terminators in numbers), W7,
 * N0 (paired brackets), N1–N2 (neutrals), I2.
 */
export function bidiLevels(chars: readonly string[]): number[] {
  const n = chars.length;
  const types: BidiType[] = [];
  chars.forEach((char, index) => {
    const type = bidiType(char);
    types.push(type === 'NSM' ? (types[index - 1] ?? 'R') : type);
  });
  // W4: one separator between two digits is part of the number (2017-04-25, 10:30, 1,000).
  for (let i = 1; i < n - 1; i++) {
    if (types[i] === 'N' && /[-+,.:/]/.test(chars[i]!) && types[i - 1] === 'EN' && types[i + 1] === 'EN') types[i] = 'EN';
  }
  // W5: a percent or currency sign next to a number is part of it.
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (types[i] === 'N' && /[%‰°$€£¥]/.test(chars[i]!) && (types[i - 1] === 'EN' || types[i + 1] === 'EN')) {
        types[i] = 'EN';
        changed = true;
      }
    }
  }
  // W7: a number after left-to-right letters is left to right.
  let strong: 'L' | 'R' = 'R';
  for (let i = 0; i < n; i++) {
    if (types[i] === 'L' || types[i] === 'R') strong = types[i] as 'L' | 'R';
    else if (types[i] === 'EN' && strong === 'L') types[i] = 'L';
  }
  // N0: a pair of brackets takes the direction of what it holds, or of what comes before it.
  const open: { char: string; index: number }[] = [];
  const pairs: [number, number][] = [];
  chars.forEach((char, index) => {
    if (types[index] !== 'N') return;
    if (OPENING_BRACKETS.includes(char)) open.push({ char, index });
    else if (CLOSING_BRACKETS.includes(char)) {
      let k = open.length - 1;
      while (k >= 0 && MIRRORED[open[k]!.char] !== char) k--;
      if (k >= 0) {
        pairs.push([open[k]!.index, index]);
        open.length = k;
      }
    }
  });
  pairs.sort((a, b) => a[0] - b[0]);
  for (const [start, end] of pairs) {
    const inside = types.slice(start + 1, end);
    let direction: 'L' | 'R' | null = null;
    if (inside.some((type) => type === 'R' || type === 'EN')) direction = 'R';
    else if (inside.includes('L')) {
      let before: 'L' | 'R' = 'R';
      for (let i = start - 1; i >= 0; i--) {
        if (types[i] === 'L') {
          before = 'L';
          break;
        }
        if (types[i] === 'R' || types[i] === 'EN') break;
      }
      direction = before;
    }
    if (direction) types[start] = types[end] = direction;
  }
  // N1–N2: neutrals between two of one direction take it (numbers count as right to left); others the paragraph's.
  for (let i = 0; i < n;) {
    if (types[i] !== 'N') {
      i++;
      continue;
    }
    let j = i;
    while (j < n && types[j] === 'N') j++;
    const before = i === 0 || types[i - 1] !== 'L' ? 'R' : 'L';
    const after = j === n || types[j] !== 'L' ? 'R' : 'L';
    const direction: BidiType = before === after ? before : 'R';
    for (let k = i; k < j; k++) types[k] = direction;
    i = j;
  }
  return types.map((type) => (type === 'R' ? 1 : 2));
}

/** Items in visual order, left to right, from their logical order and levels (UAX #9, L2). */
export function visualOrder<T extends { level: number }>(items: readonly T[]): T[] {
  const out = [...items];
  const highest = Math.max(0, ...items.map((item) => item.level));
  for (let level = highest; level >= 1; level--) {
    for (let i = 0; i < out.length;) {
      if (out[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j]!.level >= level) j++;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

interface RtlChar {
  char: string;
  run: Run;
  font: FontName;
  level: number;
}

interface RtlPiece {
  /** What pdfkit is given: right-to-left pieces mirrored, with no-break spaces (fontkit reverses them). */
  text: string;
  run: Run;
  font: FontName;
  width: number;
}

interface RtlLine {
  pieces: RtlPiece[];
  width: number;
}

const isSpace = (char: RtlChar | undefined) => char !== undefined && /\s/.test(char.char);

function measure(doc: Doc, chars: readonly RtlChar[], size: number): number {
  let width = 0;
  for (let i = 0; i < chars.length;) {
    let j = i;
    while (j < chars.length && chars[j]!.font === chars[i]!.font) j++;
    width += useFace(doc, chars[i]!.font)
      .fontSize(size)
      .widthOfString(
        chars
          .slice(i, j)
          .map((c) => c.char)
          .join(''),
      );
    i = j;
  }
  return width;
}

/** One line's characters (logical order) as pieces in visual order. */
function visualLine(doc: Doc, chars: readonly RtlChar[], size: number): RtlLine {
  const logical: { chars: RtlChar[]; level: number }[] = [];
  for (const char of chars) {
    const last = logical[logical.length - 1];
    if (last && last.level === char.level && last.chars[0]!.run === char.run && last.chars[0]!.font === char.font) last.chars.push(char);
    else logical.push({ chars: [char], level: char.level });
  }
  const pieces = visualOrder(logical).map(({ chars: group, level }): RtlPiece => {
    let text = group.map((c) => c.char).join('');
    if (level % 2 === 1) {
      text = [...text]
        .map((char) => MIRRORED[char] ?? char)
        .join('')
        .replace(/ /g, '\u00a0');
      // fontkit sets a piece with right-to-left letters right to left; one of only neutrals is turned round here.
      if (!RTL_LETTER.test(text)) text = [...text].reverse().join('');
    }
    const { run, font } = group[0]!;
    return { text, run, font, width: useFace(doc, font).fontSize(size).widthOfString(text) };
  });
  return { pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0) };
}

/** The runs as lines no wider than `width`, each in visual order; a hard break starts a new paragraph. */
function rtlLayout(doc: Doc, runs: readonly Run[], width: number, size: number): RtlLine[] {
  const paragraphs: { char: string; run: Run }[][] = [[]];
  for (const run of runs) {
    for (const char of run.text) {
      if (char === '\n') paragraphs.push([]);
      else paragraphs[paragraphs.length - 1]!.push({ char, run });
    }
  }
  const lines: RtlLine[] = [];
  for (const paragraph of paragraphs) {
    const levels = bidiLevels(paragraph.map((c) => c.char));
    const chars = paragraph.map(({ char, run }, index): RtlChar => {
      const face = faceOf(char, fontOf(run));
      return { char: face.out, run, font: face.font, level: levels[index]! };
    });
    if (chars.every((char) => isSpace(char))) {
      lines.push({ pieces: [], width: 0 });
      continue;
    }
    let start = 0;
    while (start < chars.length) {
      while (isSpace(chars[start])) start++;
      if (start >= chars.length) break;
      // Whole words while they fit; a word wider than the line, as many of its letters as fit.
      let end = start;
      while (end < chars.length) {
        let next = end;
        while (isSpace(chars[next])) next++;
        while (next < chars.length && !isSpace(chars[next])) next++;
        if (measure(doc, chars.slice(start, next), size) <= width) {
          end = next;
          continue;
        }
        if (end === start) {
          end = start + 1;
          while (end < next && measure(doc, chars.slice(start, end + 1), size) <= width) end++;
        }
        break;
      }
      let last = end;
      while (last > start && isSpace(chars[last - 1])) last--;
      lines.push(visualLine(doc, chars.slice(start, last), size));
      start = end;
    }
  }
  return lines;
}

function lineStep(doc: Doc, size: number): number {
  doc.font('regular');
  return lineHeight(doc, size);
}

/** The height of the runs laid out right to left in `width`. */
export function rtlHeight(doc: Doc, runs: readonly Run[], width: number, size: number): number {
  return rtlLayout(doc, runs, width, size).length * lineStep(doc, size);
}

/** The runs on one line, cut short with an ellipsis to `maxWidth`. */
export function rtlLine(doc: Doc, runs: readonly Run[], size: number, maxWidth = Infinity): RtlLine {
  const line = (text: string) =>
    rtlLayout(doc, runs.length === 1 ? [{ ...runs[0]!, text }] : runs, Infinity, size)[0] ?? { pieces: [], width: 0 };
  const text = runs
    .map((run) => run.text)
    .join('')
    .replace(/\s+/g, ' ');
  let whole = line(text);
  if (whole.width <= maxWidth || runs.length !== 1) return whole;
  const chars = [...text];
  while (chars.length > 1 && whole.width > maxWidth) {
    chars.pop();
    whole = line(chars.join('').trimEnd() + '…');
  }
  return whole;
}

export function drawRtlLine(doc: Doc, line: RtlLine, x: number, y: number, size: number, colour: string, baseline?: 'alphabetic'): void {
  let cursor = x;
  for (const piece of line.pieces) {
    useFace(doc, piece.font)
      .fontSize(size)
      .fillColor(piece.run.href ? COLOURS.link : colour);
    doc.text(piece.text, cursor, y, {
      lineBreak: false,
      link: piece.run.href ?? null,
      underline: piece.run.href !== undefined,
      strike: piece.run.strike === true,
      ...(baseline ? { baseline } : {}),
    });
    cursor += piece.width;
  }
}

/** writeRuns for a right-to-left paragraph: lines broken here, each set in visual order, from the right unless told otherwise. */
export function writeRunsRtl(
  doc: Doc,
  runs: readonly Run[],
  box: Box,
  size: number,
  colour: string,
  align: 'left' | 'center' | 'right',
): void {
  const lines = rtlLayout(doc, runs, box.width, size);
  const step = lineStep(doc, size);
  let y = doc.y;
  for (const line of lines) {
    if (y + step > bottomOf(doc) && y > doc.page.margins.top + 1) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    const x = align === 'right' ? box.x + box.width - line.width : align === 'center' ? box.x + (box.width - line.width) / 2 : box.x;
    drawRtlLine(doc, line, x, y, size, colour);
    y += step;
  }
  doc.x = box.x;
  doc.y = y;
}
