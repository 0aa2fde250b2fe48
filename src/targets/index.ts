/**
 * @file The registry of backends: the one list of targets that have code. A new target joins by adding its
 * entry here (a `Backend`, or a plain `Target`) and its table `targets/<name>.json`; the CLI, `build`, the
 * conformance tests and the stage listing read this list. Names of the contract without a backend yet (a
 * table only) report themselves skipped.
 */
import type { Target } from '../harness/target.js';
import { asBackend, type Backend } from './backend.js';
import { cudaTarget } from './cuda/target.js';
import { interpTarget } from './interp/target.js';
import { wasmTarget } from './wasm/target.js';
import { webgpuTarget } from './webgpu/target.js';
import { neonTarget } from './neon/target.js';

/** Every registered target, as registered. */
const REGISTERED: readonly Target[] = [interpTarget, wasmTarget, webgpuTarget, neonTarget, cudaTarget];

const TARGETS: ReadonlyMap<string, Target> = new Map(REGISTERED.map((t) => [t.name, t]));
const BACKENDS: ReadonlyMap<string, Backend> = new Map(REGISTERED.map((t) => [t.name, asBackend(t)]));

/** Names of every registered target. */
export const TARGET_NAMES: readonly string[] = [...TARGETS.keys()];

/** The target called `name`, or undefined. */
export function getTarget(name: string): Target | undefined {
  return TARGETS.get(name);
}

/** The backend called `name` (a plain Target wrapped by `asBackend`), or undefined. */
export function getBackend(name: string): Backend | undefined {
  return BACKENDS.get(name);
}

/** Every registered backend, in registration order. */
export function allBackends(): readonly Backend[] {
  return [...BACKENDS.values()];
}

export { asBackend, type Backend, type PrintedSource } from './backend.js';
