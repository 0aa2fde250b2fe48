/**
 * @file The built-in names of the pattern language: indices (b h q k), derived indices (qi kvh),
 * `causal`, kernel sizes, `score`, and the built-in functions with their arities and types.
 */
import type { CExpr, CType, CUnaryFn, CBinaryFn, SizeName } from '../model/expr.js';
import type { StaticSizes } from './bounds.js';
import { constant, mkBinary, mkUnary, toFloat } from './const-eval.js';
import { AXIS_SIZE_NAMES } from './types.js';

/** A kernel size: a constant when the kernel fixes it, else a `size` node. */
export function sizeExpr(name: SizeName, sizes: StaticSizes): CExpr {
  const n = sizes[name];
  return n === null ? { op: 'size', type: 'int', name } : constant('int', n);
}

const index = (name: 'b' | 'h' | 'q' | 'k'): CExpr => ({ op: 'var', type: 'int', name });

/** A built-in value: its expression for the given sizes, and whether it varies per point. */
export interface BuiltinValue {
  readonly build: (sizes: StaticSizes) => CExpr;
  readonly varying: boolean;
  /** How messages call it ("a built-in index", "a kernel size"). */
  readonly what: string;
}

const sizeValues = Object.fromEntries(
  AXIS_SIZE_NAMES.map((n): [string, BuiltinValue] => [n, { build: (s) => sizeExpr(n, s), varying: false, what: 'a kernel size' }]),
);

/** Built-in names usable as values. `score` is handled by the elaborator (it needs a context check). */
export const BUILTIN_VALUES: Readonly<Record<string, BuiltinValue>> = {
  b: { build: () => index('b'), varying: true, what: 'a built-in index' },
  h: { build: () => index('h'), varying: true, what: 'a built-in index' },
  q: { build: () => index('q'), varying: true, what: 'a built-in index' },
  k: { build: () => index('k'), varying: true, what: 'a built-in index' },
  qi: {
    build: (s) => mkBinary('sub', 'int', index('q'), mkBinary('sub', 'int', sizeExpr('kv_len', s), sizeExpr('q_len', s))),
    varying: true,
    what: 'a built-in index',
  },
  kvh: {
    build: (s) => mkBinary('div', 'int', index('h'), mkBinary('div', 'int', sizeExpr('heads', s), sizeExpr('kv_heads', s))),
    varying: true,
    what: 'a built-in index',
  },
  causal: { build: () => mkBinary('le', 'bool', index('k'), index('q')), varying: true, what: 'a built-in pattern' },
  ...sizeValues,
};

/**
 * The float infinity, only where the float functions are (`score = ...`): `-inf` as a score removes the key
 * (the row's empty-row rule applies when no key is left). Kept out of masks, which the generated library
 * stores as JSON (where an infinity cannot be written).
 */
export const INFINITY_NAME = 'inf';

/** The score variable of score modifiers. */
export const SCORE: CExpr = { op: 'var', type: 'float', name: 'score' };

/** Argument kinds of built-in functions. */
export type ArgKind = 'number' | 'int';

/** A built-in function: argument kinds, whether it is score-only, and how to build its node. */
export interface BuiltinFunction {
  readonly args: readonly ArgKind[];
  readonly scoreOnly: boolean;
  /** Result type from the argument types. */
  readonly resultType: (argTypes: readonly CType[]) => CType;
  /** Builds the node from already type-checked arguments. */
  readonly build: (args: readonly CExpr[], type: CType) => CExpr;
  /** qb/kb: the argument is a block size that must be a positive int. */
  readonly blockSize?: 'q' | 'k';
}

const numericResult = (ts: readonly CType[]): CType => (ts.every((t) => t === 'int') ? 'int' : 'float');
const promote = (e: CExpr, type: CType): CExpr => (type === 'float' ? toFloat(e) : e);

function unaryFn(fn: CUnaryFn, scoreOnly: boolean, resultType: (ts: readonly CType[]) => CType, arg: ArgKind = 'number'): BuiltinFunction {
  return { args: [arg], scoreOnly, resultType, build: ([a], type) => mkUnary(fn, type, promote(a!, type)) };
}

function binaryFn(fn: CBinaryFn): BuiltinFunction {
  return {
    args: ['number', 'number'],
    scoreOnly: false,
    resultType: numericResult,
    build: ([a, b], type) => mkBinary(fn, type, promote(a!, type), promote(b!, type)),
  };
}

function blockFn(which: 'q' | 'k'): BuiltinFunction {
  return {
    args: ['int'],
    scoreOnly: false,
    resultType: () => 'int',
    build: ([size]) => mkBinary('div', 'int', index(which), size!),
    blockSize: which,
  };
}

/** Built-in functions callable in expressions. */
export const BUILTIN_FUNCTIONS: Readonly<Record<string, BuiltinFunction>> = {
  min: binaryFn('min'),
  max: binaryFn('max'),
  abs: unaryFn('abs', false, numericResult),
  popcount: unaryFn('popcount', false, () => 'int', 'int'),
  qb: blockFn('q'),
  kb: blockFn('k'),
  tanh: unaryFn('tanh', true, () => 'float'),
  exp: unaryFn('exp', true, () => 'float'),
  log: unaryFn('log', true, () => 'float'),
  sqrt: unaryFn('sqrt', true, () => 'float'),
  sin: unaryFn('sin', true, () => 'float'),
  cos: unaryFn('cos', true, () => 'float'),
  exp2: unaryFn('exp2', true, () => 'float'),
  log2: unaryFn('log2', true, () => 'float'),
};

/** Names that user declarations may not take. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(BUILTIN_VALUES),
  ...Object.keys(BUILTIN_FUNCTIONS),
  'score',
  INFINITY_NAME,
  'dynamic',
]);

/** "1 argument", "2 arguments". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
