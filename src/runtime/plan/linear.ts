/**
 * @file Linear forms of int core expressions over the box variables (b, h, q, k) with sizes substituted,
 * and the child list of a core expression: the structural helpers of the box evaluator.
 */
import type { CExpr } from '../../model/expr.js';
import type { SizeRecord } from './types.js';

type VarName = 'b' | 'h' | 'q' | 'k';

/** A linear form `c + sum(coef[v] * v)` over the box variables (sizes already substituted). */
export interface LinearForm {
  readonly c: number;
  readonly coef: Readonly<Record<VarName, number>>;
}

/** The linear form of an int expression in b, h, q, k and sizes, or null when it is not linear. */
export function linearForm(e: CExpr, sizes: SizeRecord): LinearForm | null {
  const zero = { b: 0, h: 0, q: 0, k: 0 };
  const go = (x: CExpr): LinearForm | null => {
    if (x.type !== 'int') return null;
    switch (x.op) {
      case 'const': return { c: Number(x.value), coef: zero };
      case 'size': return { c: sizes[x.name], coef: zero };
      case 'var': return x.name === 'score' ? null : { c: 0, coef: { ...zero, [x.name]: 1 } };
      case 'unary': {
        if (x.fn !== 'neg') return null;
        const a = go(x.arg);
        return a && scale(a, -1);
      }
      case 'binary': {
        if (x.fn !== 'add' && x.fn !== 'sub' && x.fn !== 'mul') return null;
        const a = go(x.a);
        const b = go(x.b);
        if (!a || !b) return null;
        if (x.fn === 'add') return combine(a, b, 1);
        if (x.fn === 'sub') return combine(a, b, -1);
        if (isConstant(a)) return scale(b, a.c);
        if (isConstant(b)) return scale(a, b.c);
        return null;
      }
      default: return null;
    }
  };
  return go(e);
}

function isConstant(f: LinearForm): boolean {
  return f.coef.b === 0 && f.coef.h === 0 && f.coef.q === 0 && f.coef.k === 0;
}

function scale(f: LinearForm, s: number): LinearForm {
  return { c: f.c * s, coef: { b: f.coef.b * s, h: f.coef.h * s, q: f.coef.q * s, k: f.coef.k * s } };
}

function combine(a: LinearForm, b: LinearForm, sign: number): LinearForm {
  return {
    c: a.c + sign * b.c,
    coef: { b: a.coef.b + sign * b.coef.b, h: a.coef.h + sign * b.coef.h, q: a.coef.q + sign * b.coef.q, k: a.coef.k + sign * b.coef.k },
  };
}

/** The direct sub-expressions of a core expression. */
export function children(e: CExpr): readonly CExpr[] {
  switch (e.op) {
    case 'unary': return [e.arg];
    case 'binary': return [e.a, e.b];
    case 'select': return [e.cond, e.then, e.else];
    case 'table': return [e.index];
    case 'load': return e.indices;
    case 'member': return [...e.indices, e.value];
    default: return [];
  }
}

