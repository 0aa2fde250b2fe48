/**
 * @file Attention kernels: sizes and their constraints, dtype, scale, outputs, runtime inputs,
 * the mask (the elaborated pattern) and the score modifier.
 */
import type { KernelDecl } from '../frontend/ast.js';
import type { SizeName } from '../model/expr.js';
import type { AttentionKernel, DeclaredSizes, Size } from '../model/kernel.js';
import { checkSegmentInputs, outputsField } from './side-outputs.js';
import { checkBlockTableName, checkKvLensName, kvLayoutField } from './kv-layout.js';
import { BLOCK_TABLE_INPUT, KV_LENS_INPUT } from '../model/paged.js';
import { initialRanges, type StaticSizes } from './bounds.js';
import { RESERVED_NAMES } from './builtins.js';
import { toFloat } from './const-eval.js';
import { InputRegistry, MAX_INLINED_CALLS, type Ctx, type ModuleScope, type ProgramFacts } from './context.js';
import { referencedPatterns } from './scope.js';
import { resolveRuntimeType } from './declared.js';
import { elaborate } from './elaborate.js';
import {
  collectFields, dtypeField, isName, quietConst, schedulesOf, singleValue, sizeField,
  type AssignField, type FieldEnv, type FieldSet,
} from './fields.js';
import { whereOf } from './report.js';
import { formatTypeExpr, isNumeric, type Binding } from './types.js';

/** Everything a kernel check needs. */
export interface KernelEnv extends FieldEnv {
  readonly facts: ProgramFacts;
  readonly scope: ModuleScope;
}

/** Fields of attention kernels. */
export const ATTENTION_FIELDS: readonly string[] = [
  'batch', 'heads', 'kv_heads', 'head_dim', 'value_dim', 'q_len', 'kv_len', 'seq', 'dtype', 'scale', 'score', 'outputs', 'kv_layout',
];
/** Fields of gemm kernels. */
export const GEMM_FIELDS: readonly string[] = ['m', 'n', 'k', 'weight', 'input', 'bias', 'epilogue', 'dtype'];

type SizeField = 'batch' | 'heads' | 'kv_heads' | 'head_dim' | 'value_dim' | 'q_len' | 'kv_len' | 'seq';
const SIZE_FIELDS: readonly SizeField[] = ['batch', 'heads', 'kv_heads', 'head_dim', 'value_dim', 'q_len', 'kv_len', 'seq'];

/** Resolved kernel sizes (null where a field was invalid or missing, already reported); ragged: `kv_len = ragged`. */
export type Sizes = Record<SizeName, Size | null> & { readonly ragged: boolean };

/** `kv_len = ragged`. */
const isRagged = (field: AssignField): boolean => field.values.length === 1 && isName(field.values[0]!, 'ragged');

/** The model's sizes from checked ones (a missing one, already reported, reads as dynamic); `valueDim` given apart. */
export function modelSizes(sizes: Sizes, valueDim: Size | null): DeclaredSizes {
  const size = (s: Size | null): Size => s ?? 'dynamic';
  return {
    batch: size(sizes.batch),
    heads: size(sizes.heads),
    kvHeads: size(sizes.kv_heads),
    headDim: size(sizes.head_dim),
    valueDim: size(valueDim),
    qLen: size(sizes.q_len),
    kvLen: size(sizes.kv_len),
  };
}

export function requireField(decl: KernelDecl, fields: FieldSet, name: string, env: KernelEnv): void {
  if (!fields.assigns.has(name) && !fields.misspelled.has(name)) env.reporter.error('SPC102', decl.nameSpan, [decl.op, decl.name, name]);
}

