/**
 * @file Checks a pattern on its own, whether or not a kernel uses it: parameter names and types,
 * defaults, and the body (with symbolic sizes; parameters without defaults stay opaque).
 */
import type { PatternDecl } from '../frontend/ast.js';
import { initialRanges } from './bounds.js';
import { RESERVED_NAMES } from './builtins.js';
import { constant } from './const-eval.js';
import { InputRegistry, MAX_INLINED_CALLS, SYMBOLIC_SIZES, type Ctx, type ProgramFacts } from './context.js';
import { calledPatterns } from './scope.js';
import type { ParamInfo } from './declared.js';
import { dependencyOf, elaborate } from './elaborate.js';
import { coerce, defaultsContext, literalTable, paramsOf, scopeOfPattern } from './pattern.js';
import type { Binding } from './types.js';

/** A placeholder for a compile-time parameter whose value is not known here. */
function opaqueBinding(info: ParamInfo): Binding {
  if (info.kind === 'scalar') {
    return { kind: 'value', type: info.type, value: { e: constant(info.type, info.type === 'bool' ? true : 1), varying: false, opaque: true } };
  }
  if (info.kind === 'table') return { kind: 'table', elem: info.elem, values: [], opaque: true };
  return { kind: 'error' };
}

/** Binds one parameter for checking the pattern alone, reporting bad defaults. */
function bindForCheck(info: ParamInfo, decl: PatternDecl, ctx: Ctx): Binding {
  const { param } = info;
  const { reporter } = ctx.facts;
  if (RESERVED_NAMES.has(param.name)) reporter.error('SPC043', param.nameSpan, [param.name]);
  if (info.kind === 'error') return { kind: 'error' };
  if (info.kind === 'runtime') {
    if (param.default) reporter.error('SPC077', param.default.span, [param.name]);
    ctx.inputs.declare(param.name, info.type, param.nameSpan, reporter);
    return { kind: 'runtime', input: param.name, type: info.type };
  }
  if (!param.default) return opaqueBinding(info);
  if (info.kind === 'table') {
    const values = literalTable(param.default, info.elem);
    if (values) return { kind: 'table', elem: info.elem, values, opaque: false };
    reporter.error('SPC063', param.default.span, [param.name, info.elem]);
    return opaqueBinding(info);
  }
  const t = elaborate(param.default, defaultsContext(decl, ctx));
  if (!t) return { kind: 'error' };
  const fitted = coerce(t, info.type);
  if (!fitted || t.varying) {
    const found = fitted ? `a value that depends on ${dependencyOf(t)}` : t.e.type;
    reporter.error('SPC064', param.default.span, [param.name, info.type, found]);
    return opaqueBinding(info);
  }
  return { kind: 'value', type: info.type, value: fitted };
}

/** Checks `decl` with symbolic sizes, reporting every problem of its parameters and body. */
export function checkPatternAlone(decl: PatternDecl, facts: ProgramFacts): void {
  const ctx: Ctx = {
    facts,
    scope: scopeOfPattern(decl, { facts, scope: { file: decl.span.file, patterns: new Map() } }),
    locals: new Map(),
    sizes: SYMBOLIC_SIZES,
    ranges: initialRanges(SYMBOLIC_SIZES),
    allowScore: false,
    allowFloatFns: false,
    inputs: new InputRegistry(),
    stack: [decl],
    expansion: { count: 0 },
  };
  const locals = new Map<string, Binding>();
  for (const info of paramsOf(decl, ctx)) locals.set(info.param.name, bindForCheck(info, decl, ctx));
  if (facts.recursive.has(decl)) return;
  const body = elaborate(decl.body, { ...ctx, locals });
  if (ctx.expansion.count > MAX_INLINED_CALLS) {
    const scope = facts.scopeOf.get(decl);
    if (!(scope && calledPatterns(decl, scope).some((c) => facts.overflowed.has(c)))) {
      facts.reporter.error('SPC044', decl.nameSpan, [`pattern '${decl.name}'`, MAX_INLINED_CALLS]);
    }
    facts.overflowed.add(decl);
  }
  if (body && body.e.type !== 'bool') facts.reporter.error('SPC050', decl.body.span, ['pattern body', body.e.type]);
}
