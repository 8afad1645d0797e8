/**
 * The DejaVu fonts of the exports, read with just enough of a TrueType reader to draw text
 * (cmap, hmtx, loca, glyf) and to tell whether a face has a letter.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fillEdges, flatten, type Canvas, type Contour, type Edge, type Rgb } from './png-raster.ts';

/** The path of a DejaVu font file from the `dejavu-fonts-ttf` package, e.g. `DejaVuSans.ttf`. */
export function dejavuFontPath(file: string): string {
  const packageJson = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  return join(dirname(packageJson), 'ttf', file);
}

let loaded: { regular: TrueTypeFont; bold: TrueTypeFont } | null = null;
const coverage = new Map<string, (codePoint: number) => boolean>();

/** Whether a DejaVu font file (e.g. `DejaVuSans-Oblique.ttf`) has a glyph for a code point. */
export function dejavuHasGlyph(file: string, codePoint: number): boolean {
  let covers = coverage.get(file);
  if (!covers) {
    const font = new TrueTypeFont(readFileSync(dejavuFontPath(file)));
    covers = (code) => font.glyphIndex(code) !== 0;
    coverage.set(file, covers);
  }
  return covers(codePoint);
}

export function fonts(): { regular: TrueTypeFont; bold: TrueTypeFont } {
  loaded ??= {
    regular: new TrueTypeFont(readFileSync(dejavuFontPath('DejaVuSans.ttf'))),
    bold: new TrueTypeFont(readFileSync(dejavuFontPath('DejaVuSans-Bold.ttf'))),
  };
  return loaded;
}

/** Just enough of a TrueType font to draw text: cmap (formats 4 and 12), hmtx, loca and glyf. */
export class TrueTypeFont {
  readonly unitsPerEm: number;
  readonly #data: Buffer;
  readonly #tables = new Map<string, { offset: number; length: number }>();
  readonly #longLoca: boolean;
  readonly #numberOfHMetrics: number;
  readonly #numGlyphs: number;
  readonly #cmap: (code: number) => number;
  readonly #contours = new Map<number, Contour[]>();

