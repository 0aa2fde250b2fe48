/**
 * @file The attention benchmark cases of `sparsec bench` (dense causal, sinks + window, documents, block layout):
 * sizes, the mask as a predicate, its sparsec pattern and runtime data. Gemm cases are in gemm-cases.ts.
 */
import { Rng } from '../../reference/random.js';

/** Names of the attention cases, as they appear in result rows. */
export type AttentionCaseName = 'causal' | 'window' | 'document' | 'blocks';

/** All attention case names, in table order. */
export const ATTENTION_CASE_NAMES: readonly AttentionCaseName[] = ['causal', 'window', 'document', 'blocks'];

/** Sizes of an attention case; q_len = kv_len = seq, so query row i is absolute position i. */
export interface AttentionShape {
  readonly batch: number;
  readonly heads: number;
  readonly seq: number;
  readonly headDim: number;
}

/** The issue's attention shape: batch 1, 8 heads, head_dim 64, f32, seq 4096. */
export const ISSUE_ATTENTION_SHAPE: AttentionShape = { batch: 1, heads: 8, seq: 4096, headDim: 64 };
/** The `--quick` attention shape: the issue's with seq 1024. */
export const QUICK_ATTENTION_SHAPE: AttentionShape = { batch: 1, heads: 8, seq: 1024, headDim: 64 };

/** One attention case: a mask over (b, h, q, k) with the data that defines it. */
export interface AttentionCase {
  readonly kind: 'attention';
  readonly name: AttentionCaseName;
  readonly description: string;
  /** The pattern in the sparsec language, for building the matching sparsec kernel. */
  readonly pattern: string;
  /** Declarations of the pattern's runtime inputs, in the sparsec language (empty when none). */
  readonly params: string;
  readonly shape: AttentionShape;
  /** True when the mask differs between (batch, head) pairs; otherwise it is the same for all. */
  readonly perHead: boolean;
  /** The mask: true when query position q of (b, h) may attend to key position k. */
  readonly allowed: (b: number, h: number, q: number, k: number) => boolean;
  /** Runtime input values of the pattern (doc ids, block layout), keyed by parameter name. */
  readonly runtime: Readonly<Record<string, Int32Array | Uint8Array>>;
}

/** Block size of the `blocks` case's layout (`blocks<64, 64>`). */
export const LAYOUT_BLOCK = 64;
/** Target density of the `blocks` case (fraction of allowed (q, k) pairs). */
export const LAYOUT_DENSITY = 0.1;
/** Number of packed documents in the `document` case. */
export const DOCUMENTS = 16;
const SINKS = 4;
const WINDOW = 256;

/** Packed document ids: `count` documents of random lengths (each at least 1 when seq allows), in order. */
export function documentIds(seq: number, count: number, rng: Rng): Int32Array {
  const cuts = new Set<number>();
  const wanted = Math.min(count, seq) - 1;
  while (cuts.size < wanted) cuts.add(rng.int(1, seq));
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const doc = new Int32Array(seq);
  let id = 0;
  for (let i = 0; i < seq; i++) {
    while (id < sortedCuts.length && i >= sortedCuts[id]!) id++;
    doc[i] = id;
  }
  return doc;
}

/**
 * A random block layout over (b, h, q / B, k / B) with the diagonal blocks always on (so no query row is
 * fully masked) and other blocks on with the probability that makes the expected density `density`.
 */
export function blockLayout(shape: AttentionShape, block: number, density: number, rng: Rng): Uint8Array {
  const nb = Math.ceil(shape.seq / block);
  const p = Math.max(0, (density - 1 / nb) / (1 - 1 / nb));
  const layout = new Uint8Array(shape.batch * shape.heads * nb * nb);
  for (let s = 0; s < shape.batch * shape.heads; s++) {
    for (let qb = 0; qb < nb; qb++) {
      for (let kb = 0; kb < nb; kb++) layout[(s * nb + qb) * nb + kb] = qb === kb || rng.bernoulli(p) ? 1 : 0;
    }
  }
  return layout;
}

type CaseBuilder = (shape: AttentionShape, rng: Rng) => Omit<AttentionCase, 'kind' | 'name' | 'shape'>;

const BUILDERS: Record<AttentionCaseName, CaseBuilder> = {
  causal: () => ({
    description: 'dense causal',
    pattern: 'causal',
    params: '',
    perHead: false,
    allowed: (_b, _h, q, k) => k <= q,
    runtime: {},
  }),
  window: () => ({
    description: `causal, ${SINKS} sinks + window ${WINDOW}`,
    pattern: `causal && (k < ${SINKS} || q - k < ${WINDOW})`,
    params: '',
    perHead: false,
    allowed: (_b, _h, q, k) => k <= q && (k < SINKS || q - k < WINDOW),
    runtime: {},
  }),
  document: (shape, rng) => {
    const doc = documentIds(shape.seq, DOCUMENTS, rng);
    return {
      description: `causal, ${DOCUMENTS} packed documents`,
      pattern: 'causal && doc[q] == doc[k]',
      params: 'doc: i32[kv_len]',
      perHead: false,
      allowed: (_b, _h, q, k) => k <= q && doc[q] === doc[k],
      runtime: { doc },
    };
  },
  blocks: (shape, rng) => {
    const sel = blockLayout(shape, LAYOUT_BLOCK, LAYOUT_DENSITY, rng);
    const nb = Math.ceil(shape.seq / LAYOUT_BLOCK);
    return {
      description: `block layout ${LAYOUT_BLOCK}x${LAYOUT_BLOCK} at ${LAYOUT_DENSITY * 100}% density, per head`,
      pattern: `sel[b, h, q / ${LAYOUT_BLOCK}, k / ${LAYOUT_BLOCK}]`,
      params: `sel: blocks<${LAYOUT_BLOCK}, ${LAYOUT_BLOCK}>`,
      perHead: true,
      allowed: (b, h, q, k) =>
        sel[(((b * shape.heads + h) * nb + Math.floor(q / LAYOUT_BLOCK)) * nb) + Math.floor(k / LAYOUT_BLOCK)] === 1,
      runtime: { sel },
    };
  },
};

/** Builds one attention case; its runtime data is deterministic for a given seed. */
export function attentionCase(name: AttentionCaseName, shape: AttentionShape = ISSUE_ATTENTION_SHAPE, seed = 1): AttentionCase {
  const rng = new Rng(seed);
  return { kind: 'attention', name, shape, ...BUILDERS[name](shape, rng) };
}

/** All attention cases at one shape. */
export function attentionCases(shape: AttentionShape = ISSUE_ATTENTION_SHAPE, seed = 1): AttentionCase[] {
  return ATTENTION_CASE_NAMES.map((name) => attentionCase(name, shape, seed));
}

/** Dense attention FLOPs: 4 * b * h * q_len * kv_len * d (2 for Q K^T and 2 for P V per (q, k, d)). */
export function denseAttentionFlops(shape: AttentionShape): number {
  return 4 * shape.batch * shape.heads * shape.seq * shape.seq * shape.headDim;
}
