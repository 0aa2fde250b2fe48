/**
 * @file Compiles a mask to JavaScript source once (the fastest element-wise evaluation available in
 * Node): used for exact densities in `show` and as the fair element-wise baseline of the planner benchmark.
 */
import type { CBinaryFn, CExpr, CUnaryFn } from '../model/expr.js';
import type { RuntimeInput } from '../model/kernel.js';
import type { RaggedList, RuntimeValues } from '../model/values.js';
import { floorDiv, floorMod, inputShape, popcount32, sortedContains } from '../model/eval.js';
import type { SizeRecord } from '../runtime/plan/types.js';

/** A mask compiled to JS: `expr` reads the variables b, h, q, k and the helper object `H`. */
export interface MaskSource {
  /** A JS expression evaluating to 0 or 1 (numbers for int/float sub-expressions). */
  readonly expr: string;
  /** Helpers and data the expression reads as `H.name`. */
  readonly helpers: Record<string, unknown>;
}

const UNARY_JS: Record<CUnaryFn, (a: string) => string> = {
  neg: (a) => `(-${a})`,
  not: (a) => `(${a} ? 0 : 1)`,
  abs: (a) => `Math.abs(${a})`,
  popcount: (a) => `H.popcount(${a})`,
  tanh: (a) => `Math.tanh(${a})`,
  exp: (a) => `Math.exp(${a})`,
  log: (a) => `Math.log(${a})`,
  sqrt: (a) => `Math.sqrt(${a})`,
  sin: (a) => `Math.sin(${a})`,
  cos: (a) => `Math.cos(${a})`,
  exp2: (a) => `(2 ** ${a})`,
  log2: (a) => `Math.log2(${a})`,
  tofloat: (a) => a,
};

const BINARY_JS: Record<CBinaryFn, (a: string, b: string, isInt: boolean) => string> = {
  add: (a, b) => `(${a} + ${b})`,
  sub: (a, b) => `(${a} - ${b})`,
  mul: (a, b) => `(${a} * ${b})`,
  div: (a, b, isInt) => (isInt ? `H.floorDiv(${a}, ${b})` : `(${a} / ${b})`),
  mod: (a, b, isInt) => (isInt ? `H.floorMod(${a}, ${b})` : `H.fmod(${a}, ${b})`),
  min: (a, b) => `Math.min(${a}, ${b})`,
  max: (a, b) => `Math.max(${a}, ${b})`,
  band: (a, b) => `(${a} & ${b})`,
  bor: (a, b) => `(${a} | ${b})`,
  bxor: (a, b) => `(${a} ^ ${b})`,
  shl: (a, b) => `(${a} << ${b})`,
  shr: (a, b) => `(${a} >> ${b})`,
  eq: (a, b) => `(${a} === ${b} ? 1 : 0)`,
  ne: (a, b) => `(${a} !== ${b} ? 1 : 0)`,
  lt: (a, b) => `(${a} < ${b} ? 1 : 0)`,
  le: (a, b) => `(${a} <= ${b} ? 1 : 0)`,
  gt: (a, b) => `(${a} > ${b} ? 1 : 0)`,
  ge: (a, b) => `(${a} >= ${b} ? 1 : 0)`,
  and: (a, b) => `(${a} ? (${b} ? 1 : 0) : 0)`,
  or: (a, b) => `(${a} ? 1 : (${b} ? 1 : 0))`,
};

function isList(v: unknown): v is RaggedList {
  return typeof v === 'object' && v !== null && (v as RaggedList).offsets !== undefined;
}

/** Membership as 0 / 1 for the generated mask code. */
const member01 = (v: Int32Array, lo: number, hi: number, x: number): number => (sortedContains(v, lo, hi, x) ? 1 : 0);

