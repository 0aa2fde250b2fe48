/**
 * @file Indexing and membership: table reads `t[i]`, runtime tensor and block-layout loads,
 * `x in list[...]`, with arity and type checks and provable out-of-range detection.
 */
import type { Expr } from '../frontend/ast.js';
import type { CExpr, SizeName } from '../model/expr.js';
import type { InputAxis } from '../model/kernel.js';
import { freeVariables, intervalOf } from './bounds.js';
import { BUILTIN_VALUES, plural } from './builtins.js';
import { constant, mkTable } from './const-eval.js';
import type { Ctx } from './context.js';
import { loadType } from './declared.js';
import { elaborate, namesInScope, typed } from './elaborate.js';
import { didYouMean } from './suggest.js';
import type { Binding, RuntimeType, Typed } from './types.js';

type IndexExpr = Extract<Expr, { kind: 'index' }>;
type BinaryExpr = Extract<Expr, { kind: 'binary' }>;

/** An axis for range checks: its length when static (null when dynamic or free) and how to show its range. */
interface AxisBound {
  readonly length: number | null;
  readonly range: string;
}

function sizeBound(name: SizeName, ctx: Ctx): AxisBound {
  const n = ctx.sizes[name];
  return { length: n, range: n === null ? `[0, ${name})` : `[0, ${name}) with ${name} = ${n}` };
}

function axisBound(axis: InputAxis, ctx: Ctx): AxisBound {
  if (axis.kind === 'size') return sizeBound(axis.name, ctx);
  if (axis.kind === 'const') return { length: axis.value, range: `[0, ${axis.value})` };
  return { length: null, range: '[0, length)' };
}

/** Axes of a runtime input: blocks are [batch, heads, ceil(kv_len / bq), ceil(kv_len / bk)]. */
function axesOf(t: RuntimeType, ctx: Ctx): AxisBound[] {
  if (t.kind !== 'blocks') return t.axes.map((a) => axisBound(a, ctx));
  const kv = ctx.sizes.kv_len;
  const blocksOf = (n: number): AxisBound => ({
    length: kv === null ? null : Math.ceil(kv / n),
    range: kv === null ? `[0, ceil(kv_len / ${n}))` : `[0, ${Math.ceil(kv / n)}) with kv_len = ${kv} in blocks of ${n}`,
  });
  return [sizeBound('batch', ctx), sizeBound('heads', ctx), blocksOf(t.bq), blocksOf(t.bk)];
}

/** The value an index can take outside [0, length), when interval bounds prove one; else null. */
function provablyOutside(index: Typed, length: number | null, ctx: Ctx): number | null {
  if (index.opaque) return null;
  const vars = freeVariables(index.e);
  if (vars.size > 1 || [...vars].some((v) => v.startsWith('load:'))) return null;
  const { lo, hi } = intervalOf(index.e, ctx.ranges, ctx.sizes);
  if (lo > hi) return null;
  if (Number.isFinite(lo) && lo < 0) return lo;
  if (length !== null && Number.isFinite(hi) && hi >= length) return hi;
  return null;
}

/** Elaborates index expressions, checking each is an int. */
function elabIndices(indices: readonly Expr[], ctx: Ctx): Typed[] | null {
  const out = indices.map((i) => elaborate(i, ctx));
  let ok = out.every((t) => t !== null);
  out.forEach((t, i) => {
    if (t && t.e.type !== 'int') {
      ctx.facts.reporter.error('SPC056', indices[i]!.span, [t.e.type]);
      ok = false;
    }
  });
  return ok ? (out as Typed[]) : null;
}

/** Checks arity and ranges of indices into a runtime input; returns the index nodes. */
function runtimeIndices(e: IndexExpr, type: RuntimeType, ctx: Ctx): Typed[] | null {
  const axes = axesOf(type, ctx);
  if (e.indices.length !== axes.length) {
    ctx.facts.reporter.error('SPC055', e.span, [e.target, plural(axes.length, 'index', 'indices'), e.indices.length]);
    return null;
  }
  const indices = elabIndices(e.indices, ctx);
  if (!indices) return null;
  let ok = true;
  indices.forEach((index, i) => {
    const axis = axes[i]!;
    const bad = provablyOutside(index, axis.length, ctx);
    if (bad !== null) {
      ctx.facts.reporter.errorInContext('SPC080', e.indices[i]!.span, [i + 1, e.target, bad, axis.range]);
      ok = false;
    }
  });
  return ok ? indices : null;
}

