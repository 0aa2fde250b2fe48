/**
 * @file Weight format `dense`: values Float32Array [n, k], the weight itself (kernel parameter `w`).
 */
import { checkDense, typedArray, type WeightFormatPlugin } from './types.js';

/** A dense weight, stored as is. */
export interface PackedDense {
  readonly format: 'dense';
  readonly n: number;
  readonly k: number;
  readonly values: Float32Array;
}

/** The dense plug-in. */
export const DENSE: WeightFormatPlugin<'dense'> = {
  format: 'dense',
  text: () => 'dense',
  unit: () => null,
  workPer: 'tile',
  anyDensity: false,
  pack(_layout, w, n, k) {
    checkDense(w, n, k);
    return { format: 'dense', n, k, values: Float32Array.from(w) };
  },
  unpack: (p) => Float32Array.from(p.values),
  check: (p, _layout, fail) => typedArray(fail, 'values', p.values, Float32Array, p.n * p.k),
  buffers: [{ name: 'w', scalar: 'value' }],
  bindings: (p) => ({ w: p.values }),
};
