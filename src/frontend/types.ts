/**
 * @file Validates a written type (`int`, `int[]`, `i32[kv_len]`, `list<i32>[batch, heads]`,
 * `blocks<64, 64>`) and builds its TypeExpr; anything else is an SPC011 with the list of forms.
 */
import type { Axis, ScalarTypeName, Span, TensorElem, TypeExpr } from './ast.js';
import { SyntaxProblem } from './span.js';

/** A type as the parser saw it: a name, optional `<args>` and optional `[axes]`. */
export interface WrittenType {
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly { readonly text: string; readonly isInt: boolean; readonly span: Span }[];
  readonly hasAxes: boolean;
  readonly axes: readonly Axis[];
  readonly span: Span;
}

const SCALARS: ReadonlySet<string> = new Set<ScalarTypeName>(['int', 'float', 'bool']);
const TENSOR_ELEMS: ReadonlySet<string> = new Set<TensorElem>(['i32', 'f32', 'bool']);
const FORMS = "int, float, bool, int[], float[], bool[], i32[AXES], f32[AXES], bool[AXES], list<i32>[AXES] or blocks<BQ, BK>";

type TypeBuilder = (t: WrittenType, checkInt: (text: string, span: Span) => number) => TypeExpr;

function fail(span: Span, message: string): never {
  throw new SyntaxProblem('SPC011', span, [message]);
}

function noArgs(t: WrittenType): void {
  if (t.args.length) fail(t.args[0]!.span, `type '${t.name}' takes no '<...>' arguments`);
}

/** Builders by type name; `bool` is both a scalar and a tensor element, decided by its axes. */
const BUILDERS: Readonly<Record<string, TypeBuilder>> = {
  list: (t) => {
    if (t.args.length !== 1 || t.args[0]!.text !== 'i32') fail(t.nameSpan, "a list type is written 'list<i32>[AXES]'");
    if (!t.axes.length) fail(t.span, "a list type needs axes, as in 'list<i32>[batch, heads]'");
    return { kind: 'list', elem: 'i32', axes: t.axes, span: t.span };
  },
  blocks: (t, checkInt) => {
    const [bq, bk] = t.args;
    if (t.args.length !== 2 || !bq!.isInt || !bk!.isInt) fail(t.nameSpan, "a block layout is written 'blocks<BQ, BK>' with two integers, as in 'blocks<64, 64>'");
    if (t.hasAxes) fail(t.span, "a block layout takes no axes: its axes are (b, h, q / BQ, k / BK)");
    return { kind: 'blocks', bq: checkInt(bq!.text, bq!.span), bk: checkInt(bk!.text, bk!.span), span: t.span };
  },
};

/** The TypeExpr of a written type; throws SyntaxProblem when it is not one of the forms. */
export function buildType(t: WrittenType, checkInt: (text: string, span: Span) => number): TypeExpr {
  const special = Object.prototype.hasOwnProperty.call(BUILDERS, t.name) ? BUILDERS[t.name] : undefined;
  if (special) return special(t, checkInt);
  noArgs(t);
  if (SCALARS.has(t.name) && (!t.hasAxes || !t.axes.length)) {
    const name = t.name as ScalarTypeName;
    return t.hasAxes ? { kind: 'table', elem: name, span: t.span } : { kind: 'scalar', name, span: t.span };
  }
  if (TENSOR_ELEMS.has(t.name)) {
    if (!t.hasAxes || !t.axes.length) fail(t.span, `a runtime tensor needs axes, as in '${t.name}[kv_len]'`);
    return { kind: 'tensor', elem: t.name as TensorElem, axes: t.axes, span: t.span };
  }
  if (SCALARS.has(t.name)) {
    fail(t.span, `'${t.name}[...]' with axes is not a type: use '${t.name === 'int' ? 'i32' : 'f32'}[AXES]' for a runtime tensor or '${t.name}[]' for a table`);
  }
  return fail(t.nameSpan, `unknown type '${t.name}' (expected ${FORMS})`);
}
