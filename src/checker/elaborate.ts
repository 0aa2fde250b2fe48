/**
 * @file Elaboration of expressions into typed core expressions (CExpr): literals, names,
 * operators and conditionals. Calls and indexing live in `calls.ts` and `indexing.ts`.
 */
import type { BinaryOp, Expr, ExprKind, Span } from '../frontend/ast.js';
import type { CBinaryFn, CExpr, CType } from '../model/expr.js';
import { freeVariables, refine } from './bounds.js';
import { BUILTIN_FUNCTIONS, BUILTIN_VALUES, INFINITY_NAME, SCORE, plural } from './builtins.js';
import { elabCall } from './calls.js';
import { constNumber, constant, mkBinary, mkSelect, mkUnary, toFloat } from './const-eval.js';
import type { Ctx } from './context.js';
import { elabIndex, elabMembership } from './indexing.js';
import { inlinePattern } from './pattern.js';
import { didYouMean } from './suggest.js';
import { isNumeric, type Typed } from './types.js';

/** A Typed value of `e` combining the flags of its parts. */
export function typed(e: CExpr, parts: readonly Typed[], varying = false): Typed {
  return { e, varying: varying || parts.some((p) => p.varying), opaque: parts.some((p) => p.opaque) };
}

/** What a varying value depends on, for messages: `'q'` or `runtime input 'doc'`. */
export function dependencyOf(t: Typed): string {
  const first = [...freeVariables(t.e)].sort()[0];
  if (first === undefined) return 'a value known only at run time';
  return first.startsWith('load:') ? `runtime input '${first.slice(5)}'` : `'${first}'`;
}

/** Every name an unknown name could have meant, for suggestions. */
export function namesInScope(ctx: Ctx): string[] {
  return [...ctx.locals.keys(), ...Object.keys(BUILTIN_VALUES), ...ctx.scope.patterns.keys(), ...(ctx.allowScore ? ['score'] : []), ...(ctx.allowFloatFns ? [INFINITY_NAME] : [])];
}

type Handler<K extends ExprKind> = (e: Extract<Expr, { kind: K }>, ctx: Ctx) => Typed | null;

function elabName(e: Extract<Expr, { kind: 'name' }>, ctx: Ctx): Typed | null {
  const { reporter } = ctx.facts;
  const local = ctx.locals.get(e.name);
  if (local) {
    if (local.kind === 'value') return local.value;
    if (local.kind === 'error') return null;
    if (local.kind === 'table') {
      reporter.error('SPC057', e.span, ['table', e.name]);
      return null;
    }
    if (local.type.kind === 'list') reporter.error('SPC069', e.span, [e.name]);
    else reporter.error('SPC057', e.span, ['runtime input', e.name]);
    return null;
  }
  if (e.name === 'score') {
    if (ctx.allowScore) return typed(SCORE, [], true);
    reporter.error('SPC059', e.span);
    return null;
  }
  if (e.name === INFINITY_NAME) {
    if (ctx.allowFloatFns) return typed(constant('float', Infinity), []);
    reporter.error('SPC060', e.span, [e.name]);
    return null;
  }
  const builtin = BUILTIN_VALUES[e.name];
  if (builtin) return typed(builtin.build(ctx.sizes), [], builtin.varying);
  const decl = ctx.scope.patterns.get(e.name);
  if (decl) return inlinePattern(decl, null, e.span, ctx);
  const fn = BUILTIN_FUNCTIONS[e.name];
  if (fn) {
    reporter.error('SPC041', e.span, [e.name, plural(fn.args.length, 'argument'), 'none']);
    return null;
  }
  reporter.error('SPC012', e.span, [e.name, didYouMean(e.name, namesInScope(ctx))]);
  return null;
}

