/**
 * @file The registry of targets. Only `interp` exists so far; wasm, webgpu, cuda and neon register
 * here when their printers land.
 */
import type { Target } from '../harness/target.js';
import { cudaTarget } from './cuda/target.js';
import { interpTarget } from './interp/target.js';
import { wasmTarget } from './wasm/target.js';
import { webgpuTarget } from './webgpu/target.js';

const TARGETS: ReadonlyMap<string, Target> = new Map([[interpTarget.name, interpTarget], [wasmTarget.name, wasmTarget], [webgpuTarget.name, webgpuTarget], [cudaTarget.name, cudaTarget]]);

/** Names of every registered target. */
export const TARGET_NAMES: readonly string[] = [...TARGETS.keys()];

/** The target called `name`, or undefined. */
export function getTarget(name: string): Target | undefined {
  return TARGETS.get(name);
}
