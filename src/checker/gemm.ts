/**
 * @file Gemm kernels: m, n, k, the weight format (dense, nm, bsr, csr) and its constraints,
 * the input threshold, bias, epilogue, dtype and schedules.
 */
import type { Expr, KernelDecl } from '../frontend/ast.js';
import type { Epilogue, GemmKernel, Size, WeightFormat } from '../model/kernel.js';
import { ATTENTION_FIELDS, GEMM_FIELDS, type KernelEnv } from './attention.js';
import { plural } from './builtins.js';
import { didYouMean } from './suggest.js';
import { collectFields, dtypeField, isName, quietConst, schedulesOf, singleValue, sizeField, type AssignField } from './fields.js';

type CallExpr = Extract<Expr, { kind: 'call' }>;

/** The two compile-time int arguments of nm(N, M) / bsr(R, C); null after reporting. */
function twoIntArgs(call: CallExpr, env: KernelEnv): [number, number] | null {
  const named = call.args.find((a) => a.name !== null);
  if (named) {
    env.reporter.error('SPC042', named.nameSpan ?? call.span, [call.callee]);
    return null;
  }
  if (call.args.length !== 2) {
    env.reporter.error('SPC041', call.span, [call.callee, plural(2, 'argument'), call.args.length]);
    return null;
  }
  const values: number[] = [];
  for (const arg of call.args) {
    const c = quietConst(arg.value);
    if (!c || !c.isInt) {
      env.reporter.error('SPC128', arg.value.span, [call.callee, env.describe(arg.value)]);
      return null;
    }
    values.push(c.value);
  }
  return [values[0]!, values[1]!];
}

function nmFormat(call: CallExpr, k: Size | null, env: KernelEnv): WeightFormat | null {
  const args = twoIntArgs(call, env);
  if (!args) return null;
  const [keep, group] = args;
  if (!(keep >= 1 && keep < group && group <= 64)) {
    env.reporter.error('SPC121', call.span, [keep, group]);
    return null;
  }
  if (typeof k === 'number' && k % group !== 0) {
    env.reporter.error('SPC122', call.span, [k, group, keep]);
    return null;
  }
  return { format: 'nm', keep, group };
}

function bsrFormat(call: CallExpr, n: Size | null, k: Size | null, env: KernelEnv): WeightFormat | null {
  const args = twoIntArgs(call, env);
  if (!args) return null;
  const [r, c] = args;
  if (r < 1 || c < 1) {
    env.reporter.error('SPC123', call.span, [r, c]);
    return null;
  }
  let ok = true;
  if (typeof n === 'number' && n % r !== 0) {
    env.reporter.error('SPC124', call.args[0]!.value.span, ['R', r, 'n', n]);
    ok = false;
  }
  if (typeof k === 'number' && k % c !== 0) {
    env.reporter.error('SPC124', call.args[1]!.value.span, ['C', c, 'k', k]);
    ok = false;
  }
  return ok ? { format: 'bsr', r, c } : null;
}

/** How the language writes each weight format: a plain name, or a call with parameters checked against n and k. */
type WeightSyntax =
  | { readonly kind: 'name'; readonly layout: WeightFormat }
  | { readonly kind: 'call'; check(call: CallExpr, n: Size | null, k: Size | null, env: KernelEnv): WeightFormat | null };

/** Every weight format's syntax (exhaustive over the model's formats: a new format is one more row). */
const WEIGHT_SYNTAX = {
  dense: { kind: 'name', layout: { format: 'dense' } },
  csr: { kind: 'name', layout: { format: 'csr' } },
  nm: { kind: 'call', check: (call, _n, k, env) => nmFormat(call, k, env) },
  bsr: { kind: 'call', check: bsrFormat },
} as const satisfies Record<WeightFormat['format'], WeightSyntax>;

