/**
 * @file `sparsec/runtime`: what generated kernels import at run time (no compiler inside): kernel handles
 * and their per-target loaders (wasm, webgpu), the wasm runner, input checks, weight packing and the planner.
 */
export {
  defineAttention, defineGemm, LIBRARY_TARGETS,
  type KernelManifest, type KernelHandle, type LoadedAttention, type LoadedGemm, type AttentionRunInputs, type AttentionRunOutputs,
  type GemmRunInputs, type GivenSizes, type LibraryTarget, type LoadOptions, type WebgpuLoadOptions, type TargetSection, type WasmSection,
  type WebgpuSection, type WebgpuVariant, type ResidentInit, type ResidentKv, type ResidentOptions, type ResidentRunInputs,
} from './library/index.js';
export { defineSelect, type LoadedSelect, type SelectRunInputs, type SelectRunOutputs, type VerticalSlashRunOutputs } from './library/index.js';
export { WasmKernel, relaxedSimdAvailable, type WasmLoadOptions, type WasmModuleBytes, type BoundValue } from './wasm/kernel.js';
export type { WasmAbi, WasmParam, WasmScalar } from './wasm/abi.js';
export { attentionSizesOf, checkRuntimeInputs, gemmSizesOf } from './library/check.js';
export { packWeight, unpackWeight, type PackedWeight } from './packing.js';
export { buildPlan, type BlockPlan } from './plan/index.js';
export type { RaggedList } from '../model/values.js';
