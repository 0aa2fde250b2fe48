/** @file The wasm target passes the verify harness on the harness' own kernels (every family, f16 / bf16, gemm formats). */
import { describe, expect, it } from 'vitest';
import { verifyKernels } from '../../src/harness/verify.js';
import { wasmTarget } from '../../src/targets/wasm/target.js';
import { attentionKernels, gemmKernels } from '../harness/kernels.js';

describe('wasm on the harness kernels', () => {
  for (const kernel of [...attentionKernels, ...gemmKernels]) {
    it(`${kernel.name} passes against the float64 reference`, async () => {
      const report = await verifyKernels([kernel], [wasmTarget], { seed: 7 });
      const bad = report.results.filter((r) => r.status !== 'pass');
      expect(bad.map((r) => `${r.case}: ${r.detail}`)).toEqual([]);
      expect(report.results.length).toBeGreaterThan(0);
    });
  }
});
