import { it } from 'vitest';
import { checkText } from './helpers.js';
const cases = [
`pattern sliding(window: int) = causal && q - k < windw`,
`pattern p(m: bool[q_len, kv_len]) = m[q, k]
kernel x = attention(p) { heads = 2; head_dim = 8; q_len = 4; kv_len = 16 }`,
`pattern moa(spans: int[] = [1, 2]) = k < spans[h]
kernel x = attention(moa) { heads = 4; head_dim = 8; seq = 16 }`,
`pattern a = b2 && causal
pattern b2 = a`,
`pattern s(window: int) = q - k < window
kernel x = attention(s(windw = 3)) { heads = 4; head_dim = 8; seq = 16 }`,
`kernel x = attention(causal) { heads = 4; head_dim = 8; seq = 16; q_len = 4 }`,
`kernel x = attention(causal) { heads = 6; kv_heads = 4; head_dim = 8; seq = 16 }`,
`kernel x = gemm { m = 4; n = 8; k = 6; weight = nm(2, 4) }`,
`kernel x = attention(causal) { hedas = 4; head_dim = 8; seq = 16 }`,
`pattern p(w: int) = q - k < w
kernel x = attention(p(q)) { heads = 4; head_dim = 8; seq = 16 }`,
`pattern d(doc: i32[kv_len]) = doc[q] == doc[k]
pattern g(sel: list<i32>[batch, kv_heads]) = k in sel[b, kvh]
pattern doc2(doc: f32[kv_len]) = doc[q] > 0.5
kernel x = attention(d && doc2) { heads = 4; head_dim = 8; seq = 16 }`,
`pattern p = q - k`,
`pattern p = q > 0 && tanh(q) > 0.5`,
`kernel x = attention(causal) { heads = 4; head_dim = 8; seq = 16; score = score > 1 }`,
`pattern p = causal && popcount(1.5) == 1`,
`pattern p(x: i32[kv_len]) = k in x`,
`pattern p(x: i32[kv_len]) = x[q, k] == 1`,
`pattern p(x: blocks<4, 4>) = x[b, h, q / 4]`,
`pattern p = qb(0) == kb(0)`,
`pattern p(w: int = 1.5) = k < w`,
`pattern p(w: int[] = [1.5]) = k < w[0]`,
`pattern p(w: int) = k < w
kernel x = attention(p) { heads = 4; head_dim = 8; seq = 16 }`,
`pattern p(w: int) = k < w
kernel x = attention(p(1, 2)) { heads = 4; head_dim = 8; seq = 16 }`,
`kernel x = attention(causal) { heads = 4; head_dim = 8; seq = 16; score = score + window }`,
`pattern p = q - k > 0 ? 1 : true`,
`pattern p = causal && q / 0 > 1`,
`pattern p = q > 0 && k[0] == 1`,
`pattern p = window(3)`,
`pattern p = foo(3)`,
`kernel x = gemm { m = 4; n = 8; k = 6; weight = bsr(3, 4) }`,
`kernel x = attention(causal) { heads = 4; head_dim = 8; seq = 16; dtype = f64 }`,
`kernel x = attention(causal) { heads = 4; head_dim = 8; seq = 16; schedule cuda { tile = 64; tile = 32 } schedule wsam {} }`,
`kernel x = attention(causal) { heads = 4; head_dim = 8; seq = 16 }
kernel x = gemm { m = 1; n = 1; k = 1 }`,
];
it('scratch', () => {
  for (const c of cases) { const r = checkText(c); console.log('----\n' + r.rendered + `\n(kernels: ${r.kernels.length})`); }
});
