/**
 * The participation chart as a PNG, for Word processors that cannot show SVG (the DOCX
 * export's fallback image). A tiny rasterizer, no dependencies: the layout comes from
 * shared/record/record-charts.ts (the SVG's), rectangles are filled with anti-aliased edges,
 * text is drawn from DejaVu Sans's own outlines (read from the TrueType file with a small
 * glyf/cmap reader: quadratic curves flattened, filled non-zero with 4 sub-scanlines), and
 * the image is encoded with node:zlib.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { chartLayout, type ChartLayout, type ChartRow } from '../../shared/record/record-charts.ts';

/** The path of a DejaVu font file from the `dejavu-fonts-ttf` package, e.g. `DejaVuSans.ttf`. */
export function dejavuFontPath(file: string): string {
  const packageJson = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  return join(dirname(packageJson), 'ttf', file);
}

export interface ChartPng {
  data: Buffer;
  /** Pixels. */
  width: number;
  height: number;
}

/** The chart as a PNG, `scale` pixels per layout unit (2 by default, for print). */
export function speakingChartPng(rows: ChartRow[], title: string, options: { scale?: number } = {}): ChartPng {
  return layoutPng(chartLayout(rows, title), options.scale ?? 2);
}

/** Rasterizes a chart layout. */
export function layoutPng(layout: ChartLayout, scale = 2): ChartPng {
  const width = Math.max(1, Math.round(layout.width * scale));
  const height = Math.max(1, Math.round(layout.height * scale));
  const canvas = new Canvas(width, height, parseColour(layout.background));
  for (const rect of layout.rects) {
    canvas.fillRect(rect.x * scale, rect.y * scale, rect.width * scale, rect.height * scale, parseColour(rect.fill));
  }
  for (const text of layout.texts) {
    const font = text.bold ? fonts().bold : fonts().regular;
    const size = text.size * scale;
    const textWidth = font.measure(text.text, size);
    const x = text.anchor === 'end' ? text.x * scale - textWidth : text.x * scale;
    font.draw(canvas, text.text, x, text.y * scale, size, parseColour(text.fill));
  }
  return { data: encodePng(canvas), width, height };
}

type Rgb = [number, number, number];

function parseColour(hex: string): Rgb {
  const value = hex.replace('#', '');
  const full = value.length === 3 ? [...value].map((char) => char + char).join('') : value.padEnd(6, '0');
  return [parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16)];
}

class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    for (let index = 0; index < width * height; index++) this.pixels.set(background, index * 3);
  }

  /** Blends a colour into one pixel with a coverage of 0–1. */
  blend(x: number, y: number, colour: Rgb, coverage: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || coverage <= 0) return;
    const alpha = Math.min(1, coverage);
    const offset = (y * this.width + x) * 3;
    for (let channel = 0; channel < 3; channel++) {
      const old = this.pixels[offset + channel]!;
      this.pixels[offset + channel] = Math.round(old + (colour[channel]! - old) * alpha);
    }
  }

  /** A rectangle, its edges anti-aliased by how much of each pixel they cover. */
  fillRect(x: number, y: number, width: number, height: number, colour: Rgb): void {
    const x0 = Math.max(0, x);
    const y0 = Math.max(0, y);
    const x1 = Math.min(this.width, x + width);
    const y1 = Math.min(this.height, y + height);
    for (let py = Math.floor(y0); py < Math.ceil(y1); py++) {
      const coverY = Math.min(py + 1, y1) - Math.max(py, y0);
      for (let px = Math.floor(x0); px < Math.ceil(x1); px++) {
        const coverX = Math.min(px + 1, x1) - Math.max(px, x0);
        this.blend(px, py, colour, coverX * coverY);
      }
    }
  }
}

// PNG

