/**
 * @file Run-time values that flow between the harness, the reference and the targets.
 * Floating tensors are Float32Array holding values already rounded to the kernel's dtype.
 */

/** A ragged list input: list `i` is `values[offsets[i] .. offsets[i + 1])`, sorted and unique. */
export interface RaggedList {
  readonly offsets: Int32Array;
  readonly values: Int32Array;
}

/** The value of one runtime input: i32 tensor, f32 tensor, bool tensor / block layout (0 or 1), or list. */
export type RuntimeValue = Int32Array | Float32Array | Uint8Array | RaggedList;

/** True when a runtime value is a ragged list (offsets + values) rather than a tensor. */
export function isRaggedList(v: RuntimeValue): v is RaggedList {
  return (v as RaggedList).offsets !== undefined;
}

export type RuntimeValues = Readonly<Record<string, RuntimeValue>>;

/** Inputs of one attention run, row-major as in the contract (Q [b,h,q_len,d], K/V [b,kvh,kv_len,d]). */
export interface AttentionInputs {
  readonly q: Float32Array;
  readonly k: Float32Array;
  readonly v: Float32Array;
  readonly runtime: RuntimeValues;
}

/** Outputs of an attention run: O [b,h,q_len,value_dim] and, when declared, lse [b,h,q_len]. */
export interface AttentionOutputs {
  out: Float32Array;
  lse?: Float32Array;
  /** The kernel's side outputs, in `sideOutputs` order (model/kernel.ts). */
  side?: Float32Array[];
}

/** Inputs of one gemm run. `w` is the logical dense weight [n, k]; targets pack it themselves. */
export interface GemmInputs {
  readonly x: Float32Array;
  readonly w: Float32Array;
  readonly bias?: Float32Array;
}

export interface GemmOutputs {
  y: Float32Array;
}
