/**
 * @file `sparsec bench`: sparsec's sparse kernels, sparsec's dense kernels and the peers (onnxruntime-web on the same
 * threads, onnxruntime-node on all cores) on every case in one process and one run; a table or JSON rows, goals, a plot.
 */
import { pathToFileURL } from 'node:url';
import { machineLine } from './machine.js';
import { DEFAULT_TILING } from './framework/attention-work.js';
import { QUICK_ATTENTION_SHAPE } from './framework/cases.js';
import { QUICK_GEMM_SHAPE } from './framework/gemm-cases.js';
import { formatJson, formatTable } from './framework/output.js';
import { speedupSeries, writeSpeedupPlots } from './framework/plot.js';
import { ALL_CASE_NAMES, runBench, type BenchImplementation, type BenchOptions, type CaseName } from './framework/runner.js';
import { FULL_TIMING, QUICK_TIMING } from './framework/timing.js';
import { peerImplementation } from './peers/run.js';
import { createOrtPeer } from './peers/ort.js';
import { evaluateGoals, formatGoals } from './sparsec/goals.js';
import { sparsecImplementation } from './sparsec/implementation.js';
import { neonBenchHost, neonBenchImplementation } from './sparsec/neon-implementation.js';
import { createWebgpuBenchImplementation } from './webgpu/implementation.js';
import { runBrowserBenchCommand } from './browser/command.js';
import { isDecodeCase, runDecodeCommand } from './decode.js';
import { isSelectCase, runSelectCommand } from './select.js';
import { NO_ADAPTER_REASON } from '../runtime/webgpu/node-device.js';
import { didYouMean } from '../diagnostics/suggest.js';

export { machineLine };

/** Options of `sparsec bench` (as the CLI parses them). */
export interface BenchCommandOptions {
  /** Print JSON rows instead of the table. */
  readonly json?: boolean;
  /** sparsec and onnxruntime-web threads (default 1); onnxruntime-node always uses every core. */
  readonly threads?: number;
  /** Case names (default: all). */
  readonly cases?: string[];
  /** seq 1024, gemm n = k = 1024, fewer timed runs. */
  readonly quick?: boolean;
  /** Write the speed-up-against-density plot here (.svg or .png; several paths separated by commas). */
  readonly plot?: string;
  /** The sparsec target benchmarked: wasm (default) or webgpu. */
  readonly target?: string;
  /** Leave the peers out (sparsec and sparsec-dense only). */
  readonly noPeers?: boolean;
  /** With --target webgpu: sparsec's WGSL beside onnxruntime-web's WebGPU backend in headless Chromium (src/bench/browser/). */
  readonly browser?: boolean;
}

/** Where the command writes: results on `out`, progress, notes and errors on `err`. */
export interface BenchIo {
  out(s: string): void;
  err(s: string): void;
}

/** The `--quick` shapes: seq 1024 and gemm n = k = 1024. */
export const QUICK_SHAPES = { attentionShape: QUICK_ATTENTION_SHAPE, gemmShape: QUICK_GEMM_SHAPE } as const;

/** Checks the case names; throws with the known names on an unknown one. */
export function pickCases(names: readonly string[] | undefined): CaseName[] {
  if (!names || names.length === 0) return [...ALL_CASE_NAMES];
  const known = ALL_CASE_NAMES as readonly string[];
  const bad = names.filter((n) => !known.includes(n));
  if (bad.length > 0) throw new Error(`unknown case(s) ${bad.join(', ')} (known: ${ALL_CASE_NAMES.join(', ')})`);
  return names as CaseName[];
}

/** sparsec's own implementations on `target`: the sparse kernel and the dense one. */
async function sparsecImplementations(target: string, threads: number, notes: string[]): Promise<BenchImplementation[]> {
  if (target === 'wasm') return [sparsecImplementation({ threads, dense: false }), sparsecImplementation({ threads, dense: true })];
  if (target === 'neon') {
    const host = neonBenchHost();
    if (!host) throw new Error('bench: this host cannot build neon libraries (no C compiler, or no SIMDe on x86): bash scripts/setup-neon.sh');
    notes.push(`neon kernels ran on ${host}${process.arch === 'arm64' ? '' : ': SIMDe emulates NEON with SSE, so these times say nothing about an ARM core'}`);
    return [neonBenchImplementation({ threads, dense: false }), neonBenchImplementation({ threads, dense: true })];
  }
  const sparse = await createWebgpuBenchImplementation({ dense: false, tiling: DEFAULT_TILING });
  const dense = await createWebgpuBenchImplementation({ dense: true, tiling: DEFAULT_TILING });
  if (!sparse || !dense) throw new Error(`bench: no WebGPU adapter (${NO_ADAPTER_REASON})`);
  return [sparse, dense];
}

/** The implementations of one run: sparsec, sparsec-dense, then the peers (unless left out). */
async function implementations(target: string, threads: number, withPeers: boolean, notes: string[]): Promise<BenchImplementation[]> {
  const impls = await sparsecImplementations(target, threads, notes);
  if (!withPeers) return impls;
  for (const kind of ['onnxruntime-web', 'onnxruntime-node'] as const) {
    const peer = await createOrtPeer(kind, kind === 'onnxruntime-web' ? threads : undefined);
    notes.push(...peer.notes);
    impls.push(peerImplementation(peer));
  }
  return impls;
}

