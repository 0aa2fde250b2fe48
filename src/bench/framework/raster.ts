/** @file Renders a plot scene to PNG (pngjs): filled/stroked rectangles, lines, polylines, discs and bitmap-font text. */
import { PNG } from 'pngjs';
import { GLYPH_ADVANCE, GLYPH_HEIGHT, GLYPH_WIDTH, glyph } from './font5x7.js';
import type { Scene, Shape } from './scene.js';

type Rgb = readonly [number, number, number];

function parseColor(color: string): Rgb {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) throw new Error(`unsupported colour '${color}' (expected #rrggbb)`);
  const v = parseInt(hex, 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** An RGBA pixel buffer with the few drawing operations the plot needs. */
class Canvas {
  readonly png: PNG;
  constructor(readonly width: number, readonly height: number) {
    this.png = new PNG({ width, height });
    this.png.data.fill(255);
  }

  pixel(x: number, y: number, [r, g, b]: Rgb): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    const i = (py * this.width + px) * 4;
    this.png.data[i] = r;
    this.png.data[i + 1] = g;
    this.png.data[i + 2] = b;
    this.png.data[i + 3] = 255;
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    for (let py = Math.round(y); py < Math.round(y + h); py++) for (let px = Math.round(x); px < Math.round(x + w); px++) this.pixel(px, py, color);
  }

  /** A line of the given width; with `dashed`, 5 pixels on and 4 off. */
  line(x1: number, y1: number, x2: number, y2: number, color: Rgb, width = 1, dashed = false): void {
    const steps = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1)));
    const half = Math.floor(width / 2);
    for (let s = 0; s <= steps; s++) {
      if (dashed && s % 9 >= 5) continue;
      const x = x1 + ((x2 - x1) * s) / steps;
      const y = y1 + ((y2 - y1) * s) / steps;
      for (let dy = -half; dy <= half; dy++) for (let dx = -half; dx <= half; dx++) this.pixel(x + dx, y + dy, color);
    }
  }

  disc(cx: number, cy: number, r: number, color: Rgb): void {
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= r * r + r) this.pixel(cx + dx, cy + dy, color);
  }

  /** Text with its baseline at y; vertical text reads bottom to top, centred on (x, y) along its length. */
  text(s: Extract<Shape, { kind: 'text' }>, color: Rgb): void {
    const scale = s.size >= 14 ? 2 : 1;
    const length = s.text.length * GLYPH_ADVANCE * scale;
    const offset = s.anchor === 'start' ? 0 : s.anchor === 'middle' ? -length / 2 : -length;
    [...s.text].forEach((ch, i) => {
      const rows = glyph(ch);
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        for (let col = 0; col < GLYPH_WIDTH; col++) {
          if (!((rows[row]! >> (GLYPH_WIDTH - 1 - col)) & 1)) continue;
          const along = offset + (i * GLYPH_ADVANCE + col) * scale;
          const across = (row - GLYPH_HEIGHT) * scale;
          // Horizontal: along x, rows above the baseline. Vertical: along -y, rows to the left of x.
          const [x, y] = s.vertical ? [s.x + across, s.y - along] : [s.x + along, s.y + across];
          this.fillRect(x, y, scale, scale, color);
        }
      }
    });
  }
}

const BLACK: Rgb = [0, 0, 0];

type Painter<K extends Shape['kind']> = (canvas: Canvas, s: Extract<Shape, { kind: K }>) => void;

const PAINT: { [K in Shape['kind']]: Painter<K> } = {
  rect: (c, s) => {
    if (s.fill) c.fillRect(s.x, s.y, s.w, s.h, parseColor(s.fill));
    if (s.stroke) {
      const color = parseColor(s.stroke);
      c.line(s.x, s.y, s.x + s.w, s.y, color);
      c.line(s.x + s.w, s.y, s.x + s.w, s.y + s.h, color);
      c.line(s.x + s.w, s.y + s.h, s.x, s.y + s.h, color);
      c.line(s.x, s.y + s.h, s.x, s.y, color);
    }
  },
  line: (c, s) => c.line(s.x1, s.y1, s.x2, s.y2, parseColor(s.stroke), 1, s.dashed ?? false),
  polyline: (c, s) => {
    for (let i = 1; i < s.points.length; i++) {
      const [a, b] = [s.points[i - 1]!, s.points[i]!];
      c.line(a[0], a[1], b[0], b[1], parseColor(s.stroke), Math.max(1, Math.round(s.width)), s.dashed ?? false);
    }
  },
  circle: (c, s) => c.disc(s.cx, s.cy, s.r, parseColor(s.fill)),
  text: (c, s) => c.text(s, s.fill ? parseColor(s.fill) : BLACK),
};

/** Renders a scene to PNG file bytes. */
export function sceneToPng(scene: Scene): Buffer {
  const canvas = new Canvas(scene.width, scene.height);
  for (const s of scene.shapes) (PAINT[s.kind] as Painter<typeof s.kind>)(canvas, s as never);
  return PNG.sync.write(canvas.png);
}
