/**
 * @file One table-driven conformance test over the registry: every registered backend runs the harness kernels
 * (every attention family, f16 / bf16 storage, every gemm format) against the float64 reference. A new target
 * joins by registering; one whose runtime is missing here is skipped out loud (a failure under
 * SPARSEC_REQUIRE_ALL_TARGETS=1). `SPARSEC_CONFORMANCE_TARGETS=a,b` narrows the run while working on one target.
 */
import { describe, expect, it } from 'vitest';
import { verifyKernels } from '../../src/harness/verify.js';
import { allBackends } from '../../src/targets/index.js';
import { attentionKernels, gemmKernels } from '../harness/kernels.js';
import { skipTarget } from '../support/targets.js';

const only = process.env['SPARSEC_CONFORMANCE_TARGETS']?.split(',').filter(Boolean);
const backends = allBackends().filter((b) => !only || only.includes(b.name));

for (const backend of backends) {
  const available = await backend.availability();
  describe.skipIf(skipTarget(backend.name, available.ok, available.ok ? '' : available.reason))(`${backend.name} on the harness kernels`, () => {
    for (const kernel of [...attentionKernels, ...gemmKernels]) {
      it(`${kernel.name} passes against the float64 reference`, async () => {
        const report = await verifyKernels([kernel], [backend], { seed: 7 });
        const bad = report.results.filter((r) => r.status !== 'pass');
        expect(bad.map((r) => `${r.case}: ${r.detail}`)).toEqual([]);
        expect(report.results.length).toBeGreaterThan(0);
      });
    }
  });
}
