/**
 * @file The tensor-core printing path of the cuda target: walks the placed final IR of a kernel that
 * planTensorCore accepted and prints it with every tile in the mma.sync fragment layout (values.ts), the Q / K / V
 * tiles staged and multiplied by tensor cores (mma.ts), loops, branches and stores per fragment position, and
 * the same entry points as the SIMT path (print.ts), so launchers, runners and the addon do not tell them apart.
 */
import { dotSkipsZero } from '../../../ir/build.js';
import type { Placed, Region } from '../../../ir/linearize.js';
import { Node, loopParts } from '../../../ir/node.js';
import { Op } from '../../../ir/ops.js';
import { bufferRoot, layoutKernel, type Layout } from '../../simt/layout.js';
import { WRITE_OUTPUT } from '../cuda-table.js';
import { bufferArgs } from '../cuda-spelling.js';
import { CUDA_HEAD } from '../helpers.js';
import { entryPoints, type CudaKernelArtifact } from '../print.js';
import { loadQFragments, scoreDot, stageTile, stagedArrays, stagedBytes, TENSOR_CORE_HEAD, valueDot, type StagedArrays } from './mma.js';
import type { TensorCorePlan } from './plan.js';
import { ctypeOf, FragmentValues, scalarParam } from './values.js';

const shapeOf = (n: Node): readonly number[] => (n.type.kind === 'tile' ? n.type.shape : []);

/** Which printing path a cuda kernel took, as the manifest and the verify notes name it. */
export const TENSOR_CORE_PATH = 'tensor-core (mma.sync m16n8k16)';

class TensorCoreBody {
  readonly lines: string[] = [];
  private depth = 1;
  barriers = 0;
  /** V load -> the C flag saying its staged tile holds a NaN / inf. */
  private readonly badFlags = new Map<Node, string>();

  constructor(readonly v: FragmentValues, readonly plan: TensorCorePlan, readonly staged: StagedArrays, readonly threads: number) {}

  emit(...ls: readonly string[]): void {
    for (const l of ls) this.lines.push(`${'  '.repeat(this.depth)}${l}`);
  }

  nested(f: () => void): void {
    this.depth++;
    f();
    this.depth--;
  }

  region(region: Region, skip: ReadonlySet<Node> = new Set()): void {
    for (const p of region) if (!skip.has(p.node)) this.placed(p);
  }

  private placed(p: Placed): void {
    const n = p.node;
    switch (n.op) {
      case Op.CONST:
      case Op.PARAM:
      case Op.RESULT:
      case Op.TRANS:
        return;
      case Op.LOOP:
        return this.loop(p);
      case Op.IF:
        return this.branch(p);
      case Op.STORE:
        return this.store(n);
      case Op.DOT:
        return this.dot(n);
      case Op.REDUCE_MAX:
      case Op.REDUCE_SUM:
        return this.emit(...this.v.reduce(n));
      case Op.LOAD: {
        const role = this.plan.roles.get(n);
        if (role) return this.stage(n, role);
        return this.emit(...this.v.materialize(n));
      }
      default:
        return this.emit(...this.v.materialize(n));
    }
  }

  private stage(n: Node, role: 'q' | 'k' | 'v'): void {
    const skipZero = role === 'v' && [...this.plan.valueDots].some((d) => d.src[1] === n && dotSkipsZero(d));
    const bad = skipZero ? this.v.fresh('tc_vbad') : null;
    if (bad) {
      this.emit(`int ${bad};`);
      this.badFlags.set(n, bad);
    }
    this.emit(...stageTile(this.v, n, role, this.threads, this.staged, bad));
    this.barriers += 2;
    if (role === 'q') {
      const name = this.v.fresh('tc_qa');
      this.v.names.set(n, name);
      this.emit(...loadQFragments(this.plan, this.staged, name));
    }
  }

  private dot(n: Node): void {
    const [a, b, acc] = n.src as [Node, Node, Node];
    const out = this.v.fresh('f');
    this.v.names.set(n, out);
    this.emit(`float ${out}${this.v.dims('tile', shapeOf(n))};`, ...this.v.copy(out, acc, 'tile'));
    if (this.plan.scoreDots.has(n)) {
      this.emit(...scoreDot(this.plan, this.staged, out, this.v.names.get(a)!));
    } else {
      this.emit(...valueDot(this.plan, this.staged, n, out, this.v.names.get(a)!, this.badFlags.get(b) ?? null));
    }
  }

