/**
 * @file Memory ops as WAT: N-d tile loads and stores between global buffers and scratch tiles
 * (f16 / bf16 storage converted on the way, rows copied 4 lanes at a time when contiguous),
 * gathers, ragged-list membership, compile-time tables, index tiles and scratch allocations.
 */
import { numel, type Scalar } from '../../ir/dtype.js';
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { BARRIER_ADDRESS } from '../../runtime/wasm/abi.js';
import { FnContext, constText, elemBytes, isScalar, kindOf, tileType } from './context.js';
import { emitMap } from './elementwise.js';

/** WAT expression reading element `e` of a buffer of `s` at byte address `buf` (value as f32 or i32). */
export function readElem(s: Scalar, buf: string, e: string): string {
  const at = (shift: number): string => (shift === 0 ? `(i32.add ${buf} ${e})` : `(i32.add ${buf} (i32.shl ${e} (i32.const ${shift})))`);
  switch (s) {
    case 'f32': return `(f32.load ${at(2)})`;
    case 'i32': return `(i32.load ${at(2)})`;
    case 'u8': return `(i32.load8_u ${at(0)})`;
    case 'bool': return `(i32.ne (i32.load8_u ${at(0)}) (i32.const 0))`;
    case 'f16': return `(call $f16tof32 (i32.load16_u ${at(1)}))`;
    case 'bf16': return `(f32.reinterpret_i32 (i32.shl (i32.load16_u ${at(1)}) (i32.const 16)))`;
  }
}

/** WAT instruction writing value `v` to element `e` of a buffer of `s` (rounding to f16 / bf16). */
export function writeElem(s: Scalar, buf: string, e: string, v: string): string {
  const at = (shift: number): string => (shift === 0 ? `(i32.add ${buf} ${e})` : `(i32.add ${buf} (i32.shl ${e} (i32.const ${shift})))`);
  switch (s) {
    case 'f32': return `(f32.store ${at(2)} ${v})`;
    case 'i32': return `(i32.store ${at(2)} ${v})`;
    case 'u8': case 'bool': return `(i32.store8 ${at(0)} ${v})`;
    case 'f16': return `(i32.store16 ${at(1)} (call $f32tof16 ${v}))`;
    case 'bf16': return `(i32.store16 ${at(1)} (call $f32tobf16 ${v}))`;
  }
}

const bufScalar = (n: Node): Scalar => {
  if (n.type.kind !== 'ptr') throw new Error(`wasm: ${n.op} is not a buffer`);
  return n.type.scalar;
};

/** Shared row walk of LOAD / STORE: calls `row(offset, count, rowIndex)` for each row of the tile. */
function eachRow(ctx: FnContext, shape: readonly number[], base: string, strides: readonly string[], valid: readonly string[], row: (off: string, count: string, r: string) => void): void {
  const rank = shape.length;
  const inner = shape[rank - 1]!;
  const nest = (d: number, off: string, ok: string, r: string): void => {
    if (d === rank - 1) {
      const count = ctx.local('i32', 'n');
      const offL = ctx.local('i32', 'o');
      ctx.emit(`(local.set ${offL} ${off})`);
      const clamp = `(call $imax (i32.const 0) (call $imin (i32.const ${inner}) ${valid[d]}))`;
      ctx.emit(`(local.set ${count} ${ok === '' ? clamp : `(select ${clamp} (i32.const 0) ${ok})`})`);
      row(`(local.get ${offL})`, `(local.get ${count})`, r);
      return;
    }
    ctx.forCount(shape[d]!, 1, (i) => {
      const here = `(i32.lt_s ${i} ${valid[d]})`;
      const rowIdx = r === '(i32.const 0)' ? i : `(i32.add (i32.mul ${r} (i32.const ${shape[d]})) ${i})`;
      nest(d + 1, `(i32.add ${off} (i32.mul ${i} ${strides[d]}))`, ok === '' ? here : `(i32.and ${ok} ${here})`, rowIdx);
    }, 'r');
  };
  nest(0, base, '', '(i32.const 0)');
}

