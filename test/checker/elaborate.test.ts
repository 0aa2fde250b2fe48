/**
 * @file Elaboration: the CExpr produced for contract patterns (shape and folding) and its meaning,
 * checked by evaluating masks with `evalExpr` against hand-written truth at many points.
 */
import { describe, expect, it } from 'vitest';
import { evalExpr, popcount32, type EvalEnv } from '../../src/model/eval.js';
import type { CExpr, SizeName } from '../../src/model/expr.js';
import type { AttentionKernel } from '../../src/model/kernel.js';
import type { RuntimeValues } from '../../src/model/values.js';
import { attention, checkText } from './helpers.js';

const PATTERNS = `
pattern streaming(sinks: int = 4, window: int = 1024) = causal && (k < sinks || q - k < window)
pattern power(block: int = 64, local: int = 2) =
  causal && (qb(block) - kb(block) < local || popcount(qb(block) - kb(block)) == 1)
pattern document(doc: i32[kv_len]) = causal && doc[q] == doc[k]
pattern duo(streaming_heads: bool[heads], sinks: int = 4, window: int = 256) =
  causal && (!streaming_heads[h] || k < sinks || q - k < window)
pattern moa(spans: int[] = [128, 256, 512, 1024, 2048, 4096, 4096, 4096]) = causal && (k < 4 || q - k < spans[h])
pattern vertical_slash(cols: list<i32>[batch, heads], diags: list<i32>[batch, heads]) =
  causal && (k in cols[b, h] || q - k in diags[b, h])
pattern gather(sel: list<i32>[batch, kv_heads]) = k in sel[b, kvh]
pattern dense_mask(m: bool[q_len, kv_len]) = m[qi, k]
pattern dilated(window: int, stride: int) = causal && q - k < window * stride && (q - k) % stride == 0
`;

/** Checks PATTERNS plus `kernels`, failing the test on any diagnostic. */
function kernelsOf(kernels: string) {
  const r = checkText(PATTERNS + kernels);
  expect(r.rendered).toBe('');
  return r;
}

function sizesOf(k: AttentionKernel, dyn: Partial<Record<SizeName, number>> = {}): Record<SizeName, number> {
  const pick = (name: SizeName, s: number | 'dynamic'): number => {
    if (s !== 'dynamic') return s;
    const v = dyn[name];
    if (v === undefined) throw new Error(`size ${name} is dynamic`);
    return v;
  };
  return {
    batch: pick('batch', k.batch), heads: pick('heads', k.heads), kv_heads: pick('kv_heads', k.kvHeads),
    head_dim: pick('head_dim', k.headDim), value_dim: pick('value_dim', k.valueDim),
    q_len: pick('q_len', k.qLen), kv_len: pick('kv_len', k.kvLen),
  };
}

