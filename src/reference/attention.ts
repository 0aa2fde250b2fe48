/**
 * @file The dense float64 attention reference: exactly the meaning in the contract (§3), one
 * query row at a time (O(kv_len) memory per row), with a max-subtracted softmax.
 */
import type { AttentionKernel, AttentionSizes } from '../model/kernel.js';
import type { AttentionInputs } from '../model/values.js';
import { maskRow, pointEnv, type PointEnv } from './mask.js';
import { BLOCK_TABLE, kvRowOffset, sequenceSizes } from '../model/paged.js';
import { sideOutputsReference, type RowHook } from './side-outputs.js';

/** Which query rows i to compute: the same rows for every (b, h), or a choice per (b, h). */
export type RowSelection = readonly number[] | ((b: number, h: number) => readonly number[]);

/** Options of `referenceAttention`. */
export interface ReferenceAttentionOptions {
  /** Compute only these query rows (indices into Q); the other rows of `out`/`lse` are NaN. */
  readonly rows?: RowSelection;
}

/** The float64 reference outputs. */
export interface ReferenceAttentionResult {
  /** O [batch, heads, q_len, value_dim]. */
  readonly out: Float64Array;
  /** lse [batch, heads, q_len]; -Infinity for a row with no allowed key. */
  readonly lse: Float64Array;
  /**
   * Per row, the largest |score| among keys whose softmax weight is not negligible (0 for an
   * empty row, NaN for rows not computed). The comparison scales its error bound with it.
   */
  readonly scoreMagnitude: Float64Array;
  /** The kernel's side outputs (`block_max`, `segment_mass`), in `sideOutputs` order; empty when it has none. */
  readonly side: readonly Float64Array[];
}

/** Keys whose score is this far below the row maximum have weight < e^-40 and do not count. */
const NEGLIGIBLE_SCORE_GAP = 40;

/** Resolved per-run constants shared by every row. */
interface RowContext {
  readonly kernel: AttentionKernel;
  /** The sizes of this sequence (kv_len = kv_lens[b] when ragged). */
  readonly sizes: AttentionSizes;
  /** The run's sizes: the K / V layout (kv_len the row stride). */
  readonly layout: AttentionSizes;
  readonly inputs: AttentionInputs;
  readonly scale: number;
  readonly point: PointEnv;
  readonly allowed: Uint8Array;
  readonly scores: Float64Array;
  readonly result: ReferenceAttentionResult;
  readonly sideHook: RowHook | null;
}

/** The softmax scale: the declared one or 1/sqrt(head_dim). */
export function softmaxScale(kernel: AttentionKernel, sizes: AttentionSizes): number {
  return kernel.scale ?? 1 / Math.sqrt(sizes.headDim);
}

/** The KV head serving query head `h`: h / (heads / kv_heads). */
export function kvHeadOf(h: number, sizes: AttentionSizes): number {
  return Math.floor(h / (sizes.heads / sizes.kvHeads));
}

/** Computes the scaled, modified scores of allowed keys into ctx.scores (-Infinity elsewhere). */
function rowScores(ctx: RowContext, b: number, h: number, i: number): void {
  const { kernel, sizes, inputs, scale, point, allowed, scores } = ctx;
  const { headDim, kvLen } = sizes;
  maskRow(kernel, sizes, inputs.runtime, b, h, i, allowed, point);
  const kvh = kvHeadOf(h, sizes);
  const qBase = ((b * sizes.heads + h) * sizes.qLen + i) * headDim;
  const table = ctx.inputs.runtime[BLOCK_TABLE] as Int32Array | undefined;
  for (let j = 0; j < kvLen; j++) {
    if (!allowed[j]) {
      scores[j] = -Infinity;
      continue;
    }
    let dot = 0;
    // NOTE: a paged kernel reads logical key j through the block table (model/paged.ts); contiguous otherwise.
    const kRow = kvRowOffset(kernel, ctx.layout, table, b, kvh, j, headDim);
    for (let d = 0; d < headDim; d++) dot += inputs.q[qBase + d]! * inputs.k[kRow + d]!;
    let s = scale * dot;
    if (kernel.score) {
      point.vars.k = j;
      point.vars.score = s;
      s = point.score!(point.vars);
    }
    scores[j] = s;
  }
}

