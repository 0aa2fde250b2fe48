// Patterns with runtime inputs, a score modifier with a kernel input, and sparse gemms, from TypeScript.
// The same declarations in .sparse form are in the comments.
import { pattern, kernel, causal, q, k, b, h, i32, list, f32, lit, tanh, nm, threshold } from 'sparsec';

// pattern document(doc: i32[kv_len]) = causal && doc[q] == doc[k]
export const document = pattern('document', { doc: i32('kv_len') },
  ({ doc }) => causal.and(doc.at(q).eq(doc.at(k))));

// pattern vertical_slash(cols: list<i32>[batch, heads], diags: list<i32>[batch, heads]) =
//   causal && (k in cols[b, h] || q - k in diags[b, h])
const verticalSlash = pattern('vertical_slash', { cols: list('batch', 'heads'), diags: list('batch', 'heads') },
  ({ cols, diags }) => causal.and(k.in(cols.at(b, h)).or(q.sub(k).in(diags.at(b, h)))));

// kernel packed_prefill = attention(document) { heads = 8; head_dim = 64; seq = dynamic; dtype = f16 }
export const packedPrefill = kernel.attention('packed_prefill', document,
  { heads: 8, headDim: 64, seq: 'dynamic', dtype: 'f16' });

// kernel minference = attention(vertical_slash) { heads = 4; head_dim = 64; q_len = 256; kv_len = 1024; outputs = out, lse }
// (vertical_slash is not exported; it is collected because this kernel uses it)
export const minference = kernel.attention('minference', verticalSlash,
  { heads: 4, headDim: 64, qLen: 256, kvLen: 1024, outputs: ['out', 'lse'] });

// kernel alibi_softcap = attention(causal) {
//   heads = 16; head_dim = 128; seq = dynamic; dtype = f16
//   slopes: f32[heads]
//   score = 30 * tanh((score - slopes[h] * (q - k)) / 30)
// }
export const alibiSoftcap = kernel.attention('alibi_softcap', causal, {
  heads: 16, headDim: 128, seq: 'dynamic', dtype: 'f16',
  inputs: { slopes: f32('heads') },
  score: (s, { slopes }) => lit(30).mul(tanh(s.sub(slopes.at(h).mul(q.sub(k))).div(30))),
});

// kernel up_proj_24 = gemm { m = dynamic; n = 11008; k = 4096; weight = nm(2, 4); dtype = f16 }
export const upProj = kernel.gemm('up_proj_24', { m: 'dynamic', n: 11008, k: 4096, weight: nm(2, 4), dtype: 'f16' });

// kernel cats_down = gemm { m = 1; n = 4096; k = 11008; input = threshold(0.05); weight = dense; bias = f32[n]; epilogue = relu }
export const catsDown = kernel.gemm('cats_down',
  { m: 1, n: 4096, k: 11008, input: threshold(0.05), weight: 'dense', bias: true, epilogue: 'relu' });
