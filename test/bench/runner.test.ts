import { describe, it, expect } from 'vitest';
import { attentionWork } from '../../src/bench/framework/attention-work.js';
import { attentionCase } from '../../src/bench/framework/cases.js';
import { runBench, type BenchImplementation } from '../../src/bench/framework/runner.js';

const shape = { batch: 1, heads: 2, seq: 256, headDim: 16 };
const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));

/** A stand-in for sparsec's wasm kernels: attention only, credited with live-tile FLOPs. */
function fakeSparsec(prepared: string[], released: string[]): BenchImplementation {
  return {
    impl: 'sparsec',
    target: 'wasm',
    threads: 1,
    denseOnly: false,
    prepareAttention: async (c) => {
      prepared.push(c.name);
      return { creditedFlops: attentionWork(c).liveFlops, run: () => sleep(2), release: () => { released.push(c.name); } };
    },
    prepareGemm: async () => null,
  };
}

describe('runBench with a plugged-in implementation', () => {
  it('times every case it supports, credits its own FLOPs, leaves out cases it has no kernel for', async () => {
    const prepared: string[] = [];
    const released: string[] = [];
    const { rows, notes } = await runBench([fakeSparsec(prepared, released)], {
      cases: ['causal', 'window', 'gemm_dense'],
      attentionShape: shape,
      gemmShape: { m: 2, n: 8, k: 8 },
      timing: { warmup: 1, minRuns: 3, minMs: 0 },
    });
    expect(rows.map((r) => r.case)).toEqual(['causal', 'window']);
    expect(prepared).toEqual(['causal', 'window']);
    expect(released).toEqual(['causal', 'window']);
    const live = attentionWork(attentionCase('causal', shape)).liveFlops;
    const causal = rows[0]!;
    expect(causal.median_ms).toBeGreaterThanOrEqual(1.5);
    expect(causal.gflops).toBeCloseTo(live / (causal.median_ms * 1e6), 1);
    expect(causal.live_gflop).toBeCloseTo(live / 1e9, 4);
    expect(notes.some((n) => n.includes('timing reused'))).toBe(false);
  });
});
