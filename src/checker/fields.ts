/**
 * @file Kernel fields shared by attention and gemm: collecting fields (unknown, repeated, or of
 * the other kernel kind), sizes, dtype, schedules, and quiet compile-time evaluation of values.
 */
import type { Expr, KernelDecl, KernelField } from '../frontend/ast.js';
import type { DType, Schedules, Size } from '../model/kernel.js';
import { floorDiv, floorMod } from '../model/eval.js';
import type { Reporter } from './report.js';
import { closestName, didYouMean } from './suggest.js';
import { checkTargetSettings, nameList, targetNames } from '../passes/target-table.js';

export type AssignField = Extract<KernelField, { kind: 'assign' }>;
export type InputField = Extract<KernelField, { kind: 'input' }>;
export type ScheduleField = Extract<KernelField, { kind: 'schedule' }>;

/** What field checks need: the reporter and a way to quote source text in messages. */
export interface FieldEnv {
  readonly reporter: Reporter;
  /** The source text of `e`, quoted and shortened, for "found ..." in messages. */
  readonly describe: (e: Expr) => string;
}

/** Targets that may have `schedule TARGET { ... }` blocks: one per `targets/<name>.json`. */
export const SCHEDULE_TARGETS: readonly string[] = targetNames();

/** The fields of one kernel, sorted by kind; only the first of each assigned name is kept. */
export interface FieldSet {
  readonly assigns: ReadonlyMap<string, AssignField>;
  readonly inputs: readonly InputField[];
  readonly schedules: readonly ScheduleField[];
  /** Known field names that an unknown field was probably meant to be (not reported again as missing). */
  readonly misspelled: ReadonlySet<string>;
}

/** Sorts a kernel's fields, reporting unknown (SPC100), repeated (SPC101) and other-kind (SPC111) fields. */
export function collectFields(decl: KernelDecl, own: readonly string[], other: readonly string[], env: FieldEnv): FieldSet {
  const assigns = new Map<string, AssignField>();
  const inputs: InputField[] = [];
  const schedules: ScheduleField[] = [];
  const misspelled = new Set<string>();
  const otherKind = decl.op === 'attention' ? 'gemm' : 'attention';
  const thisKind = decl.op === 'attention' ? 'an attention' : decl.op === 'select' ? 'a select' : 'a gemm';
  for (const field of decl.fields) {
    if (field.kind === 'input') inputs.push(field);
    else if (field.kind === 'schedule') schedules.push(field);
    else if (own.includes(field.name)) {
      if (assigns.has(field.name)) env.reporter.error('SPC101', field.nameSpan, [field.name]);
      else assigns.set(field.name, field);
    } else if (other.includes(field.name)) {
      env.reporter.error('SPC111', field.nameSpan, [field.name, otherKind, thisKind]);
    } else {
      const meant = closestName(field.name, own);
      if (meant) misspelled.add(meant);
      // A .ts spec spells fields in camelCase (`headDim`): name and suggest them as it does.
      const spell = field.nameSpan.file.endsWith('.ts') ? (n: string) => n.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()) : (n: string) => n;
      env.reporter.error('SPC100', field.nameSpan, [spell(field.name), decl.op, didYouMean(spell(field.name), own.map(spell))]);
    }
  }
  return { assigns, inputs, schedules, misspelled };
}

/** The single value of a field; null after reporting SPC112 when it has several. */
export function singleValue(field: AssignField, env: FieldEnv): Expr | null {
  if (field.values.length === 1) return field.values[0]!;
  env.reporter.error('SPC112', field.span, [field.name, field.values.length]);
  return null;
}

/** A number computed at compile time, remembering whether it is an int. */
export interface ConstNumber {
  readonly value: number;
  readonly isInt: boolean;
}

const CONST_FUNCTIONS: Readonly<Record<string, (xs: number[]) => number>> = {
  sqrt: ([x]) => Math.sqrt(x!),
  exp: ([x]) => Math.exp(x!),
  log: ([x]) => Math.log(x!),
  tanh: ([x]) => Math.tanh(x!),
  sin: ([x]) => Math.sin(x!),
  cos: ([x]) => Math.cos(x!),
  exp2: ([x]) => 2 ** x!,
  log2: ([x]) => Math.log2(x!),
  abs: ([x]) => Math.abs(x!),
  min: ([a, b]) => Math.min(a!, b!),
  max: ([a, b]) => Math.max(a!, b!),
};

const CONST_ARITY: Readonly<Record<string, number>> = { sqrt: 1, exp: 1, log: 1, tanh: 1, sin: 1, cos: 1, exp2: 1, log2: 1, abs: 1, min: 2, max: 2 };

/**
 * Evaluates a field value made of literals, `+ - * / %`, unary minus and sqrt/exp/log/tanh/sin/cos/exp2/log2/abs/
 * min/max, without reporting anything; `name` resolves other names (null: not constant).
 */
