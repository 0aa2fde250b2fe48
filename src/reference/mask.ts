/**
 * @file The mask evaluator: runs any pattern (a bool CExpr) over (b, h, q, k), one query row at a
 * time or as a whole [batch, heads, q_len, kv_len] tensor, with the shared scalar semantics.
 */
import type { CExpr, SizeName } from '../model/expr.js';
import type { AttentionKernel, AttentionSizes, RuntimeInput } from '../model/kernel.js';
import type { RuntimeValues } from '../model/values.js';
import type { EvalEnv } from '../model/eval.js';
import { compileExpr, type PointFn, type PointVars } from './compile-expr.js';

/** The concrete sizes of an attention run, keyed by the size names that expressions use. */
export function sizeRecord(sizes: AttentionSizes): Record<SizeName, number> {
  return {
    batch: sizes.batch,
    heads: sizes.heads,
    kv_heads: sizes.kvHeads,
    q_len: sizes.qLen,
    kv_len: sizes.kvLen,
    head_dim: sizes.headDim,
    value_dim: sizes.valueDim,
  };
}

/** The runtime input declarations of a kernel, by name. */
export function inputDecls(kernel: AttentionKernel): ReadonlyMap<string, RuntimeInput> {
  return new Map(kernel.inputs.map((input) => [input.name, input]));
}

/**
 * Mutable point variables, the environment that reads them (for `evalExpr`), and the kernel's mask
 * and score modifier compiled against that run's sizes and runtime values; reused across points.
 */
export interface PointEnv {
  readonly vars: PointVars;
  readonly env: EvalEnv;
  readonly mask: PointFn;
  readonly score: PointFn | null;
}

/** Builds a reusable evaluation environment for one kernel run. */
export function pointEnv(kernel: AttentionKernel, sizes: AttentionSizes, runtime: RuntimeValues): PointEnv {
  const vars: PointVars = { b: 0, h: 0, q: 0, k: 0, score: 0 };
  const env: EvalEnv = { vars, sizes: sizeRecord(sizes), runtime, inputs: inputDecls(kernel) };
  return { vars, env, mask: compileExpr(kernel.mask, env), score: kernel.score ? compileExpr(kernel.score, env) : null };
}

/** Evaluates the mask for keys 0..kv_len-1 of the query at absolute position `q`, into `out` (0/1). */
function fillRow(mask: CExpr, point: PointEnv, kvLen: number, out: Uint8Array): void {
  // NOTE: a constant mask (e.g. a dense kernel) needs no per-key evaluation.
  if (mask.op === 'const') {
    out.fill(mask.value ? 1 : 0, 0, kvLen);
    return;
  }
  for (let k = 0; k < kvLen; k++) {
    point.vars.k = k;
    out[k] = point.mask(point.vars) ? 1 : 0;
  }
}

/**
 * The mask of query row `i` (absolute position `q = i + kv_len - q_len`) of slice (b, h):
 * a Uint8Array of kv_len entries, 1 where the key may be attended to. Writes into `out` if given.
 */
export function maskRow(
  kernel: AttentionKernel,
  sizes: AttentionSizes,
  runtime: RuntimeValues,
  b: number,
  h: number,
  i: number,
  out: Uint8Array = new Uint8Array(sizes.kvLen),
  point: PointEnv = pointEnv(kernel, sizes, runtime),
): Uint8Array {
  point.vars.b = b;
  point.vars.h = h;
  point.vars.q = i + sizes.kvLen - sizes.qLen;
  fillRow(kernel.mask, point, sizes.kvLen, out);
  return out;
}

/** The whole mask as a Uint8Array of shape [batch, heads, q_len, kv_len] (row-major). */
export function maskTensor(kernel: AttentionKernel, sizes: AttentionSizes, runtime: RuntimeValues): Uint8Array {
  const { batch, heads, qLen, kvLen } = sizes;
  const out = new Uint8Array(batch * heads * qLen * kvLen);
  const point = pointEnv(kernel, sizes, runtime);
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < heads; h++) {
      for (let i = 0; i < qLen; i++) {
        const start = ((b * heads + h) * qLen + i) * kvLen;
        maskRow(kernel, sizes, runtime, b, h, i, out.subarray(start, start + kvLen), point);
      }
    }
  }
  return out;
}
