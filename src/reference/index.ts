/**
 * @file The float64 dense reference, dtype rounding, the mask evaluator and seeded random inputs.
 */
export { roundBF16, roundF16, roundF32, roundInPlace, roundTo, ROUND_SCALAR, UNIT_ROUNDOFF } from './dtype.js';
export { maskRow, maskTensor, pointEnv, sizeRecord, inputDecls, type PointEnv } from './mask.js';
export { compileExpr, type PointFn, type PointVars } from './compile-expr.js';
export {
  referenceAttention,
  softmaxScale,
  kvHeadOf,
  type ReferenceAttentionOptions,
  type ReferenceAttentionResult,
  type RowSelection,
} from './attention.js';
export { referenceGemm, gemmMagnitude, erf, EPILOGUES, thresholdInput, type ReferenceGemmOptions } from './gemm.js';
export {
  Rng,
  seedFrom,
  randomAttentionInputs,
  randomRuntimeInputs,
  randomGemmInputs,
  DEFAULT_DENSITY,
  FREE_AXIS_LENGTH,
  type RandomOptions,
} from './random.js';