function elabUnary(e: Extract<Expr, { kind: 'unary' }>, ctx: Ctx): Typed | null {
  const arg = elaborate(e.operand, ctx);
  if (!arg) return null;
  if (e.op === '!') {
    if (arg.e.type !== 'bool') return operandError('!', 'bool', arg.e.type, e.operand.span, ctx);
    return typed(mkUnary('not', 'bool', arg.e), [arg]);
  }
  if (!isNumeric(arg.e.type)) return operandError('-', 'number', arg.e.type, e.operand.span, ctx);
  return typed(mkUnary('neg', arg.e.type, arg.e), [arg]);
}

function operandError(op: string, wanted: string, found: CType, span: Span, ctx: Ctx, notes: readonly string[] = []): null {
  ctx.facts.reporter.error('SPC051', span, [op, wanted, found], notes);
  return null;
}

const ARITHMETIC: ReadonlySet<BinaryOp> = new Set<BinaryOp>(['+', '-', '*', '/']);

/** For a bool meeting a number in arithmetic: how to turn the bool into a number of the other side's type. */
function boolAsNumberNote(op: BinaryOp, found: CType, other: CType): string[] {
  if (!ARITHMETIC.has(op) || found !== 'bool' || !isNumeric(other)) return [];
  return [`a bool is not a number; to use one, write \`c ? ${other === 'float' ? '1.0 : 0.0' : '1 : 0'}\` (c being the condition)`];
}

/** How each binary operator checks its operands and what it yields. */
interface BinaryRule {
  readonly fn: CBinaryFn;
  /** bool: both bool; number: int/float (mixed → float); int: both int; equality: numbers or both bool. */
  readonly operands: 'bool' | 'number' | 'int' | 'equality';
  readonly yieldsBool: boolean;
}

const BINARY_RULES: Readonly<Record<Exclude<BinaryOp, 'in'>, BinaryRule>> = {
  '+': { fn: 'add', operands: 'number', yieldsBool: false },
  '-': { fn: 'sub', operands: 'number', yieldsBool: false },
  '*': { fn: 'mul', operands: 'number', yieldsBool: false },
  '/': { fn: 'div', operands: 'number', yieldsBool: false },
  '%': { fn: 'mod', operands: 'int', yieldsBool: false },
  '&': { fn: 'band', operands: 'int', yieldsBool: false },
  '|': { fn: 'bor', operands: 'int', yieldsBool: false },
  '^': { fn: 'bxor', operands: 'int', yieldsBool: false },
  '<<': { fn: 'shl', operands: 'int', yieldsBool: false },
  '>>': { fn: 'shr', operands: 'int', yieldsBool: false },
  '==': { fn: 'eq', operands: 'equality', yieldsBool: true },
  '!=': { fn: 'ne', operands: 'equality', yieldsBool: true },
  '<': { fn: 'lt', operands: 'number', yieldsBool: true },
  '<=': { fn: 'le', operands: 'number', yieldsBool: true },
  '>': { fn: 'gt', operands: 'number', yieldsBool: true },
  '>=': { fn: 'ge', operands: 'number', yieldsBool: true },
  '&&': { fn: 'and', operands: 'bool', yieldsBool: true },
  '||': { fn: 'or', operands: 'bool', yieldsBool: true },
};

const OPERAND_OK: Record<BinaryRule['operands'], (t: CType) => boolean> = {
  bool: (t) => t === 'bool',
  number: isNumeric,
  int: (t) => t === 'int',
  equality: () => true,
};

const OPERAND_WORDS: Record<BinaryRule['operands'], string> = { bool: 'bool', number: 'number', int: 'int', equality: 'number' };

/** Elaborates the right operand of `&&`/`||` under the guard given by the left one. */
function guardedRight(e: Extract<Expr, { kind: 'binary' }>, left: Typed, ctx: Ctx): Typed | null {
  if (left.opaque || left.e.type !== 'bool') return elaborate(e.right, ctx);
  const ranges = refine(ctx.ranges, left.e, e.op === '&&', ctx.sizes);
  return elaborate(e.right, { ...ctx, ranges });
}

