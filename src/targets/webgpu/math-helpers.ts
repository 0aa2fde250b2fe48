/**
 * @file WGSL helpers of the float functions only some kernels use (sin, cos, exp2, log2 in score modifiers),
 * printed into a module only when its body calls them, so kernels without them print as before.
 */

// NOTE: WGSL's own sin / cos promise only an absolute error of 2^-11, and only on [-pi, pi]. sin_quadrant reduces
// x to r in [-pi/4, pi/4] with a three-part pi/2 (Cody-Waite, as Cephes sinf: exact products for |x| < 8192) and
// evaluates Cephes' minimax polynomials: absolute error below 1e-7 (2 ulp where |result| > 1e-3) for |x| <= 8192,
// about 1e-6 at |x| = 65536 (measured in an f32 emulation of this code). NaN stays NaN, +-inf gives NaN.
const SIN_QUADRANT = `
fn sin_quadrant(x: f32, shift: i32) -> f32 {
  if (is_nan(x)) { return x; }
  if (abs(x) > 3.0e38f) { return x - x; }
  let n = round(x * 0.636619772367581f);
  let r = ((x - n * 1.5703125f) - n * 4.837512969970703e-4f) - n * 7.549789954891882e-8f;
  let z = r * r;
  let s = r + r * z * ((-1.9515295891e-4f * z + 8.3321608736e-3f) * z - 1.6666654611e-1f);
  let c = 1f - 0.5f * z + z * z * ((2.443315711809948e-5f * z - 1.388731625493765e-3f) * z + 4.166664568298827e-2f);
  let quadrant = (i32(n) + shift) & 3;
  var v = s;
  if ((quadrant & 1) == 1) { v = c; }
  if (quadrant >= 2) { v = -v; }
  return v;
}`;

/** Helper name -> its WGSL text (a helper may call another one of this table). */
const OPTIONAL_HELPERS: Readonly<Record<string, string>> = {
  sin_quadrant: SIN_QUADRANT,
  sin_rr: 'fn sin_rr(x: f32) -> f32 { return sin_quadrant(x, 0); }',
  cos_rr: 'fn cos_rr(x: f32) -> f32 { return sin_quadrant(x, 1); }',
  // NOTE: exp2 / log2 are WGSL's (exp2: 3 + 2|x| ulp; log2: 3 ulp, absolute 2^-21 on [0.5, 2]), with NaN kept.
  exp2_nan: 'fn exp2_nan(x: f32) -> f32 {\n  if (is_nan(x)) { return x; }\n  return exp2(x);\n}',
  log2_nan: 'fn log2_nan(x: f32) -> f32 {\n  if (is_nan(x)) { return x; }\n  return log2(x);\n}',
};

/** The optional helpers `body` calls, directly or through another helper, trimmed, in table order. */
export function usedMathHelpers(body: string): string[] {
  const used = new Set<string>();
  const visit = (text: string): void => {
    for (const [name, helper] of Object.entries(OPTIONAL_HELPERS)) {
      if (used.has(name) || !new RegExp(`\\b${name}\\(`).test(text)) continue;
      used.add(name);
      visit(helper.replace(new RegExp(`fn ${name}\\(`), ''));
    }
  };
  visit(body);
  return Object.keys(OPTIONAL_HELPERS).filter((n) => used.has(n)).map((n) => OPTIONAL_HELPERS[n]!.trim());
}
