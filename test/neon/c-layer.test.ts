/**
 * @file The C spelling layer's helper functions, compiled by the host C compiler and checked against the
 * TypeScript definitions they must match: f16 / bf16 rounding (nearest even, NaN, infinities, subnormals),
 * floored integer division and remainder, NaN-propagating min / max, saturating f32 -> i32.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C99, helperFunctions, floatLiteral, scalarForms } from '../../src/targets/c/index.js';
import { Op } from '../../src/ir/ops.js';
import { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits } from '../../src/runtime/half.js';

const hasCc = (() => {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Compiles `main` with the helpers and runs it on `input` lines; returns its output lines. */
function runC(main: string, input: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sparsec-c-'));
  writeFileSync(join(dir, 'h.c'), `${C99.prelude.join('\n')}\n#include <stdio.h>\n${helperFunctions(C99)}\n${main}`);
  execFileSync('gcc', ['-O2', '-fwrapv', '-std=gnu11', '-o', join(dir, 'h'), join(dir, 'h.c'), '-lm']);
  return execFileSync(join(dir, 'h'), { input, encoding: 'utf8' }).trim().split('\n');
}

/** Bits of f32 values worth checking: specials, subnormal and overflow edges of f16, ties, random. */
function sampleBits(): number[] {
  const f = new Float32Array([0, -0, 1, -1, 65504, 65520, 65519.99, 1e-8, 5.96e-8, 2.98e-8, 6.1e-5, 1 / 3, Infinity, -Infinity, NaN, 3.4e38, 1.00048828125, 1.000732421875]);
  const bits = [...new Uint32Array(f.buffer)];
  let s = 12345;
  for (let i = 0; i < 3000; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    bits.push(s ^ (i << 7));
  }
  return bits.map((b) => b >>> 0);
}

describe.skipIf(!hasCc)('C helpers', () => {
  it('convert f32 to and from f16 / bf16 exactly as the runtime does', () => {
    const bits = sampleBits();
    const out = runC(
      `int main(void) { unsigned u; while (scanf("%u", &u) == 1) { float f = sx_bits_f32(u); uint16_t h = sx_f32_to_f16(f), b = sx_f32_to_bf16(f);
        printf("%u %u %u %u\\n", h, b, sx_f32_bits(sx_f16_to_f32(h)), sx_f32_bits(sx_bf16_to_f32(b))); } return 0; }`,
      bits.join('\n'),
    );
    const f32 = new Float32Array(1);
    const u32 = new Uint32Array(f32.buffer);
    const expected = bits.map((b) => {
      u32[0] = b;
      const h = f32ToF16Bits(f32[0]!);
      const bf = f32ToBf16Bits(f32[0]!);
      f32[0] = f16BitsToF32(h);
      const back = u32[0]!;
      f32[0] = bf16BitsToF32(bf);
      return `${h} ${bf} ${back} ${u32[0]}`;
    });
    // NOTE: JavaScript canonicalises NaN bit patterns; any NaN matches any NaN.
    const nanFree = (lines: string[]): string[] => lines.map((l) => l.split(' ').map((x, i) => (i >= 2 && (Number(x) & 0x7fffffff) > 0x7f800000 ? 'nan' : x)).join(' '));
    expect(nanFree(out)).toEqual(nanFree(expected));
  });

  it('divide and take remainders floored, min / max keep NaN, f32 -> i32 saturates', () => {
    const pairs = [[7, 2], [-7, 2], [7, -2], [-7, -2], [5, 0], [-2147483648, -1], [0, 3], [-1, 4], [13, -13]];
    const out = runC(
      `int main(void) { int a, b; while (scanf("%d %d", &a, &b) == 2) printf("%d %d\\n", sx_idiv(a, b), sx_imod(a, b));
        printf("%d %d %d %d\\n", sx_fmax(NAN, 1.0f) != sx_fmax(NAN, 1.0f), sx_fmin(2.0f, NAN) != sx_fmin(2.0f, NAN), (int)sx_fmax(-1.0f, 3.0f), (int)sx_fmin(-1.0f, 3.0f));
        printf("%d %d %d\\n", sx_f2i(NAN), sx_f2i(3e9f), sx_f2i(-3.7f)); return 0; }`,
      pairs.map((p) => p.join(' ')).join('\n'),
    );
    const floorDiv = (a: number, b: number): number => (b === 0 ? 0 : a === -2147483648 && b === -1 ? a : Math.floor(a / b));
    const floorMod = (a: number, b: number): number => (b === 0 || b === -1 ? 0 : a - floorDiv(a, b) * b);
    expect(out.slice(0, pairs.length)).toEqual(pairs.map(([a, b]) => `${floorDiv(a!, b!)} ${floorMod(a!, b!)}`));
    expect(out.slice(pairs.length)).toEqual(['1 1 3 -1', '0 2147483647 -3']);
  });

  it('spells literals and has a scalar form for every element-wise op kind it claims', () => {
    expect([floatLiteral(C99, 1), floatLiteral(C99, -Infinity), floatLiteral(C99, NaN), floatLiteral(C99, 0.1)]).toEqual(['1.0f', '(-INFINITY)', 'NAN', '0.100000001f']);
    const forms = scalarForms(C99);
    expect(forms[Op.ADD].f!(['a', 'b'])).toBe('(a + b)');
    expect(forms[Op.SHL].i!(['a', 'b'])).toBe('((int32_t)((uint32_t)a << (b & 31)))');
    expect(forms[Op.MAX].f!(['a', 'b'])).toBe('sx_fmax(a, b)');
  });
});
