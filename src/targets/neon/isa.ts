/**
 * @file The vector ISA table the C loop-nest printers read: vector types, loads / stores / splats, fused
 * multiply-add, horizontal reductions, 16-bit storage conversions and the 4-lane form of each element-wise op
 * (keys `op:kind` as in the wasm printer). NEON (arm_neon.h) fills it here; an ISA without a form for an op
 * leaves it out and the printers fall back to the scalar C form.
 */
import type { ValueKind } from '../c/language.js';

/** A vector expression built from vector operand expressions. */
export type VectorForm = (args: readonly string[]) => string;

/** One 4-lane vector ISA, spelled as C intrinsics. */
export interface VectorIsa {
  readonly name: string;
  /** Lanes of f32 / i32 per vector. */
  readonly lanes: number;
  /** Vector type per kind. */
  readonly vectorType: Readonly<Record<ValueKind, string>>;
  /** Load / store of `lanes` contiguous elements at a pointer expression. */
  readonly load: Readonly<Record<ValueKind, (p: string) => string>>;
  readonly store: Readonly<Record<ValueKind, (p: string, v: string) => string>>;
  /** A vector with every lane `x`. */
  readonly splat: Readonly<Record<ValueKind, (x: string) => string>>;
  /** c + a * b (fused where the ISA has it). */
  readonly fma: (c: string, a: string, b: string) => string;
  /** c + a * s for a scalar s. */
  readonly fmaScalar: (c: string, a: string, s: string) => string;
  /** c + a * s for a scalar s, or c itself when s == 0 (a zero weight never multiplies a NaN / inf: Op.DOT skip_zero). */
  readonly fmaScalarNonzero: (c: string, a: string, s: string) => string;
  /** c + a * v[lane] for a constant lane of vector v. */
  readonly fmaLane: (c: string, a: string, v: string, lane: number) => string;
  /** Horizontal sum / max of one f32 vector (a scalar). */
  readonly hsum: (v: string) => string;
  readonly hmax: (v: string) => string;
  /** Lane i of the result is the horizontal sum of vector i (four vectors in, one out). */
  readonly hsum4: (v: readonly [string, string, string, string]) => string;
  /** Loads of 4 contiguous 16-bit storage words converted to an f32 vector, and the reverse store. */
  readonly loadF16: (p: string) => string;
  readonly loadBf16: (p: string) => string;
  readonly storeF16: (p: string, v: string) => string;
  readonly storeBf16: (p: string, v: string) => string;
  /** Vector forms by `op:kind` (casts `cast:to:from`, broadcast copies `copy:kind`). */
  readonly forms: Readonly<Partial<Record<string, VectorForm>>>;
  /** Includes and vector helper functions (vector exp). */
  readonly prelude: string;
}

const f2 = (fn: string): VectorForm => ([a, b]) => `${fn}(${a}, ${b})`;
/** A comparison mask turned into 0 / 1 integer lanes. */
const cmp = (fn: string): VectorForm => ([a, b]) => `vreinterpretq_s32_u32(vshrq_n_u32(${fn}(${a}, ${b}), 31))`;
const mask = (c: string): string => `vtstq_s32(${c}, ${c})`;

// NOTE: Cephes expf, as the wasm prelude: x = n ln2 + r, e^r by a degree-6 polynomial, 2^n built in the
// exponent bits; below -87.34 flushes to 0, above 88.72 gives +inf, NaN passes through.
const NEON_PRELUDE = `#include <arm_neon.h>
static inline float32x4_t sx_expv(float32x4_t x0) {
  float32x4_t x = vmaxq_f32(vminq_f32(x0, vdupq_n_f32(88.3762626647949f)), vdupq_n_f32(-87.3365447505531f));
  float32x4_t fx = vrndnq_f32(vmulq_f32(x, vdupq_n_f32(1.44269504088896341f)));
  float32x4_t r = vsubq_f32(vsubq_f32(x, vmulq_f32(fx, vdupq_n_f32(0.693359375f))), vmulq_f32(fx, vdupq_n_f32(-2.12194440e-4f)));
  float32x4_t y = vfmaq_f32(vdupq_n_f32(1.3981999507e-3f), vdupq_n_f32(1.9875691500e-4f), r);
  y = vfmaq_f32(vdupq_n_f32(8.3334519073e-3f), y, r);
  y = vfmaq_f32(vdupq_n_f32(4.1665795894e-2f), y, r);
  y = vfmaq_f32(vdupq_n_f32(1.6666665459e-1f), y, r);
  y = vfmaq_f32(vdupq_n_f32(5.0000001201e-1f), y, r);
  y = vaddq_f32(vfmaq_f32(r, y, vmulq_f32(r, r)), vdupq_n_f32(1.0f));
  int32x4_t e = vshlq_n_s32(vaddq_s32(vcvtq_s32_f32(fx), vdupq_n_s32(127)), 23);
  float32x4_t res = vmulq_f32(y, vreinterpretq_f32_s32(e));
  res = vbslq_f32(vcltq_f32(x0, vdupq_n_f32(-87.3365447505531f)), vdupq_n_f32(0.0f), res);
  res = vbslq_f32(vcgtq_f32(x0, vdupq_n_f32(88.72283935546875f)), vdupq_n_f32(INFINITY), res);
  return vbslq_f32(vceqq_f32(x0, x0), res, x0);
}
static inline float32x4_t sx_softexpv(float32x4_t a, float32x4_t m) {
  return vbslq_f32(vceqq_f32(m, vdupq_n_f32(-INFINITY)), vdupq_n_f32(0.0f), sx_expv(vsubq_f32(a, m)));
}
static inline float32x4_t sx_fma_nz(float32x4_t c, float32x4_t a, float s) {
  return s != 0.0f ? vfmaq_n_f32(c, a, s) : c;
}
static inline int32x4_t sx_f2iv(float32x4_t f) { return vcvtq_s32_f32(f); }
`;

