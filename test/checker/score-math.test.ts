/**
 * @file The score-math additions to the language: sin / cos / exp2 / log2 and `inf` in score modifiers,
 * hexadecimal literals, and one diagnostic per unknown function of a nested call.
 */
import { describe, expect, it } from 'vitest';
import { evalExpr } from '../../src/model/eval.js';
import { attention, checkText, codes } from './helpers.js';

const KERNEL = (score: string, mask = 'causal'): string => `kernel k = attention(${mask}) {\n  heads = 1; head_dim = 16; seq = 64\n  score = ${score}\n}\n`;

/** The score modifier of a kernel checked without diagnostics, evaluated at (q, k, score). */
function scoreAt(score: string, q: number, k: number, s: number): number {
  const r = checkText(KERNEL(score));
  expect(r.rendered).toBe('');
  const kernel = attention(r, 'k');
  return evalExpr(kernel.score!, { vars: { b: 0, h: 0, q, k, score: s }, sizes: {} as never, runtime: {} as never, inputs: new Map() }) as number;
}

describe('float functions and inf in score modifiers', () => {
  it('sin, cos, exp2 and log2 are the f32 rounding of the exact value', () => {
    expect(scoreAt('sin(score)', 3, 1, 0.5)).toBe(Math.fround(Math.sin(0.5)));
    expect(scoreAt('cos(score * (q - k))', 3, 1, 0.5)).toBe(Math.fround(Math.cos(1)));
    expect(scoreAt('exp2(score)', 3, 1, -3)).toBe(0.125);
    expect(scoreAt('log2(score)', 3, 1, 1024)).toBe(10);
    expect(Number.isNaN(scoreAt('sin(score)', 3, 1, NaN))).toBe(true);
  });

  it('-inf removes a key; inf is a float', () => {
    expect(scoreAt('q - k > 2 ? -inf : score', 5, 1, 0.5)).toBe(-Infinity);
    expect(scoreAt('q - k > 2 ? -inf : score', 5, 4, 0.5)).toBe(0.5);
    expect(scoreAt('min(score, inf)', 5, 4, 2)).toBe(2);
  });

  it('inf and the float functions stay out of patterns (SPC060) and may not be declared (SPC043)', () => {
    expect(codes(checkText('pattern p = causal && cos(1.0 * q) < 0.5'))).toEqual(['SPC060']);
    expect(codes(checkText('pattern p(inf: int = 3) = causal && q - k < inf'))).toEqual(['SPC043']);
  });
});

describe('hexadecimal literals', () => {
  it('0x1F is 31 and 0x7FFFFFFF the largest', () => {
    const r = checkText(`pattern p = causal && (q & 0x1F) == 0xf\n${KERNEL('score', 'p && k < 0x7FFFFFFF')}`);
    expect(r.rendered).toBe('');
    const mask = attention(r, 'k').mask;
    const at = (q: number, k: number): unknown => evalExpr(mask, { vars: { b: 0, h: 0, q, k }, sizes: {} as never, runtime: {} as never, inputs: new Map() });
    expect([at(15, 3), at(47, 3), at(14, 3), at(31, 3)]).toEqual([1, 1, 0, 0]);
  });
});

describe('unknown functions in nested calls', () => {
  it('reports every unknown function, not only the outermost', () => {
    const r = checkText(KERNEL('fooo(barr(score), sin(bazz(1.0)))'));
    expect(codes(r)).toEqual(['SPC033', 'SPC033', 'SPC033']);
    expect(r.rendered).toContain("'fooo'");
    expect(r.rendered).toContain("'barr'");
    expect(r.rendered).toContain("'bazz'");
  });

  it('checks the arguments of a built-in called with the wrong arity', () => {
    expect(codes(checkText(KERNEL('min(fooo(score))')))).toEqual(['SPC041', 'SPC033']);
  });
});
