/** @file A tiny vector scene (rectangles, lines, circles, text) that the plot builds once and renders as SVG or PNG. */

/** One drawable shape, in pixel coordinates with y growing downwards. Colours are `#rrggbb`. */
export type Shape =
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill?: string; readonly stroke?: string }
  | { readonly kind: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly stroke: string; readonly dashed?: boolean }
  | { readonly kind: 'polyline'; readonly points: readonly (readonly [number, number])[]; readonly stroke: string; readonly width: number; readonly dashed?: boolean }
  | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number; readonly fill: string; readonly title?: string }
  | {
      readonly kind: 'text'; readonly x: number; readonly y: number; readonly text: string; readonly size: number;
      readonly anchor: 'start' | 'middle' | 'end'; readonly fill?: string;
      /** Rotated 90 degrees counter-clockwise about (x, y), for a vertical axis title. */
      readonly vertical?: boolean;
    };

/** A picture: a size and shapes drawn in order. */
export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly Shape[];
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const n = (x: number): string => String(Math.round(x * 10) / 10);

type SvgWriter<K extends Shape['kind']> = (s: Extract<Shape, { kind: K }>) => string;

const SVG: { [K in Shape['kind']]: SvgWriter<K> } = {
  rect: (s) => `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill ?? 'none'}"${s.stroke ? ` stroke="${s.stroke}"` : ''}/>`,
  line: (s) => `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.stroke}"${s.dashed ? ' stroke-dasharray="5,4"' : ''}/>`,
  polyline: (s) => `<polyline points="${s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}"${s.dashed ? ' stroke-dasharray="6,4"' : ''}/>`,
  circle: (s) => `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${s.r}" fill="${s.fill}">${s.title ? `<title>${escapeXml(s.title)}</title>` : ''}</circle>`,
  text: (s) => {
    const place = s.vertical ? `transform="translate(${n(s.x)} ${n(s.y)}) rotate(-90)"` : `x="${n(s.x)}" y="${n(s.y)}"`;
    return `<text ${place} font-size="${s.size}" text-anchor="${s.anchor}"${s.fill ? ` fill="${s.fill}"` : ''}>${escapeXml(s.text)}</text>`;
  },
};

/** Renders a scene as a standalone SVG document. */
export function sceneToSvg(scene: Scene): string {
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="sans-serif">`,
    ...scene.shapes.map((s) => (SVG[s.kind] as SvgWriter<typeof s.kind>)(s as never)),
    '</svg>',
  ];
  return lines.join('\n');
}