function elabBinary(e: Extract<Expr, { kind: 'binary' }>, ctx: Ctx): Typed | null {
  if (e.op === 'in') return elabMembership(e, ctx);
  const rule = BINARY_RULES[e.op];
  const left = elaborate(e.left, ctx);
  const right = rule.operands === 'bool' && left ? guardedRight(e, left, ctx) : elaborate(e.right, ctx);
  if (!left || !right) return null;
  const ok = OPERAND_OK[rule.operands];
  for (const [side, other, span] of [[left, right, e.left.span], [right, left, e.right.span]] as const) {
    if (!ok(side.e.type)) return operandError(e.op, OPERAND_WORDS[rule.operands], side.e.type, span, ctx, boolAsNumberNote(e.op, side.e.type, other.e.type));
  }
  const [lt, rt] = [left.e.type, right.e.type];
  if (rule.operands === 'equality' && (lt === 'bool') !== (rt === 'bool')) {
    return operandError(e.op, lt === 'bool' ? 'bool' : 'number', lt === 'bool' ? rt : lt, e.right.span, ctx);
  }
  const operandType: CType = lt === 'bool' ? 'bool' : lt === 'float' || rt === 'float' ? 'float' : 'int';
  const a = operandType === 'float' ? toFloat(left.e) : left.e;
  const b = operandType === 'float' ? toFloat(right.e) : right.e;
  if ((rule.fn === 'div' || rule.fn === 'mod') && constNumber(b) === 0 && !right.opaque) {
    ctx.facts.reporter.error('SPC076', e.span);
    return null;
  }
  return typed(mkBinary(rule.fn, rule.yieldsBool ? 'bool' : operandType, a, b), [left, right]);
}

function elabCond(e: Extract<Expr, { kind: 'cond' }>, ctx: Ctx): Typed | null {
  const cond = elaborate(e.cond, ctx);
  const guard = cond && !cond.opaque && cond.e.type === 'bool';
  const then = elaborate(e.then, guard ? { ...ctx, ranges: refine(ctx.ranges, cond.e, true, ctx.sizes) } : ctx);
  const other = elaborate(e.else, guard ? { ...ctx, ranges: refine(ctx.ranges, cond.e, false, ctx.sizes) } : ctx);
  if (!cond || !then || !other) return null;
  const { reporter } = ctx.facts;
  if (cond.e.type !== 'bool') {
    reporter.error('SPC062', e.cond.span, [cond.e.type]);
    return null;
  }
  const [tt, et] = [then.e.type, other.e.type];
  if (tt !== et && !(isNumeric(tt) && isNumeric(et))) {
    reporter.error('SPC061', e.span, [tt, et]);
    return null;
  }
  const type: CType = tt === et ? tt : 'float';
  const pick = (x: CExpr): CExpr => (type === 'float' ? toFloat(x) : x);
  return typed(mkSelect(type, cond.e, pick(then.e), pick(other.e)), [cond, then, other]);
}

const ELABORATORS: { readonly [K in ExprKind]: Handler<K> } = {
  int: (e) => typed(constant('int', e.value), []),
  float: (e) => typed(constant('float', e.value), []),
  bool: (e) => typed(constant('bool', e.value), []),
  name: elabName,
  array: (e, ctx) => {
    ctx.facts.reporter.error('SPC070', e.span);
    return null;
  },
  unary: elabUnary,
  binary: elabBinary,
  cond: elabCond,
  call: (e, ctx) => elabCall(e, ctx),
  index: (e, ctx) => elabIndex(e, ctx),
};

/** Elaborates `expr` in `ctx`; null when an error was reported (or it depends on one). */
export function elaborate(expr: Expr, ctx: Ctx): Typed | null {
  const handler = ELABORATORS[expr.kind] as Handler<ExprKind>;
  return handler(expr as never, ctx);
}
