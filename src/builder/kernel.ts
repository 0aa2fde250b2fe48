/**
 * @file `kernel.attention(name, pattern, fields)` and `kernel.gemm(name, fields)`: kernel declarations
 * with camelCase TypeScript fields mapped to the language's (`kvHeads` → `kv_heads`), plus `nm`, `bsr`, `threshold`.
 */
import type { Expr, KernelField } from '../frontend/ast.js';
import { BuilderError, checkIdentifier, describe } from './errors.js';
import { DECL_BRAND, EXPR_BRAND, PLACEHOLDER_SPAN, mergeRefs, type FieldDefinition, type KernelDefinition, type PatternDefinition } from './defs.js';
import { E, callBuiltin, name, score as scoreName, toE, type Operand } from './expr.js';
import { f32, isParamType, snakeCase, type RuntimeType } from './types.js';

const span = PLACEHOLDER_SPAN;

/** A kernel size: an integer (or constant expression) or `'dynamic'`. */
export type SizeSpec = number | 'dynamic' | E;
/** Storage dtype. */
export type DTypeName = 'f32' | 'f16' | 'bf16';
/** `schedule TARGET { key = value }` blocks by target; camelCase keys become snake_case. */
export type ScheduleSpec = Readonly<Record<string, Readonly<Record<string, number | boolean | string>>>>;

/** Fields of `kernel.attention`. Give `seq`, or both `qLen` and `kvLen`. */
export interface AttentionFields {
  readonly batch?: SizeSpec;
  readonly heads: SizeSpec;
  readonly kvHeads?: SizeSpec;
  readonly headDim: SizeSpec;
  readonly valueDim?: SizeSpec;
  readonly qLen?: SizeSpec;
  readonly kvLen?: SizeSpec;
  readonly seq?: SizeSpec;
  readonly dtype?: DTypeName;
  readonly scale?: number | E;
  /**
   * Score modifier: `(s) => lit(30).mul(tanh(s.div(30)))`, or an expression of `score`. The second
   * argument holds the kernel's runtime inputs as names: `(s, { slopes }) => s.sub(slopes.at(h))`.
   */
  readonly score?: E | ((score: E, inputs: Readonly<Record<string, E>>) => Operand);
  readonly outputs?: 'out' | 'lse' | readonly ('out' | 'lse')[];
  /** Runtime inputs of the kernel itself: `{ slopes: f32('heads') }`. */
  readonly inputs?: Readonly<Record<string, RuntimeType>>;
  readonly schedule?: ScheduleSpec;
}

/** Fields of `kernel.gemm`. */
export interface GemmFields {
  readonly m: SizeSpec;
  readonly n: SizeSpec;
  readonly k: SizeSpec;
  readonly dtype?: DTypeName;
  /** `'dense'`, `'csr'`, `nm(2, 4)` or `bsr(4, 1)`. */
  readonly weight?: 'dense' | 'csr' | E;
  /** `threshold(0.05)`: activations with |x| <= t count as zero. */
  readonly input?: E;
  /** `true` declares `bias = f32[n]`. */
  readonly bias?: boolean | RuntimeType;
  readonly epilogue?: 'relu' | 'silu' | 'gelu';
  readonly schedule?: ScheduleSpec;
}

/** A declared kernel. */
export interface KernelRef {
  readonly kernelName: string;
  readonly op: 'attention' | 'gemm';
  readonly [DECL_BRAND]: KernelDefinition;
}

/** `nm(N, M)` weight format: at most N nonzeros in every M consecutive k. */
export const nm = (keep: number, group: number): E => callBuiltin('nm', keep, group);
/** `bsr(R, C)` weight format: R×C blocks over `[n, k]`. */
export const bsr = (r: number, c: number): E => callBuiltin('bsr', r, c);
/** `threshold(T)` input rule: |x| <= T counts as zero. */
export const threshold = (t: number): E => callBuiltin('threshold', t);

interface Converted {
  readonly fields: FieldDefinition[];
  readonly refs: readonly PatternDefinition[];
}

const NONE: Converted = { fields: [], refs: [] };

function assign(key: string, es: readonly E[]): Converted {
  const field: KernelField = { kind: 'assign', name: snakeCase(key), nameSpan: span, values: es.map((e) => e.expr), span };
  return { fields: [{ key, field }], refs: mergeRefs(...es.map((e) => e[EXPR_BRAND].refs)) };
}

/** A field value: strings are names (`'dynamic'`, `'f16'`, `'csr'`), everything else an expression. */
function valueE(value: unknown, key: string): E {
  if (typeof value === 'string') return name(checkIdentifier(value, `the value of field '${key}'`));
  return toE(value as Operand);
}

function scalarField(key: string, value: unknown): Converted {
  return assign(key, [valueE(value, key)]);
}

function listField(key: string, value: unknown): Converted {
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) throw new BuilderError(`field '${key}' needs at least one value`);
  return assign(key, values.map((v) => valueE(v, key)));
}

function scoreField(key: string, value: unknown, all: Readonly<Record<string, unknown>>): Converted {
  if (typeof value !== 'function') return assign(key, [toE(value as Operand)]);
  const declared = typeof all.inputs === 'object' && all.inputs !== null ? Object.keys(all.inputs) : [];
  const inputs = Object.fromEntries(declared.map((n) => [n, name(n)]));
  return assign(key, [toE((value as (s: E, inputs: Record<string, E>) => Operand)(scoreName, inputs))]);
}

