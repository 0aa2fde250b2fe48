/**
 * @file The slot plan of a SIMT kernel computed on the IR, without printing it: a walk over the placed
 * nodes in print order (the grid walk and launch phases included) that records, for every slotted tile,
 * when it is first and last touched (live ranges) and whether only its owner lanes touch it (register
 * candidates). It follows the printer's rules: a phase over a tile's own shape reads it at the owner's
 * element through element-wise ops and gather / member / table indices; DOT operands, reductions,
 * transposes, reshapes, N:M expansions and scalar statements read it across lanes. It must agree with
 * statements.ts, dot.ts and reduce.ts: a register tile read across lanes makes the printer throw, and
 * test/goldens show any other drift.
 */
import { numel, type TileType } from '../../ir/dtype.js';
import type { Placed, Region } from '../../ir/linearize.js';
import { Node, loopParts } from '../../ir/node.js';
import { Op, OpGroup } from '../../ir/ops.js';
import { isLaunchBoundary } from '../../passes/sync-block.js';
import { layoutKernel, type Layout, type SlotPlan } from './layout.js';
import { VALUE_KIND } from './spelling.js';
import { UNROLL_LIMIT } from './statements.js';

/** What decides how a printer touches slots beyond the IR: lanes, register budget, and which reductions it shuffles. */
export interface LivenessOptions {
  readonly lanes: number;
  readonly registerWords: number;
  /** True when the printer folds row reduction `n` with lane shuffles (its write is not at the owner lanes). */
  readonly shuffles: (n: Node, lanes: number) => boolean;
}

const shapeOf = (n: Node): readonly number[] => (n.type.kind === 'tile' ? n.type.shape : []);
const isScalar = (n: Node): boolean => n.type.kind === 'tile' && n.type.shape.length === 0;
const sameDims = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const allOnes = (dims: readonly number[]): boolean => dims.every((d) => d === 1);

/** What the walk learns about one slot: when it is first and last touched, and whether only owner lanes touch it. */
interface SlotUsage {
  first: number;
  last: number;
  /** Loops open at the first access (ids), so a touch inside a later loop keeps the slot live to that loop's end. */
  readonly firstLoops: readonly number[];
  /** Every access was at the owning lane's own element of a phase of the slot's own shape. */
  ownOnly: boolean;
}

/** Records slot usage during the walk: ticks (one per placed node), loop nesting, owner-only access. */
class UsageRecorder {
  readonly usage = new Map<object, SlotUsage>();
  private tick = 0;
  private readonly loops: number[] = [];
  private readonly loopEnds = new Map<number, number>();
  private readonly touches: { key: object; loops: readonly number[] }[] = [];
  private nextLoop = 0;

  /** Advances the clock (one placed node). */
  step(): number {
    return ++this.tick;
  }

  /** Opens a loop; returns its id. */
  openLoop(): number {
    const id = this.nextLoop++;
    this.loops.push(id);
    return id;
  }

  /** Closes the innermost loop at the current tick. */
  closeLoop(): void {
    this.loopEnds.set(this.loops.pop()!, ++this.tick);
  }

  /** Records a touch of slot `key`. */
  touch(key: object, own: boolean): void {
    const u = this.usage.get(key);
    if (!u) this.usage.set(key, { first: this.tick, last: this.tick, firstLoops: [...this.loops], ownOnly: own });
    else {
      u.last = Math.max(u.last, this.tick);
      u.ownOnly &&= own;
    }
    this.touches.push({ key, loops: [...this.loops] });
  }

  /** Final live intervals: a touch inside a loop the first touch is not in extends the slot to that loop's end. */
  finish(): Map<object, SlotUsage> {
    for (const t of this.touches) {
      const u = this.usage.get(t.key)!;
      const outer = t.loops.find((l) => !u.firstLoops.includes(l));
      if (outer !== undefined) u.last = Math.max(u.last, this.loopEnds.get(outer) ?? this.tick);
    }
    return this.usage;
  }
}

/** Ops whose element reads its tile sources at the same (broadcast) index (gather / member / table indices included). */
const SAME_INDEX = new Set<Op>([...OpGroup.Unary, ...OpGroup.Binary, ...OpGroup.Ternary, ...OpGroup.Compare, Op.CAST, Op.BROADCAST, Op.WHERE, Op.CONVERT_LAYOUT, Op.GATHER, Op.MEMBER, Op.TABLE]);

/**
 * True unless DOT `dims` is register-blocked (dot.ts) and reads its accumulator at another index than the owned
 * one: the accumulator index spells size-1 axes '0', the owned index of round j does so only for the row of a
 * full round when the row is longer than the workgroup (N % W == 0).
 */