  private loop(p: Placed): void {
    const n = p.node;
    const parts = loopParts(n);
    const vars = parts.iters.map((it, j) => {
      const cls = this.v.cls(it);
      const name = this.v.fresh(cls === 'scalar' || cls === 'unit' ? 'c' : 'cf');
      this.emit(this.v.declare(name, ctypeOf(it), cls, shapeOf(it)), ...this.v.copy(name, parts.inits[j]!, cls));
      return { it, name, cls };
    });
    const r = this.v.fresh('r');
    const lo = this.v.ref(parts.lo, { cls: 'scalar', h: '0', n: '0', e: '0' });
    const hi = this.v.ref(parts.hi, { cls: 'scalar', h: '0', n: '0', e: '0' });
    this.emit(`for (int ${r} = ${lo}; ${r} < ${hi}; ${r}++) {`);
    this.nested(() => {
      this.v.names.set(parts.range, r);
      for (const x of vars) this.v.names.set(x.it, x.name);
      this.region(p.body!);
      // NOTE: nexts are computed before any carried value is overwritten; a next that is another carried value is copied first.
      const temps = vars.map((x, j) => {
        const next = parts.nexts[j]!;
        if (next === x.it || !parts.iters.includes(next)) return null;
        const tmp = this.v.fresh('nx');
        this.emit(this.v.declare(tmp, ctypeOf(next), x.cls, shapeOf(next)), ...this.v.copy(tmp, next, x.cls));
        return tmp;
      });
      vars.forEach((x, j) => {
        const next = parts.nexts[j]!;
        if (next === x.it) return;
        const tmp = temps[j];
        if (tmp) this.emit(...this.v.loop(x.cls, shapeOf(next), `${this.v.refAt(x.name, x.cls)} = ${this.v.refAt(tmp, x.cls)};`));
        else this.emit(...this.v.copy(x.name, next, x.cls));
      });
    });
    this.emit('}');
    // NOTE: RESULT nodes are interned, so this is the node every consumer of the result holds.
    vars.forEach((x, j) => this.v.names.set(Node.make(Op.RESULT, x.it.type, [n], j), x.name));
  }

  private branch(p: Placed): void {
    const n = p.node;
    const [cond, a, b] = n.src as [Node, Node, Node];
    const [thenR, elseR] = p.branches!;
    const isValue = n.type.kind === 'tile';
    const cls = isValue ? this.v.cls(n) : 'scalar';
    const name = this.v.fresh('b');
    if (isValue) this.emit(this.v.declare(name, ctypeOf(n), cls, shapeOf(n)));
    // NOTE: the condition is a scalar (block-uniform): barriers inside either side are reached by every thread.
    this.emit(`if (${this.v.ref(cond, { cls: 'scalar', h: '0', n: '0', e: '0' })}) {`);
    this.nested(() => {
      this.region(thenR);
      if (isValue) this.emit(...this.v.copy(name, a, cls));
    });
    this.emit('} else {');
    this.nested(() => {
      this.region(elseR);
      if (isValue) this.emit(...this.v.copy(name, b, cls));
    });
    this.emit('}');
    if (isValue) this.v.names.set(n, name);
  }

  private store(n: Node): void {
    const value = n.src[n.src.length - 1]!;
    const rank = (n.src.length - 3) / 2;
    const info = this.v.buffers.get(bufferRoot(n.src[0]!));
    if (!info || info.kind !== 'out') throw new Error('cuda tensor-core: a store into a buffer that is not an output');
    const { ptr, len } = bufferArgs(info);
    const cls = this.v.cls(value);
    const at = { cls, h: cls === 'tile' ? '(tc_i >> 1)' : 'tc_h', n: 'tc_n', e: cls === 'tile' ? '(tc_i & 1)' : 'tc_e' };
    const scalarPos = { cls: 'scalar' as const, h: '0', n: '0', e: '0' };
    const idx = rank === 0 ? [] : this.v.index(cls, at);
    const terms = [this.v.ref(n.src[1]!, scalarPos)];
    const conds: string[] = [];
    for (let d = 0; d < rank; d++) {
      terms.push(`${idx[d]} * ${this.v.ref(n.src[2 + d]!, scalarPos)}`);
      conds.push(`${idx[d]} < ${this.v.ref(n.src[2 + rank + d]!, scalarPos)}`);
    }
    // NOTE: the lanes of a quad hold the same rows and scalars; one of them writes what is not a column element.
    const owner = cls === 'tile' || cls === 'cols' ? [] : cls === 'rows' ? ['(tc_lane & 3) == 0'] : ['lid == 0'];
    const write = WRITE_OUTPUT[info.scalar](ptr, 'tc_a', this.v.ref(value, at));
    const guard = [...owner, ...conds, 'tc_a >= 0', `tc_a < ${len}`].join(' && ');
    this.emit('{', ...this.v.loop(cls, shapeOf(value), `{ const int tc_a = ${terms.join(' + ')}; if (${guard}) { ${write} } }`).map((l) => `  ${l}`), '}');
  }
}

