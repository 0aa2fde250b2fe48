/**
 * @file Statements of the WGSL kernel body: regions of placed IR nodes become scalar lets, cooperative
 * per-element loops that fill scratch slots (each followed by a barrier, so every read sees every
 * write), counted loops with carried values, branches, and stores to outputs or scratch buffers.
 */
import { numel } from '../../ir/dtype.js';
import type { Placed, Region } from '../../ir/linearize.js';
import { Node, loopParts } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { ElementWriter, flat, shape, wtype, type Index } from './elements.js';
import { bufferRoot, slotDims, type Slot } from './layout.js';
import { SLOT_BARRIER, SLOT_WORD, WRITE_OUTPUT, literal } from './wgsl-table.js';

/** The barrier after every cooperative phase (scratch slots live in storage memory). */
export const BARRIER = 'storageBarrier();';

/** Generated names that would collide with WGSL type names. */
const RESERVED = new Set(['i32', 'u32', 'f32', 'f16', 'i8', 'u8', 'i16', 'u16', 'i64', 'u64', 'f64']);

/** Prints regions into indented WGSL lines. */
export class BodyPrinter {
  readonly lines: string[] = [];
  private depth = 1;
  private counter = 0;

  constructor(readonly w: ElementWriter, readonly workgroupSize: number) {}

  /** Appends one line at the current depth. */
  line(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }

  /** Runs `body` one level deeper. */
  nested(body: () => void): void {
    this.depth++;
    body();
    this.depth--;
  }

  /** A fresh WGSL identifier with `prefix`. */
  fresh(prefix: string): string {
    let name = `${prefix}${this.counter++}`;
    // NOTE: prefix 'i' or 'f' with some counters spells a WGSL type name (i32, f16, ...).
    while (RESERVED.has(name)) name = `${prefix}${this.counter++}`;
    return name;
  }

  /** Names a scalar node with a fresh identifier. */
  nameScalar(n: Node, prefix = 'v'): string {
    const name = this.fresh(prefix);
    this.w.names.set(n, name);
    return name;
  }

  /** Prints every placed node of `region` except those in `skip`. */
  region(region: Region, skip: ReadonlySet<Node> = new Set()): void {
    for (const p of region) if (!skip.has(p.node)) this.placed(p);
  }

  private placed(p: Placed): void {
    const n = p.node;
    const handler = PLACED[n.op];
    if (handler) return handler(this, p);
    if (n.type.kind !== 'tile') throw new Error(`webgpu: cannot place op ${n.op}`);
    if (n.type.shape.length === 0) {
      this.line(`let ${this.nameScalar(n)}: ${wtype(n)} = ${this.w.compute(n, [])};`);
      return;
    }
    const slot = this.w.layout.slots.get(n);
    if (slot) this.fill(slot, n, (idx) => this.valueOf(n, idx));
  }

  /** Cooperative loop over the elements of tile `n`: every lane fills a strided share of `slot`. */
  fill(slot: Slot, n: Node, value: (idx: Index) => { pre: string[]; value: string }): void {
    const dims = shape(n);
    const total = numel(dims);
    const e = this.fresh('e');
    this.line(`for (var ${e}: i32 = lid; ${e} < ${total}; ${e} = ${e} + ${this.workgroupSize}) {`);
    this.nested(() => {
      const idx = this.unflatten(e, dims);
      const v = value(idx);
      for (const s of v.pre) this.line(s);
      const at = slot.pitch === undefined ? e : flat(idx, slotDims(slot, dims));
      const target = SLOT_WORD[slot.space](`${slot.offset} + ${at}`);
      this.line(`${target} = ${wtype(n) === 'bool' ? `select(0, 1, ${v.value})` : v.value};`);
    });
    this.line('}');
    this.line(SLOT_BARRIER[slot.space]);
  }

  /** Declares per-axis index lets of flat element `e` in `dims`. */
  unflatten(e: string, dims: readonly number[]): string[] {
    const idx: string[] = [];
    let stride = 1;
    const strides = dims.map(() => 0);
    for (let d = dims.length - 1; d >= 0; d--) {
      strides[d] = stride;
      stride *= dims[d]!;
    }
    dims.forEach((size, d) => {
      if (size === 1) {
        idx.push('0');
        return;
      }
      const name = `${e}_${d}`;
      const q = strides[d] === 1 ? e : `(${e} / ${strides[d]})`;
      this.line(`let ${name} = ${d === 0 ? q : `${q} % ${size}`};`);
      idx.push(name);
    });
    return idx;
  }

