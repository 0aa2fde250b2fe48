/** @file fast-check arbitraries of well-formed ASTs (valid identifiers, no keywords), spans dummy. */
import fc from 'fast-check';
import type { Axis, BinaryOp, Decl, Expr, KernelField, Module, Param, Span, TypeExpr } from '../../src/frontend/ast.js';

const SPAN: Span = { file: 'gen.sparse', line: 1, col: 1, endLine: 1, endCol: 1, offset: 0, length: 0 };
const KEYWORDS = new Set(['pattern', 'kernel', 'import', 'true', 'false', 'in']);
const BINARY_OPS: BinaryOp[] = ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '==', '!=', '<', '<=', '>', '>=', 'in', '&&', '||'];

export const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/).filter((s) => !KEYWORDS.has(s));
const int31 = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** A float literal as the printer writes it for a value: `1.0`, `0.5`, `1e-7`, `1.5e+21`. */
export function floatText(v: number): string {
  const s = String(v);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

const floatExpr = fc
  .double({ min: 0, max: 1e30, noNaN: true, noDefaultInfinity: true })
  .filter((v) => !Object.is(v, -0))
  .map((v): Expr => ({ kind: 'float', value: v, text: floatText(v), span: SPAN }));

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  int31.map((value): Expr => ({ kind: 'int', value, span: SPAN })),
  floatExpr,
  fc.boolean().map((value): Expr => ({ kind: 'bool', value, span: SPAN })),
  identifier.map((name): Expr => ({ kind: 'name', name, span: SPAN })),
);

/** Random expressions of every kind, nested a few levels. */
export const expr: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => {
  const sub = tie('expr');
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ op: fc.constantFrom<'-' | '!'>('-', '!'), operand: sub }).map((r): Expr => ({ kind: 'unary', ...r, span: SPAN })),
      fc.record({ op: fc.constantFrom(...BINARY_OPS), left: sub, right: sub }).map((r): Expr => ({ kind: 'binary', ...r, span: SPAN })),
      fc.record({ cond: sub, then: sub, else: sub }).map((r): Expr => ({ kind: 'cond', ...r, span: SPAN })),
      fc
        .record({
          callee: identifier,
          args: fc.array(fc.record({ name: fc.option(identifier, { nil: null }), value: sub }), { maxLength: 3 }),
        })
        .map((r): Expr => ({
          kind: 'call',
          callee: r.callee,
          calleeSpan: SPAN,
          args: r.args.map((a) => ({ name: a.name, nameSpan: a.name === null ? null : SPAN, value: a.value })),
          span: SPAN,
        })),
      fc
        .record({ target: identifier, indices: fc.array(sub, { minLength: 1, maxLength: 3 }) })
        .map((r): Expr => ({ kind: 'index', ...r, targetSpan: SPAN, span: SPAN })),
      fc.array(sub, { maxLength: 3 }).map((items): Expr => ({ kind: 'array', items, span: SPAN })),
    ),
  };
}).expr;

const axis: fc.Arbitrary<Axis> = fc.oneof(
  identifier.map((name): Axis => ({ kind: 'name', name, span: SPAN })),
  int31.map((value): Axis => ({ kind: 'int', value, span: SPAN })),
  fc.constant<Axis>({ kind: 'star', span: SPAN }),
);
const axes = fc.array(axis, { minLength: 1, maxLength: 3 });

export const typeExpr: fc.Arbitrary<TypeExpr> = fc.oneof(
  fc.constantFrom<'int' | 'float' | 'bool'>('int', 'float', 'bool').map((name): TypeExpr => ({ kind: 'scalar', name, span: SPAN })),
  fc.constantFrom<'int' | 'float' | 'bool'>('int', 'float', 'bool').map((elem): TypeExpr => ({ kind: 'table', elem, span: SPAN })),
  fc.record({ elem: fc.constantFrom<'i32' | 'f32' | 'bool'>('i32', 'f32', 'bool'), axes }).map((r): TypeExpr => ({ kind: 'tensor', ...r, span: SPAN })),
  axes.map((a): TypeExpr => ({ kind: 'list', elem: 'i32', axes: a, span: SPAN })),
  fc.record({ bq: int31, bk: int31 }).map((r): TypeExpr => ({ kind: 'blocks', ...r, span: SPAN })),
);

const param: fc.Arbitrary<Param> = fc
  .record({ name: identifier, type: typeExpr, default: fc.option(expr, { nil: null }) })
  .map((r) => ({ ...r, nameSpan: SPAN, span: SPAN }));

const field: fc.Arbitrary<KernelField> = fc.oneof(
  fc.record({ name: identifier, values: fc.array(expr, { minLength: 1, maxLength: 3 }) }).map((r): KernelField => ({ kind: 'assign', ...r, nameSpan: SPAN, span: SPAN })),
  fc.record({ name: identifier, type: typeExpr }).map((r): KernelField => ({ kind: 'input', ...r, nameSpan: SPAN, span: SPAN })),
  fc
    .record({ target: identifier, items: fc.array(fc.record({ name: identifier, value: expr }), { maxLength: 3 }) })
    .map((r): KernelField => ({
      kind: 'schedule',
      target: r.target,
      targetSpan: SPAN,
      items: r.items.map((i) => ({ ...i, nameSpan: SPAN, span: SPAN })),
      span: SPAN,
    })),
);

export const decl: fc.Arbitrary<Decl> = fc.oneof(
  fc
    .record({ name: identifier, params: fc.option(fc.array(param, { maxLength: 3 }), { nil: null }), body: expr })
    .map((r): Decl => ({ kind: 'pattern', ...r, nameSpan: SPAN, span: SPAN })),
  fc
    .record({ name: identifier, op: fc.constantFrom<'attention' | 'gemm'>('attention', 'gemm'), pattern: expr, fields: fc.array(field, { maxLength: 4 }) })
    .map((r): Decl => ({ kind: 'kernel', ...r, pattern: r.op === 'attention' ? r.pattern : null, nameSpan: SPAN, opSpan: SPAN, span: SPAN })),
);

/** Whole modules; `file` is fixed so it matches what parseSource is given. */
export function moduleIn(file: string): fc.Arbitrary<Module> {
  return fc
    .record({
      imports: fc.array(fc.stringMatching(/^[a-z0-9_./-]{1,12}$/), { maxLength: 2 }),
      decls: fc.array(decl, { maxLength: 4 }),
    })
    .map((r): Module => ({
      file,
      imports: r.imports.map((path) => ({ kind: 'import', path, pathSpan: SPAN, span: SPAN })),
      decls: r.decls,
    }));
}
