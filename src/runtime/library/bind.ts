/**
 * @file Binds a run's inputs to kernel parameters by name, the same way for the verify target and
 * the generated library: sizes, Q/K/V and outputs, runtime inputs (`name`, `name.len`, lists as
 * `name.offsets` / `name.values`), block plans (`plan.*`) and packed gemm weights (`w.*`).
 */
import type { AttentionSizes, GemmSizes } from '../../model/kernel.js';
import type { RaggedList, RuntimeValue, RuntimeValues } from '../../model/values.js';
import { weightBindings, type PackedWeight } from '../formats/index.js';
import type { BlockPlan } from '../plan/types.js';

/** A bound parameter value: an i32 scalar or a buffer's elements. */
export type BoundValue = number | Float32Array | Int32Array | Uint8Array;

/** Parameter values by name. */
export type Bindings = Record<string, BoundValue>;

function isList(v: RuntimeValue): v is RaggedList {
  return (v as RaggedList).offsets !== undefined;
}

/** Attention sizes under their parameter names. */
export function attentionSizeBindings(s: AttentionSizes): Bindings {
  return { batch: s.batch, heads: s.heads, kv_heads: s.kvHeads, q_len: s.qLen, kv_len: s.kvLen, head_dim: s.headDim, value_dim: s.valueDim };
}

/** Runtime inputs under their parameter names. */
export function runtimeBindings(names: readonly string[], runtime: RuntimeValues): Bindings {
  const out: Bindings = {};
  for (const name of names) {
    const v = runtime[name];
    if (v === undefined) throw new Error(`runtime input '${name}' is missing`);
    if (isList(v)) {
      out[`${name}.offsets`] = v.offsets;
      out[`${name}.values`] = v.values;
      out[`${name}.len`] = v.offsets.length - 1;
    } else {
      out[name] = v;
      out[`${name}.len`] = v.length;
    }
  }
  return out;
}

/** A block plan under the `plan.*` parameter names. */
export function planBindings(plan: BlockPlan): Bindings {
  return {
    'plan.rowptr': plan.rowPtr, 'plan.ktiles': plan.kTiles, 'plan.full': plan.full,
    'plan.hcount': plan.hCount, 'plan.bmul': plan.bShared ? 0 : 1, 'plan.hmul': plan.hShared ? 0 : 1,
    'plan.len': plan.kTiles.length, 'plan.rows': plan.rowPtr.length,
  };
}

/** Gemm sizes, X, bias and a packed weight under their parameter names. */
export function gemmBindings(s: GemmSizes, x: Float32Array, w: PackedWeight, bias: Float32Array | undefined): Bindings {
  return { m: s.m, n: s.n, k: s.k, x, bias: bias ?? new Float32Array(0), ...weightBindings(w) };
}
