/**
 * @file Front-end fuzzing: 4,800 mutants of the real specs in dsl/ and of random differential kernels go through
 * the parser and the checker, and every kernel that checks clean through the pass pipeline; 200 mutants of the
 * example .ts specs go through the TypeScript loader. Nothing may throw: the only outcome is diagnostics with
 * catalogued codes (or, from the pipeline, an Error that names the kernel).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTsSpec } from '../../src/builder/load-ts.js';
import { checkProgram } from '../../src/checker/check.js';
import { CATALOGUE } from '../../src/diagnostics/catalog.js';
import { parseSource } from '../../src/frontend/parse.js';
import { caseSource, randomCase } from '../../src/diff/index.js';
import { resolveAttentionSizes } from '../../src/harness/sizes.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { Rng } from '../../src/reference/random.js';
import { mutateMany } from './mutate.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DSL = readdirSync(join(ROOT, 'dsl')).filter((f) => f.endsWith('.sparse')).map((f) => readFileSync(join(ROOT, 'dsl', f), 'utf8'));
const SPARSE_RUNS = 4800;
const TS_RUNS = 200;

/** The problem a mutant caused, or null when it produced only diagnostics. */
function frontEndProblem(text: string, rng: Rng): string | null {
  try {
    const parsed = parseSource('m.sparse', text);
    const checked = checkProgram({ modules: [{ path: '/virtual/m.sparse', display: 'm.sparse', module: parsed.module, imports: [] }], sources: new Map([['m.sparse', text]]) });
    const diagnostics = [...parsed.diagnostics, ...checked.diagnostics];
    const unknown = diagnostics.filter((d) => !(d.code in CATALOGUE));
    if (unknown.length > 0) return `uncatalogued code ${unknown[0]!.code}`;
    if (diagnostics.some((d) => d.severity === 'error') || checked.kernels.length === 0) return null;
    // NOTE: one kernel per clean mutant through the pipeline (all of them would make the run slow).
    const kernel = checked.kernels[rng.int(0, checked.kernels.length)]!;
    try {
      const sizes = kernel.kind === 'attention' ? resolveAttentionSizes(kernel) : undefined;
      runPipeline(kernel, 'interp', sizes ? { sizes } : {});
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (!(e instanceof Error) || e.constructor !== Error || !message.includes(kernel.name)) return `pipeline of ${kernel.name} threw ${(e as Error)?.constructor?.name}: ${message}`;
    }
    return null;
  } catch (e) {
    return `threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
  }
}

describe('front-end fuzzing: mutated specs give diagnostics, never a crash', () => {
  it(`${SPARSE_RUNS} mutated .sparse specs (dsl/ files and random kernels)`, () => {
    const rng = new Rng(20261204);
    const problems: string[] = [];
    for (let i = 0; i < SPARSE_RUNS; i++) {
      const base = i % 3 === 0 ? caseSource(randomCase(77, i)) : DSL[i % DSL.length]!;
      const mutant = mutateMany(base, rng, 1 + rng.int(0, 4));
      const problem = frontEndProblem(mutant, rng);
      if (problem && problems.length < 5) problems.push(`${problem}\n--- mutant ${i} ---\n${mutant.slice(0, 2000)}`);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it(`${TS_RUNS} mutated .ts specs through the TypeScript loader`, async () => {
    const specs = ['examples/specs/streaming.spec.ts', 'examples/specs/runtime-inputs.spec.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'sparsec-fuzz-ts-'));
    const rng = new Rng(4242);
    const problems: string[] = [];
    for (let i = 0; i < TS_RUNS; i++) {
      const mutant = mutateMany(specs[i % specs.length]!, rng, 1 + rng.int(0, 3));
      const file = join(dir, `m${i}.spec.ts`);
      writeFileSync(file, mutant);
      try {
        const r = await loadTsSpec(file, `m${i}.spec.ts`);
        const unknown = r.diagnostics.filter((d) => !(d.code in CATALOGUE));
        if (unknown.length > 0) problems.push(`uncatalogued ${unknown[0]!.code}`);
      } catch (e) {
        if (problems.length < 5) problems.push(`threw ${(e as Error)?.message}\n--- mutant ${i} ---\n${mutant.slice(0, 1500)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
