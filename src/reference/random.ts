/**
 * @file Seeded random numbers (xoshiro128**) and random inputs for verification: Q/K/V, runtime
 * inputs of every declared kind, and gemm X / W (satisfying the weight format) / bias.
 */
import type { SizeName } from '../model/expr.js';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, InputAxis, RuntimeInput, WeightFormat } from '../model/kernel.js';
import type { AttentionInputs, GemmInputs, RaggedList, RuntimeValue, RuntimeValues } from '../model/values.js';
import { inputShape } from '../model/eval.js';
import { roundInPlace } from './dtype.js';
import { sizeRecord } from './mask.js';
import { BLOCK_TABLE, KV_LENS, pageSizeOf } from '../model/paged.js';
import { poolLengths, randomBlockTable } from './paged.js';

/** A small seeded PRNG: xoshiro128** seeded through splitmix32. Deterministic across platforms. */
export class Rng {
  /** xoshiro128** state; a typed array keeps the uint32 words unboxed. */
  private readonly s = new Uint32Array(4);
  private spare: number | null = null;

  /** Seeds the generator from a 32-bit integer (other numbers are truncated). */
  constructor(seed: number) {
    let x = seed >>> 0;
    const splitmix = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (let i = 0; i < 4; i++) this.s[i] = splitmix();
  }

  /** The next raw 32-bit unsigned integer. */
  nextU32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** A uniform integer in the half-open range [lo, hi) (lo when hi <= lo). */
  int(lo: number, hi: number): number {
    if (hi <= lo) return lo;
    return lo + Math.floor(this.next() * (hi - lo));
  }

  /** A uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /**
   * Fills `out` with approximately standard normal samples, fast: each is one of 65536 quantiles of
   * N(0, 1) chosen uniformly (so |z| <= 4.3). For bulk test tensors; `normal()` is exact.
   */
  fillNormal(out: Float32Array | Float64Array): void {
    const table = normalQuantiles();
    for (let i = 0; i < out.length; i++) out[i] = table[this.nextU32() >>> 16]!;
  }

