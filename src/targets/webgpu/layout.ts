/**
 * @file Decisions the WGSL printer needs before printing: which buffers are inputs, outputs or
 * scratch, which tile values live in scratch slots (materialized) and which are recomputed per
 * element where used (inlined), and which outer loops become the grid of independent workgroup tasks.
 */
import { numel, type Scalar, type TileType } from '../../ir/dtype.js';
import { linearize, type Placed, type Region } from '../../ir/linearize.js';
import { Node, loopParts, toposort } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { VALUE_TYPE } from './wgsl-table.js';

/** Where a buffer's elements live. */
export type BufferKind = 'in' | 'out' | 'scratch';

/** A global buffer: a ptr param (input or output region) or an ALLOC (a per-workgroup scratch region). */
export interface BufferInfo {
  readonly node: Node;
  readonly kind: BufferKind;
  readonly scalar: Scalar;
  /** Index among inputs / outputs (in / out), or the scratch word offset (scratch). */
  readonly index: number;
  /** Element count of a scratch buffer. */
  readonly size: number;
}

/** Where a slot lives: f32 / i32 words of the per-workgroup storage scratch, or of workgroup memory (`wf` / `wi`). */
export type SlotSpace = 'f' | 'i' | 'wf' | 'wi';

/** A scratch slot of a materialized tile: f32 words or i32 words (bool as 0/1). */
export interface Slot {
  readonly space: SlotSpace;
  readonly offset: number;
  /** Words between rows (last axis) when rows are padded against bank conflicts; absent: dense rows. */
  readonly pitch?: number;
}

/** The dims a slot is addressed with: the last axis widened to the slot's row pitch. */
export function slotDims(slot: Slot, dims: readonly number[]): readonly number[] {
  return slot.pitch === undefined ? dims : [...dims.slice(0, -1), slot.pitch];
}

/** Row pitch of a staged tile: one word of padding after each even-length row, so column walks hit distinct banks. */
function stagedPitch(dims: readonly number[]): number | undefined {
  const last = dims[dims.length - 1]!;
  return dims.length >= 2 && last >= 8 && last % 2 === 0 ? last + 1 : undefined;
}

/** Everything decided about a kernel before printing. */
export interface Layout {
  readonly root: Region;
  readonly uses: ReadonlyMap<Node, number>;
  readonly slots: ReadonlyMap<Node, Slot>;
  readonly buffers: ReadonlyMap<Node, BufferInfo>;
  readonly scalars: readonly Node[];
  readonly inputs: readonly BufferInfo[];
  readonly outputs: readonly BufferInfo[];
  /** Outer loops (outermost first) whose iterations are independent tasks spread over workgroups. */
  readonly grid: readonly Placed[];
  readonly scratchF: number;
  readonly scratchI: number;
  /** f32 / i32 words of workgroup memory (`var<workgroup>` arrays). */
  readonly workgroupF: number;
  readonly workgroupI: number;
}

const isTile = (n: Node): boolean => n.type.kind === 'tile' && n.type.shape.length > 0;
const shapeOf = (n: Node): readonly number[] => (n.type as TileType).shape;

/** Ops whose tile value is always kept in a slot (they loop per element or carry state). */
const ALWAYS_SLOT = new Set<Op>([Op.DOT, Op.REDUCE_MAX, Op.REDUCE_SUM, Op.IF, Op.ITER, Op.MEMBER]);
/** Ops that are cheap to recompute per element. */
const CHEAP = new Set<Op>([Op.IOTA, Op.CONST, Op.PARAM, Op.BROADCAST, Op.TRANS, Op.RESHAPE, Op.LOAD, Op.RESULT]);
/** Ops whose per-element cost is high (transcendentals, searches, expansions). */
const COSTLY = new Set<Op>([Op.EXP, Op.LOG, Op.TANH, Op.ERF, Op.SOFTMAX_EXP, Op.DIV, Op.IDIV, Op.MOD, Op.GATHER, Op.NM_EXPAND, Op.TABLE]);

