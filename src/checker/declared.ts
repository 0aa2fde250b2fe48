/**
 * @file Declared types of parameters and kernel inputs: converts `TypeExpr`s into what the
 * elaborator binds (scalar, table, runtime input type), reporting bad axes and block sizes.
 */
import type { Param, TypeExpr } from '../frontend/ast.js';
import type { CType } from '../model/expr.js';
import type { InputAxis } from '../model/kernel.js';
import type { Reporter } from './report.js';
import { didYouMean } from './suggest.js';
import { AXIS_SIZE_NAMES, convertAxis, elemType, type RuntimeType } from './types.js';

/** A parameter with its resolved type. */
export type ParamInfo =
  | { readonly kind: 'scalar'; readonly param: Param; readonly type: CType }
  | { readonly kind: 'table'; readonly param: Param; readonly elem: CType }
  | { readonly kind: 'runtime'; readonly param: Param; readonly type: RuntimeType }
  /** The declared type was invalid (already reported). */
  | { readonly kind: 'error'; readonly param: Param };

/** Resolves a runtime type (tensor, list, blocks); null after reporting when invalid, or for compile-time types. */
export function resolveRuntimeType(t: TypeExpr, reporter: Reporter): RuntimeType | null | 'compile-time' {
  if (t.kind === 'scalar' || t.kind === 'table') return 'compile-time';
  if (t.kind === 'blocks') {
    if (t.bq >= 1 && t.bk >= 1) return { kind: 'blocks', bq: t.bq, bk: t.bk };
    reporter.error('SPC074', t.span, [t.bq, t.bk]);
    return null;
  }
  const axes: InputAxis[] = [];
  let ok = true;
  for (const axis of t.axes) {
    const converted = convertAxis(axis);
    if ('bad' in converted) {
      ok = false;
      if (axis.kind === 'name') reporter.error('SPC072', axis.span, [axis.name, didYouMean(axis.name, AXIS_SIZE_NAMES)]);
      else if (axis.kind === 'int') reporter.error('SPC073', axis.span, [axis.value]);
    } else {
      axes.push(converted);
    }
  }
  if (!ok) return null;
  return t.kind === 'list' ? { kind: 'list', elem: 'i32', axes } : { kind: 'tensor', elem: t.elem, axes };
}

/** Resolves the declared type of one parameter. */
export function resolveParam(param: Param, reporter: Reporter): ParamInfo {
  const t = param.type;
  if (t.kind === 'scalar') return { kind: 'scalar', param, type: t.name };
  if (t.kind === 'table') return { kind: 'table', param, elem: t.elem };
  const runtime = resolveRuntimeType(t, reporter);
  return runtime === null || runtime === 'compile-time' ? { kind: 'error', param } : { kind: 'runtime', param, type: runtime };
}

/** The CExpr type of a runtime tensor's elements (lists and blocks: int and bool). */
export function loadType(t: RuntimeType): CType {
  return t.kind === 'blocks' ? 'bool' : t.kind === 'list' ? 'int' : elemType(t.elem);
}
