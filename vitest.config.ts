// Test runner configuration: every test file, a process per file, one worker per core, the slowest files first, and a build cache of this run's own.
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The build cache (src/build/cache.ts) would otherwise be the user's ~/.cache/sparsec: a test run neither reads
// kernels an earlier run left there nor leaves its own behind. Child processes inherit the variable.
process.env['SPARSEC_CACHE_DIR'] ??= mkdtempSync(join(tmpdir(), 'sparsec-test-cache-'));

/**
 * The files that take minutes (measured on a 2-core CI machine), slowest first. On a fresh clone vitest knows no
 * durations and would start the largest files first, which puts these four-line files last and leaves one worker
 * idle at the end; starting them first lets the short files fill the other worker.
 */
const SLOWEST = [
  'test/cuda/build.test.ts',
  'test/cli/verify-dsl/neon.test.ts',
  'test/cli/verify-dsl/webgpu-2.test.ts',
  'test/cli/verify-dsl/cuda.test.ts',
  'test/fuzz/frontend.fuzz.test.ts',
  'test/cli/verify-dsl/wasm.test.ts',
  'test/cli/verify-dsl/webgpu.test.ts',
  'test/cli/verify-dsl/interp.test.ts',
  'test/diff/slice-a.test.ts',
  'test/webgpu/variants.test.ts',
  'test/diff/slice-b.test.ts',
];

/** vitest's order, except that the files of SLOWEST come first, in that order. */
class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const i = SLOWEST.indexOf(relative(f.project.config.root, f.moduleId).replaceAll('\\', '/'));
      return i < 0 ? SLOWEST.length : i;
    };
    return base.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // NOTE: vitest's default is one worker less than the cores: a single worker on a 2-core CI machine.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SlowestFirst },
  },
});
