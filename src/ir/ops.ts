/**
 * @file The tile IR's vocabulary: one op enum, grouped, with a one-line meaning per op, plus named
 * op groups that passes, the verifier and the interpreter match on.
 */

/** Every op of the tile IR. Values are the op's name in the text form. */
export enum Op {
  // ** structure: the kernel, its arguments, loops and branches **
  /** Root. src: the kernel's top-level effects in order. arg: kernel name. */
  KERNEL = 'kernel',
  /** A kernel argument: a global buffer (ptr type) or an i32 scalar size. arg: its name. */
  PARAM = 'param',
  /** A loop's index (placeholder, bound by its LOOP). arg: unique name. */
  RANGE = 'range',
  /** A loop-carried value inside the loop body (placeholder, bound by its LOOP). arg: unique name. */
  ITER = 'iter',
  /**
   * Counted loop `for range in [lo, hi)`. src: [lo, hi, range, ...iters, ...inits, ...nexts, ...effects].
   * arg: { carried, role, parallel?, bind? } (bind: grid.x|grid.y|grid.z|grid.w|block|serial, set by the `bind` pass). Its value is the tuple of final carried values (see RESULT).
   */
  LOOP = 'loop',
  /** The i-th final carried value of a LOOP. src: [loop]. arg: index. */
  RESULT = 'result',
  /** Lazy two-way branch on a scalar bool: only the taken side is computed. src: [cond, then, else]. */
  IF = 'if',
  /** src[0] (a buffer) ordered after the effects src[1..]: reads through it see those writes. */
  AFTER = 'after',

  // ** memory: buffers in global / shared / register space, tile loads and stores, barriers **
  /**
   * A scratch buffer. type: ptr with its memory space. arg: { name, size } (elements), set by `sync-block`: shared
   * (one copy for all workers of a block loop) or per_task (one copy per task of the grid, kept across a launch boundary).
   */
  ALLOC = 'alloc',
  /**
   * N-d tile load. src: [buf, base, ...strides(rank), ...valid(rank)]. Element idx reads
   * buf[base + sum(idx_d * stride_d)] when idx_d < valid_d for every d, else 0. The tile has the buffer's float type
   * (f16 / bf16 tiles from 16-bit buffers, until `widen-tiles` makes it an f32 load that converts each element).
   */
  LOAD = 'load',
  /** N-d tile store, same addressing as LOAD. src: [buf, base, ...strides, ...valid, value]. Rounds to the buffer dtype. */
  STORE = 'store',
  /** Element-wise gather: buf[index] where 0 <= index < length, else 0. src: [buf, index, length]. A bool byte is true when nonzero (LOAD too). */
  GATHER = 'gather',
  /** Membership in a ragged list: value in values[offsets[list] .. offsets[list+1]). src: [offsets, values, list, value, lists]. */
  MEMBER = 'member',
  /**
   * Workgroup barrier: all src effects are visible to every lane afterwards. arg { scope: 'grid' }: a launch boundary
   * instead, after which every task of the grid sees them (the effects before it run as one launch, the rest as another).
   */
  BARRIER = 'barrier',

  // ** constants and index tiles **
  /** A scalar constant (bool as 0/1). arg: value. */
  CONST = 'const',
  /** Tile whose elements are their index along axis `arg`. */
  IOTA = 'iota',
  /** Compile-time table lookup: arg[index], 0 outside. src: [index]. */
  TABLE = 'table',

  // ** element-wise unary (tiles broadcast; scalars are rank-0 tiles) **
  /** Arithmetic negation. */ NEG = 'neg',
  /** Boolean negation. */ NOT = 'not',
  /** Absolute value. */ ABS = 'abs',
  /** Set bits of the 32-bit word. */ POPCOUNT = 'popcount',
  /** e^x. */ EXP = 'exp',
  /** Natural log. */ LOG = 'log',
  /** Hyperbolic tangent. */ TANH = 'tanh',
  /** Square root. */ SQRT = 'sqrt',
  /** Sine (radians). */ SIN = 'sin',
  /** Cosine (radians). */ COS = 'cos',
  /** 2^x. */ EXP2 = 'exp2',
  /** Base-2 log. */ LOG2 = 'log2',
  /** Round toward -inf. */ FLOOR = 'floor',
  /** Gauss error function (gelu epilogue). */ ERF = 'erf',
  /** Convert to the node's scalar type (i32 <-> f32, bool -> i32, f32 <-> f16 / bf16 rounding to nearest even). */ CAST = 'cast',

