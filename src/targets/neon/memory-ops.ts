/**
 * @file Memory ops as C: N-d tile loads and stores between global buffers and tile arrays (f16 / bf16
 * storage converted on the way, contiguous rows moved a vector at a time), gathers, ragged-list membership,
 * compile-time tables, index tiles and scratch allocations.
 */
import { numel, type Scalar } from '../../ir/dtype.js';
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { valueKind } from '../c/index.js';
import { CFnContext, isScalar, kindOfNode, tileType } from './context.js';
import { emitMap } from './elementwise.js';

/** C expression reading element `e` of buffer `buf` stored as `s` (an f32 or i32 value). */
export function readElem(s: Scalar, buf: string, e: string): string {
  switch (s) {
    case 'f32': case 'i32': return `${buf}[${e}]`;
    case 'u8': return `((int32_t)${buf}[${e}])`;
    // NOTE: a bool byte other than 0 / 1 (2, 255) is true, as on every target (issue 12, defect 6).
    case 'bool': return `((int32_t)(${buf}[${e}] != 0))`;
    case 'f16': return `sx_f16_to_f32(${buf}[${e}])`;
    case 'bf16': return `sx_bf16_to_f32(${buf}[${e}])`;
  }
}

/** C statement writing value `v` to element `e` of buffer `buf` stored as `s` (rounding to f16 / bf16). */
export function writeElem(s: Scalar, buf: string, e: string, v: string): string {
  switch (s) {
    case 'f32': case 'i32': return `${buf}[${e}] = ${v};`;
    case 'u8': case 'bool': return `${buf}[${e}] = (uint8_t)(${v});`;
    case 'f16': return `${buf}[${e}] = sx_f32_to_f16(${v});`;
    case 'bf16': return `${buf}[${e}] = sx_f32_to_bf16(${v});`;
  }
}

const bufScalar = (n: Node): Scalar => {
  if (n.type.kind !== 'ptr') throw new Error(`neon: ${n.op} is not a buffer`);
  return n.type.scalar;
};

/** Shared row walk of LOAD / STORE: calls `row(offset, count, rowStart)` for each innermost row of the tile. */
function eachRow(ctx: CFnContext, shape: readonly number[], base: string, strides: readonly string[], valid: readonly string[], row: (off: string, count: string, rowStart: string) => void): void {
  const w = ctx.w;
  const rank = shape.length;
  const inner = shape[rank - 1]!;
  const nest = (d: number, off: string, ok: string, r: string): void => {
    if (d === rank - 1) {
      const count = ctx.local('i', 'n');
      const offV = ctx.local('i', 'o');
      w.line(`${offV} = ${off};`);
      const clamp = `sx_imax(0, sx_imin(${inner}, ${valid[d]}))`;
      w.line(`${count} = ${ok === '' ? clamp : `(${ok}) ? ${clamp} : 0`};`);
      row(offV, count, r === '0' ? '0' : `(${r}) * ${inner}`);
      return;
    }
    w.forCount(shape[d]!, 1, (i) => {
      const here = `${i} < ${valid[d]}`;
      const rowIdx = r === '0' ? i : `(${r}) * ${shape[d]} + ${i}`;
      nest(d + 1, `${off} + ${i} * ${strides[d]}`, ok === '' ? here : `${ok} && ${here}`, rowIdx);
    }, 'r');
  };
  nest(0, base, '', '0');
}

function addressing(ctx: CFnContext, n: Node, rank: number): { base: string; strides: string[]; valid: string[] } {
  return {
    base: ctx.val(n.src[1]!),
    strides: n.src.slice(2, 2 + rank).map((s) => `(${ctx.val(s)})`),
    valid: n.src.slice(2 + rank, 2 + 2 * rank).map((s) => `(${ctx.val(s)})`),
  };
}

const isConstOne = (n: Node): boolean => n.op === Op.CONST && n.arg === 1;

/** Prints a tile LOAD (elements outside the valid extents read as zero). */
export function emitLoad(ctx: CFnContext, n: Node): void {
  const w = ctx.w;
  const buf = ctx.buf(n.src[0]!);
  const es = bufScalar(n.src[0]!);
  if (isScalar(n)) {
    w.line(`${ctx.scalarVar(n)} = ${readElem(es, buf, ctx.val(n.src[1]!))};`);
    return;
  }
  const shape = tileType(n).shape;
  const rank = shape.length;
  const inner = shape[rank - 1]!;
  const t = ctx.tile(n);
  const kind = kindOfNode(n);
  const { base, strides, valid } = addressing(ctx, n, rank);
  const contiguous = isConstOne(n.src[1 + rank]!);
  const isa = ctx.isa;
  const vectorRead = !contiguous ? null
    : es === 'f32' ? (p: string) => isa.load.f(p) : es === 'i32' ? (p: string) => isa.load.i(p)
      : es === 'f16' ? isa.loadF16 : es === 'bf16' ? isa.loadBf16 : null;
  eachRow(ctx, shape, base, strides, valid, (off, count, rowStart) => {
    const done = ctx.local('i', 'c');
    w.line(`${done} = 0;`);
    if (vectorRead && kind === valueKind(es)) {
      w.open(`for (; ${done} + ${isa.lanes} <= ${count}; ${done} += ${isa.lanes}) {`);
      w.line(isa.store[kind](`&${t}[${rowStart} + ${done}]`, vectorRead(`&${buf}[${off} + ${done}]`)));
      w.close();
    }
    const stride = strides[rank - 1]!;
    w.open(`for (; ${done} < ${count}; ${done}++) {`);
    w.line(`${t}[${rowStart} + ${done}] = ${readElem(es, buf, contiguous ? `${off} + ${done}` : `${off} + ${done} * ${stride}`)};`);
    w.close();
    w.open(`for (; ${done} < ${inner}; ${done}++) {`);
    w.line(`${t}[${rowStart} + ${done}] = ${ctx.lit(kind, 0)};`);
    w.close();
  });
}

