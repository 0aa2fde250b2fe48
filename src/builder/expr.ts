/**
 * @file `E`, the fluent expression of the TypeScript builder: one method per operator of the language,
 * plus the built-in names (`q`, `k`, `causal`...) and functions (`min`, `qb`, `tanh`...).
 */
import type { Arg, BinaryOp, Expr, UnaryOp } from '../frontend/ast.js';
import { BuilderError, describe } from './errors.js';
import { EXPR_BRAND, PLACEHOLDER_SPAN, definitionOf, exprDataOf, mergeRefs, type ExprData, type PatternDefinition } from './defs.js';

/** Anything usable where an expression is expected: an `E`, a number, a boolean, or a pattern (named). */
export type Operand = E | number | boolean | NamedPattern;

/** A pattern value used uncalled (a `PatternRef`); it names the pattern. */
export interface NamedPattern {
  readonly patternName: string;
}

const span = PLACEHOLDER_SPAN;
const INT_MAX = 2 ** 31 - 1;

/** A builder expression wrapping an AST `Expr`. Immutable; every method returns a new `E`. */
export class E {
  /** The branded data (`expr`, `refs`); read by `toModule`. */
  readonly [EXPR_BRAND]: ExprData;

  constructor(expr: Expr, refs: readonly PatternDefinition[] = []) {
    this[EXPR_BRAND] = { expr, refs };
  }

  /** The AST expression (with placeholder spans). */
  get expr(): Expr {
    return this[EXPR_BRAND].expr;
  }

  /** `this + o` */ add(o: Operand): E { return this.binary('+', o); }
  /** `this - o` */ sub(o: Operand): E { return this.binary('-', o); }
  /** `this * o` */ mul(o: Operand): E { return this.binary('*', o); }
  /** `this / o` (floor division on ints) */ div(o: Operand): E { return this.binary('/', o); }
  /** `this % o` (floored remainder) */ mod(o: Operand): E { return this.binary('%', o); }
  /** `-this` */ neg(): E { return unaryE('-', this); }

  /** `this & o` */ band(o: Operand): E { return this.binary('&', o); }
  /** `this | o` */ bor(o: Operand): E { return this.binary('|', o); }
  /** `this ^ o` */ bxor(o: Operand): E { return this.binary('^', o); }
  /** `this << o` */ shl(o: Operand): E { return this.binary('<<', o); }
  /** `this >> o` */ shr(o: Operand): E { return this.binary('>>', o); }

  /** `this == o` */ eq(o: Operand): E { return this.binary('==', o); }
  /** `this != o` */ ne(o: Operand): E { return this.binary('!=', o); }
  /** `this < o` */ lt(o: Operand): E { return this.binary('<', o); }
  /** `this <= o` */ le(o: Operand): E { return this.binary('<=', o); }
  /** `this > o` */ gt(o: Operand): E { return this.binary('>', o); }
  /** `this >= o` */ ge(o: Operand): E { return this.binary('>=', o); }
  /** `this in list`, e.g. `k.in(cols.at(b, h))` */ in(list: Operand): E { return this.binary('in', list); }

  /** `this && o1 && o2 ...` (left-associative) */
  and(...os: Operand[]): E { return chain(this, '&&', os); }
  /** `this || o1 || o2 ...` (left-associative) */
  or(...os: Operand[]): E { return chain(this, '||', os); }
  /** `!this` */ not(): E { return unaryE('!', this); }

  /** `this ? whenTrue : whenFalse` */
  select(whenTrue: Operand, whenFalse: Operand): E {
    const t = toE(whenTrue);
    const f = toE(whenFalse);
    return new E({ kind: 'cond', cond: this.expr, then: t.expr, else: f.expr, span }, mergeRefs(refsOf(this), refsOf(t), refsOf(f)));
  }

  /** Indexes a named table, tensor, list or block layout: `doc.at(q)` is `doc[q]`. */
  at(...indices: Operand[]): E {
    const target = this.expr;
    if (target.kind !== 'name') throw new BuilderError(`only a named parameter or input can be indexed with .at(), not a ${target.kind} expression`);
    if (indices.length === 0) throw new BuilderError(`.at() on '${target.name}' needs at least one index`);
    const es = indices.map(toE);
    return new E({ kind: 'index', target: target.name, targetSpan: span, indices: es.map((e) => e.expr), span }, mergeRefs(refsOf(this), ...es.map(refsOf)));
  }

  private binary(op: BinaryOp, o: Operand): E {
    const right = toE(o);
    return new E({ kind: 'binary', op, left: this.expr, right: right.expr, span }, mergeRefs(refsOf(this), refsOf(right)));
  }
}

function refsOf(e: E): readonly PatternDefinition[] {
  return e[EXPR_BRAND].refs;
}

function chain(first: E, op: '&&' | '||', rest: readonly Operand[]): E {
  let acc = first;
  for (const o of rest) {
    const right = toE(o);
    acc = new E({ kind: 'binary', op, left: acc.expr, right: right.expr, span }, mergeRefs(refsOf(acc), refsOf(right)));
  }
  return acc;
}

function unaryE(op: UnaryOp, operand: E): E {
  return new E({ kind: 'unary', op, operand: operand.expr, span }, refsOf(operand));
}

