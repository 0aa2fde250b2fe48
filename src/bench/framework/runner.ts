/**
 * @file The benchmark loop shared by every implementation: each case is prepared on each implementation, timed
 * after warm-up and turned into a row. Peers (onnxruntime) and sparsec's kernels plug in as BenchImplementation.
 */
import { attentionWork, DEFAULT_TILING, type Tiling } from './attention-work.js';
import { attentionCase, ATTENTION_CASE_NAMES, ISSUE_ATTENTION_SHAPE, type AttentionCase, type AttentionCaseName, type AttentionShape } from './cases.js';
import { gemmCase, gemmData, GEMM_CASE_NAMES, ISSUE_GEMM_SHAPE, type GemmCase, type GemmCaseName, type GemmData, type GemmShape } from './gemm-cases.js';
import { makeRow, type BenchRow, type Impl } from './rows.js';
import { timeIt, type TimingOptions, type TimingResult } from './timing.js';

/** Any case name, attention or gemm. */
export type CaseName = AttentionCaseName | GemmCaseName;

/** Every case name, attention first. */
export const ALL_CASE_NAMES: readonly CaseName[] = [...ATTENTION_CASE_NAMES, ...GEMM_CASE_NAMES];

/** A case prepared on one implementation: inputs bound, ready to run repeatedly. */
export interface PreparedBody {
  /** FLOPs credited to this implementation: dense FLOPs for dense implementations, live-work FLOPs for sparse ones. */
  readonly creditedFlops: number;
  run(): Promise<void> | void;
  release?(): Promise<void> | void;
}

/** One implementation under test (a peer library, sparsec's sparse kernels, sparsec's dense kernel). */
export interface BenchImplementation {
  readonly impl: Impl;
  readonly target: string;
  /** Threads actually used. */
  readonly threads: number;
  /** True when the implementation does the same dense work whatever the sparsity (timings of one shape are reused). */
  readonly denseOnly: boolean;
  /** Null when the implementation has no kernel for this case (it is then left out of the table). */
  prepareAttention(c: AttentionCase): Promise<PreparedBody | null>;
  prepareGemm(c: GemmCase, data: GemmData): Promise<PreparedBody | null>;
}

/** What to benchmark and how. */
export interface BenchOptions {
  readonly cases: readonly CaseName[];
  readonly attentionShape?: AttentionShape;
  readonly gemmShape?: GemmShape;
  readonly timing: TimingOptions;
  /** Tiling used to state live-work FLOPs of attention cases. */
  readonly tiling?: Tiling;
  /** Called before each measurement (progress on standard error). */
  readonly progress?: (message: string) => void;
}

/** Rows and notes (reused measurements, CPU utilisation) of one benchmark run. */
export interface BenchResult {
  readonly rows: BenchRow[];
  readonly notes: string[];
}

/** A case reduced to what the loop needs. */
interface CaseWork {
  readonly name: CaseName;
  readonly liveFlops: number;
  readonly density: number;
  /** Dense-only implementations do the same work for every case with this key. */
  readonly denseKey: string;
  readonly prepare: (impl: BenchImplementation) => Promise<PreparedBody | null>;
}

function isAttention(name: CaseName): name is AttentionCaseName {
  return (ATTENTION_CASE_NAMES as readonly string[]).includes(name);
}

function caseWork(name: CaseName, options: BenchOptions): CaseWork {
  if (isAttention(name)) {
    const c = attentionCase(name, options.attentionShape ?? ISSUE_ATTENTION_SHAPE);
    const work = attentionWork(c, options.tiling ?? DEFAULT_TILING);
    return { name, liveFlops: work.liveFlops, density: work.density, denseKey: name, prepare: (impl) => impl.prepareAttention(c) };
  }
  const c = gemmCase(name, options.gemmShape ?? ISSUE_GEMM_SHAPE);
  const data = gemmData(c);
  return { name, liveFlops: data.liveFlops, density: data.density, denseKey: `gemm ${c.m}x${c.n}x${c.k}`, prepare: (impl) => impl.prepareGemm(c, data) };
}

/** Process CPU time over wall time while a case was timed: near `threads` on an idle machine, lower when it is busy. */
function utilisationNote(impl: BenchImplementation, caseName: string, cpu: NodeJS.CpuUsage, wallMs: number): string {
  const ratio = (cpu.user + cpu.system) / 1000 / Math.max(wallMs, 1e-9);
  const busy = ratio < 0.8 * impl.threads ? ' (well below the thread count: the machine was busy or threads idled)' : '';
  return `${impl.impl} ${caseName}: process CPU / wall ${ratio.toFixed(2)} with ${impl.threads} thread(s)${busy}`;
}

/** Times one prepared body, releasing it afterwards. */
async function measure(impl: BenchImplementation, body: PreparedBody, caseName: string, options: BenchOptions, notes: string[]): Promise<TimingResult> {
  try {
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const timing = await timeIt(() => body.run(), options.timing);
    notes.push(utilisationNote(impl, caseName, process.cpuUsage(cpuBefore), performance.now() - wallBefore));
    return timing;
  } finally {
    await body.release?.();
  }
}

/** Runs every selected case on every implementation, in case order. */
export async function runBench(implementations: readonly BenchImplementation[], options: BenchOptions): Promise<BenchResult> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const denseTimings = new Map<string, { timing: TimingResult; creditedFlops: number; from: string }>();
  for (const name of options.cases) {
    const work = caseWork(name, options);
    for (const impl of implementations) {
      const key = `${impl.impl} ${work.denseKey}`;
      let entry = impl.denseOnly ? denseTimings.get(key) : undefined;
      if (entry) {
        notes.push(`${impl.impl} ${name}: same dense computation as ${entry.from}, timing reused`);
      } else {
        const body = await work.prepare(impl);
        if (!body) continue;
        options.progress?.(`${impl.impl} (${impl.threads} threads): ${name}`);
        entry = { timing: await measure(impl, body, name, options, notes), creditedFlops: body.creditedFlops, from: name };
        if (impl.denseOnly) denseTimings.set(key, entry);
      }
      rows.push(makeRow({
        caseName: name,
        impl: impl.impl,
        target: impl.target,
        threads: impl.threads,
        timing: entry.timing,
        creditedFlops: entry.creditedFlops,
        liveFlops: work.liveFlops,
        density: work.density,
      }));
    }
  }
  return { rows, notes };
}