function addressing(ctx: FnContext, n: Node, rank: number): { base: string; strides: string[]; valid: string[] } {
  return {
    base: ctx.val(n.src[1]!),
    strides: n.src.slice(2, 2 + rank).map((s) => ctx.val(s)),
    valid: n.src.slice(2 + rank, 2 + 2 * rank).map((s) => ctx.val(s)),
  };
}

const isConstOne = (n: Node): boolean => n.op === Op.CONST && n.arg === 1;

/**
 * LOADs that can be read in place (K / V tiles): a 2-d f32 tile of contiguous rows laid out in its buffer exactly as
 * in scratch (strides [columns, 1]), read only by products that address it through `FnContext.tileBase` (`operandOf`
 * gives the operand such a product reads that way; transposes of it must be skipped too). When the whole tile is
 * valid at run time the product reads the buffer itself; a partial tile is still copied (zero rows) to its slot.
 */
export function inPlaceLoads(all: readonly Node[], users: ReadonlyMap<Node, readonly Node[]>, skip: ReadonlySet<Node>, operandOf: (dot: Node) => Node | null): Set<Node> {
  const out = new Set<Node>();
  const readsInPlace = (load: Node, u: Node): boolean =>
    u.op === Op.DOT ? u.src[1] === load && operandOf(u) === load
      : u.op === Op.TRANS && skip.has(u) && (users.get(u) ?? []).every((d) => d.op === Op.DOT && operandOf(d) === load);
  for (const n of all) {
    if (n.op !== Op.LOAD || n.type.kind !== 'tile' || n.type.shape.length !== 2 || n.type.scalar !== 'f32') continue;
    if (n.src[0]!.type.kind !== 'ptr' || n.src[0]!.type.scalar !== 'f32') continue;
    const [rowStride, colStride] = [n.src[2]!, n.src[3]!];
    if (!isConstOne(colStride) || rowStride.op !== Op.CONST || rowStride.arg !== n.type.shape[1]) continue;
    const us = users.get(n) ?? [];
    if (us.length > 0 && us.every((u) => readsInPlace(n, u))) out.add(n);
  }
  return out;
}

/** Products of at most this many rows read each K / V element once or twice: memory-bound, so their tiles are touched. */
const TOUCH_MAX_ROWS = 4;

/**
 * The in-place LOADs whose whole tile is touched (one word per 64-byte line) before the products read it: those read
 * only by products of at most TOUCH_MAX_ROWS rows (decode). The touch loop's independent loads keep many cache
 * misses in flight at once; the product's own loads, behind its chains of adds, do not (decode_128k: 10.7 -> 8.0 ms
 * CPU, 1 thread; prefill tiles, read by 32 query rows, measured no change and are left as they are).
 */
export function touchedLoads(inPlace: ReadonlySet<Node>, users: ReadonlyMap<Node, readonly Node[]>): Set<Node> {
  const products = (n: Node): Node[] => (users.get(n) ?? []).flatMap((u) => (u.op === Op.TRANS ? [...(users.get(u) ?? [])] : [u]));
  const rows = (dot: Node): number => tileType(dot.src[0]!).shape[0]!;
  return new Set([...inPlace].filter((n) => products(n).every((d) => d.op === Op.DOT && rows(d) <= TOUCH_MAX_ROWS)));
}

/** Reads one word per 64-byte line of the `bytes` at address `addr` (xor-summed into a scratch word: no load is dead). */
function touchLines(ctx: FnContext, addr: string, bytes: number): void {
  const [p, sum] = [ctx.local('i32', 'tp'), ctx.local('i32', 'ts')];
  ctx.emit(`(local.set ${p} ${addr})`);
  ctx.emit(`(local.set ${sum} (i32.const 0))`);
  const touch = (at: number): void => ctx.emit(`(local.set ${sum} (i32.xor (local.get ${sum}) (i32.load offset=${at} (local.get ${p}))))`);
  const groups = bytes - (bytes % 256);
  ctx.forCount(groups, 256, () => {
    for (let at = 0; at < 256; at += 64) touch(at);
    ctx.emit(`(local.set ${p} (i32.add (local.get ${p}) (i32.const 256)))`);
  }, 'tl');
  // NOTE: the lines after the last group of 4 (never a word past the tile's last byte)
  for (let at = 0; groups + at < bytes; at += 64) touch(at);
  ctx.emit(`(i32.store offset=${ctx.touchSink()} (local.get $sb) (local.get ${sum}))`);
}

