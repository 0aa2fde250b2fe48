/**
 * @file Tile layouts (row_major, swizzle(...), mma fragments) and CONVERT_LAYOUT: the text form reads back, the
 * verifier checks them, and the interpreter runs a DOT over fragments exactly as over row-major tiles. No pass
 * produces a layout yet; this test builds them by hand, as the cuda lowering will.
 */
import { describe, expect, it } from 'vitest';
import * as B from '../../src/ir/build.js';
import { parseLayout, parseType, ptr, swizzle, tile } from '../../src/ir/dtype.js';
import { Node } from '../../src/ir/node.js';
import { Op } from '../../src/ir/ops.js';
import { parseKernel } from '../../src/ir/parse.js';
import { printKernel } from '../../src/ir/print.js';
import { verifyKernel } from '../../src/ir/verify.js';
import { compileProgram } from '../../src/targets/interp/exec.js';
import type { Buffer, Value } from '../../src/targets/interp/tiles.js';

const [a, b, c] = [B.param('a', ptr('f16')), B.param('b', ptr('f16')), B.param('c', ptr('f32'))];

/** c = a [4, 8] @ b [8, 4], the operands and accumulator moved through `layouts` (a, b, acc) when given. */
function gemm(layouts?: { a: Parameters<typeof B.convertLayout>[1]; b: Parameters<typeof B.convertLayout>[1]; acc: Parameters<typeof B.convertLayout>[1] }): Node {
  let [x, y, acc] = [B.load(a, 0, [8, 1], [4, 8], [4, 8]), B.load(b, 0, [4, 1], [8, 4], [8, 4]), B.full([4, 4], 0)];
  if (layouts) [x, y, acc] = [B.convertLayout(x, layouts.a), B.convertLayout(y, layouts.b), B.convertLayout(acc, layouts.acc)];
  let out = B.dot(x, y, acc);
  if (layouts) out = B.convertLayout(out, 'row_major');
  return B.kernelRoot('frag', [B.store(c, 0, [4, 1], [4, 4], out)]);
}

function run(k: Node): Float32Array {
  const buf = (data: Float32Array): Buffer => ({ kind: 'buffer', data, round: null });
  const C = new Float32Array(16);
  const values = new Map<string, Value>([
    ['a', buf(Float32Array.from({ length: 32 }, (_, i) => (i % 7) - 3.5))],
    ['b', buf(Float32Array.from({ length: 32 }, (_, i) => (i % 5) * 0.25))],
    ['c', buf(C)],
  ]);
  compileProgram(k).run(values);
  return C;
}

describe('tile layouts', () => {
  it('types carry a layout; row_major is the default and is not spelled', () => {
    expect(tile('f16', [16, 16]).key).toBe('f16[16,16]');
    expect(tile('f16', [16, 16], 'row_major')).toBe(tile('f16', [16, 16]));
    expect(tile('f16', [16, 16], 'mma_a').key).toBe('f16[16,16]@mma_a');
    expect(parseType('f16[64,32]@swizzle(8,2,4)')).toBe(tile('f16', [64, 32], swizzle(8, 2, 4)));
    expect(parseLayout('mma_acc')).toBe('mma_acc');
    expect(() => parseLayout('mma_c')).toThrow("bad layout 'mma_c'");
    expect(() => swizzle(0, 1, 8)).toThrow('positive integers');
  });

  it('CONVERT_LAYOUT prints, reads back and verifies; a DOT over fragments computes what the row-major one does', () => {
    const k = gemm({ a: 'mma_a', b: 'mma_b', acc: 'mma_acc' });
    expect(verifyKernel(k)).toEqual([]);
    const text = printKernel(k);
    expect(text).toContain('convert_layout');
    expect(text).toContain(': f16[4,8]@mma_a');
    expect(text).toContain(': f32[4,4]@mma_acc');
    expect(parseKernel(text)).toBe(k);
    expect(Array.from(run(k))).toEqual(Array.from(run(gemm())));
    const swizzled = gemm({ a: swizzle(8, 1, 8), b: swizzle(4, 2, 2), acc: 'row_major' });
    expect(Array.from(run(swizzled))).toEqual(Array.from(run(gemm())));
  });

  it('the verifier refuses a layout on a tile that is not 2-d and a conversion that changes type or shape', () => {
    const v = B.load(c, 0, [1], [4], [4]);
    const flat = Node.make(Op.CONVERT_LAYOUT, tile('f32', [4], 'mma_a'), [v]);
    const retyped = Node.make(Op.CONVERT_LAYOUT, tile('f16', [4, 4], 'mma_b'), [B.load(c, 0, [4, 1], [4, 4], [4, 4])]);
    const problems = verifyKernel(B.kernelRoot('bad', [B.store(c, 0, [1], [4], flat), B.store(c, 0, [4, 1], [4, 4], B.cast(retyped, 'f32'))])).join('\n');
    expect(problems).toMatch(/layout mma_a needs a 2-d tile/);
    expect(problems).toMatch(/convert_layout keeps the element type and shape/);
  });
});
