/**
 * @file The checked model of a selector kernel (`kernel NAME = select(SOURCE) { ... }`): a computation that
 * produces a `blocks<BQ, BK>` layout from Q and K (pooled block scores, then a rule per query block).
 */
import type { DeclaredSizes, Origin, RuntimeInput, Schedules, Size } from './kernel.js';

/** How a block of Q rows or K rows is reduced to one vector: the mean or the element-wise max of its rows. */
export type SelectPool = 'mean' | 'max';

/**
 * Key pooling: a SelectPool, or `bound` (Quest): the element-wise max and min of the block's K rows, scored as
 * `sum_d max(q_d * kmax_d, q_d * kmin_d)`, an upper bound of the block's largest q . k.
 */
export type SelectKeyPool = SelectPool | 'bound';

/**
 * The rule applied to each query block's row of pooled scores (over the allowed key blocks):
 * - `topk`: the `n` highest scores;
 * - `threshold`: every block whose softmax probability (over the row's allowed blocks) is at least `t`;
 * - `mass`: the smallest set, taken in rank order, whose softmax mass reaches `gamma` (FlexPrefill).
 * Rank order: a higher score first; equal scores: the lower key-block index first.
 */
export type SelectRule =
  | { readonly kind: 'topk'; readonly n: number }
  | { readonly kind: 'threshold'; readonly t: number }
  | { readonly kind: 'mass'; readonly gamma: number };

/**
 * MInference's vertical-slash estimate (`select(last_queries(N))` with `rule = vertical_slash(KV, KS)`): the last
 * `lastQueries` queries of each head attend causally (softmax over their scores) to every key; the probabilities are
 * summed per key column (vertical) and per diagonal offset q - k (slash); the top `kv` columns and top `ks` offsets
 * are kept, the first `firstColumns` columns and the `nearDiagonals` nearest offsets (0, 1, ...) always among them.
 * Output: two sorted `list<i32>[batch, heads]`, min(kv, kv_len) columns and min(ks, kv_len) offsets per (b, h).
 */
export interface VerticalSlashSelect {
  readonly lastQueries: number;
  readonly kv: number;
  readonly ks: number;
  readonly firstColumns: number;
  readonly nearDiagonals: number;
}

/**
 * A selector kernel. Sizes have the attention kernel's names and meaning (q rows are the last q_len positions);
 * `valueDim` equals `headDim` and `inputs` is empty, so size resolution and input binding are shared with attention.
 * The output `sel` is a `blocks<bq, bk>` layout [batch, heads, ceil(kv_len / bq), ceil(kv_len / bk)].
 */
export interface SelectKernel extends DeclaredSizes {
  readonly kind: 'select';
  readonly name: string;
  readonly origin: Origin;
  /** Storage of Q and K: f32 only so far. */
  readonly dtype: 'f32';
  /** Scale of the pooled dot products; null means `1 / sqrt(head_dim)`. */
  readonly scale: number | null;
  readonly qPool: SelectPool;
  readonly kPool: SelectKeyPool;
  /** Block sizes of the produced layout. */
  readonly bq: number;
  readonly bk: number;
  readonly rule: SelectRule;
  /** Key blocks whose first key is after the query block's last position are never chosen. */
  readonly causal: boolean;
  /** Added to the rule's choice on every query block that holds a query: key block 0 / the key blocks overlapping the query block. */
  readonly forceFirst: boolean;
  readonly forceDiagonal: boolean;
  /** `group`: the query side pools over the rows of every head of the GQA group, so the group shares one selection. */
  readonly share: 'head' | 'group';
  /**
   * Set for a vertical-slash selector (`select(last_queries(N))`), which produces `list<i32>` columns and offsets;
   * then the block fields above are unused (bq = bk = 1, rule = topk(kv), causal, no forced blocks, share = head).
   */
  readonly vslash: VerticalSlashSelect | null;
  readonly inputs: readonly RuntimeInput[];
  readonly schedules: Schedules;
}

/** `topk(4)`, `threshold(0.01)`, `mass(0.9)`: a rule as written. */
export function ruleText(rule: SelectRule): string {
  return rule.kind === 'topk' ? `topk(${rule.n})` : rule.kind === 'threshold' ? `threshold(${rule.t})` : `mass(${rule.gamma})`;
}