/** Reads the size fields, applies defaults and checks requiredness, seq conflicts and divisibility. */
export function attentionSizes(decl: KernelDecl, fields: FieldSet, env: KernelEnv): Sizes {
  const raw: Partial<Record<SizeField, Size | null>> = {};
  let ragged = false;
  for (const name of SIZE_FIELDS) {
    const field = fields.assigns.get(name);
    if (field && isRagged(field)) {
      if (name === 'kv_len') ragged = true;
      else env.reporter.error('SPC135', field.values[0]!.span, [name]);
      raw[name] = 'dynamic';
    } else if (field) raw[name] = sizeField(field, env);
  }
  requireField(decl, fields, 'heads', env);
  requireField(decl, fields, 'head_dim', env);
  const seq = fields.assigns.get('seq');
  if (seq) {
    for (const name of ['q_len', 'kv_len']) {
      const f = fields.assigns.get(name);
      if (f) env.reporter.error('SPC103', f.nameSpan, [name]);
    }
  } else if (!fields.assigns.has('q_len') && !fields.assigns.has('kv_len')) {
    requireField(decl, fields, 'seq', env);
  } else {
    requireField(decl, fields, 'q_len', env);
    requireField(decl, fields, 'kv_len', env);
  }
  const pick = (name: SizeField, fallback: Size | null): Size | null => (name in raw ? raw[name]! : fallback);
  const heads = pick('heads', null);
  const headDim = pick('head_dim', null);
  const sizes: Sizes = {
    batch: pick('batch', 1),
    heads,
    kv_heads: pick('kv_heads', heads),
    head_dim: headDim,
    value_dim: pick('value_dim', headDim),
    q_len: seq ? pick('seq', null) : pick('q_len', null),
    kv_len: seq ? pick('seq', null) : pick('kv_len', null),
    ragged,
  };
  const kvField = fields.assigns.get('kv_heads');
  if (kvField && typeof sizes.kv_heads === 'number' && typeof heads === 'number' && heads % sizes.kv_heads !== 0) {
    env.reporter.error('SPC105', kvField.values[0]!.span, [sizes.kv_heads, heads]);
  }
  const qField = fields.assigns.get('q_len');
  if (qField && typeof sizes.q_len === 'number' && typeof sizes.kv_len === 'number' && sizes.q_len > sizes.kv_len) {
    env.reporter.error('SPC106', qField.values[0]!.span, [sizes.q_len, sizes.kv_len]);
  }
  return sizes;
}

export function staticSizes(sizes: Sizes): StaticSizes {
  const only = (s: Size | null): number | null => (typeof s === 'number' ? s : null);
  return {
    batch: only(sizes.batch), heads: only(sizes.heads), kv_heads: only(sizes.kv_heads), q_len: only(sizes.q_len),
    kv_len: only(sizes.kv_len), head_dim: only(sizes.head_dim), value_dim: only(sizes.value_dim),
  };
}

/** `scale`: null when defaulted; a positive compile-time number (static sizes may appear). */
export function scaleField(field: AssignField | undefined, sizes: StaticSizes, env: KernelEnv): number | null | 'error' {
  if (!field) return null;
  const v = singleValue(field, env);
  if (!v) return 'error';
  const c = quietConst(v, (n) => (n in sizes ? sizes[n as SizeName] : null));
  if (c && c.value > 0) return c.value;
  env.reporter.error('SPC110', v.span, [env.describe(v)]);
  return 'error';
}

/** The kernel's own runtime inputs as bindings (invalid ones bound as errors). */
function kernelInputs(fields: FieldSet, env: KernelEnv): Map<string, { binding: Binding; span: AssignField['span'] }> {
  const out = new Map<string, { binding: Binding; span: AssignField['span'] }>();
  const first = new Map<string, AssignField['span']>();
  for (const field of fields.inputs) {
    if (RESERVED_NAMES.has(field.name)) {
      env.reporter.error('SPC043', field.nameSpan, [field.name]);
      continue;
    }
    const seen = first.get(field.name);
    if (seen) {
      env.reporter.error('SPC030', field.nameSpan, [field.name, whereOf(seen)]);
      continue;
    }
    first.set(field.name, field.nameSpan);
    const type = resolveRuntimeType(field.type, env.reporter);
    if (type === 'compile-time') env.reporter.error('SPC079', field.type.span, [field.name, formatTypeExpr(field.type)]);
    const binding: Binding = type && type !== 'compile-time' ? { kind: 'runtime', input: field.name, type } : { kind: 'error' };
    out.set(field.name, { binding, span: field.span });
  }
  return out;
}

