/**
 * @file Input checking of generated kernels, before anything runs: sizes resolved from the arrays
 * (dynamic ones inferred or given), array types and lengths, ragged lists (offsets, sorted unique
 * values), values used as positions or indices in range, block layouts, and gemm operands. Every problem is a
 * clear Error naming the input.
 */
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Size } from '../../model/kernel.js';
import type { RaggedList, RuntimeValue, RuntimeValues } from '../../model/values.js';
import { runtimeShape } from '../plan/summaries.js';
import { sizeRecord } from '../plan/types.js';
import { checkIndexRanges } from './index-ranges.js';
import { checkSegmentIds } from '../../model/side-outputs.js';
import { BLOCK_TABLE, KV_LENS, checkPagedInputs, checkRaggedLengths, pageSizeOf } from '../../model/paged.js';

/** Sizes a caller may give for a kernel's dynamic dimensions. */
export interface GivenSizes {
  readonly batch?: number;
  readonly qLen?: number;
  readonly kvLen?: number;
  readonly m?: number;
}

function fail(kernel: string, msg: string): never {
  throw new Error(`${kernel}: ${msg}`);
}

function expectArray(kernel: string, name: string, v: unknown, ctor: { name: string; prototype: object }): void {
  if (!(v instanceof (ctor as unknown as new () => object))) {
    fail(kernel, `input '${name}' must be a ${ctor.name}, got ${v === undefined ? 'nothing' : (v as object)?.constructor?.name ?? typeof v}`);
  }
}

function pick(kernel: string, what: string, declared: Size, given: number | undefined, inferred: () => number | undefined): number {
  if (typeof declared === 'number') {
    if (given !== undefined && given !== declared) fail(kernel, `${what} is ${declared}, got sizes.${what} = ${given}`);
    return declared;
  }
  const v = given ?? inferred();
  if (v === undefined) fail(kernel, `${what} is dynamic and cannot be inferred from the inputs; pass sizes.${what}`);
  if (!Number.isInteger(v) || v < 1) fail(kernel, `${what} must be a positive integer, got ${v}`);
  return v;
}

const divide = (len: number, by: number): number | undefined => (by > 0 && len % by === 0 ? len / by : undefined);

/** Resolves the sizes of an attention run from Q, K and the given sizes, and checks Q, K, V lengths. */
export function attentionSizesOf(k: AttentionKernel, q: unknown, key: unknown, v: unknown, given: GivenSizes = {}): AttentionSizes {
  for (const [name, arr] of [['q', q], ['k', key], ['v', v]] as const) expectArray(k.name, name, arr, Float32Array);
  const [Q, K, V] = [q as Float32Array, key as Float32Array, v as Float32Array];
  const heads = k.heads as number;
  const kvHeads = k.kvHeads as number;
  const D = k.headDim as number;
  const DV = k.valueDim as number;
  // NOTE: a paged K / V is a page pool: its length says nothing of batch or kv_len (checkPagedInputs checks it).
  const paged = pageSizeOf(k) !== null;
  const batch = pick(k.name, 'batch', k.batch, given.batch, () =>
    typeof k.qLen === 'number' ? divide(Q.length, heads * k.qLen * D) : typeof k.kvLen === 'number' && !paged ? divide(K.length, kvHeads * k.kvLen * D) : undefined);
  const qLen = pick(k.name, 'qLen', k.qLen, given.qLen, () => divide(Q.length, batch * heads * D));
  const kvLen = pick(k.name, 'kvLen', k.kvLen, given.kvLen, () => (paged ? undefined : divide(K.length, batch * kvHeads * D)));
  if (qLen > kvLen) fail(k.name, `q_len (${qLen}) exceeds kv_len (${kvLen})`);
  const want = (name: string, arr: Float32Array, shape: number[], axes: string): void => {
    const n = shape.reduce((p, d) => p * d, 1);
    if (arr.length !== n) fail(k.name, `input '${name}' has ${arr.length} elements, expected ${n} = [${axes}] = [${shape.join(', ')}]`);
  };
  want('q', Q, [batch, heads, qLen, D], 'batch, heads, q_len, head_dim');
  if (!paged) {
    want('k', K, [batch, kvHeads, kvLen, D], 'batch, kv_heads, kv_len, head_dim');
    want('v', V, [batch, kvHeads, kvLen, DV], 'batch, kv_heads, kv_len, value_dim');
  }
  return { batch, heads, kvHeads, headDim: D, valueDim: DV, qLen, kvLen };
}

