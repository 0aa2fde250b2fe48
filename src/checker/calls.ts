/**
 * @file Calls in expressions: built-in functions (min, max, abs, popcount, qb, kb, tanh, exp,
 * log, sqrt, sin, cos, exp2, log2) and pattern calls (delegated to `pattern.ts`), with arity and type checks.
 */
import type { Expr } from '../frontend/ast.js';
import { BUILTIN_FUNCTIONS, BUILTIN_VALUES, plural, type BuiltinFunction } from './builtins.js';
import { constNumber } from './const-eval.js';
import type { Ctx } from './context.js';
import { dependencyOf, elaborate, typed } from './elaborate.js';
import { inlinePattern } from './pattern.js';
import { didYouMean } from './suggest.js';
import { isNumeric, type Typed } from './types.js';

type CallExpr = Extract<Expr, { kind: 'call' }>;

/** What a non-callable name is, for SPC034. */
function describeNonCallable(name: string, ctx: Ctx): string | null {
  const local = ctx.locals.get(name);
  if (local) return local.kind === 'table' ? 'a table' : local.kind === 'runtime' ? 'a runtime input' : 'a parameter';
  if (name === 'score') return 'the score';
  return BUILTIN_VALUES[name]?.what ?? null;
}

/** Elaborates `f(args)`. */
export function elabCall(e: CallExpr, ctx: Ctx): Typed | null {
  const fn = BUILTIN_FUNCTIONS[e.callee];
  if (fn) return elabBuiltinCall(e, fn, ctx);
  const decl = ctx.scope.patterns.get(e.callee);
  if (decl && !ctx.locals.has(e.callee)) return inlinePattern(decl, e.args, e.span, ctx);
  const { reporter } = ctx.facts;
  const what = describeNonCallable(e.callee, ctx);
  if (what) {
    reporter.error('SPC034', e.calleeSpan, [e.callee, what]);
    return reportArguments(e, ctx);
  }
  const candidates = [...ctx.scope.patterns.keys(), ...Object.keys(BUILTIN_FUNCTIONS)];
  reporter.error('SPC033', e.calleeSpan, [e.callee, didYouMean(e.callee, candidates)]);
  return reportArguments(e, ctx);
}

/**
 * A call that cannot be made still has its arguments checked, for their own diagnostics only: each unknown
 * function of `f(g(x))` is reported, not only the outermost. Returns null (the call has no value).
 */
function reportArguments(e: CallExpr, ctx: Ctx): null {
  for (const a of e.args) elaborate(a.value, ctx);
  return null;
}

function elabBuiltinCall(e: CallExpr, fn: BuiltinFunction, ctx: Ctx): Typed | null {
  const { reporter } = ctx.facts;
  const named = e.args.find((a) => a.name !== null);
  if (named) {
    reporter.error('SPC042', named.nameSpan ?? e.span, [e.callee]);
    return null;
  }
  if (fn.scoreOnly && !ctx.allowFloatFns) {
    reporter.error('SPC060', e.calleeSpan, [e.callee]);
    return reportArguments(e, ctx);
  }
  if (e.args.length !== fn.args.length) {
    reporter.error('SPC041', e.span, [e.callee, plural(fn.args.length, 'argument'), e.args.length]);
    return reportArguments(e, ctx);
  }
  const args = e.args.map((a) => elaborate(a.value, ctx));
  let failed = args.some((a) => a === null);
  args.forEach((a, i) => {
    if (!a) return;
    const kind = fn.args[i]!;
    const ok = kind === 'int' ? a.e.type === 'int' : isNumeric(a.e.type);
    if (!ok) {
      reporter.error('SPC052', e.args[i]!.value.span, [i + 1, e.callee, kind, a.e.type]);
      failed = true;
    }
  });
  if (failed) return null;
  const checked = args as Typed[];
  if (fn.blockSize && !checkBlockSize(e, checked[0]!, ctx)) return null;
  const type = fn.resultType(checked.map((a) => a.e.type));
  return typed(fn.build(checked.map((a) => a.e), type), checked, fn.blockSize !== undefined);
}

/** qb(B) / kb(B): B must be a positive int that does not vary per point. */
function checkBlockSize(e: CallExpr, size: Typed, ctx: Ctx): boolean {
  const span = e.args[0]!.value.span;
  if (size.varying) {
    ctx.facts.reporter.error('SPC075', span, [e.callee, `a value that depends on ${dependencyOf(size)}`]);
    return false;
  }
  const n = constNumber(size.e);
  if (n !== null && n <= 0 && !size.opaque) {
    ctx.facts.reporter.errorInContext('SPC075', span, [e.callee, n]);
    return false;
  }
  return true;
}
