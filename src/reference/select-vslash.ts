/**
 * @file The float64 reference of vertical-slash selectors (MInference's estimate): the last N queries' causal
 * softmax, summed per key column and per diagonal offset q - k, the top KV columns and KS offsets (forced first
 * columns / nearest offsets always kept), and each candidate's distance from the cutoff (verify accepts a
 * differing index only near it). Tie rule: an equal sum goes to the lower column / the smaller offset.
 */
import type { AttentionSizes } from '../model/kernel.js';
import type { SelectKernel, VerticalSlashSelect } from '../model/select.js';

/** The reference lists of one run, each (b, h) list sorted ascending. */
export interface ReferenceVerticalSlash {
  /** Columns [batch, heads, nv] then offsets [batch, heads, ns]: exactly the kernel's `out` layout. */
  readonly out: Int32Array;
  readonly nv: number;
  readonly ns: number;
  /** The sums per (b, h): vertical [batch * heads, kv_len], slash [batch * heads, kv_len] (Infinity when forced). */
  readonly vertical: Float64Array;
  readonly slash: Float64Array;
  /** Per (b, h) list, the sum of its last kept entry in rank order (the cutoff); NaN when every entry is kept. */
  readonly verticalCut: Float64Array;
  readonly slashCut: Float64Array;
}

/** Entries per list: min(KV, kv_len) columns and min(KS, kv_len) offsets; `length` of the whole output. */
export function verticalSlashShape(vs: VerticalSlashSelect, sizes: AttentionSizes): { nv: number; ns: number; length: number } {
  const nv = Math.min(vs.kv, sizes.kvLen);
  const ns = Math.min(vs.ks, sizes.kvLen);
  return { nv, ns, length: sizes.batch * sizes.heads * (nv + ns) };
}

/** The `n` best indices of `sums` (higher sum first, lower index on ties), sorted ascending, and the cutoff sum. */
function topSorted(sums: Float64Array, n: number): { kept: number[]; cut: number } {
  const order = Array.from(sums.keys()).sort((a, b) => (sums[b]! - sums[a]!) || a - b);
  const kept = order.slice(0, n).sort((a, b) => a - b);
  return { kept, cut: order.length > n ? sums[order[n - 1]!]! : NaN };
}

/** Computes the vertical-slash selection of `kernel` on Q [b, h, q_len, d] and K [b, kv_heads, kv_len, d] in float64. */
export function referenceVerticalSlash(kernel: SelectKernel, vs: VerticalSlashSelect, sizes: AttentionSizes, q: Float32Array, k: Float32Array): ReferenceVerticalSlash {
  const { batch, heads, kvHeads, headDim: d, qLen, kvLen } = sizes;
  const { nv, ns } = verticalSlashShape(vs, sizes);
  const scale = kernel.scale ?? 1 / Math.sqrt(d);
  const group = heads / kvHeads;
  const nq = Math.min(vs.lastQueries, qLen);
  const p0 = kvLen - nq;
  const out = new Int32Array(batch * heads * (nv + ns));
  const vertical = new Float64Array(batch * heads * kvLen);
  const slash = new Float64Array(batch * heads * kvLen);
  const verticalCut = new Float64Array(batch * heads);
  const slashCut = new Float64Array(batch * heads);
  for (let bh = 0; bh < batch * heads; bh++) {
    const kvRow = (Math.floor(bh / heads) * kvHeads + Math.floor((bh % heads) / group)) * kvLen;
    const v = vertical.subarray(bh * kvLen, (bh + 1) * kvLen);
    const s = slash.subarray(bh * kvLen, (bh + 1) * kvLen);
    for (let t = 0; t < nq; t++) {
      const qAt = (bh * qLen + qLen - nq + t) * d;
      const pos = p0 + t;
      const scores = new Float64Array(pos + 1);
      for (let key = 0; key <= pos; key++) {
        let dot = 0;
        for (let x = 0; x < d; x++) dot += q[qAt + x]! * k[(kvRow + key) * d + x]!;
        scores[key] = scale * dot;
      }
      const m = Math.max(...scores);
      const l = scores.reduce((acc, x) => acc + Math.exp(x - m), 0);
      for (let key = 0; key <= pos; key++) {
        const p = Math.exp(scores[key]! - m) / l;
        v[key] = v[key]! + p;
        s[pos - key] = s[pos - key]! + p;
      }
    }
    for (let x = 0; x < Math.min(vs.firstColumns, kvLen); x++) v[x] = Infinity;
    for (let x = 0; x < Math.min(vs.nearDiagonals, kvLen); x++) s[x] = Infinity;
    const cols = topSorted(v, nv);
    const diags = topSorted(s, ns);
    out.set(cols.kept, bh * nv);
    out.set(diags.kept, batch * heads * nv + bh * ns);
    verticalCut[bh] = cols.cut;
    slashCut[bh] = diags.cut;
  }
  return { out, nv, ns, vertical, slash, verticalCut, slashCut };
}
