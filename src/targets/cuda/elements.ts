/**
 * @file Element expressions: the CUDA C expression of one element of a tile value at a symbolic index
 * (scalars ignore the index). Slotted tiles read their slot (shared memory or the block's global scratch);
 * other ops are recomputed from their sources through one handler per op, broadcasting by numpy rules.
 */
import { numel, type TileType } from '../../ir/dtype.js';
import type { Node } from '../../ir/node.js';
import { Op, OpGroup } from '../../ir/ops.js';
import type { Access } from '../webgpu/hazards.js';
import { bufferRoot, slotDims, type BufferInfo, type Layout, type Slot } from '../webgpu/layout.js';
import { COMPARE, ELEMENTWISE, INT_SPACE, READ_INPUT, SLOT_READ, SLOT_WORD, VALUE_CTYPE, convert, literal, type CType } from './cuda-table.js';

/** Symbolic multi-index: one int C expression per axis. */
export type Index = readonly string[];

type Handler = (w: ElementWriter, n: Node, idx: Index) => string;

/** The C value type of a value node. */
export function ctype(n: Node): CType {
  if (n.type.kind !== 'tile') throw new Error(`cuda: ${n.op} has no value type`);
  return VALUE_CTYPE[n.type.scalar];
}

/** The static shape of a tile node ([] for scalars). */
export function shape(n: Node): readonly number[] {
  return n.type.kind === 'tile' ? n.type.shape : [];
}

/** Row-major flat offset of `idx` in `dims`, as C. */
export function flat(idx: Index, dims: readonly number[]): string {
  const terms: string[] = [];
  let stride = 1;
  for (let d = dims.length - 1; d >= 0; d--) {
    if (dims[d] !== 1 && idx[d] !== '0') terms.push(stride === 1 ? idx[d]! : `${idx[d]} * ${stride}`);
    stride *= dims[d]!;
  }
  return terms.length === 0 ? '0' : terms.reverse().join(' + ');
}

/** The index of a source of shape `src` read by an element of shape `out` (numpy broadcasting). */
export function broadcastIndex(idx: Index, out: readonly number[], src: readonly number[]): Index {
  const lead = out.length - src.length;
  return src.map((d, i) => (d === 1 ? '0' : idx[lead + i]!));
}

/** The phase an element expression is printed in: its shape, the element's index and the owned-element number. */
export interface PhaseContext {
  readonly dims: readonly number[];
  readonly idx: Index;
  /** C of the owned-element number (e = lid + j * W), which indexes register tiles. */
  readonly j?: string;
}

/** One slot access seen while printing: the words touched, and the slot (probe statistics) when it is a tile slot. */
export interface Touch {
  readonly access: Access | null;
  readonly key: object | null;
  readonly own: boolean;
}

const sameDims = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The lane-to-word mapping of an owner access to `slot` holding a tile of `dims`. */
export function ownerMapping(slot: Slot, dims: readonly number[]): string {
  return `${slot.space}:${slot.offset}:${dims.join('x')}:${slot.pitch ?? ''}`;
}

/** The access of a whole tile slot (own: at the owner lanes' elements). */
export function slotAccess(slot: Slot, dims: readonly number[], own: boolean, write: boolean): Access {
  const words = numel(slotDims(slot, dims));
  return { space: slot.space, lo: slot.offset, hi: slot.offset + words, mapping: own ? ownerMapping(slot, dims) : null, write };
}

