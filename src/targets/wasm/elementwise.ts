/**
 * @file Element-wise ops (unary, binary, ternary, broadcast) as WAT: one table of scalar and
 * SIMD128 forms per op and operand kind, and one loop-nest printer with numpy broadcasting that
 * collapses contiguous dimensions and runs the innermost one 4 lanes at a time when it can.
 */
import type { Node } from '../../ir/node.js';
import { Op, OpGroup, isElementwise } from '../../ir/ops.js';
import { FnContext, isScalar, kindOf, tileType, type Kind } from './context.js';

/** Scalar and (optional) 4-lane forms of one element-wise op; arguments are WAT expressions. */
export interface ElementwiseForm {
  readonly scalar: (a: readonly string[]) => string;
  readonly vector?: (a: readonly string[], relaxed: boolean) => string;
}

const ONES = '(v128.const i32x4 1 1 1 1)';
const ZEROS = '(v128.const i32x4 0 0 0 0)';
const f2 = (op: string, vop: string = op): ElementwiseForm => ({ scalar: ([a, b]) => `(f32.${op} ${a} ${b})`, vector: ([a, b]) => `(f32x4.${vop} ${a} ${b})` });
const i2 = (op: string, vop?: string): ElementwiseForm => ({
  scalar: ([a, b]) => `(i32.${op} ${a} ${b})`,
  ...(vop ? { vector: ([a, b]: readonly string[]) => `(${vop} ${a} ${b})` } : {}),
});
const call = (fn: string, vfn?: string): ElementwiseForm => ({
  scalar: (a) => `(call ${fn} ${a.join(' ')})`,
  ...(vfn ? { vector: (a: readonly string[]) => `(call ${vfn} ${a.join(' ')})` } : {}),
});
const imported = (fn: string): ElementwiseForm => ({ scalar: ([a]) => `(f32.demote_f64 (call ${fn} (f64.promote_f32 ${a})))` });
const fcmp = (op: string): ElementwiseForm => ({ scalar: ([a, b]) => `(f32.${op} ${a} ${b})`, vector: ([a, b]) => `(v128.and (f32x4.${op} ${a} ${b}) ${ONES})` });
const icmp = (op: string, vop: string = op): ElementwiseForm => ({ scalar: ([a, b]) => `(i32.${op} ${a} ${b})`, vector: ([a, b]) => `(v128.and (i32x4.${vop} ${a} ${b}) ${ONES})` });
const identity: ElementwiseForm = { scalar: ([a]) => a!, vector: ([a]) => a! };

