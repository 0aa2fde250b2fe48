/**
 * @file The picture model shared by the PNG and SVG writers: the element mask of one (b, h) slice
 * sampled onto at most ~1024 pixels per side, and the tile class of every pixel.
 */
import type { AttentionKernel, AttentionSizes } from '../model/kernel.js';
import type { RuntimeValues } from '../model/values.js';
import type { BlockPlan } from '../runtime/plan/types.js';
import { planSlice } from '../runtime/plan/planner.js';
import { sizeRecord } from '../runtime/plan/types.js';
import { compileMaskJs } from '../analysis/mask-js.js';

/** Largest picture side in pixels. */
export const MAX_SIDE = 1024;

/** The sampled mask and tile classes of one slice. */
export interface MaskRaster {
  readonly width: number;
  readonly height: number;
  /** Fraction of sampled elements allowed under each pixel (row-major, height x width). */
  readonly coverage: Float32Array;
  /** Tile class under each pixel: 0 empty, 1 full, 2 partial. */
  readonly tileClass: Uint8Array;
  /** Pixel columns / rows where a key / query tile starts (for grid lines). */
  readonly tileColumns: readonly number[];
  readonly tileRows: readonly number[];
}

/** Pixels for an axis of `n` elements: small axes are magnified, large ones sampled down to MAX_SIDE. */
export function axisPixels(n: number): number {
  if (n <= 0) return 1;
  return n > MAX_SIDE ? MAX_SIDE : n * Math.max(1, Math.floor(256 / n));
}

/** Samples the mask of slice (b, h) and the plan's tile classes onto a pixel grid. */
export function rasterizeMask(kernel: AttentionKernel, sizes: AttentionSizes, runtime: RuntimeValues, plan: BlockPlan, b: number, h: number): MaskRaster {
  const width = axisPixels(sizes.kvLen);
  const height = axisPixels(sizes.qLen);
  const mask = compileMaskJs(kernel.mask, kernel.inputs, sizeRecord(sizes), runtime);
  const classes = new Uint8Array(plan.numQTiles * plan.numKTiles);
  const slice = planSlice(plan, b, h);
  for (let qt = 0; qt < plan.numQTiles; qt++) {
    for (let i = plan.rowPtr[slice * plan.numQTiles + qt]!; i < plan.rowPtr[slice * plan.numQTiles + qt + 1]!; i++) {
      classes[qt * plan.numKTiles + plan.kTiles[i]!] = plan.full[i] ? 1 : 2;
    }
  }
  const samplesX = Math.min(4, Math.ceil(sizes.kvLen / width));
  const samplesY = Math.min(4, Math.ceil(sizes.qLen / height));
  const coverage = new Float32Array(width * height);
  const tileClass = new Uint8Array(width * height);
  const qOffset = sizes.kvLen - sizes.qLen;
  for (let y = 0; y < height; y++) {
    const row = Math.floor(((y + 0.5) * sizes.qLen) / height);
    for (let x = 0; x < width; x++) {
      const key = Math.floor(((x + 0.5) * sizes.kvLen) / width);
      tileClass[y * width + x] = classes[Math.floor(row / plan.tileQ) * plan.numKTiles + Math.floor(key / plan.tileK)]!;
      let allowed = 0;
      for (let sy = 0; sy < samplesY; sy++) {
        const r = Math.min(sizes.qLen - 1, Math.floor(((y + (sy + 0.5) / samplesY) * sizes.qLen) / height));
        for (let sx = 0; sx < samplesX; sx++) {
          const kk = Math.min(sizes.kvLen - 1, Math.floor(((x + (sx + 0.5) / samplesX) * sizes.kvLen) / width));
          allowed += mask(b, h, r + qOffset, kk);
        }
      }
      coverage[y * width + x] = allowed / (samplesX * samplesY);
    }
  }
  const edges = (tiles: number, tile: number, n: number, px: number): number[] =>
    Array.from({ length: tiles + 1 }, (_, t) => Math.round((Math.min(n, t * tile) * px) / n));
  return {
    width, height, coverage, tileClass,
    tileColumns: edges(plan.numKTiles, plan.tileK, sizes.kvLen, width),
    tileRows: edges(plan.numQTiles, plan.tileQ, sizes.qLen, height),
  };
}
