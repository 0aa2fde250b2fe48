/**
 * @file `sparsec bench FILE --kernel NAME`: any checked kernel timed beside sparsec's own dense kernel of the same
 * shapes (every tile live) on one target, in one run: medians after warm-up, the speed-up and the live-work ratio.
 */
import { classifyTiles } from '../../analysis/classify.js';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel } from '../../model/kernel.js';
import type { AttentionInputs, GemmInputs } from '../../model/values.js';
import { Rng, randomAttentionInputs, randomGemmInputs } from '../../reference/random.js';
import { DEFAULT_TILING } from '../framework/attention-work.js';
import { QUICK_ATTENTION_SHAPE } from '../framework/cases.js';
import { QUICK_GEMM_SHAPE } from '../framework/gemm-cases.js';
import { formatJson, formatTable } from '../framework/output.js';
import { makeRow, type BenchRow, type Impl } from '../framework/rows.js';
import { FULL_TIMING, QUICK_TIMING, timeIt, type TimingOptions } from '../framework/timing.js';
import { denseTwin, KERNEL_PREPARERS, type KernelBenchTarget, type KernelRun } from './bodies.js';
import { benchAttentionSizes, benchGemmSizes, parseSizes, sizesLabel } from './sizes.js';

/** Options of one kernel benchmark. */
export interface KernelBenchOptions {
  /** Raw `--sizes` items (`seq=4096,heads=8`). */
  readonly sizes?: readonly string[];
  /** wasm (default), neon or webgpu. */
  readonly target?: string;
  readonly threads?: number;
  readonly json?: boolean;
  /** Dynamic sizes default to seq 1024 / n = k = 1024, fewer timed runs, and no goal is graded. */
  readonly quick?: boolean;
  /** Seed of the random inputs (default 1). */
  readonly seed?: number;
  /** Overrides the timing (tests). */
  readonly timing?: TimingOptions;
}

/** Where results (`out`) and progress / notes (`err`) go. */
export interface KernelBenchIo {
  out(s: string): void;
  err(s: string): void;
}

/** sparsec's live-work GFLOP/s at least this fraction of its dense kernel's GFLOP/s (issue 14's 0.9, at full size). */
export const LIVE_WORK_GOAL = 0.9;

/** A kernel's run with its work: live-work FLOPs (live 64 x 64 tiles / live products), dense FLOPs, mask density. */
interface Workload {
  readonly run: KernelRun;
  readonly liveFlops: number;
  readonly denseFlops: number;
  readonly density: number;
}

function attentionWorkload(kernel: AttentionKernel, sizes: AttentionSizes, seed: number): Workload {
  const inputs: AttentionInputs = randomAttentionInputs(kernel, sizes, new Rng(seed));
  const { figures } = classifyTiles(kernel, sizes, inputs.runtime, DEFAULT_TILING.tileQ, DEFAULT_TILING.tileK);
  const denseFlops = 2 * (sizes.headDim + sizes.valueDim) * sizes.batch * sizes.heads * sizes.qLen * sizes.kvLen;
  return { run: { kernel, sizes, inputs }, liveFlops: denseFlops * (1 - figures.workSaved), denseFlops, density: figures.density };
}

function gemmWorkload(kernel: GemmKernel, sizes: GemmSizes, seed: number): Workload {
  const inputs: GemmInputs = randomGemmInputs(kernel, sizes, new Rng(seed));
  const { m, n, k } = sizes;
  const columnNonzeros = new Float64Array(k);
  for (let row = 0; row < n; row++) for (let col = 0; col < k; col++) if (inputs.w[row * k + col] !== 0) columnNonzeros[col] += 1;
  let liveMacs = 0;
  for (let i = 0; i < m; i++) {
    for (let col = 0; col < k; col++) if (kernel.threshold === null || Math.abs(inputs.x[i * k + col]!) > kernel.threshold) liveMacs += columnNonzeros[col]!;
  }
  const denseFlops = 2 * m * n * k;
  return { run: { kernel, sizes, inputs } as KernelRun, liveFlops: 2 * liveMacs, denseFlops, density: (2 * liveMacs) / denseFlops };
}