/** Prints a tile LOAD (rows outside the valid extents read as zero); an in-place load copies only a partial tile. */
export function emitLoad(ctx: FnContext, n: Node): void {
  const buf = ctx.buf(n.src[0]!);
  const es = bufScalar(n.src[0]!);
  if (isScalar(n)) {
    ctx.emit(`(local.set ${ctx.scalarLocal(n)} ${readElem(es, buf, ctx.val(n.src[1]!))})`);
    return;
  }
  if (ctx.inPlace.has(n)) {
    const view = ctx.viewLocal(n);
    const shape = tileType(n).shape;
    const whole = n.src.slice(4, 6).flatMap((v, d) => (v.op === Op.CONST && (v.arg as number) >= shape[d]! ? [] : [`(i32.ge_s ${ctx.val(v)} (i32.const ${shape[d]}))`]));
    const inBuffer = `(local.set ${view} (i32.add ${buf} (i32.shl ${ctx.val(n.src[1]!)} (i32.const 2))))`;
    const touch = (): void => {
      if (ctx.touch.has(n)) touchLines(ctx, `(local.get ${view})`, numel(shape) * 4);
    };
    if (whole.length === 0) {
      ctx.emit(inBuffer);
      return touch();
    }
    ctx.open(`(if ${whole.reduce((x, y) => `(i32.and ${x} ${y})`)}`);
    if (ctx.touch.has(n)) {
      ctx.open('(then');
      ctx.emit(inBuffer);
      touch();
      ctx.close();
    } else ctx.emit(`(then ${inBuffer})`);
    ctx.open('(else');
    copyLoad(ctx, n, buf, es);
    ctx.emit(`(local.set ${view} (i32.add (local.get $sb) (i32.const ${ctx.slot(n)})))`);
    ctx.close(2);
    return;
  }
  copyLoad(ctx, n, buf, es);
}

/** The copy of a tile LOAD into its scratch slot. */
function copyLoad(ctx: FnContext, n: Node, buf: string, es: Scalar): void {
  const shape = tileType(n).shape;
  const rank = shape.length;
  const inner = shape[rank - 1]!;
  const slot = ctx.slot(n);
  const store = kindOf(tileType(n).scalar) === 'f' ? 'f32.store' : 'i32.store';
  const { base, strides, valid } = addressing(ctx, n, rank);
  const contiguous = isConstOne(n.src[1 + rank]!);
  const vectorRead = contiguous && (es === 'f32' || es === 'i32' || es === 'bf16');
  eachRow(ctx, shape, base, strides, valid, (off, count, r) => {
    const rowStart = r === '(i32.const 0)' ? '(i32.const 0)' : `(i32.mul ${r} (i32.const ${inner}))`;
    const done = ctx.local('i32', 'c');
    ctx.emit(`(local.set ${done} (i32.const 0))`);
    if (vectorRead) {
      // NOTE: whole 4-lane groups first, then the remainder one element at a time.
      const brk = ctx.label('B');
      const top = ctx.label('L');
      const src = es === 'bf16'
        ? `(i32x4.shl (i32x4.extend_low_i16x8_u (v128.load64_zero (i32.add ${buf} (i32.shl (i32.add ${off} (local.get ${done})) (i32.const 1))))) (i32.const 16))`
        : `(v128.load (i32.add ${buf} (i32.shl (i32.add ${off} (local.get ${done})) (i32.const 2))))`;
      ctx.open(`(block ${brk}`);
      ctx.open(`(loop ${top}`);
      ctx.emit(`(br_if ${brk} (i32.gt_s (i32.add (local.get ${done}) (i32.const 4)) ${count}))`);
      ctx.emit(`(v128.store offset=${slot} ${ctx.tileAddr(`(i32.add ${rowStart} (local.get ${done}))`)} ${src})`);
      ctx.emit(`(local.set ${done} (i32.add (local.get ${done}) (i32.const 4)))`);
      ctx.emit(`(br ${top})`);
      ctx.close(2);
    }
    const stride = strides[rank - 1]!;
    ctx.forLoop(`(local.get ${done})`, count, 1, (c) => {
      const e = contiguous ? `(i32.add ${off} ${c})` : `(i32.add ${off} (i32.mul ${c} ${stride}))`;
      ctx.emit(`(${store} offset=${slot} ${ctx.tileAddr(`(i32.add ${rowStart} ${c})`)} ${readElem(es, buf, e)})`);
    }, 'c');
    ctx.forLoop(count, `(i32.const ${inner})`, 1, (c) => {
      ctx.emit(`(${store} offset=${slot} ${ctx.tileAddr(`(i32.add ${rowStart} ${c})`)} ${constText(kindOf(tileType(n).scalar), 0)})`);
    }, 'z');
  });
}