/** Runs `sparsec bench`; returns the exit status (0 ok, 2 bad usage, 1 failure). */
export async function runBenchCommand(opts: BenchCommandOptions, io: BenchIo): Promise<number> {
  if (opts.browser) return runBrowserBenchCommand(opts, io);
  if (opts.cases?.some(isDecodeCase)) return runDecodeCommand({ ...opts, timing: opts.quick ? QUICK_TIMING : FULL_TIMING }, io);
  if (opts.cases?.some(isSelectCase)) return runSelectCommand(opts, io);
  let cases: CaseName[];
  try {
    if (opts.target !== undefined && !['wasm', 'webgpu', 'neon'].includes(opts.target)) throw new Error(`bench: target '${opts.target}' is not benchmarked (wasm, webgpu, neon)`);
    if (opts.threads !== undefined && (!Number.isInteger(opts.threads) || opts.threads < 1)) throw new Error(`bench: --threads needs a positive integer`);
    cases = pickCases(opts.cases);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const threads = opts.threads ?? 1;
  const notes: string[] = [];
  io.err(`${machineLine()}\n`);
  try {
    const impls = await implementations(opts.target ?? 'wasm', threads, !opts.noPeers, notes);
    const options: BenchOptions = {
      cases,
      ...(opts.quick ? QUICK_SHAPES : {}),
      timing: opts.quick ? QUICK_TIMING : FULL_TIMING,
      tiling: DEFAULT_TILING,
      progress: (message) => io.err(`  ${message}\n`),
    };
    const result = await runBench(impls, options);
    notes.push(...result.notes);
    if (opts.json) {
      io.out(`${formatJson(result.rows)}\n`);
    } else {
      io.out(`${formatTable(result.rows)}\n`);
      io.out(`GFLOP/s: dense FLOPs / median for dense implementations (sparsec-dense, peers); live-work FLOPs (live ${DEFAULT_TILING.tileQ}x${DEFAULT_TILING.tileK} tiles, weight nonzeros x live inputs) / median for sparsec\n`);
      const goals = evaluateGoals(result.rows);
      if (goals.length > 0) io.out(opts.quick ? '\ngoals: not graded (--quick runs below the full sizes the goals are stated for)\n' : `\ngoals:\n${formatGoals(goals)}\n`);
    }
    for (const note of notes) io.err(`note: ${note}\n`);
    io.err(`${machineLine()}\n`);
    if (opts.plot) {
      const series = speedupSeries(result.rows, 'onnxruntime-web');
      for (const file of await writeSpeedupPlots(opts.plot, series, 'speed-up against density', 'onnxruntime-web')) io.err(`wrote ${file}\n`);
    }
    return 0;
  } catch (error) {
    io.err(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 1;
  }
}

/** Flags of `node dist/bench/main.js`: those taking a value, and switches. */
const VALUE_FLAGS = ['--threads', '--cases', '--plot', '--target'] as const;
const SWITCH_FLAGS = ['--json', '--quick', '--no-peers', '--browser', '--help'] as const;

/** Usage of `node dist/bench/main.js`. */
export const BENCH_MAIN_USAGE = `usage: node dist/bench/main.js [--json] [--quick] [--no-peers] [--browser] [--threads N] [--cases a,b] [--target wasm|webgpu|neon] [--plot FILE]
  (the sparsec command line spells the case list --case: sparsec bench --case a,b)`;

/**
 * Argument parsing for running this file directly: `node dist/bench/main.js [--json] [--quick] ...`. An unknown flag,
 * a stray argument or a flag without its value throws (with a did-you-mean), so a misspelt flag never runs the
 * default benchmark silently.
 */
export function parseArgv(argv: readonly string[]): BenchCommandOptions & { help?: boolean } {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const known = [...VALUE_FLAGS, ...SWITCH_FLAGS] as readonly string[];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.startsWith('--') && argv[i]!.includes('=') ? [argv[i]!.slice(0, argv[i]!.indexOf('=')), argv[i]!.slice(argv[i]!.indexOf('=') + 1)] : [argv[i]!, undefined];
    if ((VALUE_FLAGS as readonly string[]).includes(flag)) {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new Error(`bench: ${flag} needs a value\n${BENCH_MAIN_USAGE}`);
      values.set(flag, v);
    } else if ((SWITCH_FLAGS as readonly string[]).includes(flag) && inline === undefined) {
      switches.add(flag);
    } else {
      const what = flag.startsWith('-') ? `unknown option '${flag}'` : `unexpected argument '${flag}'`;
      throw new Error(`bench: ${what}${flag.startsWith('-') ? didYouMean(flag, known) : ''}\n${BENCH_MAIN_USAGE}`);
    }
  }
  const threads = values.get('--threads');
  const cases = values.get('--cases');
  const plot = values.get('--plot');
  const target = values.get('--target');
  return {
    json: switches.has('--json'),
    quick: switches.has('--quick'),
    noPeers: switches.has('--no-peers'),
    browser: switches.has('--browser'),
    ...(switches.has('--help') ? { help: true } : {}),
    ...(target === undefined ? {} : { target }),
    ...(threads === undefined ? {} : { threads: Number(threads) }),
    ...(cases === undefined ? {} : { cases: cases.split(',') }),
    ...(plot === undefined ? {} : { plot }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: BenchIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
  let opts: ReturnType<typeof parseArgv>;
  try {
    opts = parseArgv(process.argv.slice(2));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  if (opts.help) {
    io.out(`${BENCH_MAIN_USAGE}\n`);
    process.exit(0);
  }
  runBenchCommand(opts, io).then((code) => process.exit(code));
}
