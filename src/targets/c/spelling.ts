/**
 * @file Spelling of the small pieces of C every printer needs, from a language table: literals,
 * declarations, counted loops, select and casts. Pure string functions; no printing state.
 */
import type { Scalar } from '../../ir/dtype.js';
import type { CLanguage, ValueKind } from './language.js';

/** Register kind of scalar `s` (f32 / f16 / bf16 are floats; i32, u8 and bool integers). */
export function valueKind(s: Scalar): ValueKind {
  return s === 'f32' || s === 'f16' || s === 'bf16' ? 'f' : 'i';
}

/** A float literal that survives a round trip to f32 (inf, -inf and NaN spelled by the language). */
export function floatLiteral(lang: CLanguage, v: number): string {
  if (Number.isNaN(v)) return lang.nan;
  if (v === Infinity) return lang.infinity;
  if (v === -Infinity) return `(-${lang.infinity})`;
  if (Object.is(v, -0)) return '(-0.0f)';
  const f = Math.fround(v);
  const text = Number.isInteger(f) && Math.abs(f) < 1e15 ? `${f}.0` : f.toPrecision(9);
  return f < 0 ? `(${text}f)` : `${text}f`;
}

/** An i32 literal (INT32_MIN spelled so that C does not read it as a negated out-of-range constant). */
export function intLiteral(v: number): string {
  const i = v | 0;
  if (i === -2147483648) return '(-2147483647 - 1)';
  return i < 0 ? `(${i})` : String(i);
}

/** A literal of kind `k`. */
export function literal(lang: CLanguage, k: ValueKind, v: number): string {
  return k === 'f' ? floatLiteral(lang, v) : intLiteral(v);
}

/** `type name = init;` or `type name;`. */
export function declare(type: string, name: string, init?: string): string {
  return init === undefined ? `${type} ${name};` : `${type} ${name} = ${init};`;
}

/** A 16-byte aligned array declaration `type name[size]`. */
export function declareArray(type: string, name: string, size: number): string {
  return `${type} ${name}[${Math.max(1, size)}] __attribute__((aligned(16)));`;
}

/** Header of a counted loop `for (int32_t i = from; i < to; i += step) {`. */
export function forHeader(i: string, from: string, to: string, step = 1): string {
  return `for (int32_t ${i} = ${from}; ${i} < ${to}; ${i} ${step === 1 ? '++' : `+= ${step}`}) {`;
}

/** `c ? a : b` (parenthesised). */
export function select(c: string, a: string, b: string): string {
  return `((${c}) ? (${a}) : (${b}))`;
}

/** A value cast `(type)(x)`. */
export function cast(type: string, x: string): string {
  return `((${type})(${x}))`;
}

/** Sum of index expressions, folding zeros. */
export function addIndex(a: string, b: string): string {
  return a === '0' ? b : b === '0' ? a : `${a} + ${b}`;
}

/** Product of an index expression and a constant, folding 0 and 1. */
export function mulIndex(i: string, c: number): string {
  return c === 0 ? '0' : c === 1 ? i : `(${i}) * ${c}`;
}
