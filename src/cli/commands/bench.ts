/**
 * @file `sparsec bench`: sparsec's kernels side by side with onnxruntime-web and onnxruntime-node in one
 * run (medians after warm-up, table or `--json` rows, speed-up plot). The work lives in src/bench/main.ts.
 * The bench's packages are optional peers of sparsec: they are looked up first, and a missing one is named.
 */
import { didYouMean } from '../../checker/suggest.js';
import { EXIT, UsageError, type Io } from '../io.js';
import { intOption } from './verify.js';
import { loadAndCheck, printDiagnostics, selectKernels } from '../frontend-run.js';

export interface BenchCliOptions {
  readonly json?: boolean;
  readonly threads?: string;
  readonly case?: string[];
  readonly quick?: boolean;
  readonly plot?: string;
  readonly target?: string;
  readonly peers?: boolean;
  readonly browser?: boolean;
  /** With FILE: the kernel benchmarked, its sizes, the seed of its inputs. */
  readonly kernel?: string;
  readonly sizes?: string[];
  readonly seed?: string;
}

/** The optional peer packages of `sparsec bench` (package.json `peerDependencies`), each with what needs it. */
const BENCH_PEERS = [
  { name: 'onnx-proto', range: '^8.0.1', needed: (_: BenchCliOptions) => true, why: 'the ONNX models of the peers' },
  { name: 'onnxruntime-web', range: '^1.30.0', needed: (o: BenchCliOptions) => o.peers !== false, why: 'the onnxruntime-web peer' },
  { name: 'onnxruntime-node', range: '^1.30.0', needed: (o: BenchCliOptions) => o.peers !== false && !o.browser, why: 'the onnxruntime-node peer' },
  { name: 'playwright-core', range: '^1.65.1', needed: (o: BenchCliOptions) => Boolean(o.browser), why: 'headless Chromium for --browser' },
  { name: 'webgpu', range: '^0.6.2', needed: (o: BenchCliOptions) => o.target === 'webgpu' && !o.browser, why: 'WebGPU in Node (Dawn)' },
  { name: 'vega', range: '^6.4.0', needed: (o: BenchCliOptions) => Boolean(o.plot), why: 'the --plot figure' },
] as const;

/** Whether the package `name` can be imported from here. */
function resolvable(name: string): boolean {
  try {
    import.meta.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** The bench's peer packages that `opts` needs and that are not installed, as `name@range (what for)`. */
export function missingBenchPeers(opts: BenchCliOptions, isInstalled: (name: string) => boolean = resolvable): string[] {
  return BENCH_PEERS.filter((p) => p.needed(opts) && !isInstalled(p.name)).map((p) => `${p.name}@${p.range} (${p.why})`);
}

/** Refuses an unknown case name (usage error) with the closest known one. */
async function checkCaseNames(opts: BenchCliOptions): Promise<void> {
  const names = (opts.case ?? []).flatMap((c) => c.split(',')).filter(Boolean);
  if (names.length === 0) return;
  const known: readonly string[] = opts.browser
    ? (await import('../../bench/browser/cases.js')).BROWSER_CASE_NAMES
    : [...(await import('../../bench/framework/runner.js')).ALL_CASE_NAMES, ...(await import('../../bench/decode.js')).DECODE_CASE_NAMES, ...(await import('../../bench/select.js')).SELECT_CASE_NAMES];
  const bad = names.filter((n) => !known.includes(n));
  if (bad.length > 0) {
    throw new UsageError(`unknown ${opts.browser ? 'browser ' : ''}case ${bad.map((n) => `'${n}'${didYouMean(n, known)}`).join(', ')} (cases: ${known.join(', ')})`);
  }
}

/** Options that only the built-in cases take, refused beside FILE. */
const CASE_ONLY_OPTIONS = [['case', 'case'], ['plot', 'plot'], ['browser', 'browser'], ['peers', 'no-peers']] as const;

/** `sparsec bench FILE [--kernel NAME]`: one kernel of FILE beside its dense twin. */
async function runKernelBenchCli(file: string, opts: BenchCliOptions, io: Io): Promise<number> {
  const given = CASE_ONLY_OPTIONS.filter(([key]) => (key === 'peers' ? opts.peers === false : opts[key] !== undefined && opts[key] !== false));
  if (given.length > 0) throw new UsageError(`${given.map(([, flag]) => `--${flag}`).join(', ')} go${given.length === 1 ? 'es' : ''} with the built-in cases, not with FILE`);
  const threads = Math.max(1, intOption('threads', opts.threads, 1));
  const seed = intOption('seed', opts.seed, 1);
  const checked = await loadAndCheck([file]);
  printDiagnostics(io, checked);
  if (!checked.ok) return EXIT.failed;
  if (checked.kernels.length === 0) throw new UsageError(`${file} declares no kernel`);
  if (!opts.kernel && checked.kernels.length > 1) {
    throw new UsageError(`${file} declares ${checked.kernels.length} kernels: choose one with --kernel (${checked.kernels.map((k) => k.name).join(', ')})`);
  }
  const [kernel] = selectKernels(checked.kernels, opts.kernel ? [opts.kernel] : undefined);
  const { runKernelBench } = await import('../../bench/kernel/command.js');
  const { machineLine } = await import('../../bench/machine.js');
  io.err(machineLine());
  return runKernelBench(kernel!, {
    threads, seed,
    ...(opts.sizes ? { sizes: opts.sizes } : {}),
    ...(opts.target ? { target: opts.target } : {}),
    ...(opts.json ? { json: true } : {}),
    ...(opts.quick ? { quick: true } : {}),
  }, io);
}

export async function runBench(file: string | undefined, opts: BenchCliOptions, io: Io): Promise<number> {
  if (file !== undefined) return runKernelBenchCli(file, opts, io);
  if (opts.kernel !== undefined || opts.sizes !== undefined) throw new UsageError('--kernel and --sizes need a FILE: sparsec bench FILE --kernel NAME [--sizes seq=4096,...]');
  const threads = intOption('threads', opts.threads, 1);
  await checkCaseNames(opts);
  const missing = missingBenchPeers(opts);
  if (missing.length > 0) {
    const install = missing.map((m) => `'${m.split(' ')[0]}'`).join(' ');
    io.err(`sparsec bench: missing optional package${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.\n`
      + `Install ${missing.length > 1 ? 'them' : 'it'} beside sparsec: npm install --save-dev ${install}`);
    return EXIT.failed;
  }
  // Loaded on demand: the peers pull in onnxruntime, which `check` and `verify` should not pay for.
  const { runBenchCommand } = await import('../../bench/main.js');
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
