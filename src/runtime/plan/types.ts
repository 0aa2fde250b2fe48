/**
 * @file Data types shared by the run-time planner and the compiler: the block-sparse plan, intervals,
 * three-valued booleans and the per-tile summary interface through which runtime inputs are read.
 */
import type { SizeName } from '../../model/expr.js';
import type { AttentionSizes } from '../../model/kernel.js';

/**
 * A block-sparse plan in CSR form. Query tiles are numbered over the `q_len` rows of Q
 * (tile t covers rows [t*tileQ, min((t+1)*tileQ, q_len))), key tiles over [0, kv_len).
 * Plans are stored per (b, h) slice; a pattern that does not depend on b (or h) stores one
 * slice for all batches (heads): `slice(b, h) = (bShared ? 0 : b) * hCount + (hShared ? 0 : h)`.
 */
export interface BlockPlan {
  readonly tileQ: number;
  readonly tileK: number;
  readonly numQTiles: number;
  readonly numKTiles: number;
  readonly bShared: boolean;
  readonly hShared: boolean;
  /** Number of head slices stored (1 when hShared). */
  readonly hCount: number;
  /** Length slices * numQTiles + 1; live key tiles of (slice, qt) are rowPtr[s*numQTiles+qt] .. next. */
  readonly rowPtr: Int32Array;
  /** Key tile index of each live tile, ascending within a row. */
  readonly kTiles: Int32Array;
  /** 1 when that tile is full (no mask needed), 0 when partial. */
  readonly full: Uint8Array;
}

/** A closed integer (or real) interval; mutable so evaluators can reuse result records. */
export interface Interval {
  lo: number;
  hi: number;
}

/** Three-valued boolean (Kleene): 0 false, 1 true, 2 unknown. */
export type Tri = 0 | 1 | 2;
/** Tri constants. */
export const FALSE: Tri = 0;
export const TRUE: Tri = 1;
export const UNKNOWN: Tri = 2;

/** Concrete values of all kernel sizes, by the names core expressions use. */
export type SizeRecord = Readonly<Record<SizeName, number>>;

/**
 * How the box evaluator reads runtime inputs: summaries over index boxes, never single elements
 * of a whole tile. Every answer must be sound (a hull that contains every value actually read).
 */
export interface TileSummary {
  /**
   * Hull of the values of tensor or block-layout `input` over the index box `[lo[i], hi[i]]` per axis
   * (reads outside the shape count as 0, as in evalExpr). Writes into `out`; false when unknown.
   */
  tensorRange(input: string, lo: readonly number[], hi: readonly number[], out: Interval): boolean;
  /** Whether every / no / some value in `[value.lo, value.hi]` is a member of list `input` at the index box. */
  listMembership(input: string, lo: readonly number[], hi: readonly number[], value: Interval): Tri;
}

/** Counters that make the planner's cost observable in tests (work, not time). */
export interface PlanStats {
  /** Tile pairs handed to the three-valued evaluator. */
  pairEvaluations: number;
  /** Runtime-input elements read while summarising or answering range queries. */
  elementReads: number;
}

/** A fresh zeroed stats record. */
export function newPlanStats(): PlanStats {
  return { pairEvaluations: 0, elementReads: 0 };
}

/** Converts attention sizes to the size names of core expressions. */
export function sizeRecord(s: AttentionSizes): SizeRecord {
  return {
    batch: s.batch, heads: s.heads, kv_heads: s.kvHeads, q_len: s.qLen, kv_len: s.kvLen,
    head_dim: s.headDim, value_dim: s.valueDim,
  };
}