function blockedAccOwn(dims: readonly number[], W: number): boolean {
  const total = numel(dims);
  const J = Math.ceil(total / W);
  if (dims.length !== 2 || J > UNROLL_LIMIT) return true;
  const [M, N] = dims as [number, number];
  const partial = (j: number): boolean => (j + 1) * W > total;
  const rowIsZero = (j: number): boolean => !partial(j) && W % N !== 0 && N % W === 0 && Math.floor(j / (N / W)) === 0;
  return Array.from({ length: J }, (_, j) => (M !== 1 || rowIsZero(j)) && N !== 1).every(Boolean);
}

/** Walks `layout` (the unplanned layout: every slotted tile in a slot, every candidate staged) in print order and records touches. */
class Walker {
  constructor(
    readonly layout: Layout,
    readonly usage: UsageRecorder,
    readonly opts: LivenessOptions,
  ) {}

  private key(n: Node): object | undefined {
    return this.layout.slots.get(n);
  }

  /** Touches made by reading element `ident ? phase index : other` of `n` in a phase over `dims` (null: a scalar statement). */
  read(n: Node, dims: readonly number[] | null, ident: boolean, flat = false): void {
    if (isScalar(n) || n.type.kind !== 'tile') return;
    const key = this.key(n);
    // flat: read by a RESHAPE at the phase's own element: the same row-major element number, so the same owner lane
    if (key) return this.usage.touch(key, dims !== null && ident && (flat ? numel(shapeOf(n)) === numel(dims) : sameDims(shapeOf(n), dims)));
    if (flat) return this.compute(n, dims, false);
    this.compute(n, dims, ident);
  }

  /** Touches made by computing element `ident ? phase index : other` of `n` from its sources (never its own slot). */
  compute(n: Node, dims: readonly number[] | null, ident: boolean): void {
    if (n.op === Op.LOAD || n.op === Op.IOTA || n.op === Op.CONST) return;
    n.src.forEach((s) => {
      const same = SAME_INDEX.has(n.op)
        ? ident && sameDims(shapeOf(s), shapeOf(n))
        : n.op === Op.TRANS || n.op === Op.RESHAPE
          ? ident && allOnes(shapeOf(s)) && allOnes(shapeOf(n))
          : false;
      if (n.op === Op.RESHAPE && ident && dims !== null && sameDims(shapeOf(n), dims) && !allOnes(shapeOf(n))) return this.read(s, dims, true, true);
      this.read(s, dims, same);
    });
  }

  /** The touches of a phase filling tile `n` from its sources (the printer's fill / valueOf). */
  private fill(n: Node): void {
    const dims = shapeOf(n);
    if (n.op === Op.DOT) {
      const [a, b, acc] = n.src as [Node, Node, Node];
      this.read(a, dims, false);
      this.read(b, dims, false);
      this.read(acc, dims, sameDims(shapeOf(acc), dims) && blockedAccOwn(dims, this.opts.lanes));
    } else if (n.op === Op.REDUCE_MAX || n.op === Op.REDUCE_SUM) {
      this.read(n.src[0]!, dims, false);
    } else this.compute(n, dims, true);
    this.usage.touch(this.key(n)!, true);
  }

  region(region: Region, skip: ReadonlySet<Node> = new Set(), replace?: ReadonlyMap<Node, (() => void) | null>): void {
    for (const p of region) {
      this.usage.step();
      const instead = replace?.get(p.node);
      if (instead === null) continue;
      for (const load of this.layout.anchors.get(p.node) ?? []) this.usage.touch(this.key(load)!, false);
      if (instead) instead();
      else if (!skip.has(p.node)) this.placed(p);
    }
  }

  private placed(p: Placed): void {
    const n = p.node;
    switch (n.op) {
      case Op.LOOP:
        return this.loop(p);
      case Op.IF:
        return this.branch(p);
      case Op.STORE: {
        const value = n.src[n.src.length - 1]!;
        for (const s of n.src.slice(1, -1)) this.read(s, null, false);
        return this.read(value, shapeOf(value).length === 0 ? null : shapeOf(value), true);
      }
      case Op.CONST: case Op.PARAM: case Op.ALLOC: case Op.AFTER: case Op.RESULT: case Op.BARRIER:
        return;
    }
    if (n.type.kind !== 'tile') return;
    if (isScalar(n)) return n.src.forEach((s) => this.read(s, null, false));
    if (this.layout.staged.has(n) || !this.key(n)) return;
    if ((n.op === Op.REDUCE_MAX || n.op === Op.REDUCE_SUM) && this.opts.shuffles(n, this.opts.lanes)) {
      this.read(n.src[0]!, null, false);
      return this.usage.touch(this.key(n)!, false);
    }
    this.fill(n);
  }

