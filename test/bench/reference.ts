/** @file Straightforward float64 JS references for the peer tests: masked attention and Y = X W^T. */
import type { AttentionCase } from '../../src/bench/framework/cases.js';
import type { AttentionTensors } from '../../src/bench/framework/attention-work.js';

/** O[b,h,q,:] = sum_k softmax_k(scale * Q.K over allowed k) V[b,h,k,:]; rows with no allowed key are 0. */
export function referenceAttention(c: AttentionCase, t: AttentionTensors): Float64Array {
  const { batch, heads, seq, headDim: d } = c.shape;
  const scale = 1 / Math.sqrt(d);
  const out = new Float64Array(batch * heads * seq * d);
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < heads; h++) {
      const base = (b * heads + h) * seq * d;
      for (let q = 0; q < seq; q++) {
        const scores: number[] = [];
        const keys: number[] = [];
        for (let k = 0; k < seq; k++) {
          if (!c.allowed(b, h, q, k)) continue;
          let dot = 0;
          for (let i = 0; i < d; i++) dot += t.q[base + q * d + i]! * t.k[base + k * d + i]!;
          scores.push(dot * scale);
          keys.push(k);
        }
        if (keys.length === 0) continue;
        const max = Math.max(...scores);
        const weights = scores.map((s) => Math.exp(s - max));
        const total = weights.reduce((a, w) => a + w, 0);
        keys.forEach((k, j) => {
          for (let i = 0; i < d; i++) out[base + q * d + i]! += (weights[j]! / total) * t.v[base + k * d + i]!;
        });
      }
    }
  }
  return out;
}

/** Y[m, n] = sum_k X[m, k] * W[n, k]. */
export function referenceGemm(x: Float32Array, w: Float32Array, m: number, n: number, k: number): Float64Array {
  const y = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let l = 0; l < k; l++) sum += x[i * k + l]! * w[j * k + l]!;
      y[i * n + j] = sum;
    }
  }
  return y;
}

/** Largest absolute difference between two arrays of equal length (Infinity when lengths differ). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return Number.isNaN(worst) ? Infinity : worst;
}
