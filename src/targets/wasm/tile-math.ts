/**
 * @file Tile math as WAT: register-blocked matrix products (8 v128 accumulator locals: 4 rows x 8 columns, or 1 row
 * x 32 for decode; relaxed-SIMD fused multiply-add when enabled), products against a
 * transposed operand with few columns (dot along k), reductions, transposes and N:M expansion.
 */
import { numel } from '../../ir/dtype.js';
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { dotSkipsZero } from '../../ir/build.js';
import { FnContext, constText, isScalar, kindOf, tileType } from './context.js';

/**
 * True when DOT `n` reads its transposed operand in place (a @ b0^T as dot products along k: few output columns,
 * or k a multiple of 4 for the register-blocked form): no TRANS tile is needed.
 */
export function dotReadsTransposed(n: Node): boolean {
  const b = n.src[1]!;
  if (n.op !== Op.DOT || b.op !== Op.TRANS || dotSkipsZero(n)) return false;
  return tileType(n).shape[1]! % 4 !== 0 || tileType(n.src[0]!).shape[1]! % 4 === 0;
}

/**
 * The tile a DOT's blocked printer reads as its right operand through a base address (`FnContext.tileBase`), so a
 * LOAD there can be read in place from its buffer: b of `emitDotBlocked`, b0 of `emitDotTransposedBlocked`; null
 * for the other forms (they address scratch slots).
 */
export function dotBlockedOperand(n: Node): Node | null {
  if (n.op !== Op.DOT) return null;
  const K = tileType(n.src[0]!).shape[1]!;
  const N = tileType(n).shape[1]!;
  if (dotReadsTransposed(n)) return N % 4 === 0 && K % 4 === 0 ? n.src[1]!.src[0]! : null;
  return N % 4 === 0 ? n.src[1]! : null;
}

/** How the accumulator input of a DOT is read: a splatted scalar or a tile. */
function accReader(ctx: FnContext, acc: Node): { scalar: string } | { slot: number } {
  if (isScalar(acc)) return { scalar: ctx.val(acc) };
  if (acc.op === Op.BROADCAST && isScalar(acc.src[0]!)) return { scalar: ctx.val(acc.src[0]!) };
  return { slot: ctx.slot(acc) };
}

const fma = (relaxed: boolean, a: string, b: string, c: string): string =>
  relaxed ? `(f32x4.relaxed_madd ${a} ${b} ${c})` : `(f32x4.add ${c} (f32x4.mul ${a} ${b}))`;

const idx = (base: string, add: number): string => (add === 0 ? base : base === '(i32.const 0)' ? `(i32.const ${add})` : `(i32.add ${base} (i32.const ${add}))`);

/** Prints DOT: out = acc + a @ b. */
export function emitDot(ctx: FnContext, n: Node): void {
  const [a, b, acc] = n.src as [Node, Node, Node];
  const [M, K] = tileType(a).shape as [number, number];
  const N = tileType(n).shape[1]!;
  const init = accReader(ctx, acc);
  if (dotReadsTransposed(n)) {
    if (N % 4 === 0 && K % 4 === 0) emitDotTransposedBlocked(ctx, n, a, b.src[0]!, init, M, K, N);
    else emitDotTransposed(ctx, n, a, b.src[0]!, init, M, K, N);
    return;
  }
  if (N % 4 === 0) emitDotBlocked(ctx, n, a, b, init, M, K, N);
  else emitDotScalar(ctx, n, a, b, init, M, K, N);
}

function accInitVector(ctx: FnContext, init: { scalar: string } | { slot: number }, at: string): string {
  return 'scalar' in init ? `(f32x4.splat ${init.scalar})` : `(v128.load offset=${init.slot} ${ctx.tileAddr(at)})`;
}

function accInitScalar(ctx: FnContext, init: { scalar: string } | { slot: number }, at: string): string {
  return 'scalar' in init ? init.scalar : `(f32.load offset=${init.slot} ${ctx.tileAddr(at)})`;
}

/** v128 accumulators of a blocked product (RB rows x NB column groups): 8 leave registers for the loads. */
const BLOCKED_ACCUMULATORS = 8;

