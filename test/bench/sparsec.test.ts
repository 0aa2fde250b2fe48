/** @file sparsec's bench implementations: outputs match a JS reference on small cases, and `--quick` rows have the shape. */
import { describe, it, expect } from 'vitest';
import { attentionTensors } from '../../src/bench/framework/attention-work.js';
import { attentionCase, ATTENTION_CASE_NAMES, type AttentionShape } from '../../src/bench/framework/cases.js';
import { gemmCase, gemmData, GEMM_CASE_NAMES } from '../../src/bench/framework/gemm-cases.js';
import { applyThreshold } from '../../src/bench/peers/ort.js';
import { runBenchCommand } from '../../src/bench/main.js';
import { evaluateGoals } from '../../src/bench/sparsec/goals.js';
import { prepareSparsecAttention, prepareSparsecGemm } from '../../src/bench/sparsec/implementation.js';
import type { BenchRow } from '../../src/bench/framework/rows.js';
import { maxAbsDiff, referenceAttention, referenceGemm } from './reference.js';

/** Big enough for several 64-wide key tiles and one 64-block layout row per head, small enough to be quick. */
const SMALL: AttentionShape = { batch: 1, heads: 2, seq: 320, headDim: 16 };

describe('sparsec bench kernels', () => {
  it.each(ATTENTION_CASE_NAMES)('the %s kernel matches the masked-attention reference', async (name) => {
    const c = attentionCase(name, SMALL);
    const tensors = attentionTensors(c);
    const body = await prepareSparsecAttention(c, { threads: 1, dense: false }, tensors);
    try {
      await body.run();
      expect(body.kernel.kind).toBe('attention');
      expect(maxAbsDiff(body.output(), referenceAttention(c, tensors))).toBeLessThan(1e-4);
      expect(body.creditedFlops).toBeGreaterThan(0);
    } finally {
      await body.release?.();
    }
  });

  it.each(GEMM_CASE_NAMES)('the %s kernel matches Y = X W^T', async (name) => {
    const c = gemmCase(name, { m: 5, n: 24, k: 64 });
    const data = gemmData(c);
    const body = await prepareSparsecGemm(c, data, { threads: 1, dense: false });
    try {
      await body.run();
      await body.run(); // bound once, run repeatedly: the result must not drift
      const expected = referenceGemm(applyThreshold(data.x, data.threshold), data.w, c.m, c.n, c.k);
      expect(maxAbsDiff(body.output(), expected)).toBeLessThan(1e-4);
      expect(body.creditedFlops).toBe(data.liveFlops);
    } finally {
      await body.release?.();
    }
  });

  it('sparsec-dense attention attends to every key and is credited with dense FLOPs', async () => {
    const c = attentionCase('window', SMALL);
    const body = await prepareSparsecAttention(c, { threads: 1, dense: true });
    try {
      expect(body.kernel.kind === 'attention' && body.kernel.inputs.length).toBe(0);
      expect(body.creditedFlops).toBe(4 * SMALL.batch * SMALL.heads * SMALL.seq * SMALL.seq * SMALL.headDim);
    } finally {
      await body.release?.();
    }
  });
});

describe('sparsec bench --quick', () => {
  it('prints JSON rows for every implementation in one run, and goals from them', async () => {
    let out = '';
    let err = '';
    const code = await runBenchCommand({ quick: true, json: true, cases: ['window', 'gemm_nm24'] }, { out: (s) => { out += s; }, err: (s) => { err += s; } });
    expect(code, err).toBe(0);
    const rows = JSON.parse(out) as BenchRow[];
    expect(rows.map((r) => `${r.case} ${r.impl}`)).toEqual([
      'window sparsec', 'window sparsec-dense', 'window onnxruntime-web', 'window onnxruntime-node',
      'gemm_nm24 sparsec', 'gemm_nm24 sparsec-dense', 'gemm_nm24 onnxruntime-web', 'gemm_nm24 onnxruntime-node',
    ]);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['case', 'impl', 'target', 'threads', 'median_ms', 'gflops']));
      expect(r.median_ms).toBeGreaterThan(0);
      expect(r.gflops).toBeGreaterThan(0);
    }
    expect(rows.filter((r) => r.impl.startsWith('sparsec')).every((r) => r.target === 'wasm' && r.threads === 1)).toBe(true);
    expect(evaluateGoals(rows).map((g) => g.goal.split(':')[0])).toEqual(['window', 'window', 'window', 'gemm_nm24']);
  }, 120_000);

  it('refuses an unknown case or target with exit status 2', async () => {
    let err = '';
    const io = { out: () => {}, err: (s: string) => { err += s; } };
    expect(await runBenchCommand({ cases: ['nope'] }, io)).toBe(2);
    expect(await runBenchCommand({ target: 'cuda' }, io)).toBe(2);
    expect(err).toContain('unknown case');
  });
});
