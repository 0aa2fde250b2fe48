/**
 * @file sparsec's tensor-core macros: under the emulator, a warp's D = A x B through SPARSEC_LDMATRIX_X4 / _X2 /
 * _X2_TRANS and SPARSEC_MMA_16816_BF16 equals the float64 product, and a wrong fragment index is caught; under
 * nvcc the same macros are mma.sync / ldmatrix PTX that ptxas accepts for sm_80 and sm_90.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nvccVersion } from '../../src/build/cuda-gate.js';
import { EMU_DIR, hostCompiler } from '../../src/targets/cuda/emulate.js';
import { CUDA_HEAD } from '../../src/targets/cuda/helpers.js';
import { skipTarget } from '../support/targets.js';

const host = hostCompiler();
const dir = mkdtempSync(join(tmpdir(), 'sparsec-mma-'));
const source = join(dir, 'mma.cu');
writeFileSync(source, CUDA_HEAD + readFileSync(resolve(__dirname, 'fixtures/mma.cu'), 'utf8'));

function emulated(flags: readonly string[]): string {
  const exe = join(dir, `mma${flags.length}`);
  const c = spawnSync('g++', ['-std=c++17', '-O1', '-w', '-DSPARSEC_EMULATE', ...flags, '-I', EMU_DIR, '-x', 'c++', source, '-o', exe], { encoding: 'utf8' });
  expect(c.stderr).toBe('');
  const r = spawnSync(exe, [], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe.skipIf(skipTarget('cuda (emulated)', host.ok, host.ok ? '' : host.reason))('tensor-core macros under the emulator', () => {
  it('compute the m16n8k16 product from ldmatrix fragments, plain and transposed', () => {
    expect(emulated([])).toBe('ldmatrix wrong 0\ntrans wrong 0\n');
  }, 60_000);

  it('catch a wrong fragment index', () => {
    const out = emulated(['-DSPARSEC_WRONG_FRAGMENT']);
    expect(Number(/ldmatrix wrong (\d+)/.exec(out)![1])).toBeGreaterThan(100);
  }, 60_000);
});

describe.skipIf(skipTarget('cuda (nvcc)', nvccVersion() !== null, 'nvcc is not on the PATH'))('tensor-core macros under nvcc', () => {
  it.each(['sm_80', 'sm_90'])('are mma.sync and ldmatrix PTX that ptxas accepts for %s', (arch) => {
    const ptx = join(dir, `${arch}.ptx`);
    const p = spawnSync('nvcc', ['-ptx', `-arch=${arch}`, '-o', ptx, source], { encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    const text = readFileSync(ptx, 'utf8');
    expect(text.match(/mma\.sync\.aligned\.m16n8k16\.row\.col\.f32\.bf16\.bf16\.f32/g)).toHaveLength(2);
    expect(text).toContain('ldmatrix.sync.aligned.m8n8.x4.shared.b16');
    expect(text).toContain('ldmatrix.sync.aligned.m8n8.x2.trans.shared.b16');
    const c = spawnSync('nvcc', ['-cubin', `-arch=${arch}`, '-o', join(dir, `${arch}.cubin`), source], { encoding: 'utf8' });
    expect(c.status, c.stderr).toBe(0);
  }, 120_000);
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
