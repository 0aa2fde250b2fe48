import { describe, it, expect } from 'vitest';
import { runPeerBench } from '../../src/bench/peers/run.js';
import { parseCommandLine } from '../../src/bench/peers-main.js';

describe('runPeerBench', () => {
  it('produces one row per case and peer, reusing the dense gemm timing across formats of one shape', async () => {
    const messages: string[] = [];
    const { rows, notes } = await runPeerBench({
      cases: ['causal', 'gemm_dense', 'gemm_csr90'],
      peers: ['onnxruntime-web', 'onnxruntime-node'],
      threads: 1,
      nodeThreads: 1,
      attentionShape: { batch: 1, heads: 2, seq: 64, headDim: 16 },
      gemmShape: { m: 4, n: 32, k: 32 },
      timing: { warmup: 1, minRuns: 2, minMs: 0 },
      progress: (m) => messages.push(m),
    });
    expect(rows.map((r) => `${r.case}/${r.impl}`)).toEqual([
      'causal/onnxruntime-web', 'causal/onnxruntime-node',
      'gemm_dense/onnxruntime-web', 'gemm_dense/onnxruntime-node',
      'gemm_csr90/onnxruntime-web', 'gemm_csr90/onnxruntime-node',
    ]);
    for (const r of rows) {
      expect(r.median_ms).toBeGreaterThan(0);
      expect(r.gflops).toBeGreaterThan(0);
      expect(r.runs).toBe(2);
    }
    expect(rows[0]).toMatchObject({ target: 'wasm', threads: 1, density: 0.5078 });
    expect(rows[3]).toMatchObject({ target: 'cpu', threads: 1, density: 1 });
    expect(rows[4]!.median_ms).toBe(rows[2]!.median_ms);
    expect(rows[4]!.density).toBeCloseTo(0.0938, 3);
    expect(messages).toHaveLength(4);
    expect(notes.filter((n) => n.includes('timing reused'))).toHaveLength(2);
    expect(notes.filter((n) => n.includes('process CPU / wall'))).toHaveLength(4);
  });
});

describe('peers-main command line', () => {
  it('defaults to every case, both peers, 1 wasm thread, full timing', () => {
    const { options, json } = parseCommandLine([]);
    expect(options.cases).toHaveLength(9);
    expect(options.peers).toEqual(['onnxruntime-web', 'onnxruntime-node']);
    expect(options.threads).toBe(1);
    expect(options.attentionShape).toBeUndefined();
    expect(json).toBe(false);
  });
  it('reads --quick, --threads, --cases, --peers, --json, --plot', () => {
    const { options, json, plot } = parseCommandLine(['--quick', '--threads', '2', '--cases', 'causal,gemv_threshold50', '--peers', 'node', '--json', '--plot', 'x.svg']);
    expect(options.attentionShape?.seq).toBe(1024);
    expect(options.threads).toBe(2);
    expect(options.cases).toEqual(['causal', 'gemv_threshold50']);
    expect(options.peers).toEqual(['onnxruntime-node']);
    expect([json, plot]).toEqual([true, 'x.svg']);
  });
  it('rejects unknown cases and bad thread counts', () => {
    expect(() => parseCommandLine(['--cases', 'causl'])).toThrow(/unknown 'causl'/);
    expect(() => parseCommandLine(['--threads', '0'])).toThrow(/positive integer/);
    expect(() => parseCommandLine(['--frobnicate'])).toThrow();
  });
});
