/**
 * @file The WAT prelude every kernel module carries: the imported memory and math functions, and
 * helpers the printers call (floored integer division, a 4-lane exp polynomial accurate to f32
 * rounding, f16 / bf16 conversions with round-to-nearest-even, bounded gathers, list membership).
 * Binaryen inlines the small ones and drops what a kernel does not use.
 */

const splat = (x: number | string): string => `(v128.const f32x4 ${x} ${x} ${x} ${x})`;

/**
 * Host math functions imported only by the kernels that call them (score modifiers' sin / cos / exp2 / log2), so
 * a module without them instantiates on a host that predates them. Computed in f64 and rounded once to f32: the
 * correctly rounded result except in rare double-rounding cases (within 1 ulp).
 */
export const OPTIONAL_MATH_IMPORTS = ['sin', 'cos', 'exp2', 'log2'] as const;

/** Imports: the (shared) memory, and log / tanh / erf (always) and the optional math functions `fn` calls, from the host (f64). */
export function importsText(shared: boolean, fn = ''): string {
  const optional = OPTIONAL_MATH_IMPORTS.filter((name) => fn.includes(`(call $${name} `));
  return [
    `(import "env" "memory" (memory $mem 1 65536${shared ? ' shared' : ''}))`,
    '(import "env" "log" (func $log (param f64) (result f64)))',
    '(import "env" "tanh" (func $tanh (param f64) (result f64)))',
    '(import "env" "erf" (func $erf (param f64) (result f64)))',
    ...optional.map((name) => `(import "env" "${name}" (func $${name} (param f64) (result f64)))`),
  ].join('\n');
}

// NOTE: Cephes expf: x = n ln2 + r with |r| <= ln2/2, e^r by a degree-6 polynomial, 2^n built in
// the exponent bits. Below -87.3 the result flushes to 0, above 88.72 it is +inf; NaN passes through.
// n = nearest(x log2 e) is taken by adding 1.5 * 2^23 (round to nearest even, as f32x4.nearest) and its bits
// are then 0x4b400000 + n: no f32x4.nearest / i32x4.trunc_sat_f32x4_s (several x86 instructions each in V8).
// pmin / pmax with x first keep a NaN x (one minps / maxps each; f32x4.min / max cost about five).
const EXP_MAGIC = 12582912;
const EXP_CORE = `
  (local.set $t (f32x4.add (f32x4.mul (local.get $x) ${splat(1.4426950408889634)}) ${splat(EXP_MAGIC)}))
  (local.set $fx (f32x4.sub (local.get $t) ${splat(EXP_MAGIC)}))
  (local.set $r (f32x4.sub (f32x4.sub (local.get $x) (f32x4.mul (local.get $fx) ${splat(0.693359375)})) (f32x4.mul (local.get $fx) ${splat(-2.12194440e-4)})))
  (local.set $y (f32x4.add (f32x4.mul ${splat(1.9875691500e-4)} (local.get $r)) ${splat(1.3981999507e-3)}))
  (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $r)) ${splat(8.3334519073e-3)}))
  (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $r)) ${splat(4.1665795894e-2)}))
  (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $r)) ${splat(1.6666665459e-1)}))
  (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $r)) ${splat(5.0000001201e-1)}))
  (local.set $y (f32x4.add (f32x4.add (f32x4.mul (local.get $y) (f32x4.mul (local.get $r) (local.get $r))) (local.get $r)) ${splat(1)}))
  (local.set $res (f32x4.mul (local.get $y)
    (i32x4.shl (i32x4.add (local.get $t) (v128.const i32x4 ${127 - 0x4b400000} ${127 - 0x4b400000} ${127 - 0x4b400000} ${127 - 0x4b400000})) (i32.const 23))))`;
