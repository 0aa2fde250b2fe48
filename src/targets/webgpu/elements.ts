/**
 * @file Element expressions: the WGSL expression of one element of a tile value at a symbolic index
 * (scalars ignore the index). Slotted tiles read their scratch slot; other ops are recomputed from
 * their sources through one handler per op, broadcasting by numpy rules.
 */
import { isFloat, type TileType } from '../../ir/dtype.js';
import { type Node } from '../../ir/node.js';
import { Op, OpGroup } from '../../ir/ops.js';
import { numel } from '../../ir/dtype.js';
import type { Access } from './hazards.js';
import { bufferRoot, slotDims, type BufferInfo, type Layout, type Slot } from './layout.js';
import { COMPARE, ELEMENTWISE, INT_SPACE, READ_INPUT as READ, SLOT_READ, SLOT_WORD, VALUE_TYPE, convert, literal, type WType } from './wgsl-table.js';

/** Symbolic multi-index: one i32 WGSL expression per axis. */
export type Index = readonly string[];

type Handler = (w: ElementWriter, n: Node, idx: Index) => string;

/** The WGSL value type of a value node. */
export function wtype(n: Node): WType {
  if (n.type.kind !== 'tile') throw new Error(`webgpu: ${n.op} has no value type`);
  return VALUE_TYPE[n.type.scalar];
}

/** The static shape of a tile node ([] for scalars). */
export function shape(n: Node): readonly number[] {
  return n.type.kind === 'tile' ? n.type.shape : [];
}

/** Row-major flat offset of `idx` in `dims`, as WGSL. */
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
  /** WGSL of the owned-element number (e = lid + j * W), which indexes register tiles. */
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

/** Names of scalar values, slots and buffers, and the helper functions the expressions call. */
export class ElementWriter {
  /** Scalar node -> WGSL name (lets, vars, loop indices, params). */
  readonly names = new Map<Node, string>();
  /** Helper functions by name (read, gather, member, table). */
  readonly helpers = new Map<string, string>();
  /** Names of TABLE helpers, numbered in print order (node ids depend on what else the process built). */
  readonly tableNames = new Map<Node, string>();

  /** The phase being printed (null: a scalar statement, every lane reads the same words). */
  phase: PhaseContext | null = null;
  /** Slot accesses since the printer last took them. */
  touches: Touch[] = [];
  constructor(readonly layout: Layout, private readonly headerOf: (info: BufferInfo) => number) {}

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
      if (!own || this.phase?.j === undefined) throw new Error(`webgpu: register tile %${n.id} read at another lane's element`);
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
    if (!h) throw new Error(`webgpu: cannot print op ${n.op} as an element expression`);
    return h(this, n, idx);
  }

  /** Source `i` of `n` read at the element `idx` of `n`, converted to `to` when given. */
  operand(n: Node, i: number, idx: Index, to?: WType): string {
    const s = n.src[i]!;
    const e = this.el(s, broadcastIndex(idx, shape(n), shape(s)));
    return to ? convert(e, wtype(s), to) : e;
  }

  /** A scalar's WGSL: a literal, or the name it was given when placed. */
  scalar(n: Node): string {
    if (n.op === Op.CONST) return literal(n.arg as number, wtype(n));
    const name = this.names.get(n);
    if (name === undefined) throw new Error(`webgpu: scalar ${n.op} %${n.id} used before it is defined`);
    return name;
  }

  /** Reads a slot element at flat offset `at`. */
  slotRead(slot: Slot, n: Node, at: string): string {
    const v = SLOT_READ[slot.space](SLOT_WORD[slot.space](`${slot.offset} + ${at}`));
    return INT_SPACE[slot.space] && wtype(n) === 'bool' ? `(${v} != 0)` : v;
  }

  /** The reader of element `i` of buffer `buf` that returns 0 outside it. */
  reader(buf: Node): (i: string) => string {
    const info = this.layout.buffers.get(bufferRoot(buf));
    if (!info) throw new Error('webgpu: load from an unknown buffer');
    const t = VALUE_TYPE[info.scalar];
    const zero = literal(0, t);
    if (info.kind === 'scratch') {
      const base = t === 'f32' ? 'sbf' : 'sbi';
      const arr = t === 'f32' ? 'sf' : 'si';
      const read = (i: string): string => `${arr}[${base} + ${info.index} + clamp(${i}, 0, ${info.size - 1})]`;
      const access: Access = { space: t === 'f32' ? 'f' : 'i', lo: info.index, hi: info.index + info.size, mapping: null, write: false };
      this.touches.push({ access, key: null, own: false });
      return (i) => `select(${zero}, ${t === 'bool' ? `(${read(i)} != 0)` : read(i)}, ${i} >= 0 && ${i} < ${info.size})`;
    }
    if (info.kind === 'out') throw new Error('webgpu: kernels may not read their outputs');
    const name = `rd${info.index}`;
    if (!this.helpers.has(name)) {
      const h = this.headerOf(info);
      const body = READ_BODY(info, h, zero);
      this.helpers.set(name, `fn ${name}(i: i32) -> ${t} {\n${body}\n}`);
    }
    return (i) => `${name}(${i})`;
  }

  /**
   * The reader of elements i..i+3 of f32 input `buf` as a vec4<f32>: one 16-byte load through the `ib4`
   * alias when the first word is 4-aligned in the arena and all four are inside the region; otherwise
   * four bound-checked scalar reads (0 outside the region).
   */
  vectorReader(buf: Node): (i: string) => string {
    const info = this.layout.buffers.get(bufferRoot(buf));
    if (!info || info.kind !== 'in' || info.scalar !== 'f32') throw new Error('webgpu: vector reads are of f32 inputs only');
    const scalar = this.reader(buf);
    const name = `rv${info.index}`;
    if (!this.helpers.has(name)) {
      const h = this.headerOf(info);
      const lanes = [0, 1, 2, 3].map((k) => scalar(k === 0 ? 'i' : `i + ${k}`));
      this.helpers.set(name, [
        `fn ${name}(i: i32) -> vec4<f32> {`,
        `  let at = hdr(${h}u) + i;`,
        `  if (i >= 0 && i + 4 <= hdr(${h + 1}u) && (at & 3) == 0) { return bitcast<vec4<f32>>(ib4[at >> 2u]); }`,
        `  return vec4<f32>(${lanes.join(', ')});`,
        `}`,
      ].join('\n'));
    }
    return (i) => `${name}(${i})`;
  }
}

