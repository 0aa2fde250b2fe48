/**
 * @file Small builder helpers: each makes one interned node and infers its type from its sources,
 * so lowerings read like the algorithm. Numbers passed where a node is expected become constants.
 */
import { BOOL, F32, I32, VOID, broadcastShapes, isFloat, isHalf, ptr, tile, type IRType, type Layout, type Scalar, type Space, type TileType } from './dtype.js';
import { Node, toposort } from './node.js';
import { Op, OpGroup } from './ops.js';

/** A node, or a number that becomes a constant of the other operand's kind. */
export type Operand = Node | number;

/** Fresh unique placeholder / buffer names within one graph. */
export class Fresh {
  private readonly used = new Set<string>();

  /** A name generator that avoids every placeholder, param and alloc name already in `roots`. */
  static from(roots: readonly Node[]): Fresh {
    const f = new Fresh();
    for (const n of toposort(roots)) {
      if (n.op === Op.RANGE || n.op === Op.ITER || n.op === Op.PARAM) f.used.add(String(n.arg));
      if (n.op === Op.ALLOC) f.used.add(String(n.attrs['name']));
    }
    return f;
  }

  /** `base` if unused, else `base.1`, `base.2`, ... */
  name(base: string): string {
    let name = base;
    for (let i = 1; this.used.has(name); i++) name = `${base}.${i}`;
    this.used.add(name);
    return name;
  }
}

/** The tile type of a value node (throws for pointers and void). */
export function tileOf(n: Node): TileType {
  if (n.type.kind !== 'tile') throw new Error(`expected a tile value, got ${n.type.key} from ${n.op}`);
  return n.type;
}

/** Scalar constant. */
export function constant(value: number, scalar: Scalar = 'i32'): Node {
  const v = scalar === 'bool' ? (value ? 1 : 0) : scalar === 'i32' ? value | 0 : Math.fround(value);
  return Node.make(Op.CONST, tile(scalar), [], v);
}

/** Float constant. */
export function fconst(value: number): Node {
  return constant(value, 'f32');
}

/** A kernel argument. */
export function param(name: string, type: IRType): Node {
  return Node.make(Op.PARAM, type, [], name);
}

/** Index tile along `axis`. */
export function iota(shape: readonly number[], axis: number): Node {
  return Node.make(Op.IOTA, tile('i32', shape), [], axis);
}

function lift(x: Operand, like: Node | null): Node {
  if (typeof x !== 'number') return x;
  const s = like && like.type.kind === 'tile' && isFloat(like.type.scalar) ? 'f32' : Number.isInteger(x) ? 'i32' : 'f32';
  return constant(x, s);
}

/** `a` as an f32 tile when it is an f16 / bf16 one: element-wise math and reductions run in f32. */
function wide(a: Node): Node {
  return isHalf(tileOf(a).scalar) ? cast(a, 'f32') : a;
}

function promote(x: Node, y: Node): [Node, Node] {
  const [a, b] = [wide(x), wide(y)];
  const sa = tileOf(a).scalar;
  const sb = tileOf(b).scalar;
  if (isFloat(sa) && !isFloat(sb)) return [a, cast(b, 'f32')];
  if (!isFloat(sa) && isFloat(sb)) return [cast(a, 'f32'), b];
  return [a, b];
}

/** Element-wise unary op. */
export function unary(op: Op, a: Node): Node {
  if (!OpGroup.Unary.has(op) || op === Op.CAST) throw new Error(`unary: ${op} is not a unary op`);
  const t = tileOf(a);
  a = wide(a);
  const floatOnly = op === Op.EXP || op === Op.LOG || op === Op.TANH || op === Op.SQRT || op === Op.SIN || op === Op.COS || op === Op.EXP2 || op === Op.LOG2 || op === Op.FLOOR || op === Op.ERF;
  const src = floatOnly && !isFloat(t.scalar) ? cast(a, 'f32') : a;
  const scalar = op === Op.NOT ? 'bool' : op === Op.POPCOUNT ? 'i32' : tileOf(src).scalar;
  return Node.make(op, tile(scalar, t.shape), [src]);
}

