/**
 * @file Tile values of the IR interpreter and the tight loops that implement tile ops on
 * Float32Array / Int32Array. Element-wise kernels are generated once per op and operand kinds, so
 * every op is one monomorphic loop; storing into a Float32Array rounds each result to f32.
 */
import { erf } from '../../reference/gemm.js';
import { popcount32, sortedContains } from '../../model/eval.js';
import { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits } from '../../runtime/half.js';

/** Rounds an f32 value to the nearest f16 (ties to even), as the hardware converts. */
export const roundF16 = (x: number): number => f16BitsToF32(f32ToF16Bits(x));
/** Rounds an f32 value to the nearest bf16 (ties to even). */
export const roundBF16 = (x: number): number => bf16BitsToF32(f32ToBf16Bits(x));

/** A tile: row-major data with a static shape. Scalars are plain numbers, not tiles. */
export interface Tile {
  readonly shape: readonly number[];
  readonly data: Float32Array | Int32Array;
}

/** A buffer: global input/output or scratch. */
export interface Buffer {
  readonly kind: 'buffer';
  readonly data: Float32Array | Int32Array | Uint8Array;
  /** Rounds a stored value to the buffer's dtype (f16 / bf16 storage); identity otherwise. */
  readonly round: ((x: number) => number) | null;
}

/** Any interpreter value. Loops evaluate to the array of their final carried values. */
export type Value = number | Tile | Buffer | Value[] | undefined;

/** Number of elements of a shape. */
export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A new zero tile. */
export function newTile(shape: readonly number[], float: boolean): Tile {
  const n = numel(shape);
  return { shape, data: float ? new Float32Array(n) : new Int32Array(n) };
}

/** The value `v` (scalar or tile) materialised as a flat array of `shape` (numpy broadcasting). */
export function broadcastData(v: number | Tile, shape: readonly number[], float: boolean): Float32Array | Int32Array {
  const n = numel(shape);
  const out = float ? new Float32Array(n) : new Int32Array(n);
  if (typeof v === 'number') return out.fill(v);
  if (v.data.length === n) {
    out.set(v.data);
    return out;
  }
  const rank = shape.length;
  const src = v.shape;
  const strides = new Array<number>(rank).fill(0);
  let st = 1;
  for (let i = src.length - 1; i >= 0; i--) {
    const j = rank - src.length + i;
    strides[j] = src[i] === 1 ? 0 : st;
    st *= src[i]!;
  }
  const idx = new Array<number>(rank).fill(0);
  let off = 0;
  for (let i = 0; i < n; i++) {
    out[i] = v.data[off]!;
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]!++;
      off += strides[d]!;
      if (idx[d]! < shape[d]!) break;
      off -= strides[d]! * shape[d]!;
      idx[d] = 0;
    }
  }
  return out;
}

/** JS expression templates of element-wise ops over `a`, `b`, `c` (r is a scratch variable). */
export const ELEMENTWISE: Readonly<Record<string, string>> = {
  neg: '-a', not: '(a ? 0 : 1)', abs: 'Math.abs(a)', popcount: 'popcount(a)', exp: 'Math.exp(a)', log: 'Math.log(a)',
  tanh: 'Math.tanh(a)', sqrt: 'Math.sqrt(a)', sin: 'Math.sin(a)', cos: 'Math.cos(a)', exp2: '(2 ** a)', log2: 'Math.log2(a)', floor: 'Math.floor(a)', erf: 'erf(a)',
  'cast:f32': 'a', 'cast:f16': 'f16(a)', 'cast:bf16': 'bf16(a)', 'cast:i32': '(Math.trunc(a) | 0)', 'cast:bool': '(a ? 1 : 0)',
  add: 'a + b', sub: 'a - b', mul: 'a * b', div: 'a / b',
  idiv: '(b === 0 ? 0 : Math.floor(a / b))',
  mod: '(b === 0 ? 0 : (r = a % b, r !== 0 && (r < 0) !== (b < 0) ? r + b : r))',
  min: 'Math.min(a, b)', max: 'Math.max(a, b)', and: '(a & b)', or: '(a | b)', xor: '(a ^ b)', shl: '(a << b)', shr: '(a >> b)',
  eq: '(a === b ? 1 : 0)', ne: '(a !== b ? 1 : 0)', lt: '(a < b ? 1 : 0)', le: '(a <= b ? 1 : 0)', gt: '(a > b ? 1 : 0)', ge: '(a >= b ? 1 : 0)',
  softmax_exp: '(a === -Infinity ? 0 : Math.exp(a - b))',
  where: '(a ? b : c)', mad: 'Math.fround(a * b) + c',
};

