/**
 * @file Selector kernels (`kernel NAME = select(pooled(mean)) { ... }`): sizes (as attention), the score source,
 * the produced layout `output = blocks(BQ, BK)`, the rule, causal, forced blocks and GQA sharing.
 */
import type { Expr, KernelDecl } from '../frontend/ast.js';
import type { Size } from '../model/kernel.js';
import type { SelectKernel, SelectKeyPool, SelectPool, SelectRule } from '../model/select.js';
import { ATTENTION_FIELDS, GEMM_FIELDS, attentionSizes, modelSizes, requireField, scaleField, staticSizes, type KernelEnv } from './attention.js';
import { checkVerticalSlash, isVerticalSlashRule, lastQueriesOf } from './select-vslash.js';
import { collectFields, isName, quietConst, schedulesOf, singleValue, type AssignField } from './fields.js';

/** Fields of selector kernels. */
export const SELECT_FIELDS: readonly string[] = [
  'batch', 'heads', 'kv_heads', 'head_dim', 'q_len', 'kv_len', 'seq', 'scale', 'output', 'rule', 'causal', 'force', 'share',
];

type CallExpr = Extract<Expr, { kind: 'call' }>;

const POOLS: readonly SelectPool[] = ['mean', 'max'];

function poolOf(e: Expr): SelectPool | null {
  return POOLS.find((p) => isName(e, p)) ?? null;
}

/** `pooled(P)` or `pooled(PQ, PK)`: the pooling of Q blocks and K blocks (`bound` only for K). */
function sourceOf(e: Expr | null, env: KernelEnv): { q: SelectPool; k: SelectKeyPool } | null {
  if (e && e.kind === 'call' && e.callee === 'pooled' && (e.args.length === 1 || e.args.length === 2) && e.args.every((a) => a.name === null)) {
    const q = poolOf(e.args[0]!.value);
    const kExpr = e.args[e.args.length - 1]!.value;
    const k: SelectKeyPool | null = e.args.length === 2 && isName(kExpr, 'bound') ? 'bound' : poolOf(kExpr);
    if (q && k) return { q, k };
  }
  if (e) env.reporter.error('SPC150', e.span, [env.describe(e)]);
  return null;
}

function callArgs(v: Expr, callee: string, count: number): readonly Expr[] | null {
  if (v.kind !== 'call' || v.callee !== callee || v.args.length !== count || v.args.some((a) => a.name !== null)) return null;
  return (v as CallExpr).args.map((a) => a.value);
}

/** `output = blocks(BQ, BK)`. */
function outputField(field: AssignField, env: KernelEnv): [number, number] | null {
  const v = singleValue(field, env);
  if (!v) return null;
  const args = callArgs(v, 'blocks', 2);
  const sizes = args?.map((a) => quietConst(a));
  if (sizes && sizes.every((c) => c && c.isInt && c.value >= 1 && c.value <= 0x7fffffff)) return [sizes[0]!.value, sizes[1]!.value];
  env.reporter.error('SPC151', v.span, [env.describe(v)]);
  return null;
}

/** `rule = topk(N) | threshold(T) | mass(G)`. */
function ruleField(field: AssignField, env: KernelEnv): SelectRule | null {
  const v = singleValue(field, env);
  if (!v) return null;
  const arg = (callee: string): number | null => {
    const args = callArgs(v, callee, 1);
    const c = args ? quietConst(args[0]!) : null;
    return c && (callee !== 'topk' || c.isInt) ? c.value : null;
  };
  const n = arg('topk');
  if (n !== null && n >= 1 && n <= 0x7fffffff) return { kind: 'topk', n };
  const t = arg('threshold');
  if (t !== null && t > 0 && t <= 1) return { kind: 'threshold', t };
  const gamma = arg('mass');
  if (gamma !== null && gamma > 0 && gamma <= 1) return { kind: 'mass', gamma };
  env.reporter.error('SPC152', v.span, [env.describe(v)]);
  return null;
}

/** `force = diagonal, first` (either or both). */
function forceField(field: AssignField | undefined, env: KernelEnv): { diagonal: boolean; first: boolean } | null {
  const out = { diagonal: false, first: false };
  for (const v of field?.values ?? []) {
    const which = isName(v, 'diagonal') ? 'diagonal' : isName(v, 'first') ? 'first' : null;
    if (!which || out[which]) {
      env.reporter.error('SPC153', v.span, [env.describe(v)]);
      return null;
    }
    out[which] = true;
  }
  return out;
}

