/**
 * @file `sparsec bench`: sparsec's kernels side by side with onnxruntime-web and onnxruntime-node in one
 * run (medians after warm-up, table or `--json` rows, speed-up plot). The work lives in src/bench/main.ts.
 */
import type { Io } from '../io.js';
import { intOption } from './verify.js';

export interface BenchCliOptions {
  readonly json?: boolean;
  readonly threads?: string;
  readonly case?: string[];
  readonly quick?: boolean;
  readonly plot?: string;
  readonly target?: string;
  readonly peers?: boolean;
  readonly browser?: boolean;
}

export async function runBench(opts: BenchCliOptions, io: Io): Promise<number> {
  // Loaded on demand: the peers pull in onnxruntime, which `check` and `verify` should not pay for.
  const { runBenchCommand } = await import('../../bench/main.js');
  const threads = intOption('threads', opts.threads, 1);
  return runBenchCommand({
    ...(opts.json ? { json: true } : {}),
    threads: Math.max(1, threads),
    ...(opts.case?.length ? { cases: opts.case.flatMap((c) => c.split(',')) } : {}),
    ...(opts.quick ? { quick: true } : {}),
    ...(opts.plot ? { plot: opts.plot } : {}),
    ...(opts.target ? { target: opts.target } : {}),
    ...(opts.peers === false ? { noPeers: true } : {}),
    ...(opts.browser ? { browser: true } : {}),
  }, io);
}
