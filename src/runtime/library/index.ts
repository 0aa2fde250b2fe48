/** @file The generated library's run-time side, target-neutral: manifests, kernel handles, size checks, the loaders table. */
export { defineAttention, defineGemm, type AttentionRunInputs, type AttentionRunOutputs, type GemmRunInputs, type KernelHandle, type LoadedAttention, type LoadedGemm } from './handles.js';
export { defineSelect, type LoadedSelect, type SelectRunInputs, type SelectRunOutputs, type VerticalSlashRunOutputs } from './select-handle.js';
export { LIBRARY_TARGETS, fetchBytes, fetchJson, readManifest, type KernelManifest, type KeyWalkKind, type LibraryTarget, type TargetSection, type WasmSection, type WebgpuSection, type WebgpuVariant } from './manifest.js';
export { LOADERS, loadTarget, type HeadDims, type LoadOptions, type TargetKernel, type TargetLoader } from './loaders.js';
export { resolveAttentionSizes, type GivenSizes } from './sizes.js';
export type { ResidentInit, ResidentKv, ResidentMemory, ResidentOptions } from './resident.js';
export type { ResidentRunInputs } from './handles.js';
export type { WebgpuLoadOptions } from './webgpu.js';