export function quietConst(e: Expr, name: (n: string) => number | null = () => null): ConstNumber | null {
  switch (e.kind) {
    case 'int':
      return { value: e.value, isInt: true };
    case 'float':
      return { value: e.value, isInt: false };
    case 'name': {
      const v = name(e.name);
      return v === null ? null : { value: v, isInt: Number.isInteger(v) };
    }
    case 'unary': {
      const x = e.op === '-' ? quietConst(e.operand, name) : null;
      return x && { value: -x.value, isInt: x.isInt };
    }
    case 'binary': {
      const a = quietConst(e.left, name);
      const b = quietConst(e.right, name);
      if (!a || !b) return null;
      const isInt = a.isInt && b.isInt;
      if ((e.op === '/' || e.op === '%') && b.value === 0) return null;
      const ops: Partial<Record<string, () => number>> = {
        '+': () => a.value + b.value,
        '-': () => a.value - b.value,
        '*': () => a.value * b.value,
        '/': () => (isInt ? floorDiv(a.value, b.value) : a.value / b.value),
        '%': () => (isInt ? floorMod(a.value, b.value) : a.value - b.value * Math.floor(a.value / b.value)),
      };
      const op = ops[e.op];
      const value = op ? op() : NaN;
      return Number.isFinite(value) ? { value, isInt } : null;
    }
    case 'call': {
      const fn = CONST_FUNCTIONS[e.callee];
      if (!fn || e.args.length !== CONST_ARITY[e.callee] || e.args.some((a) => a.name !== null)) return null;
      const xs = e.args.map((a) => quietConst(a.value, name));
      if (xs.some((x) => x === null)) return null;
      const value = fn(xs.map((x) => x!.value));
      const isInt = (e.callee === 'abs' || e.callee === 'min' || e.callee === 'max') && xs.every((x) => x!.isInt);
      return Number.isFinite(value) ? { value, isInt } : null;
    }
    default:
      return null;
  }
}

/** True when `e` is the bare name `name`. */
export function isName(e: Expr, name: string): boolean {
  return e.kind === 'name' && e.name === name;
}

/** A size field: a positive integer (a constant expression is fine) or `dynamic`; null after SPC104. */
export function sizeField(field: AssignField, env: FieldEnv): Size | null {
  const v = singleValue(field, env);
  if (!v) return null;
  if (isName(v, 'dynamic')) return 'dynamic';
  const c = quietConst(v);
  if (c && c.isInt && c.value >= 1 && c.value <= 0x7fffffff) return c.value;
  env.reporter.error('SPC104', v.span, [field.name, env.describe(v)]);
  return null;
}

const DTYPES: readonly DType[] = ['f32', 'f16', 'bf16'];

/** The `dtype` field (default f32); null after SPC107. */
export function dtypeField(field: AssignField | undefined, env: FieldEnv): DType | null {
  if (!field) return 'f32';
  const v = singleValue(field, env);
  if (!v) return null;
  const found = DTYPES.find((d) => isName(v, d));
  if (found) return found;
  env.reporter.error('SPC107', v.span, [env.describe(v)]);
  return null;
}

/** A schedule setting value: a number (possibly negative), true/false, or a name. */
function scheduleValue(e: Expr): number | boolean | string | null {
  if (e.kind === 'int' || e.kind === 'float' || e.kind === 'bool') return e.value;
  if (e.kind === 'name') return e.name;
  if (e.kind === 'unary' && e.op === '-' && (e.operand.kind === 'int' || e.operand.kind === 'float')) return -e.operand.value;
  return null;
}

/** The `schedule TARGET { ... }` blocks as data, reporting SPC113-SPC116. */
export function schedulesOf(fields: readonly ScheduleField[], env: FieldEnv): Schedules {
  const out: Record<string, Record<string, number | boolean | string>> = {};
  for (const block of fields) {
    if (!SCHEDULE_TARGETS.includes(block.target)) {
      env.reporter.error('SPC113', block.targetSpan, [block.target, nameList(SCHEDULE_TARGETS), didYouMean(block.target, SCHEDULE_TARGETS)]);
      continue;
    }
    if (out[block.target]) {
      env.reporter.error('SPC115', block.targetSpan, [block.target]);
      continue;
    }
    const settings: Record<string, number | boolean | string> = {};
    for (const item of block.items) {
      const value = scheduleValue(item.value);
      if (item.name in settings) env.reporter.error('SPC116', item.nameSpan, [item.name]);
      else if (value === null) env.reporter.error('SPC114', item.value.span, [item.name]);
      else {
        // NOTE: keys and values are checked against targets/<target>.json: shared keys plus the ones it declares.
        const problem = checkTargetSettings(block.target, { [item.name]: value })[0];
        if (problem?.kind === 'unknown') env.reporter.error('SPC118', item.nameSpan, [item.name, block.target, problem.hint ? ` (did you mean '${problem.hint}'?)` : '']);
        else if (problem) env.reporter.error('SPC119', item.value.span, [item.name, block.target, problem.hint ?? '']);
        else settings[item.name] = value;
      }
    }
    out[block.target] = settings;
  }
  return out;
}
