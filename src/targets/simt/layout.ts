/**
 * @file Decisions a SIMT printer (WGSL, CUDA) needs before printing: which buffers are inputs, outputs or
 * scratch, which tile values live in scratch slots (materialized) and which are recomputed per
 * element where used (inlined), and which outer loops become the grid of independent workgroup tasks.
 */
import { numel, type Scalar, type TileType } from '../../ir/dtype.js';
import { linearize, type Placed, type Region } from '../../ir/linearize.js';
import { Node, loopParts, toposort } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { VALUE_KIND } from './spelling.js';
import { LAUNCH_AXIS } from '../../passes/bind.js';
import { isStaged, operandLoad, stagedPitch } from '../../passes/stage-shared.js';

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
  /** A scratch buffer with one copy per grid task (a `per_task` ALLOC, read after a launch boundary): `index` is in the task area. */
  readonly perTask?: boolean;
}

/** Where a slot lives: f32 / i32 words of the per-workgroup storage scratch, or of workgroup memory (`wf` / `wi`; `wh`: f16 staged tiles). */
export type SlotSpace = 'f' | 'i' | 'wf' | 'wi' | 'wh';

/** 32-bit words one element of a slot space takes (f16 workgroup tiles: half a word). */
export const SPACE_WORDS: Readonly<Record<SlotSpace, number>> = { f: 1, i: 1, wf: 1, wi: 1, wh: 0.5 };

/** Workgroup-memory spaces (they share the device's workgroup / shared storage limit). */
export const WORKGROUP_SPACES: readonly SlotSpace[] = ['wf', 'wi', 'wh'];

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

/** A tile kept in each lane's private registers: `var name: array<T, count>`, element j owned as lid + j * W. */
export interface PrivateSlot {
  readonly name: string;
  readonly count: number;
}

/** What the slot plan (liveness.ts) decided: live ranges (in placed-node ticks) and the tiles kept in registers. */
export interface SlotPlan {
  readonly live: ReadonlyMap<Node, readonly [number, number]>;
  readonly registers: ReadonlySet<Node>;
  readonly workgroupSize: number;
  /** Staged tiles of f16 inputs stay f16 in workgroup memory (`enable f16;`). */
  readonly halfStaging?: boolean;
  /**
   * At equal size a staged operand takes workgroup memory before a non-staged tile (an accumulator then lives in
   * storage scratch). Staged operands are read in the innermost, unrolled loops; left in global memory there
   * (bf16 decodes per element), SwiftShader took minutes to create the pipeline of seer_gate_target at 16 KiB.
   */
  readonly stagedFirst?: boolean;
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
  /** The launch-axis loop (`grid.w`) in the innermost grid loop's body: its iterations are tasks of a first launch, the rest of the body a second. */
  readonly launch: Placed | null;
  /** f32 / i32 words of each grid task's copy of the `per_task` scratch buffers. */
  readonly taskF: number;
  readonly taskI: number;
  readonly scratchF: number;
  readonly scratchI: number;
  /** f32 / i32 words of workgroup memory (`var<workgroup>` arrays). */
  readonly workgroupF: number;
  readonly workgroupI: number;
  /** f16 elements of workgroup memory (`var<workgroup> wh: array<f16, n>`). */
  readonly workgroupH: number;
  /** Tiles held in private registers (owner-only access). */
  readonly privates: ReadonlyMap<Node, PrivateSlot>;
  /** LOADs copied into a slot once, right before the placed node (the key) that first needs them. */
  readonly staged: ReadonlySet<Node>;
  readonly anchors: ReadonlyMap<Node, readonly Node[]>;
}

const isTile = (n: Node): boolean => n.type.kind === 'tile' && n.type.shape.length > 0;
const shapeOf = (n: Node): readonly number[] => (n.type as TileType).shape;

