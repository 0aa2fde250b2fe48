/**
 * @file The speed-up-against-density plot of `sparsec bench --plot`: a Vega specification (one series per
 * implementation and case family, log2 speed-up axis, a dashed 1x rule) rendered to SVG by Vega, to PNG by resvg.
 */
import { createRequire } from 'node:module';
import { baselineRows, type BenchRow, type Impl } from './rows.js';
import { ATTENTION_CASE_NAMES } from './cases.js';

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
  const baseOf = baselineRows(rows, baseline);
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

/** Colours of the implementations (Vega's category10 order; the same implementation keeps its colour across plots). */
export const IMPL_COLORS: Readonly<Record<string, string>> = {
  sparsec: '#d62728',
  'sparsec-dense': '#ff7f0e',
  'onnxruntime-web': '#1f77b4',
  'onnxruntime-node': '#2ca02c',
};
const SPARE_COLORS = ['#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const WIDTH = 520;
const HEIGHT = 340;
/** Font of every label: DejaVu Sans, shipped as a file so PNGs look the same on machines without fonts. */
const FONT = 'DejaVu Sans';

/** Left end of the log density axis: a little below the sparsest case, at most 0.05. */
function densityFloor(series: readonly SpeedupSeries[]): number {
  const lo = Math.min(0.1, ...series.flatMap((s) => s.points.map((p) => p.density)).filter((d) => d > 0));
  return Math.min(0.05, lo / 1.5);
}

/** Log-scale bounds covering the data and 1x, widened to whole powers of two. */
function speedupRange(series: readonly SpeedupSeries[]): [number, number] {
  const values = series.flatMap((s) => s.points.map((p) => p.speedup)).filter((v) => v > 0);
  const lo = Math.min(1, ...values);
  const hi = Math.max(1, ...values);
  return [2 ** Math.floor(Math.log2(lo)), 2 ** Math.max(Math.ceil(Math.log2(hi)), Math.floor(Math.log2(lo)) + 1)];
}

/** Label height and width per character in pixels (10 px DejaVu Sans), for placing case names. */
const LABEL_H = 11;
const LABEL_CHAR_W = 6.2;

/** A case name's place next to its point: which side, and how far up or down. */
interface LabelPlace {
  readonly align: 'left' | 'right';
  readonly dx: number;
  readonly dy: number;
}

/** Places tried for a label, nearest first: right of the point, left of it, then a line up or down, and so on. */
const LABEL_PLACES: readonly LabelPlace[] = [0, -1, 1, -2, 2, -3, 3].flatMap((line) => [
  { align: 'left' as const, dx: 7, dy: line * LABEL_H },
  { align: 'right' as const, dx: -7, dy: line * LABEL_H },
]);

/**
 * Case names of the first implementation's points (the others share the cases), each at the nearest place that
 * overlaps no name placed before it (the last place tried when all overlap).
 */
function placeLabels<P extends { readonly case: string; readonly density: number; readonly speedup: number }>(points: readonly P[], xLo: number, yLo: number, yHi: number): (P & LabelPlace)[] {
  const placed: { x0: number; x1: number; y: number }[] = [];
  return [...points].sort((a, b) => b.speedup - a.speedup).map((p) => {
    const x = WIDTH * (1 - Math.log(p.density) / Math.log(xLo));
    const y = HEIGHT * (1 - Math.log2(p.speedup / yLo) / Math.log2(yHi / yLo));
    const w = p.case.length * LABEL_CHAR_W;
    const boxOf = (at: LabelPlace): { x0: number; x1: number; y: number } =>
      at.align === 'left' ? { x0: x + at.dx, x1: x + at.dx + w, y: y + at.dy } : { x0: x + at.dx - w, x1: x + at.dx, y: y + at.dy };
    const free = (b: { x0: number; x1: number; y: number }): boolean => b.x0 >= -4 && placed.every((o) => o.x1 <= b.x0 || b.x1 <= o.x0 || Math.abs(o.y - b.y) >= LABEL_H);
    const at = LABEL_PLACES.find((c) => free(boxOf(c))) ?? LABEL_PLACES[LABEL_PLACES.length - 1]!;
    placed.push(boxOf(at));
    return { ...p, ...at };
  });
}

/** The plot as a Vega specification (plain JSON; `vega.parse` turns it into a view). */
export function speedupSpec(series: readonly SpeedupSeries[], title: string, baseline: Impl): Record<string, unknown> {
  const [yLo, yHi] = speedupRange(series);
  const points = series.flatMap((s) => s.points.map((p) => ({
    series: `${s.impl} (${s.family})`, impl: s.impl, family: s.family, case: p.caseName, density: p.density, speedup: p.speedup,
    tip: `${p.caseName}: ${p.speedup.toFixed(2)}x at density ${p.density.toFixed(3)}`,
  })));
  const impls = [...new Set(series.map((s) => s.impl))];
  const xLo = densityFloor(series);
  const labels = placeLabels(points.filter((p) => p.impl === impls[0]), xLo, yLo, yHi);
  const colors = impls.map((impl, i) => IMPL_COLORS[impl] ?? SPARE_COLORS[i % SPARE_COLORS.length]!);
  const ticks: number[] = [];
  for (let v = yLo; v <= yHi * 1.0001; v *= 2) ticks.push(v);
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: WIDTH, height: HEIGHT, padding: 8, background: '#ffffff',
    title: { text: title, anchor: 'start', font: FONT, fontSize: 15 },
    config: { axis: { labelFont: FONT, titleFont: FONT }, legend: { labelFont: FONT, titleFont: FONT }, text: { font: FONT } },
    data: [
      { name: 'points', values: points },
      { name: 'one', values: [{ speedup: 1 }] },
      { name: 'labels', values: labels },
    ],
    scales: [
      { name: 'x', type: 'log', domain: [xLo, 1], range: 'width' },
      { name: 'y', type: 'log', base: 2, domain: [yLo, yHi], range: 'height' },
      { name: 'color', type: 'ordinal', domain: impls, range: colors },
      { name: 'shape', type: 'ordinal', domain: ['attention', 'gemm'], range: ['circle', 'square'] },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', title: 'density (fraction of dense work that is live, log scale)', values: [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1].filter((v) => v >= xLo), format: '~g', grid: true, gridColor: '#eeeeee' },
      { orient: 'left', scale: 'y', title: `speed-up over ${baseline} (log scale)`, values: ticks, format: '~g', grid: true, gridColor: '#eeeeee',
        encode: { labels: { update: { text: { signal: "datum.value + 'x'" } } } } },
    ],
    legends: [
      { fill: 'color', title: 'implementation', symbolType: 'circle', offset: 80 },
      { shape: 'shape', title: 'cases', symbolFillColor: '#555555', symbolStrokeColor: '#555555', offset: 80 },
    ],
    marks: [
      { type: 'rule', from: { data: 'one' }, encode: { update: {
        x: { value: 0 }, x2: { signal: 'width' }, y: { scale: 'y', field: 'speedup' }, stroke: { value: '#888888' }, strokeDash: { value: [4, 4] },
      } } },
      { type: 'symbol', name: 'dots', from: { data: 'points' }, encode: { update: {
        x: { scale: 'x', field: 'density' }, y: { scale: 'y', field: 'speedup' }, fill: { scale: 'color', field: 'impl' },
        shape: { scale: 'shape', field: 'family' }, size: { value: 60 }, tooltip: { field: 'tip' },
      } } },
      { type: 'text', from: { data: 'labels' }, encode: { update: {
        x: { scale: 'x', field: 'density' }, y: { scale: 'y', field: 'speedup' }, dx: { field: 'dx' }, dy: { field: 'dy' }, align: { field: 'align' }, text: { field: 'case' },
        fill: { scale: 'color', field: 'impl' }, fontSize: { value: 10 }, font: { value: FONT }, baseline: { value: 'middle' },
      } } },
    ],
  };
}

