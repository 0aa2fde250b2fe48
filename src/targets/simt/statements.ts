/**
 * @file Statements of a SIMT kernel body: scalar lets, cooperative phases that fill tile slots (fused per
 * shape, barriers only on hazards), DOT and reduction elements. Lane e mod W owns element e; the words are
 * the target's spelling table.
 */
import { numel } from '../../ir/dtype.js';
import type { Placed, Region } from '../../ir/linearize.js';
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { dotSkipsZero } from '../../ir/build.js';
import { printBlockedDot } from './dot.js';
import { PLACED } from './control.js';
import { printShuffleReduce } from './reduce.js';
import { ElementWriter, flat, kind, shape, slotAccess, type Index, type PhaseContext, type Touch } from './elements.js';
import { HazardTracker } from './hazards.js';
import { slotDims, type SlotSpace } from './layout.js';
import type { SimtSpelling } from './spelling.js';

/** A cooperative loop being collected: consecutive phases over one shape share it until a hazard needs a barrier. */
interface Group {
  readonly dims: readonly number[];
  readonly e: string;
  readonly j: string;
  readonly idxLines: readonly string[];
  readonly idx: Index;
  readonly body: string[];
}

/** Lines and slot touches of a rendering. */
export interface Captured<T> {
  readonly value: T;
  readonly touches: readonly Touch[];
}

const sameDims = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Per-axis index lets of flat element `e` in `dims` (size-1 axes are the literal 0). */
export function unflattenLines(sp: SimtSpelling, e: string, dims: readonly number[]): { lines: string[]; idx: string[] } {
  const lines: string[] = [];
  const idx: string[] = [];
  const strides = dims.map(() => 0);
  let stride = 1;
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
    lines.push(sp.bind(name, d === 0 ? q : `${q} % ${size}`, 'int'));
    idx.push(name);
  });
  return { lines, idx };
}

/** The index lets among `lines` that `body` reads (the others are dropped). */
function usedLets(lines: readonly string[], body: readonly string[]): string[] {
  const text = body.join('\n');
  return lines.filter((l) => new RegExp(`\\b${/(\w+) = /.exec(l)![1]}\\b`).test(text));
}

/** Tiles with more owned elements per lane than this stay out of registers, and such DOTs are not register-blocked. */
export const UNROLL_LIMIT = 32;

/**
 * Prints regions into indented lines. Tile values are phases: lane e mod W computes element
 * e = lid + j * W. Consecutive phases over one shape share a loop over j; a barrier is printed only
 * where the hazard tracker sees another lane's words read or overwritten.
 */
export class BodyPrinter {
  readonly lines: string[] = [];
  readonly hazards = new HazardTracker();
  /** Barriers printed (a figure the tests and reports read). */
  barriers = 0;
  private depth = 1;
  private counter = 0;
  private group: Group | null = null;
  /** True once a row reduction was printed with shuffles (WGSL: the variant then needs the subgroups feature). */
  usedShuffles = false;
  readonly sp: SimtSpelling;

  constructor(
    readonly w: ElementWriter,
    readonly workgroupSize: number,
    /** Row reductions use lane shuffles (subgroups / warps). */
    readonly shuffles = false,
  ) {
    this.sp = w.sp;
  }

  /** Appends one statement line at the current depth (after any open cooperative loop). */
  line(text: string): void {
    this.flush();
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }

  /** Declares a fresh `let` that reads no slot: it may go before an open cooperative loop. */
  private declare(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }

  /** Runs `body` one level deeper. */
  nested(body: () => void): void {
    this.flush();
    this.depth++;
    body();
    this.flush();
    this.depth--;
  }

  /** A fresh identifier with `prefix`. */
  fresh(prefix: string): string {
    let name = `${prefix}${this.counter++}`;
    // NOTE: prefix 'i' or 'f' with some counters spells a type name or keyword (i32, f16, int, ...).
    while (this.sp.reserved.has(name)) name = `${prefix}${this.counter++}`;
    return name;
  }

  /** Names a scalar node with a fresh identifier. */
  nameScalar(n: Node, prefix = 'v'): string {
    const name = this.fresh(prefix);
    this.w.names.set(n, name);
    return name;
  }

  /**
   * Prints every placed node of `region` except those in `skip`; staged loads are copied right before their first user.
   * `replace`: nodes printed by a function instead, or (null) left out together with the loads staged for them.
   */
  region(region: Region, skip: ReadonlySet<Node> = new Set(), replace?: ReadonlyMap<Node, (() => void) | null>): void {
    for (const p of region) {
      const instead = replace?.get(p.node);
      if (instead === null) continue;
      for (const load of this.w.layout.anchors.get(p.node) ?? []) this.stage(load);
      if (instead) instead();
      else if (!skip.has(p.node)) this.placed(p);
    }
  }