function elabTableRead(e: IndexExpr, table: Extract<Binding, { kind: 'table' }>, ctx: Ctx): Typed | null {
  if (e.indices.length !== 1) {
    ctx.facts.reporter.error('SPC055', e.span, [e.target, '1 index', e.indices.length]);
    return null;
  }
  const indices = elabIndices(e.indices, ctx);
  if (!indices) return null;
  const index = indices[0]!;
  if (table.opaque) return { e: constant(table.elem, table.elem === 'bool' ? false : 0), varying: index.varying, opaque: true };
  const bad = provablyOutside(index, table.values.length, ctx);
  if (bad !== null) {
    ctx.facts.reporter.errorInContext('SPC081', e.indices[0]!.span, [e.target, bad, table.values.length]);
    return null;
  }
  return typed(mkTable(table.elem, table.values, index.e), [index]);
}

/** What a non-indexable name is, for SPC058; null when the name is unknown. */
function describeNonIndexable(name: string, ctx: Ctx): string | null {
  const local = ctx.locals.get(name);
  if (local?.kind === 'value') return `a compile-time ${local.type}`;
  if (name === 'score') return 'the score';
  const builtin = BUILTIN_VALUES[name];
  if (builtin) return builtin.what;
  if (ctx.scope.patterns.has(name)) return 'a pattern';
  return null;
}

function reportNotIndexable(e: IndexExpr, ctx: Ctx): null {
  const what = describeNonIndexable(e.target, ctx);
  if (what) ctx.facts.reporter.error('SPC058', e.targetSpan, [e.target, what]);
  else ctx.facts.reporter.error('SPC012', e.targetSpan, [e.target, didYouMean(e.target, namesInScope(ctx))]);
  return null;
}

/** Elaborates `target[indices]` used as a value. */
export function elabIndex(e: IndexExpr, ctx: Ctx): Typed | null {
  const local = ctx.locals.get(e.target);
  if (!local || local.kind === 'value') return reportNotIndexable(e, ctx);
  if (local.kind === 'error') return null;
  if (local.kind === 'table') return elabTableRead(e, local, ctx);
  if (local.type.kind === 'list') {
    ctx.facts.reporter.error('SPC069', e.targetSpan, [e.target]);
    return null;
  }
  const indices = runtimeIndices(e, local.type, ctx);
  if (!indices) return null;
  const load: CExpr = { op: 'load', type: loadType(local.type), input: local.input, indices: indices.map((i) => i.e) };
  return typed(load, indices, true);
}

/** Elaborates `value in list[indices]`. */
export function elabMembership(e: BinaryExpr, ctx: Ctx): Typed | null {
  const { reporter } = ctx.facts;
  const value = elaborate(e.left, ctx);
  const right = e.right;
  if (right.kind !== 'index') {
    const local = right.kind === 'name' ? ctx.locals.get(right.name) : undefined;
    if (local?.kind === 'runtime' && local.type.kind === 'list' && right.kind === 'name') {
      reporter.error('SPC057', right.span, ['runtime input', right.name]);
    } else if (right.kind === 'name' && !local && !describeNonIndexable(right.name, ctx)) {
      reporter.error('SPC012', right.span, [right.name, didYouMean(right.name, namesInScope(ctx))]);
    } else {
      reporter.error('SPC054', right.span);
    }
    return null;
  }
  const local = ctx.locals.get(right.target);
  if (!local || local.kind === 'value') return reportNotIndexable(right, ctx);
  if (local.kind === 'error') return null;
  if (local.kind !== 'runtime' || local.type.kind !== 'list') {
    reporter.error('SPC054', right.span);
    return null;
  }
  const indices = runtimeIndices(right, local.type, ctx);
  if (!value || !indices) return null;
  if (value.e.type !== 'int') {
    reporter.error('SPC053', e.left.span, [value.e.type]);
    return null;
  }
  const member: CExpr = { op: 'member', type: 'bool', input: local.input, indices: indices.map((i) => i.e), value: value.e };
  return typed(member, [value, ...indices], true);
}

