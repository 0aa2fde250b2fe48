import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { CExpr } from '../../src/model/expr.js';
import type { RuntimeInput } from '../../src/model/kernel.js';
import type { RuntimeValues } from '../../src/model/values.js';
import { evalBox } from '../../src/runtime/plan/interval.js';
import { summarizeRuntime } from '../../src/runtime/plan/summaries.js';
import { sizeRecord } from '../../src/runtime/plan/types.js';
import { evalExpr } from '../../src/model/eval.js';
import { and, bin, causal, h, int, k, load, member, not, or, q, size, sizesOf, sub } from './helpers.js';
import { exprArbs } from './arbitraries.js';

const boxArb = fc.record({
  kvLen: fc.integer({ min: 1, max: 70 }),
  qFrac: fc.double({ min: 0, max: 1, noNaN: true }),
  heads: fc.integer({ min: 1, max: 4 }),
  r: fc.tuple(fc.nat(), fc.nat()),
  kk: fc.tuple(fc.nat(), fc.nat()),
  hh: fc.tuple(fc.nat(), fc.nat()),
}).map((x) => {
  const qLen = Math.max(1, Math.round(x.qFrac * x.kvLen));
  const span = (pair: [number, number], n: number, width: number): [number, number] => {
    const a = pair[0] % n;
    return [a, Math.min(n - 1, a + (pair[1] % width))];
  };
  return { sizes: sizesOf({ qLen, kvLen: x.kvLen, heads: x.heads }), rows: span(x.r, qLen, 16), keys: span(x.kk, x.kvLen, 16), hs: span(x.hh, x.heads, 3) };
});

type BoxCase = fc.Arbitrary<{ sizes: ReturnType<typeof sizesOf>; rows: [number, number]; keys: [number, number]; hs: [number, number] }> extends fc.Arbitrary<infer T> ? T : never;

/** How many verdicts were decided (empty or full) vs unknown, so the tests cannot pass vacuously. */
const tally = { decided: 0, unknown: 0 };

function checkSound(mask: CExpr, c: BoxCase, inputs: RuntimeInput[], runtime: RuntimeValues): void {
  const names = sizeRecord(c.sizes);
  const off = c.sizes.kvLen - c.sizes.qLen;
  const summary = summarizeRuntime(inputs, runtime, names);
  const verdict = evalBox(mask, { b: [0, 0], h: c.hs, q: [c.rows[0] + off, c.rows[1] + off], k: c.keys }, names, summary);
  if (verdict === 2) {
    tally.unknown++;
    return;
  }
  tally.decided++;
  const env = { vars: { b: 0, h: 0, q: 0, k: 0 }, sizes: names, runtime, inputs: new Map(inputs.map((i) => [i.name, i])) };
  for (let hh = c.hs[0]; hh <= c.hs[1]; hh++) {
    for (let r = c.rows[0]; r <= c.rows[1]; r++) {
      for (let kk = c.keys[0]; kk <= c.keys[1]; kk++) {
        env.vars.h = hh;
        env.vars.q = r + off;
        env.vars.k = kk;
        const v = evalExpr(mask, env) ? 1 : 0;
        if (v !== verdict) throw new Error(`unsound: said ${verdict}, point (h=${hh}, q=${r + off}, k=${kk}) is ${v}`);
      }
    }
  }
}

describe('three-valued interval evaluation', () => {
  it('never calls a tile empty or full wrongly (random patterns, random tiles)', () => {
    const { bool } = exprArbs();
    tally.decided = 0;
    tally.unknown = 0;
    fc.assert(fc.property(bool, boxArb, (mask, c) => checkSound(mask, c, [], {})), { numRuns: 600 });
    expect(tally.decided).toBeGreaterThan(tally.unknown / 2);
  });

  it('is exact for windows: q - k stays one variable', () => {
    const sizes = sizeRecord(sizesOf({ qLen: 512, kvLen: 512 }));
    const window = and(causal, bin('lt', sub(q, k), int(64)));
    // A tile well inside the band is full, one far below it empty, one across the diagonal partial.
    expect(evalBox(window, { b: [0, 0], h: [0, 0], q: [200, 215], k: [160, 175] }, sizes, null)).toBe(1);
    expect(evalBox(window, { b: [0, 0], h: [0, 0], q: [200, 215], k: [0, 15] }, sizes, null)).toBe(0);
    expect(evalBox(window, { b: [0, 0], h: [0, 0], q: [200, 215], k: [200, 215] }, sizes, null)).toBe(2);
  });

  it('treats a modulus that does not straddle a multiple as exact', () => {
    const sizes = sizeRecord(sizesOf({ qLen: 64, kvLen: 64 }));
    const dilated = bin('eq', bin('mod', sub(q, k), int(8)), int(0));
    expect(evalBox(dilated, { b: [0, 0], h: [0, 0], q: [10, 11], k: [1, 1] }, sizes, null)).toBe(0);
    expect(evalBox(dilated, { b: [0, 0], h: [0, 0], q: [16, 16], k: [8, 8] }, sizes, null)).toBe(1);
  });
});

