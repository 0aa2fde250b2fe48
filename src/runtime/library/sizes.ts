/**
 * @file Sizes of a library run, target-neutral: attention sizes from the arrays (a dynamic head_dim is
 * resolved against the head_dim variants the loaded target has), and caller-given output arrays (side outputs too) checked.
 */
import type { AttentionKernel, AttentionSizes } from '../../model/kernel.js';
import { sideOutputLength } from '../../model/side-outputs.js';
import { attentionSizesOf, type GivenSizes as CheckedSizes } from './check.js';
import type { HeadDims } from './loaders.js';

/** Sizes a caller may give for a kernel's dynamic dimensions. */
export interface GivenSizes extends CheckedSizes {
  /** head_dim, for kernels declared with `head_dim = dynamic` (otherwise inferred from the input lengths). */
  readonly headDim?: number;
}

const dimsText = (dims: readonly HeadDims[]): string => dims.map((d) => (d.headDim === d.valueDim ? `${d.headDim}` : `${d.headDim} (value_dim ${d.valueDim})`)).join(', ');

/**
 * Resolves and checks the sizes of an attention run. With a dynamic head_dim, `dims` lists the pairs the
 * loaded target was built for: `given.headDim` picks one, else the one pair the input lengths fit.
 */
export function resolveAttentionSizes(k: AttentionKernel, dims: readonly HeadDims[] | null, q: unknown, key: unknown, v: unknown, given: GivenSizes = {}): AttentionSizes {
  if (typeof k.headDim === 'number' && typeof k.valueDim === 'number') {
    if (given.headDim !== undefined && given.headDim !== k.headDim) throw new Error(`${k.name}: headDim is ${k.headDim}, got sizes.headDim = ${given.headDim}`);
    return attentionSizesOf(k, q, key, v, given);
  }
  const built = dims ?? [];
  const candidates = given.headDim === undefined ? built : built.filter((d) => d.headDim === given.headDim);
  if (candidates.length === 0) {
    throw new Error(`${k.name}: head_dim is dynamic and this library holds variants for head_dim ${dimsText(built)} only; got sizes.headDim = ${given.headDim}`);
  }
  const fits: AttentionSizes[] = [];
  const errors: Error[] = [];
  for (const d of candidates) {
    try {
      fits.push(attentionSizesOf({ ...k, headDim: d.headDim, valueDim: d.valueDim }, q, key, v, given));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (fits.length === 1) return fits[0]!;
  if (fits.length > 1) throw new Error(`${k.name}: the input lengths fit head_dim ${fits.map((s) => s.headDim).join(' and ')}; pass sizes.headDim`);
  if (candidates.length === 1) throw errors[0]!;
  throw new Error(`${k.name}: head_dim is dynamic and the input lengths fit none of the head_dim this library was built for (${dimsText(built)}); other sizes need a kernel with that head_dim (or pass sizes.headDim to see which length is wrong)`);
}

/** The caller's output array `name` when given (checked: a Float32Array of `length`), else a fresh one. */
export function outputArray(kernel: string, name: string, given: unknown, length: number): Float32Array {
  if (given === undefined) return new Float32Array(length);
  if (!(given instanceof Float32Array)) throw new Error(`${kernel}: output '${name}' must be a Float32Array`);
  if (given.length !== length) throw new Error(`${kernel}: output '${name}' has ${given.length} elements, expected ${length}`);
  return given;
}

/** The side outputs of a run by parameter name (`segment_mass`, `block_max`): the caller's arrays (checked) or fresh ones. */
export function sideOutputArrays(k: AttentionKernel, sizes: AttentionSizes, into: Readonly<Record<string, unknown>> | undefined): Record<string, Float32Array> {
  return Object.fromEntries((k.sideOutputs ?? []).map((s) => [s.kind, outputArray(k.name, s.kind, into?.[s.kind], sideOutputLength(s, sizes))]));
}
