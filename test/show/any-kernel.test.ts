/** @file `show` for every kernel kind: gemm weight pictures and figures, and the CLI's `--all`. */
import { describe, it, expect, beforeAll } from 'vitest';
import { PNG } from 'pngjs';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/check.js';
import type { GemmKernel, Kernel } from '../../src/model/kernel.js';
import { showAnyKernel } from '../../src/show/any-kernel.js';
import { rasterizeWeight } from '../../src/show/gemm.js';

let kernels: Kernel[] = [];

beforeAll(async () => {
  kernels = checkProgram(await loadProgram(['dsl/'])).kernels;
});

function gemm(weight: GemmKernel['weight'], over: Partial<GemmKernel> = {}): GemmKernel {
  return {
    kind: 'gemm', name: 'g', origin: { file: 'x', line: 1, col: 1 }, m: 2, n: 64, k: 64, dtype: 'f32',
    weight, threshold: null, bias: false, epilogue: 'none', schedules: {}, ...over,
  };
}

describe('gemm pictures', () => {
  it('nm(2,4) has exactly half the weights nonzero and saves half the work', () => {
    const { figures } = rasterizeWeight(gemm({ format: 'nm', keep: 2, group: 4 }), { m: 2, n: 64, k: 64 }, 1, 1, 4);
    expect(figures.density).toBe(0.5);
    expect(figures.workSaved).toBe(0.5);
    expect(figures.liveTiles + figures.emptyTiles).toBe(64 * 16);
  });

  it('bsr(4,1) tiles are never partial when the tile is the block', () => {
    const { figures } = rasterizeWeight(gemm({ format: 'bsr', r: 4, c: 1 }), { m: 2, n: 64, k: 64 }, 3, 4, 1);
    expect(figures.partialTiles).toBe(0);
    expect(figures.fullTiles).toBeGreaterThan(0);
    expect(figures.emptyTiles).toBeGreaterThan(0);
    expect(figures.workSaved).toBeCloseTo(figures.emptyTiles / (figures.emptyTiles + figures.fullTiles), 10);
  });

  it('a dense weight has no empty tile', () => {
    const { figures } = rasterizeWeight(gemm({ format: 'dense' }), { m: 2, n: 64, k: 64 }, 1, 16, 16);
    expect(figures.emptyTiles).toBe(0);
    expect(figures.workSaved).toBe(0);
  });
});

// Attention kernels of dsl/ are drawn by test/show/dsl.test.ts; this covers the gemm kernels and one attention one.
describe('show draws every gemm kernel in dsl/', () => {
  it('gives a decodable PNG and figures for each gemm kernel', () => {
    const chosen = [...kernels.filter((k) => k.kind === 'gemm'), kernels.find((k) => k.kind === 'attention')!];
    expect(chosen.length).toBeGreaterThan(10);
    for (const k of chosen) {
      const r = showAnyKernel(k, { png: true, tile: k.kind === 'attention' ? 64 : undefined });
      expect(r.png, k.name).toBeDefined();
      const png = PNG.sync.read(r.png!);
      expect(png.width).toBeGreaterThan(50);
      expect(r.figures.liveTiles + r.figures.emptyTiles, k.name).toBeGreaterThan(0);
      expect(r.lines[0]).toContain(k.name);
    }
  }, 300_000);
});
