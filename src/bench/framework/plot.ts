/**
 * @file A small SVG plot of speed-up against density, one series per implementation, built as a scene and
 * rendered to SVG (scene.ts) or PNG (raster.ts); no plotting library is installed.
 */
import type { BenchRow, Impl } from './rows.js';
import { ATTENTION_CASE_NAMES } from './cases.js';
import { sceneToSvg, type Scene, type Shape } from './scene.js';

/** One plotted point: a case at its density with its speed-up over the baseline. */
export interface SpeedupPoint {
  readonly caseName: string;
  readonly density: number;
  readonly speedup: number;
}

/** Points of one implementation over one family of cases (attention or gemm; lines never join the two). */
export interface SpeedupSeries {
  readonly impl: Impl;
  readonly family: CaseFamily;
  readonly points: readonly SpeedupPoint[];
}

/** Attention cases and gemm cases are plotted as separate lines. */
export type CaseFamily = 'attention' | 'gemm';

function familyOf(caseName: string): CaseFamily {
  return (ATTENTION_CASE_NAMES as readonly string[]).includes(caseName) ? 'attention' : 'gemm';
}

/** Speed-up (baseline median / impl median, same case) against the case's density, for every non-baseline impl. */
export function speedupSeries(rows: readonly BenchRow[], baseline: Impl): SpeedupSeries[] {
  const baseOf = new Map(rows.filter((r) => r.impl === baseline).map((r) => [r.case, r]));
  const bySeries = new Map<string, { impl: Impl; family: CaseFamily; points: SpeedupPoint[] }>();
  for (const r of rows) {
    const base = baseOf.get(r.case);
    if (r.impl === baseline || !base || r.density === undefined || r.median_ms <= 0) continue;
    const family = familyOf(r.case);
    const key = `${r.impl} ${family}`;
    const series = bySeries.get(key) ?? { impl: r.impl, family, points: [] };
    series.points.push({ caseName: r.case, density: r.density, speedup: base.median_ms / r.median_ms });
    bySeries.set(key, series);
  }
  return [...bySeries.values()].map((s) => ({ ...s, points: s.points.sort((a, b) => a.density - b.density) }));
}

const COLORS: Record<Impl, string> = {
  sparsec: '#d62728',
  'sparsec-dense': '#ff7f0e',
  'onnxruntime-web': '#1f77b4',
  'onnxruntime-node': '#2ca02c',
};
const WIDTH = 720;
const HEIGHT = 440;
const MARGIN = { left: 70, right: 180, top: 40, bottom: 55 };

/** Log-scale bounds covering the data and 1x, widened to whole powers of two. */
function speedupRange(series: readonly SpeedupSeries[]): [number, number] {
  const values = series.flatMap((s) => s.points.map((p) => p.speedup)).filter((v) => v > 0);
  const lo = Math.min(1, ...values);
  const hi = Math.max(1, ...values);
  return [2 ** Math.floor(Math.log2(lo)), 2 ** Math.max(Math.ceil(Math.log2(hi)), Math.floor(Math.log2(lo)) + 1)];
}

/** The speed-up plot as a scene: linear density axis, log2 speed-up axis, a dashed 1x line, one colour per series. */
export function speedupScene(series: readonly SpeedupSeries[], title: string, baseline: Impl): Scene {
  const [yLo, yHi] = speedupRange(series);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const bottom = MARGIN.top + plotH;
  const x = (density: number): number => MARGIN.left + density * plotW;
  const y = (speedup: number): number => MARGIN.top + plotH * (1 - Math.log2(speedup / yLo) / Math.log2(yHi / yLo));
  const shapes: Shape[] = [
    { kind: 'rect', x: 0, y: 0, w: WIDTH, h: HEIGHT, fill: '#ffffff' },
    { kind: 'text', x: MARGIN.left, y: 24, text: title, size: 15, anchor: 'start' },
  ];
  for (let v = yLo; v <= yHi * 1.0001; v *= 2) {
    shapes.push({ kind: 'line', x1: MARGIN.left, y1: y(v), x2: MARGIN.left + plotW, y2: y(v), stroke: '#eeeeee' });
    shapes.push({ kind: 'text', x: MARGIN.left - 6, y: y(v) + 4, text: `${v >= 1 ? v : v.toPrecision(2)}x`, size: 12, anchor: 'end' });
  }
  for (let i = 0; i <= 10; i += 2) {
    shapes.push({ kind: 'line', x1: x(i / 10), y1: bottom, x2: x(i / 10), y2: bottom + 5, stroke: '#333333' });
    shapes.push({ kind: 'text', x: x(i / 10), y: bottom + 19, text: (i / 10).toFixed(1), size: 12, anchor: 'middle' });
  }
  shapes.push(
    { kind: 'rect', x: MARGIN.left, y: MARGIN.top, w: plotW, h: plotH, stroke: '#333333' },
    { kind: 'line', x1: MARGIN.left, y1: y(1), x2: MARGIN.left + plotW, y2: y(1), stroke: '#888888', dashed: true },
    { kind: 'text', x: MARGIN.left + plotW / 2, y: HEIGHT - 12, text: 'density (fraction of dense work that is live)', size: 12, anchor: 'middle' },
    { kind: 'text', x: 20, y: MARGIN.top + plotH / 2, text: `speed-up over ${baseline} (log scale)`, size: 12, anchor: 'middle', vertical: true },
  );
  series.forEach((s, i) => {
    const fill = COLORS[s.impl];
    const dashed = s.family === 'gemm';
    if (s.points.length > 1) shapes.push({ kind: 'polyline', points: s.points.map((p) => [x(p.density), y(p.speedup)] as const), stroke: fill, width: 1.5, dashed });
    for (const p of s.points) {
      const title = `${p.caseName}: ${p.speedup.toFixed(2)}x at density ${p.density.toFixed(3)}`;
      shapes.push({ kind: 'circle', cx: x(p.density), cy: y(p.speedup), r: 4, fill, title });
      shapes.push({ kind: 'text', x: x(p.density) + 6, y: y(p.speedup) - 6, text: p.caseName, size: 10, anchor: 'start', fill });
    }
    const legendY = MARGIN.top + 14 + i * 30;
    shapes.push({ kind: 'line', x1: WIDTH - MARGIN.right + 10, y1: legendY - 4, x2: WIDTH - MARGIN.right + 30, y2: legendY - 4, stroke: fill, dashed });
    shapes.push({ kind: 'circle', cx: WIDTH - MARGIN.right + 20, cy: legendY - 4, r: 4, fill });
    shapes.push({ kind: 'text', x: WIDTH - MARGIN.right + 36, y: legendY, text: s.impl, size: 12, anchor: 'start' });
    shapes.push({ kind: 'text', x: WIDTH - MARGIN.right + 36, y: legendY + 11, text: s.family, size: 10, anchor: 'start' });
  });
  return { width: WIDTH, height: HEIGHT, shapes };
}

/** Renders the speed-up plot as a standalone SVG document. */
export function renderSpeedupSvg(series: readonly SpeedupSeries[], title: string, baseline: Impl): string {
  return sceneToSvg(speedupScene(series, title, baseline));
}
