/**
 * @file Prints the final tile IR of one kernel as a C function: walks the linearized regions, dispatches each
 * op through a table of printers, prints loops (carried values in variables or tile arrays; work loops shared
 * round-robin between threads) and lazy branches.
 */
import { numel, type Scalar } from '../../ir/dtype.js';
import { linearize, type Placed, type Region } from '../../ir/linearize.js';
import { loopParts, toposort, type Node } from '../../ir/node.js';
import { Op, isElementwise } from '../../ir/ops.js';
import type { CLanguage } from '../c/index.js';
import { CFnContext, isScalar, kindOfNode, tileType } from './context.js';
import { emitElementwise } from './elementwise.js';
import type { VectorIsa } from './isa.js';
import { emitAlloc, emitGather, emitIota, emitLoad, emitMember, emitStore, emitTable } from './memory-ops.js';
import { dotReadsTransposed, emitDot, emitNmExpand, emitReduce, emitTrans } from './tile-math.js';

/** One kernel argument of the printed function, in call order (after sb, tid, nth). */
export interface CParam {
  readonly name: string;
  /** `buffer`: a pointer to the bound array; `i32`: a scalar size. */
  readonly kind: 'buffer' | 'i32';
  /** Element type of a buffer (storage type: f16 / bf16 are 16-bit words). */
  readonly scalar: Scalar;
  /** True for buffers the kernel writes (outputs, workspaces). */
  readonly written: boolean;
}

/** The printed function and what a runtime needs to call it. */
export interface PrintedCFunction {
  readonly name: string;
  readonly text: string;
  readonly params: readonly CParam[];
  /** Scratch bytes each thread needs (ALLOC buffers). */
  readonly scratchBytes: number;
  /** True when the kernel has a work loop that threads share. */
  readonly parallel: boolean;
}

/** Loops whose iterations are independent units of work, split between threads: those the `bind` pass bound to `block`. */
const isWorkLoop = (loop: Node): boolean => loopParts(loop).bind === 'block';

type Printer = (ctx: CFnContext, n: Node) => void;

const alias: Printer = (ctx, n) => {
  const src = n.src[0]!;
  if (n.type.kind === 'ptr') ctx.aliasBuffer(n, src);
  else if (isScalar(src) && isScalar(n)) ctx.bindScalar(n, ctx.val(src));
  else if (isScalar(src)) ctx.w.line(`${ctx.tile(n)}[0] = ${ctx.val(src)};`);
  else ctx.aliasTile(n, src);
};

/** Printers of every non-structural, non-element-wise op. */
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
  [Op.BARRIER]: () => undefined,
  [Op.RESULT]: (ctx, n) => {
    const iter = loopParts(n.src[0]!).iters[n.arg as number]!;
    if (isScalar(iter)) ctx.bindScalar(n, ctx.scalarVar(iter));
    else ctx.aliasTile(n, iter);
  },
};

/** Assigns value `src` to `dst` (a scalar variable or a tile array). */
function assign(ctx: CFnContext, dst: Node, src: Node): void {
  const w = ctx.w;
  if (isScalar(dst)) w.line(`${ctx.scalarVar(dst)} = ${ctx.val(src)};`);
  else if (isScalar(src)) w.forCount(numel(tileType(dst).shape), 1, (i) => w.line(`${ctx.tile(dst)}[${i}] = ${ctx.val(src)};`));
  else if (ctx.tile(dst) !== ctx.tile(src)) w.line(`memcpy(${ctx.tile(dst)}, ${ctx.tile(src)}, sizeof(${ctx.tile(dst)}));`);
}

