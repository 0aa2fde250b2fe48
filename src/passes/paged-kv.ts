/**
 * @file Pass `paged-kv`: K / V tile loads of a paged kernel read the page pool through the block table. A load's
 * logical row r = base / width (r = (b * kv_heads + kvh) * kv_len + pos, the contiguous layout's row) becomes
 * page = block_table[b, pos / page_size] (a scalar GATHER) and base ((page * page_size + pos % page_size) * kv_heads
 * + kvh) * width with row stride kv_heads * width (pool [num_pages, page_size, kv_heads, width]). The schedule
 * makes tile_k divide page_size and tiles start at multiples of tile_k, so a tile never crosses a page.
 */
import * as B from '../ir/build.js';
import { ptr } from '../ir/dtype.js';
import { toposort, type Node } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import { substitute } from '../ir/rewrite.js';
import { BLOCK_TABLE } from '../model/paged.js';

/** Options of `pagedKv`: the page size and the kernel sizes the row arithmetic needs (constants or i32 params). */
export interface PagedKvOptions {
  readonly pageSize: number;
  readonly batch: Node;
  readonly kvHeads: Node;
  readonly kvLen: Node;
}

/** The K / V buffers whose tile loads are rewritten. */
const PAGED_BUFFERS: ReadonlySet<string> = new Set(['k', 'v']);

function isPagedLoad(n: Node): boolean {
  const buf = n.src[0];
  return n.op === Op.LOAD && buf !== undefined && buf.op === Op.PARAM && PAGED_BUFFERS.has(String(buf.arg)) && n.src.length === 6;
}

/** `x` as `f * c` (either operand order) when one factor is `c`: the other factor, else null. */
function factorOf(x: Node, c: Node): Node | null {
  if (x.op !== Op.MUL) return null;
  return x.src[1] === c ? x.src[0]! : x.src[0] === c ? x.src[1]! : null;
}

/** `x` as `f * c + d` (either order): [f, d], else null. */
function linearIn(x: Node, c: Node): [Node, Node] | null {
  if (x.op !== Op.ADD) return null;
  const [a, d] = x.src as [Node, Node];
  const fa = factorOf(a, c);
  if (fa) return [fa, d];
  const fd = factorOf(d, c);
  return fd ? [fd, a] : null;
}

/**
 * (b, kvh, pos) of a K / V load base ((b * kv_heads + kvh) * kv_len + pos) * width: read off the lowering's
 * arithmetic when it is still in that form (no division at run time), else by division and remainder.
 */
function rowParts(base: Node, width: Node, o: PagedKvOptions): { b: Node; kvh: Node; pos: Node } {
  const r = factorOf(base, width) ?? B.idiv(base, width);
  const row = linearIn(r, o.kvLen);
  const slice = row ? row[0] : B.idiv(r, o.kvLen);
  const pos = row ? row[1] : B.binary(Op.MOD, r, o.kvLen);
  const head = linearIn(slice, o.kvHeads);
  if (head) return { b: head[0], kvh: head[1], pos };
  return { b: B.idiv(slice, o.kvHeads), kvh: B.binary(Op.MOD, slice, o.kvHeads), pos };
}

/** Rewrites every rank-2 K / V tile load of `kernel` to read through the block table. */
export function pagedKv(kernel: Node, o: PagedKvOptions): Node {
  if (!Number.isInteger(o.pageSize) || o.pageSize < 1) throw new Error(`paged-kv: page size must be a positive integer, got ${o.pageSize}`);
  const table = B.param(BLOCK_TABLE, ptr('i32'));
  const tableLen = B.param(`${BLOCK_TABLE}.len`, B.I32);
  const maxPages = B.idiv(tableLen, B.max(o.batch, 1));
  const map = new Map<Node, Node>();
  for (const n of toposort([kernel])) {
    if (!isPagedLoad(n)) continue;
    const [buf, base, rowStride, colStride, rows, cols] = n.src as [Node, Node, Node, Node, Node, Node];
    if (colStride.op !== Op.CONST || colStride.arg !== 1) throw new Error(`paged-kv: a ${String(buf.arg)} tile load must have unit column stride`);
    const width = rowStride;
    const { b, kvh, pos } = rowParts(base, width, o);
    const page = B.gather(table, B.add(B.mul(b, maxPages), B.idiv(pos, o.pageSize)), tableLen);
    const poolRow = B.add(B.mul(page, o.pageSize), B.binary(Op.MOD, pos, o.pageSize));
    const newBase = B.mul(B.add(B.mul(poolRow, o.kvHeads), kvh), width);
    map.set(n, B.load(buf, newBase, [B.mul(o.kvHeads, width), colStride], [rows, cols], B.tileOf(n).shape));
  }
  return substitute(kernel, map);
}
