/**
 * @file A small SVG plot of speed-up against density, one series per implementation, written directly (no plotting
 * library is installed; a scatter with lines, linear density axis, log speed-up axis and a 1x reference line).
 */
import type { BenchRow, Impl } from './rows.js';

/** One plotted point: a case at its density with its speed-up over the baseline. */
export interface SpeedupPoint {
  readonly caseName: string;
  readonly density: number;
  readonly speedup: number;
}

/** Points of one implementation. */
export interface SpeedupSeries {
  readonly impl: Impl;
  readonly points: readonly SpeedupPoint[];
}

/** Speed-up (baseline median / impl median, same case) against the case's density, for every non-baseline impl. */
export function speedupSeries(rows: readonly BenchRow[], baseline: Impl): SpeedupSeries[] {
  const baseOf = new Map(rows.filter((r) => r.impl === baseline).map((r) => [r.case, r]));
  const byImpl = new Map<Impl, SpeedupPoint[]>();
  for (const r of rows) {
    const base = baseOf.get(r.case);
    if (r.impl === baseline || !base || r.density === undefined || r.median_ms <= 0) continue;
    const points = byImpl.get(r.impl) ?? [];
    points.push({ caseName: r.case, density: r.density, speedup: base.median_ms / r.median_ms });
    byImpl.set(r.impl, points);
  }
  return [...byImpl].map(([impl, points]) => ({ impl, points: points.sort((a, b) => a.density - b.density) }));
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

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Log-scale bounds covering the data and 1x, widened to whole powers of two. */
function speedupRange(series: readonly SpeedupSeries[]): [number, number] {
  const values = series.flatMap((s) => s.points.map((p) => p.speedup)).filter((v) => v > 0);
  const lo = Math.min(1, ...values);
  const hi = Math.max(1, ...values);
  return [2 ** Math.floor(Math.log2(lo)), 2 ** Math.max(Math.ceil(Math.log2(hi)), Math.floor(Math.log2(lo)) + 1)];
}

/** Renders the speed-up plot as a standalone SVG document. */
export function renderSpeedupSvg(series: readonly SpeedupSeries[], title: string, baseline: Impl): string {
  const [yLo, yHi] = speedupRange(series);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (density: number): number => MARGIN.left + density * plotW;
  const y = (speedup: number): number => MARGIN.top + plotH * (1 - Math.log2(speedup / yLo) / Math.log2(yHi / yLo));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="15">${escapeXml(title)}</text>`,
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`,
  ];
  for (let i = 0; i <= 10; i += 2) {
    const d = i / 10;
    out.push(`<line x1="${x(d)}" y1="${MARGIN.top + plotH}" x2="${x(d)}" y2="${MARGIN.top + plotH + 5}" stroke="#333"/>`);
    out.push(`<text x="${x(d)}" y="${MARGIN.top + plotH + 19}" text-anchor="middle">${d.toFixed(1)}</text>`);
  }
  for (let v = yLo; v <= yHi * 1.0001; v *= 2) {
    out.push(`<line x1="${MARGIN.left}" y1="${y(v).toFixed(1)}" x2="${MARGIN.left + plotW}" y2="${y(v).toFixed(1)}" stroke="#eee"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v >= 1 ? v : v.toPrecision(2)}x</text>`);
  }
  out.push(`<line x1="${MARGIN.left}" y1="${y(1).toFixed(1)}" x2="${MARGIN.left + plotW}" y2="${y(1).toFixed(1)}" stroke="#888" stroke-dasharray="5,4"/>`);
  out.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">density (fraction of dense work that is live)</text>`);
  out.push(`<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">speed-up over ${escapeXml(baseline)} (log scale)</text>`);
  series.forEach((s, i) => {
    const color = COLORS[s.impl];
    const path = s.points.map((p) => `${x(p.density).toFixed(1)},${y(p.speedup).toFixed(1)}`).join(' ');
    if (s.points.length > 1) out.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
    for (const p of s.points) {
      out.push(`<circle cx="${x(p.density).toFixed(1)}" cy="${y(p.speedup).toFixed(1)}" r="4" fill="${color}"><title>${escapeXml(`${p.caseName}: ${p.speedup.toFixed(2)}x at density ${p.density.toFixed(3)}`)}</title></circle>`);
      out.push(`<text x="${(x(p.density) + 6).toFixed(1)}" y="${(y(p.speedup) - 6).toFixed(1)}" font-size="10" fill="${color}">${escapeXml(p.caseName)}</text>`);
    }
    const ly = MARGIN.top + 14 + i * 18;
    out.push(`<circle cx="${WIDTH - MARGIN.right + 20}" cy="${ly - 4}" r="4" fill="${color}"/>`);
    out.push(`<text x="${WIDTH - MARGIN.right + 30}" y="${ly}">${escapeXml(s.impl)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
