/**
 * @file The .cu file of one kernel: the head (runtime or emulation prelude, device helpers), the __global__
 * kernel, and its extern "C" entry points: the workspace size, a typed launcher (device pointers, lengths,
 * sizes, workspace, block count, stream; it never synchronises) and a packed launcher (arrays of pointers,
 * lengths and scalars) that runners and the Node addon call. Outer loops that form the grid become a strided
 * walk over tasks by persistent blocks.
 */
import { numel, type Scalar } from '../../ir/dtype.js';
import { loopParts, type Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { UsageRecorder } from '../webgpu/hazards.js';
import { layoutKernel, type Layout, type SlotPlan } from '../webgpu/layout.js';
import { STORAGE_CTYPE, VALUE_CTYPE } from './cuda-table.js';
import { ElementWriter, bufferArgs, cName } from './elements.js';
import { CUDA_HEAD } from './helpers.js';
import { BodyPrinter, UNROLL_LIMIT } from './statements.js';

/** Printer settings. */
export interface CudaPrintOptions {
  /** Threads per block (a multiple of 32). */
  readonly threads: number;
  /** Bytes of static shared memory the kernel may use for tiles (at most 48 KiB without opt-in). */
  readonly sharedBytes: number;
  /** Row reductions by warp shuffles (off: one lane per row). */
  readonly warpReduce: boolean;
}

/** Default printer settings: 4 warps, 48 KiB of static shared memory. */
export const DEFAULT_CUDA_PRINT: CudaPrintOptions = { threads: 128, sharedBytes: 48 * 1024, warpReduce: true };

/** One parameter of the packed launcher, in order. */
export interface CudaParam {
  readonly name: string;
  readonly kind: 'in' | 'out' | 'scalar';
  /** Storage dtype of a buffer (scalars: i32). */
  readonly dtype: Scalar;
}

/** A printed kernel: the source and what a runner needs to call it. */
export interface CudaKernelArtifact {
  readonly format: 'sparsec-cuda-1';
  readonly name: string;
  /** C identifier prefix of the entry points (`${symbol}_run`, `${symbol}_run_packed`, `${symbol}_workspace_bytes`). */
  readonly symbol: string;
  readonly source: string;
  /** The C header declaring the entry points. */
  readonly header: string;
  /** Buffers (inputs, then outputs) and scalars, in the packed launcher's order. */
  readonly params: readonly CudaParam[];
  readonly threads: number;
  /** Workspace bytes per block (global scratch of tiles that do not fit in shared memory). */
  readonly workspacePerBlock: number;
  /** Float words per block at the start of the workspace (the int scratch follows all blocks' float scratch). */
  readonly scratchFloatsPerBlock: number;
  /** Static shared memory bytes. */
  readonly sharedBytes: number;
  /** __syncthreads printed. */
  readonly barriers: number;
  /** The printing path when it is not the SIMT one (tensor-core/print.ts), and otherwise why not (absent: SIMT by choice). */
  readonly path?: string;
}

/** Prints the grid walk: task t of the strided loop is decoded into the grid loops' indices. */
function printGrid(p: BodyPrinter, layout: Layout): void {
  const grid = layout.grid;
  if (grid.length === 0) {
    // NOTE: no independent outer loop: one block runs the whole kernel (wid is uniform).
    p.line('if (wid == 0) {');
    p.nested(() => p.region(layout.root));
    p.line('}');
    return;
  }
  p.region(layout.root, new Set([grid[0]!.node]));
  const counts = grid.map((g) => {
    const parts = loopParts(g.node);
    const c = p.fresh('n');
    p.line(`const int ${c} = sp_max(0, ${p.w.el(parts.hi, [])} - ${p.w.el(parts.lo, [])});`);
    return c;
  });
  p.line(`const int tasks = ${counts.join(' * ')};`);
  p.settle();
  p.usage?.openLoop();
  p.line('for (int task = wid; task < tasks; task += nblocks) {');
  p.nested(() => {
    let inner = '1';
    const ranges: string[] = [];
    for (let d = grid.length - 1; d >= 0; d--) {
      const parts = loopParts(grid[d]!.node);
      const r = p.nameScalar(parts.range, 'g');
      const q = inner === '1' ? 'task' : `(task / (${inner}))`;
      ranges.unshift(`const int ${r} = ${p.w.el(parts.lo, [])} + ${d === 0 ? q : `${q} % ${counts[d]}`};`);
      inner = inner === '1' ? counts[d]! : `${inner} * ${counts[d]}`;
    }
    for (const r of ranges) p.line(r);
    grid.forEach((g, d) => p.region(g.body!, new Set(d + 1 < grid.length ? [grid[d + 1]!.node] : [])));
    // NOTE: the next task overwrites the tiles this one read.
    p.settle();
  });
  p.line('}');
  p.usage?.closeLoop();
}

function printBody(layout: Layout, opts: CudaPrintOptions, usage: UsageRecorder | null): BodyPrinter {
  const w = new ElementWriter(layout);
  const p = new BodyPrinter(w, opts.threads, usage, opts.warpReduce);
  for (const s of layout.scalars) w.names.set(s, `s_${cName(String(s.arg))}`);
  printGrid(p, layout);
  p.flush();
  return p;
}

/** Words per thread that register tiles may take in all (ptxas has 255 registers; DOT accumulators and operands need the rest). */
export const REGISTER_TILE_WORDS = 32;

/**
 * Plans slots from a probe print: owner-only tiles go to registers, smallest first, while they fit in
 * REGISTER_TILE_WORDS per thread; live ranges let the rest share memory.
 */
function planSlots(kernel: Node, opts: CudaPrintOptions): SlotPlan {
  const probe = layoutKernel(kernel);
  const usage = new UsageRecorder();
  printBody(probe, opts, usage);
  const used = usage.finish();
  const live = new Map<Node, readonly [number, number]>();
  const candidates: { n: Node; words: number }[] = [];
  for (const [n, slot] of [...probe.slots].filter(([n]) => n.op !== Op.RESULT)) {
    const u = used.get(slot);
    if (!u) continue;
    live.set(n, [u.first, u.last]);
    const words = Math.ceil(numel(n.type.kind === 'tile' ? n.type.shape : []) / opts.threads);
    if (u.ownOnly && words <= UNROLL_LIMIT && !probe.staged.has(n)) candidates.push({ n, words });
  }
  const registers = new Set<Node>();
  let taken = 0;
  // NOTE: ties keep placement order (Array.prototype.sort is stable); node ids depend on what else the process built.
  for (const c of candidates.sort((a, b) => a.words - b.words)) {
    if (taken + c.words > REGISTER_TILE_WORDS) break;
    registers.add(c.n);
    taken += c.words;
  }
  return { live, registers, workgroupSize: opts.threads };
}

/** Parameters in launcher order: inputs, outputs (by name), then scalars. */
function paramsOf(layout: Layout): CudaParam[] {
  return [
    ...layout.inputs.map((b) => ({ name: String(b.node.arg), kind: 'in' as const, dtype: b.scalar })),
    ...layout.outputs.map((b) => ({ name: String(b.node.arg), kind: 'out' as const, dtype: b.scalar })),
    ...layout.scalars.map((s) => ({ name: String(s.arg), kind: 'scalar' as const, dtype: 'i32' as const })),
  ];
}

/** C parameter declarations of the kernel and the typed launcher. */
function parameterList(layout: Layout): { decls: string[]; names: string[] } {
  const decls: string[] = [];
  const names: string[] = [];
  for (const b of [...layout.inputs, ...layout.outputs]) {
    const { ptr, len } = bufferArgs(b);
    decls.push(`${b.kind === 'in' ? 'const ' : ''}${STORAGE_CTYPE[b.scalar]}* __restrict__ ${ptr}`, `int ${len}`);
    names.push(ptr, len);
  }
  for (const s of layout.scalars) {
    decls.push(`int s_${cName(String(s.arg))}`);
    names.push(`s_${cName(String(s.arg))}`);
  }
  return { decls, names };
}

/** The packed launcher: buffers[i] and lengths[i] per buffer parameter, scalars[j] per scalar. */
function packedLauncher(symbol: string, layout: Layout): string[] {
  const args: string[] = [];
  [...layout.inputs, ...layout.outputs].forEach((b, i) => {
    args.push(`(${b.kind === 'in' ? 'const ' : ''}${STORAGE_CTYPE[b.scalar]}*)buffers[${i}]`, `lengths[${i}]`);
  });
  layout.scalars.forEach((_, j) => args.push(`scalars[${j}]`));
  return [
    `extern "C" cudaError_t ${symbol}_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream) {`,
    `  return ${symbol}_run(${[...args, 'workspace', 'blocks', 'stream'].join(', ')});`,
    '}',
  ];
}

/** The parts of a kernel file around its body: the kernel's parameters, the launchers and the header. */
export interface EntryPoints {
  /** Parameter list of the __global__ kernel (buffers, lengths, scalars, sf, si). */
  readonly kernelParams: string;
  /** The workspace-size function, the typed launcher and the packed launcher. */
  readonly launchers: readonly string[];
  readonly header: string;
  readonly params: readonly CudaParam[];
  readonly workspacePerBlock: number;
}

/** Entry points of a kernel laid out as `layout` (scratchF / scratchI: float / int scratch words per block). */
export function entryPoints(layout: Layout, symbol: string, name: string, threads: number, scratchF: number, scratchI: number): EntryPoints {
  const { decls, names } = parameterList(layout);
  const workspacePerBlock = 4 * (scratchF + scratchI);
  const launchers = [
    `/** Workspace bytes a run with \`blocks\` blocks needs (global scratch of tiles that do not fit in shared memory). */`,
    `extern "C" size_t ${symbol}_workspace_bytes(int blocks) { return (size_t)blocks * ${workspacePerBlock}; }`,
    '',
    `/** Launches ${name} on \`stream\` with \`blocks\` persistent blocks; returns the launch status and never synchronises. */`,
    `extern "C" cudaError_t ${symbol}_run(${[...decls, 'void* workspace', 'int blocks', 'cudaStream_t stream'].join(', ')}) {`,
    '  if (blocks < 1 || workspace == 0) return cudaErrorInvalidValue;',
    '  float* sf = (float*)workspace;',
    `  int* si = (int*)(sf + (size_t)blocks * ${scratchF});`,
    `  return SPARSEC_LAUNCH(${symbol}_kernel, dim3(blocks), dim3(${threads}), 0, stream, ${[...names, 'sf', 'si'].join(', ')});`,
    '}',
    '',
    ...packedLauncher(symbol, layout),
    '',
  ];
  const header = [
    `// sparsec: entry points of kernel ${name} (generated; do not edit)`,
    '#pragma once',
    '#include <stddef.h>',
    '#ifndef SPARSEC_EMULATE',
    '#include <cuda_runtime.h>',
    '#endif',
    `extern "C" size_t ${symbol}_workspace_bytes(int blocks);`,
    `extern "C" cudaError_t ${symbol}_run(${[...decls, 'void* workspace', 'int blocks', 'cudaStream_t stream'].join(', ')});`,
    `extern "C" cudaError_t ${symbol}_run_packed(void* const* buffers, const int* lengths, const int* scalars, void* workspace, int blocks, cudaStream_t stream);`,
    '',
  ].join('\n');
  return { kernelParams: [...decls, 'float* __restrict__ sf', 'int* __restrict__ si'].join(', '), launchers, header, params: paramsOf(layout), workspacePerBlock };
}

/** Prints `kernel` (final tile IR) as a CUDA kernel artifact. */
export function printCuda(kernel: Node, name: string, opts: CudaPrintOptions = DEFAULT_CUDA_PRINT, symbol = `sparsec_${cName(name)}`): CudaKernelArtifact {
  const layout = layoutKernel(kernel, Math.floor(opts.sharedBytes / 4), planSlots(kernel, opts));
  const p = printBody(layout, opts, null);
  const scratchF = Math.max(1, layout.scratchF);
  const scratchI = Math.max(1, layout.scratchI);
  const entry = entryPoints(layout, symbol, name, opts.threads, scratchF, scratchI);
  const shared = [
    ...(layout.workgroupF > 0 ? [`  __shared__ float wf[${layout.workgroupF}];`] : []),
    ...(layout.workgroupI > 0 ? [`  __shared__ int wi[${layout.workgroupI}];`] : []),
  ];
  const registers = [...layout.privates]
    .filter(([n]) => n.op !== Op.RESULT && n.type.kind === 'tile')
    .map(([n, reg]) => `  ${VALUE_CTYPE[(n.type as { scalar: Scalar }).scalar]} ${reg.name}[${reg.count}];`);
  const source = [
    `// sparsec: kernel ${name} (generated; do not edit)`,
    CUDA_HEAD.trim(),
    ...p.w.helpers.values(),
    `extern "C" __global__ void __launch_bounds__(${opts.threads}) ${symbol}_kernel(${entry.kernelParams}) {`,
    '  const int lid = (int)threadIdx.x;',
    '  const int wid = (int)blockIdx.x;',
    '  const int nblocks = (int)gridDim.x;',
    `  const int sbf = wid * ${scratchF};`,
    `  const int sbi = wid * ${scratchI};`,
    ...shared,
    ...registers,
    ...p.lines,
    '}',
    '',
    ...entry.launchers,
  ].join('\n');
  return {
    format: 'sparsec-cuda-1', name, symbol, source, header: entry.header, params: entry.params, threads: opts.threads, workspacePerBlock: entry.workspacePerBlock,
    scratchFloatsPerBlock: scratchF, sharedBytes: 4 * (layout.workgroupF + layout.workgroupI), barriers: p.barriers,
  };
}