/** Ops whose tile value is always kept in a slot (they loop per element or carry state). */
const ALWAYS_SLOT = new Set<Op>([Op.DOT, Op.REDUCE_MAX, Op.REDUCE_SUM, Op.IF, Op.ITER, Op.MEMBER]);
/** Ops that are cheap to recompute per element. */
const CHEAP = new Set<Op>([Op.IOTA, Op.CONST, Op.PARAM, Op.BROADCAST, Op.TRANS, Op.RESHAPE, Op.LOAD, Op.RESULT]);
/** Ops whose per-element cost is high (transcendentals, searches, expansions). */
const COSTLY = new Set<Op>([Op.EXP, Op.LOG, Op.TANH, Op.SIN, Op.COS, Op.EXP2, Op.LOG2, Op.ERF, Op.SOFTMAX_EXP, Op.DIV, Op.IDIV, Op.MOD, Op.GATHER, Op.NM_EXPAND, Op.TABLE]);

/** The buffer a LOAD / STORE / GATHER source refers to (through AFTER). */
export function bufferRoot(n: Node): Node {
  let b = n;
  while (b.op === Op.AFTER) b = b.src[0]!;
  return b;
}

/** The base variable and array of a scratch buffer's words: the workgroup's region (sbf / sbi) or its task's copy (stf / sti). */
export function scratchBase(info: BufferInfo, float: boolean): [base: string, array: string] {
  return [`${info.perTask ? 'st' : 'sb'}${float ? 'f' : 'i'}`, float ? 'sf' : 'si'];
}

function countUses(kernel: Node): Map<Node, number> {
  const uses = new Map<Node, number>();
  for (const n of toposort([kernel])) for (const s of new Set(n.src)) uses.set(s, (uses.get(s) ?? 0) + 1);
  return uses;
}

interface Buffers {
  buffers: Map<Node, BufferInfo>;
  inputs: BufferInfo[];
  outputs: BufferInfo[];
  scalars: Node[];
  scratchF: number;
  scratchI: number;
  taskF: number;
  taskI: number;
}

function classifyBuffers(all: readonly Node[]): Buffers {
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
  const task = { f: 0, i: 0 };
  for (const n of all.filter((x) => x.op === Op.ALLOC)) {
    if (n.type.kind !== 'ptr') continue;
    const size = Number(n.attrs['size']);
    const float = VALUE_KIND[n.type.scalar] === 'float';
    if (n.attrs['per_task'] === true) {
      buffers.set(n, { node: n, kind: 'scratch', scalar: n.type.scalar, index: float ? task.f : task.i, size, perTask: true });
      task[float ? 'f' : 'i'] += size;
      continue;
    }
    buffers.set(n, { node: n, kind: 'scratch', scalar: n.type.scalar, index: float ? scratchF : scratchI, size });
    if (float) scratchF += size;
    else scratchI += size;
  }
  return { buffers, inputs, outputs, scalars, scratchF, scratchI, taskF: task.f, taskI: task.i };
}