/** Renders the speed-up plot as a standalone SVG document (Vega's SVG renderer, no browser). */
export async function renderSpeedupSvg(series: readonly SpeedupSeries[], title: string, baseline: Impl): Promise<string> {
  const vega = await import('vega');
  const view = new vega.View(vega.parse(speedupSpec(series, title, baseline) as never), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders the speed-up plot as a PNG (the SVG rasterized by resvg with the shipped DejaVu Sans). */
export async function renderSpeedupPng(series: readonly SpeedupSeries[], title: string, baseline: Impl): Promise<Uint8Array> {
  const svg = await renderSpeedupSvg(series, title, baseline);
  const { Resvg } = await import('@resvg/resvg-js');
  const font = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  const resvg = new Resvg(svg, { font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: FONT }, fitTo: { mode: 'zoom', value: 2 } });
  return resvg.render().asPng();
}

/** Writes the plot to each path of a comma-separated list (.png or .svg by extension); returns the paths written. */
export async function writeSpeedupPlots(paths: string, series: readonly SpeedupSeries[], title: string, baseline: Impl): Promise<string[]> {
  const { writeFileSync } = await import('node:fs');
  const written: string[] = [];
  for (const file of paths.split(',').filter((f) => f.length > 0)) {
    writeFileSync(file, file.toLowerCase().endsWith('.png') ? await renderSpeedupPng(series, title, baseline) : await renderSpeedupSvg(series, title, baseline));
    written.push(file);
  }
  return written;
}