const EXP_LOCALS = '(local $c v128) (local $t v128) (local $fx v128) (local $r v128) (local $y v128) (local $res v128)';
const EXP_CLAMP = `(local.set $x (f32x4.pmax (f32x4.pmin (local.get $c) ${splat(88.3762626647949)}) ${splat(-87.3365447505531)}))`;
// NOTE: $softexpv is exp(a - m) for the online softmax, where m is the running row maximum, so a - m <= 0 or NaN:
// it skips exp's +inf and NaN selects (a NaN propagates through the polynomial) and zeroes with one andnot both
// an underflow and a = -inf (which, with m = -inf too, gives a - m = NaN).
const EXP = `
(func $expv (param $x v128) (result v128)
  ${EXP_LOCALS}
  (local.set $c (local.get $x))
  ${EXP_CLAMP}${EXP_CORE}
  (local.set $res (v128.andnot (local.get $res) (f32x4.lt (local.get $c) ${splat(-87.3365447505531)})))
  (local.set $res (v128.bitselect ${splat('inf')} (local.get $res) (f32x4.gt (local.get $c) ${splat(88.72283935546875)})))
  (v128.bitselect (local.get $c) (local.get $res) (f32x4.ne (local.get $c) (local.get $c))))
(func $expf (param $x f32) (result f32)
  (f32x4.extract_lane 0 (call $expv (f32x4.splat (local.get $x)))))
(func $softexpv (param $a v128) (param $m v128) (result v128)
  (local $x v128) ${EXP_LOCALS}
  (local.set $c (f32x4.sub (local.get $a) (local.get $m)))
  ${EXP_CLAMP}${EXP_CORE}
  (v128.andnot (local.get $res)
    (v128.or (f32x4.lt (local.get $c) ${splat(-87.3365447505531)}) (f32x4.eq (local.get $a) ${splat('-inf')}))))
(func $skipzero_mul (param $a f32) (param $b f32) (result f32)
  (select (f32.mul (local.get $a) (local.get $b)) (f32.const 0) (f32.ne (local.get $a) (f32.const 0))))
(func $softexp (param $a f32) (param $m f32) (result f32)
  (if (result f32) (f32.eq (local.get $a) (f32.const -inf))
    (then (f32.const 0))
    (else (call $expf (f32.sub (local.get $a) (local.get $m))))))
`;

const INTEGER = `
(func $imin (param $a i32) (param $b i32) (result i32) (select (local.get $a) (local.get $b) (i32.lt_s (local.get $a) (local.get $b))))
(func $imax (param $a i32) (param $b i32) (result i32) (select (local.get $a) (local.get $b) (i32.gt_s (local.get $a) (local.get $b))))
(func $iabs (param $a i32) (result i32) (select (local.get $a) (i32.sub (i32.const 0) (local.get $a)) (i32.ge_s (local.get $a) (i32.const 0))))
(func $iminv (param $a v128) (param $b v128) (result v128) (i32x4.min_s (local.get $a) (local.get $b)))
(func $imaxv (param $a v128) (param $b v128) (result v128) (i32x4.max_s (local.get $a) (local.get $b)))
(func $iabsv (param $a v128) (result v128) (i32x4.abs (local.get $a)))
(func $idiv (param $a i32) (param $b i32) (result i32) (local $q i32)
  (if (i32.eqz (local.get $b)) (then (return (i32.const 0))))
  (if (i32.and (i32.eq (local.get $a) (i32.const 0x80000000)) (i32.eq (local.get $b) (i32.const -1))) (then (return (local.get $a))))
  (local.set $q (i32.div_s (local.get $a) (local.get $b)))
  (if (i32.and (i32.ne (i32.mul (local.get $q) (local.get $b)) (local.get $a)) (i32.lt_s (i32.xor (local.get $a) (local.get $b)) (i32.const 0)))
    (then (local.set $q (i32.sub (local.get $q) (i32.const 1)))))
  (local.get $q))
(func $imod (param $a i32) (param $b i32) (result i32) (local $r i32)
  (if (i32.eqz (local.get $b)) (then (return (i32.const 0))))
  (local.set $r (i32.rem_s (local.get $a) (local.get $b)))
  (if (i32.and (i32.ne (local.get $r) (i32.const 0)) (i32.lt_s (i32.xor (local.get $r) (local.get $b)) (i32.const 0)))
    (then (local.set $r (i32.add (local.get $r) (local.get $b)))))
  (local.get $r))
`;

const REDUCE = `
(func $hsum (param $v v128) (result f32)
  (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
           (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))
(func $hmax (param $v v128) (result f32)
  (f32.max (f32.max (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
           (f32.max (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))
`;

