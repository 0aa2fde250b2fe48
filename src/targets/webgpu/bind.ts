/**
 * @file Values a webgpu kernel runs with, by parameter name, for the verify target and the benchmarks: the
 * runtime's target-neutral bindings (`src/runtime/wasm/bind.ts`, as the generated library binds them) as a Map.
 */
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes } from '../../model/kernel.js';
import type { AttentionInputs, GemmInputs } from '../../model/values.js';
import { packWeight } from '../../runtime/packing.js';
import { attentionSizeBindings, gemmBindings, planBindings, runtimeBindings, type Bindings } from '../../runtime/library/bind.js';
import { planFor, type KeyWalk } from '../../passes/attention-space.js';
import type { Schedule } from '../../passes/schedule.js';

/** A bound value: an i32 scalar or a buffer's elements. */
export type Bound = number | ArrayLike<number>;

const asMap = (b: Bindings): Map<string, Bound> => new Map(Object.entries(b));

/** Binds an attention run (the block plan is built with the schedule's tiles when the kernel walks one). */
export function bindAttention(kernel: AttentionKernel, walk: KeyWalk | undefined, schedule: Schedule, sizes: AttentionSizes, inputs: AttentionInputs): Map<string, Bound> {
  const plan = walk?.kind === 'plan' ? planFor(kernel, walk, sizes, inputs.runtime, schedule.tile_q, schedule.tile_k) : null;
  return asMap({
    ...attentionSizeBindings(sizes), q: inputs.q, k: inputs.k, v: inputs.v,
    ...runtimeBindings(kernel.inputs.map((i) => i.name), inputs.runtime),
    ...(plan ? planBindings(plan) : {}),
  });
}

/** Binds a gemm run (the dense weight is packed into the kernel's format first). */
export function bindGemm(kernel: GemmKernel, sizes: GemmSizes, inputs: GemmInputs): Map<string, Bound> {
  return asMap(gemmBindings(sizes, inputs.x, packWeight(kernel.weight, inputs.w, sizes.n, sizes.k), inputs.bias));
}