/** Generates the JS expression of `mask` with the same semantics as `evalExpr`. */
export function maskSource(mask: CExpr, inputs: readonly RuntimeInput[], sizes: SizeRecord, runtime: RuntimeValues): MaskSource {
  const helpers: Record<string, unknown> = { floorDiv, floorMod, popcount: popcount32, fmod: (a: number, b: number) => a - b * Math.floor(a / b) };
  const decls = new Map(inputs.map((i) => [i.name, i]));
  let counter = 0;
  const flatIndex = (shape: number[], idx: string[]): string => {
    // NOTE: any index outside its axis reads 0 (as evalExpr does), so the check is per axis.
    const checks = idx.map((x, i) => `(${x}) >= 0 && (${x}) < ${shape[i]}`).join(' && ');
    let off = '0';
    idx.forEach((x, i) => { off = `(${off}) * ${shape[i]} + (${x})`; });
    return `(${checks || 'true'}) ? ${off} : -1`;
  };
  // NOTE: float arithmetic in patterns is f32 (docs/language.md): float results are rounded as the kernels round them.
  const f32 = (e: CExpr, js: string): string => (e.type === 'float' ? `Math.fround(${js})` : js);
  const gen = (e: CExpr): string => {
    switch (e.op) {
      case 'const': return typeof e.value === 'boolean' ? (e.value ? '1' : '0') : f32(e, `(${e.value})`);
      case 'var': return e.name;
      case 'size': return String(sizes[e.name]);
      case 'unary': return f32(e, UNARY_JS[e.fn](gen(e.arg)));
      case 'binary': return f32(e, BINARY_JS[e.fn](gen(e.a), gen(e.b), e.a.type === 'int' && e.b.type === 'int'));
      case 'select': return `(${gen(e.cond)} ? ${gen(e.then)} : ${gen(e.else)})`;
      case 'table': {
        const name = `t${counter++}`;
        helpers[name] = e.values.map(Number);
        const f = `f${counter++}`;
        helpers[f] = (i: number): number => (i >= 0 && i < e.values.length ? Number(e.values[i]) : 0);
        return `H.${f}(${gen(e.index)})`;
      }
      case 'load': {
        const decl = decls.get(e.input);
        const val = runtime[e.input];
        if (!decl || !val || isList(val)) throw new Error(`maskSource: runtime input '${e.input}' is missing`);
        const name = `d${counter++}`;
        helpers[name] = val;
        const shape = inputShape(decl, sizes, val.length);
        const f = `l${counter++}`;
        const args = e.indices.map((_, i) => `i${i}`);
        helpers[f] = new Function('D', `return (${args.join(', ')}) => { const o = ${flatIndex(shape, args)}; return o < 0 ? 0 : D[o]; };`)(val);
        return `H.${f}(${e.indices.map(gen).join(', ')})`;
      }
      case 'member': {
        const decl = decls.get(e.input);
        const val = runtime[e.input];
        if (!decl || !val || !isList(val)) throw new Error(`maskSource: runtime list '${e.input}' is missing`);
        const shape = inputShape(decl, sizes);
        const f = `m${counter++}`;
        const args = e.indices.map((_, i) => `i${i}`);
        helpers[f] = new Function('L', 'C', `return (x, ${args.join(', ')}) => { const o = ${flatIndex(shape, args)}; return o < 0 ? 0 : C(L.values, L.offsets[o], L.offsets[o + 1], x); };`)(val, member01);
        return `H.${f}(${gen(e.value)}, ${e.indices.map(gen).join(', ')})`;
      }
    }
  };
  return { expr: gen(mask), helpers };
}

/** The mask as a JS function of (b, h, q, k) returning 0 or 1. */
export function compileMaskJs(mask: CExpr, inputs: readonly RuntimeInput[], sizes: SizeRecord, runtime: RuntimeValues): (b: number, h: number, q: number, k: number) => number {
  const src = maskSource(mask, inputs, sizes, runtime);
  return new Function('H', `return (b, h, q, k) => (${src.expr}) ? 1 : 0;`)(src.helpers) as (b: number, h: number, q: number, k: number) => number;
}
