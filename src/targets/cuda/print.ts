/**
 * @file The .cu file of one kernel: the head (runtime or emulation prelude, device helpers), the __global__
 * kernel, and its extern "C" entry points: the workspace size, a typed launcher (device pointers, lengths,
 * sizes, workspace, block count, stream; it never synchronises) and a packed launcher (arrays of pointers,
 * lengths and scalars) that runners and the Node addon call. The body is the SIMT strategy (src/targets/simt)
 * in the CUDA spelling; outer loops that form the grid become a strided walk over tasks by persistent blocks.
 */
import type { Scalar } from '../../ir/dtype.js';
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { ElementWriter } from '../simt/elements.js';
import { printGrid } from '../simt/kernel.js';
import { planSlots, rowShuffles } from '../simt/liveness.js';
import { layoutKernel, type Layout } from '../simt/layout.js';
import { BodyPrinter } from '../simt/statements.js';
import { STORAGE_CTYPE, VALUE_CTYPE } from './cuda-table.js';
import { CUDA_SPELLING, WARP, bufferArgs, cName } from './cuda-spelling.js';
import { CUDA_HEAD } from './helpers.js';

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

function printBody(layout: Layout, opts: CudaPrintOptions): BodyPrinter {
  const w = new ElementWriter(layout, CUDA_SPELLING);
  const p = new BodyPrinter(w, opts.threads, opts.warpReduce);
  for (const s of layout.scalars) w.names.set(s, `s_${cName(String(s.arg))}`);
  printGrid(p, layout, 'nblocks');
  p.flush();
  return p;
}

/** Words per thread that register tiles may take in all (ptxas has 255 registers; DOT accumulators and operands need the rest). */
export const REGISTER_TILE_WORDS = 32;

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
  const layout = layoutKernel(kernel, Math.floor(opts.sharedBytes / 4), planSlots(kernel, { lanes: opts.threads, registerWords: REGISTER_TILE_WORDS, shuffles: rowShuffles(opts.warpReduce, (lanes) => lanes % WARP === 0) }));
  const p = printBody(layout, opts);
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
