/**
 * @file The CUDA host emulation can fail: a race through shared memory (a barrier left out), a barrier not every
 * thread reaches, and generated kernels printed without their barriers are caught, while the same code with its
 * barriers passes; warp shuffles exchange the right lanes.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { verifyKernels } from '../../src/harness/verify.js';
import { EMU_DIR, hostCompiler } from '../../src/targets/cuda/emulate.js';
import { compileCuda } from '../../src/targets/cuda/target.js';
import { skipTarget } from '../support/targets.js';
import { mutatedTarget } from './mutated-target.js';
import { causalKernel, documentKernel } from '../harness/kernels.js';

const host = hostCompiler();
const skip = skipTarget('cuda (emulated)', host.ok, host.ok ? '' : host.reason);

/** Compiles and runs the fixture with `flags`; its stdout. */
function runFixture(flags: readonly string[]): string {
  const exe = join(tmpdir(), `sparsec-emu-fixture-${process.pid}-${flags.length}`);
  const src = resolve(__dirname, 'fixtures/barrier.cu');
  const c = spawnSync('g++', ['-std=c++17', '-O1', ...flags, '-I', EMU_DIR, '-x', 'c++', src, '-o', exe], { encoding: 'utf8' });
  expect(c.stderr).toBe('');
  const r = spawnSync(exe, [], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe.skipIf(skip)('the CUDA emulation', () => {
  it('gives right results when the barrier is there, and a race leaves wrong values when it is not', () => {
    const good = runFixture([]);
    expect(good).toContain('neighbours wrong 0\n');
    const racy = runFixture(['-DSPARSEC_SKIP_BARRIER']);
    const wrong = Number(/neighbours wrong (\d+)/.exec(racy)![1]);
    expect(wrong).toBeGreaterThan(0);
  }, 60_000);

  it('exchanges warp lanes with __shfl_xor_sync and refuses a barrier some threads skip', () => {
    const out = runFixture([]);
    expect(out).toContain('butterfly wrong 0\n');
    expect(out).toContain('divergent __syncthreads or a warp operation is not reached by every thread of the block (divergent barrier)');
  }, 60_000);

  it('catches a generated kernel printed without its barriers, and passes it with them', async () => {
    const kernels = [causalKernel, documentKernel];
    const kept = await verifyKernels(kernels, [mutatedTarget((s) => s)], { seed: 3 });
    expect(kept.results.filter((r) => r.status !== 'pass')).toEqual([]);
    const noBarriers = (s: string): string => s.replace(/^\s*__syncthreads\(\);\s*$/gm, '');
    expect(noBarriers(compileCuda(causalKernel).artifact.source)).not.toContain('__syncthreads();');
    const dropped = await verifyKernels(kernels, [mutatedTarget(noBarriers)], { seed: 3 });
    for (const k of kernels) expect(dropped.results.some((r) => r.kernel === k.name && r.status === 'fail')).toBe(true);
  }, 300_000);
});
