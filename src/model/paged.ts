/**
 * @file Paged KV (`kv_layout = paged(page_size)`): the implicit block table input, where a logical key row lives in
 * the page pool, and the block-table check every runner makes before a paged kernel runs. Target-neutral.
 */
import type { AttentionKernel, AttentionSizes, RuntimeInput } from './kernel.js';

/** The runtime input a paged kernel reads its pages from: i32[batch, max_pages]. */
export const BLOCK_TABLE = 'block_table';

/** The declaration of the block table input (max_pages is free: it is the table's length / batch). */
export const BLOCK_TABLE_INPUT: RuntimeInput = {
  kind: 'tensor', name: BLOCK_TABLE, elem: 'i32', axes: [{ kind: 'size', name: 'batch' }, { kind: 'free' }],
};

/** The runtime input a ragged kernel (`kv_len = ragged`) reads each sequence's length from: i32[batch]. */
export const KV_LENS = 'kv_lens';

/** The declaration of the per-sequence length input. */
export const KV_LENS_INPUT: RuntimeInput = { kind: 'tensor', name: KV_LENS, elem: 'i32', axes: [{ kind: 'size', name: 'batch' }] };

/** The sizes sequence b runs at: kv_len = kv_lens[b] for a ragged kernel, the given sizes otherwise. */
export function sequenceSizes(kernel: AttentionKernel, sizes: AttentionSizes, runtime: { readonly [name: string]: unknown }, b: number): AttentionSizes {
  if (!kernel.raggedKv) return sizes;
  const lens = runtime[KV_LENS] as Int32Array | undefined;
  return lens ? { ...sizes, kvLen: lens[b]! } : sizes;
}

/** Checks a ragged run's kv_lens before anything runs: q_len <= kv_lens[b] <= kv_len. Throws naming the kernel. */
export function checkRaggedLengths(kernel: AttentionKernel, sizes: AttentionSizes, lens: unknown): void {
  if (!(lens instanceof Int32Array) || lens.length !== sizes.batch) fail(kernel.name, `input '${KV_LENS}' must be an Int32Array [batch] = [${sizes.batch}]`);
  for (let b = 0; b < sizes.batch; b++) {
    const n = lens[b]!;
    if (n < sizes.qLen || n > sizes.kvLen) fail(kernel.name, `input '${KV_LENS}' holds ${n} at element ${b}, outside [q_len, kv_len] = [${sizes.qLen}, ${sizes.kvLen}]`);
  }
}

/** The page size of a paged kernel, or null when K / V are contiguous. */
export function pageSizeOf(kernel: AttentionKernel): number | null {
  return kernel.kvLayout?.kind === 'paged' ? kernel.kvLayout.pageSize : null;
}

/** Pages a sequence of kv_len keys spans. */
export function pagesFor(kvLen: number, pageSize: number): number {
  return Math.ceil(kvLen / pageSize);
}

/** The resolved geometry of one paged run. */
export interface PagedGeometry {
  readonly pageSize: number;
  readonly numPages: number;
  readonly maxPages: number;
}

/**
 * Element offset of logical key row j of (b, kvh) in a K (width = head_dim) or V (width = value_dim) array:
 * contiguous [batch, kv_heads, kv_len, width], or the page pool [num_pages, page_size, kv_heads, width].
 */
export function kvRowOffset(kernel: AttentionKernel, sizes: AttentionSizes, table: Int32Array | undefined, b: number, kvh: number, j: number, width: number): number {
  const p = pageSizeOf(kernel);
  if (p === null || !table) return ((b * sizes.kvHeads + kvh) * sizes.kvLen + j) * width;
  const maxPages = table.length / sizes.batch;
  const page = table[b * maxPages + Math.floor(j / p)]!;
  return ((page * p + (j % p)) * sizes.kvHeads + kvh) * width;
}

function fail(kernel: string, msg: string): never {
  throw new Error(`${kernel}: ${msg}`);
}

/**
 * Checks a paged run before anything runs: K and V are page pools of one page count, the block table is
 * i32[batch, max_pages] with max_pages >= ceil(kv_len / page_size), and every entry a sequence reads (the first
 * ceil(kv_len / page_size) of its row) lies in [0, num_pages). Entries past them are never read and not checked
 * (vLLM pads rows with any value). Throws an Error naming the kernel.
 */
export function checkPagedInputs(kernel: AttentionKernel, sizes: AttentionSizes, k: { length: number }, v: { length: number }, table: unknown): PagedGeometry {
  const p = pageSizeOf(kernel);
  if (p === null) fail(kernel.name, 'checkPagedInputs: the kernel is not paged');
  const kPage = p * sizes.kvHeads * sizes.headDim;
  const vPage = p * sizes.kvHeads * sizes.valueDim;
  if (k.length === 0 || k.length % kPage !== 0) {
    fail(kernel.name, `input 'k' has ${k.length} elements, expected a page pool [num_pages, page_size, kv_heads, head_dim] = [n, ${p}, ${sizes.kvHeads}, ${sizes.headDim}] (a multiple of ${kPage})`);
  }
  const numPages = k.length / kPage;
  if (v.length !== numPages * vPage) {
    fail(kernel.name, `input 'v' has ${v.length} elements, expected [num_pages, page_size, kv_heads, value_dim] = [${numPages}, ${p}, ${sizes.kvHeads}, ${sizes.valueDim}] = ${numPages * vPage} (num_pages from k)`);
  }
  if (!(table instanceof Int32Array)) fail(kernel.name, `input '${BLOCK_TABLE}' must be an Int32Array [batch, max_pages]`);
  if (table.length % sizes.batch !== 0) fail(kernel.name, `input '${BLOCK_TABLE}' has ${table.length} elements, not a multiple of batch = ${sizes.batch} ([batch, max_pages])`);
  const maxPages = table.length / sizes.batch;
  const need = pagesFor(sizes.kvLen, p);
  if (maxPages < need) fail(kernel.name, `input '${BLOCK_TABLE}' has ${maxPages} pages per sequence, but kv_len = ${sizes.kvLen} needs ${need} pages of ${p}`);
  for (let b = 0; b < sizes.batch; b++) {
    for (let j = 0; j < need; j++) {
      const page = table[b * maxPages + j]!;
      if (page < 0 || page >= numPages) {
        fail(kernel.name, `input '${BLOCK_TABLE}' holds page ${page} at [${b}, ${j}], outside [0, ${numPages}) (num_pages of the K / V pool)`);
      }
    }
  }
  return { pageSize: p, numPages, maxPages };
}