type ArrayKernel = (out: Float32Array | Int32Array, ...args: (number | Float32Array | Int32Array)[]) => void;
type ScalarKernel = (a: number, b: number, c: number) => number;
const arrayKernels = new Map<string, ArrayKernel>();
const scalarKernels = new Map<string, ScalarKernel>();
const HELPERS = { popcount: popcount32, erf, f16: roundF16, bf16: roundBF16 };

function arrayKernel(key: string, kinds: string): ArrayKernel {
  const id = `${key}|${kinds}`;
  let k = arrayKernels.get(id);
  if (!k) {
    const names = ['a', 'b', 'c'].slice(0, kinds.length);
    const setup = names.map((v, i) => (kinds[i] === 's' ? `const ${v} = ${v.toUpperCase()};` : '')).join(' ');
    const reads = names.map((v, i) => (kinds[i] === 'a' ? `const ${v} = ${v.toUpperCase()}[i];` : '')).join(' ');
    const body = `${setup} let r = 0; const n = O.length; for (let i = 0; i < n; i++) { ${reads} O[i] = ${ELEMENTWISE[key]}; } void r;`;
    const f = new Function('H', `const { popcount, erf, f16, bf16 } = H; return function (O, ${names.map((v) => v.toUpperCase()).join(', ')}) { ${body} };`);
    k = f(HELPERS) as ArrayKernel;
    arrayKernels.set(id, k);
  }
  return k;
}

function scalarKernel(key: string): ScalarKernel {
  let k = scalarKernels.get(key);
  if (!k) {
    const f = new Function('H', `const { popcount, erf, f16, bf16 } = H; return function (a, b, c) { let r = 0; void r; return ${ELEMENTWISE[key]}; };`);
    k = f(HELPERS) as ScalarKernel;
    scalarKernels.set(key, k);
  }
  return k;
}

/** Applies element-wise op `key` to scalar/tile operands, producing a value of `shape`. */
export function elementwise(key: string, args: readonly (number | Tile)[], shape: readonly number[], float: boolean): number | Tile {
  if (shape.length === 0) {
    const v = scalarKernel(key)(args[0] as number, (args[1] ?? 0) as number, (args[2] ?? 0) as number);
    return float ? Math.fround(v) : v | 0;
  }
  const n = numel(shape);
  let kinds = '';
  const flat = args.map((a) => {
    if (typeof a === 'number') {
      kinds += 's';
      return a;
    }
    kinds += 'a';
    return a.data.length === n ? a.data : broadcastData(a, shape, a.data instanceof Float32Array);
  });
  const out = newTile(shape, float);
  arrayKernel(key, kinds)(out.data, ...flat);
  return out;
}

/** acc + a @ b for a [M, K], b [K, N], acc [M, N]; `skipZero`: zero a elements contribute nothing (Op.DOT). */
export function dot(a: Tile, b: Tile, acc: Tile | number, skipZero: boolean): Tile {
  const [M, K] = a.shape as [number, number];
  const N = b.shape[1]!;
  const out = new Float32Array(M * N);
  if (typeof acc === 'number') out.fill(acc);
  else out.set(acc.data);
  const A = a.data;
  const Bd = b.data;
  for (let i = 0; i < M; i++) {
    const row = i * N;
    for (let kk = 0; kk < K; kk++) {
      const av = A[i * K + kk]!;
      if (av === 0 && skipZero) continue;
      const brow = kk * N;
      for (let j = 0; j < N; j++) out[row + j] += av * Bd[brow + j]!;
    }
  }
  return { shape: [M, N], data: out };
}

