/**
 * @file Element expressions of the SIMT strategy: the expression of one element of a tile value at a symbolic
 * index (scalars ignore the index). Slotted tiles read their slot; other ops are recomputed from their sources
 * through one handler per op, broadcasting by numpy rules. The words are the target's spelling table.
 */
import { numel } from '../../ir/dtype.js';
import type { Node } from '../../ir/node.js';
import { Op, OpGroup } from '../../ir/ops.js';
import type { Access } from './hazards.js';
import { bufferRoot, scratchBase, slotDims, type Layout, type Slot } from './layout.js';
import { VALUE_KIND, type SimtSpelling, type VKind } from './spelling.js';

/** Symbolic multi-index: one int expression per axis. */
export type Index = readonly string[];

type Handler = (w: ElementWriter, n: Node, idx: Index) => string;

/** The value kind of a value node. */
export function kind(n: Node): VKind {
  if (n.type.kind !== 'tile') throw new Error(`simt: ${n.op} has no value type`);
  return VALUE_KIND[n.type.scalar];
}

/** The static shape of a tile node ([] for scalars). */
export function shape(n: Node): readonly number[] {
  return n.type.kind === 'tile' ? n.type.shape : [];
}

/** Row-major flat offset of `idx` in `dims`. */
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
  /** The owned-element number (e = lid + j * W), which indexes register tiles. */
  readonly j?: string;
}

/** One access seen while printing: the words touched (null: a register tile, private to its lane). */
export interface Touch {
  readonly access: Access | null;
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

/** Names of scalar values, slots and buffers, and the helpers (functions, tables) the expressions call. */
export class ElementWriter {
  /** Scalar node -> name (lets, vars, loop indices, params). */
  readonly names = new Map<Node, string>();
  /** Helper declarations by name (reads, gathers, membership, tables), printed in first-use order. */
  readonly helpers: Map<string, string>;
  /** Names of TABLE helpers, numbered in print order (node ids depend on what else the process built). */
  readonly tableNames: Map<Node, string>;

  /** The phase being printed (null: a scalar statement, every lane reads the same words). */
  phase: PhaseContext | null = null;
  /** Slot accesses since the printer last took them. */
  touches: Touch[] = [];
  /** `sharing`: the writer of another entry point of the same module, whose helpers this one shares. */
  constructor(readonly layout: Layout, readonly sp: SimtSpelling, sharing?: ElementWriter) {
    this.helpers = sharing?.helpers ?? new Map();
    this.tableNames = sharing?.tableNames ?? new Map();
  }

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
      this.touches.push({ access: null });
      if (!own || this.phase?.j === undefined) throw new Error(`${this.sp.target}: register tile %${n.id} read at another lane's element`);
      return `${reg.name}[${this.phase.j}]`;
    }
    const slot = this.layout.slots.get(n);
    if (slot) {
      this.touches.push({ access: slotAccess(slot, shape(n), own, false) });
      return this.slotRead(slot, n, flat(idx, slotDims(slot, shape(n))));
    }
    return this.compute(n, idx);
  }

  /** Element `idx` of `n` computed from its sources (never its own slot). */
  compute(n: Node, idx: Index): string {
    const h = this.sp.handlers[n.op] ?? HANDLERS[n.op] ?? (OpGroup.Compare.has(n.op) ? compare : ELEMENTWISE_OPS.has(n.op) ? elementwise : undefined);
    if (!h) throw new Error(`${this.sp.target}: cannot print op ${n.op} as an element expression`);
    return h(this, n, idx);
  }

  /** Source `i` of `n` read at the element `idx` of `n`, converted to `to` when given. */
  operand(n: Node, i: number, idx: Index, to?: VKind): string {
    const s = n.src[i]!;
    const e = this.el(s, broadcastIndex(idx, shape(n), shape(s)));
    return to ? this.sp.convert(e, kind(s), to) : e;
  }

  /** A scalar: a literal, or the name it was given when placed. */
  scalar(n: Node): string {
    if (n.op === Op.CONST) return this.sp.literal(n.arg as number, kind(n));
    const name = this.names.get(n);
    if (name === undefined) throw new Error(`${this.sp.target}: scalar ${n.op} %${n.id} used before it is defined`);
    return name;
  }

  /** Reads a slot element at flat offset `at`. */
  slotRead(slot: Slot, n: Node, at: string): string {
    const v = this.sp.slotRead[slot.space](this.sp.slotWord[slot.space](`${slot.offset} + ${at}`));
    return this.sp.intSpace[slot.space] && kind(n) === 'bool' ? `(${v} != 0)` : v;
  }

  /** The reader of element `i` of buffer `buf` that returns 0 outside it. */
  reader(buf: Node): (i: string) => string {
    const info = this.layout.buffers.get(bufferRoot(buf));
    if (!info) throw new Error(`${this.sp.target}: load from an unknown buffer`);
    const t = VALUE_KIND[info.scalar];
    if (info.kind === 'scratch') {
      const [base, arr] = scratchBase(info, t === 'float');
      const access: Access = { space: t === 'float' ? 'f' : 'i', lo: info.index, hi: info.index + info.size, mapping: null, write: false };
      this.touches.push({ access });
      return (i) => this.sp.scratchRead(`${arr}[${base} + ${info.index} + ${this.sp.clamp(i, info.size - 1)}]`, i, info.size, t);
    }
    if (info.kind === 'out') throw new Error(`${this.sp.target}: kernels may not read their outputs`);
    return this.sp.inputReader(this, info);
  }

  /** The value kind of the buffer `buf` refers to. */
  bufferKind(buf: Node): VKind {
    return VALUE_KIND[this.layout.buffers.get(bufferRoot(buf))!.scalar];
  }
}