/** Forms by key `op:kind` (kind of the operands; casts are `cast:to:from`). */
const FORMS: Readonly<Record<string, ElementwiseForm>> = {
  'add:f': f2('add'), 'sub:f': f2('sub'), 'mul:f': f2('mul'), 'div:f': f2('div'), 'min:f': f2('min'), 'max:f': f2('max'),
  'add:i': i2('add', 'i32x4.add'), 'sub:i': i2('sub', 'i32x4.sub'), 'mul:i': i2('mul', 'i32x4.mul'),
  'min:i': call('$imin', '$iminv'), 'max:i': call('$imax', '$imaxv'),
  'idiv:i': call('$idiv'), 'mod:i': call('$imod'),
  'and:i': i2('and', 'v128.and'), 'or:i': i2('or', 'v128.or'), 'xor:i': i2('xor', 'v128.xor'),
  'shl:i': i2('shl'), 'shr:i': i2('shr_s'),
  'eq:f': fcmp('eq'), 'ne:f': fcmp('ne'), 'lt:f': fcmp('lt'), 'le:f': fcmp('le'), 'gt:f': fcmp('gt'), 'ge:f': fcmp('ge'),
  'eq:i': icmp('eq'), 'ne:i': icmp('ne'), 'lt:i': icmp('lt_s'), 'le:i': icmp('le_s'), 'gt:i': icmp('gt_s'), 'ge:i': icmp('ge_s'),
  'neg:f': { scalar: ([a]) => `(f32.neg ${a})`, vector: ([a]) => `(f32x4.neg ${a})` },
  'neg:i': { scalar: ([a]) => `(i32.sub (i32.const 0) ${a})`, vector: ([a]) => `(i32x4.neg ${a})` },
  'not:i': { scalar: ([a]) => `(i32.eqz ${a})`, vector: ([a]) => `(v128.and (i32x4.eq ${a} ${ZEROS}) ${ONES})` },
  'abs:f': { scalar: ([a]) => `(f32.abs ${a})`, vector: ([a]) => `(f32x4.abs ${a})` },
  'abs:i': call('$iabs', '$iabsv'),
  'popcount:i': {
    scalar: ([a]) => `(i32.popcnt ${a})`,
    vector: ([a]) => `(i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (i8x16.popcnt ${a})))`,
  },
  'exp:f': call('$expf', '$expv'),
  'softmax_exp:f': call('$softexp', '$softexpv'),
  'log:f': imported('$log'), 'tanh:f': imported('$tanh'), 'erf:f': imported('$erf'),
  'sin:f': imported('$sin'), 'cos:f': imported('$cos'), 'exp2:f': imported('$exp2'), 'log2:f': imported('$log2'),
  'sqrt:f': { scalar: ([a]) => `(f32.sqrt ${a})`, vector: ([a]) => `(f32x4.sqrt ${a})` },
  'floor:f': { scalar: ([a]) => `(f32.floor ${a})`, vector: ([a]) => `(f32x4.floor ${a})` },
  'cast:f32:f': identity, 'cast:i32:i': identity, 'cast:bool:i': { scalar: ([a]) => `(i32.ne ${a} (i32.const 0))`, vector: ([a]) => `(v128.and (i32x4.ne ${a} ${ZEROS}) ${ONES})` },
  'cast:f32:i': { scalar: ([a]) => `(f32.convert_i32_s ${a})`, vector: ([a]) => `(f32x4.convert_i32x4_s ${a})` },
  'cast:i32:f': { scalar: ([a]) => `(i32.trunc_sat_f32_s ${a})`, vector: ([a]) => `(i32x4.trunc_sat_f32x4_s ${a})` },
  'cast:bool:f': { scalar: ([a]) => `(f32.ne ${a} (f32.const 0))`, vector: ([a]) => `(v128.and (f32x4.ne ${a} (v128.const f32x4 0 0 0 0)) ${ONES})` },
  'where:f': { scalar: ([c, a, b]) => `(select ${a} ${b} ${c})`, vector: ([c, a, b]) => `(v128.bitselect ${a} ${b} (i32x4.neg ${c}))` },
  'where:i': { scalar: ([c, a, b]) => `(select ${a} ${b} ${c})`, vector: ([c, a, b]) => `(v128.bitselect ${a} ${b} (i32x4.neg ${c}))` },
  'mad:f': {
    scalar: ([a, b, c]) => `(f32.add (f32.mul ${a} ${b}) ${c})`,
    vector: ([a, b, c], relaxed) => (relaxed ? `(f32x4.relaxed_madd ${a} ${b} ${c})` : `(f32x4.add (f32x4.mul ${a} ${b}) ${c})`),
  },
  'mad:i': { scalar: ([a, b, c]) => `(i32.add (i32.mul ${a} ${b}) ${c})`, vector: ([a, b, c]) => `(i32x4.add (i32x4.mul ${a} ${b}) ${c})` },
  'copy:f': identity, 'copy:i': identity,
};

/** The form key of an element-wise node (or a broadcast). */
function formKey(n: Node): string {
  const out = kindOf(tileType(n).scalar);
  if (n.op === Op.BROADCAST) return `copy:${out}`;
  if (n.op === Op.CAST) {
    const to = tileType(n).scalar === 'bool' ? 'bool' : out === 'f' ? 'f32' : 'i32';
    return `cast:${to}:${kindOf(tileType(n.src[0]!).scalar)}`;
  }
  if (OpGroup.Compare.has(n.op)) return `${n.op}:${kindOf(tileType(n.src[0]!).scalar)}`;
  return `${n.op}:${out}`;
}

/** True when the printer has a form for element-wise node `n`. */
export function hasElementwiseForm(n: Node): boolean {
  return FORMS[formKey(n)] !== undefined;
}

/** How one operand is read: a scalar expression, or a scratch tile with per-dimension element strides. */
type Operand = { readonly kind: 'scalar'; readonly expr: string } | { readonly kind: 'tile'; readonly slot: number; readonly strides: number[] };

/** Element strides of `src` (a tile of shape `s`) broadcast to `shape`. */
function broadcastStrides(s: readonly number[], shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(0);
  let st = 1;
  for (let i = s.length - 1; i >= 0; i--) {
    const d = shape.length - s.length + i;
    strides[d] = s[i] === 1 && shape[d] !== 1 ? 0 : st;
    st *= s[i]!;
  }
  return strides;
}

