// Test runner configuration: every test file, a process per file, and a build cache of this run's own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The build cache (src/build/cache.ts) would otherwise be the user's ~/.cache/sparsec: a test run neither reads
// kernels an earlier run left there nor leaves its own behind. Child processes inherit the variable.
process.env['SPARSEC_CACHE_DIR'] ??= mkdtempSync(join(tmpdir(), 'sparsec-test-cache-'));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