  /** Copies staged LOAD `load` into its slot: by the target's own means where it has them, else element by element. */
  private stage(load: Node): void {
    if (this.sp.stage?.(this, load)) return;
    this.fill(load, (idx) => ({ pre: [], value: this.w.compute(load, idx) }));
  }

  private placed(p: Placed): void {
    const n = p.node;
    const handler = PLACED[n.op];
    if (handler) return handler(this, p);
    if (n.type.kind !== 'tile') throw new Error(`${this.sp.target}: cannot place op ${n.op}`);
    if (n.type.shape.length === 0) {
      const name = this.fresh('v');
      const got = this.collect(null, () => this.w.compute(n, []));
      this.w.names.set(n, name);
      this.statement(this.sp.bind(name, got.value, kind(n), true), got.touches, true);
      return;
    }
    if (this.w.layout.staged.has(n)) return;
    if (n.op === Op.DOT && printBlockedDot(this, n)) return;
    if (this.shuffles && (n.op === Op.REDUCE_MAX || n.op === Op.REDUCE_SUM) && printShuffleReduce(this, n)) {
      this.usedShuffles = true;
      return;
    }
    if (this.w.layout.slots.has(n) || this.w.layout.privates.has(n)) this.fill(n, (idx) => this.valueOf(n, idx));
  }

  /** Runs `render` with phase context `ctx`, collecting the slot touches it makes. */
  collect<T>(ctx: PhaseContext | null, render: () => T): Captured<T> {
    const saved = { phase: this.w.phase, touches: this.w.touches };
    this.w.phase = ctx;
    this.w.touches = [];
    try {
      const value = render();
      return { value, touches: this.w.touches };
    } finally {
      Object.assign(this.w, saved);
    }
  }

  /** Prints a scalar statement after the barrier its touches need (`hoist`: a fresh let may precede an open loop). */
  statement(text: string, touches: readonly Touch[], hoist = false): void {
    if (hoist && touches.length === 0) return this.declare(text);
    this.flush();
    this.commit(touches);
    this.line(text);
  }

  /** Prints the barriers `touches` need, then records them as done. */
  commit(touches: readonly Touch[]): void {
    const accesses = touches.flatMap((t) => (t.access ? [t.access] : []));
    const spaces = this.hazards.needs(accesses);
    if (spaces.size > 0) this.barrier(spaces);
    this.hazards.record(accesses);
  }

  /** Prints the barriers over `spaces` (workgroup and/or storage) and forgets what they order. */
  barrier(spaces: Iterable<SlotSpace>): void {
    this.flush();
    const SLOT_BARRIER = this.sp.slotBarrier;
    const kinds = new Set([...spaces].map((s) => SLOT_BARRIER[s]));
    for (const b of [...kinds].sort()) {
      this.lines.push(`${'  '.repeat(this.depth)}${b}`);
      this.barriers++;
    }
    this.hazards.clear(Object.keys(SLOT_BARRIER).filter((s) => kinds.has(SLOT_BARRIER[s as SlotSpace])) as SlotSpace[]);
  }

  /** Barriers for everything pending (loop entries and back-edges). */
  settle(): void {
    this.flush();
    const dirty = this.hazards.dirty();
    if (dirty.size > 0) this.barrier(dirty);
  }

  /** Prints the open cooperative loop, if any. */
  flush(): void {
    const g = this.group;
    if (!g) return;
    this.group = null;
    const total = numel(g.dims);
    const W = this.workgroupSize;
    const guard = total % W !== 0 ? [`if (${g.e} < ${total}) {`] : [];
    const inner = [...usedLets(g.idxLines, g.body), ...g.body].map((x) => (guard.length ? `  ${x}` : x));
    const head = total <= W ? [`{`, `  ${this.sp.bind(g.e, 'lid', 'int')}`] : [this.sp.loop(g.j, '0', `${Math.ceil(total / W)}`), `  ${this.sp.bind(g.e, `lid + ${g.j} * ${W}`, 'int')}`];
    const pad = '  '.repeat(this.depth);
    for (const l of [...head, ...[...guard, ...inner, ...(guard.length ? ['}'] : [])].map((x) => `  ${x}`), '}']) this.lines.push(`${pad}${l}`);
  }

