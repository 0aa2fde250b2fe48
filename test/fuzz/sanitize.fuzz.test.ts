/**
 * @file The C targets under AddressSanitizer and UndefinedBehaviorSanitizer (issue 12, fuzzing): the generated
 * library's neon kernels (NEON C on this host through SIMDe) rebuilt with -fsanitize=address,undefined, then
 * hostile runtime calls (forged plans and packed weights, wrong sizes, out-of-range values) in a Node process with
 * the sanitizers preloaded: the checks stop them before the kernel and the sanitizers report nothing. A kernel
 * with an out-of-bounds index planted in it shows that the same run does fail. The cuda emulation runs under the
 * sanitizers in cuda-sanitize.fuzz.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEON_ADDON_PATH } from '../../src/runtime/neon/native.js';
import { skipTarget } from '../support/targets.js';
import { FUZZ_KERNELS } from './fuzz-kernels.mjs';
import { buildFuzzLibrary } from './fuzz-library.js';

/** Hostile calls in the sanitized process. */
const CALLS = 500;
const SANITIZE = ['-fsanitize=address,undefined', '-fno-sanitize-recover=all', '-fno-omit-frame-pointer', '-g'];
// NOTE: the flags of src/build/neon.ts's host library, at -O1 so that reports point at lines.
const SHARED = ['-O1', '-fwrapv', '-std=gnu11', '-shared', '-fPIC'];

const runtimeOf = (name: string): string => {
  try {
    return execFileSync('cc', [`-print-file-name=${name}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
const PRELOAD = ['libasan.so', 'libubsan.so'].map(runtimeOf);
const simde = process.arch === 'arm64' || existsSync('/usr/include/simde/arm/neon.h');
const ready = simde && existsSync(NEON_ADDON_PATH) && PRELOAD.every((p) => p.startsWith('/') && existsSync(p));
const skip = skipTarget('neon under sanitizers', ready, 'needs SIMDe, the neon addon (bash scripts/setup-neon.sh) and gcc\'s libasan / libubsan');

/** Rebuilds `<kernel>.neon.so` in `dir` from its `.neon.c` with the sanitizers (and `plant` applied to the source). */
function sanitizedLibrary(dir: string, kernel: string, plant: (c: string) => string = (c) => c): void {
  const c = join(dir, `${kernel}.sanitized.c`);
  writeFileSync(c, plant(readFileSync(join(dir, `${kernel}.neon.c`), 'utf8')));
  execFileSync('cc', [...SHARED, ...SANITIZE, '-o', join(dir, `${kernel}.neon.so`), c, '-lm'], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Runs the hostile calls in a Node process with the sanitizers preloaded. */
function sanitizedRun(dir: string, calls: number, seed: number, only?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, 'sanitize-child.mjs'), dir, String(calls), String(seed), ...(only ? [only] : [])], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, LD_PRELOAD: PRELOAD.join(':'), ASAN_OPTIONS: 'detect_leaks=0:abort_on_error=0:exitcode=86', UBSAN_OPTIONS: 'halt_on_error=1:print_stacktrace=1:exitcode=87' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A heap read one element past a 4-element allocation, at the start of the kernel's entry point. */
const plantOutOfBounds = (c: string): string => {
  const entry = /(void \w+_call\(uint8_t \*sb, int32_t tid, int32_t nth, void \*const \*bufs, const int32_t \*ints\) \{\n)/;
  expect(entry.test(c)).toBe(true);
  return c.replace(entry, '$1  { int32_t *sx_planted = (int32_t *)__builtin_malloc(4 * sizeof(int32_t)); volatile int32_t sx_x = sx_planted[4 + (tid & 0)]; (void)sx_x; __builtin_free(sx_planted); }\n');
};

describe.skipIf(skip)('neon kernels under AddressSanitizer and UndefinedBehaviorSanitizer', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await buildFuzzLibrary(['neon'], ['--no-cache', '-q']);
    for (const k of FUZZ_KERNELS) sanitizedLibrary(dir, k);
  }, 300_000);

  it(`${CALLS} hostile calls: stopped by the checks or run, and the sanitizers report nothing`, () => {
    const r = sanitizedRun(dir, CALLS, 21);
    expect(r.stderr).not.toMatch(/Sanitizer|runtime error/);
    expect(r.status, r.stderr.slice(0, 2000)).toBe(0);
    const tally = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { rejected: number; ran: number; problems: string[] };
    expect(tally.problems).toEqual([]);
    expect(tally.rejected + tally.ran).toBe(CALLS);
    expect(tally.rejected).toBeGreaterThan(CALLS / 3);
    expect(tally.ran).toBeGreaterThan(CALLS / 10);
    console.log(`neon (SIMDe) under ASan + UBSan: ${CALLS} hostile calls, ${tally.rejected} rejected with a clear error, ${tally.ran} ran, no sanitizer report`);
  }, 300_000);

  it('the same run fails on a kernel with an out-of-bounds index planted in it', () => {
    sanitizedLibrary(dir, 'fz_nm', plantOutOfBounds);
    const r = sanitizedRun(dir, 3, 5, 'fz_nm');
    sanitizedLibrary(dir, 'fz_nm');
    // NOTE: UBSan's object-size check sees the read first (exit 87); ASan alone reports a heap-buffer-overflow (86).
    expect([86, 87], r.stderr.slice(0, 3000)).toContain(r.status);
    expect(r.stderr).toMatch(/fz_nm\.sanitized\.c:\d+:\d+: runtime error: load of address .* insufficient space|AddressSanitizer: heap-buffer-overflow/);
  }, 300_000);
});
