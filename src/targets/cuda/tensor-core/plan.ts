/**
 * @file Whether a kernel takes the tensor-core path, and the roles of its nodes there: the schedule's `mma`
 * (targets/cuda.json: "m16n8k16"; "none" turns it off) asks for it, and the final IR must be prefill attention
 * in f16 / bf16 whose tiles fit the m16n8k16 fragment layouts: a warp owns 16 query rows (tile_q / 16 warps),
 * S = Q K^T and O += P V are the only DOTs, head_dim, value_dim and tile_k are multiples of 16, and every other
 * tile is a row ([tile_q, 1]), a column ([1, n]) or a fragment tile ([tile_q, n]) of the score or output width.
 * Anything else is printed by the SIMT path; the reason is kept for the manifest.
 */
import type { Scalar } from '../../../ir/dtype.js';
import { Node, loopParts, toposort } from '../../../ir/node.js';
import { Op, OpGroup } from '../../../ir/ops.js';
import { bufferRoot } from '../../simt/layout.js';

/** The mma shapes the printer knows (the schedule key `mma`). */
export const MMA_SHAPES = ['m16n8k16'] as const;
export type MmaShape = (typeof MMA_SHAPES)[number];

/** Storage dtypes the m16n8k16 path multiplies (its A / B operands), with the mma and pack spellings. */
export const MMA_DTYPES: Readonly<Partial<Record<Scalar, { readonly mma: string; readonly pack: string; readonly widen: string; readonly nonFinite: string }>>> = {
  bf16: { mma: 'SPARSEC_MMA_16816_BF16', pack: 'tc_pack_bf16', widen: 'sp_bf16_to_f32', nonFinite: '0x7f80u' },
  f16: { mma: 'SPARSEC_MMA_16816_F16', pack: 'tc_pack_f16', widen: 'sp_f16_to_f32', nonFinite: '0x7c00u' },
};

/** How a tile value is spread over a warp's lanes (every class is held per lane in registers). */
export type FragClass = 'scalar' | 'unit' | 'rows' | 'cols' | 'tile';

/** A staged operand of an mma: Q (A fragments in registers), K (B through ldmatrix), V (B through ldmatrix .trans). */
export type Role = 'q' | 'k' | 'v';

/** What the tensor-core printer needs to know about one kernel. */
export interface TensorCorePlan {
  readonly mma: MmaShape;
  readonly dtype: 'f16' | 'bf16';
  /** Query rows per block (16 per warp), keys per tile, head_dim, value_dim. */
  readonly tq: number;
  readonly tk: number;
  readonly d: number;
  readonly dv: number;
  readonly warps: number;
  /** Q / K / V tile loads and what each is. */
  readonly roles: ReadonlyMap<Node, Role>;
  /** DOTs S = Q K^T (score) and O += P V (value). */
  readonly scoreDots: ReadonlySet<Node>;
  readonly valueDots: ReadonlySet<Node>;
}

/** Either a plan or why the kernel stays on the SIMT path. */
export type PlanResult = { readonly ok: true; readonly plan: TensorCorePlan } | { readonly ok: false; readonly reason: string };

const shapeOf = (n: Node): readonly number[] => (n.type.kind === 'tile' ? n.type.shape : []);

/** Ops the fragment printer spells (element-wise ones come from the C tables). */
const SUPPORTED = new Set<Op>([
  Op.KERNEL, Op.PARAM, Op.RANGE, Op.ITER, Op.LOOP, Op.RESULT, Op.IF, Op.LOAD, Op.STORE, Op.GATHER, Op.MEMBER, Op.CONST, Op.IOTA,
  Op.TABLE, Op.BROADCAST, Op.TRANS, Op.DOT, Op.REDUCE_MAX, Op.REDUCE_SUM, Op.CAST, ...OpGroup.Unary, ...OpGroup.Binary, ...OpGroup.Ternary,
]);

/** The fragment class of a value of `shape` in a kernel with `tq` query rows (null: no class fits). */
export function fragClass(shape: readonly number[], tq: number, widths: readonly number[]): FragClass | null {
  if (shape.length === 0) return 'scalar';
  if (shape.length !== 2) return null;
  const [r, c] = shape as [number, number];
  if (r === 1 && c === 1) return 'unit';
  if (r === tq && c === 1) return 'rows';
  if (!widths.includes(c)) return null;
  return r === 1 ? 'cols' : r === tq ? 'tile' : null;
}

const fail = (reason: string): PlanResult => ({ ok: false, reason });

/** Most warps per block of the tensor-core path (8 warps, tile_q 128, spill 632 B at 255 registers: over the gate). */
export const MAX_WARPS = 4;