  constructor(data: Buffer) {
    this.#data = data;
    const count = data.readUInt16BE(4);
    for (let index = 0; index < count; index++) {
      const record = 12 + index * 16;
      this.#tables.set(data.toString('latin1', record, record + 4), {
        offset: data.readUInt32BE(record + 8),
        length: data.readUInt32BE(record + 12),
      });
    }
    const head = this.#table('head');
    this.unitsPerEm = data.readUInt16BE(head + 18);
    this.#longLoca = data.readInt16BE(head + 50) === 1;
    this.#numberOfHMetrics = data.readUInt16BE(this.#table('hhea') + 34);
    this.#numGlyphs = data.readUInt16BE(this.#table('maxp') + 4);
    this.#cmap = this.#readCmap();
  }

  #table(tag: string): number {
    const table = this.#tables.get(tag);
    if (!table) throw new Error(`font has no ${tag} table`);
    return table.offset;
  }

  #readCmap(): (code: number) => number {
    const data = this.#data;
    const cmap = this.#table('cmap');
    const count = data.readUInt16BE(cmap + 2);
    let format4: number | null = null;
    let format12: number | null = null;
    for (let index = 0; index < count; index++) {
      const record = cmap + 4 + index * 8;
      const platform = data.readUInt16BE(record);
      const encoding = data.readUInt16BE(record + 2);
      const offset = cmap + data.readUInt32BE(record + 4);
      const format = data.readUInt16BE(offset);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode) continue;
      if (format === 12 && format12 === null) format12 = offset;
      if (format === 4 && format4 === null) format4 = offset;
    }
    if (format12 !== null) {
      const table = format12;
      const groups = data.readUInt32BE(table + 12);
      return (code) => {
        let low = 0;
        let high = groups - 1;
        while (low <= high) {
          const middle = (low + high) >> 1;
          const group = table + 16 + middle * 12;
          const start = data.readUInt32BE(group);
          const end = data.readUInt32BE(group + 4);
          if (code < start) high = middle - 1;
          else if (code > end) low = middle + 1;
          else return data.readUInt32BE(group + 8) + (code - start);
        }
        return 0;
      };
    }
    if (format4 !== null) {
      const table = format4;
      const segments = data.readUInt16BE(table + 6) / 2;
      const ends = table + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      return (code) => {
        if (code > 0xffff) return 0;
        for (let segment = 0; segment < segments; segment++) {
          if (data.readUInt16BE(ends + segment * 2) < code) continue;
          const start = data.readUInt16BE(starts + segment * 2);
          if (code < start) return 0;
          const delta = data.readInt16BE(deltas + segment * 2);
          const rangeOffset = data.readUInt16BE(rangeOffsets + segment * 2);
          if (rangeOffset === 0) return (code + delta) & 0xffff;
          const glyph = data.readUInt16BE(rangeOffsets + segment * 2 + rangeOffset + (code - start) * 2);
          return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
        }
        return 0;
      };
    }
    return () => 0;
  }

  glyphIndex(codePoint: number): number {
    return this.#cmap(codePoint);
  }

  advance(glyph: number): number {
    const hmtx = this.#table('hmtx');
    const index = Math.min(glyph, this.#numberOfHMetrics - 1);
    return this.#data.readUInt16BE(hmtx + index * 4);
  }

  measure(text: string, size: number): number {
    let units = 0;
    for (const char of text) units += this.advance(this.glyphIndex(char.codePointAt(0)!));
    return (units * size) / this.unitsPerEm;
  }

  /** The glyph's contours in font units (y up). */
  contours(glyph: number, depth = 0): Contour[] {
    const cached = this.#contours.get(glyph);
    if (cached) return cached;
    const result = glyph < this.#numGlyphs && depth < 8 ? this.#readGlyph(glyph, depth) : [];
    this.#contours.set(glyph, result);
    return result;
  }

  #readGlyph(glyph: number, depth: number): Contour[] {
    const data = this.#data;
    const loca = this.#table('loca');
    const glyf = this.#table('glyf');
    const start = this.#longLoca ? data.readUInt32BE(loca + glyph * 4) : data.readUInt16BE(loca + glyph * 2) * 2;
    const end = this.#longLoca ? data.readUInt32BE(loca + glyph * 4 + 4) : data.readUInt16BE(loca + glyph * 2 + 2) * 2;
    if (end <= start) return [];
    const offset = glyf + start;
    const contourCount = data.readInt16BE(offset);
    return contourCount >= 0 ? this.#simpleGlyph(offset, contourCount) : this.#compositeGlyph(offset, depth);
  }

  #simpleGlyph(offset: number, contourCount: number): Contour[] {
    const data = this.#data;
    let cursor = offset + 10;
    const ends: number[] = [];
    for (let index = 0; index < contourCount; index++, cursor += 2) ends.push(data.readUInt16BE(cursor));
    const pointCount = ends.length > 0 ? ends[ends.length - 1]! + 1 : 0;
    cursor += 2 + data.readUInt16BE(cursor); // instructions
    const flags: number[] = [];
    while (flags.length < pointCount) {
      const flag = data[cursor++]!;
      flags.push(flag);
      if (flag & 8) {
        const repeat = data[cursor++]!;
        for (let index = 0; index < repeat; index++) flags.push(flag);
      }
    }
    const xs: number[] = [];
    let x = 0;
    for (const flag of flags) {
      if (flag & 2) x += flag & 16 ? data[cursor++]! : -data[cursor++]!;
      else if (!(flag & 16)) {
        x += data.readInt16BE(cursor);
        cursor += 2;
      }
      xs.push(x);
    }
    const ys: number[] = [];
    let y = 0;
    for (const flag of flags) {
      if (flag & 4) y += flag & 32 ? data[cursor++]! : -data[cursor++]!;
      else if (!(flag & 32)) {
        y += data.readInt16BE(cursor);
        cursor += 2;
      }
      ys.push(y);
    }
    const contours: Contour[] = [];
    let first = 0;
    for (const last of ends) {
      const contour: Contour = [];
      for (let index = first; index <= last; index++) contour.push({ x: xs[index]!, y: ys[index]!, on: (flags[index]! & 1) === 1 });
      contours.push(contour);
      first = last + 1;
    }
    return contours;
  }

  #compositeGlyph(offset: number, depth: number): Contour[] {
    const data = this.#data;
    let cursor = offset + 10;
    const contours: Contour[] = [];
    for (;;) {
      const flags = data.readUInt16BE(cursor);
      const component = data.readUInt16BE(cursor + 2);
      cursor += 4;
      let dx = 0;
      let dy = 0;
      if (flags & 1) {
        dx = data.readInt16BE(cursor);
        dy = data.readInt16BE(cursor + 2);
        cursor += 4;
      } else {
        dx = data.readInt8(cursor);
        dy = data.readInt8(cursor + 1);
        cursor += 2;
      }
      if (!(flags & 2)) dx = dy = 0; // point matching: not needed for DejaVu's accents
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (at: number) => data.readInt16BE(at) / 16384;
      if (flags & 8) {
        a = d = f2dot14(cursor);
        cursor += 2;
      } else if (flags & 0x40) {
        a = f2dot14(cursor);
        d = f2dot14(cursor + 2);
        cursor += 4;
      } else if (flags & 0x80) {
        a = f2dot14(cursor);
        b = f2dot14(cursor + 2);
        c = f2dot14(cursor + 4);
        d = f2dot14(cursor + 6);
        cursor += 8;
      }
      for (const contour of this.contours(component, depth + 1)) {
        contours.push(contour.map((point) => ({ x: a * point.x + c * point.y + dx, y: b * point.x + d * point.y + dy, on: point.on })));
      }
      if (!(flags & 0x20)) break;
    }
    return contours;
  }

  /** Draws text with its baseline at y. */
  draw(canvas: Canvas, text: string, x: number, y: number, size: number, colour: Rgb): void {
    const scale = size / this.unitsPerEm;
    const edges: Edge[] = [];
    let penX = x;
    for (const char of text) {
      const glyph = this.glyphIndex(char.codePointAt(0)!);
      for (const contour of this.contours(glyph)) {
        const points = flatten(contour).map((point) => ({ x: penX + point.x * scale, y: y - point.y * scale }));
        for (let index = 0; index < points.length; index++) {
          const from = points[index]!;
          const to = points[(index + 1) % points.length]!;
          if (from.y !== to.y) edges.push({ x0: from.x, y0: from.y, x1: to.x, y1: to.y });
        }
      }
      penX += this.advance(glyph) * scale;
    }
    fillEdges(canvas, edges, colour);
  }
}
