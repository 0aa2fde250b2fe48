/**
 * @file Target names of the contract and the default, apart from the targets themselves so that the command
 * line can print its help without loading any backend.
 */

/** Every target name of the contract. */
export const KNOWN_TARGETS = ['wasm', 'webgpu', 'cuda', 'neon', 'interp'] as const;

/** The target used when `--target` is not given: the embedded default. */
export const DEFAULT_TARGET = 'wasm';