/** a [M,K] @ b [K,N] with N % 4 == 0: blocks of RB rows x NB four-lane column groups. */
function emitDotBlocked(ctx: FnContext, n: Node, a: Node, b: Node, init: { scalar: string } | { slot: number }, M: number, K: number, N: number): void {
  if (!dotSkipsZero(n)) return emitDotBlockedBody(ctx, a, b, n, init, M, K, N, false);
  // NOTE: skip_zero only changes a term whose weight is exactly 0 and whose b is inf / NaN: a tile of weights without
  // a zero (every key of a full tile live, none underflowed), or a b tile of finite values (0 * b = 0: a partial
  // tile's masked keys against a finite V), takes the plain multiply-add, with the same results.
  const as = ctx.slot(a);
  const zero = ctx.local('v128', 'z');
  ctx.emit(`(local.set ${zero} (v128.const i32x4 0 0 0 0))`);
  const vecs = M * K - ((M * K) % 4);
  ctx.forCount(vecs, 4, (i) => ctx.emit(`(local.set ${zero} (v128.or (local.get ${zero}) (f32x4.eq (v128.load offset=${as} ${ctx.tileAddr(i)}) (v128.const f32x4 0 0 0 0))))`), 'zi');
  let any = `(v128.any_true (local.get ${zero}))`;
  for (let i = vecs; i < M * K; i++) any = `(i32.or ${any} (f32.eq (f32.load offset=${as + 4 * i} (local.get $sb)) (f32.const 0)))`;
  const masked = ctx.local('i32', 'zm');
  ctx.emit(`(local.set ${masked} (i32.const 0))`);
  ctx.open(`(if ${any}`);
  ctx.open('(then');
  emitNonFiniteScan(ctx, b, K * N, masked);
  ctx.close(2);
  ctx.open(`(if (local.get ${masked})`);
  ctx.open('(then');
  emitDotBlockedBody(ctx, a, b, n, init, M, K, N, true);
  ctx.close();
  ctx.open('(else');
  emitDotBlockedBody(ctx, a, b, n, init, M, K, N, false);
  ctx.close(2);
}

/**
 * Sets i32 local `flag` to 1 when the first `count` (a multiple of 4) f32 of tile `t` hold an inf or NaN: x - x is
 * NaN exactly then, and OR-ing the differences keeps a NaN's all-ones exponent and non-zero mantissa.
 */
function emitNonFiniteScan(ctx: FnContext, t: Node, count: number, flag: string): void {
  const { base, offset } = ctx.tileBase(t);
  const acc = ctx.local('v128', 'nf');
  const p = ctx.local('i32', 'nfp');
  ctx.emit(`(local.set ${acc} (v128.const i32x4 0 0 0 0))`);
  ctx.emit(`(local.set ${p} ${base})`);
  ctx.forCount(count, 4, () => {
    ctx.emit(`(local.set ${acc} (v128.or (local.get ${acc}) (f32x4.sub (v128.load offset=${offset} (local.get ${p})) (v128.load offset=${offset} (local.get ${p})))))`);
    ctx.emit(`(local.set ${p} (i32.add (local.get ${p}) (i32.const 16)))`);
  }, 'nfi');
  ctx.emit(`(local.set ${flag} (v128.any_true (f32x4.ne (local.get ${acc}) (local.get ${acc}))))`);
}