/** Merges adjacent dimensions that every operand walks contiguously (and drops size-1 dimensions). */
function collapse(shape: readonly number[], ops: Operand[], outStrides: number[]): { shape: number[]; ops: Operand[]; out: number[] } {
  const tiles = ops.map((o) => (o.kind === 'tile' ? [...o.strides] : null));
  const dims = shape.map((_, d) => d).filter((d) => shape[d] !== 1);
  const newShape: number[] = [];
  const newOut: number[] = [];
  const newTiles = tiles.map((t) => (t ? ([] as number[]) : null));
  for (const d of dims) {
    const last = newShape.length - 1;
    const mergeable =
      last >= 0 &&
      newOut[last] === outStrides[d]! * shape[d]! &&
      tiles.every((t, j) => !t || newTiles[j]![last] === t[d]! * shape[d]!);
    if (mergeable) {
      newShape[last] = newShape[last]! * shape[d]!;
      newOut[last] = outStrides[d]!;
      tiles.forEach((t, j) => { if (t) newTiles[j]![last] = t[d]!; });
    } else {
      newShape.push(shape[d]!);
      newOut.push(outStrides[d]!);
      tiles.forEach((t, j) => { if (t) newTiles[j]!.push(t[d]!); });
    }
  }
  if (newShape.length === 0) {
    newShape.push(1);
    newOut.push(1);
    newTiles.forEach((t) => t?.push(1));
  }
  return { shape: newShape, out: newOut, ops: ops.map((o, j) => (o.kind === 'tile' ? { kind: 'tile', slot: o.slot, strides: newTiles[j]! } : o)) };
}

const mulIdx = (i: string, c: number): string => (c === 0 ? '(i32.const 0)' : c === 1 ? i : `(i32.mul ${i} (i32.const ${c}))`);
const addIdx = (a: string, b: string): string => (a === '(i32.const 0)' ? b : b === '(i32.const 0)' ? a : `(i32.add ${a} ${b})`);
const loadOf = (k: Kind): string => (k === 'f' ? 'f32.load' : 'i32.load');
const storeOf = (k: Kind): string => (k === 'f' ? 'f32.store' : 'i32.store');

/** True when `n` is an element-wise tile op with a 4-lane form. */
function vectorTileOp(n: Node): boolean {
  return isElementwise(n.op) && n.type.kind === 'tile' && !isScalar(n) && FORMS[formKey(n)]?.vector !== undefined;
}

/**
 * Element-wise tile nodes that are printed inside the loop of their only user instead of into a tile of their own:
 * both have 4-lane forms and sit in the same region (so nothing hoisted out of a loop is recomputed in it). A chain
 * such as a partial tile's mask (`le`, `lt`, `sub`, `or`, `and`, ..., `where`) then becomes one pass over the tile
 * with every intermediate in registers, instead of one pass and one scratch tile per op.
 */
export function fusedElementwise(all: readonly Node[], users: ReadonlyMap<Node, readonly Node[]>, regionsOf: ReadonlyMap<Node, ReadonlySet<unknown>>): Set<Node> {
  const fused = new Set<Node>();
  for (const n of all) {
    const own = regionsOf.get(n);
    const us = [...new Set(users.get(n) ?? [])];
    if (!own || us.length === 0 || !vectorTileOp(n) || !us.every(vectorTileOp)) continue;
    // NOTE: hash-consing shares a node between loops (the heads pack-gqa stacks); it is then placed in each loop and
    // fused there into the one user placed beside it. A second user in one region keeps it in a tile of its own.
    const perRegion = new Map<unknown, number>();
    let inside = true;
    for (const u of us) {
      for (const r of regionsOf.get(u) ?? []) {
        if (!own.has(r)) inside = false;
        perRegion.set(r, (perRegion.get(r) ?? 0) + 1);
      }
    }
    if (inside && perRegion.size === own.size && [...perRegion.values()].every((c) => c === 1)) fused.add(n);
  }
  return fused;
}

/** The form of `n` with its fused operands inlined; `args` collects the leaves (each node once) the form reads. */
function fusedForm(ctx: FnContext, n: Node, args: Node[]): ElementwiseForm {
  const form = FORMS[formKey(n)];
  if (!form) throw new Error(`wasm: no element-wise form for ${formKey(n)}`);
  const parts = n.src.map((s): ElementwiseForm => {
    if (ctx.fused.has(s)) return fusedForm(ctx, s, args);
    if (!args.includes(s)) args.push(s);
    const i = args.indexOf(s);
    return { scalar: (a) => a[i]!, vector: (a) => a[i]! };
  });
  return {
    scalar: (a) => form.scalar(parts.map((p) => p.scalar(a))),
    vector: (a, relaxed) => form.vector!(parts.map((p) => p.vector!(a, relaxed)), relaxed),
  };
}

