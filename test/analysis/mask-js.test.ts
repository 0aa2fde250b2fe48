import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { evalExpr } from '../../src/model/eval.js';
import { compileMaskJs } from '../../src/analysis/mask-js.js';
import { sizeRecord } from '../../src/runtime/plan/types.js';
import { exprArbs } from './arbitraries.js';
import { sizesOf } from './helpers.js';

describe('masks compiled to JavaScript', () => {
  it('agree with evalExpr at every point (random patterns)', () => {
    const { bool } = exprArbs();
    fc.assert(fc.property(bool, fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 3 }), (mask, kvLen, heads) => {
      const sizes = sizeRecord(sizesOf({ qLen: kvLen, kvLen, heads }));
      const f = compileMaskJs(mask, [], sizes, {});
      const env = { vars: { b: 0, h: 0, q: 0, k: 0 }, sizes, runtime: {}, inputs: new Map() };
      for (let hh = 0; hh < heads; hh++) {
        for (let qq = 0; qq < kvLen; qq++) {
          for (let kk = 0; kk < kvLen; kk++) {
            env.vars.h = hh; env.vars.q = qq; env.vars.k = kk;
            expect(f(0, hh, qq, kk)).toBe(evalExpr(mask, env) ? 1 : 0);
          }
        }
      }
    }), { numRuns: 200 });
  });
});
