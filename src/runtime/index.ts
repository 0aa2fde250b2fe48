/**
 * @file `sparsec/runtime`: what generated kernels import at run time (no compiler inside): the
 * wasm loader and runner, generated-kernel handles, input checks, weight packing and the planner.
 */
export { defineAttention, defineGemm, type KernelManifest, type KernelHandle, type LoadedAttention, type LoadedGemm, type AttentionRunInputs, type AttentionRunOutputs, type GemmRunInputs } from './wasm/library.js';
export { WasmKernel, relaxedSimdAvailable, type WasmLoadOptions, type WasmModuleBytes, type BoundValue } from './wasm/kernel.js';
export type { WasmAbi, WasmParam, WasmScalar } from './wasm/abi.js';
export { attentionSizesOf, checkRuntimeInputs, gemmSizesOf, type GivenSizes } from './wasm/check.js';
export { packWeight, unpackWeight, type PackedWeight } from './packing.js';
export { buildPlan, type BlockPlan } from './plan/index.js';
export type { RaggedList } from '../model/values.js';