/** The blocked product itself; `skipZero`: a lane mask of a != 0 on every term. */
function emitDotBlockedBody(ctx: FnContext, a: Node, b: Node, n: Node, init: { scalar: string } | { slot: number }, M: number, K: number, N: number, skipZero: boolean): void {
  const [as, os] = [ctx.slot(a), ctx.slot(n)];
  const { base: bBase, offset: bs } = ctx.tileBase(b);
  const RB = M >= 4 ? 4 : M >= 2 ? 2 : 1;
  // NOTE: RB x NB accumulators; fewer rows (decode: 1) take wider column blocks, so each pass over b feeds more
  // independent sums and b is walked N / (4 NB) times instead of N / 8.
  const NB = [8, 4, 2, 1].find((nb) => (N / 4) % nb === 0 && RB * nb <= BLOCKED_ACCUMULATORS)!;
  const mainRows = M - (M % RB);
  const block = (rowFrom: string, rows: number): void => {
    ctx.forCount(N, 4 * NB, (j) => {
      const accs: string[][] = [];
      for (let r = 0; r < rows; r++) {
        accs.push([]);
        for (let v = 0; v < NB; v++) {
          const l = ctx.local('v128', 'acc');
          accs[r]!.push(l);
          const at = `(i32.add (i32.mul ${idx(rowFrom, r)} (i32.const ${N})) ${idx(j, 4 * v)})`;
          ctx.emit(`(local.set ${l} ${accInitVector(ctx, init, at)})`);
        }
      }
      const ap = ctx.local('i32', 'ap');
      const bp = ctx.local('i32', 'bp');
      ctx.emit(`(local.set ${ap} (i32.add (local.get $sb) (i32.shl (i32.mul ${rowFrom} (i32.const ${K})) (i32.const 2))))`);
      ctx.emit(`(local.set ${bp} (i32.add ${bBase} (i32.shl ${j} (i32.const 2))))`);
      const bv = Array.from({ length: NB }, () => ctx.local('v128', 'b'));
      const av = ctx.local('v128', 'a');
      // NOTE: skip_zero (Op.DOT): a lane mask of a != 0 keeps a zero weight's NaN / inf product out of the sum.
      const keep = skipZero ? ctx.local('v128', 'nz') : null;
      const term = (a: string, b: string, c: string): string =>
        keep ? `(f32x4.add ${c} (v128.and (f32x4.mul ${a} ${b}) (local.get ${keep})))` : fma(ctx.relaxed, a, b, c);
      ctx.forCount(K, 1, () => {
        bv.forEach((l, v) => ctx.emit(`(local.set ${l} (v128.load offset=${bs + 16 * v} (local.get ${bp})))`));
        for (let r = 0; r < rows; r++) {
          ctx.emit(`(local.set ${av} (f32x4.splat (f32.load offset=${as + 4 * r * K} (local.get ${ap}))))`);
          if (keep) ctx.emit(`(local.set ${keep} (f32x4.ne (local.get ${av}) (v128.const f32x4 0 0 0 0)))`);
          for (let v = 0; v < NB; v++) ctx.emit(`(local.set ${accs[r]![v]} ${term(`(local.get ${av})`, `(local.get ${bv[v]})`, `(local.get ${accs[r]![v]})`)})`);
        }
        ctx.emit(`(local.set ${ap} (i32.add (local.get ${ap}) (i32.const 4)))`);
        ctx.emit(`(local.set ${bp} (i32.add (local.get ${bp}) (i32.const ${4 * N})))`);
      }, 'k');
      for (let r = 0; r < rows; r++) {
        for (let v = 0; v < NB; v++) {
          const at = `(i32.add (i32.mul ${idx(rowFrom, r)} (i32.const ${N})) ${idx(j, 4 * v)})`;
          ctx.emit(`(v128.store offset=${os} ${ctx.tileAddr(at)} (local.get ${accs[r]![v]}))`);
        }
      }
    }, 'jb');
  };
  ctx.forCount(mainRows, RB, (i) => block(i, RB), 'ib');
  for (let r = mainRows; r < M; r++) block(`(i32.const ${r})`, 1);
}

/** `i8x16.shuffle` of f32 lanes: lanes 0-3 pick from `a`, 4-7 from `b`. */
function shuffle32(a: string, b: string, lanes: readonly number[]): string {
  const bytes = lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]);
  return `(i8x16.shuffle ${bytes.join(' ')} ${a} ${b})`;
}

/** Horizontal sums of four 4-lane vectors as one vector [sum v0, sum v1, sum v2, sum v3] (6 shuffles, 3 adds). */
function transposeSum4(v: readonly string[]): string {
  const [v0, v1, v2, v3] = v.map((l) => `(local.get ${l})`) as [string, string, string, string];
  const s01 = `(f32x4.add ${shuffle32(v0, v1, [0, 4, 1, 5])} ${shuffle32(v0, v1, [2, 6, 3, 7])})`;
  const s23 = `(f32x4.add ${shuffle32(v2, v3, [0, 4, 1, 5])} ${shuffle32(v2, v3, [2, 6, 3, 7])})`;
  return `(f32x4.add ${shuffle32(s01, s23, [0, 1, 4, 5])} ${shuffle32(s01, s23, [2, 3, 6, 7])})`;
}

/** Row block of the transposed product: RB rows of `a` against 4 rows of b0 keep 2 x 4 accumulators in registers. */
const TRANSPOSED_ROWS = 2;