  /** Statements and the value of element `idx` of slotted node `n` computed from its sources. */
  valueOf(n: Node, idx: Index): { pre: string[]; value: string } {
    if (n.op === Op.DOT) return this.dotElement(n, idx);
    if (n.op === Op.REDUCE_MAX || n.op === Op.REDUCE_SUM) return this.reduceElement(n, idx);
    return { pre: [], value: this.w.compute(n, idx) };
  }

  private dotElement(n: Node, idx: Index): { pre: string[]; value: string } {
    const [a, b, acc] = n.src as [Node, Node, Node];
    const K = shape(a)[1]!;
    const s = this.fresh('s');
    const k = this.fresh('k');
    const accIdx = shape(acc).length === 0 ? [] : idx.map((x, d) => (shape(acc)[d] === 1 ? '0' : x));
    return {
      pre: [
        `var ${s}: f32 = ${this.w.el(acc, accIdx)};`,
        `for (var ${k}: i32 = 0; ${k} < ${K}; ${k} = ${k} + 1) { ${s} = ${s} + ${this.w.el(a, [idx[0]!, k])} * ${this.w.el(b, [k, idx[1]!])}; }`,
      ],
      value: s,
    };
  }

  private reduceElement(n: Node, idx: Index): { pre: string[]; value: string } {
    const src = n.src[0]!;
    const axis = n.arg as number;
    const len = shape(src)[axis]!;
    const isMax = n.op === Op.REDUCE_MAX;
    const t = wtype(n);
    const s = this.fresh('s');
    const r = this.fresh('r');
    const at = idx.map((x, d) => (d === axis ? r : x));
    const init = isMax ? (t === 'f32' ? 'neg_inf()' : 'i32(-2147483647 - 1)') : literal(0, t);
    const step = isMax ? `max(${s}, ${this.w.el(src, at)})` : `${s} + ${this.w.el(src, at)}`;
    return { pre: [`var ${s}: ${t} = ${init};`, `for (var ${r}: i32 = 0; ${r} < ${len}; ${r} = ${r} + 1) { ${s} = ${step}; }`], value: s };
  }

  /** Copies value `from` (any tile or scalar, broadcast) into the slot of tile `to`. */
  copyInto(to: Node, from: Node): void {
    const slot = this.w.layout.slots.get(to);
    if (!slot) throw new Error(`webgpu: ${to.op} %${to.id} has no slot`);
    const dims = shape(to);
    this.fill(slot, to, (idx) => ({ pre: [], value: this.w.el(from, shape(from).length === 0 ? [] : broadcastTo(idx, dims, shape(from))) }));
  }
}

function broadcastTo(idx: Index, out: readonly number[], src: readonly number[]): Index {
  const lead = out.length - src.length;
  return src.map((d, i) => (d === 1 ? '0' : idx[lead + i]!));
}

type PlacedHandler = (p: BodyPrinter, placed: Placed) => void;

const nothing: PlacedHandler = () => undefined;

function printLoop(p: BodyPrinter, placed: Placed): void {
  const n = placed.node;
  const parts = loopParts(n);
  const scalarVars = new Map<Node, string>();
  parts.iters.forEach((it, j) => {
    if (shape(it).length === 0) {
      const v = p.nameScalar(it, 'it');
      p.line(`var ${v}: ${wtype(it)} = ${p.w.el(parts.inits[j]!, [])};`);
      scalarVars.set(it, v);
    } else {
      p.copyInto(it, parts.inits[j]!);
    }
  });
  const r = p.nameScalar(parts.range, 'i');
  p.line(`for (var ${r}: i32 = ${p.w.el(parts.lo, [])}; ${r} < ${p.w.el(parts.hi, [])}; ${r} = ${r} + 1) {`);
  p.nested(() => {
    p.region(placed.body!);
    const pending: [string, string][] = [];
    parts.iters.forEach((it, j) => {
      const next = parts.nexts[j]!;
      if (next === it) return;
      if (shape(it).length === 0) {
        const tmp = p.fresh('nx');
        p.line(`let ${tmp} = ${p.w.el(next, [])};`);
        pending.push([scalarVars.get(it)!, tmp]);
      } else {
        if (parts.iters.some((other) => other !== it && p.w.layout.slots.get(other) === p.w.layout.slots.get(next))) {
          throw new Error('webgpu: a loop passes one carried tile into another (swap) — not supported');
        }
        p.copyInto(it, next);
      }
    });
    for (const [v, tmp] of pending) p.line(`${v} = ${tmp};`);
  });
  p.line('}');
  parts.iters.forEach((it, j) => {
    // NOTE: RESULT nodes are interned, so this is the node every consumer of the result holds.
    if (shape(it).length === 0) p.w.names.set(Node.make(Op.RESULT, it.type, [n], j), scalarVars.get(it)!);
  });
}

