/**
 * @file What an attention case costs: live tiles and live-work FLOPs for a tiling, mask density, the additive
 * mask bias the dense peers use, and random Q / K / V.
 */
import { Rng } from '../../reference/random.js';
import { denseAttentionFlops, type AttentionCase } from './cases.js';

/** Tile sizes of a sparse kernel's iteration space (query rows by key columns). */
export interface Tiling {
  readonly tileQ: number;
  readonly tileK: number;
}

/** The default tiling used to state live work when a kernel does not say its own: 64 x 64. */
export const DEFAULT_TILING: Tiling = { tileQ: 64, tileK: 64 };

/** Work of an attention case under one tiling. */
export interface AttentionWork {
  readonly denseFlops: number;
  /** Sum over live tiles (any allowed (q, k) inside) of 4 * d * tileQ * tileK, edge tiles clipped to the matrix. */
  readonly liveFlops: number;
  readonly liveTiles: number;
  readonly totalTiles: number;
  /** Allowed (q, k) pairs over all (b, h). */
  readonly allowedPairs: number;
  /** allowedPairs / (b * h * q_len * kv_len): the mask density. */
  readonly density: number;
  /** liveFlops / denseFlops: the fraction of dense work on live tiles. */
  readonly liveFraction: number;
}

/** Value of the additive bias where the mask forbids a key: finite, so a fully masked row cannot make NaN. */
export const MASKED_BIAS = -1e30;

/** Per (b, h) slice of a case's mask: a row-major q_len x kv_len 0 / 1 matrix. */
export function maskSlice(c: AttentionCase, b: number, h: number): Uint8Array {
  const { seq } = c.shape;
  const mask = new Uint8Array(seq * seq);
  for (let q = 0; q < seq; q++) {
    for (let k = 0; k < seq; k++) if (c.allowed(b, h, q, k)) mask[q * seq + k] = 1;
  }
  return mask;
}

/** The (b, h) pairs whose masks must be looked at: all of them when the mask is per head, else one. */
function distinctSlices(c: AttentionCase): { b: number; h: number }[] {
  if (!c.perHead) return [{ b: 0, h: 0 }];
  const out: { b: number; h: number }[] = [];
  for (let b = 0; b < c.shape.batch; b++) for (let h = 0; h < c.shape.heads; h++) out.push({ b, h });
  return out;
}

/** Counts allowed pairs and live tiles of a case under a tiling, and the resulting live-work FLOPs. */
export function attentionWork(c: AttentionCase, tiling: Tiling = DEFAULT_TILING): AttentionWork {
  const { seq, headDim, batch, heads } = c.shape;
  const numQ = Math.ceil(seq / tiling.tileQ);
  const numK = Math.ceil(seq / tiling.tileK);
  const slices = distinctSlices(c);
  const repeat = (batch * heads) / slices.length;
  let allowedPairs = 0;
  let liveTiles = 0;
  let liveFlops = 0;
  for (const { b, h } of slices) {
    const live = new Uint8Array(numQ * numK);
    for (let q = 0; q < seq; q++) {
      const rowBase = Math.floor(q / tiling.tileQ) * numK;
      for (let k = 0; k < seq; k++) {
        if (!c.allowed(b, h, q, k)) continue;
        allowedPairs += repeat;
        live[rowBase + Math.floor(k / tiling.tileK)] = 1;
      }
    }
    for (let t = 0; t < live.length; t++) {
      if (!live[t]) continue;
      const rows = Math.min(tiling.tileQ, seq - Math.floor(t / numK) * tiling.tileQ);
      const cols = Math.min(tiling.tileK, seq - (t % numK) * tiling.tileK);
      liveTiles += repeat;
      liveFlops += repeat * 4 * headDim * rows * cols;
    }
  }
  const denseFlops = denseAttentionFlops(c.shape);
  return {
    denseFlops,
    liveFlops,
    liveTiles,
    totalTiles: batch * heads * numQ * numK,
    allowedPairs,
    density: allowedPairs / (batch * heads * seq * seq),
    liveFraction: liveFlops / denseFlops,
  };
}

/** The additive mask bias for dense peers: 0 where allowed, MASKED_BIAS elsewhere, with its ONNX dims. */
export function maskBias(c: AttentionCase): { data: Float32Array; dims: [number, number, number, number] } {
  const { seq, batch, heads } = c.shape;
  const slices = distinctSlices(c);
  const data = new Float32Array(slices.length * seq * seq);
  slices.forEach(({ b, h }, s) => {
    const mask = maskSlice(c, b, h);
    const base = s * seq * seq;
    for (let i = 0; i < mask.length; i++) if (!mask[i]) data[base + i] = MASKED_BIAS;
  });
  const dims: [number, number, number, number] = c.perHead ? [batch, heads, seq, seq] : [1, 1, seq, seq];
  return { data, dims };
}

/** Random Q, K, V (uniform in [-1, 1)), contiguous [batch, heads, seq, head_dim]. */
export interface AttentionTensors {
  readonly q: Float32Array;
  readonly k: Float32Array;
  readonly v: Float32Array;
}

/** Deterministic random Q / K / V for a case. */
export function attentionTensors(c: AttentionCase, seed = 7): AttentionTensors {
  const { batch, heads, seq, headDim } = c.shape;
  const rng = new Rng(seed);
  const make = (): Float32Array => {
    const a = new Float32Array(batch * heads * seq * headDim);
    for (let i = 0; i < a.length; i++) a[i] = rng.uniform(-1, 1);
    return a;
  };
  return { q: make(), k: make(), v: make() };
}
