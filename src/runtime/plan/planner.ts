/**
 * @file The block-sparse planner that ships with generated kernels: summarises runtime inputs per
 * tile, projects the mask's linear bounds onto key ranges, and classifies only candidate tile pairs.
 * Cost is O(tiles + input length), never O(q_len x kv_len). Imports nothing from the compiler.
 */
import type { CExpr } from '../../model/expr.js';
import type { AttentionSizes, RuntimeInput } from '../../model/kernel.js';
import type { RuntimeValues } from '../../model/values.js';
import { children, compileBoxEvaluator } from './interval.js';
import { compileKeyRanges } from './key-ranges.js';
import { summarizeRuntime } from './summaries.js';
import { sizeRecord, type BlockPlan, type PlanStats } from './types.js';

/** Options of {@link buildPlan}. */
export interface PlanOptions {
  /** Counters to fill (tile pairs evaluated, input elements read). */
  readonly stats?: PlanStats;
}

/** Whether `e` mentions the variable `name` anywhere. */
export function mentionsVar(e: CExpr, name: 'b' | 'h' | 'q' | 'k'): boolean {
  if (e.op === 'var') return e.name === name;
  return children(e).some((c) => mentionsVar(c, name));
}

/** A growable Int32Array / Uint8Array pair for the plan's column arrays. */
class TileList {
  kTiles = new Int32Array(1024);
  full = new Uint8Array(1024);
  length = 0;

  push(kTile: number, isFull: boolean): void {
    if (this.length === this.kTiles.length) {
      const kt = new Int32Array(this.length * 2);
      kt.set(this.kTiles);
      this.kTiles = kt;
      const fu = new Uint8Array(this.length * 2);
      fu.set(this.full);
      this.full = fu;
    }
    this.kTiles[this.length] = kTile;
    this.full[this.length] = isFull ? 1 : 0;
    this.length++;
  }
}

/**
 * Builds the plan of `kernelMask` for concrete sizes and runtime values: per (b, h) slice (shared when
 * the mask does not read b or h) and query tile, the live key tiles, each full or partial.
 */
export function buildPlan(
  kernelMask: CExpr,
  inputs: readonly RuntimeInput[],
  sizes: AttentionSizes,
  runtime: RuntimeValues,
  tileQ: number,
  tileK: number,
  opts: PlanOptions = {},
): BlockPlan {
  if (!(tileQ > 0 && tileK > 0)) throw new Error(`buildPlan: tile sizes must be positive (got ${tileQ} x ${tileK})`);
  const stats = opts.stats ?? { pairEvaluations: 0, elementReads: 0 };
  const names = sizeRecord(sizes);
  const numQTiles = Math.ceil(sizes.qLen / tileQ);
  const numKTiles = Math.ceil(sizes.kvLen / tileK);
  const bShared = !mentionsVar(kernelMask, 'b');
  const hShared = !mentionsVar(kernelMask, 'h');
  const bCount = bShared ? 1 : sizes.batch;
  const hCount = hShared ? 1 : sizes.heads;
  const summary = summarizeRuntime(inputs, runtime, names, stats);
  const evaluator = compileBoxEvaluator(kernelMask, names, summary, { numKTiles });
  const keyRanges = compileKeyRanges(kernelMask, names);
  const qOffset = sizes.kvLen - sizes.qLen;
  const rowPtr = new Int32Array(bCount * hCount * numQTiles + 1);
  const tiles = new TileList();
  let row = 0;
  for (let b = 0; b < bCount; b++) {
    for (let h = 0; h < hCount; h++) {
      // NOTE: a shared axis is evaluated over its whole range, so the answer holds for every b (h).
      evaluator.setSlice(bShared ? 0 : b, bShared ? Math.max(0, sizes.batch - 1) : b, hShared ? 0 : h, hShared ? Math.max(0, sizes.heads - 1) : h);
      for (let qt = 0; qt < numQTiles; qt++) {
        const q0 = qOffset + qt * tileQ;
        const q1 = qOffset + Math.min(sizes.qLen, (qt + 1) * tileQ) - 1;
        evaluator.setQ(q0, q1);
        const ranges = keyRanges(b, h, q0, q1);
        let lastTile = -1;
        for (let r = 0; r < ranges.length; r += 2) {
          const firstTile = Math.max(lastTile + 1, Math.floor(ranges[r]! / tileK));
          const endTile = Math.floor(ranges[r + 1]! / tileK);
          for (let kt = firstTile; kt <= endTile; kt++) {
            stats.pairEvaluations++;
            const cls = evaluator.evalK(kt, kt * tileK, Math.min(sizes.kvLen, (kt + 1) * tileK) - 1);
            if (cls !== 0) tiles.push(kt, cls === 1);
          }
          lastTile = Math.max(lastTile, endTile);
        }
        rowPtr[++row] = tiles.length;
      }
    }
  }
  return {
    tileQ, tileK, numQTiles, numKTiles, bShared, hShared, hCount,
    rowPtr, kTiles: tiles.kTiles.slice(0, tiles.length), full: tiles.full.slice(0, tiles.length),
  };
}

/** The slice index of (b, h) in `plan` (see BlockPlan). */
export function planSlice(plan: BlockPlan, b: number, h: number): number {
  return (plan.bShared ? 0 : b) * plan.hCount + (plan.hShared ? 0 : h);
}
