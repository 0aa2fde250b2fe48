/**
 * @file fast-check arbitraries of random core expressions over q, k, h and sizes, shared by the analysis tests.
 */
import fc from 'fast-check';
import type { CExpr } from '../../src/model/expr.js';
import { bin, causal, h, int, k, not, q, size, table, TRUE_E } from './helpers.js';

const INT_FNS = ['add', 'sub', 'min', 'max', 'mul', 'div', 'mod', 'band', 'shr'] as const;
const CMP_FNS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;

/** Random core expressions over q, k, h and sizes. */
export function exprArbs() {
  return fc.letrec<{ int: CExpr; bool: CExpr }>((tie) => ({
    int: fc.oneof(
      { depthSize: 'small', maxDepth: 4, depthIdentifier: 'e' },
      fc.constantFrom(q, k, h, size('kv_len'), size('q_len')),
      fc.integer({ min: -12, max: 40 }).map(int),
      fc.tuple(fc.constantFrom('neg', 'abs', 'popcount' as const), tie('int')).map(([fn, arg]): CExpr => ({ op: 'unary', type: 'int', fn, arg })),
      fc.tuple(fc.constantFrom(...INT_FNS), tie('int'), tie('int'), fc.integer({ min: -7, max: 9 }), fc.boolean()).map(([fn, a, b2, c, constRight]) => {
        const needsConst = fn === 'mul' || fn === 'shr' || constRight;
        const right = needsConst ? int(fn === 'shr' ? Math.abs(c) % 5 : c) : b2;
        return bin(fn, a, right);
      }),
      fc.tuple(fc.array(fc.integer({ min: -20, max: 60 }), { minLength: 1, maxLength: 6 }), fc.oneof(fc.constant(h), tie('int')))
        .map(([values, index]) => table(values, index)),
      fc.tuple(tie('bool'), tie('int'), tie('int')).map(([cond, a, b2]): CExpr => ({ op: 'select', type: 'int', cond, then: a, else: b2 })),
    ),
    bool: fc.oneof(
      { depthSize: 'small', maxDepth: 4, depthIdentifier: 'e' },
      fc.tuple(fc.constantFrom(...CMP_FNS), tie('int'), tie('int')).map(([fn, a, b2]) => bin(fn, a, b2)),
      fc.tuple(fc.constantFrom('and', 'or' as const), tie('bool'), tie('bool')).map(([fn, a, b2]) => bin(fn, a, b2)),
      tie('bool').map(not),
      fc.constant(causal),
      fc.constant(TRUE_E),
    ),
  }));
}

