/**
 * @file PNG and SVG writers of `show` pictures: a raster of coverage and tile classes, a grid, the
 * figure lines under it and a legend (text by resvg, text.ts). Shared by the attention mask and the gemm weight pictures.
 */
import { PNG } from 'pngjs';
import { monoWidth, renderSvgFragment, textElement, type Pixels } from './text.js';
import type { MaskRaster } from './raster.js';

type Rgb = readonly [number, number, number];
const COLORS = {
  background: [255, 255, 255] as Rgb,
  tile: [[246, 246, 246], [200, 235, 200], [255, 222, 170]] as readonly Rgb[],
  allowed: [31, 78, 156] as Rgb,
  grid: [150, 150, 150] as Rgb,
  text: [20, 20, 20] as Rgb,
};
const CLASS_NAMES = ['empty', 'full', 'partial'] as const;
const MARGIN = 8;
const FONT_SIZE = 13;
const LINE_HEIGHT = 18;

function pixelColor(r: MaskRaster, i: number): Rgb {
  const base = COLORS.tile[r.tileClass[i]!]!;
  const c = r.coverage[i]!;
  return [0, 1, 2].map((ch) => Math.round(base[ch]! * (1 - c) + COLORS.allowed[ch]! * c)) as unknown as Rgb;
}

/** The figure lines and the legend under the picture, rendered by resvg (see text.ts). */
function captionPixels(lines: readonly string[], width: number): Pixels {
  const body: string[] = lines.map((l, i) => textElement(l, MARGIN, (i + 1) * LINE_HEIGHT - 5, FONT_SIZE));
  let x = MARGIN;
  const y = lines.length * LINE_HEIGHT;
  const swatches: [Rgb, string][] = [...CLASS_NAMES.map((n, i): [Rgb, string] => [COLORS.tile[i]!, n]), [COLORS.allowed, 'allowed']];
  for (const [color, name] of swatches) {
    body.push(`<rect x="${x + 0.5}" y="${y + 4.5}" width="11" height="11" fill="${rgb(color)}" stroke="${rgb(COLORS.grid)}"/>`);
    body.push(textElement(name, x + 16, y + LINE_HEIGHT - 5, FONT_SIZE));
    x += 16 + monoWidth(name.length + 2, FONT_SIZE);
  }
  return renderSvgFragment(body.join(''), width, (lines.length + 1) * LINE_HEIGHT + MARGIN);
}

export function encodePng(r: MaskRaster, lines: readonly string[]): Buffer {
  const textWidth = monoWidth(Math.max(...lines.map((l) => l.length), 48), FONT_SIZE) + 2 * MARGIN;
  const width = Math.max(r.width + 2 * MARGIN, textWidth);
  const caption = captionPixels(lines, width);
  const top = r.height + 2 * MARGIN;
  const height = top + caption.height;
  const png = new PNG({ width, height });
  const put = (x: number, y: number, c: Rgb): void => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const o = (y * width + x) * 4;
    png.data[o] = c[0]; png.data[o + 1] = c[1]; png.data[o + 2] = c[2]; png.data[o + 3] = 255;
  };
  for (let y = 0; y < top; y++) for (let x = 0; x < width; x++) put(x, y, COLORS.background);
  for (let y = 0; y < r.height; y++) for (let x = 0; x < r.width; x++) put(x + MARGIN, y + MARGIN, pixelColor(r, y * r.width + x));
  const gridVisible = (edges: readonly number[]): boolean => edges.length < 2 || edges[1]! - edges[0]! >= 4;
  if (gridVisible(r.tileColumns) && gridVisible(r.tileRows)) {
    for (const x of r.tileColumns) for (let y = 0; y <= r.height; y++) put(MARGIN + Math.min(x, r.width), MARGIN + y, COLORS.grid);
    for (const y of r.tileRows) for (let x = 0; x <= r.width; x++) put(MARGIN + x, MARGIN + Math.min(y, r.height), COLORS.grid);
  }
  png.data.set(caption.rgba.subarray(0, width * caption.height * 4), top * width * 4);
  return PNG.sync.write(png);
}

function rgb(c: Rgb): string {
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function encodeSvg(r: MaskRaster, lines: readonly string[]): string {
  const textHeight = (lines.length + 1) * 16;
  const width = Math.max(r.width + 2 * MARGIN, 640);
  const height = r.height + 2 * MARGIN + textHeight + MARGIN;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${rgb(COLORS.background)}"/>`,
    `<g transform="translate(${MARGIN},${MARGIN})" shape-rendering="crispEdges">`,
  ];
  // Tiles: one rect per tile, coloured by class.
  for (let ty = 0; ty + 1 < r.tileRows.length; ty++) {
    for (let tx = 0; tx + 1 < r.tileColumns.length; tx++) {
      const x0 = r.tileColumns[tx]!;
      const y0 = r.tileRows[ty]!;
      const w = r.tileColumns[tx + 1]! - x0;
      const h = r.tileRows[ty + 1]! - y0;
      if (w <= 0 || h <= 0) continue;
      const cls = r.tileClass[Math.min(r.height - 1, y0) * r.width + Math.min(r.width - 1, x0)]!;
      out.push(`<rect class="tile-${CLASS_NAMES[cls]}" x="${x0}" y="${y0}" width="${w}" height="${h}" fill="${rgb(COLORS.tile[cls]!)}" stroke="${rgb(COLORS.grid)}" stroke-width="${w >= 4 ? 0.5 : 0}"/>`);
    }
  }
  // Allowed elements: rects over runs of pixels with coverage >= 1/2, merged down rows while a run repeats.
  out.push(`<g fill="${rgb(COLORS.allowed)}">`);
  let open = new Map<string, number>();
  const emit = (key: string, y0: number, y1: number): void => {
    const [a, b] = key.split(',').map(Number) as [number, number];
    out.push(`<rect x="${a}" y="${y0}" width="${b - a}" height="${y1 - y0}"/>`);
  };
  for (let y = 0; y <= r.height; y++) {
    const runs = new Map<string, number>();
    for (let x = 0; y < r.height && x < r.width;) {
      if (r.coverage[y * r.width + x]! < 0.5) { x++; continue; }
      const start = x;
      while (x < r.width && r.coverage[y * r.width + x]! >= 0.5) x++;
      const key = `${start},${x}`;
      runs.set(key, open.get(key) ?? y);
    }
    for (const [key, y0] of open) if (!runs.has(key)) emit(key, y0, y);
    open = runs;
  }
  out.push('</g>');
  out.push('</g>');
  const top = r.height + 2 * MARGIN;
  lines.forEach((l, i) => out.push(`<text x="${MARGIN}" y="${top + 12 + i * 16}" font-family="monospace" font-size="12">${escapeXml(l)}</text>`));
  let x = MARGIN;
  const y = top + lines.length * 16;
  const swatches: [Rgb, string][] = [...CLASS_NAMES.map((n, i): [Rgb, string] => [COLORS.tile[i]!, n]), [COLORS.allowed, 'allowed']];
  for (const [color, name] of swatches) {
    out.push(`<rect x="${x}" y="${y + 2}" width="10" height="10" fill="${rgb(color)}" stroke="${rgb(COLORS.grid)}"/>`);
    out.push(`<text x="${x + 14}" y="${y + 12}" font-family="monospace" font-size="12">${name}</text>`);
    x += 14 + (name.length + 2) * 8;
  }
  out.push('</svg>', '');
  return out.join('\n');
}