function encodePng(canvas: Canvas): Buffer {
  const stride = canvas.width * 3;
  const raw = Buffer.alloc((stride + 1) * canvas.height);
  for (let y = 0; y < canvas.height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(canvas.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(canvas.width, 0);
  header.writeUInt32BE(canvas.height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0, 0);
  return Buffer.concat([length, typed, crc]);
}

// TrueType

interface Point {
  x: number;
  y: number;
  on: boolean;
}

type Contour = Point[];

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

function fonts(): { regular: TrueTypeFont; bold: TrueTypeFont } {
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
      this.#tables.set(data.toString('latin1', record, record + 4), { offset: data.readUInt32BE(record + 8), length: data.readUInt32BE(record + 12) });
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

/** A closed contour of on- and off-curve points as a polygon (quadratic curves flattened). */
function flatten(contour: Contour): { x: number; y: number }[] {
  if (contour.length === 0) return [];
  const count = contour.length;
  let startIndex = contour.findIndex((point) => point.on);
  let start: { x: number; y: number };
  if (startIndex === -1) {
    // All off-curve: start between the first two.
    start = { x: (contour[0]!.x + contour[1 % count]!.x) / 2, y: (contour[0]!.y + contour[1 % count]!.y) / 2 };
    startIndex = 0;
  } else {
    start = contour[startIndex]!;
  }
  const out: { x: number; y: number }[] = [start];
  let current = start;
  let control: { x: number; y: number } | null = null;
  for (let step = 1; step <= count; step++) {
    const point = contour[(startIndex + step) % count]!;
    const target = step === count ? start : point;
    if (step < count && !point.on) {
      if (control) {
        const middle = { x: (control.x + point.x) / 2, y: (control.y + point.y) / 2 };
        curve(out, current, control, middle);
        current = middle;
      }
      control = point;
      continue;
    }
    if (control) curve(out, current, control, target);
    else out.push(target);
    current = target;
    control = null;
  }
  return out;
}

function curve(out: { x: number; y: number }[], from: { x: number; y: number }, control: { x: number; y: number }, to: { x: number; y: number }): void {
  const steps = 8;
  for (let step = 1; step <= steps; step++) {
    const t = step / steps;
    const u = 1 - t;
    out.push({ x: u * u * from.x + 2 * u * t * control.x + t * t * to.x, y: u * u * from.y + 2 * u * t * control.y + t * t * to.y });
  }
}

interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const SUBSAMPLES = 4;

/** Fills polygons (non-zero winding) with anti-aliasing: sub-scanlines, exact horizontal coverage. */
function fillEdges(canvas: Canvas, edges: Edge[], colour: Rgb): void {
  if (edges.length === 0) return;
  const minY = Math.max(0, Math.floor(Math.min(...edges.map((edge) => Math.min(edge.y0, edge.y1)))));
  const maxY = Math.min(canvas.height - 1, Math.ceil(Math.max(...edges.map((edge) => Math.max(edge.y0, edge.y1)))));
  const minX = Math.max(0, Math.floor(Math.min(...edges.map((edge) => Math.min(edge.x0, edge.x1)))));
  const maxX = Math.min(canvas.width, Math.ceil(Math.max(...edges.map((edge) => Math.max(edge.x0, edge.x1)))) + 1);
  const span = maxX - minX;
  if (span <= 0) return;
  const coverage = new Float32Array(span);
  for (let py = minY; py <= maxY; py++) {
    coverage.fill(0);
    for (let sub = 0; sub < SUBSAMPLES; sub++) {
      const sy = py + (sub + 0.5) / SUBSAMPLES;
      const crossings: { x: number; winding: number }[] = [];
      for (const edge of edges) {
        const [top, bottom] = edge.y0 < edge.y1 ? [edge.y0, edge.y1] : [edge.y1, edge.y0];
        if (sy < top || sy >= bottom) continue;
        const t = (sy - edge.y0) / (edge.y1 - edge.y0);
        crossings.push({ x: edge.x0 + t * (edge.x1 - edge.x0), winding: edge.y1 > edge.y0 ? 1 : -1 });
      }
      crossings.sort((a, b) => a.x - b.x);
      let winding = 0;
      for (let index = 0; index < crossings.length - 1; index++) {
        winding += crossings[index]!.winding;
        if (winding === 0) continue;
        addSpan(coverage, crossings[index]!.x - minX, crossings[index + 1]!.x - minX, 1 / SUBSAMPLES);
      }
    }
    for (let index = 0; index < span; index++) canvas.blend(minX + index, py, colour, coverage[index]!);
  }
}

function addSpan(coverage: Float32Array, from: number, to: number, weight: number): void {
  const start = Math.max(0, from);
  const end = Math.min(coverage.length, to);
  if (end <= start) return;
  const first = Math.floor(start);
  const last = Math.floor(end);
  if (first === last) {
    coverage[first] = coverage[first]! + (end - start) * weight;
    return;
  }
  coverage[first] = coverage[first]! + (first + 1 - start) * weight;
  for (let index = first + 1; index < last; index++) coverage[index] = coverage[index]! + weight;
  if (last < coverage.length) coverage[last] = coverage[last]! + (end - last) * weight;
}