/**
 * a [M,K] @ b0^T for b0 [N,K] with N and K multiples of 4: blocks of 2 rows x 4 columns, each output a 4-lane
 * dot along k held in a v128 local, the four partial vectors of a row summed with shuffles into one store.
 */
function emitDotTransposedBlocked(ctx: FnContext, n: Node, a: Node, b0: Node, init: { scalar: string } | { slot: number }, M: number, K: number, N: number): void {
  const [as, os] = [ctx.slot(a), ctx.slot(n)];
  const { base: bBase, offset: bs } = ctx.tileBase(b0);
  const mainRows = M - (M % TRANSPOSED_ROWS);
  const block = (rowFrom: string, rows: number): void => {
    ctx.forCount(N, 4, (j) => {
      const accs = Array.from({ length: rows }, () => Array.from({ length: 4 }, () => ctx.local('v128', 'tacc')));
      for (const row of accs) for (const l of row) ctx.emit(`(local.set ${l} (v128.const i32x4 0 0 0 0))`);
      const ap = ctx.local('i32', 'tap');
      const bp = ctx.local('i32', 'tbp');
      ctx.emit(`(local.set ${ap} (i32.add (local.get $sb) (i32.shl (i32.mul ${rowFrom} (i32.const ${K})) (i32.const 2))))`);
      ctx.emit(`(local.set ${bp} (i32.add ${bBase} (i32.shl (i32.mul ${j} (i32.const ${K})) (i32.const 2))))`);
      const bv = Array.from({ length: 4 }, () => ctx.local('v128', 'tb'));
      const av = ctx.local('v128', 'ta');
      ctx.forCount(K, 4, () => {
        bv.forEach((l, c) => ctx.emit(`(local.set ${l} (v128.load offset=${bs + 4 * c * K} (local.get ${bp})))`));
        for (let r = 0; r < rows; r++) {
          ctx.emit(`(local.set ${av} (v128.load offset=${as + 4 * r * K} (local.get ${ap})))`);
          for (let c = 0; c < 4; c++) ctx.emit(`(local.set ${accs[r]![c]} ${fma(ctx.relaxed, `(local.get ${av})`, `(local.get ${bv[c]})`, `(local.get ${accs[r]![c]})`)})`);
        }
        ctx.emit(`(local.set ${ap} (i32.add (local.get ${ap}) (i32.const 16)))`);
        ctx.emit(`(local.set ${bp} (i32.add (local.get ${bp}) (i32.const 16)))`);
      }, 'tk');
      for (let r = 0; r < rows; r++) {
        const at = `(i32.add (i32.mul ${idx(rowFrom, r)} (i32.const ${N})) ${j})`;
        ctx.emit(`(v128.store offset=${os} ${ctx.tileAddr(at)} (f32x4.add ${accInitVector(ctx, init, at)} ${transposeSum4(accs[r]!)}))`);
      }
    }, 'tj');
  };
  ctx.forCount(mainRows, TRANSPOSED_ROWS, (i) => block(i, TRANSPOSED_ROWS), 'ti');
  for (let r = mainRows; r < M; r++) block(`(i32.const ${r})`, 1);
}

/** a [M,K] @ b0^T for b0 [N,K] (few columns): each output is a 4-lane dot along k. */
function emitDotTransposed(ctx: FnContext, n: Node, a: Node, b0: Node, init: { scalar: string } | { slot: number }, M: number, K: number, N: number): void {
  const [as, bs, os] = [ctx.slot(a), ctx.slot(b0), ctx.slot(n)];
  const vecK = K - (K % 4);
  ctx.forCount(M, 1, (i) => {
    ctx.forCount(N, 1, (j) => {
      const sum = ctx.local('v128', 'dv');
      const tail = ctx.local('f32', 'ds');
      ctx.emit(`(local.set ${sum} (v128.const f32x4 0 0 0 0))`);
      ctx.forCount(vecK, 4, (k) => {
        const av = `(v128.load offset=${as} ${ctx.tileAddr(`(i32.add (i32.mul ${i} (i32.const ${K})) ${k})`)})`;
        const bv = `(v128.load offset=${bs} ${ctx.tileAddr(`(i32.add (i32.mul ${j} (i32.const ${K})) ${k})`)})`;
        ctx.emit(`(local.set ${sum} ${fma(ctx.relaxed, av, bv, `(local.get ${sum})`)})`);
      }, 'k');
      const at = `(i32.add (i32.mul ${i} (i32.const ${N})) ${j})`;
      ctx.emit(`(local.set ${tail} (f32.add ${accInitScalar(ctx, init, at)} (call $hsum (local.get ${sum}))))`);
      for (let k = vecK; k < K; k++) {
        const av = `(f32.load offset=${as + 4 * k} ${ctx.tileAddr(`(i32.mul ${i} (i32.const ${K}))`)})`;
        const bv = `(f32.load offset=${bs + 4 * k} ${ctx.tileAddr(`(i32.mul ${j} (i32.const ${K}))`)})`;
        ctx.emit(`(local.set ${tail} (f32.add (local.get ${tail}) (f32.mul ${av} ${bv})))`);
      }
      ctx.emit(`(f32.store offset=${os} ${ctx.tileAddr(at)} (local.get ${tail}))`);
    }, 'j');
  }, 'i');
}

