/**
 * @file The generated library on both targets: four kernels of dsl/ built with `--target wasm,webgpu`,
 * imported through the generated `index.js`, loaded with `load('webgpu')` and `load('wasm')`, and run on
 * the verify harness's size cases (random inputs, poisoned outputs) against the float64 reference.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands/build.js';
import { loadAndCheck } from '../../src/cli/frontend-run.js';
import type { Io } from '../../src/cli/io.js';
import { verifyKernels } from '../../src/harness/verify.js';
import type { Kernel } from '../../src/model/kernel.js';
import { nodeDevice } from '../../src/runtime/webgpu/node-device.js';
import { skipTarget } from '../support/targets.js';
import { importLibrary, libraryHome, libraryTarget, ROOT, type AnyHandle } from './library-target.js';

/** Closed-form key ranges; a runtime plan from a ragged list; a 2:4-style N:M gemm; out + lse; a segment_mass side output. */
const KERNELS = ['streaming_prefill', 'sea_topk', 'nm_4_8', 'moa_decode', 'blockrank_mass'];

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

  it.each(['webgpu', 'wasm'] as const)('load(%s) runs every size case within tolerance of the float64 reference', async (target) => {
    const variants = new Map<string, string>();
    const report = await verifyKernels(kernels, [libraryTarget(lib, target, variants)], { seed: 11 });
    const failed = report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.status} ${r.detail}`);
    expect(failed).toEqual([]);
    expect(report.results.length).toBeGreaterThanOrEqual(4 * 3);
    for (const k of KERNELS) expect(report.results.some((r) => r.kernel === k)).toBe(true);
    // SwiftShader's device has `subgroups`: attention kernels run their subgroups variant, the gemm (no row reduction) its only one
    const expected = target === 'webgpu' ? (k: string) => (k === 'nm_4_8' ? `${k}.webgpu.json` : `${k}.subgroups.webgpu.json`) : () => expect.stringMatching(/^(simd|relaxed)$/);
    for (const k of KERNELS) expect(variants.get(k)).toEqual(expected(k));
  }, 300_000);
});
