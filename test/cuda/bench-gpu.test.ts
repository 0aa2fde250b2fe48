/**
 * @file bench/gpu, the part that runs here: prepare.mjs writes the CUDA sources (the benchmark's prefill kernels
 * on the tensor-core path, decode on SIMT), packed verify cases with the emulated outputs and the benchmark's
 * run-time inputs; run.py (which needs a GPU, PyTorch and nvcc) is at least valid Python. Needs dist/ (npx tsc).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hostCompiler } from '../../src/targets/cuda/emulate.js';
import { skipTarget } from '../support/targets.js';

const ROOT = resolve(__dirname, '../..');
const host = hostCompiler();

interface Index {
  sources: { symbol: string; file: string; path: string }[];
  cases: { kernel: string; source: string; input: string; expected: Record<string, string> }[];
  bench: { kernel: string; seq: number; source: string }[];
}

describe.skipIf(skipTarget('cuda (emulated)', host.ok, host.ok ? '' : host.reason))('bench/gpu/prepare.mjs', () => {
  it('writes tensor-core sources for the prefill cases, verify cases with emulated outputs, and the benchmark runs', () => {
    const out = mkdtempSync(join(tmpdir(), 'sparsec-gpu-prepare-'));
    try {
      const r = spawnSync('node', [join(ROOT, 'bench/gpu/prepare.mjs'), '--only', 'nsa_window', '--out', out], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as Index;
      const path = new Map(index.sources.map((s) => [s.symbol, s.path]));
      expect(index.bench.map((b) => `${b.kernel}@${b.seq}`)).toHaveLength(10);
      for (const b of index.bench) {
        expect(path.get(b.source)).toMatch(b.kernel.includes('decode') ? /^simt/ : /^tensor-core/);
      }
      expect(index.cases.length).toBeGreaterThan(0);
      for (const c of index.cases) {
        expect(c.kernel).toBe('nsa_window');
        expect(path.get(c.source)).toMatch(/^tensor-core/);
        expect(statSync(join(out, c.input)).size).toBeGreaterThan(0);
        for (const f of Object.values(c.expected)) {
          const values = new Float32Array(readFileSync(join(out, f)).buffer.slice(0));
          expect(values.some((x) => Number.isFinite(x) && x !== 0)).toBe(true);
        }
      }
      for (const s of index.sources) expect(readFileSync(join(out, s.file), 'utf8')).toContain(`${s.symbol}_run_packed`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);

  it('run.py is valid Python', () => {
    const cfile = join(tmpdir(), `sparsec-run-${process.pid}.pyc`);
    const r = spawnSync('python3', ['-c', `import py_compile; py_compile.compile(${JSON.stringify(join(ROOT, 'bench/gpu/run.py'))}, cfile=${JSON.stringify(cfile)}, doraise=True)`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(cfile)).toBe(true);
    rmSync(cfile, { force: true });
  });
});