/** Conversion to `scalar` (no-op when already that type). */
export function cast(a: Node, scalar: Scalar): Node {
  const t = tileOf(a);
  return t.scalar === scalar ? a : Node.make(Op.CAST, tile(scalar, t.shape), [a]);
}

/** Element-wise binary op with broadcasting; ints meeting floats become floats. */
export function binary(op: Op, x: Operand, y: Operand): Node {
  if (!OpGroup.Binary.has(op)) throw new Error(`binary: ${op} is not a binary op`);
  let a = lift(x, typeof y === 'number' ? null : y);
  let b = lift(y, a);
  if (op !== Op.SHL && op !== Op.SHR) [a, b] = promote(a, b);
  if (op === Op.DIV || op === Op.SOFTMAX_EXP) [a, b] = [cast(a, 'f32'), cast(b, 'f32')];
  const shape = broadcastShapes([tileOf(a).shape, tileOf(b).shape]);
  const scalar: Scalar = OpGroup.Compare.has(op) ? 'bool' : tileOf(a).scalar;
  return Node.make(op, tile(scalar, shape), [a, b]);
}

/** cond ? a : b element-wise. */
export function where(cond: Node, x: Operand, y: Operand): Node {
  let a = lift(x, typeof y === 'number' ? null : y);
  let b = lift(y, a);
  [a, b] = promote(a, b);
  const shape = broadcastShapes([tileOf(cond).shape, tileOf(a).shape, tileOf(b).shape]);
  return Node.make(Op.WHERE, tile(tileOf(a).scalar, shape), [cast(cond, 'bool'), a, b]);
}

/** a * b + c element-wise (f32). */
export function mad(a: Node, b: Node, c: Node): Node {
  const [fa, fb, fc] = [cast(a, 'f32'), cast(b, 'f32'), cast(c, 'f32')];
  return Node.make(Op.MAD, tile('f32', broadcastShapes([tileOf(fa).shape, tileOf(fb).shape, tileOf(fc).shape])), [fa, fb, fc]);
}

/** Shorthands for the common binary ops. */
export const add = (a: Operand, b: Operand): Node => binary(Op.ADD, a, b);
export const sub = (a: Operand, b: Operand): Node => binary(Op.SUB, a, b);
export const mul = (a: Operand, b: Operand): Node => binary(Op.MUL, a, b);
export const idiv = (a: Operand, b: Operand): Node => binary(Op.IDIV, a, b);
export const min = (a: Operand, b: Operand): Node => binary(Op.MIN, a, b);
export const max = (a: Operand, b: Operand): Node => binary(Op.MAX, a, b);
export const lt = (a: Operand, b: Operand): Node => binary(Op.LT, a, b);
export const and = (a: Operand, b: Operand): Node => binary(Op.AND, a, b);

/** ceil(a / b) for positive b. */
export function cdiv(a: Operand, b: number): Node {
  return idiv(add(a, b - 1), b);
}

/** Element type a buffer's values take in element-wise gathers (f16 / bf16 widen to f32). */
export function valueScalar(s: Scalar): Scalar {
  return isFloat(s) ? 'f32' : s === 'bool' ? 'bool' : 'i32';
}

/** Element type a buffer's values take in tile loads: f16 / bf16 stay 16-bit (typed tiles), u8 reads as i32. */
export function loadScalar(s: Scalar): Scalar {
  return isHalf(s) ? s : valueScalar(s);
}

/** N-d tile load of `shape` (see Op.LOAD). */
export function load(buf: Node, base: Operand, strides: readonly Operand[], valid: readonly Operand[], shape: readonly number[]): Node {
  if (buf.type.kind !== 'ptr') throw new Error('load: not a buffer');
  if (strides.length !== shape.length || valid.length !== shape.length) throw new Error('load: rank mismatch');
  const src = [buf, lift(base, null), ...strides.map((s) => lift(s, null)), ...valid.map((v) => lift(v, null))];
  return Node.make(Op.LOAD, tile(loadScalar(buf.type.scalar), shape), src);
}

