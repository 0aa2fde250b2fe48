/**
 * @file Decode-shaped products on wasm: the P.V product of 1 to 3 query rows takes wider column blocks (8 v128
 * accumulators: 1 row x 32 columns, 2 rows x 16), and K / V tiles read in place by such products are touched line by
 * line first. Small shapes against the float64 reference: column blocks of 32, 16, 8 and 4 floats, a row
 * remainder (3 rows), partial key tiles, zero weights (the skip_zero form) and touches of a tile that is not a whole
 * number of 256-byte groups.
 */
import { describe, expect, it } from 'vitest';
import { resolveAttentionSizes } from '../../src/harness/sizes.js';
import type { AttentionKernel } from '../../src/model/kernel.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { kernelWat } from '../../src/targets/wasm/module.js';
import { createWasmTarget } from '../../src/targets/wasm/target.js';
import { attentionFailures, kernelOf, randomValues } from '../regressions/run-targets.js';

const kernel = (mask: string, qLen: number, headDim: number, schedule = ''): AttentionKernel => kernelOf<AttentionKernel>(`kernel dec = attention(${mask}) {
  batch = 1; heads = 2; head_dim = ${headDim}; q_len = ${qLen}; kv_len = dynamic; dtype = f32
  ${schedule}
}`);

/** Touch loops in the printed function (each stores its xor sum through a `$ts` local). */
const touches = (k: AttentionKernel): number => (kernelWat(runPipeline(k, 'wasm').final, false).wat.match(/\(local \$ts\d+ i32\)/g) ?? []).length;

async function failures(k: AttentionKernel, kvLen: number, seed: number): Promise<string[]> {
  const s = resolveAttentionSizes(k, { kvLen });
  const inputs = { q: randomValues(s.heads * s.qLen * s.headDim, seed), k: randomValues(s.heads * kvLen * s.headDim, seed + 1), v: randomValues(s.heads * kvLen * s.headDim, seed + 2), runtime: {} };
  return attentionFailures(k, s, inputs, [createWasmTarget()]);
}

describe('wasm decode products', () => {
  it('touch the K and V tiles of f32 decode (1 query row), not those of 32-row prefill tiles', () => {
    expect(touches(kernel('causal', 1, 32))).toBe(2);
    expect(touches(kernel('causal', 64, 32))).toBe(0);
  });

  it('1, 2 and 3 query rows (column blocks of 32, 8, 16 and 4) match the reference (partial last key tile)', async () => {
    const cases = [[1, 32], [1, 24], [2, 32], [3, 20]] as const;
    for (const [qLen, d] of cases) {
      // causal with q_len > 1: the first query rows get zero weights at the last keys (the skip_zero form)
      expect({ qLen, d, failures: await failures(kernel('causal', qLen, d), 150, qLen * 100 + d) }).toEqual({ qLen, d, failures: [] });
    }
  }, 30_000);

  it('a masked window (zero weights inside whole tiles) and tiles of 384 bytes (one 256-byte group and two lines)', async () => {
    expect(await failures(kernel('causal && q - k < 40', 1, 32), 300, 7)).toEqual([]);
    const small = kernel('causal', 1, 12, 'schedule wasm { tile_k = 8 }');
    expect(touches(small)).toBe(2);
    expect(await failures(small, 61, 9)).toEqual([]);
  }, 30_000);
});
