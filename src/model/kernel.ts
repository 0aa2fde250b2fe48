/**
 * @file The checked kernel model: the checker's output and the single input of the reference,
 * the verify harness, the analysis and the lowering. Plain data, JSON-serialisable.
 */
import type { CExpr, SizeName } from './expr.js';
import type { SelectKernel } from './select.js';

/** Storage dtype of Q/K/V/O (attention) or X/W/Y (gemm). Accumulation is always f32. */
export type DType = 'f32' | 'f16' | 'bf16';

/** A kernel size: a compile-time integer or `dynamic` (given at run time). */
export type Size = number | 'dynamic';

/** One axis of a runtime input: a kernel size, a fixed length, or free (`*`). */
export type InputAxis =
  | { readonly kind: 'size'; readonly name: SizeName }
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'free' };

/**
 * A runtime input of a kernel (from a pattern parameter or a kernel field).
 * - `tensor`: dense row-major array over `axes` (Int32Array, Float32Array, or Uint8Array for bool).
 * - `list`: a ragged list of i32 per index tuple over `axes`, stored CSR-like as
 *   `{ offsets: Int32Array(prod(axes) + 1), values: Int32Array }`; each list sorted, unique.
 * - `blocks`: a block layout, Uint8Array of shape `[batch, heads, ceil(kv_len / bq), ceil(kv_len / bk)]`,
 *   indexed by absolute positions divided by the block sizes (`sel[b, h, q / bq, k / bk]`).
 */
export type RuntimeInput =
  | { readonly kind: 'tensor'; readonly name: string; readonly elem: 'i32' | 'f32' | 'bool'; readonly axes: readonly InputAxis[] }
  | { readonly kind: 'list'; readonly name: string; readonly elem: 'i32'; readonly axes: readonly InputAxis[] }
  | { readonly kind: 'blocks'; readonly name: string; readonly bq: number; readonly bk: number };

/** Per-target schedule settings, as written in `schedule TARGET { ... }` blocks. */
export type Schedules = Readonly<Record<string, Readonly<Record<string, number | boolean | string>>>>;

/** Where a declaration came from, for messages and manifests. */
export interface Origin {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/**
 * An extra output of an attention kernel, computed from the softmax weights P (contract §3; 0 for keys the
 * mask or a `-inf` score removes, a whole row 0 when it is empty, NaN when the row is NaN):
 * - `block_max`: [batch, heads, ceil(q_len / bq), ceil(kv_len / bk)], the max of P over each block of query
 *   rows (row index i / bq) and keys (j / bk): SeerAttention's block-pooled attention map.
 * - `segment_mass`: [batch, heads, q_len, count], the sum of P over the keys j whose id `segments[b, j]`
 *   (a runtime input i32[batch, kv_len] or i32[kv_len]) is s: BlockRank's attention mass per segment. Ids
 *   outside [0, count) are an input error, reported before anything runs.
 */
export type SideOutput =
  | { readonly kind: 'block_max'; readonly bq: number; readonly bk: number }
  | { readonly kind: 'segment_mass'; readonly segments: string; readonly count: number };

/**
 * Where K / V live: absent (or `contiguous`) means K [batch, kv_heads, kv_len, head_dim]; `paged` means a page
 * pool K [num_pages, page_size, kv_heads, head_dim] (V likewise with value_dim) read through the runtime input
 * `block_table` i32[batch, max_pages]: logical key position j of sequence b is row j % page_size of page
 * block_table[b, j / page_size] (vLLM's and FlashInfer's NHD layout). Patterns keep meaning logical positions.
 */
export type KvLayout = { readonly kind: 'paged'; readonly pageSize: number };

/** The declared sizes of an attention-shaped kernel (attention and selectors); `dynamic` where given at run time. */
export interface DeclaredSizes {
  readonly batch: Size;
  readonly heads: Size;
  readonly kvHeads: Size;
  readonly headDim: Size;
  readonly valueDim: Size;
  readonly qLen: Size;
  readonly kvLen: Size;
}

export interface AttentionKernel extends DeclaredSizes {
  readonly kind: 'attention';
  readonly name: string;
  readonly origin: Origin;
  readonly dtype: DType;
  /** Softmax scale; null means the default `1 / sqrt(head_dim)`. */
  readonly scale: number | null;
  /** The mask: a bool expression over b, h, q, k (absolute positions), sizes and runtime inputs. */
  readonly mask: CExpr;
  /** The score modifier: a float expression of `score` and the built-ins; null when absent. */
  readonly score: CExpr | null;
  readonly outputs: readonly ('out' | 'lse')[];
  /** Side outputs in `outputs = ...` order; absent when there are none (so older manifests read the same). */
  readonly sideOutputs?: readonly SideOutput[];
  /** Runtime inputs, pattern ones first, in declaration order (a paged kernel's `block_table` last). */
  readonly inputs: readonly RuntimeInput[];
  readonly schedules: Schedules;
  /** The KV cache layout; absent when contiguous (so older manifests read the same). */
  readonly kvLayout?: KvLayout;
  /**
   * `kv_len = ragged`: each sequence b has its own length kv_lens[b] (the implicit runtime input `kv_lens`
   * i32[batch], q_len <= kv_lens[b] <= kv_len); kv_len (dynamic) is the capacity, the row stride of a contiguous
   * K / V. Queries of b sit at i + kv_lens[b] - q_len and `kv_len` in a pattern reads kv_lens[b]. Absent when not ragged.
   */
  readonly raggedKv?: true;
}

/** Weight storage formats of gemm kernels. `nm`: at most `keep` nonzeros in every `group` consecutive k. */
export type WeightFormat =
  | { readonly format: 'dense' }
  | { readonly format: 'nm'; readonly keep: number; readonly group: number }
  | { readonly format: 'bsr'; readonly r: number; readonly c: number }
  | { readonly format: 'csr' };

export type Epilogue = 'none' | 'relu' | 'silu' | 'gelu';

export interface GemmKernel {
  readonly kind: 'gemm';
  readonly name: string;
  readonly origin: Origin;
  readonly m: Size;
  readonly n: Size;
  readonly k: Size;
  readonly dtype: DType;
  readonly weight: WeightFormat;
  /** `input = threshold(t)`: X[m, k] with |x| <= t counts as zero. Null when absent. */
  readonly threshold: number | null;
  /** `bias = f32[n]` declared. */
  readonly bias: boolean;
  readonly epilogue: Epilogue;
  readonly schedules: Schedules;
}

export type Kernel = AttentionKernel | GemmKernel | SelectKernel;
export type { SelectKernel };

/** Concrete sizes of one attention run (dynamic sizes resolved). */
export interface AttentionSizes {
  readonly batch: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly valueDim: number;
  readonly qLen: number;
  readonly kvLen: number;
}

/** Concrete sizes of one gemm run. */
export interface GemmSizes {
  readonly m: number;
  readonly n: number;
  readonly k: number;
}