/** N-d tile store of `value` (see Op.STORE). */
export function store(buf: Node, base: Operand, strides: readonly Operand[], valid: readonly Operand[], value: Node): Node {
  if (tileOf(value).shape.length !== strides.length || valid.length !== strides.length) throw new Error('store: rank mismatch');
  const src = [buf, lift(base, null), ...strides.map((s) => lift(s, null)), ...valid.map((v) => lift(v, null)), value];
  return Node.make(Op.STORE, VOID, src);
}

/** Element-wise gather from a buffer of `length` elements. */
export function gather(buf: Node, index: Node, length: Operand): Node {
  if (buf.type.kind !== 'ptr') throw new Error('gather: not a buffer');
  return Node.make(Op.GATHER, tile(valueScalar(buf.type.scalar), tileOf(index).shape), [buf, index, lift(length, null)]);
}

/** Ragged-list membership (see Op.MEMBER). */
export function member(offsets: Node, values: Node, list: Node, value: Node, lists: Operand): Node {
  const shape = broadcastShapes([tileOf(list).shape, tileOf(value).shape]);
  return Node.make(Op.MEMBER, tile('bool', shape), [offsets, values, list, value, lift(lists, null)]);
}

/** Compile-time table lookup. */
export function table(values: readonly number[], index: Node, scalar: Scalar): Node {
  return Node.make(Op.TABLE, tile(scalar, tileOf(index).shape), [index], values);
}

/**
 * The operand type of a DOT of `a` and `b`: their 16-bit type when either is f16 / bf16 (an mma of that type; the other
 * operand is converted to it, as the hardware does), else f32.
 */
export function dotOperandScalar(a: Scalar, b: Scalar): Scalar {
  if (isHalf(a) && isHalf(b) && a !== b) throw new Error(`dot: operands ${a} and ${b} differ`);
  return isHalf(a) ? a : isHalf(b) ? b : 'f32';
}

/** acc + a @ b: operands keep their f16 / bf16 type (see `dotOperandScalar`), the accumulator and result are f32. */
export function dot(a: Node, b: Node, acc: Node, opts: { readonly skipZero?: boolean } = {}): Node {
  const [ta, tb, tc] = [tileOf(a), tileOf(b), tileOf(acc)];
  const operand = dotOperandScalar(ta.scalar, tb.scalar);
  if (ta.shape.length !== 2 || tb.shape.length !== 2 || ta.shape[1] !== tb.shape[0]) throw new Error(`dot: bad shapes ${ta.key} @ ${tb.key}`);
  const out = [ta.shape[0]!, tb.shape[1]!];
  if (tc.shape.join() !== out.join()) throw new Error(`dot: accumulator ${tc.key} is not [${out.join(',')}]`);
  return Node.make(Op.DOT, tile('f32', out), [cast(a, operand), cast(b, operand), cast(acc, 'f32')], opts.skipZero ? { skip_zero: true } : null);
}

/** True for a DOT whose zero a elements contribute nothing (see Op.DOT). */
export function dotSkipsZero(n: Node): boolean {
  return n.op === Op.DOT && n.arg !== null && typeof n.arg === 'object' && (n.arg as { readonly skip_zero?: boolean }).skip_zero === true;
}

/** 2-d transpose. */
export function trans(a: Node): Node {
  const t = tileOf(a);
  return Node.make(Op.TRANS, tile(t.scalar, [t.shape[1]!, t.shape[0]!]), [a]);
}

/** The same values in `layout` (no-op when already in it). */
export function convertLayout(a: Node, layout: Layout): Node {
  const t = tileOf(a);
  return t.layout === layout ? a : Node.make(Op.CONVERT_LAYOUT, tile(t.scalar, t.shape, layout), [a]);
}

/** Same elements, new shape. */
export function reshape(a: Node, shape: readonly number[]): Node {
  const t = tileOf(a);
  return t.shape.join() === shape.join() ? a : Node.make(Op.RESHAPE, tile(t.scalar, shape), [a]);
}

/** Reduction along `axis`, kept as size 1. */
export function reduce(op: Op.REDUCE_MAX | Op.REDUCE_SUM, a: Node, axis: number): Node {
  const t = tileOf(a);
  const shape = t.shape.map((d, i) => (i === axis ? 1 : d));
  return Node.make(op, tile(tileOf(wide(a)).scalar, shape), [wide(a)], axis);
}

