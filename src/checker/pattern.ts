/**
 * @file Pattern calls: matches arguments (positional, named, defaults) to parameters, binds
 * compile-time values, tables and runtime inputs, and inlines the pattern body in the caller.
 */
import type { Arg, Expr, PatternDecl, Span } from '../frontend/ast.js';
import type { CType } from '../model/expr.js';
import { initialRanges } from './bounds.js';
import { plural } from './builtins.js';
import { toFloat } from './const-eval.js';
import { MAX_INLINED_CALLS, type Ctx, type ModuleScope } from './context.js';
import { resolveParam, type ParamInfo } from './declared.js';
import { dependencyOf, elaborate } from './elaborate.js';
import { didYouMean } from './suggest.js';
import { formatRuntimeType, sameRuntimeType, type Binding, type Typed } from './types.js';

/** The parameters of `decl` with resolved types, duplicates dropped (computed once, errors reported once). */
export function paramsOf(decl: PatternDecl, ctx: Pick<Ctx, 'facts'>): readonly ParamInfo[] {
  const cached = ctx.facts.params.get(decl);
  if (cached) return cached;
  const seen = new Set<string>();
  const infos: ParamInfo[] = [];
  for (const param of decl.params ?? []) {
    if (seen.has(param.name)) {
      ctx.facts.reporter.error('SPC031', param.nameSpan, [param.name]);
      continue;
    }
    seen.add(param.name);
    infos.push(resolveParam(param, ctx.facts.reporter));
  }
  ctx.facts.params.set(decl, infos);
  return infos;
}

/** The module scope of a pattern's own file. */
export function scopeOfPattern(decl: PatternDecl, ctx: Pick<Ctx, 'facts' | 'scope'>): ModuleScope {
  return ctx.facts.scopeOf.get(decl) ?? ctx.scope;
}

/** Context for parameter defaults: the pattern's module, no locals, no guards. */
export function defaultsContext(decl: PatternDecl, ctx: Ctx): Ctx {
  return {
    ...ctx,
    scope: scopeOfPattern(decl, ctx),
    locals: new Map(),
    ranges: initialRanges(ctx.sizes),
    allowScore: false,
    allowFloatFns: false,
  };
}

/** `t` converted to `want` (an int becomes a float), or null when the types do not fit. */
export function coerce(t: Typed, want: CType): Typed | null {
  if (t.e.type === want) return t;
  if (want === 'float' && t.e.type === 'int') return { ...t, e: toFloat(t.e) };
  return null;
}

/** Values of a literal array of `elem` (`[1, -2, 3]`), or null when it is not one. */
export function literalTable(e: Expr, elem: CType): (number | boolean)[] | null {
  if (e.kind !== 'array' || e.items.length === 0) return null;
  const values: (number | boolean)[] = [];
  for (const item of e.items) {
    const negated = item.kind === 'unary' && item.op === '-';
    const lit = negated ? item.operand : item;
    if (lit.kind === 'bool' && !negated && elem === 'bool') values.push(lit.value);
    else if (lit.kind === 'int' && elem !== 'bool') values.push(negated ? -lit.value : lit.value);
    else if (lit.kind === 'float' && elem === 'float') values.push(negated ? -lit.value : lit.value);
    else return null;
  }
  return values;
}

/** Pairs arguments with parameters; null after reporting when they do not match. */
function matchArguments(decl: PatternDecl, params: readonly ParamInfo[], args: readonly Arg[], ctx: Ctx): Map<string, Arg> | null {
  const { reporter } = ctx.facts;
  const matched = new Map<string, Arg>();
  let ok = true;
  let positional = 0;
  let seenNamed = false;
  const positionalCount = args.filter((a) => a.name === null).length;
  for (const arg of args) {
    if (arg.name === null) {
      if (seenNamed) {
        reporter.error('SPC040', arg.value.span);
        return null;
      }
      if (positional >= params.length) {
        reporter.error('SPC037', arg.value.span, [decl.name, plural(params.length, 'argument'), positionalCount]);
        return null;
      }
      matched.set(params[positional]!.param.name, arg);
      positional++;
      continue;
    }
    seenNamed = true;
    const span = arg.nameSpan ?? arg.value.span;
    if (!params.some((p) => p.param.name === arg.name)) {
      reporter.error('SPC035', span, [decl.name, arg.name, didYouMean(arg.name, params.map((p) => p.param.name))]);
      ok = false;
    } else if (matched.has(arg.name)) {
      reporter.error('SPC038', span, [arg.name]);
      ok = false;
    } else {
      matched.set(arg.name, arg);
    }
  }
  return ok ? matched : null;
}

