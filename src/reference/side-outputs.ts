/**
 * @file The float64 reference of attention side outputs (`block_max`, `segment_mass`, model/kernel.ts): a row
 * hook that `referenceAttention` calls with each computed row's scores, and the shapes of the outputs.
 */
import type { AttentionKernel, AttentionSizes, SideOutput } from '../model/kernel.js';
import type { RuntimeValues } from '../model/values.js';
import { checkSegmentIds, sideOutputLength } from '../model/side-outputs.js';

export { checkSegmentIds, sideOutputLength };

/** Called once per computed non-empty row with its scores (-Infinity for removed keys), max and sum of weights. */
export type RowHook = (b: number, h: number, i: number, scores: Float64Array, max: number, sum: number) => void;

/** The segment id of key j of batch row b, from an i32[batch, kv_len] or i32[kv_len] input. */
function segmentIds(values: RuntimeValues, name: string, sizes: AttentionSizes): (b: number, j: number) => number {
  const ids = values[name] as Int32Array;
  const perBatch = ids.length === sizes.batch * sizes.kvLen;
  return (b, j) => ids[(perBatch ? b * sizes.kvLen : 0) + j]!;
}

/** Zeroed side output arrays and the row hook that fills them (P = exp(s - max) / sum; NaN rows give NaN). */
export function sideOutputsReference(kernel: AttentionKernel, sizes: AttentionSizes, values: RuntimeValues): { arrays: Float64Array[]; hook: RowHook | null } {
  const sides = kernel.sideOutputs ?? [];
  if (!sides.length) return { arrays: [], hook: null };
  checkSegmentIds(kernel, sizes, values);
  const arrays = sides.map((s) => new Float64Array(sideOutputLength(s, sizes)));
  const fills = sides.map((side, n): RowHook => {
    const out = arrays[n]!;
    if (side.kind === 'block_max') {
      const qBlocks = Math.ceil(sizes.qLen / side.bq);
      const kBlocks = Math.ceil(sizes.kvLen / side.bk);
      return (b, h, i, scores, max, sum) => {
        const base = ((b * sizes.heads + h) * qBlocks + Math.floor(i / side.bq)) * kBlocks;
        for (let j = 0; j < sizes.kvLen; j++) {
          const p = scores[j] === -Infinity ? 0 : Math.exp(scores[j]! - max) / sum;
          const at = base + Math.floor(j / side.bk);
          if (Number.isNaN(p) || p > out[at]!) out[at] = p;
        }
      };
    }
    const segment = segmentIds(values, side.segments, sizes);
    return (b, h, i, scores, max, sum) => {
      const base = ((b * sizes.heads + h) * sizes.qLen + i) * side.count;
      for (let j = 0; j < sizes.kvLen; j++) {
        if (scores[j] === -Infinity) continue;
        out[base + segment(b, j)] += Math.exp(scores[j]! - max) / sum;
      }
    };
  });
  return { arrays, hook: (b, h, i, scores, max, sum) => fills.forEach((f) => f(b, h, i, scores, max, sum)) };
}
