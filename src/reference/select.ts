/**
 * @file The float64 reference of selector kernels: pooled block scores, the rule per query block, forced blocks,
 * and for each block how close it is to the rule's boundary (verify accepts a differing block only there).
 */
import type { AttentionSizes } from '../model/kernel.js';
import type { SelectKernel } from '../model/select.js';
import { referenceVerticalSlash } from './select-vslash.js';

/** The reference selection of one run. */
export interface ReferenceSelection {
  /** The layout [batch, heads, ceil(kv_len / bq), ceil(kv_len / bk)], 0 or 1. */
  readonly sel: Uint8Array;
  /** The pooled scores (scaled), same shape; NaN on key blocks the causal rule excludes. */
  readonly scores: Float64Array;
  /**
   * Per block, how far it is from flipping, relative: |score - cutoff score| / M (topk, mass; M = scale * max over the
   * row's blocks of sum_d |qp_d kp_d|, the size of the f32 rounding of a score), |p - t| (threshold) or
   * |mass before it - gamma| (mass), the smallest that applies; Infinity for forced, excluded and empty-row blocks.
   */
  readonly margin: Float64Array;
  readonly nqb: number;
  readonly nkb: number;
}

/** Number of query blocks and key blocks of the produced layout. */
export function selectShape(kernel: SelectKernel, sizes: AttentionSizes): { nqb: number; nkb: number; length: number } {
  const nqb = Math.ceil(sizes.kvLen / kernel.bq);
  const nkb = Math.ceil(sizes.kvLen / kernel.bk);
  return { nqb, nkb, length: sizes.batch * sizes.heads * nqb * nkb };
}

/** True when (sa, a) ranks before (sb, b): a higher score, or an equal score at a lower index. */
export function ranksBefore(sa: number, a: number, sb: number, b: number): boolean {
  return sa > sb || (sa === sb && a < b);
}

function pool(kind: 'mean' | 'max' | 'min', rows: readonly Float64Array[], d: number): Float64Array {
  const out = new Float64Array(d).fill(rows.length === 0 ? 0 : kind === 'max' ? -Infinity : kind === 'min' ? Infinity : 0);
  const step = { mean: (a: number, b: number) => a + b, max: Math.max, min: Math.min }[kind];
  for (const r of rows) for (let x = 0; x < d; x++) out[x] = step(out[x]!, r[x]!);
  if (kind === 'mean' && rows.length > 0) for (let x = 0; x < d; x++) out[x] = out[x]! / rows.length;
  return out;
}

/** Computes the selection of `kernel` on Q [b, h, q_len, d] and K [b, kv_heads, kv_len, d] in float64. */
export function referenceSelect(kernel: SelectKernel, sizes: AttentionSizes, q: Float32Array, k: Float32Array): ReferenceSelection {
  const { batch, heads, kvHeads, headDim: d, qLen, kvLen } = sizes;
  const { nqb, nkb, length } = selectShape(kernel, sizes);
  const sel = new Uint8Array(length);
  const scores = new Float64Array(length).fill(NaN);
  const margin = new Float64Array(length).fill(Infinity);
  const scale = kernel.scale ?? 1 / Math.sqrt(d);
  const group = heads / kvHeads;
  const off = kvLen - qLen;
  const row = (src: Float32Array, at: number): Float64Array => Float64Array.from(src.subarray(at * d, at * d + d));
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < heads; h++) {
      const kvh = Math.floor(h / group);
      // per key block, the pooled vector(s): one, or (bound) the element-wise max and min
      const kp: Float64Array[][] = [];
      for (let j = 0; j < nkb; j++) {
        const rows: Float64Array[] = [];
        for (let p = j * kernel.bk; p < Math.min((j + 1) * kernel.bk, kvLen); p++) rows.push(row(k, (b * kvHeads + kvh) * kvLen + p));
        kp.push(kernel.kPool === 'bound' ? [pool('max', rows, d), pool('min', rows, d)] : [pool(kernel.kPool, rows, d)]);
      }
      for (let i = 0; i < nqb; i++) {
        const base = ((b * heads + h) * nqb + i) * nkb;
        const pLo = Math.max(i * kernel.bq, off);
        const pHi = Math.min((i + 1) * kernel.bq, kvLen);
        if (pHi <= pLo) continue;
        const qHeads = kernel.share === 'group' ? Array.from({ length: group }, (_, g) => kvh * group + g) : [h];
        const rows: Float64Array[] = [];
        for (const hh of qHeads) for (let p = pLo; p < pHi; p++) rows.push(row(q, (b * heads + hh) * qLen + (p - off)));
        const qp = pool(kernel.qPool, rows, d);
        const allowed = (j: number): boolean => !kernel.causal || j * kernel.bk <= pHi - 1;
        const s: number[] = [];
        const live: number[] = [];
        let mag = 0;
        for (let j = 0; j < nkb; j++) {
          let dot = 0;
          let abs = 0;
          for (let x = 0; x < d; x++) {
            const term = Math.max(...kp[j]!.map((v) => qp[x]! * v[x]!));
            dot += term;
            abs += Math.abs(term);
          }
          mag = Math.max(mag, scale * abs);
          s.push(scale * dot);
          if (allowed(j)) {
            live.push(j);
            scores[base + j] = scale * dot;
          }
        }
        const unit = mag > 0 ? mag : 1;
        const order = [...live].sort((a, c) => (ranksBefore(s[a]!, a, s[c]!, c) ? -1 : 1));
        const m = Math.max(...live.map((j) => s[j]!));
        const l = live.reduce((acc, j) => acc + Math.exp(s[j]! - m), 0);
        const p = (j: number): number => Math.exp(s[j]! - m) / l;
        const chosen = new Set<number>();
        const rule = kernel.rule;
        if (rule.kind === 'topk') {
          order.slice(0, rule.n).forEach((j) => chosen.add(j));
          const cutoff = order.length > rule.n ? s[order[rule.n - 1]!]! : null;
          if (cutoff !== null) for (const j of live) margin[base + j] = Math.abs(s[j]! - cutoff) / unit;
        } else if (rule.kind === 'threshold') {
          for (const j of live) {
            if (p(j) >= rule.t) chosen.add(j);
            margin[base + j] = Math.abs(p(j) - rule.t);
          }
        } else {
          let before = 0;
          let cut = -1;
          for (const j of order) {
            if (before < rule.gamma) {
              chosen.add(j);
              cut = j;
            }
            margin[base + j] = Math.min(Math.abs(before - rule.gamma), Math.abs(before + p(j) - rule.gamma));
            before += p(j);
          }
          for (const j of live) margin[base + j] = Math.min(margin[base + j]!, Math.abs(s[j]! - s[cut]!) / unit);
        }
        for (let j = 0; j < nkb; j++) {
          const forced = (kernel.forceFirst && j === 0) || (kernel.forceDiagonal && j * kernel.bk < pHi && (j + 1) * kernel.bk > pLo);
          if (forced) margin[base + j] = Infinity;
          sel[base + j] = forced || chosen.has(j) ? 1 : 0;
        }
      }
    }
  }
  return { sel, scores, margin, nqb, nkb };
}

/** The selector's `out` buffer as the reference computes it: the 0 / 1 layout, or (vertical-slash) the index lists. */
export function referenceSelectOutput(kernel: SelectKernel, sizes: AttentionSizes, q: Float32Array, k: Float32Array): ArrayLike<number> {
  return kernel.vslash ? referenceVerticalSlash(kernel, kernel.vslash, sizes, q, k).out : referenceSelect(kernel, sizes, q, k).sel;
}