/** Prints element-wise node `n` (a scalar into its local, a tile into its slot); a fused node is printed by its user. */
export function emitElementwise(ctx: FnContext, n: Node): void {
  if (ctx.fused.has(n)) return;
  if (n.src.some((s) => ctx.fused.has(s))) {
    const args: Node[] = [];
    const form = fusedForm(ctx, n, args);
    emitMap(ctx, n, args, form);
    return;
  }
  const form = FORMS[formKey(n)];
  if (!form) throw new Error(`wasm: no element-wise form for ${formKey(n)}`);
  emitMap(ctx, n, n.src, form);
}

/**
 * Prints `n` as `form` applied element by element to `args` (scalars or tiles broadcast to n's
 * shape). Ops that read buffers (gather, member, table) use this with a scalar-only form.
 */
export function emitMap(ctx: FnContext, n: Node, args: readonly Node[], form: ElementwiseForm): void {
  if (isScalar(n)) {
    ctx.emit(`(local.set ${ctx.scalarLocal(n)} ${form.scalar(args.map((s) => ctx.val(s)))})`);
    return;
  }
  const shape = tileType(n).shape;
  const outKind = kindOf(tileType(n).scalar);
  const kinds = args.map((s) => kindOf(tileType(s).scalar));
  const operands: Operand[] = args.map((s) =>
    isScalar(s) ? { kind: 'scalar', expr: ctx.val(s) } : { kind: 'tile', slot: ctx.slot(s), strides: broadcastStrides(tileType(s).shape, shape) },
  );
  const c = collapse(shape, operands, broadcastStrides(shape, shape));
  const outSlot = ctx.slot(n);
  const rank = c.shape.length;
  const inner = c.shape[rank - 1]!;
  const vectorizable = form.vector !== undefined && inner % 4 === 0 && c.ops.every((o) => o.kind === 'scalar' || o.strides[rank - 1]! <= 1);
  // NOTE: scalars are splatted once, outside every loop.
  const splats = c.ops.map((o, j) => {
    if (o.kind !== 'scalar' || !vectorizable) return null;
    const l = ctx.local('v128', 's');
    ctx.emit(`(local.set ${l} (${kinds[j] === 'f' ? 'f32x4' : 'i32x4'}.splat ${o.expr}))`);
    return l;
  });
  const nest = (d: number, rowIdx: string[], outIdx: string): void => {
    if (d < rank - 1) {
      ctx.forCount(c.shape[d]!, 1, (i) => nest(d + 1, c.ops.map((o, j) => (o.kind === 'tile' ? addIdx(rowIdx[j]!, mulIdx(i, o.strides[d]!)) : '')), addIdx(outIdx, mulIdx(i, c.out[d]!))), 'r');
      return;
    }
    if (vectorizable) {
      const rowSplats = c.ops.map((o, j) => {
        if (o.kind !== 'tile' || o.strides[rank - 1] !== 0) return null;
        const l = ctx.local('v128', 's');
        ctx.emit(`(local.set ${l} (${kinds[j] === 'f' ? 'f32x4' : 'i32x4'}.splat (${loadOf(kinds[j]!)} offset=${o.slot} ${ctx.tileAddr(rowIdx[j]!)})))`);
        return l;
      });
      ctx.forCount(inner, 4, (i) => {
        const args = c.ops.map((o, j) => {
          if (o.kind === 'scalar') return `(local.get ${splats[j]})`;
          if (rowSplats[j]) return `(local.get ${rowSplats[j]})`;
          return `(v128.load offset=${o.slot} ${ctx.tileAddr(addIdx(rowIdx[j]!, i))})`;
        });
        ctx.emit(`(v128.store offset=${outSlot} ${ctx.tileAddr(addIdx(outIdx, i))} ${form.vector!(args, ctx.relaxed)})`);
      }, 'j');
      return;
    }
    ctx.forCount(inner, 1, (i) => {
      const args = c.ops.map((o, j) => (o.kind === 'scalar' ? o.expr : `(${loadOf(kinds[j]!)} offset=${o.slot} ${ctx.tileAddr(addIdx(rowIdx[j]!, mulIdx(i, o.strides[rank - 1]!)))})`));
      ctx.emit(`(${storeOf(outKind)} offset=${outSlot} ${ctx.tileAddr(addIdx(outIdx, mulIdx(i, c.out[rank - 1]!)))} ${form.scalar(args)})`);
    }, 'j');
  };
  nest(0, c.ops.map(() => '(i32.const 0)'), '(i32.const 0)');
}