  /**
   * Prints one phase over `dims`: `render` gives the lines of one element; `writes` are the phase's own
   * writes. Joins the open loop when the shape matches and no hazard stands between.
   */
  phase(dims: readonly number[], writes: readonly Touch[], render: (ctx: PhaseContext) => string[]): void {
    const g = this.group && sameDims(this.group.dims, dims) ? this.group : null;
    const e = g?.e ?? this.fresh('e');
    const j = g?.j ?? (numel(dims) <= this.workgroupSize ? '0' : this.fresh('j'));
    const index = g ?? { e, j, ...(({ lines, idx }) => ({ idxLines: lines, idx }))(unflattenLines(this.sp, e, dims)) };
    const ctx: PhaseContext = { dims, idx: index.idx, j };
    const probe = this.collect(ctx, () => render(ctx));
    const touches = [...probe.touches, ...writes];
    const accesses = touches.flatMap((t) => (t.access ? [t.access] : []));
    if (g && this.hazards.needs(accesses).size === 0) {
      g.body.push(...probe.value);
      this.commit(touches);
      return;
    }
    this.flush();
    this.commit(touches);
    this.group = { dims, e: index.e, j: index.j, idxLines: index.idxLines, idx: index.idx, body: [...probe.value] };
  }

  /** The statement writing `value` into element `idx` of tile `n` (its slot or its register). */
  writeElement(n: Node, ctx: PhaseContext, value: string): string {
    const reg = this.w.layout.privates.get(n);
    if (reg) return `${reg.name}[${ctx.j ?? 0}] = ${value};`;
    const slot = this.w.layout.slots.get(n);
    if (!slot) throw new Error(`${this.sp.target}: ${n.op} %${n.id} has no slot`);
    const dims = shape(n);
    const at = flat(ctx.idx, slotDims(slot, dims));
    const v = kind(n) === 'bool' ? this.sp.boolWord(value) : value;
    return `${this.sp.slotWord[slot.space](`${slot.offset} + ${at}`)} = ${this.sp.slotWrite[slot.space](v)};`;
  }

  /** The owner write of all of tile `n` (for the hazard tracker). */
  writeTouch(n: Node): Touch {
    const reg = this.w.layout.privates.get(n);
    if (reg) return { access: null };
    const slot = this.w.layout.slots.get(n)!;
    return { access: slotAccess(slot, shape(n), true, true) };
  }

  /** Phase that fills tile `n` (slot or registers) element by element from `value`. */
  fill(n: Node, value: (idx: Index) => { pre: string[]; value: string }): void {
    this.phase(shape(n), [this.writeTouch(n)], (ctx) => {
      const v = value(ctx.idx);
      return [...v.pre, this.writeElement(n, ctx, v.value)];
    });
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
    const sp = this.sp;
    const zero = sp.literal(0, 'float');
    const init = sp.variable(s, 'float', this.w.el(acc, accIdx));
    const body = dotSkipsZero(n)
      ? `${sp.bind(`${s}a`, this.w.el(a, [idx[0]!, k]), 'float')} ${s} = ${s} + ${sp.select(`${s}a != ${zero}`, `${s}a * ${this.w.el(b, [k, idx[1]!])}`, zero)};`
      : `${s} = ${s} + ${this.w.el(a, [idx[0]!, k])} * ${this.w.el(b, [k, idx[1]!])};`;
    return { pre: [init, `${sp.loop(k, '0', `${K}`)} ${body} }`], value: s };
  }

  private reduceElement(n: Node, idx: Index): { pre: string[]; value: string } {
    const src = n.src[0]!;
    const axis = n.arg as number;
    const len = shape(src)[axis]!;
    const t = kind(n);
    const s = this.fresh('s');
    const r = this.fresh('r');
    const at = idx.map((x, d) => (d === axis ? r : x));
    const { init, step } = this.sp.serialReduction(n.op, t, s, this.w.el(src, at));
    return { pre: [this.sp.variable(s, t, init), `${this.sp.loop(r, '0', `${len}`)} ${s} = ${step}; }`], value: s };
  }

  /** Copies value `from` (any tile or scalar, broadcast) into the slot of tile `to`. */
  copyInto(to: Node, from: Node): void {
    const dims = shape(to);
    this.fill(to, (idx) => ({ pre: [], value: this.w.el(from, shape(from).length === 0 ? [] : broadcastTo(idx, dims, shape(from))) }));
  }
}

function broadcastTo(idx: Index, out: readonly number[], src: readonly number[]): Index {
  const lead = out.length - src.length;
  return src.map((d, i) => (d === 1 ? '0' : idx[lead + i]!));
}

