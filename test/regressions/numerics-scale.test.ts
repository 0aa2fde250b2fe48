/**
 * @file Numerics and scale on every available target against the float64 reference: scores of 1e4, soft-capped
 * scores, split-KV decode whose lse merges span very different magnitudes, and kv_len 131072 on the run-time
 * planner path (document ids) and the closed-form path (sinks + window), with the memory used printed.
 */
import { describe, expect, it } from 'vitest';
import type { AttentionKernel } from '../../src/model/kernel.js';
import { resolveAttentionSizes } from '../../src/harness/sizes.js';
import { buildPlan } from '../../src/runtime/plan/planner.js';
import { attentionFailures, kernelOf, randomValues } from './run-targets.js';

const scaled = (n: number, seed: number, by: number): Float32Array => randomValues(n, seed).map((x) => x * by);

describe('numerics', () => {
  it('scores of 1e4 (Q and K of magnitude 100)', async () => {
    const kernel = kernelOf<AttentionKernel>('kernel big_scores = attention(causal) { heads = 2; head_dim = 8; seq = 40; outputs = out, lse }');
    const s = resolveAttentionSizes(kernel);
    const inputs = { q: scaled(2 * 40 * 8, 1, 100), k: scaled(2 * 40 * 8, 2, 100), v: randomValues(2 * 40 * 8, 3), runtime: {} };
    expect(await attentionFailures(kernel, s, inputs)).toEqual([]);
  });
  it('soft-capped scores (50 tanh(s / 50)) of large inputs', async () => {
    const kernel = kernelOf<AttentionKernel>('kernel capped = attention(causal && q - k < 24) { heads = 2; head_dim = 8; seq = 50; score = 50.0 * tanh(score / 50.0); outputs = out, lse }');
    const s = resolveAttentionSizes(kernel);
    const inputs = { q: scaled(2 * 50 * 8, 4, 30), k: scaled(2 * 50 * 8, 5, 30), v: randomValues(2 * 50 * 8, 6), runtime: {} };
    expect(await attentionFailures(kernel, s, inputs)).toEqual([]);
  });
  it('split-KV decode: lse merges of chunks whose scores differ by thousands', async () => {
    const kernel = kernelOf<AttentionKernel>(`kernel split_merge = attention(causal) {
      batch = 2; heads = 4; kv_heads = 2; head_dim = 8; q_len = 1; kv_len = 700; outputs = out, lse
      schedule interp { split_kv = 5 }
      schedule wasm { split_kv = 5 }
      schedule webgpu { split_kv = 5 }
    }`);
    const s = resolveAttentionSizes(kernel);
    const k = randomValues(2 * 2 * 700 * 8, 8);
    for (let i = 0; i < 2 * 2 * 700; i++) if ((i % 700) > 500) for (let d = 0; d < 8; d++) k[i * 8 + d]! *= 60;
    const inputs = { q: scaled(2 * 4 * 8, 7, 10), k, v: randomValues(2 * 2 * 700 * 8, 9), runtime: {} };
    expect(await attentionFailures(kernel, s, inputs)).toEqual([]);
  });
});

describe('scale: kv_len 131072', () => {
  const KV = 131072;
  it('decode over 131072 keys on the planner path (document ids) and the closed-form path (sinks + window)', async () => {
    const kernels = [
      kernelOf<AttentionKernel>(`pattern docs(doc: i32[kv_len]) = causal && doc[q] == doc[k]\nkernel long_doc = attention(docs) { batch = 2; heads = 2; kv_heads = 1; head_dim = 8; q_len = 1; kv_len = dynamic; outputs = out, lse }`),
      kernelOf<AttentionKernel>(`kernel long_window = attention(causal && (k < 4 || q - k < 65536)) { batch = 2; heads = 2; kv_heads = 1; head_dim = 8; q_len = 1; kv_len = dynamic; outputs = out, lse }`),
    ];
    for (const kernel of kernels) {
      const s = resolveAttentionSizes(kernel, { kvLen: KV, batch: 2 });
      const doc = new Int32Array(KV).map((_, i) => Math.floor(i / 9000));
      const before = process.memoryUsage();
      const failures = await attentionFailures(kernel, s, { q: randomValues(2 * 2 * 8, 1), k: randomValues(2 * KV * 8, 2), v: randomValues(2 * KV * 8, 3), runtime: kernel.inputs.length ? { doc } : {} });
      const after = process.memoryUsage();
      console.log(`${kernel.name}: kv_len ${KV}, rss ${(after.rss / 2 ** 20).toFixed(0)} MiB (+${((after.rss - before.rss) / 2 ** 20).toFixed(0)}), heap ${(after.heapUsed / 2 ** 20).toFixed(0)} MiB`);
      expect(failures).toEqual([]);
    }
  }, 300_000);
  it('prefill plan of 131072 x 131072 (document ids) builds in O(tiles) without overflow', () => {
    const kernel = kernelOf<AttentionKernel>(`pattern docs(doc: i32[kv_len]) = causal && doc[q] == doc[k]\nkernel long_plan = attention(docs) { heads = 2; head_dim = 64; seq = dynamic }`);
    const sizes = resolveAttentionSizes(kernel, { qLen: KV, kvLen: KV });
    const doc = new Int32Array(KV).map((_, i) => Math.floor(i / 8192));
    const start = performance.now();
    const before = process.memoryUsage().rss;
    const plan = buildPlan(kernel.mask, kernel.inputs, sizes, { doc }, 128, 128);
    const ms = performance.now() - start;
    console.log(`plan 131072^2 at 128x128 tiles: ${plan.kTiles.length} live tiles in ${ms.toFixed(0)} ms, rss +${((process.memoryUsage().rss - before) / 2 ** 20).toFixed(0)} MiB`);
    // 16 documents of 8192 keys: each document's causal triangle, 64 query tiles x up to 64 key tiles
    expect(plan.kTiles.length).toBe(16 * (64 * 65) / 2);
    expect(plan.rowPtr[plan.rowPtr.length - 1]).toBe(plan.kTiles.length);
    for (let i = 1; i < plan.rowPtr.length; i++) expect(plan.rowPtr[i]! >= plan.rowPtr[i - 1]!).toBe(true);
  }, 120_000);
});
