/**
 * @file Prints the final tile IR of one kernel as the WAT function `run`: walks the linearized
 * regions, dispatches each op through a table of printers, prints loops (carried values in locals
 * or scratch tiles; work loops shared round-robin between threads) and lazy branches.
 */
import { numel, type Scalar } from '../../ir/dtype.js';
import { linearize, type Placed, type Region } from '../../ir/linearize.js';
import { loopParts, toposort, type Node } from '../../ir/node.js';
import { Op, isElementwise } from '../../ir/ops.js';
import { CLAIM_ADDRESS } from '../../runtime/wasm/abi.js';
import { FnContext, isScalar, tileType } from './context.js';
import { emitElementwise, fusedElementwise } from './elementwise.js';
import { emitAlloc, emitBarrier, emitGather, emitIota, emitLoad, emitMember, emitStore, emitTable, inPlaceLoads, touchedLoads } from './memory-ops.js';
import { dotBlockedOperand, dotReadsTransposed, emitDot, emitNmExpand, emitReduce, emitTrans } from './tile-math.js';

/** One kernel argument of the printed function, in call order (after sb, tid, nth). */
export interface ParamInfo {
  readonly name: string;
  /** `buffer`: a byte address into memory; `i32`: a scalar size. */
  readonly kind: 'buffer' | 'i32';
  /** Element type of a buffer (storage type: f16 / bf16 are 16-bit words). */
  readonly scalar: Scalar;
}

/** The printed function and what a runtime needs to call it. */
export interface PrintedFunction {
  readonly wat: string;
  readonly params: readonly ParamInfo[];
  /** Scratch bytes each thread needs. */
  readonly scratchBytes: number;
  /** True when the kernel has a work loop that threads share. */
  readonly parallel: boolean;
  /** Bytes of workspace all threads share (at `SHARED_BASE`). */
  readonly sharedBytes: number;
}

/** Loops whose iterations are independent units of work, split between threads: those the `bind` pass bound to `block`. */
const isWorkLoop = (loop: Node): boolean => loopParts(loop).bind === 'block';

type Printer = (ctx: FnContext, n: Node) => void;

const alias: Printer = (ctx, n) => {
  const src = n.src[0]!;
  if (n.type.kind === 'ptr') ctx.aliasBuffer(n, src);
  else if (isScalar(src) && isScalar(n)) ctx.bindScalar(n, ctx.scalarLocal(src));
  else if (isScalar(src)) ctx.emit(`(${tileType(n).scalar === 'f32' ? 'f32' : 'i32'}.store offset=${ctx.slot(n)} (local.get $sb) ${ctx.val(src)})`);
  else ctx.aliasSlot(n, src);
};

/** Printers of every non-structural op. */
const PRINTERS: Partial<Record<Op, Printer>> = {
  [Op.LOAD]: emitLoad,
  [Op.STORE]: emitStore,
  [Op.GATHER]: emitGather,
  [Op.MEMBER]: emitMember,
  [Op.TABLE]: emitTable,
  [Op.IOTA]: emitIota,
  [Op.ALLOC]: emitAlloc,
  [Op.DOT]: emitDot,
  [Op.TRANS]: (ctx, n) => { if (!ctx.skip.has(n)) emitTrans(ctx, n); },
  [Op.REDUCE_MAX]: emitReduce,
  [Op.REDUCE_SUM]: emitReduce,
  [Op.NM_EXPAND]: emitNmExpand,
  [Op.BROADCAST]: emitElementwise,
  [Op.RESHAPE]: alias,
  [Op.CONVERT_LAYOUT]: alias,
  [Op.AFTER]: alias,
  [Op.BARRIER]: emitBarrier,
  [Op.RESULT]: (ctx, n) => {
    const iter = loopParts(n.src[0]!).iters[n.arg as number]!;
    if (isScalar(iter)) ctx.bindScalar(n, ctx.scalarLocal(iter));
    else ctx.aliasSlot(n, iter);
  },
};

/** Copies tile `src` into the slot of `dst` (no-op when they share a slot). */
function copyTile(ctx: FnContext, dst: Node, src: Node): void {
  const [d, s] = [ctx.slot(dst), ctx.slot(src)];
  if (d !== s) ctx.emit(`(memory.copy (i32.add (local.get $sb) (i32.const ${d})) (i32.add (local.get $sb) (i32.const ${s})) (i32.const ${numel(tileType(dst).shape) * 4}))`);
}