function READ_BODY(info: BufferInfo, h: number, zero: string): string {
  const read = READ[info.scalar];
  return `  if (i < 0 || i >= hdr(${h + 1}u)) { return ${zero}; }\n  let off = hdr(${h}u);\n  return ${read('off', 'i')};`;
}

const ELEMENTWISE_OPS = new Set<Op>([...OpGroup.Unary, ...OpGroup.Binary, ...OpGroup.Ternary]);

function substitute(template: string, args: readonly string[]): string {
  return template.replace(/\b([abc])\b/g, (_m, v: string) => args['abc'.indexOf(v)]!);
}

function elementwise(w: ElementWriter, n: Node, idx: Index): string {
  const t = wtype(n);
  const key = ELEMENTWISE[`${n.op}:${t === 'bool' ? 'bool' : 'i32'}`] ? `${n.op}:${t === 'bool' ? 'bool' : 'i32'}` : n.op;
  const tpl = ELEMENTWISE[key];
  if (!tpl) throw new Error(`webgpu: no WGSL for op ${n.op} on ${t}`);
  const operandType = tpl.operand === 'same' ? t : tpl.operand;
  const args = n.src.map((_, i) => w.operand(n, i, idx, operandType));
  // NOTE: every template's result has its operand type, so one conversion gives the node's type.
  return convert(substitute(tpl.text, args), operandType, t);
}

function compare(w: ElementWriter, n: Node, idx: Index): string {
  const types = n.src.map(wtype);
  const t: WType = types.includes('f32') ? 'f32' : types.includes('i32') ? 'i32' : 'bool';
  return `(${w.operand(n, 0, idx, t)} ${COMPARE[n.op]} ${w.operand(n, 1, idx, t)})`;
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
  const value = w.reader(n.src[0]!)(offset);
  return conds.length === 0 ? value : `select(${literal(0, wtype(n))}, ${value}, ${conds.join(' && ')})`;
}

function nmExpand(w: ElementWriter, n: Node, idx: Index): string {
  const keep = Number(n.attrs['keep']);
  const group = Number(n.attrs['group']);
  const [r, col] = idx as [string, string];
  const parts: string[] = [];
  for (let t = 0; t < keep; t++) {
    const c = `((${col}) / ${group} * ${keep} + ${t})`;
    parts.push(`select(0f, ${w.el(n.src[0]!, [r, c])}, ${w.el(n.src[1]!, [r, c])} == (${col}) % ${group})`);
  }
  return `(${parts.join(' + ')})`;
}