  /** A carried tile `to` filled from `from` (broadcast), as the printer's copyInto. */
  private copyInto(to: Node, from: Node): void {
    this.read(from, shapeOf(to), sameDims(shapeOf(from), shapeOf(to)));
    this.usage.touch(this.key(to)!, true);
  }

  private loop(p: Placed): void {
    const parts = loopParts(p.node);
    parts.iters.forEach((it, j) => (isScalar(it) ? this.read(parts.inits[j]!, null, false) : this.copyInto(it, parts.inits[j]!)));
    this.read(parts.lo, null, false);
    this.read(parts.hi, null, false);
    this.usage.openLoop();
    this.region(p.body!);
    this.usage.step();
    parts.iters.forEach((it, j) => {
      const next = parts.nexts[j]!;
      if (next === it) return;
      if (isScalar(it)) this.read(next, null, false);
      else this.copyInto(it, next);
    });
    this.usage.closeLoop();
  }

  private branch(p: Placed): void {
    const [cond, a, b] = p.node.src as [Node, Node, Node];
    this.read(cond, null, false);
    const tile = p.node.type.kind === 'tile' && !isScalar(p.node);
    p.branches!.forEach((region, i) => {
      this.region(region);
      const value = i === 0 ? a : b;
      if (tile) this.copyInto(p.node, value);
      else this.read(value, null, false);
    });
  }

  /** The printer's grid walk (printGrid) or one launch phase of it (printLaunch). */
  kernel(phase: 'first' | 'after' | null): void {
    const { grid, launch, root } = this.layout;
    if (grid.length === 0) return this.region(root);
    this.region(root, new Set([grid[0]!.node]));
    this.usage.openLoop();
    if (!phase) grid.forEach((g, d) => this.region(g.body!, new Set(d + 1 < grid.length ? [grid[d + 1]!.node] : [])));
    else {
      const innermost = grid[grid.length - 1]!;
      grid.slice(0, -1).forEach((g, d) => this.region(g.body!, new Set([grid[d + 1]!.node])));
      const replace = new Map<Node, (() => void) | null>();
      const at = innermost.body!.indexOf(launch!);
      if (phase === 'first') {
        replace.set(launch!.node, () => this.region(launch!.body!));
        for (const q of innermost.body!.slice(at + 1)) replace.set(q.node, null);
      } else {
        replace.set(launch!.node, null);
        for (const q of innermost.body!) if (isLaunchBoundary(q.node)) replace.set(q.node, null);
      }
      this.region(innermost.body!, new Set(), replace);
    }
    this.usage.closeLoop();
  }
}

const floorPow2 = (x: number): number => (x < 1 ? 0 : 2 ** Math.floor(Math.log2(x)));

/** The printer's test for a shuffle row reduction (reduce.ts): on when `enabled`, a non-bool 2-D tile reduced along its rows, 2+ lanes per row, `groups` allows the lanes. */
export function rowShuffles(enabled: boolean, groups: (lanes: number) => boolean): LivenessOptions['shuffles'] {
  return (n, lanes) => {
    const dims = shapeOf(n.src[0]!);
    if (!enabled || VALUE_KIND[(n.type as TileType).scalar] === 'bool' || dims.length !== 2 || n.arg !== 1) return false;
    return Math.min(floorPow2(dims[1]!), floorPow2(Math.floor(lanes / dims[0]!)) || 1) >= 2 && groups(lanes);
  };
}

/**
 * Plans slots on the IR: owner-only tiles small enough go to registers, smallest first (ties in placement
 * order), while they fit in `registerWords` per lane; live ranges let the rest share memory.
 */
export function planSlots(kernel: Node, opts: LivenessOptions): SlotPlan {
  const unplanned = layoutKernel(kernel);
  const usage = new UsageRecorder();
  const walker = new Walker(unplanned, usage, opts);
  for (const phase of unplanned.launch ? (['first', 'after'] as const) : [null]) walker.kernel(phase);
  const used = usage.finish();
  const live = new Map<Node, readonly [number, number]>();
  const candidates: { n: Node; words: number }[] = [];
  for (const [n, slot] of [...unplanned.slots].filter(([n]) => n.op !== Op.RESULT)) {
    const u = used.get(slot);
    if (!u) continue;
    live.set(n, [u.first, u.last]);
    const words = Math.ceil(numel(shapeOf(n)) / opts.lanes);
    if (u.ownOnly && words <= UNROLL_LIMIT && !unplanned.staged.has(n)) candidates.push({ n, words });
  }
  const registers = new Set<Node>();
  let taken = 0;
  // NOTE: Array.prototype.sort is stable, so ties keep placement order; node ids depend on what else the process built.
  for (const c of candidates.sort((a, b) => a.words - b.words)) {
    if (taken + c.words > opts.registerWords) break;
    registers.add(c.n);
    taken += c.words;
  }
  return { live, registers, workgroupSize: opts.lanes };
}