const ELEMENTWISE_OPS = new Set<Op>([...OpGroup.Unary, ...OpGroup.Binary, ...OpGroup.Ternary]);

/** `template` with operands a, b, c replaced by `args`. */
export function substitute(template: string, args: readonly string[]): string {
  return template.replace(/\b([abc])\b/g, (_m, v: string) => args['abc'.indexOf(v)]!);
}

function elementwise(w: ElementWriter, n: Node, idx: Index): string {
  const t = kind(n);
  const table = w.sp.elementwise;
  const key = table[`${n.op}:${t === 'bool' ? 'bool' : 'int'}`] ? `${n.op}:${t === 'bool' ? 'bool' : 'int'}` : n.op;
  const tpl = table[key];
  if (!tpl) throw new Error(`${w.sp.target}: no spelling for op ${n.op} on ${t}`);
  const operandType = tpl.operand === 'same' ? t : tpl.operand;
  const args = n.src.map((_, i) => w.operand(n, i, idx, operandType));
  // NOTE: every template's result has its operand type, so one conversion gives the node's type.
  return w.sp.convert(substitute(tpl.text, args), operandType, t);
}

function compare(w: ElementWriter, n: Node, idx: Index): string {
  const types = n.src.map(kind);
  const t: VKind = types.includes('float') ? 'float' : types.includes('int') ? 'int' : 'bool';
  return `(${w.operand(n, 0, idx, t)} ${w.sp.compare[n.op]} ${w.operand(n, 1, idx, t)})`;
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
  const read = w.reader(n.src[0]!)(offset);
  const value = w.sp.convertLoads ? w.sp.convert(read, w.bufferKind(n.src[0]!), kind(n)) : read;
  return conds.length === 0 ? value : w.sp.guardLoad(conds.join(' && '), value, kind(n));
}

function reshapeElement(w: ElementWriter, n: Node, idx: Index): string {
  const src = n.src[0]!;
  // the phase's own element of a reshaped register tile: the same row-major element number, the same register
  const reg = w.layout.privates.get(src);
  if (reg && w.isOwn(n, idx) && w.phase?.j !== undefined) {
    w.touches.push({ access: null });
    return `${reg.name}[${w.phase.j}]`;
  }
  // a reshaped slot without a row pitch: the element at the same row-major offset (no index division per read)
  const slot = w.layout.slots.get(src);
  if (slot && slot.pitch === undefined) {
    w.touches.push({ access: slotAccess(slot, shape(src), false, false) });
    return w.slotRead(slot, src, flat(idx, shape(n)));
  }
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

/** Per-op element handlers every target shares (element-wise and comparison ops go through the spelling's tables). */
const HANDLERS: Partial<Record<Op, Handler>> = {
  [Op.CONST]: (w, n) => w.sp.literal(n.arg as number, kind(n)),
  [Op.IOTA]: (_w, n, idx) => idx[n.arg as number]!,
  [Op.BROADCAST]: (w, n, idx) => w.operand(n, 0, idx, kind(n)),
  [Op.RESHAPE]: reshapeElement,
  [Op.CONVERT_LAYOUT]: (w, n, idx) => w.el(n.src[0]!, idx),
  [Op.TRANS]: (w, n, idx) => w.el(n.src[0]!, [idx[1]!, idx[0]!]),
  [Op.CAST]: (w, n, idx) => w.operand(n, 0, idx, kind(n)),
  [Op.LOAD]: loadElement,
};