/** C identifier of a kernel parameter (`plan.rowptr` -> `plan_rowptr`). */
export function cName(param: string): string {
  return param.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Pointer and length argument names of a global buffer. */
export function bufferArgs(info: BufferInfo): { ptr: string; len: string } {
  const base = cName(String(info.node.arg));
  return { ptr: `g_${base}`, len: `n_${base}` };
}

/** Names of scalar values, slots and buffers, and the tables the expressions read. */
export class ElementWriter {
  /** Scalar node -> C name (consts, loop variables, loop indices, params). */
  readonly names = new Map<Node, string>();
  /** File-scope declarations by name (compile-time tables). */
  readonly helpers = new Map<string, string>();
  /** Names of compile-time tables, numbered per kernel. */
  readonly tableNames = new Map<Node, string>();

  /** The phase being printed (null: a scalar statement, every lane reads the same words). */
  phase: PhaseContext | null = null;
  /** Slot accesses since the printer last took them. */
  touches: Touch[] = [];
  constructor(readonly layout: Layout) {}

  /** True when element `idx` of `n` is the current phase's own element (same shape, same index). */
  isOwn(n: Node, idx: Index): boolean {
    const ph = this.phase;
    return ph !== null && sameDims(shape(n), ph.dims) && idx.every((x, d) => x === ph.idx[d]);
  }

  /** Element `idx` of value `n`. */
  el(n: Node, idx: Index): string {
    if (n.type.kind === 'tile' && n.type.shape.length === 0) return this.scalar(n);
    const own = this.isOwn(n, idx);
    const reg = this.layout.privates.get(n);
    if (reg) {
      this.touches.push({ access: null, key: reg, own });
      if (!own || this.phase?.j === undefined) throw new Error(`cuda: register tile %${n.id} read at another lane's element`);
      return `${reg.name}[${this.phase.j}]`;
    }
    const slot = this.layout.slots.get(n);
    if (slot) {
      this.touches.push({ access: slotAccess(slot, shape(n), own, false), key: slot, own });
      return this.slotRead(slot, n, flat(idx, slotDims(slot, shape(n))));
    }
    return this.compute(n, idx);
  }

  /** Element `idx` of `n` computed from its sources (never its own slot). */
  compute(n: Node, idx: Index): string {
    const h = HANDLERS[n.op] ?? (OpGroup.Compare.has(n.op) ? compare : ELEMENTWISE_OPS.has(n.op) ? elementwise : undefined);
    if (!h) throw new Error(`cuda: cannot print op ${n.op} as an element expression`);
    return h(this, n, idx);
  }

  /** Source `i` of `n` read at the element `idx` of `n`, converted to `to` when given. */
  operand(n: Node, i: number, idx: Index, to?: CType): string {
    const s = n.src[i]!;
    const e = this.el(s, broadcastIndex(idx, shape(n), shape(s)));
    return to ? convert(e, ctype(s), to) : e;
  }

  /** A scalar's C: a literal, or the name it was given when placed. */
  scalar(n: Node): string {
    if (n.op === Op.CONST) return literal(n.arg as number, ctype(n));
    const name = this.names.get(n);
    if (name === undefined) throw new Error(`cuda: scalar ${n.op} %${n.id} used before it is defined`);
    return name;
  }

  /** Reads a slot element at flat offset `at`. */
  slotRead(slot: Slot, n: Node, at: string): string {
    const v = SLOT_READ[slot.space](SLOT_WORD[slot.space](`${slot.offset} + ${at}`));
    return INT_SPACE[slot.space] && ctype(n) === 'bool' ? `(${v} != 0)` : v;
  }

  /** The reader of element `i` of buffer `buf` that returns 0 outside it. */
  reader(buf: Node): (i: string) => string {
    const info = this.layout.buffers.get(bufferRoot(buf));
    if (!info) throw new Error('cuda: load from an unknown buffer');
    const t = VALUE_CTYPE[info.scalar];
    if (info.kind === 'scratch') {
      const [base, arr] = t === 'float' ? ['sbf', 'sf'] : ['sbi', 'si'];
      const access: Access = { space: t === 'float' ? 'f' : 'i', lo: info.index, hi: info.index + info.size, mapping: null, write: false };
      this.touches.push({ access, key: null, own: false });
      return (i) => {
        const word = `${arr}[${base} + ${info.index} + sp_clamp(${i}, 0, ${info.size - 1})]`;
        return `((${i}) >= 0 && (${i}) < ${info.size} ? ${t === 'bool' ? `(${word} != 0)` : word} : ${literal(0, t)})`;
      };
    }
    if (info.kind === 'out') throw new Error('cuda: kernels may not read their outputs');
    const { ptr, len } = bufferArgs(info);
    return (i) => READ_INPUT[info.scalar](ptr, len, i);
  }
}

const ELEMENTWISE_OPS = new Set<Op>([...OpGroup.Unary, ...OpGroup.Binary, ...OpGroup.Ternary]);

function substitute(template: string, args: readonly string[]): string {
  return template.replace(/\b([abc])\b/g, (_m, v: string) => args['abc'.indexOf(v)]!);
}

function elementwise(w: ElementWriter, n: Node, idx: Index): string {
  const tt = ctype(n);
  const kind = tt === 'bool' ? 'bool' : 'int';
  const key = ELEMENTWISE[`${n.op}:${kind}`] ? `${n.op}:${kind}` : n.op;
  const tpl = ELEMENTWISE[key];
  if (!tpl) throw new Error(`cuda: no C for op ${n.op} on ${tt}`);
  const operandType = tpl.operand === 'same' ? tt : tpl.operand;
  const args = n.src.map((_, i) => w.operand(n, i, idx, operandType));
  // NOTE: every template's result has its operand type, so one conversion gives the node's type.
  return convert(substitute(tpl.text, args), operandType, tt);
}

function compare(w: ElementWriter, n: Node, idx: Index): string {
  const types = n.src.map(ctype);
  const tt: CType = types.includes('float') ? 'float' : types.includes('int') ? 'int' : 'bool';
  return `(${w.operand(n, 0, idx, tt)} ${COMPARE[n.op]} ${w.operand(n, 1, idx, tt)})`;
}

/** The element offset of LOAD `n` at `idx`, and per axis the bound its index must stay under (null: the whole axis is valid). */
export function loadAddress(w: ElementWriter, n: Node, idx: Index): { offset: string; bounds: (string | null)[] } {
  const dims = shape(n);
  const rank = dims.length;
  const terms = [w.el(n.src[1]!, [])];
  const bounds: (string | null)[] = [];
  for (let d = 0; d < rank; d++) {
    const stride = n.src[2 + d]!;
    const valid = n.src[2 + rank + d]!;
    if (!(stride.op === Op.CONST && stride.arg === 0)) terms.push(stride.op === Op.CONST && stride.arg === 1 ? idx[d]! : `${idx[d]} * ${w.el(stride, [])}`);
    bounds.push(valid.op === Op.CONST && (valid.arg as number) >= dims[d]! ? null : w.el(valid, []));
  }
  return { offset: `(${terms.join(' + ')})`, bounds };
}

function loadElement(w: ElementWriter, n: Node, idx: Index): string {
  const { offset, bounds } = loadAddress(w, n, idx);
  const conds = bounds.flatMap((b, d) => (b === null ? [] : [`${idx[d]} < ${b}`]));
  const value = convert(w.reader(n.src[0]!)(offset), VALUE_CTYPE[bufferScalar(w, n.src[0]!)], ctype(n));
  return conds.length === 0 ? value : `((${conds.join(' && ')}) ? ${value} : ${literal(0, ctype(n))})`;
}

function bufferScalar(w: ElementWriter, buf: Node): TileType['scalar'] {
  return w.layout.buffers.get(bufferRoot(buf))!.scalar;
}

function nmExpand(w: ElementWriter, n: Node, idx: Index): string {
  const keep = Number(n.attrs['keep']);
  const group = Number(n.attrs['group']);
  const [r, col] = idx as [string, string];
  const parts: string[] = [];
  for (let s = 0; s < keep; s++) {
    const c = `((${col}) / ${group} * ${keep} + ${s})`;
    parts.push(`((${w.el(n.src[1]!, [r, c])} == (${col}) % ${group}) ? ${w.el(n.src[0]!, [r, c])} : 0.0f)`);
  }
  return `(${parts.join(' + ')})`;
}

function gatherElement(w: ElementWriter, n: Node, idx: Index): string {
  const i = w.operand(n, 1, idx, 'int');
  const len = w.el(n.src[2]!, []);
  const read = w.reader(n.src[0]!);
  const value = convert(read(i), VALUE_CTYPE[bufferScalar(w, n.src[0]!)], ctype(n));
  return `((${i}) >= 0 && (${i}) < ${len} ? ${value} : ${literal(0, ctype(n))})`;
}

function memberElement(w: ElementWriter, n: Node, idx: Index): string {
  const offsets = bufferArgs(w.layout.buffers.get(bufferRoot(n.src[0]!))!);
  const values = bufferArgs(w.layout.buffers.get(bufferRoot(n.src[1]!))!);
  const args = [offsets.ptr, offsets.len, values.ptr, values.len, w.operand(n, 2, idx, 'int'), w.operand(n, 3, idx, 'int'), w.el(n.src[4]!, [])];
  return `sp_member(${args.join(', ')})`;
}

function tableElement(w: ElementWriter, n: Node, idx: Index): string {
  const values = n.arg as readonly number[];
  const tt = ctype(n);
  // NOTE: numbered per kernel in first-use order, not by node id (ids depend on what else the process built).
  let name = w.tableNames.get(n);
  if (name === undefined) {
    name = `sp_table${w.tableNames.size}`;
    w.tableNames.set(n, name);
    const items = values.map((v) => literal(v, tt)).join(', ');
    w.helpers.set(name, `__device__ const ${tt} ${name}[${Math.max(1, values.length)}] = {${items || literal(0, tt)}};`);
  }
  const i = w.operand(n, 0, idx, 'int');
  return `((${i}) >= 0 && (${i}) < ${values.length} ? ${name}[${i}] : ${literal(0, tt)})`;
}

function reshapeElement(w: ElementWriter, n: Node, idx: Index): string {
  const src = n.src[0]!;
  const from = shape(src);
  const lin = `(${flat(idx, shape(n))})`;
  const out: string[] = [];
  let stride = 1;
  const strides = from.map(() => 0);
  for (let d = from.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= from[d]!;
  }
  for (let d = 0; d < from.length; d++) out.push(from[d] === 1 ? '0' : `(${lin} / ${strides[d]} % ${from[d]})`);
  return w.el(src, out);
}

/** Per-op element handlers (element-wise and comparison ops go through the C tables). */
const HANDLERS: Partial<Record<Op, Handler>> = {
  [Op.CONST]: (_w, n) => literal(n.arg as number, ctype(n)),
  [Op.IOTA]: (_w, n, idx) => idx[n.arg as number]!,
  [Op.BROADCAST]: (w, n, idx) => w.operand(n, 0, idx, ctype(n)),
  [Op.RESHAPE]: reshapeElement,
  [Op.TRANS]: (w, n, idx) => w.el(n.src[0]!, [idx[1]!, idx[0]!]),
  [Op.CAST]: (w, n, idx) => w.operand(n, 0, idx, ctype(n)),
  [Op.WHERE]: (w, n, idx) => `(${w.operand(n, 0, idx, 'bool')} ? ${w.operand(n, 1, idx, ctype(n))} : ${w.operand(n, 2, idx, ctype(n))})`,
  [Op.LOAD]: loadElement,
  [Op.GATHER]: gatherElement,
  [Op.MEMBER]: memberElement,
  [Op.TABLE]: tableElement,
  [Op.NM_EXPAND]: nmExpand,
};
