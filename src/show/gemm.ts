/**
 * @file The `show` picture of a gemm kernel: the nonzero pattern of a random weight [n, k] in the
 * kernel's format (rows n, columns k), its tiles classed empty / full / partial, and the figures.
 */
import type { GemmKernel, GemmSizes } from '../model/kernel.js';
import type { TileFigures } from '../analysis/classify.js';
import { resolveGemmSizes } from '../harness/sizes.js';
import { formatText, weightFormat } from '../runtime/formats/index.js';
import { Rng, randomGemmInputs } from '../reference/random.js';
import { axisPixels, type MaskRaster } from './raster.js';

/** The default tile of a weight picture: the unit the format stores (bsr's block, nm's group), else 16 x 16. */
export function weightTile(kernel: GemmKernel, tile?: number): { tileN: number; tileK: number } {
  if (tile) return { tileN: tile, tileK: tile };
  const [tileN, tileK] = weightFormat(kernel.weight.format).unit(kernel.weight) ?? [16, 16];
  return { tileN, tileK };
}

/** Sizes used for the picture: static sizes, dynamic ones at the harness defaults, n and k capped at 512. */
export function gemmShowSizes(kernel: GemmKernel): GemmSizes {
  const s = resolveGemmSizes(kernel);
  return { m: s.m, n: Math.min(s.n, 512), k: Math.min(s.k, 512) };
}

/** Rasterises the weight's nonzeros and tile classes, and computes the figures. */
export function rasterizeWeight(kernel: GemmKernel, sizes: GemmSizes, seed: number, tileN: number, tileK: number): { raster: MaskRaster; figures: TileFigures; inputZeros: number } {
  const { x, w } = randomGemmInputs(kernel, sizes, new Rng(seed));
  const { n, k } = sizes;
  const tn = Math.ceil(n / tileN);
  const tk = Math.ceil(k / tileK);
  const nnzTile = new Int32Array(tn * tk);
  let nnz = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < k; c++) {
      if (w[r * k + c] !== 0) { nnzTile[Math.floor(r / tileN) * tk + Math.floor(c / tileK)]!++; nnz++; }
    }
  }
  const cls = new Uint8Array(tn * tk);
  let full = 0, partial = 0, empty = 0, liveArea = 0;
  for (let t = 0; t < tn * tk; t++) {
    const area = (Math.min(n, (Math.floor(t / tk) + 1) * tileN) - Math.floor(t / tk) * tileN) * (Math.min(k, ((t % tk) + 1) * tileK) - (t % tk) * tileK);
    if (nnzTile[t] === 0) { cls[t] = 0; empty++; } else if (nnzTile[t] === area) { cls[t] = 1; full++; liveArea += area; } else { cls[t] = 2; partial++; liveArea += area; }
  }
  const width = axisPixels(k);
  const height = axisPixels(n);
  const coverage = new Float32Array(width * height);
  const tileClass = new Uint8Array(width * height);
  for (let py = 0; py < height; py++) {
    const r0 = Math.floor((py * n) / height), r1 = Math.max(r0 + 1, Math.floor(((py + 1) * n) / height));
    for (let px = 0; px < width; px++) {
      const c0 = Math.floor((px * k) / width), c1 = Math.max(c0 + 1, Math.floor(((px + 1) * k) / width));
      let on = 0;
      for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) if (w[r * k + c] !== 0) on++;
      coverage[py * width + px] = on / ((r1 - r0) * (c1 - c0));
      tileClass[py * width + px] = cls[Math.floor(r0 / tileN) * tk + Math.floor(c0 / tileK)]!;
    }
  }
  const edges = (count: number, tile: number, len: number, px: number): number[] =>
    Array.from({ length: count + 1 }, (_, i) => Math.round((Math.min(i * tile, len) * px) / len));
  const threshold = kernel.threshold;
  const inputZeros = threshold === null ? 0 : x.reduce((a, v) => a + (Math.abs(v) <= threshold ? 1 : 0), 0) / x.length;
  const figures: TileFigures = {
    density: nnz / (n * k),
    liveTiles: full + partial,
    fullTiles: full,
    partialTiles: partial,
    emptyTiles: empty,
    // csr and nm do work per stored nonzero; bsr and dense per live tile.
    workSaved: weightFormat(kernel.weight.format).workPer === 'nonzero' ? 1 - nnz / (n * k) : 1 - liveArea / (n * k),
  };
  return { raster: { width, height, coverage, tileClass, tileColumns: edges(tk, tileK, k, width), tileRows: edges(tn, tileN, n, height) }, figures, inputZeros };
}

/** The text lines under a weight picture. */
export function gemmFigureLines(kernel: GemmKernel, sizes: GemmSizes, f: TileFigures, tileN: number, tileK: number, inputZeros: number): string[] {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  return [
    `${kernel.name}  weight ${formatText(kernel.weight)} n=${sizes.n} k=${sizes.k}  tiles ${tileN}x${tileK}`,
    `nonzeros ${pct(f.density)}  live ${f.liveTiles}  full ${f.fullTiles}  partial ${f.partialTiles}  empty ${f.emptyTiles}`,
    `work saved ${pct(f.workSaved)}${kernel.threshold !== null ? `  input zeros ${pct(inputZeros)} (threshold ${kernel.threshold})` : ''}`,
  ];
}
