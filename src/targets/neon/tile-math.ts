/**
 * @file Tile math as C: register-blocked matrix products (up to 4 rows x 8 columns of f32 accumulators in
 * vector registers, fused multiply-add against a broadcast element of a), products against a transposed
 * operand read in place (dot products along k, four summed at once by pairwise adds), reductions,
 * transposes and N:M expansion. The blocking follows the wasm printer; the ISA table spells the vectors.
 */
import { dotSkipsZero } from '../../ir/build.js';
import { numel } from '../../ir/dtype.js';
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { CFnContext, isScalar, kindOfNode, tileType } from './context.js';

/**
 * True when DOT `n` reads its transposed operand in place (a @ b0^T as dot products along k: few output
 * columns, or k a multiple of 4 for the register-blocked form): no TRANS tile is needed.
 */
export function dotReadsTransposed(n: Node): boolean {
  const b = n.src[1]!;
  // NOTE: a skip_zero DOT (P.V) reads a materialised TRANS: only the plain forms select zero weights away.
  if (n.op !== Op.DOT || b.op !== Op.TRANS || dotSkipsZero(n)) return false;
  return tileType(n).shape[1]! % 4 !== 0 || tileType(n.src[0]!).shape[1]! % 4 === 0;
}

/** How the accumulator input of a DOT is read: a scalar expression or a tile array. */
type Init = { readonly scalar: string } | { readonly tile: string };

function accReader(ctx: CFnContext, acc: Node): Init {
  if (isScalar(acc)) return { scalar: ctx.val(acc) };
  if (acc.op === Op.BROADCAST && isScalar(acc.src[0]!)) return { scalar: ctx.val(acc.src[0]!) };
  return { tile: ctx.tile(acc) };
}

const initVector = (ctx: CFnContext, init: Init, at: string): string => ('scalar' in init ? ctx.isa.splat.f(init.scalar) : ctx.isa.load.f(`&${init.tile}[${at}]`));
const initScalar = (init: Init, at: string): string => ('scalar' in init ? init.scalar : `${init.tile}[${at}]`);
const plus = (base: string, add: number): string => (add === 0 ? base : base === '0' ? String(add) : `${base} + ${add}`);

/** Prints DOT: out = acc + a @ b. */
export function emitDot(ctx: CFnContext, n: Node): void {
  const [a, b, acc] = n.src as [Node, Node, Node];
  const [M, K] = tileType(a).shape as [number, number];
  const N = tileType(n).shape[1]!;
  const init = accReader(ctx, acc);
  const d: DotShape = { out: ctx.tile(n), a: ctx.tile(a), b: '', init, M, K, N, skipZero: dotSkipsZero(n) };
  if (dotReadsTransposed(n)) {
    const t = { ...d, b: ctx.tile(b.src[0]!) };
    if (N % 4 === 0 && K % 4 === 0) emitDotTransposedBlocked(ctx, t);
    else emitDotTransposed(ctx, t);
    return;
  }
  const plain = { ...d, b: ctx.tile(b) };
  if (N % 4 === 0) emitDotBlocked(ctx, plain);
  else emitDotScalar(ctx, plain);
}

interface DotShape {
  readonly out: string;
  readonly a: string;
  readonly b: string;
  readonly init: Init;
  readonly M: number;
  readonly K: number;
  readonly N: number;
  /** Op.DOT skip_zero: a zero element of `a` contributes nothing, even against a NaN / inf element of `b`. */
  readonly skipZero?: boolean;
}

/**
 * a [M,K] @ b [K,N] with N % 4 == 0: blocks of RB rows x NB vector column groups (up to 4 x 4: 16 accumulators).
 * With K % 4 == 0, k is unrolled by 4: one vector load of a per row feeds 4 lane FMAs per column group.
 */
