/**
 * @file Every example of the contract (language.md §2-§4, collected in fixtures/contract.sparse)
 * checks clean and gives the expected kernel fields.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { attention, checkText, gemm } from './helpers.js';

const text = readFileSync(new URL('./fixtures/contract.sparse', import.meta.url), 'utf8');
const result = checkText(text, 'contract.sparse');

describe('contract examples', () => {
  it('check clean', () => {
    expect(result.rendered).toBe('');
    expect(result.kernels.map((k) => k.name)).toEqual([
      'streaming_prefill', 'alibi_softcap', 'decode_gqa', 'inline_window', 'up_proj_24', 'spmm_90', 'intel_4x1', 'cats_down',
    ]);
  });

  it('streaming_prefill', () => {
    const k = attention(result, 'streaming_prefill');
    expect(k).toMatchObject({
      batch: 1, heads: 8, kvHeads: 2, headDim: 64, valueDim: 64, qLen: 4096, kvLen: 4096,
      dtype: 'f32', scale: null, score: null, outputs: ['out'], inputs: [], schedules: {},
      origin: { file: 'contract.sparse', line: 27, col: 1 },
    });
  });

  it('alibi_softcap', () => {
    const k = attention(result, 'alibi_softcap');
    expect(k).toMatchObject({ heads: 16, kvHeads: 16, headDim: 128, qLen: 'dynamic', kvLen: 'dynamic', dtype: 'f16', outputs: ['out'] });
    expect(k.mask).toEqual({ op: 'binary', type: 'bool', fn: 'le', a: { op: 'var', type: 'int', name: 'k' }, b: { op: 'var', type: 'int', name: 'q' } });
    expect(k.score).toMatchObject({ op: 'binary', type: 'float', fn: 'mul', b: { op: 'unary', fn: 'tanh' } });
    expect(k.inputs).toEqual([{ kind: 'tensor', name: 'slopes', elem: 'f32', axes: [{ kind: 'size', name: 'heads' }] }]);
  });

  it('decode_gqa', () => {
    const k = attention(result, 'decode_gqa');
    expect(k).toMatchObject({ batch: 'dynamic', heads: 32, kvHeads: 8, headDim: 128, qLen: 1, kvLen: 'dynamic', dtype: 'bf16', outputs: ['out', 'lse'] });
    expect(k.inputs.map((i) => `${i.kind}:${i.name}`)).toEqual(['list:sel']);
  });

  it('inline_window', () => {
    expect(attention(result, 'inline_window')).toMatchObject({ heads: 4, headDim: 32, qLen: 256, kvLen: 256 });
  });

  it('gemm kernels', () => {
    expect(gemm(result, 'up_proj_24')).toMatchObject({ m: 'dynamic', n: 11008, k: 4096, weight: { format: 'nm', keep: 2, group: 4 }, dtype: 'f16', threshold: null, bias: false, epilogue: 'none' });
    expect(gemm(result, 'spmm_90')).toMatchObject({ m: 256, n: 1024, k: 1024, weight: { format: 'csr' }, dtype: 'f32' });
    expect(gemm(result, 'intel_4x1')).toMatchObject({ m: 'dynamic', n: 4096, k: 4096, weight: { format: 'bsr', r: 4, c: 1 } });
    expect(gemm(result, 'cats_down')).toMatchObject({ m: 1, n: 4096, k: 11008, threshold: 0.05, weight: { format: 'dense' } });
  });

  it('produces plain JSON-serialisable kernels', () => {
    expect(JSON.parse(JSON.stringify(result.kernels))).toEqual(result.kernels);
  });
});

describe('other accepted forms', () => {
  it('bias, epilogue, schedules and optional fields', () => {
    const r = checkText(`kernel g = gemm {
  m = 8; n = 16; k = 32; bias = f32[n]; epilogue = silu; weight = bsr(4, 8)
  schedule cuda { tile_m = 64; stage_shared = none; num_warps = 8; split_kv = auto }
  schedule interp {}
}
kernel a = attention(causal) {
  batch = 2; heads = 4; kv_heads = 1; head_dim = 16; value_dim = 32; q_len = 2 * 4; kv_len = 16
  scale = 0.25; outputs = lse, out
  schedule wasm { tile_q = 16 }
}`);
    expect(r.rendered).toBe('');
    expect(gemm(r, 'g')).toMatchObject({ bias: true, epilogue: 'silu', weight: { format: 'bsr', r: 4, c: 8 } });
    expect(gemm(r, 'g').schedules).toEqual({ cuda: { tile_m: 64, stage_shared: 'none', num_warps: 8, split_kv: 'auto' }, interp: {} });
    expect(attention(r, 'a')).toMatchObject({ batch: 2, kvHeads: 1, valueDim: 32, qLen: 8, kvLen: 16, scale: 0.25, outputs: ['lse', 'out'] });
  });

  it('a guard on the left of && narrows index ranges', () => {
    const ok = checkText(`pattern prev(doc: i32[kv_len]) = k > 0 && doc[k - 1] == doc[k]
kernel p = attention(prev) { heads = 1; head_dim = 8; seq = 8 }`);
    expect(ok.rendered).toBe('');
    const orGuard = checkText(`pattern prev(doc: i32[kv_len]) = k == 0 || doc[k - 1] == doc[k]`);
    expect(orGuard.rendered).toBe('');
  });

  it('dense_mask with q_len < kv_len is fine when indexed by qi', () => {
    const r = checkText(`pattern dense_mask(m: bool[q_len, kv_len]) = m[qi, k]
kernel d = attention(dense_mask) { heads = 1; head_dim = 8; q_len = 4; kv_len = 16 }`);
    expect(r.rendered).toBe('');
  });

  it('a table long enough for heads is fine; a dynamic heads cannot be proven out of range', () => {
    const r = checkText(`pattern moa(spans: int[] = [1, 2, 3, 4]) = causal && q - k < spans[h]
kernel a = attention(moa) { heads = 4; head_dim = 8; seq = 8 }
kernel b = attention(moa) { heads = dynamic; head_dim = 8; seq = 8 }`);
    expect(r.rendered).toBe('');
  });
});