  /** A standard normal sample (Box-Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(angle);
    return r * Math.cos(angle);
  }
}

/** Entries of the inverse-normal table used by `Rng.fillNormal`. */
const NORMAL_TABLE_SIZE = 1 << 16;
let normalTable: Float64Array | null = null;

/** Acklam's inverse standard normal CDF (relative error < 1.2e-9). */
function inverseNormal(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = (t: number): number =>
    (((((c[0]! * t + c[1]!) * t + c[2]!) * t + c[3]!) * t + c[4]!) * t + c[5]!) / ((((d[0]! * t + d[1]!) * t + d[2]!) * t + d[3]!) * t + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Quantiles of N(0, 1) at (i + 0.5) / NORMAL_TABLE_SIZE. */
function normalQuantiles(): Float64Array {
  normalTable ??= Float64Array.from({ length: NORMAL_TABLE_SIZE }, (_, i) => inverseNormal((i + 0.5) / NORMAL_TABLE_SIZE));
  return normalTable;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** A 32-bit seed derived from several parts (numbers and strings), by FNV-1a over their text. */
export function seedFrom(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Options of the random runtime inputs and weights. */
export interface RandomOptions {
  /** Fraction of bool / list / block / sparse-weight entries that are on (default 0.3). */
  readonly density?: number;
  /** Blocks layouts: always turn on the blocks that hold the diagonal q == k (default true). */
  readonly diagonalBlocks?: boolean;
}

/** Default density of random sparse inputs. */
export const DEFAULT_DENSITY = 0.3;
/** Length given to a free (`*`) axis of a runtime input. */
export const FREE_AXIS_LENGTH = 16;
/** About this many documents per sequence in random segment (document id) inputs. */
export const DOCUMENTS_PER_SEQUENCE = 16;
/** Random i32 inputs not on a length axis (cluster ids) take values in [0, this). */
export const CLUSTER_COUNT = 4;

/** Q, K, V: (approximately) standard normal (`Rng.fillNormal`), rounded to the kernel's dtype, plus random runtime inputs. */
export function randomAttentionInputs(
  kernel: AttentionKernel,
  sizes: AttentionSizes,
  rng: Rng,
  opts: RandomOptions = {},
): AttentionInputs {
  const { batch, heads, kvHeads, qLen, kvLen, headDim, valueDim } = sizes;
  const normal = (n: number): Float32Array => {
    const a = new Float32Array(n);
    rng.fillNormal(a);
    return roundInPlace(kernel.dtype, a);
  };
  const q = normal(batch * heads * qLen * headDim);
  const page = pageSizeOf(kernel);
  if (page !== null) {
    // paged: K / V are a page pool, read through a shuffled block table (reference/paged.ts)
    const paged = randomBlockTable(sizes, page, rng);
    const pool = poolLengths(sizes, paged.numPages, page);
    const [k, v] = [normal(pool.k), normal(pool.v)];
    const runtime = { ...randomRuntimeInputs(kernel, sizes, rng, opts), [BLOCK_TABLE]: paged.table };
    return { q, k, v, runtime };
  }
  const k = normal(batch * kvHeads * kvLen * headDim);
  const v = normal(batch * kvHeads * kvLen * valueDim);
  return { q, k, v, runtime: randomRuntimeInputs(kernel, sizes, rng, opts) };
}

/** Random per-sequence lengths of a ragged kernel in [q_len, kv_len], the last one kv_len (the capacity is reached). */
export function randomKvLens(sizes: AttentionSizes, rng: Rng): Int32Array {
  const lens = Int32Array.from({ length: sizes.batch }, () => rng.int(sizes.qLen, sizes.kvLen + 1));
  lens[sizes.batch - 1] = sizes.kvLen;
  return lens;
}

/** The segment ids a `segment_mass(seg, S)` output reads, taken modulo S so that every id is valid. */
function wrapSegmentIds(kernel: AttentionKernel, runtime: RuntimeValues): RuntimeValues {
  const sides = (kernel.sideOutputs ?? []).filter((s) => s.kind === 'segment_mass');
  if (!sides.length) return runtime;
  const out: Record<string, RuntimeValue> = { ...runtime };
  for (const s of sides) out[s.segments] = (runtime[s.segments] as Int32Array).map((id) => ((id % s.count) + s.count) % s.count);
  return out;
}

/** Concrete lengths of a runtime input's axes (free axes get FREE_AXIS_LENGTH). */
function axisLengths(axes: readonly InputAxis[], sizes: Readonly<Record<SizeName, number>>): number[] {
  return axes.map((a) => (a.kind === 'size' ? sizes[a.name] : a.kind === 'const' ? a.value : FREE_AXIS_LENGTH));
}

/** The first axis over a sequence length (kv_len or q_len), or -1. */
function lengthAxis(axes: readonly InputAxis[]): number {
  return axes.findIndex((a) => a.kind === 'size' && (a.name === 'kv_len' || a.name === 'q_len'));
}

/**
 * Random i32 tensor: along a length axis, sorted non-decreasing document ids (about 16 documents
 * per sequence, boundaries at random positions, one sequence per combination of the other axes);
 * over batch only, per-sequence lengths in [1, kv_len] (e.g. `k < lens[b]`); otherwise cluster
 * ids in [0, CLUSTER_COUNT).
 */
function randomI32(shape: readonly number[], axes: readonly InputAxis[], kvLen: number, rng: Rng): Int32Array {
  const total = shape.reduce((p, n) => p * n, 1);
  const out = new Int32Array(total);
  const axis = lengthAxis(axes);
  if (axis < 0) {
    const perBatch = axes.length > 0 && axes.every((a) => a.kind === 'size' && a.name === 'batch');
    for (let i = 0; i < total; i++) out[i] = perBatch ? rng.int(1, kvLen + 1) : rng.int(0, CLUSTER_COUNT);
    return out;
  }
  const len = shape[axis]!;
  const inner = shape.slice(axis + 1).reduce((p, n) => p * n, 1);
  const outer = total / (len * inner);
  const boundaryChance = Math.min(1, DOCUMENTS_PER_SEQUENCE / Math.max(1, len));
  for (let o = 0; o < outer; o++) {
    for (let c = 0; c < inner; c++) {
      let doc = 0;
      for (let p = 0; p < len; p++) {
        if (p > 0 && rng.bernoulli(boundaryChance)) doc++;
        out[(o * len + p) * inner + c] = doc;
      }
    }
  }
  return out;
}

/** Random ragged lists: per index tuple, sorted unique values in [0, kv_len), each present with p = density. */
function randomList(count: number, kvLen: number, density: number, rng: Rng): RaggedList {
  const offsets = new Int32Array(count + 1);
  const values: number[] = [];
  for (let l = 0; l < count; l++) {
    for (let x = 0; x < kvLen; x++) if (rng.bernoulli(density)) values.push(x);
    offsets[l + 1] = values.length;
  }
  return { offsets, values: Int32Array.from(values) };
}

/** Random block layout [batch, heads, ceil(kv/bq), ceil(kv/bk)], optionally with the diagonal blocks on. */
function randomBlocks(input: Extract<RuntimeInput, { kind: 'blocks' }>, sizes: Record<SizeName, number>, opts: Required<RandomOptions>, rng: Rng): Uint8Array {
  const shape = inputShape(input, sizes);
  const [batch, heads, qBlocks, kBlocks] = shape as [number, number, number, number];
  const out = new Uint8Array(batch * heads * qBlocks * kBlocks);
  for (let s = 0; s < batch * heads; s++) {
    for (let qb = 0; qb < qBlocks; qb++) {
      for (let kb = 0; kb < kBlocks; kb++) {
        // Block (qb, kb) holds a diagonal point q == k when the two position ranges overlap.
        const onDiagonal = kb * input.bk < (qb + 1) * input.bq && qb * input.bq < (kb + 1) * input.bk;
        out[(s * qBlocks + qb) * kBlocks + kb] = (opts.diagonalBlocks && onDiagonal) || rng.bernoulli(opts.density) ? 1 : 0;
      }
    }
  }
  return out;
}

/**
 * Valid random values for every runtime input of an attention kernel: i32 tensors (document ids
 * along a length axis, lengths in [1, kv_len] over batch only, else cluster ids), f32 tensors uniform in (0, 1) (e.g. ALiBi slopes), bool
 * tensors Bernoulli(density), lists (sorted unique ints in [0, kv_len), density), and block
 * layouts (density, diagonal blocks on unless `diagonalBlocks: false`); the ids a `segment_mass` output reads are in range.
 */
export function randomRuntimeInputs(kernel: AttentionKernel, sizes: AttentionSizes, rng: Rng, opts: RandomOptions = {}): RuntimeValues {
  const full: Required<RandomOptions> = { density: opts.density ?? DEFAULT_DENSITY, diagonalBlocks: opts.diagonalBlocks ?? true };
  const named = sizeRecord(sizes);
  const out: Record<string, RuntimeValue> = {};
  for (const input of kernel.inputs) out[input.name] = kernel.raggedKv && input.name === KV_LENS ? randomKvLens(sizes, rng) : randomInput(input, named, full, rng);
  return wrapSegmentIds(kernel, out);
}

function randomInput(input: RuntimeInput, sizes: Record<SizeName, number>, opts: Required<RandomOptions>, rng: Rng): RuntimeValue {
  if (input.kind === 'blocks') return randomBlocks(input, sizes, opts, rng);
  const shape = axisLengths(input.axes, sizes);
  const total = shape.reduce((p, n) => p * n, 1);
  if (input.kind === 'list') return randomList(total, sizes.kv_len, opts.density, rng);
  switch (input.elem) {
    case 'i32':
      return randomI32(shape, input.axes, sizes.kv_len, rng);
    case 'f32':
      return Float32Array.from({ length: total }, () => rng.uniform(0.01, 1));
    case 'bool':
      return Uint8Array.from({ length: total }, () => (rng.bernoulli(opts.density) ? 1 : 0));
  }
}

/** Threshold inputs: below-threshold values stay within this fraction of t, others beyond (1 + this gap) t. */
const THRESHOLD_MARGIN = 0.1;

/** Random activations X [m, k]: normal; with a threshold, half of them clearly below it, half clearly above. */
function randomActivations(kernel: GemmKernel, count: number, rng: Rng): Float32Array {
  const x = new Float32Array(count);
  const t = kernel.threshold;
  for (let i = 0; i < count; i++) {
    if (t === null) x[i] = rng.normal();
    else if (rng.bernoulli(0.5)) x[i] = rng.uniform(-1, 1) * t * (1 - THRESHOLD_MARGIN);
    else x[i] = (rng.bernoulli(0.5) ? 1 : -1) * (t * (1 + THRESHOLD_MARGIN) + Math.abs(rng.normal()));
  }
  return roundInPlace(kernel.dtype, x);
}

type WeightFiller = (w: Float32Array, sizes: GemmSizes, fmt: WeightFormat, density: number, value: () => number, rng: Rng) => void;

/** How each weight format places its nonzeros. */
const WEIGHT_FILLERS: Readonly<Record<WeightFormat['format'], WeightFiller>> = {
  dense: (w, _sizes, _fmt, _density, value) => w.forEach((_, i) => (w[i] = value())),
  csr: (w, _sizes, _fmt, density, value, rng) => w.forEach((_, i) => (w[i] = rng.bernoulli(density) ? value() : 0)),
  nm: (w, { n, k }, fmt, _density, value, rng) => {
    if (fmt.format !== 'nm') return;
    for (let r = 0; r < n; r++) {
      for (let start = 0; start < k; start += fmt.group) {
        const width = Math.min(fmt.group, k - start);
        for (const p of choose(width, Math.min(fmt.keep, width), rng)) w[r * k + start + p] = value();
      }
    }
  },
  bsr: (w, sizes, fmt, density, value, rng) => {
    if (fmt.format !== 'bsr') return;
    w.forEach((_, i) => (w[i] = value()));
    zeroBlocks(w, sizes, fmt.r, fmt.c, density, rng);
  },
};

/** Random weight W [n, k] (normal / sqrt(k), never exactly 0) with the kernel's sparsity structure. */
function randomWeight(kernel: GemmKernel, sizes: GemmSizes, density: number, rng: Rng): Float32Array {
  const w = new Float32Array(sizes.n * sizes.k);
  const value = (): number => {
    const v = rng.normal() / Math.sqrt(Math.max(1, sizes.k));
    return v === 0 ? 1e-3 : v;
  };
  WEIGHT_FILLERS[kernel.weight.format](w, sizes, kernel.weight, density, value, rng);
  return roundInPlace(kernel.dtype, w);
}

/** `count` distinct positions in [0, width), chosen uniformly. */
function choose(width: number, count: number, rng: Rng): number[] {
  const pool = Array.from({ length: width }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = rng.int(i, width);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/** Zeroes each R x C block of w with probability 1 - density. */
function zeroBlocks(w: Float32Array, sizes: GemmSizes, R: number, C: number, density: number, rng: Rng): void {
  const { n, k } = sizes;
  for (let br = 0; br * R < n; br++) {
    for (let bc = 0; bc * C < k; bc++) {
      if (rng.bernoulli(density)) continue;
      for (let row = br * R; row < Math.min(n, br * R + R); row++) {
        for (let col = bc * C; col < Math.min(k, bc * C + C); col++) w[row * k + col] = 0;
      }
    }
  }
}

/**
 * Random gemm inputs: X [m, k] (normal; with a threshold, ~50% of entries clearly below it),
 * W [n, k] satisfying the weight format (nm: exactly N nonzeros per full group; bsr: blocks zero
 * with probability 1 - density; csr: elements zero with probability 1 - density), and bias [n]
 * (normal, f32) when declared. X and W are rounded to the kernel's dtype.
 */
export function randomGemmInputs(kernel: GemmKernel, sizes: GemmSizes, rng: Rng, opts: RandomOptions = {}): GemmInputs {
  const density = opts.density ?? DEFAULT_DENSITY;
  const x = randomActivations(kernel, sizes.m * sizes.k, rng);
  const w = randomWeight(kernel, sizes, density, rng);
  if (!kernel.bias) return { x, w };
  return { x, w, bias: Float32Array.from({ length: sizes.n }, () => rng.normal()) };
}