/** Prints the grid walk: task t of the strided loop over persistent blocks decodes into the grid loops' indices. */
function printGrid(body: TensorCoreBody, layout: Layout): void {
  const grid = layout.grid;
  const scalar = { cls: 'scalar' as const, h: '0', n: '0', e: '0' };
  if (grid.length === 0) {
    body.emit('if (wid == 0) {');
    body.nested(() => body.region(layout.root));
    body.emit('}');
    return;
  }
  body.region(layout.root, new Set([grid[0]!.node]));
  const counts = grid.map((g) => {
    const parts = loopParts(g.node);
    const c = body.v.fresh('n');
    body.emit(`const int ${c} = sp_max(0, ${body.v.ref(parts.hi, scalar)} - ${body.v.ref(parts.lo, scalar)});`);
    return c;
  });
  body.emit(`const int tasks = ${counts.join(' * ')};`);
  body.emit('for (int task = wid; task < tasks; task += nblocks) {');
  body.nested(() => {
    let inner = '1';
    const ranges: string[] = [];
    for (let d = grid.length - 1; d >= 0; d--) {
      const parts = loopParts(grid[d]!.node);
      const r = body.v.fresh('g');
      body.v.names.set(parts.range, r);
      const q = inner === '1' ? 'task' : `(task / (${inner}))`;
      ranges.unshift(`const int ${r} = ${body.v.ref(parts.lo, scalar)} + ${d === 0 ? q : `${q} % ${counts[d]}`};`);
      inner = inner === '1' ? counts[d]! : `${inner} * ${counts[d]}`;
    }
    body.emit(...ranges);
    grid.forEach((g, d) => body.region(g.body!, new Set(d + 1 < grid.length ? [grid[d + 1]!.node] : [])));
  });
  body.emit('}');
}

/** Prints `kernel` (final tile IR accepted by planTensorCore) on the tensor-core path. */
export function printTensorCore(kernel: Node, name: string, plan: TensorCorePlan, symbol: string): CudaKernelArtifact {
  const layout = layoutKernel(kernel);
  const threads = 32 * plan.warps;
  const staged = stagedArrays(plan);
  const v = new FragmentValues(plan, layout.buffers);
  for (const s of layout.scalars) v.names.set(s, scalarParam(s));
  const body = new TensorCoreBody(v, plan, staged, threads);
  printGrid(body, layout);
  const skipZero = [...plan.valueDots].some(dotSkipsZero);
  const scratchF = skipZero ? plan.tq * plan.tk : 1;
  const entry = entryPoints(layout, symbol, name, threads, scratchF, 1);
  const source = [
    `// sparsec: kernel ${name} (generated; do not edit): ${TENSOR_CORE_PATH}, ${plan.dtype}, ${plan.warps} warps x 16 query rows, tile_k ${plan.tk}`,
    CUDA_HEAD.trim(),
    TENSOR_CORE_HEAD,
    ...v.helpers.values(),
    `extern "C" __global__ void __launch_bounds__(${threads}) ${symbol}_kernel(${entry.kernelParams}) {`,
    '  const int lid = (int)threadIdx.x;',
    '  const int wid = (int)blockIdx.x;',
    '  const int nblocks = (int)gridDim.x;',
    `  const int sbf = wid * ${scratchF};`,
    '  const int tc_lane = lid & 31, tc_warp = lid >> 5;',
    '  // this lane\'s first row (of 16 per warp) and first column (of 8 per n-block) in the mma accumulator layout',
    '  const int tc_r0 = tc_warp * 16 + (tc_lane >> 2), tc_c0 = 2 * (tc_lane & 3);',
    `  __shared__ unsigned short ${staged.qk.name}[${staged.qk.rows * staged.qk.pitch}] __attribute__((aligned(16)));`,
    `  __shared__ unsigned short ${staged.v.name}[${staged.v.rows * staged.v.pitch}] __attribute__((aligned(16)));`,
    ...body.lines,
    '}',
    '',
    ...entry.launchers,
  ].join('\n');
  return {
    format: 'sparsec-cuda-1', name, symbol, source, header: entry.header, params: entry.params, threads, workspacePerBlock: entry.workspacePerBlock,
    scratchFloatsPerBlock: scratchF, sharedBytes: stagedBytes(staged), barriers: body.barriers, path: TENSOR_CORE_PATH,
  };
}
