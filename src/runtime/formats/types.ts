/**
 * @file The contract of a weight-format plug-in (one module per format in this folder, TACO's level formats are the
 * model): how a dense [n, k] weight is packed and unpacked, how a caller-packed weight is checked, and which kernel
 * parameters its arrays bind to. Runtime code: imports nothing from the compiler (only the model's types).
 */
import type { WeightFormat } from '../../model/kernel.js';
import type { PackedBSR } from './bsr.js';
import type { PackedCSR } from './csr.js';
import type { PackedDense } from './dense.js';
import type { PackedNM } from './nm.js';

/** The name of a weight format: the model's `WeightFormat['format']`. */
export type Format = WeightFormat['format'];

/** The model's description of format F (its parameters: nm's keep and group, bsr's block). */
export type LayoutOf<F extends Format> = Extract<WeightFormat, { readonly format: F }>;

/** Any packed weight. */
export type PackedWeight = PackedNM | PackedBSR | PackedCSR | PackedDense;

/** A packed weight of format F. */
export type PackedOf<F extends Format> = Extract<PackedWeight, { readonly format: F }>;

/** A bound parameter value: an i32 scalar or a buffer's elements. */
export type WeightBinding = number | Float32Array | Int32Array | Uint8Array;

/**
 * One array parameter of a packed weight, in kernel order: its kernel parameter name and element type (`value`: the
 * kernel's dtype, as the dense values are stored in it).
 */
export interface WeightBuffer {
  readonly name: string;
  readonly scalar: 'value' | 'i32' | 'u8';
}

/** A weight-format plug-in. */
export interface WeightFormatPlugin<F extends Format> {
  readonly format: F;
  /** The format as the language writes it: `csr`, `nm(2, 4)`, `bsr(4, 1)`. */
  text(layout: LayoutOf<F>): string;
  /** The unit the format stores, [rows of n, columns of k] (bsr's R x C block, nm's 1 x group), or null (dense, csr). */
  unit(layout: LayoutOf<F>): readonly [number, number] | null;
  /** What a kernel's work is proportional to: each stored nonzero (csr, nm) or each live tile (dense, bsr). */
  readonly workPer: 'nonzero' | 'tile';
  /** True when any fraction of zeros fits the format (csr, bsr): verification adds a sparse random weight. */
  readonly anyDensity: boolean;
  /** Packs a dense row-major [n, k] weight; throws when the weight does not fit the format. */
  pack(layout: LayoutOf<F>, w: ArrayLike<number>, n: number, k: number): PackedOf<F>;
  /** The dense [n, k] weight back. */
  unpack(p: PackedOf<F>): Float32Array;
  /** Checks a weight a caller packed (its format and [n, k] already match): `fail` with the first problem. */
  check(p: PackedOf<F>, layout: LayoutOf<F>, fail: (msg: string) => never): void;
  /**
   * The array parameters of the kernel in order: index arrays (row pointers, then columns / positions), then values.
   * The CPU micro-kernels take them in this order; the `w.nnz` scalar, when bound, follows them.
   */
  readonly buffers: readonly WeightBuffer[];
  /** Kernel parameter name -> value: the arrays of `buffers` and scalar counts. */
  bindings(p: PackedOf<F>): Record<string, WeightBinding>;
}

/** Throws when `w` is not a dense [n, k] weight. */
export function checkDense(w: ArrayLike<number>, n: number, k: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0) throw new Error(`packing: bad weight shape [${n}, ${k}]`);
  if (w.length !== n * k) throw new Error(`packing: weight has ${w.length} elements, expected n * k = ${n * k}`);
}

/** `fail` unless `v` is a `ctor` array of `length` elements. */
export function typedArray(fail: (msg: string) => never, name: string, v: unknown, ctor: { name: string; prototype: object }, length: number): void {
  if (!(v instanceof (ctor as unknown as new () => object))) fail(`'${name}' must be a ${ctor.name}`);
  const n = (v as ArrayLike<number>).length;
  if (n !== length) fail(`'${name}' has ${n} elements, expected ${length}`);
}

/** Row pointers: `ptr[0] = 0`, non-decreasing, ending at `total`; each row's indices ascending and in [0, limit). */
export function compressedRows(fail: (msg: string) => never, what: string, ptr: Int32Array, idx: Int32Array, limit: number): void {
  if (ptr[0] !== 0 || ptr[ptr.length - 1] !== idx.length) fail(`${what} pointers must start at 0 and end at ${idx.length}`);
  for (let r = 0; r + 1 < ptr.length; r++) {
    if (ptr[r + 1]! < ptr[r]!) fail(`${what} pointers decrease at row ${r}`);
    for (let i = ptr[r]!; i < ptr[r + 1]!; i++) {
      const c = idx[i]!;
      if (c < 0 || c >= limit) fail(`${what} index ${c} at ${i} (row ${r}) is outside [0, ${limit})`);
      if (i > ptr[r]! && c <= idx[i - 1]!) fail(`${what} indices of row ${r} must ascend (${idx[i - 1]} then ${c})`);
    }
  }
}
