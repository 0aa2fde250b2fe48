/**
 * @file Comparing target outputs with the float64 reference: per-dtype tolerances (with the error
 * analysis behind them), poison (never-written) detection, exact non-finite handling, a summary.
 *
 * Error model. Inputs are exactly representable in the dtype; a target accumulates in f32 and
 * stores O / Y in the dtype (lse in f32). For an output element with reference value r the
 * allowed error is
 *
 *   attention O:  atol * vScale + rtol * |r| + ACC_EPS * (1 + sMax) * vScale
 *   attention lse: atol + rtol * |r| + ACC_EPS * (1 + sMax)
 *   gemm Y:       (atol + 2 * sqrt(k) * U32) * mag * EPILOGUE_GAIN + rtol * |r|
 *
 * vScale = max |V| (O is a convex combination of rows of V), sMax = the largest |score| among the
 * row's non-negligible keys (an f32 score s carries an error ~ |s| * U32 that moves every softmax
 * weight by that relative amount), mag = sum_k |x' w| + |bias| (an f32 dot product of length k errs
 * by about sqrt(k) * U32 * mag for random rounding, k * U32 * mag at worst), U32 = 2^-24, ACC_EPS =
 * 16 U32, EPILOGUE_GAIN = 1.2 (relu, silu and gelu have slope <= 1.13). atol/rtol per dtype:
 *   f32:  atol 1e-5, rtol 1e-4  (f32 accumulation: ~100x the unit roundoff, room for fast exp/tanh)
 *   f16:  atol 1e-3, rtol 1e-3  (output rounding 2^-11 relative; P rounded to f16 before P.V adds
 *                                 up to 2^-11 * vScale)
 *   bf16: atol 8e-3, rtol 8e-3  (the same with 2^-8)
 * Fault-sized errors (a wrong key, head, row or weight group) are O(1) and far above all of these.
 */
import type { DType } from '../model/kernel.js';

/** Absolute and relative tolerance of one dtype (atol in units of the output's scale). */
export interface Tolerance {
  readonly atol: number;
  readonly rtol: number;
}

/** Tolerances per storage dtype (see the file comment for the derivation). */
export const TOLERANCES: Readonly<Record<DType, Tolerance>> = {
  f32: { atol: 1e-5, rtol: 1e-4 },
  f16: { atol: 1e-3, rtol: 1e-3 },
  bf16: { atol: 8e-3, rtol: 8e-3 },
};

/** Unit roundoff of f32 accumulation. */
export const U32 = 2 ** -24;
/** Allowance per unit of score magnitude for f32 score arithmetic. */
export const ACC_EPS = 16 * U32;
/** Bound on the slope of the gemm epilogues. */
export const EPILOGUE_GAIN = 1.2;

/** The bit pattern written into every output element before a run: a quiet NaN with a payload. */
export const POISON_BITS = 0x7fc0dead;

/** Fills `values` with the poison pattern. */
export function poison(values: Float32Array): Float32Array {
  new Uint32Array(values.buffer, values.byteOffset, values.length).fill(POISON_BITS);
  return values;
}

/** Where the first bad element is, with what was found and expected. */
export interface BadElement {
  readonly output: string;
  /** Coordinates in the output's shape, e.g. (b, h, i, d). */
  readonly index: readonly number[];
  readonly actual: number;
  readonly expected: number;
  readonly unwritten: boolean;
  /** The absolute error allowed there (NaN where no bound applies: unwritten, NaN or infinite values). */
  readonly allowed: number;
}

/** Summary of one output's comparison. */
export interface MismatchSummary {
  readonly output: string;
  /** Elements compared with the reference (the others were only checked for poison / NaN). */
  readonly checked: number;
  /** Elements out of tolerance, non-finite where they should not be, or unwritten. */
  readonly bad: number;
  /** Elements still holding the poison pattern. */
  readonly unwritten: number;
  readonly maxAbsErr: number;
  readonly maxRelErr: number;
  readonly firstBad: BadElement | null;
}