/** a [M,K] @ b [K,N], one element at a time (odd shapes). */
function emitDotScalar(ctx: FnContext, n: Node, a: Node, b: Node, init: { scalar: string } | { slot: number }, M: number, K: number, N: number): void {
  const [as, bs, os] = [ctx.slot(a), ctx.slot(b), ctx.slot(n)];
  ctx.forCount(M, 1, (i) => {
    ctx.forCount(N, 1, (j) => {
      const s = ctx.local('f32', 'ds');
      const at = `(i32.add (i32.mul ${i} (i32.const ${N})) ${j})`;
      ctx.emit(`(local.set ${s} ${accInitScalar(ctx, init, at)})`);
      ctx.forCount(K, 1, (k) => {
        const av = `(f32.load offset=${as} ${ctx.tileAddr(`(i32.add (i32.mul ${i} (i32.const ${K})) ${k})`)})`;
        const bv = `(f32.load offset=${bs} ${ctx.tileAddr(`(i32.add (i32.mul ${k} (i32.const ${N})) ${j})`)})`;
        const product = dotSkipsZero(n) ? `(call $skipzero_mul ${av} ${bv})` : `(f32.mul ${av} ${bv})`;
        ctx.emit(`(local.set ${s} (f32.add (local.get ${s}) ${product}))`);
      }, 'k');
      ctx.emit(`(f32.store offset=${os} ${ctx.tileAddr(at)} (local.get ${s}))`);
    }, 'j');
  }, 'i');
}

/** Prints TRANS of a 2-d tile. */
export function emitTrans(ctx: FnContext, n: Node): void {
  const src = n.src[0]!;
  const [R, C] = tileType(src).shape as [number, number];
  const [is, os] = [ctx.slot(src), ctx.slot(n)];
  const ty = kindOf(tileType(n).scalar) === 'f' ? 'f32' : 'i32';
  ctx.forCount(R, 1, (r) => {
    ctx.forCount(C, 1, (c) => {
      ctx.emit(`(${ty}.store offset=${os} ${ctx.tileAddr(`(i32.add (i32.mul ${c} (i32.const ${R})) ${r})`)} (${ty}.load offset=${is} ${ctx.tileAddr(`(i32.add (i32.mul ${r} (i32.const ${C})) ${c})`)}))`);
    }, 'c');
  }, 'r');
}

