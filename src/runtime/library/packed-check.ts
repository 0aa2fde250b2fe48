/**
 * @file Checks of a weight a caller packed themselves (`run({ x, w: packed })`) before any kernel reads it: the
 * format and its parameters match the kernel, array types and lengths match [n, k], and every stored index is in
 * range and ordered as `packing.ts` defines, so a kernel never reads outside its tiles.
 */
import type { GemmKernel } from '../../model/kernel.js';
import type { PackedWeight } from '../packing.js';

function fail(kernel: string, msg: string): never {
  throw new Error(`${kernel}: packed weight: ${msg}`);
}

function typed(kernel: string, name: string, v: unknown, ctor: { name: string; prototype: object }, length: number): void {
  if (!(v instanceof (ctor as unknown as new () => object))) fail(kernel, `'${name}' must be a ${ctor.name}`);
  const n = (v as ArrayLike<number>).length;
  if (n !== length) fail(kernel, `'${name}' has ${n} elements, expected ${length}`);
}

/** Row pointers: `ptr[0] = 0`, non-decreasing, ending at `total`; each row's indices ascending and in [0, limit). */
function compressedRows(kernel: string, what: string, ptr: Int32Array, idx: Int32Array, limit: number): void {
  if (ptr[0] !== 0 || ptr[ptr.length - 1] !== idx.length) fail(kernel, `${what} pointers must start at 0 and end at ${idx.length}`);
  for (let r = 0; r + 1 < ptr.length; r++) {
    if (ptr[r + 1]! < ptr[r]!) fail(kernel, `${what} pointers decrease at row ${r}`);
    for (let i = ptr[r]!; i < ptr[r + 1]!; i++) {
      const c = idx[i]!;
      if (c < 0 || c >= limit) fail(kernel, `${what} index ${c} at ${i} (row ${r}) is outside [0, ${limit})`);
      if (i > ptr[r]! && c <= idx[i - 1]!) fail(kernel, `${what} indices of row ${r} must ascend (${idx[i - 1]} then ${c})`);
    }
  }
}

/** Throws a clear error when `w` does not fit `kernel` (n x k, its weight format) as `packing.ts` defines it. */
export function checkPackedWeight(kernel: GemmKernel, w: PackedWeight): void {
  const name = kernel.name;
  const [n, k] = [kernel.n as number, kernel.k as number];
  const f = kernel.weight;
  if (w.format !== f.format) fail(name, `format is ${w.format}, the kernel wants ${f.format}`);
  if (w.n !== n || w.k !== k) fail(name, `is [${w.n}, ${w.k}], the kernel's weight is [n, k] = [${n}, ${k}]`);
  switch (w.format) {
    case 'dense':
      typed(name, 'values', w.values, Float32Array, n * k);
      return;
    case 'nm': {
      if (f.format !== 'nm' || w.keep !== f.keep || w.group !== f.group) fail(name, `is nm(${w.keep}, ${w.group}), the kernel wants ${f.format === 'nm' ? `nm(${f.keep}, ${f.group})` : f.format}`);
      const slots = n * Math.ceil(k / w.group) * w.keep;
      typed(name, 'values', w.values, Float32Array, slots);
      typed(name, 'indices', w.indices, Uint8Array, slots);
      for (let i = 0; i < slots; i++) {
        const g = Math.floor((i % (slots / n)) / w.keep);
        const at = g * w.group + w.indices[i]!;
        if (w.indices[i]! >= w.group || at >= k) fail(name, `index ${w.indices[i]} at slot ${i} is outside its group (positions ${g * w.group}..${Math.min(k, (g + 1) * w.group) - 1})`);
        // NOTE: packing.ts: slots ascend strictly by position; only a tail group narrower than keep repeats its
        // last position, with value 0.
        if (i % w.keep === 0) continue;
        const [prev, cur] = [w.indices[i - 1]!, w.indices[i]!];
        const width = Math.min(w.group, k - g * w.group);
        const repeatOk = width < w.keep && cur === prev && cur === width - 1 && w.values[i] === 0;
        if (cur <= prev && !repeatOk) fail(name, `indices of group ${g} at slots ${i - 1}, ${i} must ascend strictly (${prev} then ${cur})`);
      }
      return;
    }
    case 'bsr': {
      if (f.format !== 'bsr' || w.r !== f.r || w.c !== f.c) fail(name, `has ${w.r}x${w.c} blocks, the kernel wants ${f.format === 'bsr' ? `${f.r}x${f.c}` : f.format}`);
      if (!(w.rowPtr instanceof Int32Array) || w.rowPtr.length !== Math.ceil(n / w.r) + 1) fail(name, `'rowPtr' must be an Int32Array of ${Math.ceil(n / w.r) + 1} elements`);
      if (!(w.colIdx instanceof Int32Array)) fail(name, `'colIdx' must be an Int32Array`);
      typed(name, 'values', w.values, Float32Array, w.colIdx.length * w.r * w.c);
      compressedRows(name, 'block', w.rowPtr, w.colIdx, Math.ceil(k / w.c));
      return;
    }
    case 'csr': {
      if (!(w.indptr instanceof Int32Array) || w.indptr.length !== n + 1) fail(name, `'indptr' must be an Int32Array of ${n + 1} elements`);
      if (!(w.indices instanceof Int32Array)) fail(name, `'indices' must be an Int32Array`);
      typed(name, 'values', w.values, Float32Array, w.indices.length);
      compressedRows(name, 'column', w.indptr, w.indices, k);
      return;
    }
  }
}
