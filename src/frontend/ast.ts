/**
 * @file The plain, typed AST of `.sparse` files. The parser (`parse.ts`) and the TypeScript
 * builder (`src/builder`) both produce it; the checker is its only consumer.
 */

/** A source range. Lines and columns are 1-based; `offset`/`length` are in UTF-16 units. */
export interface Span {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
  readonly offset: number;
  readonly length: number;
}

/** Binary operators, as written in the source. `in` is list membership. */
export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%'
  | '&' | '|' | '^' | '<<' | '>>'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'in' | '&&' | '||';

export type UnaryOp = '-' | '!';

/** One argument of a call: `value` or `name = value`. */
export interface Arg {
  readonly name: string | null;
  readonly nameSpan: Span | null;
  readonly value: Expr;
}

/** Expressions. `call` covers built-in functions (min, qb, tanh, nm, threshold...) and pattern calls. */
export type Expr =
  | { readonly kind: 'int'; readonly value: number; readonly span: Span }
  | { readonly kind: 'float'; readonly value: number; readonly text: string; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'name'; readonly name: string; readonly span: Span }
  | { readonly kind: 'array'; readonly items: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: 'cond'; readonly cond: Expr; readonly then: Expr; readonly else: Expr; readonly span: Span }
  | { readonly kind: 'call'; readonly callee: string; readonly calleeSpan: Span; readonly args: readonly Arg[]; readonly span: Span }
  | { readonly kind: 'index'; readonly target: string; readonly targetSpan: Span; readonly indices: readonly Expr[]; readonly span: Span };

export type ExprKind = Expr['kind'];

/** An axis of a runtime tensor type: a size name (`kv_len`), a number, or `*` (free length). */
export type Axis =
  | { readonly kind: 'name'; readonly name: string; readonly span: Span }
  | { readonly kind: 'int'; readonly value: number; readonly span: Span }
  | { readonly kind: 'star'; readonly span: Span };

/** Scalar element types of compile-time parameters and runtime tensors. */
export type ScalarTypeName = 'int' | 'float' | 'bool';
export type TensorElem = 'i32' | 'f32' | 'bool';

/** Parameter and runtime-input types, as written. */
export type TypeExpr =
  | { readonly kind: 'scalar'; readonly name: ScalarTypeName; readonly span: Span }                // int
  | { readonly kind: 'table'; readonly elem: ScalarTypeName; readonly span: Span }                 // int[]
  | { readonly kind: 'tensor'; readonly elem: TensorElem; readonly axes: readonly Axis[]; readonly span: Span } // i32[kv_len]
  | { readonly kind: 'list'; readonly elem: 'i32'; readonly axes: readonly Axis[]; readonly span: Span }        // list<i32>[batch, heads]
  | { readonly kind: 'blocks'; readonly bq: number; readonly bk: number; readonly span: Span };                // blocks<64, 64>

export interface Param {
  readonly name: string;
  readonly nameSpan: Span;
  readonly type: TypeExpr;
  readonly default: Expr | null;
  readonly span: Span;
}

/** `pattern NAME(params) = body`; `params` is null when the parentheses were omitted. */
export interface PatternDecl {
  readonly kind: 'pattern';
  readonly name: string;
  readonly nameSpan: Span;
  readonly params: readonly Param[] | null;
  readonly body: Expr;
  readonly span: Span;
}

/** One line inside a kernel's braces. */
export type KernelField =
  /** `name = v1, v2, ...` (most fields have one value; `outputs = out, lse` has two). */
  | { readonly kind: 'assign'; readonly name: string; readonly nameSpan: Span; readonly values: readonly Expr[]; readonly span: Span }
  /** `name: f32[heads]`, a runtime input of the kernel itself. */
  | { readonly kind: 'input'; readonly name: string; readonly nameSpan: Span; readonly type: TypeExpr; readonly span: Span }
  /** `schedule TARGET { key = value ... }` */
  | {
      readonly kind: 'schedule';
      readonly target: string;
      readonly targetSpan: Span;
      readonly items: readonly { readonly name: string; readonly nameSpan: Span; readonly value: Expr; readonly span: Span }[];
      readonly span: Span;
    };

/** `kernel NAME = attention(PATTERN) { fields }`, `kernel NAME = select(SOURCE) { fields }` or `kernel NAME = gemm { fields }`. */
export interface KernelDecl {
  readonly kind: 'kernel';
  readonly name: string;
  readonly nameSpan: Span;
  readonly op: 'attention' | 'gemm' | 'select';
  readonly opSpan: Span;
  /** The pattern expression of an attention kernel, the score source of a selector (`pooled(mean)`); null for gemm. */
  readonly pattern: Expr | null;
  readonly fields: readonly KernelField[];
  readonly span: Span;
}

export interface ImportDecl {
  readonly kind: 'import';
  readonly path: string;
  readonly pathSpan: Span;
  readonly span: Span;
}

export type Decl = PatternDecl | KernelDecl;

/** One parsed file. */
export interface Module {
  readonly file: string;
  readonly imports: readonly ImportDecl[];
  readonly decls: readonly Decl[];
}