  // ** element-wise binary (numpy broadcasting) **
  /** a + b. */ ADD = 'add',
  /** a - b. */ SUB = 'sub',
  /** a * b. */ MUL = 'mul',
  /** Float division. */ DIV = 'div',
  /** Integer floor division (toward -inf); by 0 gives 0. */ IDIV = 'idiv',
  /** Integer floored remainder (sign of the divisor); by 0 gives 0. */ MOD = 'mod',
  /** Minimum. */ MIN = 'min',
  /** Maximum. */ MAX = 'max',
  /** Bitwise and (logical and on bool). */ AND = 'and',
  /** Bitwise or (logical or on bool). */ OR = 'or',
  /** Bitwise xor. */ XOR = 'xor',
  /** Shift left (32-bit). */ SHL = 'shl',
  /** Arithmetic shift right (32-bit). */ SHR = 'shr',
  /** Comparisons, result bool. */ EQ = 'eq', NE = 'ne', LT = 'lt', LE = 'le', GT = 'gt', GE = 'ge',

  // ** element-wise ternary **
  /** cond ? a : b, element-wise. src: [cond, a, b]. */ WHERE = 'where',
  /** Multiply-add a * b + c. */ MAD = 'mad',

  // ** tile shape and tile math **
  /** Same elements, new shape (type gives it). */ RESHAPE = 'reshape',
  /** The value broadcast (numpy rules) to the node's shape. */ BROADCAST = 'broadcast',
  /** 2-d transpose. */ TRANS = 'trans',
  /**
   * acc + a @ b for a [M, K], b [K, N], acc [M, N]. src: [a, b, acc]. Operands share one type: f32, or f16 / bf16
   * (an mma: exact products, f32 accumulation); acc and the result are f32. arg { skip_zero: true }:
   * a term whose a element is 0 contributes nothing, even against a NaN / inf b (softmax weights times V:
   * a masked key's V is never read into the sum). Without it, 0 * NaN is NaN as usual.
   */
  DOT = 'dot',
  /** The same values in the node type's layout (row_major, swizzle(...), mma_a / mma_b / mma_acc): a data movement only. */
  CONVERT_LAYOUT = 'convert_layout',
  /** Max along axis `arg`, kept as size 1. */ REDUCE_MAX = 'reduce_max',
  /** Sum along axis `arg`, kept as size 1. */ REDUCE_SUM = 'reduce_sum',
  /** Expands an N:M packed weight tile (values, in-group indices) to dense along the last axis. arg: { keep, group }. */
  NM_EXPAND = 'nm_expand',

  // ** online softmax steps **
  /**
   * exp(a - m), with a = -inf giving 0 even when m = -inf too (a masked score contributes nothing, a fully
   * masked row stays empty); a NaN in a or m gives NaN (a NaN score is never read as a masked one). src: [a, m].
   */
  SOFTMAX_EXP = 'softmax_exp',
}

/** Named sets of ops. */
export const OpGroup = {
  Unary: new Set<Op>([Op.NEG, Op.NOT, Op.ABS, Op.POPCOUNT, Op.EXP, Op.LOG, Op.TANH, Op.SQRT, Op.SIN, Op.COS, Op.EXP2, Op.LOG2, Op.FLOOR, Op.ERF, Op.CAST]),
  Binary: new Set<Op>([
    Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.IDIV, Op.MOD, Op.MIN, Op.MAX, Op.AND, Op.OR, Op.XOR, Op.SHL, Op.SHR,
    Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE, Op.SOFTMAX_EXP,
  ]),
  Ternary: new Set<Op>([Op.WHERE, Op.MAD]),
  Compare: new Set<Op>([Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE]),
  Commutative: new Set<Op>([Op.ADD, Op.MUL, Op.MIN, Op.MAX, Op.AND, Op.OR, Op.XOR, Op.EQ, Op.NE]),
  /** Ops with side effects: never hoisted, never deduplicated away, placed where listed. */
  Effect: new Set<Op>([Op.STORE, Op.BARRIER]),
  /** Ops that may yield an f16 / bf16 tile: loads, conversions and view ops (math on such tiles runs in f32 or in a DOT). */
  Half: new Set<Op>([Op.LOAD, Op.CAST, Op.TRANS, Op.RESHAPE, Op.BROADCAST, Op.NM_EXPAND, Op.CONVERT_LAYOUT, Op.PARAM, Op.ITER, Op.RESULT, Op.IF, Op.AFTER]),
  /** Placeholders bound by a LOOP. */
  Placeholder: new Set<Op>([Op.RANGE, Op.ITER]),
  Reduce: new Set<Op>([Op.REDUCE_MAX, Op.REDUCE_SUM]),
} as const;

/** Elementwise ops: unary, binary and ternary. */
export function isElementwise(op: Op): boolean {
  return OpGroup.Unary.has(op) || OpGroup.Binary.has(op) || OpGroup.Ternary.has(op);
}

const BY_NAME = new Map<string, Op>(Object.values(Op).map((o) => [o as string, o as Op]));

/** The op with text name `name`, or undefined. */
export function opByName(name: string): Op | undefined {
  return BY_NAME.get(name);
}
