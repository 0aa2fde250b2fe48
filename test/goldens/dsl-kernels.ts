/** @file The checked kernels of dsl/ by name (loaded once per test file). */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProgram } from '../../src/checker/check.js';
import { loadProgram } from '../../src/frontend/load.js';
import type { Kernel } from '../../src/model/kernel.js';

const DSL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dsl');

/** Every kernel of dsl/*.sparse by name; throws when a file does not check clean. */
export async function loadDslKernels(): Promise<Map<string, Kernel>> {
  const files = readdirSync(DSL).filter((f) => f.endsWith('.sparse')).sort().map((f) => path.join(DSL, f));
  const program = await loadProgram(files);
  const checked = checkProgram(program);
  if ([...program.diagnostics, ...checked.diagnostics].some((d) => d.severity === 'error')) throw new Error('dsl/ does not check clean');
  return new Map(checked.kernels.map((k) => [k.name, k]));
}