/** What `compareOutput` needs. */
export interface CompareRequest {
  readonly output: string;
  readonly actual: Float32Array;
  /** The reference; NaN marks elements that were not computed unless `isChecked` says otherwise. */
  readonly expected: Float64Array;
  readonly shape: readonly number[];
  /** Allowed absolute error at a flat index (called only for checked, finite expected values). */
  readonly bound: (flat: number) => number;
  /** Whether the reference computed this element (default: expected is not NaN). */
  readonly isChecked?: (flat: number) => boolean;
}

/** Coordinates of a flat row-major index in `shape`. */
export function unflatten(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  for (let a = shape.length - 1; a >= 0; a--) {
    const n = shape[a]!;
    idx[a] = n > 0 ? flat % n : 0;
    flat = n > 0 ? Math.floor(flat / n) : 0;
  }
  return idx;
}

/** Classifies one element: null when fine, else whether it is unwritten. */
function judge(actual: number, poisoned: boolean, expected: number, checked: boolean, allowed: () => number): { err: number } | null {
  if (poisoned) return { err: Infinity };
  if (!checked) return Number.isNaN(actual) ? { err: Infinity } : null;
  if (Number.isNaN(expected)) return Number.isNaN(actual) ? null : { err: Infinity };
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected ? null : { err: Infinity };
  const err = Math.abs(actual - expected);
  return err <= allowed() ? null : { err };
}

/**
 * Compares one output with the reference. Poisoned elements count as unwritten wherever they are;
 * a NaN where the reference was not computed counts as bad; infinities must match exactly
 * (lse = -inf for a row with no allowed key); finite values must be within `bound`.
 */
export function compareOutput(req: CompareRequest): MismatchSummary {
  const { actual, expected } = req;
  const bits = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
  let checkedCount = 0;
  let bad = 0;
  let unwritten = 0;
  let maxAbsErr = 0;
  let maxRelErr = 0;
  let firstBad: BadElement | null = null;
  for (let i = 0; i < actual.length; i++) {
    const poisoned = bits[i] === POISON_BITS;
    const e = expected[i]!;
    const checked = req.isChecked ? req.isChecked(i) : !Number.isNaN(e);
    const a = actual[i]!;
    if (checked) checkedCount++;
    if (poisoned) unwritten++;
    const verdict = judge(a, poisoned, e, checked, () => req.bound(i));
    if (checked && Number.isFinite(e) && Number.isFinite(a) && !poisoned) {
      const err = Math.abs(a - e);
      maxAbsErr = Math.max(maxAbsErr, err);
      if (e !== 0) maxRelErr = Math.max(maxRelErr, err / Math.abs(e));
    }
    if (verdict === null) continue;
    bad++;
    if (verdict.err === Infinity) maxAbsErr = maxRelErr = Infinity;
    const allowed = checked && !poisoned && Number.isFinite(e) && Number.isFinite(a) ? req.bound(i) : NaN;
    firstBad ??= { output: req.output, index: unflatten(i, req.shape), actual: a, expected: e, unwritten: poisoned, allowed };
  }
  return { output: req.output, checked: checkedCount, bad, unwritten, maxAbsErr, maxRelErr, firstBad };
}

/** ` (error 3.1e-3, tolerance 1.2e-4)` beside a finite mismatch; '' where no bound applies. */
function toleranceText(bad: BadElement): string {
  if (Number.isNaN(bad.allowed)) return '';
  return ` (error ${Math.abs(bad.actual - bad.expected).toExponential(2)}, tolerance ${bad.allowed.toExponential(2)})`;
}

/** One line describing a failed comparison, e.g. "out: 3 bad of 1024 (first at (0,1,5,2): 0.1 vs 0.3)". */
export function describeMismatch(s: MismatchSummary): string {
  if (s.bad === 0) return `${s.output}: ok (${s.checked} checked)`;
  const at = s.firstBad ? ` first at (${s.firstBad.index.join(',')}): ` : '';
  const what = s.firstBad
    ? s.firstBad.unwritten
      ? 'never written'
      : `got ${s.firstBad.actual}, expected ${s.firstBad.expected}${toleranceText(s.firstBad)}`
    : '';
  const unwritten = s.unwritten > 0 ? `, ${s.unwritten} unwritten` : '';
  return `${s.output}: ${s.bad} bad of ${s.checked} checked${unwritten};${at}${what}`;
}
