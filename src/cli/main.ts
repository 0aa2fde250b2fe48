/**
 * @file The `sparsec` command line: argument parsing (commander) and dispatch to the commands.
 * Every command returns an exit code; usage errors exit 2 and internal errors 3, apart from user errors.
 * Commands are imported when they run, so `--help` loads neither the front end nor a backend.
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT, fileProblem, processIo, UsageError, type Io } from './io.js';
import type { VerifyCliOptions } from './commands/verify.js';
import type { ShowCliOptions } from './commands/show.js';
import type { BuildCliOptions } from './commands/build.js';
import type { BenchCliOptions } from './commands/bench.js';
import { DEFAULT_TARGET, KNOWN_TARGETS } from './target-names.js';
import { LIBRARY_TARGETS } from '../runtime/library/manifest.js';
import { InternalError, UnsupportedError } from '../diagnostics/diagnostic.js';
import { VERSION } from '../version.js';

type Action = () => Promise<number>;

/** Builds the commander program; `setAction` receives the chosen command's runner. */
function buildProgram(io: Io, setAction: (a: Action) => void): Command {
  const program = new Command('sparsec')
    .description('Compile sparse attention and sparse matrix kernels from .sparse (and .ts) specs to WebAssembly SIMD, WebGPU (WGSL), ARM NEON C and CUDA C, each verified against a dense float64 reference.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .exitOverride();

  program
    .command('check')
    .description('parse and check .sparse (and .ts) spec files; a folder means every .sparse and *.spec.ts file below it')
    .argument('<paths...>', 'files or folders (.sparse and *.spec.ts files below a folder)')
    .option('--json', 'print the result and diagnostics as JSON on standard output')
    .option('-q, --quiet', 'print nothing when clean')
    .option('--deny-warnings', 'treat warnings (SPC300-399) as errors')
    .addHelpText('after', '\nWarnings (SPC300-399: a mask that allows nothing, a window wider than the sequence) go to standard\nerror and leave the exit status alone unless --deny-warnings.\nExit status: 0 clean, 1 any error, 2 bad usage.\nExample:\n  sparsec check dsl/')
    .action((paths: string[], opts: { json?: boolean; quiet?: boolean; denyWarnings?: boolean }) => setAction(async () => (await import('./commands/check.js')).runCheck(paths, opts, io)));

  program
    .command('explain')
    .description('print what a diagnostic code means, with an example')
    .argument('<code>', 'a code such as SPC012 (or 12)')
    .addHelpText('after', '\nExit status: 0 printed, 2 no such code.\nExample:\n  sparsec explain SPC012')
    .action((code: string) => setAction(async () => (await import('./commands/explain.js')).runExplain(code, io)));

  registerLaterCommands(program, io, setAction);
  return program;
}

/** Repeatable list options: `--target wasm --target cuda` or `--target wasm,cuda`. */
const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** Commands whose implementation lives in their own files (verify, show, build, bench). */
function registerLaterCommands(program: Command, io: Io, setAction: (a: Action) => void): void {
  program
    .command('verify')
    .description('run every kernel on each target on random inputs against the dense float64 reference')
    .argument('<paths...>', 'files or folders (.sparse and *.spec.ts files below a folder)')
    .addOption(new Option('-t, --target <names>', `targets, comma separated (${KNOWN_TARGETS.join(', ')}); default ${DEFAULT_TARGET}`).argParser(collect))
    .addOption(new Option('--require <names>', 'targets that must run: a skipped one fails').argParser(collect))
    .option('--seed <n>', 'seed of the random inputs', '1')
    .addOption(new Option('-k, --kernel <names>', 'only these kernels (comma separated)').argParser(collect))
    .option('--rows <n>', 'random query rows checked per (batch, head) when a case is too big to check whole', '64')
    .option('--json', 'print the results as JSON rows on standard output (no progress)')
    .option('-q, --quiet', 'no progress on standard error')
    .option('--deny-warnings', 'treat warnings (SPC300-399) as errors')
    .addHelpText('after', '\nProgress goes to standard error: on a terminal one line with the count, the elapsed time and the time\nleft; otherwise one line per kernel.\nEvery kernel runs on its declared sizes and on edge sizes (dynamic lengths that are not\nmultiples of the tile, q_len 1, q_len < kv_len, rows with no allowed key), with fresh random inputs\nand random runtime inputs, outputs poisoned before each run.\nA target whose runtime is missing is reported as skipped unless --require names it.\nExit status: 0 all pass, 1 any mismatch or error, 2 bad usage.\nExample:\n  sparsec verify dsl/ --target interp --seed 7 --json')
    .action((paths: string[], opts: VerifyCliOptions) => setAction(async () => (await import('./commands/verify.js')).runVerify(paths, opts, io)));

  program
    .command('build')
    .description('compile every kernel into a library folder (default: WebAssembly only; --target adds others); --emit ir prints the tile IR instead')
    .argument('<paths...>', 'files or folders (.sparse and *.spec.ts files below a folder)')
    .addOption(new Option('-t, --target <names>', `targets, comma separated (a library: ${LIBRARY_TARGETS.join(', ')}; --emit ir: ${KNOWN_TARGETS.join(', ')}); default ${DEFAULT_TARGET}`).argParser(collect))
    .option('-o, --out <dir>', 'output folder (default generated/; with --emit ir, standard output)')
    .option('--emit <what>', "'code' (default) or 'ir'")
    .option('--stages', 'with --emit ir: every named pass stage, not only the final IR')
    .addOption(new Option('-k, --kernel <names>', 'only these kernels (comma separated)').argParser(collect))
    .option('--wat', 'also write each WebAssembly module as text (<kernel>.wat)')
    .option('-q, --quiet', 'no progress on standard error (a terminal gets a count and the time left, a pipe a line per kernel)')
    .option('--deny-warnings', 'treat warnings (SPC300-399) as errors')
    .option('--standalone', 'copy the runtime into the folder (sparsec/), so it runs where the sparsec package is not installed')
    .option('--no-cache', 'build every kernel anew (the cache of built kernels, $SPARSEC_CACHE_DIR or ~/.cache/sparsec, is neither read nor written)')
    .addHelpText('after', '\nThe folder holds per kernel its modules (<kernel>.wasm, .relaxed.wasm; <kernel>*.webgpu.json with webgpu), a\nmanifest and a typed wrapper (<kernel>.js + .d.ts), plus index.js. The wrappers import sparsec/runtime (or\n./sparsec/runtime with --standalone); a folder outside an ES-module package gets a package.json saying "type": "module".\nThe output folder is replaced only when every kernel built (a failed build leaves it as it was);\nthe same input gives the same bytes.\nExit status: 0 built, 1 the spec has errors, 2 bad usage.\nExamples:\n  sparsec build dsl/ --emit ir --kernel streaming_prefill --target wasm --stages\n  sparsec build dsl/ --target wasm --out generated/\n  sparsec build dsl/ --target wasm,webgpu --out lib/')
    .action((paths: string[], opts: BuildCliOptions) => setAction(async () => (await import('./commands/build.js')).runBuild(paths, opts, io)));

  program
    .command('bench')
    .description('benchmark sparsec kernels side by side with onnxruntime-web and onnxruntime-node (dense attention with the mask as a bias); with FILE, time your own kernel beside sparsec\'s dense kernel of the same shapes')
    .argument('[file]', 'a .sparse or .ts spec file (or folder): benchmark one of its kernels instead of the built-in cases')
    .addOption(new Option('-k, --kernel <name>', 'with FILE: the kernel to benchmark (may be left out when FILE has one kernel)'))
    .addOption(new Option('--sizes <list>', 'with FILE: sizes of the dynamic dimensions, e.g. seq=4096,heads=8,head_dim=64 (attention: batch, heads, kv_heads, head_dim, value_dim, q_len, kv_len, seq; gemm: m, n, k); default the issue\'s shape (seq 4096, 8 heads, head_dim 64; gemm m 16, n = k = 4096)').argParser(collect))
    .option('--seed <n>', 'with FILE: seed of the random inputs', '1')
    .addOption(new Option('--case <names>', 'cases, comma separated: causal, window, document, blocks, gemm_dense, gemm_nm24, gemm_csr90, gemm_bsr41, gemv_threshold50 (default all); decode_128k on its own (resident K / V, 1 and 2 threads, beside bound_ms); select_32k on its own (selector + block-sparse attention vs the host estimator + the same attention; wasm by default, any target with --target; --quick: seq 4096)').argParser(collect))
    .option('--threads <n>', 'threads of sparsec and onnxruntime-web (onnxruntime-node uses every core)', '1')
    .option('--quick', 'seq 1024 and n = k = 1024, fewer timed runs')
    .option('--plot <files>', 'write the speed-up against density plot (.svg or .png; several files separated by commas)')
    .option('--target <name>', 'sparsec target to benchmark', 'wasm')
    .option('--no-peers', 'leave onnxruntime out')
    .option('--browser', 'with --target webgpu: sparsec and onnxruntime-web (WebGPU) side by side in headless Chromium; cases window, window_decode, causal, blocks, gemm_nm24, gemm_dense')
    .option('--json', 'print rows {case, impl, target, threads, median_ms, gflops, ...} as JSON')
    .addHelpText('after', '\nEach figure is the median of repeated runs after warm-up; GFLOP/s of sparsec kernels count the work on live\ntiles, the peers\' count dense work. This is a benchmark: it takes minutes.\nWith FILE, the kernel runs on random inputs beside its dense twin (the same kernel, sizes and inputs with\nevery tile live: mask true, or a dense weight), on --target wasm, neon or webgpu; the table gives both\nmedians, the speed-up and live-work GFLOP/s over dense GFLOP/s (graded against 0.9x unless --quick).\nExamples:\n  sparsec bench --threads 1 --json --plot docs/img/bench-speedup.svg\n  sparsec bench dsl/static-masks.sparse --kernel streaming_prefill --sizes seq=4096,heads=8 --threads 2')
    .action((file: string | undefined, opts: BenchCliOptions) => setAction(async () => (await import('./commands/bench.js')).runBench(file, opts, io)));

  program
    .command('show')
    .description("draw a kernel's mask (attention) or weight pattern (gemm) with its tile classes: empty / full / partial")
    .argument('<paths...>', 'files or folders (.sparse and *.spec.ts files below a folder)')
    .option('-k, --kernel <name>', 'the kernel to draw')
    .option('--png <file>', 'write a PNG picture')
    .option('--svg <file>', 'write an SVG picture')
    .option('--all', 'draw every kernel (needs --out)')
    .option('--out <dir>', 'folder for --all (PNG, plus SVG with --svg "")')
    .option('--tile <n>', 'tile side (default: about kv_len/8, at most 64; gemm: the weight block)')
    .option('--seed <n>', 'seed of the random runtime inputs drawn', '1')
    .option('--density <x>', 'density (0 to 1) of the random lists, bool tensors and block layouts drawn')
    .option('--inputs <file.json>', 'draw with these runtime inputs: {"doc": [...], "sel": {"offsets": [...], "values": [...]}, "sizes": {"qLen": 1000, "kvLen": 1000}}')
    .option('--slice <b,h>', 'the (batch, head) slice drawn and counted', '0,0')
    .option('--json', 'print the figures as JSON')
    .option('--deny-warnings', 'treat warnings (SPC300-399) as errors')
    .addHelpText('after', '\nDynamic sizes are drawn at batch 1, 4 heads, seq 512 (or the sizes of --inputs); runtime inputs (segment\nids, lists, block layouts) are seeded random values of the kernel\'s declared kinds (--density sets how full),\nor the values of --inputs, checked as a generated kernel checks them. The figures count the slice drawn.\nExit status: 0 drawn, 1 the spec has errors, 2 bad usage.\nExample:\n  sparsec show dsl/ --kernel streaming_prefill --png streaming.png')
    .action((paths: string[], opts: ShowCliOptions) => setAction(async () => (await import('./commands/show.js')).runShow(paths, opts, io)));
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let action: Action | null = null;
  const program = buildProgram(io, (a) => { action = a; });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw e;
  }
  const run = action as Action | null;
  if (!run) {
    io.err(program.helpInformation());
    return EXIT.usage;
  }
  try {
    return await run();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`sparsec: ${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof UnsupportedError) {
      io.err(`sparsec: ${e.message}`);
      return EXIT.failed;
    }
    const file = fileProblem(e);
    if (file) {
      io.err(`sparsec: ${file}`);
      return EXIT.failed;
    }
    const internal = e instanceof InternalError ? e.message : `internal error (this is a sparsec bug): ${(e as Error)?.message ?? String(e)}`;
    io.err(`sparsec: ${internal}`);
    if (process.env['SPARSEC_DEBUG']) io.err(String((e as Error)?.stack ?? ''));
    else io.err('sparsec: set SPARSEC_DEBUG=1 for the stack trace, and please report it.');
    return EXIT.internal;
  }
}