/** The buffer a LOAD / STORE / GATHER source refers to (through AFTER). */
export function bufferRoot(n: Node): Node {
  let b = n;
  while (b.op === Op.AFTER) b = b.src[0]!;
  return b;
}

function countUses(kernel: Node): Map<Node, number> {
  const uses = new Map<Node, number>();
  for (const n of toposort([kernel])) for (const s of new Set(n.src)) uses.set(s, (uses.get(s) ?? 0) + 1);
  return uses;
}

function classifyBuffers(all: readonly Node[]): { buffers: Map<Node, BufferInfo>; inputs: BufferInfo[]; outputs: BufferInfo[]; scalars: Node[]; scratchF: number; scratchI: number } {
  const stored = new Set(all.filter((n) => n.op === Op.STORE).map((n) => bufferRoot(n.src[0]!)));
  const buffers = new Map<Node, BufferInfo>();
  const inputs: BufferInfo[] = [];
  const outputs: BufferInfo[] = [];
  const scalars: Node[] = [];
  let scratchF = 0;
  let scratchI = 0;
  const params = all.filter((n) => n.op === Op.PARAM).sort((a, b) => String(a.arg).localeCompare(String(b.arg)));
  for (const n of params) {
    if (n.type.kind !== 'ptr') {
      scalars.push(n);
      continue;
    }
    const out = stored.has(n);
    const list = out ? outputs : inputs;
    const info: BufferInfo = { node: n, kind: out ? 'out' : 'in', scalar: n.type.scalar, index: list.length, size: 0 };
    list.push(info);
    buffers.set(n, info);
  }
  for (const n of all.filter((x) => x.op === Op.ALLOC)) {
    if (n.type.kind !== 'ptr') continue;
    const size = Number(n.attrs['size']);
    const float = VALUE_TYPE[n.type.scalar] === 'f32';
    buffers.set(n, { node: n, kind: 'scratch', scalar: n.type.scalar, index: float ? scratchF : scratchI, size });
    if (float) scratchF += size;
    else scratchI += size;
  }
  return { buffers, inputs, outputs, scalars, scratchF, scratchI };
}

/** Chooses the tile values that get scratch slots. */
function chooseSlots(all: readonly Node[], uses: ReadonlyMap<Node, number>): Set<Node> {
  const slot = new Set<Node>(all.filter((n) => isTile(n) && ALWAYS_SLOT.has(n.op)));
  for (const n of all) {
    if (n.op !== Op.LOOP) continue;
    for (const next of loopParts(n).nexts) if (isTile(next) && next.op !== Op.ITER && next.op !== Op.RESULT) slot.add(next);
  }
  const costMemo = new Map<Node, number>();
  const cost = (n: Node): number => {
    if (!isTile(n) || slot.has(n)) return 0;
    let c = costMemo.get(n);
    if (c === undefined) {
      c = (COSTLY.has(n.op) ? 4 : CHEAP.has(n.op) ? 0 : 1) + n.src.reduce((s, x) => s + cost(x), 0);
      costMemo.set(n, c);
    }
    return c;
  };
  const cheap = (n: Node): boolean => !isTile(n) || slot.has(n) || (CHEAP.has(n.op) && n.src.every(cheap));
  for (const n of all) {
    if (n.op === Op.DOT) for (const operand of n.src.slice(0, 2)) if (!cheap(operand)) slot.add(operand);
    // a big per-element cost must not be paid again for every element of a reduction
    if (n.op === Op.REDUCE_MAX || n.op === Op.REDUCE_SUM) if (cost(n.src[0]!) > 8) slot.add(n.src[0]!);
  }
  for (const n of all) {
    if (isTile(n) && !slot.has(n) && (uses.get(n) ?? 0) > 1 && cost(n) > 2) {
      slot.add(n);
      costMemo.clear();
    }
  }
  return slot;
}