/** Prints a tile STORE (only elements inside the valid extents are written). */
export function emitStore(ctx: CFnContext, n: Node): void {
  const w = ctx.w;
  const rank = (n.src.length - 3) / 2;
  const value = n.src[n.src.length - 1]!;
  const buf = ctx.buf(n.src[0]!);
  const es = bufScalar(n.src[0]!);
  if (rank === 0 || isScalar(value)) {
    w.line(writeElem(es, buf, ctx.val(n.src[1]!), ctx.val(value)));
    return;
  }
  const t = ctx.tile(value);
  const kind = kindOfNode(value);
  const { base, strides, valid } = addressing(ctx, n, rank);
  const contiguous = isConstOne(n.src[1 + rank]!);
  const isa = ctx.isa;
  const vectorWrite = !contiguous || kind !== 'f' ? null : es === 'f32' ? (p: string, v: string) => isa.store.f(p, v) : es === 'f16' ? isa.storeF16 : null;
  eachRow(ctx, tileType(value).shape, base, strides, valid, (off, count, rowStart) => {
    const done = ctx.local('i', 'c');
    w.line(`${done} = 0;`);
    if (vectorWrite) {
      w.open(`for (; ${done} + ${isa.lanes} <= ${count}; ${done} += ${isa.lanes}) {`);
      w.line(vectorWrite(`&${buf}[${off} + ${done}]`, isa.load.f(`&${t}[${rowStart} + ${done}]`)));
      w.close();
    }
    const stride = strides[rank - 1]!;
    w.open(`for (; ${done} < ${count}; ${done}++) {`);
    w.line(writeElem(es, buf, contiguous ? `${off} + ${done}` : `${off} + ${done} * ${stride}`, `${t}[${rowStart} + ${done}]`));
    w.close();
  });
}

/** Prints GATHER: buf[index] where 0 <= index < length, else 0. */
export function emitGather(ctx: CFnContext, n: Node): void {
  const [b, index, length] = n.src as [Node, Node, Node];
  const es = bufScalar(b);
  const zero = ctx.lit(valueKind(es), 0);
  emitMap(ctx, n, [index], { scalar: ([i]) => `((uint32_t)(${i}) < (uint32_t)(${ctx.val(length)}) ? ${readElem(es, ctx.buf(b), i!)} : ${zero})` });
}

/** Prints MEMBER: binary search of each value in its ragged list. */
export function emitMember(ctx: CFnContext, n: Node): void {
  const [offsets, values, list, value, lists] = n.src as [Node, Node, Node, Node, Node];
  emitMap(ctx, n, [list, value], { scalar: ([l, x]) => `sx_member(${ctx.buf(offsets)}, ${ctx.buf(values)}, ${l}, ${x}, ${ctx.val(lists)})` });
}

/** Prints TABLE: the constants are a static array. */
export function emitTable(ctx: CFnContext, n: Node): void {
  const values = n.arg as readonly number[];
  const kind = kindOfNode(n);
  const name = ctx.w.fresh('tab');
  ctx.w.hoist(`static const ${ctx.lang.valueType[kind]} ${name}[${Math.max(1, values.length)}] = { ${values.map((v) => ctx.lit(kind, v)).join(', ') || '0'} };`);
  emitMap(ctx, n, [n.src[0]!], { scalar: ([i]) => `((uint32_t)(${i}) < ${values.length}u ? ${name}[${i}] : ${ctx.lit(kind, 0)})` });
}

/** Prints IOTA: element i holds its index along axis `arg`. */
export function emitIota(ctx: CFnContext, n: Node): void {
  const shape = tileType(n).shape;
  const axis = n.arg as number;
  const inner = numel(shape.slice(axis + 1));
  const t = ctx.tile(n);
  ctx.w.forCount(numel(shape), 1, (i) => ctx.w.line(`${t}[${i}] = (${i} / ${inner}) % ${shape[axis]};`));
}

/** Prints ALLOC: a per-thread scratch buffer; its pointer is held in a variable. */
export function emitAlloc(ctx: CFnContext, n: Node): void {
  const s = bufScalar(n);
  const type = ctx.lang.storageType[s];
  const bytes = Number(n.attrs['size']) * (s === 'f16' || s === 'bf16' ? 2 : s === 'u8' || s === 'bool' ? 1 : 4);
  const at = ctx.reserve(bytes);
  const v = ctx.local(`${type} *`, 'a');
  ctx.w.line(`${v} = (${type} *)(sb + ${at});`);
  ctx.bindBuffer(n, v, s);
}
