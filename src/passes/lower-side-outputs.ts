/**
 * @file The side outputs of the attention lowering. `segment_mass(seg, S)` is attention with V replaced by the one-hot
 * segment matrix [TK, S] of each key tile, so it rides the online softmax as one more accumulator (rescaled by alpha,
 * divided by l at the end; an empty row gives 0). `block_max(BQ, BK)` needs the final (m, l) of every row, so it is a
 * second pass over the query tile's key blocks after the main loop: P = exp(s - m) / l recomputed, max-pooled per block.
 */
import * as B from '../ir/build.js';
import { ptr } from '../ir/dtype.js';
import type { Node } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import type { AttentionKernel, SideOutput } from '../model/kernel.js';

type SegmentMass = Extract<SideOutput, { kind: 'segment_mass' }>;
type BlockMax = Extract<SideOutput, { kind: 'block_max' }>;

/** The segment_mass outputs of `kernel`. */
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

/** The block_max outputs of `kernel`. */
export function blockMaxOutputs(kernel: AttentionKernel): BlockMax[] {
  return (kernel.sideOutputs ?? []).filter((s): s is BlockMax => s.kind === 'block_max');
}

/** Where the query tile sits, for block_max: tile qt of (b, h), its valid rows, sizes, and the tile shape (BQ divides tq). */
export interface QueryTilePlace {
  readonly b: Node;
  readonly h: Node;
  readonly qt: Node;
  readonly heads: Node;
  readonly qLen: Node;
  readonly kvLen: Node;
  readonly tq: number;
  readonly tk: number;
  readonly qValid: Node;
  readonly fresh: B.Fresh;
  /** Keys [lo, hi) outside which the tile has no allowed key (a closed-form walk's span); blocks outside it skip the recompute. */
  readonly keys?: { readonly lo: Node; readonly hi: Node };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Stores each block_max output [batch, heads, ceil(q_len / BQ), ceil(kv_len / BK)] for the BQ-blocks of this query tile
 * (the schedule makes BQ divide tile_q, so one task owns each output element: no other tile writes it). For each key
 * block kb, a loop over its keys in tiles of gcd(tile_k, BK) recomputes the masked scores (`masked(k0, width)`), takes
 * P = exp(s - m) / l (0 for a removed key, an empty row or a row past q_len) and keeps each row's max; the rows of a
 * BQ-block are then max-pooled. A block no allowed key reaches stays 0, as in the reference; one outside the walk's
 * key span (`at.keys`) is stored as 0 without the recompute.
 */
export function blockMaxStores(outputs: readonly BlockMax[], m: Node, l: Node, at: QueryTilePlace, masked: (k0: Node, tk: number) => Node): Node[] {
  const rowOk = B.and(B.lt(B.iota([at.tq, 1], 0), at.qValid), B.binary(Op.NE, l, 0));
  return outputs.map((s) => {
    if (at.tq % s.bq !== 0) throw new Error(`block_max(${s.bq}, ${s.bk}): tile_q ${at.tq} must be a multiple of ${s.bq} (apply-schedule sees to it)`);
    const width = gcd(at.tk, s.bk);
    const qBlocks = B.cdiv(at.qLen, s.bq);
    const kBlocks = B.cdiv(at.kvLen, s.bk);
    const perTile = at.tq / s.bq;
    const kbLoop = B.loop({ role: 'kb', lo: 0, hi: kBlocks, fresh: at.fresh }, (kb) => {
      const first = B.mul(kb, s.bk);
      const inKv = B.min(s.bk / width, B.cdiv(B.sub(at.kvLen, first), width));
      const tiles = at.keys ? B.where(B.and(B.lt(first, at.keys.hi), B.lt(at.keys.lo, B.add(first, s.bk))), inKv, 0) : inKv;
      const rows = B.loop({ role: 'kbt', lo: 0, hi: tiles, fresh: at.fresh, inits: [B.full([at.tq, 1], 0)], iterNames: ['bmax'] }, (j, [acc]) => {
        const p = B.where(rowOk, B.binary(Op.DIV, B.binary(Op.SOFTMAX_EXP, masked(B.add(first, B.mul(j, width)), width), m), l), 0);
        return { next: [B.max(acc!, B.reduce(Op.REDUCE_MAX, p, 1))] };
      });
      const rowMax = rows.results[0]!;
      const effects = Array.from({ length: perTile }, (_, r) => {
        const inBlock = B.and(B.binary(Op.GE, B.iota([at.tq, 1], 0), r * s.bq), B.lt(B.iota([at.tq, 1], 0), (r + 1) * s.bq));
        const pooled = B.reduce(Op.REDUCE_MAX, B.where(inBlock, rowMax, 0), 0);
        const qb = B.add(B.mul(at.qt, perTile), r);
        const base = B.add(B.mul(B.add(B.mul(B.add(B.mul(at.b, at.heads), at.h), qBlocks), qb), kBlocks), kb);
        return B.store(B.param('block_max', ptr('f32')), base, [1, 1], [B.max(0, B.min(1, B.sub(qBlocks, qb))), 1], pooled);
      });
      return { next: [], effects };
    });
    return kbLoop.loop;
  });
}