/** The stored form of a right operand that is an expanded N:M weight seen transposed (`trans(nm_expand(values, indices))`). */
export function nmWeight(b: Node): { values: Node; indices: Node; keep: number; group: number; stored: number } | null {
  const e = b.op === Op.TRANS ? b.src[0]! : null;
  if (!e || e.op !== Op.NM_EXPAND) return null;
  const [values, indices] = e.src as [Node, Node];
  return { values, indices, keep: Number(e.attrs['keep']), group: Number(e.attrs['group']), stored: (values.type as TileType).shape[1]! };
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
    // NOTE: an N:M weight operand is read slot by slot by the DOT itself (dot.ts), so it is never materialized expanded.
    if (n.op === Op.DOT) for (const operand of n.src.slice(0, 2)) if (!cheap(operand) && !nmWeight(operand)) slot.add(operand);
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

/** The loops the `bind` pass bound to grid axes, outermost first (a perfect nest from the root), and the launch-axis loop in the innermost. */
function findGrid(root: Region): { grid: Placed[]; launch: Placed | null } {
  const bound = (x: Placed, axis: (b: string) => boolean): boolean => x.node.op === Op.LOOP && axis(loopParts(x.node).bind);
  const grid: Placed[] = [];
  let region = root;
  for (;;) {
    const p = region.find((x) => bound(x, (b) => b.startsWith('grid.') && b !== LAUNCH_AXIS));
    if (!p) return { grid, launch: grid.length > 0 ? region.find((x) => bound(x, (b) => b === LAUNCH_AXIS)) ?? null : null };
    grid.push(p);
    region = p.body!;
  }
}

/** DOT operands the `stage-shared` pass marked and no slot holds already, right operands (K, V) first (the order slots are handed out in). */
function stagingCandidates(all: readonly Node[], slotted: ReadonlySet<Node>): Set<Node> {
  const dots = all.filter((n) => n.op === Op.DOT);
  const picked = new Set<Node>();
  for (const side of [1, 0]) {
    for (const d of dots) {
      const load = operandLoad(d.src[side]!)?.load;
      if (load && isStaged(load) && !slotted.has(load)) picked.add(load);
    }
  }
  return picked;
}

/** For each staged LOAD, the first placed node of its region that (or whose body) uses it: the copy is printed right before. */
function stagingAnchors(root: Region, staged: ReadonlySet<Node>, all: readonly Node[]): Map<Node, Node[]> {
  const users = new Map<Node, Node[]>();
  for (const n of all) for (const s of new Set(n.src)) users.set(s, [...(users.get(s) ?? []), n]);
  const anchors = new Map<Node, Node[]>();
  const find = (region: Region): void => {
    region.forEach((p, at) => {
      if (staged.has(p.node)) {
        const dependents = new Set<Node>();
        const todo = [...(users.get(p.node) ?? [])];
        while (todo.length > 0) {
          const u = todo.pop()!;
          if (dependents.has(u)) continue;
          dependents.add(u);
          todo.push(...(users.get(u) ?? []));
        }
        const uses = (q: Placed): boolean => dependents.has(q.node) || [...(q.body ?? []), ...(q.branches ?? []).flat()].some(uses);
        const anchor = region.slice(at + 1).find(uses) ?? p;
        anchors.set(anchor.node, [...(anchors.get(anchor.node) ?? []), p.node]);
      }
      if (p.body) find(p.body);
      for (const b of p.branches ?? []) find(b);
    });
  };
  find(root);
  return anchors;
}

/** Word ranges handed out by live range: two tiles share words only when their live ranges do not meet. */
class IntervalPool {
  private readonly taken: { lo: number; hi: number; from: number; to: number }[] = [];
  end = 0;

  /** The lowest offset where `words` fit during [from, to] below `cap`, or null. */
  fit(words: number, from: number, to: number, cap: number): number | null {
    const busy = this.taken.filter((t) => t.from <= to && from <= t.to).sort((a, b) => a.lo - b.lo);
    let off = 0;
    for (const t of busy) {
      if (off + words <= t.lo) break;
      off = Math.max(off, t.hi);
    }
    return off + words <= cap ? off : null;
  }

  take(off: number, words: number, from: number, to: number): void {
    this.taken.push({ lo: off, hi: off + words, from, to });
    this.end = Math.max(this.end, off + words);
  }
}

/**
 * Lays out `kernel` (a KERNEL root of final tile IR). Without a plan (what liveness.ts walks) every tile
 * gets its own storage slot; with one, register tiles become private variables and the rest share
 * up to `workgroupWords` words of workgroup memory by live range (largest first; what does not fit
 * goes to storage scratch, or is not staged at all).
 */
export function layoutKernel(kernel: Node, workgroupWords = 0, plan?: SlotPlan): Layout {
  const root = linearize(kernel);
  const all = toposort([kernel]);
  const uses = countUses(kernel);
  const b = classifyBuffers(all);
  const slotted = chooseSlots(all, uses);
  const candidates = stagingCandidates(all, slotted);
  const slots = new Map<Node, Slot>();
  const privates = new Map<Node, PrivateSlot>();
  const staged = new Set<Node>();
  const pools: Record<SlotSpace, IntervalPool> = { f: new IntervalPool(), i: new IntervalPool(), wf: new IntervalPool(), wi: new IntervalPool(), wh: new IntervalPool() };
  /** Elements of `space` still free under the workgroup limit, given what the other workgroup spaces took. */
  const room = (space: SlotSpace): number => {
    const usedByOthers = WORKGROUP_SPACES.filter((s) => s !== space).reduce((sum, s) => sum + Math.ceil(pools[s].end * SPACE_WORDS[s]), 0);
    return Math.floor((workgroupWords - usedByOthers) / SPACE_WORDS[space]);
  };
  const wants = [...all.filter((n) => slotted.has(n)), ...candidates].map((n) => {
    const pitch = candidates.has(n) ? stagedPitch(n) : undefined;
    const words = numel(pitch === undefined ? shapeOf(n) : [...shapeOf(n).slice(0, -1), pitch]);
    const float = VALUE_KIND[(n.type as TileType).scalar] === 'float';
    const live = plan?.live.get(n) ?? [0, Number.MAX_SAFE_INTEGER];
    return { n, pitch, words, float, from: live[0], to: live[1] };
  });
  const stagedFirst = (x: { n: Node }, y: { n: Node }): number => (plan?.stagedFirst ? Number(candidates.has(y.n)) - Number(candidates.has(x.n)) : 0);
  if (plan) wants.sort((x, y) => y.words - x.words || stagedFirst(x, y) || x.from - y.from);
  for (const want of wants) {
    const { n, pitch, words, float, from, to } = want;
    if (plan?.registers.has(n)) {
      // NOTE: numbered in layout order, not by node id (ids depend on what else the process built).
      privates.set(n, { name: `pr${privates.size}`, count: Math.ceil(numel(shapeOf(n)) / plan.workgroupSize) });
      continue;
    }
    const isStaged = candidates.has(n);
    const half = isStaged && plan?.halfStaging === true && b.buffers.get(bufferRoot(n.src[0]!))?.scalar === 'f16';
    const shared: SlotSpace = half ? 'wh' : float ? 'wf' : 'wi';
    const at = plan ? pools[shared].fit(words, from, to, room(shared)) : null;
    let space: SlotSpace = shared;
    let offset = at ?? 0;
    if (at === null) {
      // NOTE: staging into storage scratch would only add a copy; without room the operand stays in global memory.
      if (isStaged && plan) continue;
      space = float ? 'f' : 'i';
      offset = plan ? pools[space].fit(words, from, to, Number.MAX_SAFE_INTEGER)! : pools[space].end;
    }
    pools[space].take(offset, words, from, to);
    // NOTE: storage slots follow the kernel's scratch buffers in the same per-workgroup region.
    const base = space === 'f' ? b.scratchF : space === 'i' ? b.scratchI : 0;
    slots.set(n, pitch === undefined ? { space, offset: offset + base } : { space, offset: offset + base, pitch });
    if (isStaged) staged.add(n);
  }
  for (const n of all) {
    if (n.op === Op.RESULT && isTile(n)) {
      const iter = loopParts(n.src[0]!).iters[n.arg as number]!;
      const slot = slots.get(iter);
      const priv = privates.get(iter);
      if (slot) slots.set(n, slot);
      if (priv) privates.set(n, priv);
    }
  }
  return {
    root, uses, slots, buffers: b.buffers, scalars: b.scalars, inputs: b.inputs, outputs: b.outputs, ...findGrid(root), taskF: b.taskF, taskI: b.taskI,
    scratchF: b.scratchF + pools.f.end, scratchI: b.scratchI + pools.i.end, workgroupF: pools.wf.end, workgroupI: pools.wi.end, workgroupH: pools.wh.end,
    privates, staged, anchors: stagingAnchors(root, staged, all),
  };
}