/** The run of `kernel` at the sizes `--sizes` asks for (dynamic ones from the or the quick shape). */
export function kernelWorkload(kernel: Kernel, o: KernelBenchOptions): Workload {
  const settings = parseSizes(o.sizes);
  const seed = o.seed ?? 1;
  if (kernel.kind === 'gemm') return gemmWorkload(kernel, benchGemmSizes(kernel, settings, o.quick ? QUICK_GEMM_SHAPE : undefined), seed);
  if (kernel.kind === 'select') throw new Error(`kernel ${kernel.name}: selector kernels are not benchmarked yet`);
  return attentionWorkload(kernel, benchAttentionSizes(kernel, settings, o.quick ? QUICK_ATTENTION_SHAPE : undefined), seed);
}

function isTarget(name: string): name is KernelBenchTarget {
  return Object.hasOwn(KERNEL_PREPARERS, name);
}

/** Rows of one kernel benchmark: `sparsec` (the kernel) then `sparsec-dense` (its dense twin on the same inputs). */
export async function benchKernelRows(kernel: Kernel, o: KernelBenchOptions, note: (s: string) => void = () => {}): Promise<BenchRow[]> {
  const target = o.target ?? 'wasm';
  if (!isTarget(target)) throw new Error(`bench: target '${target}' is not benchmarked (${Object.keys(KERNEL_PREPARERS).join(', ')})`);
  const threads = o.threads ?? 1;
  const work = kernelWorkload(kernel, o);
  const timing = o.timing ?? (o.quick ? QUICK_TIMING : FULL_TIMING);
  const rows: BenchRow[] = [];
  const entries: [Impl, Kernel, number][] = [['sparsec', kernel, work.liveFlops], ['sparsec-dense', denseTwin(kernel), work.denseFlops]];
  for (const [impl, k, creditedFlops] of entries) {
    const body = await KERNEL_PREPARERS[target]({ ...work.run, kernel: k } as KernelRun, threads);
    try {
      note(`${impl} (${target} ${body.variant}, ${threads} thread${threads === 1 ? '' : 's'}): ${k.name} ${sizesLabel(work.run.sizes)}`);
      const result = await timeIt(() => body.run(), timing);
      rows.push(makeRow({ caseName: kernel.name, impl, target, threads, timing: result, creditedFlops, liveFlops: work.liveFlops, density: work.density }));
    } finally {
      await body.release();
    }
  }
  return rows;
}

/** The two ratios of a kernel benchmark: dense time over the kernel's, and live-work GFLOP/s over dense GFLOP/s. */
export function denseRatios(rows: readonly BenchRow[]): { speedup: number; liveWork: number } | null {
  const sparse = rows.find((r) => r.impl === 'sparsec');
  const dense = rows.find((r) => r.impl === 'sparsec-dense');
  if (!sparse || !dense || sparse.median_ms <= 0 || dense.gflops <= 0) return null;
  return { speedup: dense.median_ms / sparse.median_ms, liveWork: sparse.gflops / dense.gflops };
}

/** Runs one kernel benchmark and prints it; returns the exit status (0 ran, 1 failed). */
export async function runKernelBench(kernel: Kernel, o: KernelBenchOptions, io: KernelBenchIo): Promise<number> {
  let rows: BenchRow[];
  try {
    rows = await benchKernelRows(kernel, o, (s) => io.err(`  ${s}\n`));
  } catch (error) {
    io.err(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const ratios = denseRatios(rows);
  if (o.json) {
    const extra = ratios ? { speedup_vs_dense: Number(ratios.speedup.toFixed(3)), live_work_vs_dense: Number(ratios.liveWork.toFixed(3)) } : {};
    io.out(`${formatJson(rows.map((r) => (r.impl === 'sparsec' ? { ...r, ...extra } : r)))}\n`);
    return 0;
  }
  io.out(`${formatTable(rows, 'sparsec-dense')}\n`);
  io.out(`GFLOP/s: live-work FLOPs (live ${DEFAULT_TILING.tileQ}x${DEFAULT_TILING.tileK} tiles, or live products of a gemm) / median for sparsec; dense FLOPs / median for sparsec-dense (the same kernel with every tile live)\n`);
  if (ratios) {
    const grade = o.quick ? ' (--quick: not graded against the full-size goal)' : `; goal ${LIVE_WORK_GOAL}x ${ratios.liveWork >= LIVE_WORK_GOAL ? 'met' : 'SHORT'}`;
    io.out(`${kernel.name}: ${ratios.speedup.toFixed(2)}x faster than sparsec's dense kernel; live-work GFLOP/s ${ratios.liveWork.toFixed(2)}x the dense kernel's${grade}\n`);
  }
  return 0;
}