/** Prints a tile STORE (only elements inside the valid extents are written). */
export function emitStore(ctx: FnContext, n: Node): void {
  const rank = (n.src.length - 3) / 2;
  const value = n.src[n.src.length - 1]!;
  const buf = ctx.buf(n.src[0]!);
  const es = bufScalar(n.src[0]!);
  if (rank === 0 || isScalar(value)) {
    ctx.emit(writeElem(es, buf, ctx.val(n.src[1]!), ctx.val(value)));
    return;
  }
  const shape = tileType(value).shape;
  const inner = shape[rank - 1]!;
  const slot = ctx.slot(value);
  const load = kindOf(tileType(value).scalar) === 'f' ? 'f32.load' : 'i32.load';
  const { base, strides, valid } = addressing(ctx, n, rank);
  const contiguous = isConstOne(n.src[1 + rank]!);
  eachRow(ctx, shape, base, strides, valid, (off, count, r) => {
    const rowStart = r === '(i32.const 0)' ? '(i32.const 0)' : `(i32.mul ${r} (i32.const ${inner}))`;
    const done = ctx.local('i32', 'c');
    ctx.emit(`(local.set ${done} (i32.const 0))`);
    if (contiguous && es === 'f32') {
      const brk = ctx.label('B');
      const top = ctx.label('L');
      ctx.open(`(block ${brk}`);
      ctx.open(`(loop ${top}`);
      ctx.emit(`(br_if ${brk} (i32.gt_s (i32.add (local.get ${done}) (i32.const 4)) ${count}))`);
      ctx.emit(`(v128.store (i32.add ${buf} (i32.shl (i32.add ${off} (local.get ${done})) (i32.const 2))) (v128.load offset=${slot} ${ctx.tileAddr(`(i32.add ${rowStart} (local.get ${done}))`)}))`);
      ctx.emit(`(local.set ${done} (i32.add (local.get ${done}) (i32.const 4)))`);
      ctx.emit(`(br ${top})`);
      ctx.close(2);
    }
    const stride = strides[rank - 1]!;
    ctx.forLoop(`(local.get ${done})`, count, 1, (c) => {
      const e = contiguous ? `(i32.add ${off} ${c})` : `(i32.add ${off} (i32.mul ${c} ${stride}))`;
      ctx.emit(writeElem(es, buf, e, `(${load} offset=${slot} ${ctx.tileAddr(`(i32.add ${rowStart} ${c})`)})`));
    }, 'c');
  });
}

const GATHER_FN: Readonly<Record<Scalar, string>> = { f32: '$gf32', i32: '$gi32', u8: '$gu8', bool: '$gbool', f16: '$gf16', bf16: '$gbf16' };

/** Prints GATHER: buf[index] where 0 <= index < length, else 0. */
export function emitGather(ctx: FnContext, n: Node): void {
  const [b, index, length] = n.src as [Node, Node, Node];
  const fn = GATHER_FN[bufScalar(b)];
  emitMap(ctx, n, [index], { scalar: ([i]) => `(call ${fn} ${ctx.buf(b)} ${i} ${ctx.val(length)})` });
}

/** Prints MEMBER: binary search of each value in its ragged list. */
export function emitMember(ctx: FnContext, n: Node): void {
  const [offsets, values, list, value, lists] = n.src as [Node, Node, Node, Node, Node];
  emitMap(ctx, n, [list, value], { scalar: ([l, x]) => `(call $member ${ctx.buf(offsets)} ${ctx.buf(values)} ${l} ${x} ${ctx.val(lists)})` });
}

