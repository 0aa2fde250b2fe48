/**
 * @file The generated library on both targets: six kernels of dsl/ built with `--target wasm,webgpu`,
 * imported through the generated `index.js`, loaded with `load('webgpu')` and `load('wasm')`, and run on
 * the verify harness's size cases (random inputs, poisoned outputs) against the float64 reference.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands/build.js';
import { loadAndCheck } from '../../src/cli/frontend-run.js';
import type { Io } from '../../src/cli/io.js';
import { verifyKernels } from '../../src/harness/verify.js';
import type { Kernel } from '../../src/model/kernel.js';
import { nodeDevice } from '../../src/runtime/webgpu/node-device.js';
import { skipTarget } from '../support/targets.js';
import { importLibrary, libraryHome, libraryTarget, ROOT, type AnyHandle } from './library-target.js';

/** Closed-form key ranges; a runtime plan from a ragged list; a 2:4-style N:M gemm; out + lse; segment_mass and block_max side outputs. */
const KERNELS = ['streaming_prefill', 'sea_topk', 'nm_4_8', 'moa_decode', 'blockrank_mass', 'seer_gate_target'];

/** Kernels with only the plain WGSL variant: no row reduction (the gemm), or tile_q (64) == workgroup_size, so rows need no shuffles. */
const PLAIN_WEBGPU = new Set(['nm_4_8', 'seer_gate_target']);

/** A load that blocks the event loop (Dawn's synchronous pipeline creation) defeats vitest's timeout: loads run in a child first. */
const LOAD_LIMIT_MS = 150_000;

const quietIo = (): Io & { lines: string[] } => {
  const lines: string[] = [];
  return { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive: false, lines };
};

const device = await nodeDevice();
const skip = skipTarget('webgpu', device.ok, device.ok ? '' : device.reason);

describe.skipIf(skip)('generated library, --target wasm,webgpu', () => {
  let lib: Record<string, AnyHandle>;
  let kernels: Kernel[];
  let out: string;

  beforeAll(async () => {
    out = join(await libraryHome(), 'lib');
    const io = quietIo();
    expect(await runBuild([join(ROOT, 'dsl')], { target: ['wasm,webgpu'], kernel: [KERNELS.join(',')], out, cwd: ROOT }, io), io.lines.join('\n')).toBe(0);
    lib = await importLibrary(out);
    kernels = (await loadAndCheck([join(ROOT, 'dsl')])).kernels.filter((k) => KERNELS.includes(k.name));
    expect(kernels.map((k) => k.name).sort()).toEqual([...KERNELS].sort());
  }, 120_000);

  it('the generated index exports every kernel as a handle', () => {
    for (const name of KERNELS) expect(lib[name]?.name).toBe(name);
  });

  // seer_gate_target's plain variant once took SwiftShader minutes to compile (unstaged bf16 Q at 16 KiB): load() never returned
  it('load(webgpu) of seer_gate_target returns within a time limit (in a child process)', () => {
    const script = `const lib = await import(${JSON.stringify(pathToFileURL(join(out, 'index.js')).href)}); const k = await lib.seer_gate_target.load('webgpu'); console.log('loaded', k.variant); await k.dispose(); process.exit(0);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: LOAD_LIMIT_MS });
    expect(child.error?.message, `load did not return within ${LOAD_LIMIT_MS} ms`).toBeUndefined();
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toContain('loaded seer_gate_target.webgpu.json');
  }, LOAD_LIMIT_MS + 30_000);

  it.each(['webgpu', 'wasm'] as const)('load(%s) runs every size case within tolerance of the float64 reference', async (target) => {
    const variants = new Map<string, string>();
    const report = await verifyKernels(kernels, [libraryTarget(lib, target, variants)], { seed: 11 });
    const failed = report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.status} ${r.detail}`);
    expect(failed).toEqual([]);
    expect(report.results.length).toBeGreaterThanOrEqual(4 * 3);
    for (const k of KERNELS) expect(report.results.some((r) => r.kernel === k)).toBe(true);
    // SwiftShader's device has `subgroups`: attention kernels run their subgroups variant, PLAIN_WEBGPU their only one
    const expected = target === 'webgpu' ? (k: string) => (PLAIN_WEBGPU.has(k) ? `${k}.webgpu.json` : `${k}.subgroups.webgpu.json`) : () => expect.stringMatching(/^(simd|relaxed)$/);
    for (const k of KERNELS) expect(variants.get(k)).toEqual(expected(k));
  }, 300_000);
});