/** Evaluates the mask of `k` at every (b, h, q, k) and compares with `truth`. */
function expectMask(
  kernel: AttentionKernel,
  truth: (p: { b: number; h: number; q: number; k: number }) => boolean,
  runtime: RuntimeValues = {},
  dyn: Partial<Record<SizeName, number>> = {},
): void {
  const sizes = sizesOf(kernel, dyn);
  const inputs = new Map(kernel.inputs.map((i) => [i.name, i]));
  let checked = 0;
  for (let b = 0; b < sizes.batch; b++) {
    for (let h = 0; h < sizes.heads; h++) {
      for (let q = sizes.kv_len - sizes.q_len; q < sizes.kv_len; q++) {
        for (let k = 0; k < sizes.kv_len; k++) {
          const env: EvalEnv = { vars: { b, h, q, k }, sizes, runtime, inputs };
          const got = evalExpr(kernel.mask, env) === 1;
          if (got !== truth({ b, h, q, k })) throw new Error(`mask differs at b=${b} h=${h} q=${q} k=${k}: got ${got}`);
          checked++;
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(0);
}

describe('elaborated CExpr', () => {
  it('inlines streaming with a named argument and folds the constants', () => {
    const r = kernelsOf(`kernel s = attention(streaming(window = 2 * 128)) { heads = 2; head_dim = 8; seq = 512 }`);
    const k = attention(r, 's');
    const v = (name: 'q' | 'k'): CExpr => ({ op: 'var', type: 'int', name });
    const c = (value: number): CExpr => ({ op: 'const', type: 'int', value });
    expect(k.mask).toEqual({
      op: 'binary', type: 'bool', fn: 'and',
      a: { op: 'binary', type: 'bool', fn: 'le', a: v('k'), b: v('q') },
      b: {
        op: 'binary', type: 'bool', fn: 'or',
        a: { op: 'binary', type: 'bool', fn: 'lt', a: v('k'), b: c(4) },
        b: { op: 'binary', type: 'bool', fn: 'lt', a: { op: 'binary', type: 'int', fn: 'sub', a: v('q'), b: v('k') }, b: c(256) },
      },
    });
  });

  it('expands qi with static sizes into q minus a constant, and with dynamic sizes into size nodes', () => {
    const r = kernelsOf(`
kernel fixed = attention(dense_mask) { heads = 1; head_dim = 8; q_len = 4; kv_len = 12 }
kernel dyn = attention(dense_mask) { heads = 1; head_dim = 8; seq = dynamic }`);
    const fixed = attention(r, 'fixed').mask;
    expect(fixed).toMatchObject({ op: 'load', input: 'm', type: 'bool' });
    expect(fixed.op === 'load' && fixed.indices[0]).toEqual({
      op: 'binary', type: 'int', fn: 'sub', a: { op: 'var', type: 'int', name: 'q' }, b: { op: 'const', type: 'int', value: 8 },
    });
    const dyn = attention(r, 'dyn').mask;
    expect(dyn.op === 'load' && dyn.indices[0]).toEqual({
      op: 'binary', type: 'int', fn: 'sub', a: { op: 'var', type: 'int', name: 'q' },
      b: { op: 'binary', type: 'int', fn: 'sub', a: { op: 'size', type: 'int', name: 'kv_len' }, b: { op: 'size', type: 'int', name: 'q_len' } },
    });
  });

  it('expands kvh into h / (heads / kv_heads), folded when static', () => {
    const r = kernelsOf(`kernel g = attention(gather) { heads = 8; kv_heads = 2; head_dim = 8; q_len = 1; kv_len = dynamic }`);
    const mask = attention(r, 'g').mask;
    expect(mask.op).toBe('member');
    expect(mask.op === 'member' && mask.indices[1]).toEqual({
      op: 'binary', type: 'int', fn: 'div', a: { op: 'var', type: 'int', name: 'h' }, b: { op: 'const', type: 'int', value: 4 },
    });
    expect(attention(r, 'g').inputs).toEqual([
      { kind: 'list', name: 'sel', elem: 'i32', axes: [{ kind: 'size', name: 'batch' }, { kind: 'size', name: 'kv_heads' }] },
    ]);
  });

  it('inserts tofloat where an int meets a float', () => {
    const r = kernelsOf(`kernel f = attention(causal && q * 0.5 < k) { heads = 1; head_dim = 8; seq = 8 }`);
    const mask = attention(r, 'f').mask;
    expect(JSON.stringify(mask)).toContain('"fn":"tofloat"');
    expectMask(attention(r, 'f'), ({ q, k }) => k <= q && q * 0.5 < k);
  });

  it('builds a float score modifier with tofloat and the kernel input', () => {
    const r = kernelsOf(`kernel a = attention(causal) {
  heads = 2; head_dim = 8; seq = dynamic
  slopes: f32[heads]
  score = score - slopes[h] * (q - k)
}`);
    const k = attention(r, 'a');
    expect(k.score?.type).toBe('float');
    expect(k.inputs).toEqual([{ kind: 'tensor', name: 'slopes', elem: 'f32', axes: [{ kind: 'size', name: 'heads' }] }]);
    const sizes = sizesOf(k, { q_len: 8, kv_len: 8 });
    const env: EvalEnv = {
      vars: { b: 0, h: 1, q: 7, k: 3, score: 2 }, sizes, runtime: { slopes: new Float32Array([0.5, 0.25]) }, inputs: new Map(k.inputs.map((i) => [i.name, i])),
    };
    expect(evalExpr(k.score!, env)).toBeCloseTo(2 - 0.25 * 4);
  });

  it('keeps scale null by default and reads an explicit one', () => {
    const r = kernelsOf(`
kernel d = attention(causal) { heads = 1; head_dim = 64; seq = 8 }
kernel e = attention(causal) { heads = 1; head_dim = 64; seq = 8; scale = 1 / sqrt(head_dim) }`);
    expect(attention(r, 'd').scale).toBeNull();
    expect(attention(r, 'e').scale).toBeCloseTo(0.125);
  });
});

describe('mask semantics (evalExpr against hand-computed truth)', () => {
  it('streaming (defaults and overrides)', () => {
    const r = kernelsOf(`kernel s = attention(streaming(sinks = 2, window = 3)) { heads = 1; head_dim = 8; seq = 16 }`);
    expectMask(attention(r, 's'), ({ q, k }) => k <= q && (k < 2 || q - k < 3));
  });

  it('streaming in decode and chunked prefill (absolute positions)', () => {
    const r = kernelsOf(`kernel s = attention(streaming(window = 3)) { heads = 1; head_dim = 8; q_len = 3; kv_len = 10 }`);
    expectMask(attention(r, 's'), ({ q, k }) => k <= q && (k < 4 || q - k < 3));
  });

  it('power (qb, kb, popcount)', () => {
    const r = kernelsOf(`kernel p = attention(power(block = 2, local = 1)) { heads = 1; head_dim = 8; seq = 24 }`);
    expectMask(attention(r, 'p'), ({ q, k }) => {
      const d = Math.floor(q / 2) - Math.floor(k / 2);
      return k <= q && (d < 1 || popcount32(d) === 1);
    });
  });

  it('dilated (floored remainder)', () => {
    const r = kernelsOf(`kernel d = attention(dilated(window = 3, stride = 2)) { heads = 1; head_dim = 8; seq = 16 }`);
    expectMask(attention(r, 'd'), ({ q, k }) => k <= q && q - k < 6 && (q - k) % 2 === 0);
  });

  it('moa (table per head)', () => {
    const r = kernelsOf(`kernel m = attention(moa(spans = [1, 2, 3, 5])) { heads = 4; head_dim = 8; seq = 12 }`);
    const spans = [1, 2, 3, 5];
    expectMask(attention(r, 'm'), ({ h, q, k }) => k <= q && (k < 4 || q - k < spans[h]!));
  });

  it('duo (bool tensor per head)', () => {
    const r = kernelsOf(`kernel d = attention(duo(window = 2, sinks = 1)) { heads = 2; head_dim = 8; seq = 10 }`);
    const k = attention(r, 'd');
    expect(k.inputs.map((i) => i.name)).toEqual(['streaming_heads']);
    const heads = new Uint8Array([1, 0]);
    expectMask(k, ({ h, q, k: kk }) => kk <= q && (!heads[h] || kk < 1 || q - kk < 2), { streaming_heads: heads });
  });

  it('document with a kernel input passed by name (renamed to the caller input)', () => {
    const r = kernelsOf(`kernel d = attention(document(doc = ids)) {
  heads = 1; head_dim = 8; seq = 8
  ids: i32[kv_len]
}`);
    const k = attention(r, 'd');
    expect(k.inputs).toEqual([{ kind: 'tensor', name: 'ids', elem: 'i32', axes: [{ kind: 'size', name: 'kv_len' }] }]);
    const ids = new Int32Array([0, 0, 0, 1, 1, 2, 2, 2]);
    expectMask(k, ({ q, k: kk }) => kk <= q && ids[q] === ids[kk], { ids });
  });

  it('vertical_slash (ragged lists), inputs in declaration order', () => {
    const r = kernelsOf(`kernel v = attention(vertical_slash) { batch = 1; heads = 1; head_dim = 8; seq = 8 }`);
    const k = attention(r, 'v');
    expect(k.inputs.map((i) => i.name)).toEqual(['cols', 'diags']);
    const cols = { offsets: new Int32Array([0, 2]), values: new Int32Array([0, 5]) };
    const diags = { offsets: new Int32Array([0, 2]), values: new Int32Array([0, 3]) };
    expectMask(k, ({ q, k: kk }) => kk <= q && (kk === 0 || kk === 5 || q - kk === 0 || q - kk === 3), { cols, diags });
  });

  it('dense_mask with dynamic sizes reads row qi', () => {
    const r = kernelsOf(`kernel m = attention(dense_mask) { heads = 1; head_dim = 8; q_len = dynamic; kv_len = dynamic }`);
    const bits = new Uint8Array(2 * 5).map((_v, i) => (i * 7) % 3 === 0 ? 1 : 0);
    expectMask(attention(r, 'm'), ({ q, k }) => bits[(q - 3) * 5 + k] === 1, { m: bits }, { q_len: 2, kv_len: 5 });
  });
});

describe('runtime inputs of one kernel', () => {
  it('merges two inputs with the same name and type, pattern inputs first, then kernel inputs', () => {
    const r = kernelsOf(`
pattern same_doc(doc: i32[kv_len]) = doc[q] == doc[k]
kernel d = attention(document && same_doc) {
  heads = 2; head_dim = 8; seq = 8
  slopes: f32[heads]
  score = score - slopes[h]
}`);
    expect(attention(r, 'd').inputs.map((i) => i.name)).toEqual(['doc', 'slopes']);
  });

  it('checks patterns that no kernel uses', () => {
    const r = checkText('pattern unused(w: int) = causal && q - k < w + true');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SPC051']);
  });

  it('returns no kernel for a kernel with an error, and keeps valid ones', () => {
    const r = checkText(`pattern s(w: int) = q - k < w
kernel bad = attention(s) { heads = 1; head_dim = 8; seq = 8 }
kernel good = attention(s(2)) { heads = 1; head_dim = 8; seq = 8 }`);
    expect(r.kernels.map((k) => k.name)).toEqual(['good']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SPC036']);
  });
});