function emitDotBlocked(ctx: CFnContext, d: DotShape): void {
  const { w, isa } = ctx;
  const { M, K, N } = d;
  const NB = (N / 4) % 4 === 0 ? 4 : (N / 4) % 2 === 0 ? 2 : 1;
  // NOTE: skip_zero broadcasts one element of a at a time so that a zero one can be selected away (sx_fma_nz).
  const kStep = K % 4 === 0 && !d.skipZero ? 4 : 1;
  const RB = M >= 4 ? 4 : M >= 2 ? 2 : 1;
  const mainRows = M - (M % RB);
  const V = isa.vectorType.f;
  const block = (rowFrom: string, rows: number): void => {
    w.forCount(N, 4 * NB, (j) => {
      const accs = Array.from({ length: rows }, (_, r) => Array.from({ length: NB }, (_, v) => {
        const l = ctx.local(V, 'acc');
        w.line(`${l} = ${initVector(ctx, d.init, `(${plus(rowFrom, r)}) * ${N} + ${plus(j, 4 * v)}`)};`);
        return l;
      }));
      const ap = ctx.local('const float *', 'ap');
      const bp = ctx.local('const float *', 'bp');
      w.line(`${ap} = &${d.a}[(${rowFrom}) * ${K}];`);
      w.line(`${bp} = &${d.b}[${j}];`);
      w.forCount(K, kStep, (k) => {
        const av = kStep === 1 ? [] : Array.from({ length: rows }, (_, r) => {
          const l = ctx.local(V, 'a');
          w.line(`${l} = ${isa.load.f(`${ap} + ${r * K} + ${k}`)};`);
          return l;
        });
        for (let kk = 0; kk < kStep; kk++) {
          const bl = Array.from({ length: NB }, (_, v) => {
            const l = ctx.local(V, 'b');
            w.line(`${l} = ${isa.load.f(`${bp} + (${plus(k, kk)}) * ${N} + ${4 * v}`)};`);
            return l;
          });
          for (let r = 0; r < rows; r++) {
            for (let v = 0; v < NB; v++) {
              const acc = accs[r]![v]!;
              const fmaScalar = d.skipZero ? isa.fmaScalarNonzero : isa.fmaScalar;
              w.line(`${acc} = ${kStep === 1 ? fmaScalar(acc, bl[v]!, `${ap}[${r * K} + ${k}]`) : isa.fmaLane(acc, bl[v]!, av[r]!, kk)};`);
            }
          }
        }
      }, 'k');
      for (let r = 0; r < rows; r++) {
        for (let v = 0; v < NB; v++) w.line(isa.store.f(`&${d.out}[(${plus(rowFrom, r)}) * ${N} + ${plus(j, 4 * v)}]`, accs[r]![v]!));
      }
    }, 'jb');
  };
  w.forCount(mainRows, RB, (i) => block(i, RB), 'ib');
  for (let r = mainRows; r < M; r++) block(String(r), 1);
}

/** Row block of the transposed product: 4 rows of a against 4 rows of b0 keep 4 x 4 accumulators in registers. */
const TRANSPOSED_ROWS = 4;

/** a [M,K] @ b0^T for b0 [N,K], N and K multiples of 4: 2 x 4 vector dot products, four summed into one store. */
function emitDotTransposedBlocked(ctx: CFnContext, d: DotShape): void {
  const { w, isa } = ctx;
  const { M, K, N } = d;
  const V = isa.vectorType.f;
  const mainRows = M - (M % TRANSPOSED_ROWS);
  const block = (rowFrom: string, rows: number): void => {
    w.forCount(N, 4, (j) => {
      const accs = Array.from({ length: rows }, () => Array.from({ length: 4 }, () => {
        const l = ctx.local(V, 'tacc');
        w.line(`${l} = ${isa.splat.f('0.0f')};`);
        return l;
      }));
      w.forCount(K, 4, (k) => {
        const bl = Array.from({ length: 4 }, (_, c) => {
          const l = ctx.local(V, 'tb');
          w.line(`${l} = ${isa.load.f(`&${d.b}[(${plus(j, c)}) * ${K} + ${k}]`)};`);
          return l;
        });
        for (let r = 0; r < rows; r++) {
          const av = ctx.local(V, 'ta');
          w.line(`${av} = ${isa.load.f(`&${d.a}[(${plus(rowFrom, r)}) * ${K} + ${k}]`)};`);
          for (let c = 0; c < 4; c++) w.line(`${accs[r]![c]} = ${isa.fma(accs[r]![c]!, av, bl[c]!)};`);
        }
      }, 'tk');
      for (let r = 0; r < rows; r++) {
        const at = `(${plus(rowFrom, r)}) * ${N} + ${j}`;
        w.line(isa.store.f(`&${d.out}[${at}]`, ctx.isa.forms['add:f']!([initVector(ctx, d.init, at), isa.hsum4(accs[r] as [string, string, string, string])])));
      }
    }, 'tj');
  };
  w.forCount(mainRows, TRANSPOSED_ROWS, (i) => block(i, TRANSPOSED_ROWS), 'ti');
  for (let r = mainRows; r < M; r++) block(String(r), 1);
}

/** a [M,K] @ b0^T for b0 [N,K] (few columns): each output is a vector dot along k plus a scalar tail. */
function emitDotTransposed(ctx: CFnContext, d: DotShape): void {
  const { w, isa } = ctx;
  const { M, K, N } = d;
  const vecK = K - (K % 4);
  w.forCount(M, 1, (i) => {
    w.forCount(N, 1, (j) => {
      const sum = ctx.local(isa.vectorType.f, 'dv');
      const tail = ctx.local('f', 'ds');
      w.line(`${sum} = ${isa.splat.f('0.0f')};`);
      w.forCount(vecK, 4, (k) => w.line(`${sum} = ${isa.fma(sum, isa.load.f(`&${d.a}[(${i}) * ${K} + ${k}]`), isa.load.f(`&${d.b}[(${j}) * ${K} + ${k}]`))};`), 'k');
      const at = `(${i}) * ${N} + ${j}`;
      w.line(`${tail} = ${initScalar(d.init, at)}${vecK > 0 ? ` + ${isa.hsum(sum)}` : ''};`);
      for (let k = vecK; k < K; k++) w.line(`${tail} += ${d.a}[(${i}) * ${K} + ${k}] * ${d.b}[(${j}) * ${K} + ${k}];`);
      w.line(`${d.out}[${at}] = ${tail};`);
    }, 'j');
  }, 'i');
}

