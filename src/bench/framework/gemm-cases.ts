/**
 * @file The gemm benchmark cases (m 16, n = k = 4096: dense, nm(2,4), csr and bsr(4,1) at 90% zeros; gemv with an
 * input threshold at 50% zeros), their data (weights that satisfy the format) and live-work FLOPs.
 */
import type { WeightFormat } from '../../model/kernel.js';
import { Rng } from '../../reference/random.js';

/** Names of the gemm cases, as they appear in result rows. */
export type GemmCaseName = 'gemm_dense' | 'gemm_nm24' | 'gemm_csr90' | 'gemm_bsr41' | 'gemv_threshold50';

/** All gemm case names, in table order. */
export const GEMM_CASE_NAMES: readonly GemmCaseName[] = ['gemm_dense', 'gemm_nm24', 'gemm_csr90', 'gemm_bsr41', 'gemv_threshold50'];

/** One gemm case: Y[m, n] = sum_k X[m, k] * W[n, k], W in a sparse format, X optionally thresholded. */
export interface GemmCase {
  readonly kind: 'gemm';
  readonly name: GemmCaseName;
  readonly description: string;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly weight: WeightFormat;
  /** Fraction of W entries that are zero (csr, bsr); nm and dense follow from the format. */
  readonly weightZeros: number;
  /** Fraction of X entries at or under the input threshold, or null for no `input = threshold(t)`. */
  readonly inputZeros: number | null;
}

/** Sizes of the gemm cases; tests shrink them. */
export interface GemmShape {
  readonly m: number;
  readonly n: number;
  readonly k: number;
}

/** The issue's gemm shape: m 16, n = k = 4096 (gemv uses m 1). */
export const ISSUE_GEMM_SHAPE: GemmShape = { m: 16, n: 4096, k: 4096 };
/** The `--quick` gemm shape: n = k = 1024. */
export const QUICK_GEMM_SHAPE: GemmShape = { m: 16, n: 1024, k: 1024 };

type GemmSpec = Omit<GemmCase, 'kind' | 'name' | 'm' | 'n' | 'k'> & { readonly gemv?: boolean };

const SPECS: Record<GemmCaseName, GemmSpec> = {
  gemm_dense: { description: 'dense weight', weight: { format: 'dense' }, weightZeros: 0, inputZeros: null },
  gemm_nm24: { description: 'nm(2, 4) weight', weight: { format: 'nm', keep: 2, group: 4 }, weightZeros: 0.5, inputZeros: null },
  gemm_csr90: { description: 'csr weight, 90% zeros', weight: { format: 'csr' }, weightZeros: 0.9, inputZeros: null },
  gemm_bsr41: { description: 'bsr(4, 1) weight, 90% zeros', weight: { format: 'bsr', r: 4, c: 1 }, weightZeros: 0.9, inputZeros: null },
  gemv_threshold50: { description: 'gemv, input threshold at 50% zeros', weight: { format: 'dense' }, weightZeros: 0, inputZeros: 0.5, gemv: true },
};

/** Builds one gemm case at a shape (gemv cases take m = 1). */
export function gemmCase(name: GemmCaseName, shape: GemmShape = ISSUE_GEMM_SHAPE): GemmCase {
  const { gemv, ...spec } = SPECS[name];
  return { kind: 'gemm', name, m: gemv ? 1 : shape.m, n: shape.n, k: shape.k, ...spec };
}

/** All gemm cases at one shape. */
export function gemmCases(shape: GemmShape = ISSUE_GEMM_SHAPE): GemmCase[] {
  return GEMM_CASE_NAMES.map((name) => gemmCase(name, shape));
}

/** Concrete data of a gemm case and the work it implies. */
export interface GemmData {
  /** X [m, k], row-major. */
  readonly x: Float32Array;
  /** W [n, k], row-major (the Linear convention), zeros where the format says. */
  readonly w: Float32Array;
  /** The input threshold t (|x| <= t counts as zero), or null. */
  readonly threshold: number | null;
  /** 2 * m * n * k. */
  readonly denseFlops: number;
  /** 2 per live multiply-add: stored weight nonzeros times live inputs. */
  readonly liveFlops: number;
  /** liveFlops / denseFlops. */
  readonly density: number;
}