class KernelPrinter {
  private inWork = false;
  constructor(readonly ctx: CFnContext) {}

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
    if (!print) throw new Error(`neon: cannot print op ${n.op}`);
    print(this.ctx, n);
  }

  loop(p: Placed): void {
    const { w } = this.ctx;
    const parts = loopParts(p.node);
    parts.iters.forEach((it, j) => assign(this.ctx, it, parts.inits[j]!));
    const i = this.ctx.scalarVar(parts.range);
    const work = !this.inWork && parts.iters.length === 0 && isWorkLoop(p.node);
    w.open(`for (${i} = ${this.ctx.val(parts.lo)}; ${i} < ${this.ctx.val(parts.hi)}; ${i}++) {`);
    if (work) {
      this.inWork = true;
      w.open('if (work++ % nth == tid) {');
    }
    this.region(p.body!);
    this.carry(parts.iters, parts.nexts);
    if (work) {
      w.close();
      this.inWork = false;
    }
    w.close();
  }

  /** Moves next values into the carried variables; nexts that are carried values themselves are staged first. */
  carry(iters: readonly Node[], nexts: readonly Node[]): void {
    const ctx = this.ctx;
    const own = new Set(iters);
    const staged = nexts.map((nx, j) => {
      if (nx === iters[j] || !own.has(nx)) return nx;
      if (isScalar(nx)) {
        const t = ctx.local(kindOfNode(nx), 'st');
        ctx.w.line(`${t} = ${ctx.val(nx)};`);
        return t;
      }
      const t = ctx.w.fresh('stt');
      ctx.w.hoist(`${ctx.lang.valueType[kindOfNode(nx)]} ${t}[${numel(tileType(nx).shape)}];`);
      ctx.w.line(`memcpy(${t}, ${ctx.tile(nx)}, sizeof(${t}));`);
      return t;
    });
    iters.forEach((it, j) => {
      const s = staged[j]!;
      if (typeof s === 'string') ctx.w.line(isScalar(it) ? `${ctx.scalarVar(it)} = ${s};` : `memcpy(${ctx.tile(it)}, ${s}, sizeof(${s}));`);
      else if (s !== it) assign(ctx, it, s);
    });
  }

  branch(p: Placed): void {
    const ctx = this.ctx;
    const n = p.node;
    const [cond, a, b] = n.src as [Node, Node, Node];
    const hasValue = n.type.kind === 'tile';
    ctx.w.open(`if (${ctx.val(cond)}) {`);
    this.region(p.branches![0]);
    if (hasValue) assign(ctx, n, a);
    ctx.w.close();
    ctx.w.open('else {');
    this.region(p.branches![1]);
    if (hasValue) assign(ctx, n, b);
    ctx.w.close();
  }
}

/** A C identifier from a kernel name. */
export function cIdentifier(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Buffer parameters some STORE writes (through AFTER / RESHAPE aliases). */
function writtenParams(all: readonly Node[]): Set<Node> {
  const out = new Set<Node>();
  const root = (b: Node): Node => (b.op === Op.AFTER || b.op === Op.RESHAPE ? root(b.src[0]!) : b);
  for (const n of all) if (n.op === Op.STORE) out.add(root(n.src[0]!));
  return out;
}

/** Prints kernel root `kernel` as `void sparsec_<name>(uint8_t *sb, int32_t tid, int32_t nth, ...params)`. */
export function printCFunction(kernel: Node, lang: CLanguage, isa: VectorIsa): PrintedCFunction {
  const ctx = new CFnContext(lang, isa);
  const all = toposort([kernel]);
  const written = writtenParams(all);
  const paramNodes = all.filter((n) => n.op === Op.PARAM).sort((x, y) => String(x.arg).localeCompare(String(y.arg)));
  const params: CParam[] = paramNodes.map((n, j) => {
    const name = `p${j}_${cIdentifier(String(n.arg))}`;
    if (n.type.kind === 'ptr') {
      ctx.bindBuffer(n, name, n.type.scalar);
      return { name: String(n.arg), kind: 'buffer', scalar: n.type.scalar, written: written.has(n) };
    }
    ctx.bindScalar(n, name);
    return { name: String(n.arg), kind: 'i32', scalar: 'i32', written: false };
  });
  for (const n of all) {
    if (n.op !== Op.TRANS) continue;
    const users = all.filter((u) => u.src.includes(n));
    if (users.every((u) => u.op === Op.DOT && u.src[1] === n && dotReadsTransposed(u))) ctx.skip.add(n);
  }
  new KernelPrinter(ctx).region(linearize(kernel));
  const name = `sparsec_${cIdentifier(String(kernel.arg))}`;
  const signature = ['uint8_t *sb', 'int32_t tid', 'int32_t nth', ...params.map((p, j) => {
    const c = `p${j}_${cIdentifier(p.name)}`;
    return p.kind === 'i32' ? `int32_t ${c}` : `${p.written ? '' : 'const '}${lang.storageType[p.scalar]} *${lang.restrict} ${c}`;
  })].join(', ');
  const text = `${lang.kernelPrefix ? `${lang.kernelPrefix} ` : ''}void ${name}(${signature}) {\n  int32_t work = 0;\n  (void)sb; (void)tid; (void)nth; (void)work;\n${ctx.w.body()}\n}\n`;
  const parallel = all.some((n) => n.op === Op.LOOP && isWorkLoop(n));
  return { name, text, params, scratchBytes: ctx.scratchBytes, parallel };
}
