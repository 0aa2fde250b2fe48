/**
 * @file Values a webgpu kernel runs with, by parameter name: sizes, inputs, packed weights and the
 * block plan, exactly as the interp target binds them (the IR's parameter names are the contract).
 */
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes } from '../../model/kernel.js';
import type { AttentionInputs, GemmInputs, RaggedList, RuntimeValue } from '../../model/values.js';
import { sizeRecord } from '../../reference/mask.js';
import { packWeight } from '../../runtime/packing.js';
import { planFor, type KeyWalk } from '../../passes/attention-space.js';
import type { Schedule } from '../../passes/schedule.js';

/** A bound value: an i32 scalar or a buffer's elements. */
export type Bound = number | ArrayLike<number>;

const isList = (v: RuntimeValue): v is RaggedList => (v as RaggedList).offsets !== undefined;

/** Binds an attention run. */
export function bindAttention(kernel: AttentionKernel, walk: KeyWalk | undefined, schedule: Schedule, sizes: AttentionSizes, inputs: AttentionInputs): Map<string, Bound> {
  const values = new Map<string, Bound>(Object.entries(sizeRecord(sizes)));
  values.set('q', inputs.q);
  values.set('k', inputs.k);
  values.set('v', inputs.v);
  for (const decl of kernel.inputs) {
    const v = inputs.runtime[decl.name];
    if (v === undefined) throw new Error(`webgpu: runtime input '${decl.name}' is missing`);
    if (isList(v)) {
      values.set(`${decl.name}.offsets`, v.offsets);
      values.set(`${decl.name}.values`, v.values);
      values.set(`${decl.name}.len`, v.offsets.length - 1);
    } else {
      values.set(decl.name, v);
      values.set(`${decl.name}.len`, v.length);
    }
  }
  if (walk?.kind === 'plan') {
    const plan = planFor(kernel, walk, sizes, inputs.runtime, schedule.tile_q, schedule.tile_k);
    values.set('plan.rowptr', plan.rowPtr);
    values.set('plan.ktiles', plan.kTiles);
    values.set('plan.full', plan.full);
    values.set('plan.hcount', plan.hCount);
    values.set('plan.bmul', plan.bShared ? 0 : 1);
    values.set('plan.hmul', plan.hShared ? 0 : 1);
    values.set('plan.len', plan.kTiles.length);
    values.set('plan.rows', plan.rowPtr.length);
  }
  return values;
}

/** Binds a gemm run (the dense weight is packed into the kernel's format first). */
export function bindGemm(kernel: GemmKernel, sizes: GemmSizes, inputs: GemmInputs): Map<string, Bound> {
  const values = new Map<string, Bound>([['m', sizes.m], ['n', sizes.n], ['k', sizes.k]]);
  values.set('x', inputs.x);
  values.set('bias', inputs.bias ?? new Float32Array(0));
  const packed = packWeight(kernel.weight, inputs.w, sizes.n, sizes.k);
  switch (packed.format) {
    case 'dense': values.set('w', packed.values); break;
    case 'nm': values.set('w.values', packed.values); values.set('w.indices', packed.indices); break;
    case 'bsr':
      values.set('w.rowptr', packed.rowPtr); values.set('w.cols', packed.colIdx);
      values.set('w.values', packed.values); values.set('w.nnz', packed.colIdx.length); break;
    case 'csr':
      values.set('w.indptr', packed.indptr); values.set('w.indices', packed.indices);
      values.set('w.values', packed.values); values.set('w.nnz', packed.indices.length); break;
  }
  return values;
}
