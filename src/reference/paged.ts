/**
 * @file Random paged K / V for verification: a page pool [num_pages, page_size, kv_heads, width] with spare pages and
 * a block table that maps each sequence's logical pages to a shuffled set of distinct pool pages (so a kernel that
 * ignored the table, or read a neighbour's page, gets a different answer). One padding column per row.
 */
import type { AttentionSizes } from '../model/kernel.js';
import { pagesFor } from '../model/paged.js';
import type { Rng } from './random.js';

/** Spare pool pages no sequence uses (their contents must never matter). */
export const SPARE_PAGES = 3;

/** The pool and the block table of one random paged run. */
export interface RandomPaged {
  readonly numPages: number;
  readonly maxPages: number;
  readonly table: Int32Array;
}

/** A shuffled block table [batch, need + 1] over num_pages = batch * need + SPARE_PAGES pool pages. */
export function randomBlockTable(sizes: AttentionSizes, pageSize: number, rng: Rng): RandomPaged {
  const need = pagesFor(sizes.kvLen, pageSize);
  const numPages = sizes.batch * need + SPARE_PAGES;
  const maxPages = need + 1;
  const perm = Array.from({ length: numPages }, (_, i) => i);
  for (let i = numPages - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  const table = new Int32Array(sizes.batch * maxPages);
  for (let b = 0; b < sizes.batch; b++) {
    for (let j = 0; j < need; j++) table[b * maxPages + j] = perm[b * need + j]!;
    // NOTE: the padding entry past the pages a row reads is any valid page (vLLM pads with 0).
    table[b * maxPages + need] = rng.int(0, numPages);
  }
  return { numPages, maxPages, table };
}

/** Element counts of the K and V pools of a paged run. */
export function poolLengths(sizes: AttentionSizes, numPages: number, pageSize: number): { k: number; v: number } {
  const rows = numPages * pageSize * sizes.kvHeads;
  return { k: rows * sizes.headDim, v: rows * sizes.valueDim };
}