/** Prints TABLE: the constants live in scratch, written once at function entry. */
export function emitTable(ctx: FnContext, n: Node): void {
  const values = n.arg as readonly number[];
  const kind = kindOf(tileType(n).scalar);
  const at = ctx.reserve(values.length * 4);
  values.forEach((v, i) => ctx.entry.push(`(${kind === 'f' ? 'f32' : 'i32'}.store offset=${at + 4 * i} (local.get $sb) ${constText(kind, v)})`));
  const fn = kind === 'f' ? '$gf32' : '$gi32';
  emitMap(ctx, n, [n.src[0]!], { scalar: ([i]) => `(call ${fn} (i32.add (local.get $sb) (i32.const ${at})) ${i} (i32.const ${values.length}))` });
}

/** Prints IOTA: element i holds its index along axis `arg`. */
export function emitIota(ctx: FnContext, n: Node): void {
  const shape = tileType(n).shape;
  const axis = n.arg as number;
  const inner = numel(shape.slice(axis + 1));
  const slot = ctx.slot(n);
  ctx.forCount(numel(shape), 1, (i) => {
    ctx.emit(`(i32.store offset=${slot} ${ctx.tileAddr(i)} (i32.rem_u (i32.div_u ${i} (i32.const ${inner})) (i32.const ${shape[axis]})))`);
  });
}

/** Prints ALLOC: a per-thread scratch buffer; its address is held in a local. */
export function emitAlloc(ctx: FnContext, n: Node): void {
  const bytes = Number(n.attrs['size']) * elemBytes(bufScalar(n));
  const l = ctx.local('i32', 'a');
  // NOTE: a `shared` workspace (set by the sync-block pass) is one copy at a fixed address for every thread.
  if (n.attrs['shared'] === true) ctx.emit(`(local.set ${l} (i32.const ${ctx.reserveShared(bytes)}))`);
  else ctx.emit(`(local.set ${l} (i32.add (local.get $sb) (i32.const ${ctx.reserve(bytes)})))`);
  ctx.bindBuffer(n, l);
}

/** Spins after which a thread waiting at a barrier gives up (traps): a thread that trapped never arrives. */
const BARRIER_SPIN_LIMIT = 2n ** 33n;

/**
 * A barrier of all `nth` threads (sense by generation): the last to arrive resets the count and bumps the
 * generation; the others spin until the generation changes. Spinning, not `memory.atomic.wait32`, because a
 * browser's main thread may not block; the waits are short (one split-KV phase). A wait of more than
 * `BARRIER_SPIN_LIMIT` spins (seconds) traps, so a thread that failed turns into an error, not a hang.
 */
export function emitBarrier(ctx: FnContext): void {
  const [count, gen] = [BARRIER_ADDRESS, BARRIER_ADDRESS + 4];
  const seen = ctx.local('i32', 'gen');
  const spins = ctx.local('i64', 'spins');
  const spin = ctx.label('spin');
  ctx.emit(`(local.set ${seen} (i32.atomic.load (i32.const ${gen})))`);
  ctx.emit(`(local.set ${spins} (i64.const 0))`);
  ctx.open(`(if (i32.eq (i32.atomic.rmw.add (i32.const ${count}) (i32.const 1)) (i32.sub (local.get $nth) (i32.const 1)))`);
  ctx.open('(then');
  ctx.emit(`(i32.atomic.store (i32.const ${count}) (i32.const 0))`);
  ctx.emit(`(i32.atomic.store (i32.const ${gen}) (i32.add (local.get ${seen}) (i32.const 1)))`);
  ctx.close();
  ctx.open('(else');
  ctx.open(`(loop ${spin}`);
  ctx.emit(`(local.set ${spins} (i64.add (local.get ${spins}) (i64.const 1)))`);
  ctx.emit(`(if (i64.gt_u (local.get ${spins}) (i64.const ${BARRIER_SPIN_LIMIT})) (then (unreachable)))`);
  ctx.emit(`(br_if ${spin} (i32.eq (i32.atomic.load (i32.const ${gen})) (local.get ${seen})))`);
  ctx.close(3);
}
