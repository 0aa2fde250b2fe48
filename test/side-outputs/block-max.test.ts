/**
 * @file block_max(BQ, BK) on every target against the float64 reference, through verify's size cases: block sizes that
 * are not tile sizes (tile_q legalized to a multiple of BQ, key tiles of gcd(tile_k, BK)), rows and blocks left empty
 * by the mask and by a `-inf` score modifier, a runtime block layout walked by a plan, GQA, and two side outputs at once.
 */
import { describe, expect, it } from 'vitest';
import { verifyKernels } from '../../src/harness/verify.js';
import { formatReport } from '../../src/harness/report.js';
import type { Kernel } from '../../src/model/kernel.js';
import { kernelsOf, TARGETS } from '../regressions/run-targets.js';

const SOURCE = `
kernel odd_blocks = attention(causal && k >= 3) {
  heads = 2; head_dim = 16
  seq = dynamic
  score = (q + k) % 5 == 0 ? -inf : score
  outputs = out, block_max(24, 48), lse
}

pattern picked(sel: blocks<16, 16>) = causal && sel[b, h, q / 16, k / 16]

kernel picked_blocks = attention(picked) {
  batch = 2; heads = 4; kv_heads = 2; head_dim = 16
  seq = dynamic
  doc: i32[kv_len]
  outputs = out, segment_mass(doc, 3), block_max(16, 8)
}
`;

const kernels: Kernel[] = kernelsOf(SOURCE);

describe('block_max on every target', () => {
  it.each(TARGETS.map((t) => [t.name, t] as const))('%s: every size case matches the reference, side outputs included', async (_name, target) => {
    const report = await verifyKernels(kernels, [target], { seed: 5 });
    const bad = report.results.filter((r) => r.status !== 'pass');
    expect(bad.map((r) => `${r.kernel} ${r.case}: ${r.detail}`), formatReport(report)).toEqual([]);
    expect(report.results.some((r) => r.kernel === 'picked_blocks' && /with no allowed key/.test(r.detail))).toBe(true);
  }, 600_000);
});
