/**
 * @file The cuda emulation under AddressSanitizer and UndefinedBehaviorSanitizer (issue 12, fuzzing): the generated
 * library's .cu files compiled by the host g++ against the emulation prelude with -fsanitize=address,undefined and
 * run through the library's own `load('cuda', { launch })` (its input checks, plan checks and packing, then the
 * emulated binary instead of the GPU), on hostile calls (forged plans and packed weights, wrong sizes and lengths,
 * out-of-range values, broken lists). The checks stop them before the kernel or the kernel runs, and the sanitizers
 * report nothing; a kernel with a read one element past its input planted in it shows that the same run fails.
 * Found by it and fixed: the csr gemm's dot product ran on all 128 threads of a 64-row tile, and threads 64..127
 * read past the block's shared tile (`wf[2144]`, indices up to 4095; the values were dropped, so results were right,
 * but on a GPU it read outside the block's static shared memory). The SIMT DOT (src/targets/simt/dot.ts) now clamps
 * the operand index of a partial round's idle lanes; fz_csr runs with the other kernels and a test below checks it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/reference/random.js';
import type { CudaLauncher } from '../../src/runtime/cuda/load.js';
import { compileEmulatedLauncher, hostCompiler, HOST_CXX } from '../../src/targets/cuda/emulate.js';
import { importLibrary, type AnyHandle } from '../library/library-target.js';
import { skipTarget } from '../support/targets.js';
import { FUZZ_KERNELS, hostileCalls, validCall } from './fuzz-kernels.mjs';
import { buildFuzzLibrary, hostileVariant } from './fuzz-library.js';

/** Hostile calls through the sanitized emulation. */
const CALLS = 500;
/** The fuzz kernels, every one of which must run clean under the sanitizers. */
const CLEAN = FUZZ_KERNELS;
const SANITIZE = ['-fsanitize=address,undefined', '-fno-sanitize-recover=all', '-fno-omit-frame-pointer', '-g'];

const host = hostCompiler();
const runtimeOf = (name: string): string => {
  try {
    return execFileSync(HOST_CXX, [`-print-file-name=${name}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
const sanitizers = ['libasan.so', 'libubsan.so'].map(runtimeOf).every((p) => p.startsWith('/') && existsSync(p));
const skip = skipTarget('cuda (emulated) under sanitizers', host.ok && sanitizers, host.ok ? 'no libasan / libubsan for the host compiler' : host.reason);

// NOTE: the emulated binaries inherit these: no leak check (the runner leaves its buffers to exit), distinct exit codes.
process.env['ASAN_OPTIONS'] = 'detect_leaks=0:abort_on_error=0:exitcode=86';
process.env['UBSAN_OPTIONS'] = 'halt_on_error=1:print_stacktrace=1:exitcode=87';

/** Sanitizer reports seen by the launchers (the run also fails). */
const reports: string[] = [];

/** A launcher that compiles each library .cu (through `plant`) with the sanitizers once and runs it; records reports. */
function sanitizedLauncher(plant: (source: string) => string = (s) => s): CudaLauncher {
  const launchers = new Map<string, (packed: Uint8Array) => Uint8Array>();
  return (variant, cu, packed) => {
    let launch = launchers.get(variant.file);
    if (!launch) {
      launch = compileEmulatedLauncher({ name: variant.file, symbol: variant.symbol, source: plant(readFileSync(fileURLToPath(cu), 'utf8')) }, SANITIZE);
      launchers.set(variant.file, launch);
    }
    try {
      return launch(packed);
    } catch (e) {
      const message = (e as Error).message;
      if (/Sanitizer|runtime error/.test(message)) reports.push(message);
      throw e;
    }
  };
}

/** A read one element past the end of the input x, at the start of the kernel (every emulated thread makes it). */
const plantOutOfBounds = (source: string): string => {
  const entry = /(__global__ void [^{]*sparsec_fz_nm_kernel\([^)]*\) \{\n)/;
  expect(entry.test(source)).toBe(true);
  return source.replace(entry, '$1  { volatile float sx_planted = g_x[n_x + ((int)threadIdx.x & 0)]; (void)sx_planted; }\n');
};

describe.skipIf(skip)('the cuda emulation under AddressSanitizer and UndefinedBehaviorSanitizer', () => {
  let lib: Record<string, AnyHandle>;
  beforeAll(async () => {
    lib = await importLibrary(await buildFuzzLibrary(['cuda'], ['--no-cache', '-q']));
  }, 300_000);

  it(`${CALLS} hostile calls: stopped by the checks or run, and the sanitizers report nothing`, async () => {
    const launch = sanitizedLauncher();
    const loaded: Record<string, any> = {};
    for (const k of CLEAN) loaded[k] = await lib[k]!.load('cuda', { launch });
    // NOTE: compile every kernel first (a valid call each): the hostile calls then time only the runs.
    for (const k of CLEAN) await loaded[k].run(validCall(k, loaded[k]));
    const rng = new Rng(13);
    const tally = await hostileCalls(loaded, CALLS, (_i: number, name: string) => hostileVariant(validCall(name, loaded[name]), rng));
    expect(reports).toEqual([]);
    expect(tally.problems).toEqual([]);
    expect(tally.rejected + tally.ran).toBe(CALLS);
    expect(tally.rejected).toBeGreaterThan(CALLS / 3);
    expect(tally.ran).toBeGreaterThan(CALLS / 10);
    console.log(`cuda (emulated) under ASan + UBSan: ${CALLS} hostile calls, ${tally.rejected} rejected with a clear error, ${tally.ran} ran, no sanitizer report`);
  }, 600_000);

  it('a valid fz_csr call stays inside its shared tile (the idle lanes of a partial DOT round read no further: fixed defect)', async () => {
    const loaded = (await lib['fz_csr']!.load('cuda', { launch: sanitizedLauncher() })) as any;
    const before = reports.length;
    await loaded.run(validCall('fz_csr', loaded));
    expect(reports.slice(before)).toEqual([]);
  }, 300_000);

  it('the same run fails on a kernel with an out-of-bounds read planted in it', async () => {
    const loaded = (await lib['fz_nm']!.load('cuda', { launch: sanitizedLauncher(plantOutOfBounds) })) as any;
    const before = reports.length;
    await expect(loaded.run(validCall('fz_nm', loaded))).rejects.toThrow(/AddressSanitizer: heap-buffer-overflow|runtime error: load of address .* insufficient space/);
    expect(reports.length).toBe(before + 1);
    expect(reports.at(-1)).toMatch(/exit 8[67]/);
  }, 300_000);
});