/** `weight = dense | nm(N, M) | bsr(R, C) | csr` (default dense). */
function weightField(field: AssignField | undefined, n: Size | null, k: Size | null, env: KernelEnv): WeightFormat | null {
  if (!field) return WEIGHT_SYNTAX.dense.layout;
  const v = singleValue(field, env);
  if (!v) return null;
  const name = v.kind === 'name' ? v.name : v.kind === 'call' ? v.callee : null;
  const syntax: WeightSyntax | undefined = name !== null && Object.hasOwn(WEIGHT_SYNTAX, name) ? WEIGHT_SYNTAX[name as WeightFormat['format']] : undefined;
  if (syntax?.kind === 'name' && isName(v, name!)) return syntax.layout;
  if (syntax?.kind === 'call' && v.kind === 'call') return syntax.check(v, n, k, env);
  const hint = v.kind === 'name' ? didYouMean(v.name, Object.keys(WEIGHT_SYNTAX)) : '';
  env.reporter.error('SPC120', v.span, [`${env.describe(v)}${hint}`]);
  return null;
}

/** `input = threshold(T)` with a compile-time T >= 0; null when absent. */
function thresholdField(field: AssignField | undefined, env: KernelEnv): number | null | 'error' {
  if (!field) return null;
  const v = singleValue(field, env);
  if (!v) return 'error';
  if (v.kind === 'call' && v.callee === 'threshold' && v.args.length === 1 && v.args[0]!.name === null) {
    const c = quietConst(v.args[0]!.value);
    if (c && c.value >= 0) return c.value;
  }
  env.reporter.error('SPC125', v.span, [env.describe(v)]);
  return 'error';
}

/** `bias = f32[n]`. */
function biasField(field: AssignField | undefined, env: KernelEnv): boolean | 'error' {
  if (!field) return false;
  const v = singleValue(field, env);
  if (!v) return 'error';
  if (v.kind === 'index' && v.target === 'f32' && v.indices.length === 1 && isName(v.indices[0]!, 'n')) return true;
  env.reporter.error('SPC126', v.span, [env.describe(v)]);
  return 'error';
}

const EPILOGUES: readonly Epilogue[] = ['relu', 'silu', 'gelu'];

function epilogueField(field: AssignField | undefined, env: KernelEnv): Epilogue | null {
  if (!field) return 'none';
  const v = singleValue(field, env);
  if (!v) return null;
  const found = EPILOGUES.find((e) => isName(v, e));
  if (found) return found;
  env.reporter.error('SPC127', v.span, [env.describe(v)]);
  return null;
}

/** Checks a gemm kernel; returns it when everything about it is valid. */
export function checkGemm(decl: KernelDecl, env: KernelEnv): GemmKernel | null {
  const before = env.reporter.count;
  const fields = collectFields(decl, GEMM_FIELDS, ATTENTION_FIELDS.filter((f) => !GEMM_FIELDS.includes(f)), env);
  for (const input of fields.inputs) env.reporter.error('SPC117', input.nameSpan, [input.name]);
  const size = (name: 'm' | 'n' | 'k'): Size | null => {
    const field = fields.assigns.get(name);
    if (field) return sizeField(field, env);
    if (!fields.misspelled.has(name)) env.reporter.error('SPC102', decl.nameSpan, ['gemm', decl.name, name]);
    return null;
  };
  const [m, n, k] = [size('m'), size('n'), size('k')];
  const weight = weightField(fields.assigns.get('weight'), n, k, env);
  const threshold = thresholdField(fields.assigns.get('input'), env);
  const bias = biasField(fields.assigns.get('bias'), env);
  const epilogue = epilogueField(fields.assigns.get('epilogue'), env);
  const dtype = dtypeField(fields.assigns.get('dtype'), env);
  const schedules = schedulesOf(fields.schedules, env);
  if (env.reporter.count > before) return null;
  if (m === null || n === null || k === null || !weight || threshold === 'error' || bias === 'error' || !epilogue || !dtype) return null;
  return {
    kind: 'gemm',
    name: decl.name,
    origin: { file: decl.span.file, line: decl.span.line, col: decl.span.col },
    m, n, k, dtype, weight, threshold, bias, epilogue, schedules,
  };
}