/** Checks an attention kernel; returns it when everything about it is valid. */
export function checkAttention(decl: KernelDecl, env: KernelEnv): AttentionKernel | null {
  const before = env.reporter.count;
  const fields = collectFields(decl, ATTENTION_FIELDS, GEMM_FIELDS.filter((f) => !ATTENTION_FIELDS.includes(f)), env);
  const sizes = attentionSizes(decl, fields, env);
  const fixed = staticSizes(sizes);
  const dtype = dtypeField(fields.assigns.get('dtype'), env);
  const scale = scaleField(fields.assigns.get('scale'), fixed, env);
  const outputsOf = outputsField(fields.assigns.get('outputs'), env);
  const kvLayout = kvLayoutField(fields.assigns.get('kv_layout'), env);
  const schedules = schedulesOf(fields.schedules, env);
  const own = kernelInputs(fields, env);
  const registry = new InputRegistry();
  env.reporter.note = `in kernel '${decl.name}'`;
  const ctx: Ctx = {
    facts: env.facts,
    scope: env.scope,
    locals: new Map([...own].map(([name, v]) => [name, v.binding])),
    sizes: fixed,
    ranges: initialRanges(fixed),
    allowScore: false,
    allowFloatFns: false,
    inputs: registry,
    stack: [],
    expansion: { count: 0 },
  };
  const mask = decl.pattern ? elaborate(decl.pattern, ctx) : null;
  if (mask && decl.pattern && mask.e.type !== 'bool') env.reporter.error('SPC050', decl.pattern.span, ['attention pattern', mask.e.type]);
  const scoreField = fields.assigns.get('score');
  const scoreValue = scoreField ? singleValue(scoreField, env) : null;
  const score = scoreValue ? elaborate(scoreValue, { ...ctx, allowScore: true, allowFloatFns: true }) : null;
  if (score && scoreValue && !isNumeric(score.e.type)) env.reporter.error('SPC071', scoreValue.span, [score.e.type]);
  if (ctx.expansion.count > MAX_INLINED_CALLS && decl.pattern) {
    const known = referencedPatterns(decl.pattern, env.scope).some((p) => env.facts.overflowed.has(p));
    if (!known) env.reporter.error('SPC044', decl.pattern.span, [`the pattern of kernel '${decl.name}'`, MAX_INLINED_CALLS]);
  }
  for (const [name, { binding, span }] of own) {
    if (binding.kind === 'runtime') registry.declare(name, binding.type, span, env.reporter);
  }
  env.reporter.note = null;
  checkSegmentInputs(outputsOf, registry.inputs, env);
  if (kvLayout && kvLayout !== 'error') checkBlockTableName(registry.inputs, fields.assigns.get('kv_layout')!, env);
  if (sizes.ragged) checkKvLensName(registry.inputs, fields.assigns.get('kv_len')!, env);
  const failed = env.reporter.count > before || !mask || (scoreField !== undefined && !score) || !dtype || scale === 'error' || kvLayout === 'error';
  if (failed || mask.e.type !== 'bool') return null;
  return {
    kind: 'attention',
    name: decl.name,
    origin: { file: decl.span.file, line: decl.span.line, col: decl.span.col },
    ...modelSizes(sizes, sizes.value_dim),
    dtype,
    scale,
    mask: mask.e,
    score: score ? toFloat(score.e) : null,
    outputs: outputsOf.outputs,
    ...(outputsOf.side.length ? { sideOutputs: outputsOf.side } : {}),
    inputs: [...registry.inputs, ...(kvLayout ? [BLOCK_TABLE_INPUT] : []), ...(sizes.ragged ? [KV_LENS_INPUT] : [])],
    schedules,
    ...(kvLayout ? { kvLayout } : {}),
    ...(sizes.ragged ? { raggedKv: true as const } : {}),
  };
}