/** Computes O, lse and the score magnitude of row i of slice (b, h). */
function computeRow(ctx: RowContext, b: number, h: number, i: number): void {
  const { sizes, inputs, scores, result } = ctx;
  const { kvLen, valueDim } = sizes;
  rowScores(ctx, b, h, i);
  const row = (b * sizes.heads + h) * sizes.qLen + i;
  const out = result.out.subarray(row * valueDim, (row + 1) * valueDim);
  out.fill(0);
  let max = -Infinity;
  for (let j = 0; j < kvLen; j++) if (scores[j]! > max || Number.isNaN(scores[j]!)) max = scores[j]!;
  if (max === -Infinity) {
    result.lse[row] = -Infinity;
    result.scoreMagnitude[row] = 0;
    return;
  }
  const kvh = kvHeadOf(h, sizes);
  const table = inputs.runtime[BLOCK_TABLE] as Int32Array | undefined;
  let sum = 0;
  let magnitude = 0;
  for (let j = 0; j < kvLen; j++) {
    const s = scores[j]!;
    if (s === -Infinity) continue;
    const p = Math.exp(s - max);
    sum += p;
    if (s >= max - NEGLIGIBLE_SCORE_GAP) magnitude = Math.max(magnitude, Math.abs(s));
    const vRow = kvRowOffset(ctx.kernel, ctx.layout, table, b, kvh, j, valueDim);
    for (let d = 0; d < valueDim; d++) out[d]! += p * inputs.v[vRow + d]!;
  }
  for (let d = 0; d < valueDim; d++) out[d] = out[d]! / sum;
  ctx.sideHook?.(b, h, i, scores, max, sum);
  result.lse[row] = max + Math.log(sum);
  result.scoreMagnitude[row] = Number.isNaN(max) ? NaN : magnitude;
}

/**
 * The dense float64 reference of an attention kernel (contract §3): q = i + (kv_len - q_len),
 * s = score_mod(scale * Q·K) on allowed keys, O = softmax(s) V, lse = log sum exp s, with GQA/MQA
 * through kvh = h / (heads / kv_heads). A row with no allowed key (or only -inf scores) gets
 * O = 0 and lse = -Infinity. Inputs are used as given (already rounded); outputs are not rounded.
 */
export function referenceAttention(
  kernel: AttentionKernel,
  sizes: AttentionSizes,
  inputs: AttentionInputs,
  opts: ReferenceAttentionOptions = {},
): ReferenceAttentionResult {
  const { batch, heads, qLen, kvLen, valueDim } = sizes;
  const rowCount = batch * heads * qLen;
  const side = sideOutputsReference(kernel, sizes, inputs.runtime);
  const result: ReferenceAttentionResult = {
    side: side.arrays,
    out: new Float64Array(rowCount * valueDim),
    lse: new Float64Array(rowCount),
    scoreMagnitude: new Float64Array(rowCount),
  };
  if (opts.rows !== undefined) {
    result.out.fill(NaN);
    result.lse.fill(NaN);
    result.scoreMagnitude.fill(NaN);
  }
  const ctx: RowContext = {
    kernel,
    sizes,
    layout: sizes,
    inputs,
    scale: softmaxScale(kernel, sizes),
    point: pointEnv(kernel, sizes, inputs.runtime),
    allowed: new Uint8Array(kvLen),
    scores: new Float64Array(kvLen),
    result,
    sideHook: side.hook,
  };
  for (let b = 0; b < batch; b++) {
    // NOTE: a ragged sequence runs at its own kv_len (queries at i + kv_lens[b] - q_len, `kv_len` reads kv_lens[b]).
    const seq = sequenceSizes(kernel, sizes, inputs.runtime, b);
    const at = seq === sizes ? ctx : { ...ctx, sizes: seq, point: pointEnv(kernel, seq, inputs.runtime) };
    for (let h = 0; h < heads; h++) {
      for (const i of selectedRows(opts.rows, b, h, qLen)) {
        if (Number.isInteger(i) && i >= 0 && i < qLen) computeRow(at, b, h, i);
      }
    }
  }
  return result;
}

/** The rows to compute for slice (b, h). */
function selectedRows(rows: RowSelection | undefined, b: number, h: number, qLen: number): Iterable<number> {
  if (rows === undefined) return Array.from({ length: qLen }, (_, i) => i);
  return typeof rows === 'function' ? rows(b, h) : rows;
}
