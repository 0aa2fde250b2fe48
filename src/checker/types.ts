/**
 * @file The checker's own types: elaborated values (`Typed`), what a name is bound to
 * (`Binding`), runtime input types, and how types print in messages.
 */
import type { Axis, TypeExpr } from '../frontend/ast.js';
import type { CExpr, CType, SizeName } from '../model/expr.js';
import type { InputAxis, RuntimeInput } from '../model/kernel.js';

/**
 * An elaborated expression. `varying`: depends on b, h, q, k, score or a runtime input (so it is
 * not a compile-time value). `opaque`: depends on a parameter whose value is unknown (checking a
 * pattern on its own), so value-dependent checks are skipped.
 */
export interface Typed {
  readonly e: CExpr;
  readonly varying: boolean;
  readonly opaque: boolean;
}

/** A runtime input type without its name. */
export type RuntimeType =
  | { readonly kind: 'tensor'; readonly elem: 'i32' | 'f32' | 'bool'; readonly axes: readonly InputAxis[] }
  | { readonly kind: 'list'; readonly elem: 'i32'; readonly axes: readonly InputAxis[] }
  | { readonly kind: 'blocks'; readonly bq: number; readonly bk: number };

/** What a parameter or kernel input name stands for inside an expression. */
export type Binding =
  /** A compile-time scalar (int, float, bool), already elaborated. */
  | { readonly kind: 'value'; readonly type: CType; readonly value: Typed }
  /** A compile-time table; `values` is empty and `opaque` true when unknown. */
  | { readonly kind: 'table'; readonly elem: CType; readonly values: readonly (number | boolean)[]; readonly opaque: boolean }
  /** A runtime input; `input` is its name in the kernel. */
  | { readonly kind: 'runtime'; readonly input: string; readonly type: RuntimeType }
  /** A parameter whose declared type was invalid (already reported); uses of it fail quietly. */
  | { readonly kind: 'error' };

/** Size names that tensor axes may use, in the order of the model's SizeName. */
export const AXIS_SIZE_NAMES: readonly SizeName[] = ['batch', 'heads', 'kv_heads', 'q_len', 'kv_len', 'head_dim', 'value_dim'];

/** True when `name` is a kernel size name. */
export function isSizeName(name: string): name is SizeName {
  return (AXIS_SIZE_NAMES as readonly string[]).includes(name);
}

/** The value type of a tensor element type. */
export function elemType(elem: 'i32' | 'f32' | 'bool'): CType {
  return elem === 'i32' ? 'int' : elem === 'f32' ? 'float' : 'bool';
}

/** Converts an AST axis; `{ bad }` says what is wrong when it is not valid (an unknown size name, a length below 1). */
export function convertAxis(axis: Axis): InputAxis | { readonly bad: 'name' | 'length' } {
  if (axis.kind === 'star') return { kind: 'free' };
  if (axis.kind === 'int') return axis.value >= 1 ? { kind: 'const', value: axis.value } : { bad: 'length' };
  return isSizeName(axis.name) ? { kind: 'size', name: axis.name } : { bad: 'name' };
}

/** A RuntimeInput of type `type` named `name`. */
export function runtimeInput(name: string, type: RuntimeType): RuntimeInput {
  return type.kind === 'blocks'
    ? { kind: 'blocks', name, bq: type.bq, bk: type.bk }
    : type.kind === 'list'
      ? { kind: 'list', name, elem: 'i32', axes: type.axes }
      : { kind: 'tensor', name, elem: type.elem, axes: type.axes };
}

/** The type part of a RuntimeInput. */
export function typeOfInput(input: RuntimeInput): RuntimeType {
  return input.kind === 'blocks'
    ? { kind: 'blocks', bq: input.bq, bk: input.bk }
    : input.kind === 'list'
      ? { kind: 'list', elem: 'i32', axes: input.axes }
      : { kind: 'tensor', elem: input.elem, axes: input.axes };
}

function formatAxis(a: InputAxis): string {
  return a.kind === 'size' ? a.name : a.kind === 'const' ? String(a.value) : '*';
}

/** Source-like spelling of a runtime type: `i32[kv_len]`, `list<i32>[batch, heads]`, `blocks<64, 64>`. */
export function formatRuntimeType(t: RuntimeType): string {
  if (t.kind === 'blocks') return `blocks<${t.bq}, ${t.bk}>`;
  const axes = `[${t.axes.map(formatAxis).join(', ')}]`;
  return t.kind === 'list' ? `list<i32>${axes}` : `${t.elem}${axes}`;
}

/** Structural equality of runtime types. */
export function sameRuntimeType(a: RuntimeType, b: RuntimeType): boolean {
  return formatRuntimeType(a) === formatRuntimeType(b);
}

/** Source-like spelling of a declared type. */
export function formatTypeExpr(t: TypeExpr): string {
  switch (t.kind) {
    case 'scalar':
      return t.name;
    case 'table':
      return `${t.elem}[]`;
    case 'blocks':
      return `blocks<${t.bq}, ${t.bk}>`;
    default: {
      const axes = t.axes.map((a) => (a.kind === 'name' ? a.name : a.kind === 'int' ? String(a.value) : '*')).join(', ');
      return t.kind === 'list' ? `list<i32>[${axes}]` : `${t.elem}[${axes}]`;
    }
  }
}

/** True for types whose values are numbers. */
export function isNumeric(t: CType): boolean {
  return t === 'int' || t === 'float';
}
