/**
 * @file The helper functions every C-family kernel source carries (the language's helper prefix makes them
 * `static inline` or `__device__`): f32 bit casts, f16 / bf16 storage conversions with round-to-nearest-even,
 * NaN-propagating min / max, floored integer division and remainder, saturating f32 -> i32, the softmax exp
 * step, bounded gathers and ragged-list membership. Compilers drop what a kernel does not call.
 */
import type { CLanguage } from './language.js';

/** The helper functions' C text for `lang`. */
export function helperFunctions(lang: CLanguage): string {
  const p = lang.helperPrefix;
  const [F, I] = [lang.valueType.f, lang.valueType.i];
  const bits = lang.floatBits;
  const fromBits = lang.bitsFloat;
  return `
${p} uint32_t sx_f32_bits(${F} f) { uint32_t u; memcpy(&u, &f, 4); return u; }
${p} ${F} sx_bits_f32(uint32_t u) { ${F} f; memcpy(&f, &u, 4); return f; }
${p} ${F} sx_rne(${F} x) { ${F} r = ${lang.math.floor}(x + 0.5f); return (r - x == 0.5f && ((${I})r & 1)) ? r - 1.0f : r; }
${p} ${F} sx_f16_to_f32(uint16_t h) {
  uint32_t s = (uint32_t)(h & 0x8000u) << 16, e = (h >> 10) & 31u, m = h & 0x3ffu;
  if (e == 0) { ${F} v = (${F})m * 5.9604644775390625e-8f; return (s ? -v : v); }
  if (e == 31) return ${fromBits}(s | 0x7f800000u | (m << 13));
  return ${fromBits}(s | ((e + 112u) << 23) | (m << 13));
}
${p} uint16_t sx_f32_to_f16(${F} f) {
  uint32_t b = ${bits}(f), s = (b >> 16) & 0x8000u, a = b & 0x7fffffffu;
  if (a > 0x7f800000u) return (uint16_t)(s | 0x7e00u);
  if (a >= 0x477ff000u) return (uint16_t)(s | 0x7c00u);
  if (a < 0x38800000u) return (uint16_t)(s | (uint32_t)sx_rne(${lang.math.abs}(f) * 16777216.0f));
  return (uint16_t)(s | (((a + 0xfffu + ((a >> 13) & 1u)) >> 13) - 0x1c000u));
}
${p} ${F} sx_bf16_to_f32(uint16_t h) { return ${fromBits}((uint32_t)h << 16); }
${p} uint16_t sx_f32_to_bf16(${F} f) {
  uint32_t b = ${bits}(f);
  if ((b & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((b >> 16) | 0x40u);
  return (uint16_t)((b + 0x7fffu + ((b >> 16) & 1u)) >> 16);
}
${p} ${F} sx_fmin(${F} a, ${F} b) { return (a != a || b != b) ? a + b : (a < b || (a == b && ${bits}(a) >> 31)) ? a : b; }
${p} ${F} sx_fmax(${F} a, ${F} b) { return (a != a || b != b) ? a + b : (a > b || (a == b && !(${bits}(a) >> 31))) ? a : b; }
${p} ${I} sx_imin(${I} a, ${I} b) { return a < b ? a : b; }
${p} ${I} sx_imax(${I} a, ${I} b) { return a > b ? a : b; }
${p} ${I} sx_iabs(${I} a) { return a < 0 ? (${I})(0u - (uint32_t)a) : a; }
${p} ${I} sx_popcount(${I} a) { uint32_t v = (uint32_t)a; v = v - ((v >> 1) & 0x55555555u); v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u); return (${I})((((v + (v >> 4)) & 0x0f0f0f0fu) * 0x01010101u) >> 24); }
${p} ${I} sx_idiv(${I} a, ${I} b) {
  if (b == 0) return 0;
  if (a == (-2147483647 - 1) && b == -1) return a;
  ${I} q = a / b;
  return (q * b != a && ((a ^ b) < 0)) ? q - 1 : q;
}
${p} ${I} sx_imod(${I} a, ${I} b) {
  if (b == 0 || b == -1) return 0;
  ${I} r = a % b;
  return (r != 0 && ((r ^ b) < 0)) ? r + b : r;
}
${p} ${I} sx_f2i(${F} f) {
  if (f != f) return 0;
  if (f >= 2147483648.0f) return 2147483647;
  if (f <= -2147483648.0f) return (-2147483647 - 1);
  return (${I})f;
}
${p} ${F} sx_softexp(${F} a, ${F} m) { return m == -${lang.infinity} ? 0.0f : ${lang.math.exp}(a - m); }
${p} ${I} sx_member(const ${I} *offs, const ${I} *vals, ${I} list, ${I} x, ${I} lists) {
  if ((uint32_t)list >= (uint32_t)lists) return 0;
  ${I} lo = offs[list], hi = offs[list + 1];
  while (lo < hi) {
    ${I} mid = (${I})(((uint32_t)lo + (uint32_t)hi) >> 1), v = vals[mid];
    if (v == x) return 1;
    if (v < x) lo = mid + 1; else hi = mid;
  }
  return 0;
}
`;
}
