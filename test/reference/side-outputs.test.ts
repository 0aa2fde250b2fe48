/**
 * @file The float64 reference of attention side outputs (`block_max`, `segment_mass`) against a brute-force
 * softmax written here, on random inputs with a score modifier that removes keys and rows left empty; and the
 * checker's side of `outputs = ...` (SPC108, SPC129, SPC130).
 */
import { describe, expect, it } from 'vitest';
import { referenceAttention } from '../../src/reference/attention.js';
import { Rng } from '../../src/reference/random.js';
import type { AttentionSizes } from '../../src/model/kernel.js';
import { attention, checkText, codes } from '../checker/helpers.js';

const SOURCE = `kernel seer = attention(causal && k >= 3) {
  batch = 2; heads = 2; head_dim = 8; seq = 21
  doc: i32[batch, kv_len]
  score = (q + k) % 5 == 0 ? -inf : score
  outputs = out, block_max(4, 8), lse, segment_mass(doc, 3)
}`;
const SIZES: AttentionSizes = { batch: 2, heads: 2, kvHeads: 2, headDim: 8, valueDim: 8, qLen: 21, kvLen: 21 };

/** P[b, h, i, j] by a direct softmax over the keys allowed and not removed (rows with none: all 0). */
function bruteForceWeights(q: Float32Array, k: Float32Array): Float64Array {
  const { batch, heads, qLen, kvLen, headDim } = SIZES;
  const p = new Float64Array(batch * heads * qLen * kvLen);
  for (let b = 0; b < batch; b++) for (let h = 0; h < heads; h++) for (let i = 0; i < qLen; i++) {
    const s: number[] = [];
    for (let j = 0; j < kvLen; j++) {
      const keep = j <= i && j >= 3 && (i + j) % 5 !== 0;
      let dot = 0;
      for (let d = 0; d < headDim; d++) dot += q[((b * heads + h) * qLen + i) * headDim + d]! * k[((b * heads + h) * kvLen + j) * headDim + d]!;
      // NOTE: a score modifier reads the score as an f32 (docs/language.md), so the kept score is f32-rounded.
      s.push(keep ? Math.fround((1 / Math.sqrt(headDim)) * dot) : -Infinity);
    }
    const max = Math.max(...s);
    if (max === -Infinity) continue;
    const sum = s.reduce((a, x) => a + Math.exp(x - max), 0);
    s.forEach((x, j) => { p[((b * heads + h) * qLen + i) * kvLen + j] = Math.exp(x - max) / sum; });
  }
  return p;
}

describe('side outputs: the float64 reference', () => {
  const r = checkText(SOURCE);
  const kernel = attention(r, 'seer');
  const rng = new Rng(7);
  const normal = (n: number): Float32Array => { const a = new Float32Array(n); rng.fillNormal(a); return a; };
  const q = normal(2 * 2 * 21 * 8);
  const k = normal(2 * 2 * 21 * 8);
  const doc = Int32Array.from({ length: 2 * 21 }, (_, x) => (x * 7) % 3);
  const p = bruteForceWeights(q, k);

  it('is declared in outputs order, out and lse apart', () => {
    expect(r.rendered).toBe('');
    expect(kernel.outputs).toEqual(['out', 'lse']);
    expect(kernel.sideOutputs).toEqual([{ kind: 'block_max', bq: 4, bk: 8 }, { kind: 'segment_mass', segments: 'doc', count: 3 }]);
  });

  it('block_max is the max of P over each (query block, key block); segment_mass sums P per segment', () => {
    const ref = referenceAttention(kernel, SIZES, { q, k, v: normal(2 * 2 * 21 * 8), runtime: { doc } });
    const [blockMax, mass] = ref.side as [Float64Array, Float64Array];
    expect(blockMax.length).toBe(2 * 2 * 6 * 3);
    expect(mass.length).toBe(2 * 2 * 21 * 3);
    let nonzero = 0;
    for (let b = 0; b < 2; b++) for (let h = 0; h < 2; h++) {
      for (let I = 0; I < 6; I++) for (let J = 0; J < 3; J++) {
        let want = 0;
        for (let i = 4 * I; i < Math.min(21, 4 * I + 4); i++) for (let j = 8 * J; j < Math.min(21, 8 * J + 8); j++) want = Math.max(want, p[((b * 2 + h) * 21 + i) * 21 + j]!);
        expect(blockMax[((b * 2 + h) * 6 + I) * 3 + J]).toBeCloseTo(want, 14);
        if (want > 0) nonzero++;
      }
      for (let i = 0; i < 21; i++) {
        const row = (b * 2 + h) * 21 + i;
        for (let s = 0; s < 3; s++) {
          let want = 0;
          for (let j = 0; j < 21; j++) if (doc[b * 21 + j] === s) want += p[row * 21 + j]!;
          expect(mass[row * 3 + s]).toBeCloseTo(want, 14);
        }
        const total = mass[row * 3]! + mass[row * 3 + 1]! + mass[row * 3 + 2]!;
        expect(total).toBeCloseTo(ref.lse[row] === -Infinity ? 0 : 1, 12);
      }
    }
    expect(nonzero).toBeGreaterThan(10);
  });

  it('a segment id outside [0, count) is an input error before anything runs', () => {
    const bad = Int32Array.from(doc);
    bad[5] = 3;
    expect(() => referenceAttention(kernel, SIZES, { q, k, v: q, runtime: { doc: bad } })).toThrow(/doc\[5\] = 3 is not a segment id in \[0, 3\)/);
  });
});

describe('side outputs: the checker', () => {
  const kernel = (outputs: string, inputs = 'doc: i32[batch, kv_len]'): string[] =>
    codes(checkText(`kernel a = attention(causal) {\n  heads = 2; head_dim = 8; seq = 64\n  ${inputs}\n  outputs = ${outputs}\n}`));
  it('accepts i32[kv_len] segment ids and rejects other inputs (SPC130)', () => {
    expect(kernel('out, segment_mass(doc, 4)', 'doc: i32[kv_len]')).toEqual([]);
    expect(kernel('out, segment_mass(doc, 4)', 'doc: i32[q_len]')).toEqual(['SPC130']);
    expect(kernel('out, segment_mass(nodoc, 4)')).toEqual(['SPC130']);
  });
  it('needs positive compile-time ints (SPC129), known side outputs (SPC108), no repeats (SPC109)', () => {
    expect(kernel('out, block_max(0, 64)')).toEqual(['SPC129']);
    expect(kernel('out, block_max(64, 1.5)')).toEqual(['SPC129']);
    expect(kernel('out, block_min(64, 64)')).toEqual(['SPC108']);
    expect(kernel('out, block_max(64, 64), block_max(32, 32)')).toEqual(['SPC109']);
  });
});
