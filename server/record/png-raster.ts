/**
 * A small rasterizer for the chart PNG: an RGB canvas with anti-aliased rectangles, polygons
 * filled non-zero with 4 sub-scanlines (glyph outlines, quadratic curves flattened), and the
 * PNG encoding with node:zlib.
 */
import { crc32, deflateSync } from 'node:zlib';

export type Rgb = [number, number, number];

export function parseColour(hex: string): Rgb {
  const value = hex.replace('#', '');
  const full = value.length === 3 ? [...value].map((char) => char + char).join('') : value.padEnd(6, '0');
  return [parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16)];
}

export class Canvas {
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

export function encodePng(canvas: Canvas): Buffer {
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

interface Point {
  x: number;
  y: number;
  on: boolean;
}

export type Contour = Point[];

/** A closed contour of on- and off-curve points as a polygon (quadratic curves flattened). */
export function flatten(contour: Contour): { x: number; y: number }[] {
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

function curve(
  out: { x: number; y: number }[],
  from: { x: number; y: number },
  control: { x: number; y: number },
  to: { x: number; y: number },
): void {
  const steps = 8;
  for (let step = 1; step <= steps; step++) {
    const t = step / steps;
    const u = 1 - t;
    out.push({ x: u * u * from.x + 2 * u * t * control.x + t * t * to.x, y: u * u * from.y + 2 * u * t * control.y + t * t * to.y });
  }
}

export interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const SUBSAMPLES = 4;

/** Fills polygons (non-zero winding) with anti-aliasing: sub-scanlines, exact horizontal coverage. */
export function fillEdges(canvas: Canvas, edges: Edge[], colour: Rgb): void {
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
