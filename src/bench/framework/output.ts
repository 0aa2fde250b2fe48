/** @file Printing benchmark rows: an aligned text table (with speed-up against a baseline) and JSON rows. */
import { baselineRows, type BenchRow, type Impl } from './rows.js';

type Column = { readonly title: string; readonly align: 'left' | 'right'; readonly cell: (r: BenchRow, base?: BenchRow) => string };

const fixed = (x: number | undefined, digits: number): string => (x === undefined ? '-' : x.toFixed(digits));

const COLUMNS: readonly Column[] = [
  { title: 'case', align: 'left', cell: (r) => r.case },
  { title: 'impl', align: 'left', cell: (r) => r.impl },
  { title: 'target', align: 'left', cell: (r) => r.target },
  { title: 'threads', align: 'right', cell: (r) => String(r.threads) },
  { title: 'median ms', align: 'right', cell: (r) => fixed(r.median_ms, 2) },
  { title: 'p10-p90 ms', align: 'right', cell: (r) => (r.p10_ms === undefined ? '-' : `${fixed(r.p10_ms, 1)}-${fixed(r.p90_ms, 1)}`) },
  { title: 'GFLOP/s', align: 'right', cell: (r) => fixed(r.gflops, 1) },
  { title: 'live GFLOP', align: 'right', cell: (r) => fixed(r.live_gflop, 3) },
  { title: 'density', align: 'right', cell: (r) => fixed(r.density, 3) },
  { title: 'speed-up', align: 'right', cell: (r, base) => (base && r.median_ms > 0 ? `${(base.median_ms / r.median_ms).toFixed(2)}x` : '-') },
];

/**
 * An aligned table, one line per row, in row order. The speed-up column is the baseline implementation's median
 * time over this row's, within the same case (its fastest baseline row when it has several; '-' when none).
 */
export function formatTable(rows: readonly BenchRow[], baseline: Impl = 'onnxruntime-web'): string {
  const baseOf = baselineRows(rows, baseline);
  const columns = COLUMNS.map((c) => (c.title === 'speed-up' ? { ...c, title: `vs ${baseline}` } : c));
  const cells = rows.map((r) => columns.map((c) => c.cell(r, baseOf.get(r.case))));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((line) => line[i]!.length)));
  const pad = (text: string, i: number): string => (columns[i]!.align === 'left' ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
  const header = columns.map((c, i) => pad(c.title, i)).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [header, rule, ...cells.map((line) => line.map(pad).join('  '))].join('\n');
}

/** JSON rows, one object per line inside a JSON array (valid JSON, easy to diff). */
export function formatJson(rows: readonly BenchRow[]): string {
  if (rows.length === 0) return '[]';
  return `[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]`;
}
