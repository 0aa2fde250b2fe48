import { describe, it, expect } from 'vitest';
import { attentionCase } from '../../src/bench/framework/cases.js';
import { runBench } from '../../src/bench/framework/runner.js';
import { createWebgpuBenchImplementation, prepareWebgpuAttention } from '../../src/bench/webgpu/implementation.js';
import { attentionTensors } from '../../src/bench/framework/attention-work.js';
import { maxAbsDiff, referenceAttention } from '../bench/reference.js';
import { HAS_ADAPTER } from './helpers.js';
import { skipTarget } from '../support/targets.js';

const shape = { batch: 1, heads: 2, seq: 64, headDim: 16 };

describe.skipIf(skipTarget('webgpu', HAS_ADAPTER, 'no WebGPU adapter; run scripts/setup-webgpu.sh'))('webgpu bench implementation', () => {
  it('produces one row per supported case on a tiny shape', async () => {
    const impl = await createWebgpuBenchImplementation();
    expect(impl).not.toBeNull();
    const { rows } = await runBench([impl!], {
      cases: ['causal', 'document', 'gemm_dense'],
      attentionShape: shape,
      gemmShape: { m: 4, n: 16, k: 16 },
      timing: { warmup: 1, minRuns: 2, minMs: 0 },
    });
    expect(rows.map((r) => [r.case, r.target, r.impl])).toEqual([
      ['causal', 'webgpu', 'sparsec'], ['document', 'webgpu', 'sparsec'], ['gemm_dense', 'webgpu', 'sparsec'],
    ]);
    for (const r of rows) expect(r.median_ms).toBeGreaterThan(0);
  });

  it('computes the case mask correctly in its timed runs', async () => {
    const c = attentionCase('window', shape);
    const body = await prepareWebgpuAttention(c);
    try {
      await body.run();
      const out = await body.output();
      expect(maxAbsDiff(out, referenceAttention(c, attentionTensors(c)))).toBeLessThan(1e-4);
    } finally {
      await body.release?.();
    }
  });
});
