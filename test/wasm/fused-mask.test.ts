/** @file The wasm printer fuses element-wise chains: a partial tile's mask is one pass over the score tile, and still right. */
import { describe, expect, it } from 'vitest';
import { checkKernelSource } from '../../src/bench/sparsec/kernels.js';
import { KERNEL_PREPARERS, type KernelRun } from '../../src/bench/kernel/bodies.js';
import type { AttentionKernel } from '../../src/model/kernel.js';
import { Rng, randomAttentionInputs, referenceAttention } from '../../src/reference/index.js';
import { getBackend } from '../../src/targets/index.js';

const SOURCE = `pattern win(sinks: int = 4, window: int = 100) = causal && (k < sinks || q - k < window)
kernel win_fused = attention(win) {
  heads = 2; head_dim = 16
  seq = dynamic
  dtype = f32
}
`;

describe('wasm element-wise fusion', () => {
  const kernel = checkKernelSource(SOURCE) as AttentionKernel;

  it('prints the mask of a partial tile and its select as one statement (no scratch tile per op)', () => {
    const wasm = getBackend('wasm')!;
    const wat = wasm.print(wasm.lower(kernel), kernel).text;
    const selects = wat.split('\n').filter((line) => line.includes('(v128.bitselect (v128.load') && line.includes('(i32x4.neg'));
    expect(selects.length).toBeGreaterThan(0);
    // causal (le), sinks (lt), window (sub, lt) and their or / and: every op of the mask inside the select's one store.
    for (const op of ['i32x4.le_s', 'i32x4.lt_s', 'i32x4.sub', 'v128.or', 'v128.and']) expect(selects[0]).toContain(op);
  });

  it('the fused kernel matches the float64 reference on poisoned outputs', async () => {
    const sizes = { batch: 1, heads: 2, kvHeads: 2, headDim: 16, valueDim: 16, qLen: 203, kvLen: 203 };
    const inputs = randomAttentionInputs(kernel, sizes, new Rng(5));
    const body = await KERNEL_PREPARERS.wasm({ kernel, sizes, inputs } as KernelRun, 1);
    try {
      await body.run();
      const out = await body.output();
      const expected = referenceAttention(kernel, sizes, inputs).out;
      let worst = 0;
      for (let i = 0; i < out.length; i++) worst = Math.max(worst, Number.isNaN(out[i]!) ? Infinity : Math.abs(out[i]! - expected[i]!));
      expect(worst).toBeLessThan(1e-4);
    } finally {
      await body.release();
    }
  });
});