/** A full f32 tile of `shape` holding `value`. */
export function full(shape: readonly number[], value: number): Node {
  return broadcastTo(fconst(value), shape);
}

/** `a` broadcast to `shape` (numpy rules). */
export function broadcastTo(a: Node, shape: readonly number[]): Node {
  const t = tileOf(a);
  if (t.shape.join() === shape.join()) return a;
  broadcastShapes([t.shape, shape]);
  return Node.make(Op.BROADCAST, tile(t.scalar, shape), [a]);
}

/** Buffer allocation in a memory space. */
export function alloc(name: string, scalar: Scalar, space: Space, size: number): Node {
  return Node.make(Op.ALLOC, ptr(scalar, space), [], { name, size });
}

/** Barrier after `effects`. */
export function barrier(effects: readonly Node[]): Node {
  return Node.make(Op.BARRIER, VOID, effects);
}

/** `buf` ordered after `deps`. */
export function after(buf: Node, deps: readonly Node[]): Node {
  return Node.make(Op.AFTER, buf.type, [buf, ...deps]);
}

/** What a loop body returns: the next carried values and the effects of one iteration. */
export interface LoopBody {
  readonly next: readonly Node[];
  readonly effects?: readonly Node[];
}

/** Options of `loop`. */
export interface LoopOptions {
  readonly role: string;
  readonly lo: Operand;
  readonly hi: Operand;
  readonly fresh: Fresh;
  readonly inits?: readonly Node[];
  readonly iterNames?: readonly string[];
  readonly parallel?: boolean;
}

/** A counted loop; returns the loop node and its final carried values. */
export function loop(o: LoopOptions, body: (i: Node, carried: readonly Node[]) => LoopBody): { loop: Node; results: Node[] } {
  const inits = o.inits ?? [];
  const range = Node.make(Op.RANGE, I32, [], o.fresh.name(o.role));
  const iters = inits.map((init, j) => Node.make(Op.ITER, init.type, [], o.fresh.name(o.iterNames?.[j] ?? `${o.role}.c${j}`)));
  const { next, effects = [] } = body(range, iters);
  return makeLoop({ role: o.role, parallel: o.parallel ?? false, lo: lift(o.lo, null), hi: lift(o.hi, null), range, iters, inits, nexts: next, effects });
}

/** Assembles a LOOP node from its parts (checks carried types). */
export function makeLoop(p: {
  role: string; parallel: boolean; lo: Node; hi: Node; range: Node;
  iters: readonly Node[]; inits: readonly Node[]; nexts: readonly Node[]; effects: readonly Node[];
}): { loop: Node; results: Node[] } {
  p.iters.forEach((it, j) => {
    if (p.inits[j]!.type !== it.type || p.nexts[j]!.type !== it.type) {
      throw new Error(`loop ${p.role}: carried value ${j} has types ${it.type.key} / ${p.inits[j]!.type.key} / ${p.nexts[j]!.type.key}`);
    }
  });
  const arg: Record<string, number | string | boolean> = { carried: p.iters.length, role: p.role };
  if (p.parallel) arg['parallel'] = true;
  const l = Node.make(Op.LOOP, VOID, [p.lo, p.hi, p.range, ...p.iters, ...p.inits, ...p.nexts, ...p.effects], arg);
  return { loop: l, results: p.iters.map((it, j) => Node.make(Op.RESULT, it.type, [l], j)) };
}

/** Lazy branch: `then` when cond, else `otherwise`. */
export function ifThenElse(cond: Node, then: Node, otherwise: Node): Node {
  if (then.type !== otherwise.type) throw new Error(`if: branch types ${then.type.key} and ${otherwise.type.key} differ`);
  return Node.make(Op.IF, then.type, [cast(cond, 'bool'), then, otherwise]);
}

/** The kernel root. */
export function kernelRoot(name: string, effects: readonly Node[]): Node {
  return Node.make(Op.KERNEL, VOID, effects, name);
}

export { BOOL, F32, I32 };
