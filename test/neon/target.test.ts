/**
 * @file The neon target end to end under qemu-aarch64 (or natively on arm64): attention (closed-form, planned,
 * run-time lists, GQA decode) and every gemm weight format, with pthreads, against the float64 reference.
 */
import { describe, expect, it } from 'vitest';
import { verifyKernels } from '../../src/harness/verify.js';
import { createNeonTarget } from '../../src/targets/neon/target.js';
import { attentionKernels, gemmKernels } from '../harness/kernels.js';
import { skipTarget } from '../support/targets.js';

const target = createNeonTarget({ threads: 3 });
const available = await target.availability();

describe.skipIf(skipTarget('neon', available.ok, available.ok ? '' : available.reason))('neon target', () => {
  it('three threads give results that pass the reference on every test kernel', async () => {
    const report = await verifyKernels([...attentionKernels, ...gemmKernels], [target], { seed: 5 });
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.detail}`)).toEqual([]);
    expect(new Set(report.results.map((r) => r.kernel)).size).toBe(attentionKernels.length + gemmKernels.length);
  }, 600_000);
});
