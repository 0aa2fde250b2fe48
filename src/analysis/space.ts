/**
 * @file The iteration space of an attention kernel: which (query tile, key tile) pairs are live
 * and which of them need the mask. The analysis produces it; the lowering consumes it. One plan
 * structure serves compile-time and run-time planning alike.
 */
import type { AttentionSizes } from '../model/kernel.js';
import type { RuntimeValues } from '../model/values.js';

/** Tile classes: empty tiles are skipped, full tiles run without mask arithmetic. */
export type TileClass = 'empty' | 'full' | 'partial';

/** The block-sparse plan (CSR over tiles); defined with the run-time planner, which ships with kernels. */
export type { BlockPlan } from '../runtime/plan/types.js';
import type { BlockPlan } from '../runtime/plan/types.js';

/** Linear form `c + cq0*q0 + cq1*q1 + sum(coef * size)` used by closed-form key bounds. */
export interface LinearBound {
  readonly c: number;
  /** Coefficient of the query tile's first absolute position. */
  readonly cq0: number;
  /** Coefficient of the query tile's last absolute position. */
  readonly cq1: number;
  /** Coefficients of kernel sizes (e.g. kv_len), by size name. */
  readonly sizes: Readonly<Record<string, number>>;
}

/**
 * One closed-form key interval [lo, hi] (inclusive, absolute key positions, clamped to [0, kv_len) by users).
 * When several bounds limit one side (sinks `k < 4` and causal `k <= q`), the extra ones are in `moreLo`
 * (the interval starts at the largest lower bound) and `moreHi` (it ends at the smallest upper bound).
 */
export interface KeyInterval {
  readonly lo: LinearBound;
  readonly hi: LinearBound;
  /** Additional lower bounds (additive field): lo is max(lo, ...moreLo). Absent when none. */
  readonly moreLo?: readonly LinearBound[];
  /** Additional upper bounds (additive field): hi is min(hi, ...moreHi). Absent when none. */
  readonly moreHi?: readonly LinearBound[];
}

/**
 * How the kernel visits key tiles:
 * - `dense`: every key tile (the pattern is always true, or nothing better is known);
 * - `closed-form`: per head (or for all heads), a union of key intervals per query tile; no index list;
 * - `static-plan`: a plan computed at compile time (pattern uses compile-time values only, sizes static);
 * - `runtime-plan`: a plan computed by the planner from runtime inputs before the kernel runs.
 */
export type IterationSpace =
  | { readonly kind: 'dense' }
  | {
      readonly kind: 'closed-form';
      readonly perHead: boolean;
      /** Union of key intervals that may hold allowed keys for the query tile (a superset of the live keys). */
      readonly intervals: (h: number) => readonly KeyInterval[];
      /** Key intervals allowed for every query of the tile: key tiles inside one need no mask (additive field). */
      readonly full?: (h: number) => readonly KeyInterval[];
    }
  | { readonly kind: 'static-plan'; readonly plan: BlockPlan }
  | { readonly kind: 'runtime-plan'; readonly plan: (sizes: AttentionSizes, runtime: RuntimeValues) => BlockPlan };
