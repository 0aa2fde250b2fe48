import { describe, it, expect } from 'vitest';
import { formatJson, formatTable } from '../../src/bench/framework/output.js';
import { PNG } from 'pngjs';
import { renderSpeedupPng, renderSpeedupSvg, speedupSeries, speedupSpec } from '../../src/bench/framework/plot.js';
import { baselineRows, gflopsPerSecond, makeRow, type BenchRow, type Impl } from '../../src/bench/framework/rows.js';
import { summarize } from '../../src/bench/framework/timing.js';

const rows: BenchRow[] = [
  { case: 'causal', impl: 'onnxruntime-web', target: 'wasm', threads: 1, median_ms: 100, gflops: 28, density: 0.5 },
  { case: 'causal', impl: 'sparsec', target: 'wasm', threads: 1, median_ms: 50, gflops: 30, density: 0.5 },
  { case: 'window', impl: 'onnxruntime-web', target: 'wasm', threads: 1, median_ms: 100, gflops: 28, density: 0.1 },
  { case: 'window', impl: 'sparsec', target: 'wasm', threads: 1, median_ms: 10, gflops: 30, density: 0.1 },
  { case: 'window', impl: 'onnxruntime-node', target: 'cpu', threads: 2, median_ms: 25, gflops: 110, density: 0.1 },
];

describe('rows', () => {
  it('computes GFLOP/s from FLOPs and milliseconds', () => {
    expect(gflopsPerSecond(2e9, 1000)).toBe(2);
    expect(gflopsPerSecond(1e9, 0)).toBe(0);
  });
  it('makes a row with the issue fields and rounded figures', () => {
    const row = makeRow({
      caseName: 'causal', impl: 'onnxruntime-node', target: 'cpu', threads: 2, timing: summarize([10, 20, 30]),
      creditedFlops: 4e9, liveFlops: 2.2e9, density: 0.50012,
    });
    expect(row).toMatchObject({ case: 'causal', impl: 'onnxruntime-node', target: 'cpu', threads: 2, median_ms: 20, gflops: 200, live_gflop: 2.2, density: 0.5001, runs: 3 });
  });
});

describe('table and JSON', () => {
  it('prints one aligned line per row with the speed-up over the baseline in the same case', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines).toHaveLength(2 + rows.length);
    expect(lines[0]).toMatch(/^case\s+impl\s+target\s+threads\s+median ms/);
    expect(lines[0]).toContain('vs onnxruntime-web');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[3]).toMatch(/sparsec .* 2\.00x$/);
    expect(lines[5]).toMatch(/ 10\.00x$/);
    expect(lines[6]).toMatch(/onnxruntime-node .* 4\.00x$/);
  });
  it('writes valid JSON rows that read back equal', () => {
    expect(JSON.parse(formatJson(rows))).toEqual(rows);
    expect(formatJson([])).toBe('[]');
  });
});

describe('speed-up plot', () => {
  it('pairs each implementation with the baseline of the same case, sorted by density', () => {
    const series = speedupSeries(rows, 'onnxruntime-web');
    const sparsec = series.find((s) => s.impl === 'sparsec')!;
    expect(sparsec.points.map((p) => [p.caseName, p.density, p.speedup])).toEqual([['window', 0.1, 10], ['causal', 0.5, 2]]);
    expect(series.find((s) => s.impl === 'onnxruntime-node')!.points).toHaveLength(1);
    expect(series.some((s) => s.impl === 'onnxruntime-web')).toBe(false);
  });
  it('keeps attention and gemm cases in separate series', () => {
    const mixed: BenchRow[] = [
      ...rows,
      { case: 'gemm_dense', impl: 'onnxruntime-web', target: 'wasm', threads: 1, median_ms: 8, gflops: 20, density: 1 },
      { case: 'gemm_dense', impl: 'sparsec', target: 'wasm', threads: 1, median_ms: 4, gflops: 40, density: 1 },
    ];
    const series = speedupSeries(mixed, 'onnxruntime-web').filter((s) => s.impl === 'sparsec');
    expect(series.map((s) => [s.family, s.points.map((p) => p.caseName)])).toEqual([['attention', ['window', 'causal']], ['gemm', ['gemm_dense']]]);
  });
  it('renders an SVG document with a point per case, a legend entry per implementation and the tick labels', async () => {
    const svg = await renderSpeedupSvg(speedupSeries(rows, 'onnxruntime-web'), 'speed-up <test>', 'onnxruntime-web');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    // one symbol per plotted point: sparsec at causal and window, onnxruntime-node at window
    expect(svg.match(/<path [^>]*fill="#d62728"[^>]*>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(svg).toContain('&lt;test&gt;');
    expect(svg).toContain('>sparsec</text>');
    expect(svg).toContain('>onnxruntime-node</text>');
    expect(svg).toContain('>16x</text>');
  });
  it('gives an implementation without a fixed colour one of the spare colours', () => {
    const spec = speedupSpec([{ impl: 'ort-webgpu' as Impl, family: 'attention', points: [{ caseName: 'c', density: 0.5, speedup: 2 }] }], 't', 'sparsec');
    const color = (spec['scales'] as { name: string; range: unknown }[]).find((s) => s.name === 'color');
    expect(color?.range).toEqual(['#9467bd']);
  });
});

describe('baseline rows', () => {
  it('compares with the fastest row of the baseline implementation in a case', () => {
    const two: BenchRow[] = [
      { case: 'decode', impl: 'sparsec', target: 'webgpu', threads: 1, median_ms: 10, gflops: 1 },
      { case: 'decode', impl: 'onnxruntime-web', target: 'webgpu-mha', threads: 1, median_ms: 40, gflops: 1 },
      { case: 'decode', impl: 'onnxruntime-web', target: 'webgpu', threads: 1, median_ms: 50, gflops: 1 },
    ];
    expect(baselineRows(two, 'onnxruntime-web').get('decode')?.target).toBe('webgpu-mha');
    expect(formatTable(two).split('\n')[2]).toMatch(/4\.00x$/);
  });
});

describe('PNG rendering', () => {
  it('draws the plot: a PNG at twice the SVG size, white background, the sparsec colour present', async () => {
    const series = speedupSeries(rows, 'onnxruntime-web');
    const png = PNG.sync.read(Buffer.from(await renderSpeedupPng(series, 'png', 'onnxruntime-web')));
    const svg = await renderSpeedupSvg(series, 'png', 'onnxruntime-web');
    const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    expect(png.width).toBe(Math.round(width * 2));
    const at = (x: number, y: number): number[] => Array.from(png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3));
    expect(at(1, png.height - 2)).toEqual([255, 255, 255]);
    let red = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === 0xd6 && png.data[i + 1] === 0x27 && png.data[i + 2] === 0x28) red++;
    expect(red).toBeGreaterThan(20);
  });
});