/** Outer loops without carried values whose bodies hold nothing but the next loop of the chain. */
function findGrid(root: Region): Placed[] {
  const grid: Placed[] = [];
  const rootNodes = new Set(root.map((p) => p.node));
  const invariant = (n: Node): boolean => n.op === Op.CONST || n.op === Op.PARAM || rootNodes.has(n);
  let region = root;
  for (;;) {
    const loops = region.filter((p) => p.node.op === Op.LOOP);
    const effects = region.filter((p) => p.node.op === Op.LOOP || p.node.op === Op.STORE || p.node.op === Op.BARRIER || p.node.op === Op.IF);
    if (loops.length !== 1 || effects.length !== 1) return grid;
    const p = loops[0]!;
    const parts = loopParts(p.node);
    if (parts.iters.length > 0 || !invariant(parts.lo) || !invariant(parts.hi)) return grid;
    grid.push(p);
    region = p.body!;
  }
}

/** A LOAD read through view ops only (transpose, cast, reshape): the tile worth staging for a DOT operand. */
function stagedLoad(operand: Node): Node | null {
  let n = operand;
  while (n.op === Op.TRANS || n.op === Op.CAST || n.op === Op.RESHAPE) n = n.src[0]!;
  return n.op === Op.LOAD && isTile(n) ? n : null;
}

/** DOT operands read from global buffers, right operands (K, V) first: staged in workgroup memory when they fit. */
function stagingCandidates(all: readonly Node[], slotted: ReadonlySet<Node>): Node[] {
  const dots = all.filter((n) => n.op === Op.DOT);
  const picked: Node[] = [];
  for (const side of [1, 0]) {
    for (const d of dots) {
      const load = stagedLoad(d.src[side]!);
      if (load && !slotted.has(load) && !picked.includes(load)) picked.push(load);
    }
  }
  return picked;
}

/** Lays out `kernel` (a KERNEL root of final tile IR); up to `workgroupWords` 32-bit words of slots go to workgroup memory. */
export function layoutKernel(kernel: Node, workgroupWords = 0): Layout {
  const root = linearize(kernel);
  const all = toposort([kernel]);
  const uses = countUses(kernel);
  const b = classifyBuffers(all);
  const slotted = chooseSlots(all, uses);
  const slots = new Map<Node, Slot>();
  const next: Record<SlotSpace, number> = { f: b.scratchF, i: b.scratchI, wf: 0, wi: 0 };
  const words = (n: Node, pitch?: number): number => numel(pitch === undefined ? shapeOf(n) : [...shapeOf(n).slice(0, -1), pitch]);
  const place = (n: Node, shared: boolean, pitch?: number): void => {
    const float = VALUE_TYPE[(n.type as TileType).scalar] === 'f32';
    const space: SlotSpace = shared ? (float ? 'wf' : 'wi') : float ? 'f' : 'i';
    slots.set(n, pitch === undefined ? { space, offset: next[space] } : { space, offset: next[space], pitch });
    next[space] += words(n, pitch);
  };
  const fits = (n: Node, pitch?: number): boolean => next.wf + next.wi + words(n, pitch) <= workgroupWords;
  for (const n of all) if (slotted.has(n)) place(n, fits(n));
  for (const n of stagingCandidates(all, slotted)) {
    const pitch = stagedPitch(shapeOf(n));
    if (fits(n, pitch)) place(n, true, pitch);
  }
  for (const n of all) {
    if (n.op === Op.RESULT && isTile(n)) {
      const iter = loopParts(n.src[0]!).iters[n.arg as number]!;
      slots.set(n, slots.get(iter)!);
    }
  }
  return {
    root, uses, slots, buffers: b.buffers, scalars: b.scalars, inputs: b.inputs, outputs: b.outputs, grid: findGrid(root),
    scratchF: next.f, scratchI: next.i, workgroupF: next.wf, workgroupI: next.wi,
  };
}