/** ARM NEON (AArch64 Advanced SIMD) through arm_neon.h. */
export const NEON: VectorIsa = {
  name: 'neon',
  lanes: 4,
  vectorType: { f: 'float32x4_t', i: 'int32x4_t' },
  load: { f: (p) => `vld1q_f32(${p})`, i: (p) => `vld1q_s32(${p})` },
  store: { f: (p, v) => `vst1q_f32(${p}, ${v});`, i: (p, v) => `vst1q_s32(${p}, ${v});` },
  splat: { f: (x) => `vdupq_n_f32(${x})`, i: (x) => `vdupq_n_s32(${x})` },
  fma: (c, a, b) => `vfmaq_f32(${c}, ${a}, ${b})`,
  fmaScalar: (c, a, s) => `vfmaq_n_f32(${c}, ${a}, ${s})`,
  fmaScalarNonzero: (c, a, s) => `sx_fma_nz(${c}, ${a}, ${s})`,
  fmaLane: (c, a, v, lane) => `vfmaq_laneq_f32(${c}, ${a}, ${v}, ${lane})`,
  hsum: (v) => `vaddvq_f32(${v})`,
  hmax: (v) => `vmaxvq_f32(${v})`,
  hsum4: ([a, b, c, d]) => `vpaddq_f32(vpaddq_f32(${a}, ${b}), vpaddq_f32(${c}, ${d}))`,
  loadF16: (p) => `vcvt_f32_f16(vreinterpret_f16_u16(vld1_u16(${p})))`,
  loadBf16: (p) => `vreinterpretq_f32_u32(vshll_n_u16(vld1_u16(${p}), 16))`,
  storeF16: (p, v) => `vst1_u16(${p}, vreinterpret_u16_f16(vcvt_f16_f32(${v})));`,
  // NOTE: bf16 rounding (nearest even, NaN kept quiet) stays scalar: stores go through sx_f32_to_bf16.
  storeBf16: () => '',
  forms: {
    'add:f': f2('vaddq_f32'), 'sub:f': f2('vsubq_f32'), 'mul:f': f2('vmulq_f32'), 'div:f': f2('vdivq_f32'),
    'min:f': f2('vminq_f32'), 'max:f': f2('vmaxq_f32'),
    'add:i': f2('vaddq_s32'), 'sub:i': f2('vsubq_s32'), 'mul:i': f2('vmulq_s32'), 'min:i': f2('vminq_s32'), 'max:i': f2('vmaxq_s32'),
    'and:i': f2('vandq_s32'), 'or:i': f2('vorrq_s32'), 'xor:i': f2('veorq_s32'),
    'eq:f': cmp('vceqq_f32'), 'lt:f': cmp('vcltq_f32'), 'le:f': cmp('vcleq_f32'), 'gt:f': cmp('vcgtq_f32'), 'ge:f': cmp('vcgeq_f32'),
    'ne:f': ([a, b]) => `vreinterpretq_s32_u32(vshrq_n_u32(vmvnq_u32(vceqq_f32(${a}, ${b})), 31))`,
    'eq:i': cmp('vceqq_s32'), 'lt:i': cmp('vcltq_s32'), 'le:i': cmp('vcleq_s32'), 'gt:i': cmp('vcgtq_s32'), 'ge:i': cmp('vcgeq_s32'),
    'ne:i': ([a, b]) => `vreinterpretq_s32_u32(vshrq_n_u32(vmvnq_u32(vceqq_s32(${a}, ${b})), 31))`,
    'neg:f': ([a]) => `vnegq_f32(${a})`, 'neg:i': ([a]) => `vnegq_s32(${a})`,
    'not:i': ([a]) => `vreinterpretq_s32_u32(vshrq_n_u32(vceqq_s32(${a}, vdupq_n_s32(0)), 31))`,
    'abs:f': ([a]) => `vabsq_f32(${a})`, 'abs:i': ([a]) => `vabsq_s32(${a})`,
    'exp:f': ([a]) => `sx_expv(${a})`, 'softmax_exp:f': ([a, m]) => `sx_softexpv(${a}, ${m})`,
    'sqrt:f': ([a]) => `vsqrtq_f32(${a})`, 'floor:f': ([a]) => `vrndmq_f32(${a})`,
    'cast:f32:f': ([a]) => a!, 'cast:i32:i': ([a]) => a!,
    'cast:f32:i': ([a]) => `vcvtq_f32_s32(${a})`, 'cast:i32:f': ([a]) => `sx_f2iv(${a})`,
    'cast:bool:i': ([a]) => `vreinterpretq_s32_u32(vshrq_n_u32(vtstq_s32(${a}, ${a}), 31))`,
    'where:f': ([c, a, b]) => `vbslq_f32(${mask(c!)}, ${a}, ${b})`,
    'where:i': ([c, a, b]) => `vbslq_s32(${mask(c!)}, ${a}, ${b})`,
    'mad:f': ([a, b, c]) => `vfmaq_f32(${c}, ${a}, ${b})`,
    'mad:i': ([a, b, c]) => `vmlaq_s32(${c}, ${a}, ${b})`,
    'copy:f': ([a]) => a!, 'copy:i': ([a]) => a!,
  },
  prelude: NEON_PRELUDE,
};