/** `f32('n')` (or `true`) as the expression `f32[n]`, the form `bias = f32[n]` parses to. */
function typeAsIndex(t: RuntimeType, key: string): E {
  const type = t.type;
  if (type.kind !== 'tensor') throw new BuilderError(`field '${key}' needs a tensor type such as f32('n')`);
  const indices = type.axes.map((a): Expr => {
    if (a.kind === 'star') throw new BuilderError(`field '${key}' cannot have a free ('*') axis`);
    return a.kind === 'name' ? { kind: 'name', name: a.name, span } : { kind: 'int', value: a.value, span };
  });
  return new E({ kind: 'index', target: type.elem, targetSpan: span, indices, span });
}

function biasField(key: string, value: unknown): Converted {
  if (value === false) return NONE;
  if (value === true) return assign(key, [typeAsIndex(f32('n'), key)]);
  if (isParamType(value) && value.kind === 'runtime') return assign(key, [typeAsIndex(value as RuntimeType, key)]);
  return scalarField(key, value);
}

function inputsField(key: string, value: unknown): Converted {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BuilderError(`field '${key}' must be an object of runtime types like { slopes: f32('heads') }, got ${describe(value)}`);
  }
  const fields: FieldDefinition[] = [];
  for (const [inputName, t] of Object.entries(value as Record<string, unknown>)) {
    checkIdentifier(inputName, 'a runtime input name');
    if (!isParamType(t) || t.kind !== 'runtime') {
      throw new BuilderError(`runtime input '${inputName}' needs a runtime type such as f32('heads') or list('batch', 'heads'), got ${describe(t)}`);
    }
    fields.push({ key: `${key}.${inputName}`, field: { kind: 'input', name: inputName, nameSpan: span, type: t.type, span } });
  }
  return { fields, refs: [] };
}

function scheduleField(key: string, value: unknown): Converted {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BuilderError(`field '${key}' must be an object like { wasm: { tile_q: 64 } }, got ${describe(value)}`);
  }
  const fields: FieldDefinition[] = [];
  for (const [target, settings] of Object.entries(value as Record<string, unknown>)) {
    checkIdentifier(target, 'a schedule target');
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
      throw new BuilderError(`schedule '${target}' must be an object of settings, got ${describe(settings)}`);
    }
    const items = Object.entries(settings as Record<string, unknown>).map(([k, v]) => {
      const itemName = snakeCase(checkIdentifier(k, `a setting of schedule '${target}'`));
      return { name: itemName, nameSpan: span, value: valueE(v, `${target}.${k}`).expr, span };
    });
    fields.push({ key: `${key}.${target}`, field: { kind: 'schedule', target, targetSpan: span, items, span } });
  }
  return { fields, refs: [] };
}

type FieldHandler = (key: string, value: unknown, all: Readonly<Record<string, unknown>>) => Converted;

/** How each TypeScript field becomes `.sparse` fields; unlisted keys become `snake_case = value`. */
const FIELD_HANDLERS: Readonly<Record<string, FieldHandler>> = {
  score: scoreField,
  outputs: listField,
  inputs: inputsField,
  schedule: scheduleField,
  bias: biasField,
};

function convertFields(kernelName: string, fields: unknown): Converted {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new BuilderError(`kernel '${kernelName}': fields must be an object like { heads: 8, headDim: 64, seq: 4096 }, got ${describe(fields)}`);
  }
  const out: FieldDefinition[] = [];
  let refs: readonly PatternDefinition[] = [];
  for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
    if (value === undefined) continue;
    checkIdentifier(key, `a field name of kernel '${kernelName}'`);
    const converted = (FIELD_HANDLERS[key] ?? scalarField)(key, value, fields as Record<string, unknown>);
    out.push(...converted.fields);
    refs = mergeRefs(refs, converted.refs);
  }
  return { fields: out, refs };
}

function makeRef(def: KernelDefinition): KernelRef {
  const ref = { kernelName: def.name, op: def.op };
  Object.defineProperty(ref, DECL_BRAND, { value: def });
  return ref as KernelRef;
}

/** Declares `kernel NAME = attention(PATTERN) { fields }`; PATTERN is a pattern ref, a call, or any bool expression. */
function attention(kernelName: string, patternExpr: Operand, fields: AttentionFields): KernelRef {
  checkIdentifier(kernelName, 'a kernel name');
  const p = toE(patternExpr);
  const converted = convertFields(kernelName, fields);
  return makeRef({ kind: 'kernel', name: kernelName, op: 'attention', pattern: p.expr, fields: converted.fields, refs: mergeRefs(p[EXPR_BRAND].refs, converted.refs) });
}

/** Declares `kernel NAME = gemm { fields }`. */
function gemm(kernelName: string, fields: GemmFields): KernelRef {
  checkIdentifier(kernelName, 'a kernel name');
  const converted = convertFields(kernelName, fields);
  return makeRef({ kind: 'kernel', name: kernelName, op: 'gemm', pattern: null, fields: converted.fields, refs: converted.refs });
}

/** Kernel constructors: `kernel.attention(...)` and `kernel.gemm(...)`. */
export const kernel = { attention, gemm } as const;
