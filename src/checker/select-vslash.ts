/**
 * @file The vertical-slash selector (`kernel NAME = select(last_queries(N)) { rule = vertical_slash(KV, KS) ... }`):
 * its source, rule and forced columns / diagonals, and the block-selector fields it rejects (SPC156 to SPC158).
 */
import type { Expr, KernelDecl } from '../frontend/ast.js';
import type { VerticalSlashSelect } from '../model/select.js';
import type { KernelEnv } from './attention.js';
import { isName, quietConst, singleValue, type FieldSet } from './fields.js';

/** Compile-time int arguments of `callee(...)` (positional), or null. */
function intArgs(e: Expr, callee: string, count: number): number[] | null {
  if (e.kind !== 'call' || e.callee !== callee || e.args.length !== count || e.args.some((a) => a.name !== null)) return null;
  const values = e.args.map((a) => quietConst(a.value));
  return values.every((c) => c && c.isInt) ? values.map((c) => c!.value) : null;
}

/** `last_queries(N)`: the number of trailing queries of the estimate, or null when `e` is not that call. */
export function lastQueriesOf(e: Expr | null): number | 'bad' | null {
  if (!e || e.kind !== 'call' || e.callee !== 'last_queries') return null;
  const n = intArgs(e, 'last_queries', 1);
  return n && n[0]! >= 1 && n[0]! <= 0x7fffffff ? n[0]! : 'bad';
}

/** Checks the fields of a vertical-slash selector reading the last `lastQueries` queries; null after a diagnostic. */
export function checkVerticalSlash(decl: KernelDecl, fields: FieldSet, lastQueries: number, env: KernelEnv): VerticalSlashSelect | null {
  // block-selector fields: a layout, a share level or a non-causal estimate mean nothing here
  for (const [name, why] of [['output', 'it produces the column and offset lists'], ['share', 'each head selects its own lists']] as const) {
    const f = fields.assigns.get(name);
    if (f) env.reporter.error('SPC158', f.nameSpan, [name, why]);
  }
  const causal = fields.assigns.get('causal');
  if (causal && !(causal.values.length === 1 && causal.values[0]!.kind === 'bool' && causal.values[0]!.value === true)) {
    env.reporter.error('SPC158', causal.nameSpan, ['causal', 'the estimate is always causal']);
  }
  const ruleF = fields.assigns.get('rule');
  if (!ruleF) {
    if (!fields.misspelled.has('rule')) env.reporter.error('SPC102', decl.nameSpan, [decl.op, decl.name, 'rule']);
    return null;
  }
  const rv = singleValue(ruleF, env);
  if (!rv) return null;
  const sizes = intArgs(rv, 'vertical_slash', 2);
  if (!sizes || sizes.some((n) => n < 1 || n > 0x7fffffff)) {
    env.reporter.error('SPC156', rv.span, [env.describe(rv)]);
    return null;
  }
  const [kv, ks] = sizes as [number, number];
  const forced = { first: 0, diagonal: 0 };
  const seen = new Set<string>();
  for (const v of fields.assigns.get('force')?.values ?? []) {
    const which = v.kind === 'call' && (v.callee === 'first' || v.callee === 'diagonal') ? v.callee : null;
    const n = which ? intArgs(v, which, 1)?.[0] : undefined;
    const limit = which === 'first' ? kv : ks;
    if (!which || n === undefined || n < 0 || n > limit || seen.has(which)) {
      env.reporter.error('SPC157', v.span, [env.describe(v), kv, ks]);
      return null;
    }
    seen.add(which);
    forced[which] = n;
  }
  return { lastQueries, kv, ks, firstColumns: forced.first, nearDiagonals: forced.diagonal };
}

/** True when `rule` is written as a vertical_slash(...) call (a block selector must not use it). */
export const isVerticalSlashRule = (e: Expr): boolean => (e.kind === 'call' && e.callee === 'vertical_slash') || isName(e, 'vertical_slash');
