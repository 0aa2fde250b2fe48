import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { CExpr } from '../../src/model/expr.js';
import { analyzeIterationSpace, closedForm, planOf } from '../../src/analysis/index.js';
import { planSlice } from '../../src/runtime/plan/planner.js';
import { and, bin, bruteTile, causal, h, int, k, kernelOf, or, q, size, sizesOf, sub, table, TRUE_E } from './helpers.js';

const d = sub(q, k);
const unary = (fn: 'abs' | 'popcount', arg: CExpr): CExpr => ({ op: 'unary', type: 'int', fn, arg });
const spans = [4, 9, 17, 33, 65, 3, 200, 1];

/** Affine patterns from the language's seed systems (windows, sinks, dilations, bands, per-head spans). */
const AFFINE: Record<string, CExpr> = {
  causal,
  sliding: and(causal, bin('lt', d, int(24))),
  streaming: and(causal, or(bin('lt', k, int(4)), bin('lt', d, int(20)))),
  dilated: and(causal, bin('lt', d, int(40)), bin('eq', bin('mod', d, int(4)), int(0))),
  band_abs: bin('le', unary('abs', d), int(13)),
  band_two_sided: and(bin('le', d, int(7)), bin('le', sub(k, q), int(30))),
  moa: and(causal, or(bin('lt', k, int(4)), bin('lt', d, table(spans, h)))),
  prefix_lm: or(causal, bin('lt', k, int(17))),
  suffix_window: and(causal, bin('ge', k, sub(size('kv_len'), int(50)))),
  not_far_past: and(causal, bin('ge', bin('add', k, int(30)), q)),
  elastic_min: and(causal, or(bin('lt', k, int(2)), bin('lt', d, bin('min', bin('add', table([3, 7, 12], h), bin('mul', table([0, 1, 0], h), size('kv_len'))), int(40))))),
  max_window: and(causal, bin('lt', d, bin('max', int(9), table([5, 30], h)))),
};

describe('closed-form key ranges', () => {
  for (const [name, mask] of Object.entries(AFFINE)) {
    it(`${name}: live key tiles equal brute force over random sizes`, () => {
      fc.assert(fc.property(
        fc.integer({ min: 1, max: 160 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(4, 8, 16, 32), fc.constantFrom(4, 8, 16), fc.integer({ min: 1, max: 8 }),
        (kvLen, frac, tileQ, tileK, heads) => {
          const qLen = Math.max(1, Math.round(frac * kvLen));
          const sizes = sizesOf({ qLen, kvLen, heads });
          const kernel = kernelOf(mask, sizes);
          const space = analyzeIterationSpace(kernel, tileQ, tileK);
          expect(space.kind).toBe('closed-form');
          const plan = planOf(kernel, space, sizes, {}, tileQ, tileK);
          for (let hh = 0; hh < heads; hh++) {
            const s = planSlice(plan, 0, hh);
            for (let qt = 0; qt < plan.numQTiles; qt++) {
              const r0 = qt * tileQ;
              const r1 = Math.min(qLen, r0 + tileQ);
              const from = plan.rowPtr[s * plan.numQTiles + qt]!;
              const to = plan.rowPtr[s * plan.numQTiles + qt + 1]!;
              const planned = new Map<number, number>();
              for (let i = from; i < to; i++) planned.set(plan.kTiles[i]!, plan.full[i]!);
              for (let kt = 0; kt < plan.numKTiles; kt++) {
                const truth = bruteTile(mask, [], sizes, {}, 0, hh, r0, r1, kt * tileK, Math.min(kvLen, (kt + 1) * tileK));
                expect({ hh, qt, kt, live: planned.has(kt) }).toEqual({ hh, qt, kt, live: truth !== 0 });
                if (planned.get(kt) === 1) expect(truth).toBe(1);
              }
            }
          }
        }), { numRuns: 40 });
    });
  }

  it('gives symbolic bounds a printer can emit: causal + window is [q0 - W + 1, q1]', () => {
    const cf = closedForm(kernelOf(AFFINE.sliding!, { qLen: 64, kvLen: 64 }));
    expect(cf.ok).toBe(true);
    if (!cf.ok) return;
    expect(cf.form.intervals(0)).toEqual([{ lo: { c: -23, cq0: 1, cq1: 0, sizes: {} }, hi: { c: 0, cq0: 0, cq1: 1, sizes: {} } }]);
    expect(cf.form.full(0)).toEqual([{ lo: { c: -23, cq0: 0, cq1: 1, sizes: {} }, hi: { c: 0, cq0: 1, cq1: 0, sizes: {} } }]);
  });

  it('keeps dynamic sizes symbolic', () => {
    const kernel = { ...kernelOf(AFFINE.suffix_window!, { qLen: 64, kvLen: 64 }), kvLen: 'dynamic' as const, qLen: 'dynamic' as const };
    const cf = closedForm(kernel);
    expect(cf.ok && cf.form.intervals(0)[0]!.lo).toEqual({ c: -50, cq0: 0, cq1: 0, sizes: { kv_len: 1 } });
  });

  it('falls back for non-affine patterns (power with popcount) to a static plan', () => {
    const qb = bin('div', q, int(8));
    const kb = bin('div', k, int(8));
    const power = and(causal, or(bin('lt', sub(qb, kb), int(2)), bin('eq', unary('popcount', sub(qb, kb)), int(1))));
    expect(closedForm(kernelOf(power, { qLen: 64, kvLen: 64 })).ok).toBe(false);
    const space = analyzeIterationSpace(kernelOf(power, { qLen: 64, kvLen: 64 }), 8, 8);
    expect(space.kind).toBe('static-plan');
    const dyn = { ...kernelOf(power, { qLen: 64, kvLen: 64 }), kvLen: 'dynamic' as const };
    expect(analyzeIterationSpace(dyn, 8, 8).kind).toBe('runtime-plan');
  });

  it('is dense for an always-true mask', () => {
    expect(analyzeIterationSpace(kernelOf(TRUE_E, { qLen: 8, kvLen: 8 }), 4, 4).kind).toBe('dense');
  });
});