/** a [M,K] @ b [K,N], one element at a time (odd shapes). */
function emitDotScalar(ctx: CFnContext, d: DotShape): void {
  const { w } = ctx;
  const { M, K, N } = d;
  w.forCount(M, 1, (i) => {
    w.forCount(N, 1, (j) => {
      const s = ctx.local('f', 'ds');
      const at = `(${i}) * ${N} + ${j}`;
      w.line(`${s} = ${initScalar(d.init, at)};`);
      const product = (x: string, y: string): string => (d.skipZero ? `(${x} != 0.0f ? ${x} * ${y} : 0.0f)` : `${x} * ${y}`);
      w.forCount(K, 1, (k) => w.line(`${s} += ${product(`${d.a}[(${i}) * ${K} + ${k}]`, `${d.b}[(${k}) * ${N} + ${j}]`)};`), 'k');
      w.line(`${d.out}[${at}] = ${s};`);
    }, 'j');
  }, 'i');
}

/** Prints TRANS of a 2-d tile. */
export function emitTrans(ctx: CFnContext, n: Node): void {
  const src = n.src[0]!;
  const [R, C] = tileType(src).shape as [number, number];
  const [is, os] = [ctx.tile(src), ctx.tile(n)];
  ctx.w.forCount(R, 1, (r) => ctx.w.forCount(C, 1, (c) => ctx.w.line(`${os}[(${c}) * ${R} + ${r}] = ${is}[(${r}) * ${C} + ${c}];`), 'c'), 'r');
}

/** Prints REDUCE_MAX / REDUCE_SUM along axis `arg` (kept as size 1). */
export function emitReduce(ctx: CFnContext, n: Node): void {
  const { w, isa } = ctx;
  const src = n.src[0]!;
  const isMax = n.op === Op.REDUCE_MAX;
  const kind = kindOfNode(n);
  if (isScalar(src)) {
    w.line(`${ctx.scalarVar(n)} = ${ctx.val(src)};`);
    return;
  }
  const shape = tileType(src).shape;
  const axis = n.arg as number;
  const outer = numel(shape.slice(0, axis));
  const len = shape[axis]!;
  const inner = numel(shape.slice(axis + 1));
  const [is, os] = [ctx.tile(src), ctx.tile(n)];
  const combine = (x: string, y: string): string => (isMax ? (kind === 'f' ? `sx_fmax(${x}, ${y})` : `sx_imax(${x}, ${y})`) : `${x} + ${y}`);
  const start = ctx.lit(kind, isMax ? (kind === 'f' ? -Infinity : -2147483648) : 0);
  if (kind === 'f' && inner === 1 && len % 4 === 0) {
    w.forCount(outer, 1, (o) => {
      const v = ctx.local(isa.vectorType.f, 'rv');
      w.line(`${v} = ${isa.splat.f(start)};`);
      w.forCount(len, 4, (j) => w.line(`${v} = ${isa.forms[isMax ? 'max:f' : 'add:f']!([v, isa.load.f(`&${is}[(${o}) * ${len} + ${j}]`)])};`), 'j');
      w.line(`${os}[${o}] = ${isMax ? isa.hmax(v) : isa.hsum(v)};`);
    }, 'o');
    return;
  }
  w.forCount(outer, 1, (o) => {
    w.forCount(inner, 1, (i) => {
      const s = ctx.local(kind, 'rs');
      w.line(`${s} = ${start};`);
      w.forCount(len, 1, (j) => w.line(`${s} = ${combine(s, `${is}[(${o}) * ${len * inner} + (${j}) * ${inner} + ${i}]`)};`), 'j');
      w.line(`${os}[(${o}) * ${inner} + ${i}] = ${s};`);
    }, 'i');
  }, 'o');
}

/** Prints NM_EXPAND: packed (values, in-group positions) [R, G*keep] scattered into dense [R, G*group]. */
export function emitNmExpand(ctx: CFnContext, n: Node): void {
  const w = ctx.w;
  const [vals, pos] = n.src as [Node, Node];
  const [R, C] = tileType(vals).shape as [number, number];
  const keep = Number(n.attrs['keep']);
  const group = Number(n.attrs['group']);
  const W = (C / keep) * group;
  const [vs, ps, os] = [ctx.tile(vals), ctx.tile(pos), ctx.tile(n)];
  w.line(`memset(${os}, 0, sizeof(float) * ${R * W});`);
  w.forCount(R, 1, (r) => w.forCount(C, 1, (c) => {
    w.line(`${os}[(${r}) * ${W} + ((${c}) / ${keep}) * ${group} + ${ps}[(${r}) * ${C} + ${c}]] += ${vs}[(${r}) * ${C} + ${c}];`);
  }, 'c'), 'r');
}
