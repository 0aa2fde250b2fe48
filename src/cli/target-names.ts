/**
 * @file Target names on the command line and the default, apart from the backends themselves so that the
 * command line can print its help without loading any backend: the names are the tables `targets/<name>.json`.
 */
import { targetNames } from '../passes/target-table.js';

/** Every target name of the contract (one per `targets/<name>.json`). */
export const KNOWN_TARGETS: readonly string[] = targetNames();

/** The target used when `--target` is not given: the embedded default. */
export const DEFAULT_TARGET = 'wasm';