/** Runtime inputs of the soundness test and random values for them. */
const RUNTIME_INPUTS: RuntimeInput[] = [
  { kind: 'tensor', name: 'doc', elem: 'i32', axes: [{ kind: 'size', name: 'kv_len' }] },
  { kind: 'list', name: 'cols', elem: 'i32', axes: [{ kind: 'size', name: 'heads' }] },
  { kind: 'list', name: 'diags', elem: 'i32', axes: [{ kind: 'size', name: 'heads' }] },
  { kind: 'blocks', name: 'sel', bq: 4, bk: 4 },
  { kind: 'tensor', name: 'flags', elem: 'bool', axes: [{ kind: 'size', name: 'heads' }] },
  { kind: 'tensor', name: 'm', elem: 'bool', axes: [{ kind: 'size', name: 'q_len' }, { kind: 'size', name: 'kv_len' }] },
];

function randomRuntime(seed: number, s: ReturnType<typeof sizesOf>): RuntimeValues {
  let x = seed >>> 0 || 1;
  const rnd = (): number => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
  const doc = new Int32Array(s.kvLen);
  let id = 0;
  for (let i = 0; i < s.kvLen; i++) { if (rnd() < 0.15) id++; doc[i] = id; }
  const list = (density: number) => {
    const offsets = new Int32Array(s.heads + 1);
    const values: number[] = [];
    for (let hh = 0; hh < s.heads; hh++) {
      for (let v = 0; v < s.kvLen; v++) if (rnd() < density) values.push(v);
      offsets[hh + 1] = values.length;
    }
    return { offsets, values: Int32Array.from(values) };
  };
  const nb = Math.ceil(s.kvLen / 4);
  const sel = Uint8Array.from({ length: s.batch * s.heads * nb * nb }, () => (rnd() < 0.4 ? 1 : 0));
  const flags = Uint8Array.from({ length: s.heads }, () => (rnd() < 0.5 ? 1 : 0));
  const m = Uint8Array.from({ length: s.qLen * s.kvLen }, () => (rnd() < 0.7 ? 1 : 0));
  return { doc, cols: list(rnd() < 0.5 ? 0.1 : 0.9), diags: list(0.2), sel, flags, m };
}

describe('three-valued evaluation with runtime inputs', () => {
  const qi = sub(q, sub(size('kv_len'), size('q_len')));
  const atoms: CExpr[] = [
    bin('eq', load('doc', 'int', q), load('doc', 'int', k)),
    member('cols', k, h),
    member('diags', sub(q, k), h),
    load('sel', 'bool', int(0), h, bin('div', q, int(4)), bin('div', k, int(4))),
    load('flags', 'bool', h),
    load('m', 'bool', qi, k),
    causal,
    bin('lt', sub(q, k), int(6)),
    bin('lt', k, int(3)),
  ];
  const patternArb = fc.letrec<{ p: CExpr }>((tie) => ({
    p: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'p' },
      fc.constantFrom(...atoms),
      fc.tuple(fc.constantFrom('and', 'or' as const), tie('p'), tie('p')).map(([fn, a, b2]) => bin(fn, a, b2)),
      tie('p').map(not),
    ),
  })).p;

  it('never calls a tile empty or full wrongly (document ids, lists, blocks, bool tensors)', () => {
    tally.decided = 0;
    fc.assert(fc.property(patternArb, boxArb, fc.nat(), (mask, c, seed) => {
      checkSound(mask, c, RUNTIME_INPUTS, randomRuntime(seed, c.sizes));
    }), { numRuns: 500 });
    expect(tally.decided).toBeGreaterThan(100);
  });

  it('decides document tiles from per-tile min/max ids', () => {
    const s = sizesOf({ qLen: 64, kvLen: 64 });
    const doc = Int32Array.from({ length: 64 }, (_, i) => Math.floor(i / 16));
    const summary = summarizeRuntime(RUNTIME_INPUTS, { doc }, sizeRecord(s));
    const same = bin('eq', load('doc', 'int', q), load('doc', 'int', k));
    const names = sizeRecord(s);
    expect(evalBox(same, { b: [0, 0], h: [0, 0], q: [16, 23], k: [24, 31] }, names, summary)).toBe(1);
    expect(evalBox(same, { b: [0, 0], h: [0, 0], q: [16, 23], k: [32, 39] }, names, summary)).toBe(0);
    expect(evalBox(same, { b: [0, 0], h: [0, 0], q: [16, 23], k: [12, 19] }, names, summary)).toBe(2);
  });
  void or;
});
