/**
 * @file Tile classification figures for `show` and statistics: live / full / partial / empty tiles
 * over every (b, h) slice, the exact mask density, and the fraction of dense work the plan skips.
 */
import type { AttentionKernel, AttentionSizes } from '../model/kernel.js';
import type { RuntimeValues } from '../model/values.js';
import { buildPlan, planSlice } from '../runtime/plan/planner.js';
import { sizeRecord, type BlockPlan } from '../runtime/plan/types.js';
import { compileMaskJs } from './mask-js.js';

/** Figures shown under a mask picture. */
export interface TileFigures {
  /** Fraction of (b, h, q, k) elements the mask allows. */
  readonly density: number;
  readonly liveTiles: number;
  readonly fullTiles: number;
  readonly partialTiles: number;
  readonly emptyTiles: number;
  /** Fraction of the dense tile work skipped (empty tile area over total area). */
  readonly workSaved: number;
}

/** A classification: the plan (one per stored slice) and its figures over all slices. */
export interface TileClassification {
  readonly plan: BlockPlan;
  readonly figures: TileFigures;
}

/** Exact density by evaluating every element of the partial tiles (full tiles count whole, empty ones not at all). */
export function elementwiseDensity(kernel: AttentionKernel, sizes: AttentionSizes, runtime: RuntimeValues, plan: BlockPlan): number {
  const mask = compileMaskJs(kernel.mask, kernel.inputs, sizeRecord(sizes), runtime);
  const qOffset = sizes.kvLen - sizes.qLen;
  let allowed = 0;
  for (let b = 0; b < sizes.batch; b++) {
    for (let h = 0; h < sizes.heads; h++) {
      const s = planSlice(plan, b, h);
      for (let qt = 0; qt < plan.numQTiles; qt++) {
        const r0 = qt * plan.tileQ;
        const r1 = Math.min(sizes.qLen, r0 + plan.tileQ);
        for (let i = plan.rowPtr[s * plan.numQTiles + qt]!; i < plan.rowPtr[s * plan.numQTiles + qt + 1]!; i++) {
          const k0 = plan.kTiles[i]! * plan.tileK;
          const k1 = Math.min(sizes.kvLen, k0 + plan.tileK);
          if (plan.full[i]) {
            allowed += (r1 - r0) * (k1 - k0);
            continue;
          }
          for (let r = r0; r < r1; r++) for (let k = k0; k < k1; k++) allowed += mask(b, h, r + qOffset, k);
        }
      }
    }
  }
  const total = sizes.batch * sizes.heads * sizes.qLen * sizes.kvLen;
  return total > 0 ? allowed / total : 0;
}

/** Classifies every tile of every (b, h) slice with the planner and computes the figures. */
export function classifyTiles(kernel: AttentionKernel, sizes: AttentionSizes, runtime: RuntimeValues, tileQ: number, tileK: number): TileClassification {
  const plan = buildPlan(kernel.mask, kernel.inputs, sizes, runtime, tileQ, tileK);
  let live = 0;
  let full = 0;
  let liveArea = 0;
  for (let b = 0; b < sizes.batch; b++) {
    for (let h = 0; h < sizes.heads; h++) {
      const s = planSlice(plan, b, h);
      for (let qt = 0; qt < plan.numQTiles; qt++) {
        const rows = Math.min(sizes.qLen, (qt + 1) * tileQ) - qt * tileQ;
        for (let i = plan.rowPtr[s * plan.numQTiles + qt]!; i < plan.rowPtr[s * plan.numQTiles + qt + 1]!; i++) {
          live++;
          if (plan.full[i]) full++;
          const k0 = plan.kTiles[i]! * tileK;
          liveArea += rows * (Math.min(sizes.kvLen, k0 + tileK) - k0);
        }
      }
    }
  }
  const totalTiles = sizes.batch * sizes.heads * plan.numQTiles * plan.numKTiles;
  const totalArea = sizes.batch * sizes.heads * sizes.qLen * sizes.kvLen;
  return {
    plan,
    figures: {
      density: elementwiseDensity(kernel, sizes, runtime, plan),
      liveTiles: live,
      fullTiles: full,
      partialTiles: live - full,
      emptyTiles: totalTiles - live,
      workSaved: totalArea > 0 ? 1 - liveArea / totalArea : 0,
    },
  };
}