function printIf(p: BodyPrinter, placed: Placed): void {
  const n = placed.node;
  const [cond, a, b] = n.src as [Node, Node, Node];
  const [thenR, elseR] = placed.branches!;
  const isScalar = n.type.kind === 'tile' && n.type.shape.length === 0;
  const isTile = n.type.kind === 'tile' && !isScalar;
  let v = '';
  if (isScalar) {
    v = p.fresh('c');
    p.line(`var ${v}: ${wtype(n)};`);
  }
  const side = (region: Region, value: Node): void => {
    p.nested(() => {
      p.region(region);
      if (isScalar) p.line(`${v} = ${p.w.el(value, [])};`);
      if (isTile) p.copyInto(n, value);
    });
  };
  p.line(`if (${p.w.el(cond, [])}) {`);
  side(thenR, a);
  p.line('} else {');
  side(elseR, b);
  p.line('}');
  if (isScalar) p.w.names.set(n, v);
}

function printStore(p: BodyPrinter, placed: Placed): void {
  const n = placed.node;
  const rank = (n.src.length - 3) / 2;
  const value = n.src[n.src.length - 1]!;
  const info = p.w.layout.buffers.get(bufferRoot(n.src[0]!));
  if (!info || info.kind === 'in') throw new Error('webgpu: store into an input buffer');
  const base = p.w.el(n.src[1]!, []);
  const write = (addr: string, v: string): string => {
    if (info.kind === 'scratch') {
      const arr = wtype(value) === 'f32' ? 'sf[sbf' : 'si[sbi';
      const val = wtype(value) === 'bool' ? `select(0, 1, ${v})` : v;
      return `if (${addr} >= 0 && ${addr} < ${info.size}) { ${arr} + ${info.index} + ${addr}] = ${val}; }`;
    }
    const o = `oo${info.index}`;
    return `if (${addr} >= 0 && ${addr} < ol${info.index}) { ${WRITE_OUTPUT[info.scalar](o, addr, v)} }`;
  };
  const dims = shape(value);
  if (dims.length === 0) {
    p.line(`if (lid == 0) { ${write(`(${base})`, p.w.el(value, []))} }`);
    p.line(BARRIER);
    return;
  }
  if (dims.length !== rank) throw new Error('webgpu: store rank differs from the value rank');
  const e = p.fresh('e');
  p.line(`for (var ${e}: i32 = lid; ${e} < ${numel(dims)}; ${e} = ${e} + ${p.workgroupSize}) {`);
  p.nested(() => {
    const idx = p.unflatten(e, dims);
    const conds: string[] = [];
    const terms = [base];
    for (let d = 0; d < rank; d++) {
      const valid = n.src[2 + rank + d]!;
      const stride = n.src[2 + d]!;
      if (!(valid.op === Op.CONST && (valid.arg as number) >= dims[d]!)) conds.push(`${idx[d]} < ${p.w.el(valid, [])}`);
      if (!(stride.op === Op.CONST && stride.arg === 0)) terms.push(`${idx[d]} * ${p.w.el(stride, [])}`);
    }
    const addr = p.fresh('a');
    p.line(`let ${addr} = ${terms.join(' + ')};`);
    const stmt = write(addr, p.w.el(value, idx));
    p.line(conds.length ? `if (${conds.join(' && ')}) { ${stmt} }` : stmt);
  });
  p.line('}');
  p.line(BARRIER);
}

/** Handlers of placed structural and effect nodes. */
const PLACED: Partial<Record<Op, PlacedHandler>> = {
  [Op.CONST]: nothing,
  [Op.PARAM]: nothing,
  [Op.ALLOC]: nothing,
  [Op.AFTER]: nothing,
  [Op.RESULT]: nothing,
  [Op.LOOP]: printLoop,
  [Op.IF]: printIf,
  [Op.STORE]: printStore,
  [Op.BARRIER]: (p) => {
    p.line(BARRIER);
    if (p.w.layout.workgroupF + p.w.layout.workgroupI > 0) p.line(SLOT_BARRIER.wf);
  },
};
