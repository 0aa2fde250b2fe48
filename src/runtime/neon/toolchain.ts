/**
 * @file Finds the toolchain that builds and runs neon kernels here: on an arm64 Linux host the native gcc,
 * elsewhere the Debian cross compiler `aarch64-linux-gnu-gcc` and `qemu-aarch64` (qemu-user). Builds a C
 * source into a static executable, cached by the hash of its text and flags in $SPARSEC_CACHE_DIR/neon (else the
 * system temp folder), so test files that build the same kernel compile it once.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** How neon executables are built and run here. */
export interface NeonToolchain {
  /** The C compiler. */
  readonly cc: string;
  /** The command an executable runs under (`qemu-aarch64`), empty when it runs natively. */
  readonly runner: readonly string[];
  readonly native: boolean;
}

/** Flags of every build: optimised, static (qemu-user needs no sysroot), wrapping integer arithmetic. */
export const NEON_CFLAGS: readonly string[] = ['-O2', '-static', '-fwrapv', '-std=gnu11', '-march=armv8-a'];

async function has(cmd: string, args: readonly string[] = ['--version']): Promise<boolean> {
  try {
    await run(cmd, [...args], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

let found: Promise<NeonToolchain | string> | undefined;

/** The toolchain, or the reason there is none (checked once per process). */
export function findNeonToolchain(): Promise<NeonToolchain | string> {
  found ??= (async () => {
    if (process.platform === 'linux' && process.arch === 'arm64') {
      return (await has('gcc')) ? { cc: 'gcc', runner: [], native: true } : 'no C compiler (gcc) on this arm64 host';
    }
    if (!(await has('aarch64-linux-gnu-gcc'))) return 'no aarch64 cross compiler (Debian: apt-get install gcc-aarch64-linux-gnu)';
    for (const q of ['qemu-aarch64', 'qemu-aarch64-static']) if (await has(q, ['--version'])) return { cc: 'aarch64-linux-gnu-gcc', runner: [q], native: false };
    return 'no qemu-aarch64 to run aarch64 programs (Debian: apt-get install qemu-user)';
  })();
  return found;
}

/** Builds `source` into a static executable (cached by content); returns its path. */
export async function buildExecutable(tc: NeonToolchain, source: string, name: string): Promise<string> {
  const hash = createHash('sha256').update(tc.cc).update(NEON_CFLAGS.join(' ')).update(source).digest('hex').slice(0, 20);
  // NOTE: entries are keyed by content, so a shared folder is never stale; the test run's own cache folder when set.
  const base = process.env['SPARSEC_CACHE_DIR'];
  const dir = base ? join(base, 'neon') : join(tmpdir(), 'sparsec-neon');
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, `${name}-${hash}`);
  if (existsSync(exe)) return exe;
  const src = `${exe}.c`;
  writeFileSync(src, source);
  const partial = `${exe}.${process.pid}.tmp`;
  try {
    await run(tc.cc, [...NEON_CFLAGS, '-o', partial, src, '-lm', '-lpthread'], { timeout: 300_000, maxBuffer: 16 << 20 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`neon: ${tc.cc} failed on ${src} (a sparsec bug):\n${(err.stderr ?? err.message).slice(0, 4000)}\nrepro: ${tc.cc} ${NEON_CFLAGS.join(' ')} -o a.out ${src} -lm -lpthread`);
  }
  renameSync(partial, exe);
  return exe;
}
