/**
 * @file The side outputs the attention lowering computes in its one pass over the key tiles: `segment_mass(seg, S)`
 * is attention with V replaced by the one-hot segment matrix [TK, S] of each key tile, so it rides the online
 * softmax as one more accumulator (rescaled by alpha, divided by l at the end; an empty row gives 0).
 */
import * as B from '../ir/build.js';
import { ptr } from '../ir/dtype.js';
import type { Node } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import type { AttentionKernel, SideOutput } from '../model/kernel.js';

type SegmentMass = Extract<SideOutput, { kind: 'segment_mass' }>;

/** The segment_mass outputs of `kernel` (the only side outputs lowered so far). */
export function segmentOutputs(kernel: AttentionKernel): SegmentMass[] {
  return (kernel.sideOutputs ?? []).filter((s): s is SegmentMass => s.kind === 'segment_mass');
}

/** Initial accumulators, one [TQ, S] zero tile per segment output. */
export function segmentInits(outputs: readonly SegmentMass[], tq: number): Node[] {
  return outputs.map((s) => B.full([tq, s.count], 0));
}

/** Where the key tile sits: batch row b, first key k0, tile width TK, kv_len. */
export interface KeyTilePlace {
  readonly b: Node;
  readonly k0: Node;
  readonly tk: number;
  readonly kvLen: Node;
  readonly batch: Node;
}

/** One-hot [TK, S]: element (j, s) is 1 when key k0 + j has segment id s (ids from i32[batch, kv_len] or i32[kv_len]). */
function oneHot(s: SegmentMass, at: KeyTilePlace): Node {
  const ids = B.param(s.segments, ptr('i32'));
  const len = B.param(`${s.segments}.len`, B.I32);
  // NOTE: a per-batch input holds batch * kv_len ids; a shared one kv_len. The length tells them apart at run time.
  const perBatch = B.binary(Op.EQ, len, B.mul(at.batch, at.kvLen));
  const rowBase = B.where(perBatch, B.mul(at.b, at.kvLen), 0);
  const keys = B.add(B.iota([at.tk, 1], 0), at.k0);
  const tileIds = B.gather(ids, B.add(keys, rowBase), len);
  return B.cast(B.binary(Op.EQ, tileIds, B.iota([1, s.count], 1)), 'f32');
}

/** The accumulators after one key tile with weights p [TQ, TK] and rescale alpha [TQ, 1]. */
export function segmentSteps(outputs: readonly SegmentMass[], accs: readonly Node[], p: Node, alpha: Node, at: KeyTilePlace): Node[] {
  return outputs.map((s, n) => B.dot(p, oneHot(s, at), B.mul(accs[n]!, alpha), { skipZero: true }));
}

/** Stores acc / l (0 where l = 0) of each output into its buffer [batch, heads, q_len, S] at query row qRow. */
export function segmentStores(outputs: readonly SegmentMass[], accs: readonly Node[], l: Node, qRow: Node, qValid: Node): Node[] {
  const empty = B.binary(Op.EQ, l, 0);
  return outputs.map((s, n) => {
    const mass = B.where(empty, 0, B.binary(Op.DIV, accs[n]!, l));
    return B.store(B.param('segment_mass', ptr('f32')), B.mul(qRow, s.count), [s.count, 1], [qValid, s.count], mass);
  });
}

/** The output buffers of the params this lowering stores into, by param name, from side outputs in `sideOutputs` order. */
export function sideOutputBuffers(kernel: AttentionKernel, side: readonly Float32Array[] | undefined): Record<string, Float32Array> {
  return Object.fromEntries((kernel.sideOutputs ?? []).map((s, n) => [s.kind, side?.[n] ?? new Float32Array(0)]));
}