// NOTE: f32 -> f16 rounds to nearest even: normals by adding half an ulp (plus the tie bit) before
// the shift, subnormals by an exact scaling to units of 2^-24 and f32.nearest.
const HALF = `
(func $f16tof32 (param $h i32) (result f32) (local $s i32) (local $e i32) (local $m i32)
  (local.set $s (i32.shl (i32.and (local.get $h) (i32.const 0x8000)) (i32.const 16)))
  (local.set $e (i32.and (i32.shr_u (local.get $h) (i32.const 10)) (i32.const 31)))
  (local.set $m (i32.and (local.get $h) (i32.const 0x3ff)))
  (if (i32.eqz (local.get $e)) (then (return
    (f32.copysign (f32.mul (f32.convert_i32_u (local.get $m)) (f32.const 5.9604644775390625e-8)) (f32.reinterpret_i32 (i32.or (local.get $s) (i32.const 0x3f800000)))))))
  (if (i32.eq (local.get $e) (i32.const 31)) (then (return
    (f32.reinterpret_i32 (i32.or (i32.or (local.get $s) (i32.const 0x7f800000)) (i32.shl (local.get $m) (i32.const 13)))))))
  (f32.reinterpret_i32 (i32.or (i32.or (local.get $s) (i32.shl (i32.add (local.get $e) (i32.const 112)) (i32.const 23))) (i32.shl (local.get $m) (i32.const 13)))))
(func $f32tof16 (param $f f32) (result i32) (local $b i32) (local $s i32) (local $a i32)
  (local.set $b (i32.reinterpret_f32 (local.get $f)))
  (local.set $s (i32.and (i32.shr_u (local.get $b) (i32.const 16)) (i32.const 0x8000)))
  (local.set $a (i32.and (local.get $b) (i32.const 0x7fffffff)))
  (if (i32.gt_u (local.get $a) (i32.const 0x7f800000)) (then (return (i32.or (local.get $s) (i32.const 0x7e00)))))
  (if (i32.ge_u (local.get $a) (i32.const 0x477ff000)) (then (return (i32.or (local.get $s) (i32.const 0x7c00)))))
  (if (i32.lt_u (local.get $a) (i32.const 0x38800000)) (then (return
    (i32.or (local.get $s) (i32.trunc_f32_u (f32.nearest (f32.mul (f32.abs (local.get $f)) (f32.const 16777216))))))))
  (i32.or (local.get $s)
    (i32.sub (i32.shr_u (i32.add (i32.add (local.get $a) (i32.const 0xfff)) (i32.and (i32.shr_u (local.get $a) (i32.const 13)) (i32.const 1))) (i32.const 13))
             (i32.const 0x1c000))))
(func $f32tobf16 (param $f f32) (result i32) (local $b i32)
  (local.set $b (i32.reinterpret_f32 (local.get $f)))
  (if (i32.gt_u (i32.and (local.get $b) (i32.const 0x7fffffff)) (i32.const 0x7f800000))
    (then (return (i32.or (i32.shr_u (local.get $b) (i32.const 16)) (i32.const 0x40)))))
  (i32.shr_u (i32.add (i32.add (local.get $b) (i32.const 0x7fff)) (i32.and (i32.shr_u (local.get $b) (i32.const 16)) (i32.const 1))) (i32.const 16)))
`;

const gather = (name: string, ty: string, read: string): string => `
(func ${name} (param $buf i32) (param $i i32) (param $len i32) (result ${ty})
  (if (result ${ty}) (i32.lt_u (local.get $i) (local.get $len)) (then ${read}) (else (${ty}.const 0))))`;

const MEMORY = [
  gather('$gf32', 'f32', '(f32.load (i32.add (local.get $buf) (i32.shl (local.get $i) (i32.const 2))))'),
  gather('$gi32', 'i32', '(i32.load (i32.add (local.get $buf) (i32.shl (local.get $i) (i32.const 2))))'),
  gather('$gu8', 'i32', '(i32.load8_u (i32.add (local.get $buf) (local.get $i)))'),
  gather('$gbool', 'i32', '(i32.ne (i32.load8_u (i32.add (local.get $buf) (local.get $i))) (i32.const 0))'),
  gather('$gf16', 'f32', '(call $f16tof32 (i32.load16_u (i32.add (local.get $buf) (i32.shl (local.get $i) (i32.const 1)))))'),
  gather('$gbf16', 'f32', '(f32.reinterpret_i32 (i32.shl (i32.load16_u (i32.add (local.get $buf) (i32.shl (local.get $i) (i32.const 1)))) (i32.const 16)))'),
  `
(func $member (param $offs i32) (param $vals i32) (param $list i32) (param $x i32) (param $lists i32) (result i32)
  (local $lo i32) (local $hi i32) (local $mid i32) (local $v i32)
  (if (i32.ge_u (local.get $list) (local.get $lists)) (then (return (i32.const 0))))
  (local.set $lo (i32.load (i32.add (local.get $offs) (i32.shl (local.get $list) (i32.const 2)))))
  (local.set $hi (i32.load offset=4 (i32.add (local.get $offs) (i32.shl (local.get $list) (i32.const 2)))))
  (block $done (loop $search
    (br_if $done (i32.ge_s (local.get $lo) (local.get $hi)))
    (local.set $mid (i32.shr_u (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
    (local.set $v (i32.load (i32.add (local.get $vals) (i32.shl (local.get $mid) (i32.const 2)))))
    (if (i32.eq (local.get $v) (local.get $x)) (then (return (i32.const 1))))
    (if (i32.lt_s (local.get $v) (local.get $x))
      (then (local.set $lo (i32.add (local.get $mid) (i32.const 1))))
      (else (local.set $hi (local.get $mid))))
    (br $search)))
  (i32.const 0))`,
].join('\n');

/** Every helper function, as WAT module fields. */
export const PRELUDE_FUNCTIONS = [EXP, INTEGER, REDUCE, HALF, MEMORY].join('\n');
