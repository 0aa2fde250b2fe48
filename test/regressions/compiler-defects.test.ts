/**
 * @file Compiler defects found by front-end fuzzing, kept as regressions: a kernel with heads = 2147483647 and
 * `pack_gqa = true` made the pack-gqa pass unroll the head loop 2^31 times (the compiler hung at 4 GB).
 */
import { describe, expect, it } from 'vitest';
import type { AttentionKernel } from '../../src/model/kernel.js';
import { resolveAttentionSizes } from '../../src/harness/sizes.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { kernelOf } from './run-targets.js';

describe('compiler defects found by fuzzing', () => {
  it('pack_gqa with a huge head group compiles at once (packing is skipped above 64 heads per KV head)', () => {
    const kernel = kernelOf<AttentionKernel>(`kernel huge_group = attention(causal) {
      heads = 2147483647; kv_heads = 1; head_dim = 8; q_len = 1; kv_len = 16
      schedule interp { pack_gqa = true }
    }`);
    const start = performance.now();
    const result = runPipeline(kernel, 'interp', { sizes: resolveAttentionSizes(kernel) });
    expect(result.stages.map((s) => s.name)).toContain('pack-gqa');
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
