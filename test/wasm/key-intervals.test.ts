/** @file Sinks + window walks its key tiles as closed-form loop bounds (several intervals, no plan) where the target table's `key_intervals` allows it (wasm, neon), and stays right. */
import { describe, expect, it } from 'vitest';
import { checkKernelSource } from '../../src/bench/sparsec/kernels.js';
import { KERNEL_PREPARERS, type KernelRun } from '../../src/bench/kernel/bodies.js';
import type { AttentionKernel, AttentionSizes } from '../../src/model/kernel.js';
import { keyWalk } from '../../src/passes/attention-space.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { printKernel } from '../../src/ir/print.js';
import { checkTargetSettings, problemText } from '../../src/passes/target-table.js';
import { Rng, randomAttentionInputs, referenceAttention } from '../../src/reference/index.js';

const PATTERN = 'pattern win(sinks: int = 4, window: int = 100) = causal && (k < sinks || q - k < window)';
const PREFILL = `${PATTERN}\nkernel win_bounds = attention(win) {\n  heads = 2; head_dim = 16\n  seq = dynamic\n  dtype = f32\n}\n`;
const DECODE = `${PATTERN}\nkernel win_decode = attention(win(sinks = 3, window = 70)) {\n  heads = 2; head_dim = 16\n  q_len = 1; kv_len = dynamic\n  dtype = f32\n}\n`;

async function worstError(kernel: AttentionKernel, sizes: AttentionSizes, threads: number, seed: number): Promise<number> {
  const inputs = randomAttentionInputs(kernel, sizes, new Rng(seed));
  const body = await KERNEL_PREPARERS.wasm({ kernel, sizes, inputs } as KernelRun, threads);
  try {
    await body.run();
    const out = await body.output();
    const expected = referenceAttention(kernel, sizes, inputs).out;
    expect(out.length).toBe(expected.length);
    let worst = 0;
    for (let i = 0; i < out.length; i++) worst = Math.max(worst, Number.isNaN(out[i]!) ? Infinity : Math.abs(out[i]! - expected[i]!));
    return worst;
  } finally {
    await body.release();
  }
}

describe('closed-form key intervals as loop bounds', () => {
  const prefill = checkKernelSource(PREFILL) as AttentionKernel;
  const decode = checkKernelSource(DECODE) as AttentionKernel;

  it('sinks + window is two ranges with key_intervals >= 2, a plan with 1', () => {
    const walk = keyWalk(prefill, 32, 64, undefined, 3);
    expect(walk.kind).toBe('bounds');
    if (walk.kind === 'bounds') expect(walk.ranges.length).toBe(2);
    expect(keyWalk(prefill, 32, 64).kind).toBe('plan');
  });

  it('wasm and neon walk bounds (no plan buffers); webgpu and cuda keep the plan (their printed code is unchanged)', () => {
    for (const [target, plan] of [['wasm', false], ['neon', false], ['webgpu', true], ['cuda', true]] as const) {
      const r = runPipeline(prefill, target);
      expect(r.walk?.kind, target).toBe(plan ? 'plan' : 'bounds');
      expect(printKernel(r.final).includes('plan.'), target).toBe(plan);
    }
  });

  it('key_intervals is validated by the table rules', () => {
    expect(checkTargetSettings('wasm', { key_intervals: 2 })).toEqual([]);
    const text = (target: string, v: number): string => checkTargetSettings(target, { key_intervals: v }).map((p) => problemText(target, p)).join(' ');
    expect(text('wasm', 9)).toMatch(/key_intervals.*\[1, 3\]/);
    expect(text('wasm', 0)).toMatch(/key_intervals.*\[1, 3\]/);
    expect(text('webgpu', 2)).toMatch(/unknown schedule setting 'key_intervals'/);
  });

  it('prefill matches the float64 reference where the sink and window tiles overlap, meet and lie apart', async () => {
    for (const seq of [1, 5, 64, 65, 130, 203, 333]) {
      const sizes = { batch: 1, heads: 2, kvHeads: 2, headDim: 16, valueDim: 16, qLen: seq, kvLen: seq };
      expect(await worstError(prefill, sizes, 1, seq), `seq ${seq}`).toBeLessThan(1e-4);
    }
  });

  it('decode (split-KV chunks over the live tiles of both ranges) matches the reference with 1 and 2 threads', async () => {
    for (const kvLen of [1, 70, 200, 1000]) {
      for (const threads of [1, 2]) {
        const sizes = { batch: 1, heads: 2, kvHeads: 2, headDim: 16, valueDim: 16, qLen: 1, kvLen };
        expect(await worstError(decode, sizes, threads, kvLen), `kv ${kvLen}, ${threads} threads`).toBeLessThan(1e-4);
      }
    }
  });
});
