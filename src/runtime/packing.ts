/**
 * @file Packed storage of sparse gemm weights (the project's definition): one plug-in per format in `formats/`
 * (its layout, packer, unpacker, checks and bindings), re-exported here with the lookups by format. Runtime code:
 * imports nothing from the compiler.
 *
 * All layouts describe the logical weight W [n, k] (Linear convention, Y = X W^T), row-major.
 * "Nonzero" means `value !== 0` (so NaN counts as nonzero and -0 as zero).
 */
import type { WeightFormat } from '../model/kernel.js';

export { packBSR, unpackBSR, type PackedBSR } from './formats/bsr.js';
export { packCSR, unpackCSR, type PackedCSR } from './formats/csr.js';
export type { PackedDense } from './formats/dense.js';
export { packNM, unpackNM, type PackedNM } from './formats/nm.js';
export { packWeight, unpackWeight, weightBindings, weightFormat, formatText, WEIGHT_FORMATS, type PackedWeight } from './formats/index.js';

/** The weight format of a gemm kernel (the model's WeightFormat). */
export type WeightLayout = WeightFormat;
