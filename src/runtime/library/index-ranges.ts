/**
 * @file Runtime inputs whose values are positions or indices, read off the kernel's mask and score expressions
 * (`k in cols[b, h]`: key positions; `layout[b, perm[q]]`: indices of layout's axis), and the check that every
 * such value is in range before a kernel runs.
 */
import type { CExpr, SizeName } from '../../model/expr.js';
import type { AttentionKernel } from '../../model/kernel.js';
import { inputShape } from '../../model/eval.js';
import { isRaggedList, type RuntimeValues } from '../../model/values.js';
import { children } from '../plan/linear.js';

/** A runtime input whose values must lie in [0, bound). */
export interface IndexRule {
  readonly input: string;
  /** Where the bound comes from: a position variable's length, or an axis of another input. */
  readonly bound: { readonly kind: 'size'; readonly name: SizeName } | { readonly kind: 'axis'; readonly input: string; readonly axis: number };
  /** How the values are used, for the error message. */
  readonly use: string;
}

/** Lengths of the positions `q` and `k` range over. */
const POSITION_SIZE: Readonly<Partial<Record<string, SizeName>>> = { q: 'q_len', k: 'kv_len' };

/** A short spelling of an index expression for messages. */
function show(e: CExpr): string {
  return e.op === 'var' ? e.name : e.op === 'load' ? `${e.input}[...]` : '...';
}

/** The index rules of an attention kernel: list values tested against `q` / `k`, tensor values used directly as an index. */
export function indexRules(kernel: AttentionKernel): IndexRule[] {
  const rules = new Map<string, IndexRule>();
  const add = (r: IndexRule): void => {
    const key = `${r.input}:${JSON.stringify(r.bound)}`;
    if (!rules.has(key)) rules.set(key, r);
  };
  const visit = (e: CExpr): void => {
    if (e.op === 'member' && e.value.op === 'var' && POSITION_SIZE[e.value.name]) {
      add({ input: e.input, bound: { kind: 'size', name: POSITION_SIZE[e.value.name]! }, use: `${e.value.name} in ${e.input}[...]` });
    }
    if (e.op === 'load' || e.op === 'member') {
      e.indices.forEach((ix, axis) => {
        if (ix.op === 'load' && ix.type === 'int') {
          add({ input: ix.input, bound: { kind: 'axis', input: e.input, axis }, use: `index ${axis} of ${e.input}[${e.indices.map(show).join(', ')}]` });
        }
      });
    }
    children(e).forEach(visit);
  };
  visit(kernel.mask);
  if (kernel.score) visit(kernel.score);
  return [...rules.values()];
}

/** Element count of a tensor, list count of a ragged list (what a free `*` axis is inferred from). */
function lengthOf(value: RuntimeValues[string]): number {
  if (!value) return 0;
  return isRaggedList(value) ? value.offsets.length - 1 : value.length;
}

/** Throws a clear error naming the input, the element and the range when a value of a rule's input is out of range. */
export function checkIndexRanges(kernel: AttentionKernel, sizes: Readonly<Record<SizeName, number>>, runtime: RuntimeValues): void {
  const decls = new Map(kernel.inputs.map((d) => [d.name, d]));
  for (const rule of indexRules(kernel)) {
    const value = runtime[rule.input];
    if (!value) continue;
    let bound: number;
    let what: string;
    if (rule.bound.kind === 'size') {
      bound = sizes[rule.bound.name];
      what = `${rule.bound.name} = ${bound}`;
    } else {
      const outer = decls.get(rule.bound.input);
      if (!outer) continue;
      bound = inputShape(outer, sizes, lengthOf(runtime[rule.bound.input]))[rule.bound.axis] ?? 0;
      what = `axis ${rule.bound.axis} of '${rule.bound.input}', length ${bound}`;
    }
    const values = isRaggedList(value) ? value.values : value;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < 0 || v >= bound) {
        const at = isRaggedList(value) ? `values[${i}]` : `element ${i}`;
        throw new Error(`${kernel.name}: input '${rule.input}' holds ${v} at ${at}, outside [0, ${bound}) (${what}); its values are used as ${rule.use}`);
      }
    }
  }
}