/** Decides the path of `kernel` (final IR) for `mma` (the schedule's value). */
export function planTensorCore(kernel: Node, mma: string | undefined): PlanResult {
  if (mma === undefined || mma === 'none') return fail('the schedule sets no mma shape');
  if (!(MMA_SHAPES as readonly string[]).includes(mma)) return fail(`mma '${mma}' is not one of ${MMA_SHAPES.join(', ')}`);
  const all = toposort([kernel]);
  const dots = all.filter((n) => n.op === Op.DOT);
  const users = new Map<Node, Node[]>();
  for (const n of all) for (const s of new Set(n.src)) users.set(s, [...(users.get(s) ?? []), n]);
  // NOTE: GQA packing repeats the key loop per packed head over the same (interned) K and V tiles, so a tile may feed several DOTs of its kind.
  const only = (n: Node, ok: (user: Node) => boolean): boolean => (users.get(n) ?? []).every(ok);
  const isScore = (u: Node): boolean => u.op === Op.DOT && u.src[1]!.op === Op.TRANS;
  const isValue = (u: Node): boolean => u.op === Op.DOT && u.src[1]!.op === Op.LOAD;
  const roles = new Map<Node, Role>();
  const scoreDots = new Set<Node>();
  const valueDots = new Set<Node>();
  let tq = 0, tk = 0, d = 0, dv = 0;
  const dtypes = new Set<Scalar>();
  const staged = (load: Node, role: Role): boolean => {
    const buf = bufferRoot(load.src[0]!);
    if (load.op !== Op.LOAD || buf.op !== Op.PARAM || buf.type.kind !== 'ptr' || shapeOf(load).length !== 2) return false;
    dtypes.add(buf.type.scalar);
    roles.set(load, role);
    return true;
  };
  for (const dot of dots) {
    const [a, b] = dot.src as [Node, Node, Node];
    if (b.op === Op.TRANS && staged(a, 'q') && staged(b.src[0]!, 'k') && only(a, isScore) && only(b, isScore) && only(b.src[0]!, (u) => u === b)) {
      [tq, d] = shapeOf(a) as [number, number];
      tk = shapeOf(b.src[0]!)[0]!;
      scoreDots.add(dot);
    } else if (b.op === Op.LOAD && staged(b, 'v') && only(b, isValue) && !roles.has(a)) {
      dv = shapeOf(b)[1]!;
      valueDots.add(dot);
    } else {
      return fail(`DOT %${dot.id} is neither S = Q K^T nor O += P V of staged tiles`);
    }
  }
  if (scoreDots.size === 0 || valueDots.size === 0) return fail('not attention with both S = Q K^T and O += P V');
  const dtype = [...dtypes][0]!;
  if (dtypes.size !== 1 || (dtype !== 'f16' && dtype !== 'bf16')) return fail(`Q, K, V are ${[...dtypes].join('/')}, not one of f16, bf16`);
  for (const n of roles.keys()) {
    const [r, c] = shapeOf(n) as [number, number];
    const want = roles.get(n) === 'q' ? [tq, d] : roles.get(n) === 'k' ? [tk, d] : [tk, dv];
    if (r !== want[0] || c !== want[1]) return fail('Q, K and V tiles differ in size between DOTs');
  }
  // NOTE: a warp owns 16 query rows, so tile_q sets the warps per block (num_warps is the SIMT path's).
  const warps = tq / 16;
  if (!Number.isInteger(warps) || warps > MAX_WARPS) return fail(`tile_q ${tq} is not 16 query rows per warp for 1-${MAX_WARPS} warps`);
  if (d % 16 !== 0 || dv % 16 !== 0 || tk % 16 !== 0) return fail(`head_dim ${d}, value_dim ${dv} and tile_k ${tk} must be multiples of 16`);
  for (const dot of valueDots) if (shapeOf(dot.src[0]!)[1] !== tk) return fail('P and V tiles differ in key count');
  for (const n of all) {
    if (!SUPPORTED.has(n.op)) return fail(`op ${n.op} has no fragment spelling`);
    if (n.op === Op.LOOP && loopParts(n).bind === 'block') return fail('a loop is bound to the block');
    if ((n.op === Op.REDUCE_MAX || n.op === Op.REDUCE_SUM) && (n.arg !== 1 || fragClass(shapeOf(n.src[0]!), tq, [tk, dv]) !== 'tile')) {
      return fail(`reduction %${n.id} is not along the keys of a fragment tile`);
    }
    if (n.op === Op.TRANS && ![...scoreDots].some((s) => s.src[1] === n)) return fail(`TRANS %${n.id} is not K^T`);
    if (n.type.kind === 'tile' && !roles.has(n) && n.op !== Op.TRANS && fragClass(shapeOf(n), tq, [tk, dv]) === null) {
      return fail(`%${n.id} (${n.op}, [${shapeOf(n).join(',')}]) has no fragment layout`);
    }
  }
  return { ok: true, plan: { mma: mma as MmaShape, dtype, tq, tk, d, dv, warps, roles, scoreDots, valueDots } };
}
