/** @file The wasm prelude's 4-lane exp ($expv) and online-softmax exp ($softexpv): accuracy and special values. */
import binaryen from 'binaryen';
import { describe, expect, it } from 'vitest';
import { importsText, PRELUDE_FUNCTIONS } from '../../src/targets/wasm/prelude.js';

type Exp = (x: number) => number;
type SoftExp = (a: number, m: number) => number;

/** Instantiates the prelude with two scalar exports that run $expv / $softexpv on a splat. */
async function prelude(): Promise<{ exp: Exp; softexp: SoftExp }> {
  const wat = `(module\n${importsText(false)}\n${PRELUDE_FUNCTIONS}
(func (export "exp") (param $x f32) (result f32) (f32x4.extract_lane 2 (call $expv (f32x4.splat (local.get $x)))))
(func (export "softexp") (param $a f32) (param $m f32) (result f32)
  (f32x4.extract_lane 1 (call $softexpv (f32x4.splat (local.get $a)) (f32x4.splat (local.get $m))))))`;
  const mod = binaryen.parseText(wat);
  mod.setFeatures(binaryen.Features.MVP | binaryen.Features.SIMD128 | binaryen.Features.NontrappingFPToInt | binaryen.Features.BulkMemory);
  expect(mod.validate()).toBeTruthy();
  const binary = mod.emitBinary();
  mod.dispose();
  const env = { memory: new WebAssembly.Memory({ initial: 1, maximum: 65536 }), log: Math.log, tanh: Math.tanh, erf: (x: number) => x };
  const { instance } = await WebAssembly.instantiate(binary, { env });
  return { exp: instance.exports['exp'] as Exp, softexp: instance.exports['softexp'] as SoftExp };
}

const relErr = (got: number, want: number): number => Math.abs(got - want) / Math.max(Math.abs(want), 1e-30);

describe('wasm prelude exp', () => {
  it('$expv is within 2 f32 ulps of exp over its range, flushes below -87.34, overflows above 88.72, keeps NaN', async () => {
    const { exp } = await prelude();
    for (let x = -87; x <= 88; x += 0.0137) expect(relErr(exp(x), Math.fround(Math.exp(Math.fround(x))))).toBeLessThan(2.4e-7);
    for (const x of [0, -0.5, 0.5, -1e-8, 1e-8]) expect(relErr(exp(x), Math.exp(Math.fround(x)))).toBeLessThan(2.4e-7);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(-88)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(89)).toBe(Infinity);
    expect(exp(NaN)).toBeNaN();
  });

  it('$softexpv is exp(a - m), 0 for a = -inf (also with m = -inf) and below -87.34, NaN for a NaN', async () => {
    const { softexp } = await prelude();
    for (let a = -80; a <= 0; a += 0.071) expect(relErr(softexp(a, 0.25), Math.exp(Math.fround(Math.fround(a) - 0.25)))).toBeLessThan(2.4e-7);
    expect(softexp(3, 3)).toBe(1);
    expect(softexp(-Infinity, 2)).toBe(0);
    expect(softexp(-Infinity, -Infinity)).toBe(0);
    expect(softexp(-100, 0)).toBe(0);
    expect(softexp(NaN, 1)).toBeNaN();
    expect(softexp(1, NaN)).toBeNaN();
    expect(softexp(Infinity, Infinity)).toBeNaN();
  });
});