/** Prints REDUCE_MAX / REDUCE_SUM along axis `arg` (kept as size 1). */
export function emitReduce(ctx: FnContext, n: Node): void {
  const src = n.src[0]!;
  const isMax = n.op === Op.REDUCE_MAX;
  const kind = kindOf(tileType(n).scalar);
  if (isScalar(src)) {
    ctx.emit(`(local.set ${ctx.scalarLocal(n)} ${ctx.val(src)})`);
    return;
  }
  const shape = tileType(src).shape;
  const axis = n.arg as number;
  const outer = numel(shape.slice(0, axis));
  const len = shape[axis]!;
  const inner = numel(shape.slice(axis + 1));
  const [is, os] = [ctx.slot(src), ctx.slot(n)];
  const ty = kind === 'f' ? 'f32' : 'i32';
  const scalarOp = (x: string, y: string): string => (kind === 'f' ? `(f32.${isMax ? 'max' : 'add'} ${x} ${y})` : isMax ? `(call $imax ${x} ${y})` : `(i32.add ${x} ${y})`);
  const start = constText(kind, isMax ? (kind === 'f' ? -Infinity : -2147483648) : 0);
  if (kind === 'f' && inner === 1 && len % 4 === 0) {
    ctx.forCount(outer, 1, (o) => {
      const v = ctx.local('v128', 'rv');
      ctx.emit(`(local.set ${v} (f32x4.splat ${start}))`);
      const nan = isMax ? ctx.local('v128', 'rn') : null;
      if (nan) ctx.emit(`(local.set ${nan} (v128.const i32x4 0 0 0 0))`);
      ctx.forCount(len, 4, (j) => {
        const x = `(v128.load offset=${is} ${ctx.tileAddr(`(i32.add (i32.mul ${o} (i32.const ${len})) ${j})`)})`;
        if (!nan) return ctx.emit(`(local.set ${v} (f32x4.add (local.get ${v}) ${x}))`);
        const xl = ctx.local('v128', 'rx');
        // NOTE: f32x4.max as pmax both ways AND-ed (a tie of -0 and +0 gives +0, as max) plus a NaN mask OR-ed in at
        // the end: 5 x86 instructions per vector where V8's NaN-keeping f32x4.max takes about 8.
        ctx.emit(`(local.set ${xl} ${x})`);
        ctx.emit(`(local.set ${nan} (v128.or (local.get ${nan}) (f32x4.ne (local.get ${xl}) (local.get ${xl}))))`);
        ctx.emit(`(local.set ${v} (v128.and (f32x4.pmax (local.get ${v}) (local.get ${xl})) (f32x4.pmax (local.get ${xl}) (local.get ${v}))))`);
      }, 'j');
      const total = nan ? `(v128.or (local.get ${v}) (local.get ${nan}))` : `(local.get ${v})`;
      ctx.emit(`(f32.store offset=${os} ${ctx.tileAddr(o)} (call ${isMax ? '$hmax' : '$hsum'} ${total}))`);
    }, 'o');
    return;
  }
  ctx.forCount(outer, 1, (o) => {
    ctx.forCount(inner, 1, (i) => {
      const s = ctx.local(ty, 'rs');
      ctx.emit(`(local.set ${s} ${start})`);
      ctx.forCount(len, 1, (j) => {
        const at = `(i32.add (i32.add (i32.mul ${o} (i32.const ${len * inner})) (i32.mul ${j} (i32.const ${inner}))) ${i})`;
        ctx.emit(`(local.set ${s} ${scalarOp(`(local.get ${s})`, `(${ty}.load offset=${is} ${ctx.tileAddr(at)})`)})`);
      }, 'j');
      ctx.emit(`(${ty}.store offset=${os} ${ctx.tileAddr(`(i32.add (i32.mul ${o} (i32.const ${inner})) ${i})`)} (local.get ${s}))`);
    }, 'i');
  }, 'o');
}

/** Prints NM_EXPAND: packed (values, in-group positions) [R, G*keep] scattered into dense [R, G*group]. */
export function emitNmExpand(ctx: FnContext, n: Node): void {
  const [vals, pos] = n.src as [Node, Node];
  const [R, C] = tileType(vals).shape as [number, number];
  const keep = Number(n.attrs['keep']);
  const group = Number(n.attrs['group']);
  const W = (C / keep) * group;
  const [vs, ps, os] = [ctx.slot(vals), ctx.slot(pos), ctx.slot(n)];
  ctx.emit(`(memory.fill (i32.add (local.get $sb) (i32.const ${os})) (i32.const 0) (i32.const ${R * W * 4}))`);
  ctx.forCount(R, 1, (r) => {
    ctx.forCount(C, 1, (c) => {
      const src = `(i32.add (i32.mul ${r} (i32.const ${C})) ${c})`;
      const dst = `(i32.add (i32.add (i32.mul ${r} (i32.const ${W})) (i32.mul (i32.div_u ${c} (i32.const ${keep})) (i32.const ${group}))) (i32.load offset=${ps} ${ctx.tileAddr(src)}))`;
      const at = ctx.local('i32', 'na');
      ctx.emit(`(local.set ${at} ${ctx.tileAddr(dst)})`);
      ctx.emit(`(f32.store offset=${os} (local.get ${at}) (f32.add (f32.load offset=${os} (local.get ${at})) (f32.load offset=${vs} ${ctx.tileAddr(src)})))`);
    }, 'c');
  }, 'r');
}