/** `t` with every element rounded by `round` (a DOT operand of a 16-bit type converted as an mma converts it). */
export function roundTile(t: Tile, round: (x: number) => number): Tile {
  const out = new Float32Array(t.data.length);
  for (let i = 0; i < out.length; i++) out[i] = round(t.data[i]!);
  return { shape: t.shape, data: out };
}

/** a @ b^T for a [M, K], b [N, K] (the Q K^T shape), added to acc. */
export function dotTransB(a: Tile, b: Tile, acc: Tile | number): Tile {
  const [M, K] = a.shape as [number, number];
  const N = b.shape[0]!;
  const out = new Float32Array(M * N);
  if (typeof acc === 'number') out.fill(acc);
  else out.set(acc.data);
  const A = a.data;
  const Bd = b.data;
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let kk = 0; kk < K; kk++) s = Math.fround(s + Math.fround(A[i * K + kk]! * Bd[j * K + kk]!));
      out[i * N + j] += s;
    }
  }
  return { shape: [M, N], data: out };
}

/** 2-d transpose. */
export function transpose(a: Tile): Tile {
  const [R, C] = a.shape as [number, number];
  const out = a.data instanceof Float32Array ? new Float32Array(R * C) : new Int32Array(R * C);
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) out[c * R + r] = a.data[r * C + c]!;
  return { shape: [C, R], data: out };
}

/** Max or sum along `axis`, kept as size 1. */
export function reduceAxis(a: Tile | number, axis: number, isMax: boolean, float: boolean): Tile | number {
  if (typeof a === 'number') return a;
  const shape = a.shape;
  const outer = numel(shape.slice(0, axis));
  const len = shape[axis]!;
  const inner = numel(shape.slice(axis + 1));
  const out = newTile(shape.map((d, i) => (i === axis ? 1 : d)), float);
  const D = a.data;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let acc = isMax ? -Infinity : 0;
      const base = o * len * inner + i;
      for (let j = 0; j < len; j++) {
        const v = D[base + j * inner]!;
        acc = isMax ? (v > acc ? v : acc) : float ? Math.fround(acc + v) : acc + v;
      }
      out.data[o * inner + i] = acc;
    }
  }
  return out;
}

/** Strided N-d load with valid extents (zero outside). */
export function loadTile(buf: Buffer, base: number, strides: readonly number[], valid: readonly number[], shape: readonly number[], float: boolean): Tile | number {
  const src = buf.data;
  if (shape.length === 0) return valid.length === 0 && base >= 0 && base < src.length ? src[base]! : 0;
  const out = newTile(shape, float);
  const o = out.data;
  const rank = shape.length;
  const inner = shape[rank - 1]!;
  const innerValid = Math.min(inner, valid[rank - 1]!);
  const innerStride = strides[rank - 1]!;
  forEachValidRow(shape, strides, valid, base, (r, off) => {
    const dst = r * inner;
    if (innerStride === 1 && off >= 0 && off + innerValid <= src.length) {
      for (let c = 0; c < innerValid; c++) o[dst + c] = src[off + c]!;
    } else {
      for (let c = 0; c < innerValid; c++) {
        const p = off + c * innerStride;
        if (p >= 0 && p < src.length) o[dst + c] = src[p]!;
      }
    }
  });
  return out;
}

