/**
 * @file load('neon') in a generated library: `sparsec build --target neon` writes each kernel's NEON C, header and a
 * shared library for this host (SIMDe on x86), and the node addon runs it in process, with the inputs checked as
 * for wasm. Every size case is checked against the float64 reference.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands/build.js';
import { loadAndCheck } from '../../src/cli/frontend-run.js';
import type { Io } from '../../src/cli/io.js';
import { verifyKernels } from '../../src/harness/verify.js';
import type { Kernel } from '../../src/model/kernel.js';
import { NEON_ADDON_PATH } from '../../src/runtime/neon/native.js';
import { skipTarget } from '../support/targets.js';
import { importLibrary, libraryHome, libraryTarget, ROOT, type AnyHandle } from '../library/library-target.js';

/** Closed-form key ranges; a runtime plan from a ragged list; an N:M gemm; out + lse; bf16 storage; segment_mass and block_max side outputs. */
const KERNELS = ['streaming_prefill', 'sea_topk', 'nm_4_8', 'moa_decode', 'minicpm4_decode', 'blockrank_mass', 'seer_gate_target'];

const quietIo = (): Io & { lines: string[] } => {
  const lines: string[] = [];
  return { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive: false, lines };
};

const simde = process.arch === 'arm64' || existsSync('/usr/include/simde/arm/neon.h');
const ready = simde && existsSync(NEON_ADDON_PATH);
const skip = skipTarget('neon (node addon)', ready, simde ? `the addon is not built (${NEON_ADDON_PATH}): bash scripts/setup-neon.sh` : 'no SIMDe headers (libsimde-dev)');

describe.skipIf(skip)('generated library, --target neon', () => {
  let lib: Record<string, AnyHandle>;
  let kernels: Kernel[];
  let out: string;

  beforeAll(async () => {
    out = join(await libraryHome(), 'lib');
    const io = quietIo();
    expect(await runBuild([join(ROOT, 'dsl')], { target: ['neon'], kernel: [KERNELS.join(',')], out, cwd: ROOT }, io), io.lines.join('\n')).toBe(0);
    lib = await importLibrary(out);
    kernels = (await loadAndCheck([join(ROOT, 'dsl')])).kernels.filter((k) => KERNELS.includes(k.name));
    expect(kernels.map((k) => k.name).sort()).toEqual([...KERNELS].sort());
  }, 300_000);

  it('writes the NEON C source, its header and a host shared library per kernel', () => {
    for (const name of KERNELS) {
      for (const ext of ['neon.c', 'neon.h', 'neon.so']) expect(existsSync(join(out, `${name}.${ext}`))).toBe(true);
    }
  });

  it('load(neon) runs every size case within tolerance of the float64 reference', async () => {
    const variants = new Map<string, string>();
    const report = await verifyKernels(kernels, [libraryTarget(lib, 'neon', variants)], { seed: 13 });
    const failed = report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.status} ${r.detail}`);
    expect(failed).toEqual([]);
    for (const k of KERNELS) expect(report.results.some((r) => r.kernel === k)).toBe(true);
    for (const k of KERNELS) expect(variants.get(k)).toBe(process.arch === 'arm64' ? 'arm64 (arm_neon.h)' : `${process.arch} (SIMDe, for testing)`);
  }, 300_000);

  it('checks inputs before anything runs, as on wasm', async () => {
    const loaded = await lib['streaming_prefill']!.load('neon');
    await expect(loaded.run({ q: new Float32Array(3), k: new Float32Array(3), v: new Float32Array(3) })).rejects.toThrow();
  });
});