/** The decimal text of a float literal that re-parses as a float (`1` → `1.0`). */
function floatText(n: number): string {
  const s = String(n);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

/** The AST of a number: an int when integral (unless `asFloat`), a float otherwise; negatives as unary `-`. */
export function numberExpr(n: number, asFloat = false): Expr {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new BuilderError(`expected a finite number, got ${describe(n)}`);
  if (n < 0) return { kind: 'unary', op: '-', operand: numberExpr(-n, asFloat), span };
  if (Number.isInteger(n) && !asFloat) {
    if (n > INT_MAX) throw new BuilderError(`integer ${n} is too large (limit 2^31 - 1)`);
    return { kind: 'int', value: n, span };
  }
  return { kind: 'float', value: n, text: floatText(n), span };
}

/** Converts an operand to an `E`; throws `BuilderError` for anything that is not an expression. */
export function toE(o: Operand): E {
  if (o instanceof E) return o;
  const data = exprDataOf(o);
  if (data) return new E(data.expr, data.refs);
  if (typeof o === 'number') return new E(numberExpr(o));
  if (typeof o === 'boolean') return new E({ kind: 'bool', value: o, span });
  const def = definitionOf(o);
  if (def && def.kind === 'pattern') return new E({ kind: 'name', name: def.name, span }, [def]);
  if (def) throw new BuilderError(`kernel '${def.name}' cannot be used in an expression`);
  throw new BuilderError(`expected an expression, number or boolean, got ${describe(o)}`);
}

/** A literal as an `E`, to start a chain from a number: `lit(30).mul(tanh(...))`. */
export function lit(value: number | boolean): E {
  return toE(value);
}

/** A float literal even for integral values: `floatLit(1)` is `1.0`. */
export function floatLit(value: number): E {
  return new E(numberExpr(value, true));
}

/** A name expression (a built-in, parameter or runtime input by its `.sparse` name). */
export function name(id: string): E {
  return new E({ kind: 'name', name: id, span });
}

/** A call of a built-in function by name with positional arguments. */
export function callBuiltin(callee: string, ...args: Operand[]): E {
  const es = args.map(toE);
  const astArgs: Arg[] = es.map((e) => ({ name: null, nameSpan: null, value: e.expr }));
  return new E({ kind: 'call', callee, calleeSpan: span, args: astArgs, span }, mergeRefs(...es.map(refsOf)));
}

/** `!x` */ export const not = (x: Operand): E => toE(x).not();
/** `x1 && x2 && ...` */ export const and = (first: Operand, ...rest: Operand[]): E => toE(first).and(...rest);
/** `x1 || x2 || ...` */ export const or = (first: Operand, ...rest: Operand[]): E => toE(first).or(...rest);
/** `c ? a : b` */ export const cond = (c: Operand, a: Operand, b: Operand): E => toE(c).select(a, b);

/** `min(a, b)` */ export const min = (a: Operand, b: Operand): E => callBuiltin('min', a, b);
/** `max(a, b)` */ export const max = (a: Operand, b: Operand): E => callBuiltin('max', a, b);
/** `abs(x)` */ export const abs = (x: Operand): E => callBuiltin('abs', x);
/** `popcount(x)` */ export const popcount = (x: Operand): E => callBuiltin('popcount', x);
/** `qb(B)`: the query block index `q / B` */ export const qb = (blockSize: Operand): E => callBuiltin('qb', blockSize);
/** `kb(B)`: the key block index `k / B` */ export const kb = (blockSize: Operand): E => callBuiltin('kb', blockSize);
/** `tanh(x)` (score modifiers) */ export const tanh = (x: Operand): E => callBuiltin('tanh', x);
/** `exp(x)` (score modifiers) */ export const exp = (x: Operand): E => callBuiltin('exp', x);
/** `log(x)` (score modifiers) */ export const log = (x: Operand): E => callBuiltin('log', x);
/** `sqrt(x)` (score modifiers) */ export const sqrt = (x: Operand): E => callBuiltin('sqrt', x);
/** `sin(x)` (score modifiers) */ export const sin = (x: Operand): E => callBuiltin('sin', x);
/** `cos(x)` (score modifiers) */ export const cos = (x: Operand): E => callBuiltin('cos', x);
/** `exp2(x)` (score modifiers) */ export const exp2 = (x: Operand): E => callBuiltin('exp2', x);
/** `log2(x)` (score modifiers) */ export const log2 = (x: Operand): E => callBuiltin('log2', x);

/** Batch index. */ export const b = name('b');
/** Query head. */ export const h = name('h');
/** Query position (absolute, in `[kv_len - q_len, kv_len)`). */ export const q = name('q');
/** Key position, in `[0, kv_len)`. */ export const k = name('k');
/** The query's row in Q: `q - (kv_len - q_len)`. */ export const qi = name('qi');
/** The KV head serving `h`. */ export const kvh = name('kvh');
/** `k <= q`. */ export const causal = name('causal');
/** The pre-softmax score, inside `score` modifiers. */ export const score = name('score');
/** Kernel size `q_len`. */ export const q_len = name('q_len');
/** Kernel size `kv_len`. */ export const kv_len = name('kv_len');
/** Kernel size `batch`. */ export const batch = name('batch');
/** Kernel size `heads`. */ export const heads = name('heads');
/** Kernel size `kv_heads`. */ export const kv_heads = name('kv_heads');
/** Kernel size `head_dim`. */ export const head_dim = name('head_dim');
/** camelCase alias of `q_len`. */ export const qLen = q_len;
/** camelCase alias of `kv_len`. */ export const kvLen = kv_len;
/** camelCase alias of `kv_heads`. */ export const kvHeads = kv_heads;
/** camelCase alias of `head_dim`. */ export const headDim = head_dim;