function gatherElement(w: ElementWriter, n: Node, idx: Index): string {
  const i = w.operand(n, 1, idx, 'i32');
  const len = w.el(n.src[2]!, []);
  const read = w.reader(n.src[0]!);
  const info = w.layout.buffers.get(bufferRoot(n.src[0]!))!;
  const name = `gather${info.kind}${info.index}`;
  if (!w.helpers.has(name)) {
    const t = VALUE_TYPE[info.scalar];
    w.helpers.set(name, `fn ${name}(i: i32, len: i32) -> ${t} {\n  if (i < 0 || i >= len) { return ${literal(0, t)}; }\n  return ${read('i')};\n}`);
  }
  if (info.kind === 'scratch') return `select(${literal(0, wtype(n))}, ${read(i)}, ${i} >= 0 && ${i} < ${len})`;
  return convert(`${name}(${i}, ${len})`, VALUE_TYPE[info.scalar], wtype(n));
}

function memberElement(w: ElementWriter, n: Node, idx: Index): string {
  const offsets = w.layout.buffers.get(bufferRoot(n.src[0]!))!;
  const values = w.layout.buffers.get(bufferRoot(n.src[1]!))!;
  const name = `member${offsets.index}_${values.index}`;
  if (!w.helpers.has(name)) {
    const ro = w.reader(n.src[0]!);
    const rv = w.reader(n.src[1]!);
    w.helpers.set(name, [
      `fn ${name}(l: i32, x: i32, lists: i32) -> bool {`,
      `  if (l < 0 || l >= lists) { return false; }`,
      `  var lo = ${ro('l')};`,
      `  var hi = ${ro('l + 1')};`,
      `  loop {`,
      `    if (lo >= hi) { break; }`,
      `    let mid = (lo + hi) / 2;`,
      `    let v = ${rv('mid')};`,
      `    if (v == x) { return true; }`,
      `    if (v < x) { lo = mid + 1; } else { hi = mid; }`,
      `  }`,
      `  return false;`,
      `}`,
    ].join('\n'));
  }
  return `${name}(${w.operand(n, 2, idx, 'i32')}, ${w.operand(n, 3, idx, 'i32')}, ${w.el(n.src[4]!, [])})`;
}

function tableElement(w: ElementWriter, n: Node, idx: Index): string {
  const values = n.arg as readonly number[];
  const t = wtype(n);
  let name = w.tableNames.get(n);
  if (name === undefined) {
    name = `table${w.tableNames.size}`;
    w.tableNames.set(n, name);
  }
  if (!w.helpers.has(name)) {
    const items = values.map((v) => literal(v, t)).join(', ');
    // NOTE: a module-scope `const`, not `var<private>`: a private variable's value is non-uniform to WGSL's
    // uniformity analysis, so a loop bounded by a table element (a per-head window) could not hold a barrier.
    w.helpers.set(name, `const ${name}_v: array<${t}, ${values.length}> = array<${t}, ${values.length}>(${items});\nfn ${name}(i: i32) -> ${t} {\n  if (i < 0 || i >= ${values.length}) { return ${literal(0, t)}; }\n  return ${name}_v[i];\n}`);
  }
  return `${name}(${w.operand(n, 0, idx, 'i32')})`;
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

/** Per-op element handlers (element-wise and comparison ops go through the WGSL tables). */
const HANDLERS: Partial<Record<Op, Handler>> = {
  [Op.CONST]: (_w, n) => literal(n.arg as number, wtype(n)),
  [Op.IOTA]: (_w, n, idx) => idx[n.arg as number]!,
  [Op.BROADCAST]: (w, n, idx) => w.operand(n, 0, idx, wtype(n)),
  [Op.RESHAPE]: reshapeElement,
  [Op.TRANS]: (w, n, idx) => w.el(n.src[0]!, [idx[1]!, idx[0]!]),
  [Op.CAST]: (w, n, idx) => w.operand(n, 0, idx, wtype(n)),
  [Op.WHERE]: (w, n, idx) => `select(${w.operand(n, 2, idx, wtype(n))}, ${w.operand(n, 1, idx, wtype(n))}, ${w.operand(n, 0, idx, 'bool')})`,
  [Op.LOAD]: loadElement,
  [Op.GATHER]: gatherElement,
  [Op.MEMBER]: memberElement,
  [Op.TABLE]: tableElement,
  [Op.NM_EXPAND]: nmExpand,
};

/** True for float value nodes. */
export const isFloatNode = (n: Node): boolean => n.type.kind === 'tile' && isFloat((n.type as TileType).scalar);
