/** @file The wasm printer's vector row max (REDUCE_MAX): NaN in a row gives NaN, -0 and +0 give +0, as f32x4.max. */
import { describe, expect, it } from 'vitest';
import { parseKernel } from '../../src/ir/parse.js';
import { WasmKernel } from '../../src/runtime/wasm/kernel.js';
import { compileWasmModules } from '../../src/targets/wasm/module.js';

const ROWS = 6;
const IR = `kernel "row_max" {
  %0 = param #"x" : ptr<f32,global>
  %1 = param #"out" : ptr<f32,global>
  %2 = const #0 : i32
  %3 = const #8 : i32
  %4 = const #1 : i32
  %5 = const #${ROWS} : i32
  %6 = load %0, %2, %3, %4, %5, %3 : f32[${ROWS},8]
  %7 = reduce_max %6 #1 : f32[${ROWS},1]
  %8 = store %1, %2, %4, %4, %5, %4, %7 : void
  effects %8
}`;

describe('wasm REDUCE_MAX along a row of 8', () => {
  it('keeps NaN, orders -0 below +0, and finds the max anywhere in the row', async () => {
    const rows: number[][] = [
      [1, 2, 3, 4, 5, 6, 7, 8],
      [-0, 0, -0, -0, -1, -2, -3, -4],
      [-0, -0, -0, -0, 0, -0, -0, -0],
      [-1, NaN, 5, -Infinity, 0, 0, 0, 0],
      [-Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity, 9],
      [-Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity, NaN],
    ];
    const k = await WasmKernel.load(compileWasmModules(parseKernel(IR)));
    const out = new Float32Array(ROWS);
    await k.run({ x: Float32Array.from(rows.flat()) }, { out });
    await k.dispose();
    expect(out[0]).toBe(8);
    expect(Object.is(out[1], 0)).toBe(true);
    expect(Object.is(out[2], 0)).toBe(true);
    expect(out[3]).toBeNaN();
    expect(out[4]).toBe(9);
    expect(out[5]).toBeNaN();
  });
});
