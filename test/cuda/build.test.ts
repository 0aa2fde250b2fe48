/**
 * @file `sparsec build --target cuda`: the nvcc gate compiles every kernel in dsl/ for sm_80 and sm_90 with its
 * ptxas report in the manifest and no spill beyond the schedule's max_spill_bytes; without nvcc the sources are written and the build says so; and
 * `load('cuda')` on a machine without a driver fails naming what is missing.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { nvccVersion, spillAllowance } from '../../src/build/cuda-gate.js';
import type { KernelManifest } from '../../src/runtime/library/manifest.js';
import { ADDON_PATH } from '../../src/runtime/cuda/load.js';
import { skipTarget } from '../support/targets.js';

const root = resolve(__dirname, '../..');
const nvcc = nvccVersion();
const skipGate = skipTarget('cuda (nvcc)', nvcc !== null, 'nvcc is not on the PATH');

function sparsec(args: readonly string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(root, 'bin/sparsec.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 900_000 });
}

function manifests(dir: string): KernelManifest[] {
  return readdirSync(dir).filter((f) => f.endsWith('.manifest.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as KernelManifest);
}

describe.skipIf(skipGate)('sparsec build dsl/ --target cuda (nvcc gate)', () => {
  it('compiles every kernel for sm_80 and sm_90, keeps the ptxas report, and spills no more than the schedule allows', () => {
    const out = join(root, '.sparsec-tmp', `cuda-gate-${process.pid}`);
    rmSync(out, { recursive: true, force: true });
    const r = sparsec(['build', 'dsl/', '--target', 'cuda', '--out', out, '-q']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/nvcc: compiled \d+ translation units \(sm_80, sm_90\)/);
    const all = manifests(out);
    expect(all.length).toBeGreaterThanOrEqual(30);
    for (const m of all) {
      expect(m.cuda?.nvcc).toBe(nvcc);
      for (const v of m.cuda!.variants) {
        for (const arch of ['sm_80', 'sm_90']) {
          const rep = v.compiled?.[arch];
          expect(rep, `${v.file} ${arch}`).toBeDefined();
          expect(rep!.registers).toBeGreaterThan(0);
          expect(Math.max(rep!.spillStores, rep!.spillLoads)).toBeLessThanOrEqual(spillAllowance(m.cuda!));
          expect(readFileSync(join(out, rep!.cubin)).length).toBeGreaterThan(1000);
        }
        expect(readFileSync(join(out, v.header), 'utf8')).toContain(`extern "C" cudaError_t ${v.symbol}_run(`);
      }
    }
    rmSync(out, { recursive: true, force: true });
  }, 900_000);
});

/** Builds the addon when it is not built yet (node-gyp against the running Node's headers; no network). */
function buildAddon(): void {
  if (existsSync(ADDON_PATH)) return;
  const nodedir = dirname(dirname(process.execPath));
  const args = ['node-gyp', 'rebuild', '-C', join(root, 'native/cuda'), ...(existsSync(join(nodedir, 'include/node/node.h')) ? [`--nodedir=${nodedir}`] : [])];
  const r = spawnSync('npx', args, { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

describe('sparsec build --target cuda without nvcc, and load(\'cuda\') without a driver', () => {
  it('writes the sources, says they were not compiled, and load names what is missing', async () => {
    const out = join(root, '.sparsec-tmp', `cuda-nonvcc-${process.pid}`);
    rmSync(out, { recursive: true, force: true });
    const r = sparsec(['build', 'dsl/', '--target', 'cuda', '--kernel', 'gqa_prefill', '--out', out], { SPARSEC_NVCC: join(root, 'no-such-nvcc') });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('note: nvcc was not found');
    const [m] = manifests(out);
    expect(m!.cuda!.nvcc).toBe('not found: sources written, not compiled');
    expect(readFileSync(join(out, 'gqa_prefill.cu'), 'utf8')).toContain('extern "C" cudaError_t sparsec_gqa_prefill_run(');
    buildAddon();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'try.mjs'), "import { gqa_prefill } from './index.js';\ntry { await gqa_prefill.load('cuda'); console.log('loaded'); } catch (e) { console.log(e.message); }\n");
    const run = spawnSync(process.execPath, [join(out, 'try.mjs')], { encoding: 'utf8' });
    const hasDriver = ['/usr/lib/x86_64-linux-gnu/libcuda.so.1', '/usr/lib64/libcuda.so.1'].some(existsSync);
    if (hasDriver) expect(run.stdout).not.toContain('libcuda.so.1 could not be loaded');
    else expect(run.stdout).toMatch(/^cuda: the NVIDIA driver library libcuda\.so\.1 could not be loaded \(libcuda\.so\.1: cannot open shared object file.*\): this machine has no NVIDIA driver/);
    rmSync(out, { recursive: true, force: true });
  }, 300_000);
});
