/**
 * @file Element-wise ops (unary, binary, ternary, broadcast) as C: the scalar form from the C spelling layer,
 * the vector form from the ISA table, and one loop-nest printer with numpy broadcasting that collapses
 * contiguous dimensions and runs the innermost one a vector at a time when every operand allows it.
 */
import type { Node } from '../../ir/node.js';
import { Op, OpGroup } from '../../ir/ops.js';
import { CAST_FORMS, addIndex, broadcastStrides, collapse, mulIndex, scalarForms, type CForm, type CastKey, type ElementwiseOp } from '../c/index.js';
import { CFnContext, isScalar, kindOfNode, tileType } from './context.js';
import type { VectorForm } from './isa.js';

/** Scalar and (optional) vector forms of one element-wise op application. */
export interface MapForm {
  readonly scalar: CForm;
  readonly vector?: VectorForm;
}

/** The form key of an element-wise node (`op:kind`, casts `cast:to:from`, broadcasts `copy:kind`). */
function formKey(n: Node): string {
  const out = kindOfNode(n);
  if (n.op === Op.BROADCAST) return `copy:${out}`;
  if (n.op === Op.CAST) return `cast:${castTarget(n)}:${kindOfNode(n.src[0]!)}`;
  if (OpGroup.Compare.has(n.op)) return `${n.op}:${kindOfNode(n.src[0]!)}`;
  if (n.op === Op.WHERE) return `where:${kindOfNode(n.src[1]!)}`;
  return `${n.op}:${out}`;
}

function castTarget(n: Node): 'f32' | 'i32' | 'bool' {
  const s = tileType(n).scalar;
  return s === 'bool' ? 'bool' : kindOfNode(n) === 'f' ? 'f32' : 'i32';
}

/** The scalar and vector forms of element-wise node `n`. */
function formOf(ctx: CFnContext, n: Node): MapForm {
  const vector = ctx.isa.forms[formKey(n)];
  if (n.op === Op.BROADCAST) return { scalar: ([a]) => a!, ...(vector ? { vector } : {}) };
  if (n.op === Op.CAST) return { scalar: CAST_FORMS[`${castTarget(n)}:${kindOfNode(n.src[0]!)}` as CastKey], ...(vector ? { vector } : {}) };
  const kindFrom = OpGroup.Compare.has(n.op) ? n.src[0]! : n.op === Op.WHERE ? n.src[1]! : n;
  const scalar = scalarForms(ctx.lang)[n.op as ElementwiseOp]?.[kindOfNode(kindFrom)];
  if (!scalar) throw new Error(`neon: no element-wise form for ${formKey(n)}`);
  return { scalar, ...(vector ? { vector } : {}) };
}

/** Prints element-wise node `n` (a scalar into its variable, a tile into its array). */
export function emitElementwise(ctx: CFnContext, n: Node): void {
  emitMap(ctx, n, n.src, formOf(ctx, n));
}

/**
 * Prints `n` as `form` applied element by element to `args` (scalars or tiles broadcast to n's shape). Ops
 * that read buffers (gather, member, table) use this with a scalar-only form.
 */
export function emitMap(ctx: CFnContext, n: Node, args: readonly Node[], form: MapForm): void {
  const w = ctx.w;
  if (isScalar(n)) {
    w.line(`${ctx.scalarVar(n)} = ${form.scalar(args.map((s) => ctx.val(s)))};`);
    return;
  }
  const shape = tileType(n).shape;
  const kinds = args.map(kindOfNode);
  const c = collapse(shape, args.map((s) => (isScalar(s) ? null : broadcastStrides(tileType(s).shape, shape))), broadcastStrides(shape, shape));
  const names = args.map((s) => (isScalar(s) ? ctx.val(s) : ctx.tile(s)));
  const out = ctx.tile(n);
  const rank = c.shape.length;
  const inner = c.shape[rank - 1]!;
  const lanes = ctx.isa.lanes;
  const vectorizable = form.vector !== undefined && inner % lanes === 0 && c.operands.every((o) => o === null || o[rank - 1]! <= 1);
  // NOTE: scalars are splatted once, outside every loop.
  const splats = c.operands.map((o, j) => {
    if (o !== null || !vectorizable) return null;
    const v = ctx.local(ctx.isa.vectorType[kinds[j]!], 's');
    w.line(`${v} = ${ctx.isa.splat[kinds[j]!](names[j]!)};`);
    return v;
  });
  const nest = (d: number, rowIdx: string[], outIdx: string): void => {
    if (d < rank - 1) {
      w.forCount(c.shape[d]!, 1, (i) => nest(d + 1, c.operands.map((o, j) => (o ? addIndex(rowIdx[j]!, mulIndex(i, o[d]!)) : '')), addIndex(outIdx, mulIndex(i, c.out[d]!))), 'r');
      return;
    }
    if (vectorizable) {
      const rowSplats = c.operands.map((o, j) => {
        if (o === null || o[rank - 1] !== 0) return null;
        const v = ctx.local(ctx.isa.vectorType[kinds[j]!], 's');
        w.line(`${v} = ${ctx.isa.splat[kinds[j]!](`${names[j]}[${rowIdx[j]}]`)};`);
        return v;
      });
      w.forCount(inner, lanes, (i) => {
        const vs = c.operands.map((o, j) => splats[j] ?? rowSplats[j] ?? ctx.isa.load[kinds[j]!](`&${names[j]}[${addIndex(rowIdx[j]!, i)}]`));
        w.line(ctx.isa.store[kindOfNode(n)](`&${out}[${addIndex(outIdx, i)}]`, form.vector!(vs)));
      }, 'j');
      return;
    }
    w.forCount(inner, 1, (i) => {
      const vs = c.operands.map((o, j) => (o === null ? names[j]! : `${names[j]}[${addIndex(rowIdx[j]!, mulIndex(i, o[rank - 1]!))}]`));
      w.line(`${out}[${addIndex(outIdx, mulIndex(i, c.out[rank - 1]!))}] = ${form.scalar(vs)};`);
    }, 'j');
  };
  nest(0, c.operands.map(() => '0'), '0');
}