function isList(v: RuntimeValue): v is RaggedList {
  return typeof v === 'object' && v !== null && (v as RaggedList).offsets !== undefined;
}

/** Checks every runtime input of `k` against `sizes`; returns them as RuntimeValues. */
export function checkRuntimeInputs(k: AttentionKernel, sizes: AttentionSizes, given: Readonly<Record<string, unknown>>): RuntimeValues {
  const out: Record<string, RuntimeValue> = {};
  const names = sizeRecord(sizes);
  for (const decl of k.inputs) {
    const v = given[decl.name];
    if (v === undefined) fail(k.name, `runtime input '${decl.name}' is missing`);
    if (decl.kind === 'list') {
      if (!isList(v as RuntimeValue)) fail(k.name, `input '${decl.name}' must be a ragged list { offsets: Int32Array, values: Int32Array }`);
      const list = v as RaggedList;
      expectArray(k.name, `${decl.name}.offsets`, list.offsets, Int32Array);
      expectArray(k.name, `${decl.name}.values`, list.values, Int32Array);
      const lists = runtimeShape(decl, names).reduce((p, d) => p * d, 1);
      if (list.offsets.length !== lists + 1) fail(k.name, `input '${decl.name}' must hold ${lists} lists (offsets of length ${lists + 1}), got ${list.offsets.length} offsets`);
      if (list.offsets[0] !== 0 || list.offsets[lists] !== list.values.length) fail(k.name, `input '${decl.name}': offsets must start at 0 and end at values.length (${list.values.length})`);
      for (let i = 0; i < lists; i++) {
        const [lo, hi] = [list.offsets[i]!, list.offsets[i + 1]!];
        if (hi < lo) fail(k.name, `input '${decl.name}': offsets must not decrease (list ${i})`);
        for (let j = lo + 1; j < hi; j++) {
          if (list.values[j]! <= list.values[j - 1]!) fail(k.name, `input '${decl.name}': list ${i} must be sorted and unique (values ${list.values[j - 1]} then ${list.values[j]})`);
        }
      }
      out[decl.name] = list;
      continue;
    }
    const ctor = decl.kind === 'blocks' || decl.elem === 'bool' ? Uint8Array : decl.elem === 'f32' ? Float32Array : Int32Array;
    expectArray(k.name, decl.name, v, ctor);
    const arr = v as Int32Array | Float32Array | Uint8Array;
    const shape = runtimeShape(decl, names, arr.length);
    const n = shape.reduce((p, d) => p * d, 1);
    if (arr.length !== n) fail(k.name, `input '${decl.name}' has ${arr.length} elements, expected ${n} = [${shape.join(', ')}]`);
    out[decl.name] = arr;
  }
  checkIndexRanges(k, names, out);
  checkSegmentIds(k, sizes, out);
  if (k.raggedKv) checkRaggedLengths(k, sizes, out[KV_LENS]);
  // paged: the K / V pools and every block table entry, before anything runs (model/paged.ts)
  if (pageSizeOf(k) !== null && given['k'] !== undefined) checkPagedInputs(k, sizes, given['k'] as Float32Array, given['v'] as Float32Array, out[BLOCK_TABLE]);
  return out;
}

/** Resolves gemm sizes from X (m when dynamic) and checks X, W and bias. */
export function gemmSizesOf(k: GemmKernel, x: unknown, w: unknown, bias: unknown, given: GivenSizes = {}): GemmSizes {
  expectArray(k.name, 'x', x, Float32Array);
  const n = k.n as number;
  const kk = k.k as number;
  const m = pick(k.name, 'm', k.m, given.m, () => divide((x as Float32Array).length, kk));
  if ((x as Float32Array).length !== m * kk) fail(k.name, `input 'x' has ${(x as Float32Array).length} elements, expected ${m * kk} = [m, k] = [${m}, ${kk}]`);
  expectArray(k.name, 'w', w, Float32Array);
  if ((w as Float32Array).length !== n * kk) fail(k.name, `input 'w' has ${(w as Float32Array).length} elements, expected ${n * kk} = [n, k] = [${n}, ${kk}]`);
  if (k.bias) {
    expectArray(k.name, 'bias', bias, Float32Array);
    if ((bias as Float32Array).length !== n) fail(k.name, `input 'bias' has ${(bias as Float32Array).length} elements, expected n = ${n}`);
  }
  return { m, n, k: kk };
}