/** A nonzero weight value (never exactly 0, so counting nonzeros counts stored entries). */
function nonzero(rng: Rng): number {
  const v = rng.uniform(-1, 1);
  return v === 0 ? 0.5 : v;
}

/** Picks `count` distinct indices of [0, size) uniformly (partial Fisher-Yates). */
function pickDistinct(size: number, count: number, rng: Rng, scratch: Int32Array): Int32Array {
  for (let i = 0; i < size; i++) scratch[i] = i;
  for (let i = 0; i < count; i++) {
    const j = rng.int(i, size);
    const t = scratch[i]!;
    scratch[i] = scratch[j]!;
    scratch[j] = t;
  }
  return scratch.subarray(0, count);
}

type WeightFiller = (w: Float32Array, c: GemmCase, rng: Rng) => void;

const FILL_WEIGHT: Record<WeightFormat['format'], WeightFiller> = {
  dense: (w, _c, rng) => {
    for (let i = 0; i < w.length; i++) w[i] = nonzero(rng);
  },
  nm: (w, c, rng) => {
    if (c.weight.format !== 'nm') return;
    const { keep, group } = c.weight;
    const scratch = new Int32Array(group);
    for (let row = 0; row < c.n; row++) {
      for (let g = 0; g < c.k; g += group) {
        const size = Math.min(group, c.k - g);
        for (const i of pickDistinct(size, Math.min(keep, size), rng, scratch)) w[row * c.k + g + i] = nonzero(rng);
      }
    }
  },
  csr: (w, c, rng) => {
    // Exactly round(k * (1 - zeros)) nonzeros per row, at random columns.
    const perRow = Math.round(c.k * (1 - c.weightZeros));
    const scratch = new Int32Array(c.k);
    for (let row = 0; row < c.n; row++) {
      for (const col of pickDistinct(c.k, perRow, rng, scratch)) w[row * c.k + col] = nonzero(rng);
    }
  },
  bsr: (w, c, rng) => {
    if (c.weight.format !== 'bsr') return;
    // Per block row, exactly round(blockCols * (1 - zeros)) R x C blocks, every entry of a block nonzero.
    const { r, c: bc } = c.weight;
    const blockCols = Math.ceil(c.k / bc);
    const perRow = Math.round(blockCols * (1 - c.weightZeros));
    const scratch = new Int32Array(blockCols);
    for (let br = 0; br * r < c.n; br++) {
      for (const col of pickDistinct(blockCols, perRow, rng, scratch)) {
        for (let i = br * r; i < Math.min(c.n, br * r + r); i++) {
          for (let j = col * bc; j < Math.min(c.k, col * bc + bc); j++) w[i * c.k + j] = nonzero(rng);
        }
      }
    }
  },
};

/** The threshold t such that a fraction `zeros` of |x| is at or under it (exact when the |x| are distinct). */
export function thresholdFor(x: Float32Array, zeros: number): number {
  const count = Math.round(x.length * zeros);
  if (count <= 0) return -1;
  const sorted = Float32Array.from(x, Math.abs).sort();
  return sorted[count - 1]!;
}

/** Deterministic data of a gemm case, with live-work FLOPs counted from it. */
export function gemmData(c: GemmCase, seed = 11): GemmData {
  const rng = new Rng(seed);
  const w = new Float32Array(c.n * c.k);
  FILL_WEIGHT[c.weight.format](w, c, rng);
  const x = new Float32Array(c.m * c.k);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const threshold = c.inputZeros === null ? null : thresholdFor(x, c.inputZeros);
  const columnNonzeros = new Float64Array(c.k);
  for (let row = 0; row < c.n; row++) {
    for (let col = 0; col < c.k; col++) if (w[row * c.k + col] !== 0) columnNonzeros[col] += 1;
  }
  let liveMacs = 0;
  for (let i = 0; i < c.m; i++) {
    for (let col = 0; col < c.k; col++) {
      if (threshold === null || Math.abs(x[i * c.k + col]!) > threshold) liveMacs += columnNonzeros[col]!;
    }
  }
  const denseFlops = 2 * c.m * c.n * c.k;
  return { x, w, threshold, denseFlops, liveFlops: 2 * liveMacs, density: (2 * liveMacs) / denseFlops };
}
