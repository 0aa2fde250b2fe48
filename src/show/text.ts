/**
 * @file Text of `show` PNG pictures (the figure lines and the legend), rendered by resvg with the DejaVu Sans Mono
 * font that ships as a dependency (no system fonts: the same pixels on every machine), as RGBA pixels to paste.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

/** An RGBA image. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

const FONT_FILE = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf');
const FONT_FAMILY = 'DejaVu Sans Mono';

/** Renders a small SVG fragment (`<text>`, `<rect>` elements) of `width` x `height` on white. */
export function renderSvgFragment(body: string, width: number, height: number): Pixels {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="white"/>${body}</svg>`;
  const image = new Resvg(svg, { font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }, background: 'white' }).render();
  return { width: image.width, height: image.height, rgba: image.pixels };
}

/** `<text>` of one line at (x, baseline y), XML-escaped, in the shipped monospace font. */
export function textElement(text: string, x: number, y: number, size: number): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<text xml:space="preserve" x="${x}" y="${y}" font-family="${FONT_FAMILY}" font-size="${size}" fill="rgb(20,20,20)">${escaped}</text>`;
}

/** Width in pixels of `chars` characters of the monospace font at `size` (DejaVu Sans Mono advances 0.602 em). */
export const monoWidth = (chars: number, size: number): number => Math.ceil(chars * size * 0.602);
