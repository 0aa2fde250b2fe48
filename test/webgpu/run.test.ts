import { describe, it, expect } from 'vitest';
import { verifyKernels } from '../../src/harness/verify.js';
import { createWebgpuTarget, webgpuTarget } from '../../src/targets/webgpu/target.js';
import { HAS_ADAPTER, kernelsOf } from './helpers.js';
import { skipTarget } from '../support/targets.js';

const SOURCE = `
pattern sink_window(sinks: int = 2, window: int = 9) = causal && (k < sinks || q - k < window)
kernel sw_f32 = attention(sink_window) { heads = 4; kv_heads = 2; head_dim = 16; seq = dynamic; outputs = out, lse }
kernel docs_bf16 = attention(causal && doc[q] == doc[k]) { heads = 2; head_dim = 8; seq = 40; dtype = bf16; doc: i32[kv_len] }
kernel vs_f16 = attention(causal && (k in cols[b, h] || q - k in diags[b, h])) {
  heads = 2; head_dim = 8; seq = 33; dtype = f16; cols: list<i32>[batch, heads]; diags: list<i32>[batch, heads] }
kernel softcap = attention(causal) { heads = 2; head_dim = 8; seq = 21; slopes: f32[heads]
  score = 30 * tanh((score - slopes[h] * (q - k)) / 30) }
kernel decode_split = attention(causal) { heads = 2; head_dim = 8; q_len = 1; kv_len = 70; schedule webgpu { split_kv = 4 } }
kernel g_nm = gemm { m = dynamic; n = 24; k = 40; weight = nm(2, 4); dtype = f16; epilogue = gelu }
kernel g_csr = gemm { m = 5; n = 20; k = 30; weight = csr; bias = f32[n]; input = threshold(0.1) }
kernel g_bsr = gemm { m = 3; n = 16; k = 24; weight = bsr(4, 2); dtype = bf16; epilogue = silu }
`;

describe.skipIf(skipTarget('webgpu', HAS_ADAPTER, 'no WebGPU adapter; run scripts/setup-webgpu.sh'))('webgpu target on Dawn', () => {
  const kernels = kernelsOf(SOURCE);

  it('passes verify on attention and gemm kernels of every storage type and format', async () => {
    const report = await verifyKernels(kernels, [webgpuTarget], { seed: 7, require: ['webgpu'] });
    const failed = report.results.filter((r) => r.status !== 'pass');
    expect(failed.map((r) => `${r.kernel} ${r.case}: ${r.detail}`)).toEqual([]);
    expect(new Set(report.results.map((r) => r.kernel)).size).toBe(kernels.length);
  });

  it('gives the same answers under another tiling', async () => {
    const target = createWebgpuTarget({ tile_q: 8, tile_k: 8, tile_m: 4, tile_n: 8, tile_kd: 8 });
    const picked = kernels.filter((k) => ['sw_f32', 'vs_f16', 'g_bsr'].includes(k.name));
    const report = await verifyKernels(picked, [target], { seed: 3, require: ['webgpu'] });
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => r.detail)).toEqual([]);
  });

  it('compiles a static kernel up front and reports the adapter as available', async () => {
    const [k] = kernelsOf('kernel plain = attention(causal) { heads = 1; head_dim = 4; seq = 8 }');
    const compiled = await webgpuTarget.compile(k!);
    expect(typeof compiled.runAttention).toBe('function');
    expect(await webgpuTarget.availability()).toEqual({ ok: true });
  });
});
