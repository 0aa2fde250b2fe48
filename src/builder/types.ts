/**
 * @file Parameter and runtime-input type constructors of the builder: `int(4)`, `intTable([..])`,
 * `i32('kv_len')`, `list('batch', 'heads')`, `blocks(64, 64)`..., each giving an AST `TypeExpr`.
 */
import type { Axis, Expr, ScalarTypeName, TensorElem, TypeExpr } from '../frontend/ast.js';
import { BuilderError, describe } from './errors.js';
import { PLACEHOLDER_SPAN } from './defs.js';
import { E, numberExpr, toE } from './expr.js';

const span = PLACEHOLDER_SPAN;
const TYPE_BRAND = Symbol.for('sparsec.builder.type');

/** Compile-time scalar, compile-time table, or runtime input (tensor, list, blocks). */
export type ParamKind = 'scalar' | 'table' | 'runtime';

/** A parameter or input type with its optional default; made by the constructors below. */
export interface ParamType<K extends ParamKind = ParamKind> {
  readonly [TYPE_BRAND]: true;
  readonly kind: K;
  readonly type: TypeExpr;
  readonly default: Expr | null;
}

/** A runtime input type: `i32[..]`, `f32[..]`, `bool[..]`, `list<i32>[..]` or `blocks<BQ, BK>`. */
export type RuntimeType = ParamType<'runtime'>;

/** An axis of a runtime type: a size name (`'kv_len'` or `'kvLen'`), a fixed length, `'*'`, or a size `E` (`heads`). */
export type AxisSpec = string | number | E;

/** True for values made by the constructors of this file. */
export function isParamType(value: unknown): value is ParamType {
  return typeof value === 'object' && value !== null && (value as { [TYPE_BRAND]?: unknown })[TYPE_BRAND] === true;
}

/** `kvHeads` → `kv_heads`; snake_case names are unchanged. */
export function snakeCase(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function make<K extends ParamKind>(kind: K, type: TypeExpr, dflt: Expr | null): ParamType<K> {
  return { [TYPE_BRAND]: true, kind, type, default: dflt };
}

function scalar(name: ScalarTypeName, dflt: Expr | null): ParamType<'scalar'> {
  return make('scalar', { kind: 'scalar', name, span }, dflt);
}

function scalarDefault(value: unknown, elem: ScalarTypeName): Expr {
  if (typeof value === 'object' && value !== null) return toE(value as E).expr;
  if (elem === 'bool') {
    if (typeof value !== 'boolean') throw new BuilderError(`a bool value must be true or false, got ${describe(value)}`);
    return { kind: 'bool', value, span };
  }
  if (typeof value !== 'number') throw new BuilderError(`an ${elem} value must be a number, got ${describe(value)}`);
  if (elem === 'int' && !Number.isInteger(value)) throw new BuilderError(`an int value must be an integer, got ${value}`);
  return numberExpr(value, elem === 'float');
}

/** `int` parameter, with an optional default: `int(1024)`. */
export function int(dflt?: number | E): ParamType<'scalar'> {
  return scalar('int', dflt === undefined ? null : scalarDefault(dflt, 'int'));
}

/** `float` parameter, with an optional default (always a float literal: `float(1)` is `1.0`). */
export function float(dflt?: number | E): ParamType<'scalar'> {
  return scalar('float', dflt === undefined ? null : scalarDefault(dflt, 'float'));
}

/** `bool` parameter, with an optional default. */
export function bool(dflt?: boolean | E): ParamType<'scalar'> {
  return scalar('bool', dflt === undefined ? null : scalarDefault(dflt, 'bool'));
}

function table(elem: ScalarTypeName, values: readonly unknown[]): ParamType<'table'> {
  if (!Array.isArray(values)) throw new BuilderError(`an ${elem}[] table needs an array of values, got ${describe(values)}`);
  const items = values.map((v) => scalarDefault(v, elem));
  return make('table', { kind: 'table', elem, span }, { kind: 'array', items, span });
}

/** `int[]` compile-time table with its literal default: `intTable([128, 256])`, used as `spans.at(h)`. */
export function intTable(values: readonly number[]): ParamType<'table'> {
  return table('int', values);
}

/** `float[]` compile-time table with its literal default. */
export function floatTable(values: readonly number[]): ParamType<'table'> {
  return table('float', values);
}

/** `bool[]` compile-time table with its literal default. */
export function boolTable(values: readonly boolean[]): ParamType<'table'> {
  return table('bool', values);
}

function axisOf(a: AxisSpec): Axis {
  if (typeof a === 'number') {
    if (!Number.isInteger(a) || a < 0) throw new BuilderError(`an axis length must be a non-negative integer, got ${a}`);
    return { kind: 'int', value: a, span };
  }
  if (a === '*') return { kind: 'star', span };
  if (typeof a === 'string') return { kind: 'name', name: snakeCase(a), span };
  const e = toE(a).expr;
  if (e.kind === 'name') return { kind: 'name', name: e.name, span };
  if (e.kind === 'int') return { kind: 'int', value: e.value, span };
  throw new BuilderError(`an axis must be a size name, an integer or '*', got a ${e.kind} expression`);
}

function tensor(elem: TensorElem, axes: readonly AxisSpec[]): RuntimeType {
  if (axes.length === 0) throw new BuilderError(`a runtime ${elem} tensor needs at least one axis`);
  return make('runtime', { kind: 'tensor', elem, axes: axes.map(axisOf), span }, null);
}

/** Runtime `i32[AXES]` tensor: `i32('kv_len')`. */
export function i32(...axes: AxisSpec[]): RuntimeType {
  return tensor('i32', axes);
}

/** Runtime `f32[AXES]` tensor: `f32('heads')`. */
export function f32(...axes: AxisSpec[]): RuntimeType {
  return tensor('f32', axes);
}

/** Runtime `bool[AXES]` tensor: `boolTensor('heads')` (`bool(...)` is the compile-time scalar). */
export function boolTensor(...axes: AxisSpec[]): RuntimeType {
  return tensor('bool', axes);
}

/** Runtime ragged `list<i32>[AXES]`: `list('batch', 'heads')`, used as `k.in(cols.at(b, h))`. */
export function list(...axes: AxisSpec[]): RuntimeType {
  if (axes.length === 0) throw new BuilderError('a runtime list needs at least one axis');
  return make('runtime', { kind: 'list', elem: 'i32', axes: axes.map(axisOf), span }, null);
}

/** Runtime `blocks<BQ, BK>` block layout, used as `sel.at(b, h, q.div(64), k.div(64))`. */
export function blocks(bq: number, bk: number): RuntimeType {
  for (const v of [bq, bk]) {
    if (!Number.isInteger(v) || v < 1) throw new BuilderError(`block sizes must be positive integers, got ${describe(v)}`);
  }
  return make('runtime', { kind: 'blocks', bq, bk, span }, null);
}