/** Assigns value `src` to `dst` (a scalar local or a tile slot). */
function assign(ctx: FnContext, dst: Node, src: Node): void {
  if (isScalar(dst)) ctx.emit(`(local.set ${ctx.scalarLocal(dst)} ${ctx.val(src)})`);
  else if (isScalar(src)) {
    const ty = tileType(dst).scalar === 'f32' ? 'f32' : 'i32';
    ctx.forCount(numel(tileType(dst).shape), 1, (i) => ctx.emit(`(${ty}.store offset=${ctx.slot(dst)} ${ctx.tileAddr(i)} ${ctx.val(src)})`));
  }
  else copyTile(ctx, dst, src);
}

class KernelPrinter {
  private inWork = false;
  constructor(readonly ctx: FnContext) {}

  region(r: Region): void {
    for (const p of r) this.placed(p);
  }

  placed(p: Placed): void {
    const n = p.node;
    if (n.op === Op.CONST || n.op === Op.PARAM) return;
    if (n.op === Op.LOOP) return this.loop(p);
    if (n.op === Op.IF) return this.branch(p);
    if (isElementwise(n.op)) return emitElementwise(this.ctx, n);
    const print = PRINTERS[n.op];
    if (!print) throw new Error(`wasm: cannot print op ${n.op}`);
    print(this.ctx, n);
  }

  /**
   * A block loop a barrier follows (`synced`, set by the sync-block pass): threads claim iterations from a shared
   * counter, so a thread slowed down (a busy machine) takes fewer. Every thread makes one failing claim per loop
   * run, and the barrier keeps all claims of one run before any of the next, so each thread knows the counter
   * value a run starts at (`$claimed`: iterations plus one failing claim per thread, summed over earlier runs).
   */
  claimedLoop(p: Placed): void {
    const ctx = this.ctx;
    const parts = loopParts(p.node);
    const i = ctx.scalarLocal(parts.range);
    const [count, ticket] = [ctx.local('i32', 'cn'), ctx.local('i32', 'ct')];
    const [brk, top] = [ctx.label('B'), ctx.label('L')];
    ctx.emit(`(local.set ${count} (call $imax (i32.const 0) (i32.sub ${ctx.val(parts.hi)} ${ctx.val(parts.lo)})))`);
    ctx.open(`(block ${brk}`);
    ctx.open(`(loop ${top}`);
    ctx.emit(`(local.set ${ticket} (i32.sub (i32.atomic.rmw.add (i32.const ${CLAIM_ADDRESS}) (i32.const 1)) (local.get $claimed)))`);
    ctx.emit(`(br_if ${brk} (i32.ge_u (local.get ${ticket}) (local.get ${count})))`);
    ctx.emit(`(local.set ${i} (i32.add ${ctx.val(parts.lo)} (local.get ${ticket})))`);
    this.inWork = true;
    this.region(p.body!);
    this.inWork = false;
    ctx.emit(`(br ${top})`);
    ctx.close(2);
    ctx.emit(`(local.set $claimed (i32.add (local.get $claimed) (i32.add (local.get ${count}) (local.get $nth))))`);
  }

  loop(p: Placed): void {
    if (!this.inWork && isWorkLoop(p.node) && p.node.attrs['synced'] === true && loopParts(p.node).iters.length === 0) return this.claimedLoop(p);
    const ctx = this.ctx;
    const parts = loopParts(p.node);
    parts.iters.forEach((it, j) => {
      if (!isScalar(it)) ctx.slot(it);
      assign(ctx, it, parts.inits[j]!);
    });
    const i = ctx.scalarLocal(parts.range);
    const work = !this.inWork && parts.iters.length === 0 && isWorkLoop(p.node);
    const [brk, top] = [ctx.label('B'), ctx.label('L')];
    ctx.emit(`(local.set ${i} ${ctx.val(parts.lo)})`);
    ctx.open(`(block ${brk}`);
    ctx.emit(`(br_if ${brk} (i32.ge_s (local.get ${i}) ${ctx.val(parts.hi)}))`);
    ctx.open(`(loop ${top}`);
    if (work) {
      this.inWork = true;
      ctx.open('(if (i32.eq (i32.rem_u (local.get $work) (local.get $nth)) (local.get $tid))');
      ctx.open('(then');
    }
    this.region(p.body!);
    this.carry(parts.iters, parts.nexts);
    if (work) {
      ctx.close(2);
      ctx.emit('(local.set $work (i32.add (local.get $work) (i32.const 1)))');
      this.inWork = false;
    }
    ctx.emit(`(local.set ${i} (i32.add (local.get ${i}) (i32.const 1)))`);
    ctx.emit(`(br_if ${top} (i32.lt_s (local.get ${i}) ${ctx.val(parts.hi)}))`);
    ctx.close(2);
  }

