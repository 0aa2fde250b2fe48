/**
 * @file Types of IR values: tiles of a scalar type with a static shape (rank 0 is a scalar),
 * pointers into a memory space, and void (effects, loops). Types are interned: equal means identical.
 */

/**
 * Element types. f16/bf16 are buffer element types and tile types: a LOAD from an f16/bf16 buffer yields an
 * f16/bf16 tile, which view ops (TRANS, RESHAPE, BROADCAST, NM_EXPAND) keep, CAST converts and DOT takes as
 * operands; element-wise math and reductions run in f32 (the builder casts). The `widen-tiles` pass retypes
 * them to f32 on a target whose table computes in f32 (`native_half`).
 */
export type Scalar = 'f32' | 'f16' | 'bf16' | 'i32' | 'u8' | 'bool';

/** Memory spaces of buffers. */
export type Space = 'global' | 'shared' | 'register';

/** The fragment of an mma a tile is in: its A operand, its B operand, or its accumulator (per-lane registers). */
export type FragmentKind = 'mma_a' | 'mma_b' | 'mma_acc';

/**
 * How a 2-d tile's elements are placed (ready for the cuda issue; no pass produces one other than `row_major` yet):
 * `row_major` (the default, never printed), `swizzle(vec,per_phase,max_phase)` (shared memory whose 16-byte vectors
 * of `vec` elements are XOR-swizzled by (row / per_phase) % max_phase, as Triton's swizzled shared layout), or an mma
 * fragment. Values do not depend on it: only CONVERT_LAYOUT changes it, and the interpreter reads it as identity.
 */
export type Layout = 'row_major' | FragmentKind | `swizzle(${number},${number},${number})`;

/** Every fragment kind. */
export const FRAGMENT_KINDS: readonly FragmentKind[] = ['mma_a', 'mma_b', 'mma_acc'];

/** The swizzled shared-memory layout (positive integers). */
export function swizzle(vec: number, perPhase: number, maxPhase: number): Layout {
  if (![vec, perPhase, maxPhase].every((v) => Number.isInteger(v) && v >= 1)) throw new Error(`swizzle(${vec},${perPhase},${maxPhase}): parameters must be positive integers`);
  return `swizzle(${vec},${perPhase},${maxPhase})`;
}

/** Parses a layout from its text form; throws on anything else. */
export function parseLayout(text: string): Layout {
  if (text === 'row_major' || (FRAGMENT_KINDS as readonly string[]).includes(text)) return text as Layout;
  const m = /^swizzle\((\d+),(\d+),(\d+)\)$/.exec(text);
  if (!m) throw new Error(`bad layout '${text}' (row_major, ${FRAGMENT_KINDS.join(', ')} or swizzle(vec,per_phase,max_phase))`);
  return swizzle(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A tile of `scalar` with a static `shape` ([] for a scalar) and a layout (row_major unless a pass says otherwise). */
export interface TileType {
  readonly kind: 'tile';
  readonly scalar: Scalar;
  readonly shape: readonly number[];
  readonly layout: Layout;
  readonly key: string;
}

/** A buffer pointer with its element type and memory space. */
export interface PtrType {
  readonly kind: 'ptr';
  readonly scalar: Scalar;
  readonly space: Space;
  readonly key: string;
}

/** No value (stores, barriers, loops, the kernel). */
export interface VoidType {
  readonly kind: 'void';
  readonly key: 'void';
}

/** Any IR type. */
export type IRType = TileType | PtrType | VoidType;

const SCALARS: ReadonlySet<string> = new Set(['f32', 'f16', 'bf16', 'i32', 'u8', 'bool']);
const SPACES: ReadonlySet<string> = new Set(['global', 'shared', 'register']);
const cache = new Map<string, IRType>();

/** The tile type `scalar[shape]`, or `scalar[shape]@layout` for a layout other than row_major (interned). */
export function tile(scalar: Scalar, shape: readonly number[] = [], layout: Layout = 'row_major'): TileType {
  const key = `${shape.length === 0 ? scalar : `${scalar}[${shape.join(',')}]`}${layout === 'row_major' ? '' : `@${layout}`}`;
  let t = cache.get(key);
  if (!t) {
    t = Object.freeze({ kind: 'tile', scalar, shape: Object.freeze([...shape]), layout, key }) as TileType;
    cache.set(key, t);
  }
  return t as TileType;
}

/** The pointer type `ptr<scalar,space>` (interned). */
export function ptr(scalar: Scalar, space: Space = 'global'): PtrType {
  const key = `ptr<${scalar},${space}>`;
  let t = cache.get(key);
  if (!t) {
    t = Object.freeze({ kind: 'ptr', scalar, space, key }) as PtrType;
    cache.set(key, t);
  }
  return t as PtrType;
}

/** The void type. */
export const VOID: VoidType = Object.freeze({ kind: 'void', key: 'void' });

/** Scalar i32, f32 and bool types. */
export const I32 = tile('i32');
export const F32 = tile('f32');
export const BOOL = tile('bool');

/** Number of elements of a tile shape. */
export function numel(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

/** True for the 16-bit float types f16 and bf16. */
export function isHalf(s: Scalar): s is 'f16' | 'bf16' {
  return s === 'f16' || s === 'bf16';
}

/** True for a tile of f16 / bf16. */
export function isHalfTile(t: IRType): t is TileType & { readonly scalar: 'f16' | 'bf16' } {
  return t.kind === 'tile' && isHalf(t.scalar);
}

/** True for float scalar types. */
export function isFloat(s: Scalar): boolean {
  return s === 'f32' || s === 'f16' || s === 'bf16';
}

/** Numpy broadcasting of shapes; throws when they do not broadcast. */
export function broadcastShapes(shapes: readonly (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const d = s[s.length - 1 - i]!;
      const j = rank - 1 - i;
      if (out[j] === 1) out[j] = d;
      else if (d !== 1 && d !== out[j]) throw new Error(`shapes [${shapes.map((x) => x.join(',')).join('] [')}] do not broadcast`);
    }
  }
  return out;
}

/** Parses a type from its text form (`f32[64,1]`, `f16[64,64]@mma_a`, `i32`, `ptr<f16,global>`, `void`). */
export function parseType(text: string): IRType {
  const s = text.trim();
  if (s === 'void') return VOID;
  const p = /^ptr<(\w+),(\w+)>$/.exec(s);
  if (p) {
    if (!SCALARS.has(p[1]!) || !SPACES.has(p[2]!)) throw new Error(`bad pointer type '${s}'`);
    return ptr(p[1] as Scalar, p[2] as Space);
  }
  const t = /^(\w+)(?:\[([\d,]*)\])?(?:@(.+))?$/.exec(s);
  if (!t || !SCALARS.has(t[1]!)) throw new Error(`bad type '${s}'`);
  const shape = t[2] === undefined || t[2] === '' ? [] : t[2].split(',').map(Number);
  return tile(t[1] as Scalar, shape, t[3] === undefined ? 'row_major' : parseLayout(t[3]));
}