/** Strided N-d store of `value` inside the valid extents, rounding to the buffer dtype. */
export function storeTile(buf: Buffer, base: number, strides: readonly number[], valid: readonly number[], value: Tile | number): void {
  const dst = buf.data;
  const round = buf.round;
  if (typeof value === 'number') {
    if (base >= 0 && base < dst.length) dst[base] = round ? round(value) : value;
    return;
  }
  const shape = value.shape;
  const rank = shape.length;
  const src = value.data;
  const inner = shape[rank - 1]!;
  const innerValid = Math.min(inner, valid[rank - 1]!);
  const innerStride = strides[rank - 1]!;
  forEachValidRow(shape, strides, valid, base, (r, off) => {
    for (let c = 0; c < innerValid; c++) {
      const p = off + c * innerStride;
      if (p < 0 || p >= dst.length) throw new Error(`interp: store out of bounds (${p} of ${dst.length})`);
      const v = src[r * inner + c]!;
      dst[p] = round ? round(v) : v;
    }
  });
}

/**
 * Calls `visit(row, offset)` for every row (all axes but the last) of a strided N-d tile whose indices lie
 * inside the valid extents; `offset` is the buffer position of the row's first element.
 */
function forEachValidRow(shape: readonly number[], strides: readonly number[], valid: readonly number[], base: number, visit: (row: number, offset: number) => void): void {
  const rank = shape.length;
  const rows = numel(shape.slice(0, -1));
  const idx = new Array<number>(rank - 1).fill(0);
  for (let r = 0; r < rows; r++) {
    let ok = true;
    let off = base;
    for (let d = 0; d < rank - 1; d++) {
      if (idx[d]! >= valid[d]!) ok = false;
      off += idx[d]! * strides[d]!;
    }
    if (ok) visit(r, off);
    for (let d = rank - 2; d >= 0; d--) {
      if (++idx[d]! < shape[d]!) break;
      idx[d] = 0;
    }
  }
}

/** A value read from a bool buffer as 0 / 1: any nonzero byte is true (IR LOAD / GATHER of bool). */
export function truthy(v: Tile | number): Tile | number {
  if (typeof v === 'number') return v ? 1 : 0;
  const d = v.data;
  for (let i = 0; i < d.length; i++) if (d[i]) d[i] = 1;
  return v;
}

/** Element-wise gather buf[index] (0 outside [0, length)). */
export function gatherTile(buf: Buffer, index: Tile | number, length: number, float: boolean): Tile | number {
  const src = buf.data;
  const lim = Math.min(length, src.length);
  if (typeof index === 'number') return index >= 0 && index < lim ? src[index]! : 0;
  const out = newTile(index.shape, float);
  const I = index.data;
  for (let i = 0; i < I.length; i++) {
    const j = I[i]!;
    if (j >= 0 && j < lim) out.data[i] = src[j]!;
  }
  return out;
}


/** Ragged-list membership of `value` in list `list` (broadcast together). */
export function memberTile(offsets: Buffer, values: Buffer, list: Tile | number, value: Tile | number, lists: number, shape: readonly number[]): Tile | number {
  const off = offsets.data;
  const nLists = Math.min(lists, off.length - 1);
  const one = (l: number, x: number): number => (l >= 0 && l < nLists ? (sortedContains(values.data, off[l]!, off[l + 1]!, x) ? 1 : 0) : 0);
  if (shape.length === 0) return one(list as number, value as number);
  const L = typeof list === 'number' ? null : broadcastData(list, shape, false);
  const X = typeof value === 'number' ? null : broadcastData(value, shape, false);
  const out = newTile(shape, false);
  for (let i = 0; i < out.data.length; i++) out.data[i] = one(L ? L[i]! : (list as number), X ? X[i]! : (value as number));
  return out;
}

/** Expands an N:M packed tile (values, in-group indices) [R, G*keep] to dense [R, G*group]. */
export function nmExpand(vals: Tile, idx: Tile, keep: number, group: number): Tile {
  const [R, C] = vals.shape as [number, number];
  const W = (C / keep) * group;
  const out = new Float32Array(R * W);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const v = vals.data[r * C + c]!;
      if (v !== 0) out[r * W + Math.floor(c / keep) * group + idx.data[r * C + c]!] += v;
    }
  }
  return { shape: [R, W], data: out };
}
