/**
 * @file The dense float64 gemm reference: Y[m, n] = epilogue(sum_k X'[m, k] * W[n, k] + bias[n]),
 * X' = 0 where |X| <= threshold; the epilogues relu, silu and the exact (erf) gelu.
 */
import type { Epilogue, GemmKernel, GemmSizes } from '../model/kernel.js';
import type { GemmInputs } from '../model/values.js';

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * The error function to ~1e-15 relative precision. Uses the everywhere-convergent series
 * erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)), whose terms are all
 * positive (no cancellation); for |x| >= 6, erf(x) = sign(x) to double precision.
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a >= 6) return Math.sign(x);
  const x2 = a * a;
  let term = a;
  let sum = a;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  const r = TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  return x < 0 ? -r : r;
}

/** x * sigmoid(x), written to stay finite for large |x|. */
function silu(x: number): number {
  return x >= 0 ? x / (1 + Math.exp(-x)) : (x * Math.exp(x)) / (1 + Math.exp(x));
}

/**
 * The gemm epilogues in float64. gelu is the exact form 0.5 * x * (1 + erf(x / sqrt 2)), not the
 * tanh approximation; targets must implement the erf form (to f32 accuracy).
 */
export const EPILOGUES: Readonly<Record<Epilogue, (x: number) => number>> = {
  none: (x) => x,
  relu: (x) => (x > 0 ? x : 0),
  silu,
  gelu: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
};

/** Options of `referenceGemm`. */
export interface ReferenceGemmOptions {
  /** Compute only these rows m of Y; the other rows are NaN. */
  readonly rows?: readonly number[];
}

/** The input rule: |x| <= threshold counts as zero (no rule: x as given). */
export function thresholdInput(x: number, threshold: number | null): number {
  return threshold !== null && Math.abs(x) <= threshold ? 0 : x;
}

/**
 * The dense float64 gemm reference: Y [m, n] (row-major) = epilogue(sum_k X'[m, k] * W[n, k] +
 * bias[n]), where W is the logical dense weight [n, k] (whatever its storage format) and
 * X' = 0 where |X| <= threshold. The output is not rounded to the dtype.
 */
export function referenceGemm(
  kernel: GemmKernel,
  sizes: GemmSizes,
  inputs: GemmInputs,
  opts: ReferenceGemmOptions = {},
): Float64Array {
  const { m, n, k } = sizes;
  const y = new Float64Array(m * n);
  const rows = opts.rows ?? Array.from({ length: m }, (_, i) => i);
  if (opts.rows !== undefined) y.fill(NaN);
  const epilogue = EPILOGUES[kernel.epilogue];
  const xRow = new Float64Array(k);
  for (const r of rows) {
    for (let kk = 0; kk < k; kk++) xRow[kk] = thresholdInput(inputs.x[r * k + kk]!, kernel.threshold);
    for (let c = 0; c < n; c++) {
      let acc = 0;
      const wBase = c * k;
      for (let kk = 0; kk < k; kk++) acc += xRow[kk]! * inputs.w[wBase + kk]!;
      if (kernel.bias && inputs.bias) acc += inputs.bias[c]!;
      y[r * n + c] = epilogue(acc);
    }
  }
  return y;
}

/**
 * Per element of Y, sum_k |X'[m, k] * W[n, k]| + |bias[n]|: the scale of the rounding error an
 * f32 accumulation can make, which the comparison uses as its error bound's base.
 */
export function gemmMagnitude(kernel: GemmKernel, sizes: GemmSizes, inputs: GemmInputs, rows?: readonly number[]): Float64Array {
  const { m, n, k } = sizes;
  const mag = new Float64Array(m * n).fill(NaN);
  for (const r of rows ?? Array.from({ length: m }, (_, i) => i)) {
    for (let c = 0; c < n; c++) {
      let acc = kernel.bias && inputs.bias ? Math.abs(inputs.bias[c]!) : 0;
      for (let kk = 0; kk < k; kk++) {
        const term = Math.abs(thresholdInput(inputs.x[r * k + kk]!, kernel.threshold) * inputs.w[c * k + kk]!);
        acc += Number.isNaN(term) ? Infinity : term; // NOTE: a NaN input still marks the element as computed
      }
      mag[r * n + c] = acc;
    }
  }
  return mag;
}