  /** Moves next values into the carried slots; nexts that are carried values themselves are staged first. */
  carry(iters: readonly Node[], nexts: readonly Node[]): void {
    const ctx = this.ctx;
    const own = new Set(iters);
    const staged = nexts.map((nx, j) => {
      if (nx === iters[j] || !own.has(nx)) return nx;
      if (isScalar(nx)) {
        const t = ctx.local(tileType(nx).scalar === 'f32' ? 'f32' : 'i32', 'st');
        ctx.emit(`(local.set ${t} ${ctx.val(nx)})`);
        return t;
      }
      const at = ctx.reserve(numel(tileType(nx).shape) * 4);
      ctx.emit(`(memory.copy (i32.add (local.get $sb) (i32.const ${at})) (i32.add (local.get $sb) (i32.const ${ctx.slot(nx)})) (i32.const ${numel(tileType(nx).shape) * 4}))`);
      return at;
    });
    iters.forEach((it, j) => {
      const s = staged[j]!;
      if (typeof s === 'string') ctx.emit(`(local.set ${ctx.scalarLocal(it)} (local.get ${s}))`);
      else if (typeof s === 'number') ctx.emit(`(memory.copy (i32.add (local.get $sb) (i32.const ${ctx.slot(it)})) (i32.add (local.get $sb) (i32.const ${s})) (i32.const ${numel(tileType(it).shape) * 4}))`);
      else if (s !== it) assign(ctx, it, s);
    });
  }

  branch(p: Placed): void {
    const ctx = this.ctx;
    const n = p.node;
    const [cond, a, b] = n.src as [Node, Node, Node];
    const hasValue = n.type.kind === 'tile';
    if (hasValue && !isScalar(n)) ctx.slot(n);
    ctx.open(`(if ${ctx.val(cond)}`);
    ctx.open('(then');
    this.region(p.branches![0]);
    if (hasValue) assign(ctx, n, a);
    ctx.close();
    ctx.open('(else');
    this.region(p.branches![1]);
    if (hasValue) assign(ctx, n, b);
    ctx.close(2);
  }
}

/** The regions each node is placed in (loop bodies and branches are regions of their own; a shared node may be placed in several). */
function regionsOf(root: Region, into = new Map<Node, Set<Region>>()): Map<Node, Set<Region>> {
  for (const p of root) {
    into.set(p.node, (into.get(p.node) ?? new Set<Region>()).add(root));
    if (p.body) regionsOf(p.body, into);
    for (const b of p.branches ?? []) regionsOf(b, into);
  }
  return into;
}

/** Prints kernel root `kernel` as the exported function `run(sb, tid, nth, ...params)`. */
export function printKernelFunction(kernel: Node, relaxed: boolean): PrintedFunction {
  const ctx = new FnContext(relaxed);
  const all = toposort([kernel]);
  const params = all.filter((n) => n.op === Op.PARAM).sort((x, y) => String(x.arg).localeCompare(String(y.arg)));
  const infos: ParamInfo[] = params.map((n, j) => {
    const local = `$p${j}`;
    if (n.type.kind === 'ptr') {
      ctx.bindBuffer(n, local);
      return { name: String(n.arg), kind: 'buffer', scalar: n.type.scalar };
    }
    ctx.bindScalar(n, local);
    return { name: String(n.arg), kind: 'i32', scalar: 'i32' };
  });
  const users = new Map<Node, Node[]>();
  for (const n of all) for (const s of n.src) users.set(s, [...(users.get(s) ?? []), n]);
  for (const n of all) {
    if (n.op === Op.TRANS && (users.get(n) ?? []).every((u) => u.op === Op.DOT && u.src[1] === n && dotReadsTransposed(u))) ctx.skip.add(n);
  }
  ctx.inPlace = inPlaceLoads(all, users, ctx.skip, dotBlockedOperand);
  ctx.touch = touchedLoads(ctx.inPlace, users);
  const placed = linearize(kernel);
  ctx.fused = fusedElementwise(all, users, regionsOf(placed));
  const printer = new KernelPrinter(ctx);
  printer.region(placed);
  const signature = ['(param $sb i32) (param $tid i32) (param $nth i32)', ...infos.map((_, j) => `(param $p${j} i32)`)].join(' ');
  const wat = `(func $run (export "run") ${signature}\n  (local $work i32)${all.some((n) => n.op === Op.LOOP && n.attrs['synced'] === true) ? ' (local $claimed i32)' : ''}\n${ctx.body()})`;
  return { wat, params: infos, scratchBytes: ctx.scratchBytes, sharedBytes: ctx.sharedBytes, parallel: all.some((n) => n.op === Op.LOOP && isWorkLoop(n)) };
}
