/**
 * @file `sparsec bench --target webgpu --browser`: the browser bench through the framework's outputs (table with
 * sparsec / onnxruntime-web speed-ups, `--json` rows, `--plot`), the correctness checks, and the exit status.
 */
import { loadavg } from 'node:os';
import { formatJson, formatTable } from '../framework/output.js';
import { speedupSeries, writeSpeedupPlots, type CaseFamily, type SpeedupSeries } from '../framework/plot.js';
import type { BenchRow } from '../framework/rows.js';
import { BROWSER_SHAPES, pickBrowserCases, TINY_BROWSER_SHAPES, type BrowserCaseName } from './cases.js';
import { formatChecks } from './check.js';
import { BROWSER_TEST_TIMING, BROWSER_TIMING, runBrowserBench } from './driver.js';

/** The options of `sparsec bench` the browser run reads. */
export interface BrowserBenchCommandOptions {
  readonly json?: boolean;
  readonly cases?: readonly string[];
  /** Tiny shapes and two timed runs (a smoke run, not figures). */
  readonly quick?: boolean;
  readonly plot?: string;
  readonly target?: string;
  readonly noPeers?: boolean;
}

/** Where the command writes: results on `out`, progress and notes on `err`. */
export interface BrowserBenchIo {
  out(s: string): void;
  err(s: string): void;
}

const ATTENTION_CASES: readonly BrowserCaseName[] = ['window', 'window_decode', 'causal', 'blocks'];

/** Speed-up series over onnxruntime-web, attention and gemm cases kept apart (decode is an attention case). */
export function browserSpeedupSeries(rows: readonly BenchRow[]): SpeedupSeries[] {
  const isAttention = (r: BenchRow): boolean => (ATTENTION_CASES as readonly string[]).includes(r.case);
  const family = (rs: readonly BenchRow[], f: CaseFamily): SpeedupSeries[] => speedupSeries(rs, 'onnxruntime-web').map((s) => ({ ...s, family: f }));
  return [...family(rows.filter(isAttention), 'attention'), ...family(rows.filter((r) => !isAttention(r)), 'gemm')];
}

function usageError(opts: BrowserBenchCommandOptions): string | null {
  if (opts.target !== 'webgpu') return `bench: --browser runs sparsec's webgpu target beside onnxruntime-web's WebGPU backend; add --target webgpu`;
  if (opts.noPeers) return 'bench: --browser is a side-by-side with onnxruntime-web; --no-peers does not apply';
  return null;
}

const loadLine = (): string => `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;

/** Runs the browser bench; 0 when every case ran and every output checked out, 1 on a failure, 2 on bad usage. */
export async function runBrowserBenchCommand(opts: BrowserBenchCommandOptions, io: BrowserBenchIo): Promise<number> {
  let cases: BrowserCaseName[];
  try {
    const bad = usageError(opts);
    if (bad) throw new Error(bad);
    cases = pickBrowserCases(opts.cases);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  io.err(`browser bench (headless Chromium, WebGPU): ${loadLine()}\n`);
  try {
    const result = await runBrowserBench({
      cases,
      shapes: opts.quick ? TINY_BROWSER_SHAPES : BROWSER_SHAPES,
      timing: opts.quick ? BROWSER_TEST_TIMING : BROWSER_TIMING,
      progress: (message) => io.err(`  ${message}\n`),
    });
    io.out(`${opts.json ? formatJson(result.rows) : formatTable(result.rows)}\n`);
    if (!opts.json) io.out('GFLOP/s: live-work FLOPs (live 64x64 tiles; gemm nonzeros) / median for sparsec, dense FLOPs / median for onnxruntime-web\n');
    io.err(`checks against the float64 reference and each other (last timed run):\n${formatChecks(result.checks)}\n`);
    for (const note of result.notes) io.err(`note: ${note}\n`);
    io.err(`${loadLine()}\n`);
    if (opts.plot) {
      for (const file of await writeSpeedupPlots(opts.plot, browserSpeedupSeries(result.rows), 'speed-up over onnxruntime-web (WebGPU, browser)', 'onnxruntime-web')) io.err(`wrote ${file}\n`);
    }
    const failed = result.checks.filter((c) => !c.ok).map((c) => c.case);
    if (failed.length > 0) {
      io.err(`bench failed: wrong output in ${failed.join(', ')}; these timings do not count\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    io.err(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 1;
  }
}
