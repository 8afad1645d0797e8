/**
 * The participation chart as a PNG, for Word processors that cannot show SVG (the DOCX
 * export's fallback image). A tiny rasterizer, no dependencies: the layout comes from
 * shared/record/record-charts.ts (the SVG's), rectangles are filled with anti-aliased edges,
 * text is drawn from DejaVu Sans's own outlines (read from the TrueType file with a small
 * glyf/cmap reader: quadratic curves flattened, filled non-zero with 4 sub-scanlines), and
 * the image is encoded with node:zlib. The rasterizer is in png-raster.ts, the font reader in
 * truetype-font.ts.
 */
import { chartLayout, type ChartLayout, type ChartRow } from '../../shared/record/record-charts.ts';
import { Canvas, encodePng, parseColour } from './png-raster.ts';
import { fonts } from './truetype-font.ts';

export { dejavuFontPath, dejavuHasGlyph, TrueTypeFont } from './truetype-font.ts';

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
