/**
 * @file Test helpers: tiny CExpr builders, kernel construction, and brute-force tile classification.
 */
import type { CBinaryFn, CExpr, SizeName } from '../../src/model/expr.js';
import type { AttentionKernel, AttentionSizes, RuntimeInput } from '../../src/model/kernel.js';
import type { RuntimeValues } from '../../src/model/values.js';
import { evalExpr } from '../../src/model/eval.js';
import { sizeRecord } from '../../src/runtime/plan/types.js';

export const q: CExpr = { op: 'var', type: 'int', name: 'q' };
export const k: CExpr = { op: 'var', type: 'int', name: 'k' };
export const h: CExpr = { op: 'var', type: 'int', name: 'h' };
export const b: CExpr = { op: 'var', type: 'int', name: 'b' };
export const TRUE_E: CExpr = { op: 'const', type: 'bool', value: true };
export const int = (value: number): CExpr => ({ op: 'const', type: 'int', value });
export const size = (name: SizeName): CExpr => ({ op: 'size', type: 'int', name });
const BOOL_FNS = new Set<CBinaryFn>(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'and', 'or']);
export const bin = (fn: CBinaryFn, a: CExpr, b2: CExpr): CExpr => ({ op: 'binary', type: BOOL_FNS.has(fn) ? 'bool' : 'int', fn, a, b: b2 });
export const and = (...xs: CExpr[]): CExpr => xs.reduce((x, y) => bin('and', x, y));
export const or = (...xs: CExpr[]): CExpr => xs.reduce((x, y) => bin('or', x, y));
export const not = (x: CExpr): CExpr => ({ op: 'unary', type: 'bool', fn: 'not', arg: x });
export const sub = (a: CExpr, b2: CExpr): CExpr => bin('sub', a, b2);
export const causal = bin('le', k, q);
export const table = (values: number[], index: CExpr): CExpr => ({ op: 'table', type: 'int', values, index });
export const load = (input: string, type: 'int' | 'bool', ...indices: CExpr[]): CExpr => ({ op: 'load', type, input, indices });
export const member = (input: string, value: CExpr, ...indices: CExpr[]): CExpr => ({ op: 'member', type: 'bool', input, indices, value });

/** An attention kernel with the given mask, static sizes and inputs. */
export function kernelOf(mask: CExpr, s: Partial<AttentionSizes> & { qLen: number; kvLen: number }, inputs: RuntimeInput[] = []): AttentionKernel {
  const heads = s.heads ?? 1;
  return {
    kind: 'attention', name: 'test', origin: { file: 'test', line: 1, col: 1 },
    batch: s.batch ?? 1, heads, kvHeads: s.kvHeads ?? heads, headDim: 16, valueDim: 16,
    qLen: s.qLen, kvLen: s.kvLen, dtype: 'f32', scale: null, mask, score: null, outputs: ['out'], inputs, schedules: {},
  };
}

/** Full sizes from partial ones. */
export function sizesOf(s: Partial<AttentionSizes> & { qLen: number; kvLen: number }): AttentionSizes {
  const heads = s.heads ?? 1;
  return { batch: s.batch ?? 1, heads, kvHeads: s.kvHeads ?? heads, headDim: 16, valueDim: 16, qLen: s.qLen, kvLen: s.kvLen };
}

/** Brute-force class of the tile (b, h, rows [r0, r1), keys [k0, k1)): 0 empty, 1 full, 2 partial. */
export function bruteTile(mask: CExpr, inputs: readonly RuntimeInput[], sizes: AttentionSizes, runtime: RuntimeValues,
  bb: number, hh: number, r0: number, r1: number, k0: number, k1: number): 0 | 1 | 2 {
  const env = { vars: { b: bb, h: hh, q: 0, k: 0 }, sizes: sizeRecord(sizes), runtime, inputs: new Map(inputs.map((i) => [i.name, i])) };
  let any = false;
  let all = true;
  const off = sizes.kvLen - sizes.qLen;
  for (let r = r0; r < r1; r++) {
    for (let kk = k0; kk < k1; kk++) {
      env.vars.q = r + off;
      env.vars.k = kk;
      if (evalExpr(mask, env)) any = true;
      else all = false;
    }
  }
  return all ? 1 : any ? 2 : 0;
}