/** Binds one parameter to an argument elaborated in the caller's context. */
function bindArgument(info: ParamInfo, arg: Arg, decl: PatternDecl, ctx: Ctx): Binding | null {
  const { reporter } = ctx.facts;
  const name = info.param.name;
  const span = arg.value.span;
  switch (info.kind) {
    case 'error':
      return null;
    case 'scalar': {
      const t = elaborate(arg.value, ctx);
      if (!t) return null;
      const fitted = coerce(t, info.type);
      if (!fitted) {
        reporter.error('SPC052', span, [`'${name}'`, decl.name, info.type, t.e.type]);
        return null;
      }
      if (t.varying) {
        reporter.error('SPC065', span, [name, decl.name, info.type, dependencyOf(t)]);
        return null;
      }
      return { kind: 'value', type: info.type, value: fitted };
    }
    case 'table': {
      const values = literalTable(arg.value, info.elem);
      if (values) return { kind: 'table', elem: info.elem, values, opaque: false };
      const local = arg.value.kind === 'name' ? ctx.locals.get(arg.value.name) : undefined;
      if (local?.kind === 'table' && local.elem === info.elem) return local;
      reporter.error('SPC078', span, [name, decl.name, info.elem]);
      return null;
    }
    case 'runtime': {
      const local = arg.value.kind === 'name' ? ctx.locals.get(arg.value.name) : undefined;
      if (local?.kind === 'error') return null;
      if (local?.kind !== 'runtime') {
        reporter.error('SPC066', span, [name, decl.name, formatRuntimeType(info.type)]);
        return null;
      }
      if (!sameRuntimeType(local.type, info.type)) {
        const shown = arg.value.kind === 'name' ? arg.value.name : local.input;
        reporter.error('SPC067', span, [shown, formatRuntimeType(local.type), name, decl.name, formatRuntimeType(info.type)]);
        return null;
      }
      return { kind: 'runtime', input: local.input, type: info.type };
    }
  }
}

/** Binds a parameter that got no argument: its default, a fresh runtime input, or an error. */
function bindDefault(info: ParamInfo, decl: PatternDecl, callSpan: Span, ctx: Ctx): Binding | null {
  const { param } = info;
  if (info.kind === 'error') return null;
  if (info.kind === 'runtime') {
    if (param.default) return null; // reported when the pattern itself is checked
    const declared = ctx.inputs.declare(param.name, info.type, callSpan, ctx.facts.reporter);
    return declared ? { kind: 'runtime', input: param.name, type: info.type } : null;
  }
  if (!param.default) {
    ctx.facts.reporter.error('SPC036', callSpan, [decl.name, param.name]);
    return null;
  }
  if (info.kind === 'table') {
    const values = literalTable(param.default, info.elem);
    return values ? { kind: 'table', elem: info.elem, values, opaque: false } : null;
  }
  const t = elaborate(param.default, defaultsContext(decl, ctx));
  const fitted = t && !t.varying ? coerce(t, info.type) : null;
  return fitted ? { kind: 'value', type: info.type, value: fitted } : null;
}

/**
 * Inlines pattern `decl` called with `args` (null: named without a call) at `span`. The body is
 * elaborated in the pattern's own module with the bound parameters, under the caller's guards.
 */
export function inlinePattern(decl: PatternDecl, args: readonly Arg[] | null, span: Span, ctx: Ctx): Typed | null {
  if (ctx.facts.recursive.has(decl) || ctx.stack.includes(decl)) return null;
  if (ctx.facts.overflowed.has(decl)) ctx.expansion.count = MAX_INLINED_CALLS;
  if (++ctx.expansion.count > MAX_INLINED_CALLS) return null; // reported by the root check
  const params = paramsOf(decl, ctx);
  const matched = args ? matchArguments(decl, params, args, ctx) : new Map<string, Arg>();
  if (!matched) return null;
  const locals = new Map<string, Binding>();
  let ok = true;
  for (const info of params) {
    const arg = matched.get(info.param.name);
    const binding = arg ? bindArgument(info, arg, decl, ctx) : bindDefault(info, decl, span, ctx);
    if (binding) locals.set(info.param.name, binding);
    else ok = false;
  }
  if (!ok) return null;
  const body = elaborate(decl.body, {
    ...ctx,
    scope: scopeOfPattern(decl, ctx),
    locals,
    allowScore: false,
    allowFloatFns: false,
    stack: [...ctx.stack, decl],
  });
  return body && body.e.type === 'bool' ? body : null;
}
