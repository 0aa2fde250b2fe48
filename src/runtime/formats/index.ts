/**
 * @file WEIGHT_FORMATS: every weight-format plug-in by its name (exhaustive over the model's formats), and the
 * lookups the runtime, library and targets use instead of switching on the format.
 */
import { BSR } from './bsr.js';
import { CSR } from './csr.js';
import { DENSE } from './dense.js';
import { NM } from './nm.js';
import type { Format, LayoutOf, PackedOf, PackedWeight, WeightBinding, WeightFormatPlugin } from './types.js';

export type { Format, LayoutOf, PackedOf, PackedWeight, WeightBinding, WeightBuffer, WeightFormatPlugin } from './types.js';
export type { PackedBSR } from './bsr.js';
export type { PackedCSR } from './csr.js';
export type { PackedDense } from './dense.js';
export type { PackedNM } from './nm.js';

/** Every weight format's plug-in. */
export const WEIGHT_FORMATS = { dense: DENSE, nm: NM, bsr: BSR, csr: CSR } as const satisfies { readonly [F in Format]: WeightFormatPlugin<F> };

/** The plug-in of `format`, typed by it (the one cast: TypeScript cannot correlate a union key with its entry). */
export function weightFormat<F extends Format>(format: F): WeightFormatPlugin<F> {
  return WEIGHT_FORMATS[format] as unknown as WeightFormatPlugin<F>;
}

/** The format as the language writes it: `dense`, `csr`, `nm(2, 4)`, `bsr(4, 1)`. */
export function formatText<F extends Format>(layout: LayoutOf<F>): string {
  return weightFormat<F>(layout.format as F).text(layout);
}

/** Packs a dense weight [n, k] in `layout`. */
export function packWeight<F extends Format>(layout: LayoutOf<F>, w: ArrayLike<number>, n: number, k: number): PackedOf<F> {
  return weightFormat<F>(layout.format as F).pack(layout, w, n, k);
}

/** Unpacks any packed weight to a dense [n, k] weight. */
export function unpackWeight(p: PackedWeight): Float32Array {
  return weightFormat(p.format).unpack(p);
}

/** A packed weight's kernel parameters by name. */
export function weightBindings(p: PackedWeight): Record<string, WeightBinding> {
  return weightFormat(p.format).bindings(p);
}