/** A field whose value is one of `names` (`share = head | group`, `causal = true | false`). */
function choiceField<T extends string | boolean>(field: AssignField | undefined, fallback: T, choices: readonly [string, T][], env: KernelEnv): T | null {
  if (!field) return fallback;
  const v = singleValue(field, env);
  if (!v) return null;
  const found = choices.find(([text]) => (v.kind === 'bool' ? String(v.value) === text : isName(v, text)));
  if (found) return found[1];
  env.reporter.error('SPC154', v.span, [field.name, choices.map(([t]) => t).join(' or '), env.describe(v)]);
  return null;
}

/** Checks a selector kernel; returns it when everything about it is valid. */
export function checkSelect(decl: KernelDecl, env: KernelEnv): SelectKernel | null {
  const before = env.reporter.count;
  const others = [...ATTENTION_FIELDS, ...GEMM_FIELDS].filter((f) => !SELECT_FIELDS.includes(f));
  const fields = collectFields(decl, SELECT_FIELDS, others, env);
  for (const input of fields.inputs) env.reporter.error('SPC155', input.nameSpan, [input.name]);
  const sizes = attentionSizes(decl, fields, env);
  const scale = scaleField(fields.assigns.get('scale'), staticSizes(sizes), env);
  const lastQueries = lastQueriesOf(decl.pattern);
  if (lastQueries === 'bad') {
    env.reporter.error('SPC150', decl.pattern!.span, [env.describe(decl.pattern!)]);
    return null;
  }
  if (typeof lastQueries === 'number') {
    const vslash = checkVerticalSlash(decl, fields, lastQueries, env);
    const schedules = schedulesOf(fields.schedules, env);
    if (env.reporter.count > before || !vslash || scale === 'error') return null;
    return {
      ...blockSelectorShell(decl, sizes, scale, schedules),
      rule: { kind: 'topk', n: vslash.kv },
      vslash,
    };
  }
  const ruleValue = fields.assigns.get('rule')?.values[0];
  const listRule = ruleValue !== undefined && isVerticalSlashRule(ruleValue);
  if (listRule) env.reporter.error('SPC156', ruleValue.span, [env.describe(ruleValue)]);
  const source = sourceOf(decl.pattern, env);
  requireField(decl, fields, 'output', env);
  requireField(decl, fields, 'rule', env);
  const outputF = fields.assigns.get('output');
  const ruleF = fields.assigns.get('rule');
  const blocks = outputF ? outputField(outputF, env) : null;
  const rule = ruleF && !listRule ? ruleField(ruleF, env) : null;
  const causal = choiceField(fields.assigns.get('causal'), false, [['true', true], ['false', false]], env);
  const force = forceField(fields.assigns.get('force'), env);
  const share = choiceField<'head' | 'group'>(fields.assigns.get('share'), 'head', [['head', 'head'], ['group', 'group']], env);
  const schedules = schedulesOf(fields.schedules, env);
  if (env.reporter.count > before || !source || !blocks || !rule || causal === null || !force || !share || scale === 'error') return null;
  return {
    ...blockSelectorShell(decl, sizes, scale, schedules),
    qPool: source.q,
    kPool: source.k,
    bq: blocks[0],
    bk: blocks[1],
    rule,
    causal,
    forceFirst: force.first,
    forceDiagonal: force.diagonal,
    share,
  };
}

/** The fields every selector has, with the block fields at their defaults (a vertical-slash selector keeps these). */
function blockSelectorShell(decl: KernelDecl, sizes: ReturnType<typeof attentionSizes>, scale: number | null, schedules: SelectKernel['schedules']): SelectKernel {
  return {
    kind: 'select',
    name: decl.name,
    origin: { file: decl.span.file, line: decl.span.line, col: decl.span.col },
    ...modelSizes(sizes, sizes.head_dim),
    dtype: 'f32',
    scale,
    qPool: 'mean',
    kPool: 'mean',
    bq: 1,
    bk: 1,
    rule: { kind: 'topk', n: 1 },
    causal: true,
    forceFirst: false,
    forceDiagonal: false,
    share: 'head',
    vslash: null,
    inputs: [],
    schedules,
  };
}
