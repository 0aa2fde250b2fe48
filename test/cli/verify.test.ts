/** @file End-to-end tests of `sparsec verify` through the real executable, on the interp target. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/sparsec.js');

function sparsec(args: string[], cwd = root, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd, encoding: 'utf8', timeout: 600_000, env: { ...process.env, SPARSEC_REQUIRE_ALL_TARGETS: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SPEC = `
pattern streaming(sinks: int = 4, window: int = 32) = causal && (k < sinks || q - k < window)
kernel small_stream = attention(streaming(window = 16)) {
  heads = 2; kv_heads = 1; head_dim = 16
  seq = dynamic
  outputs = out, lse
}
kernel small_nm = gemm { m = dynamic; n = 32; k = 64; weight = nm(2, 4) }
`;

function specDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sparsec-verify-'));
  writeFileSync(join(dir, 'k.sparse'), SPEC);
  return dir;
}

describe('sparsec verify', () => {
  it('passes on interp and prints JSON rows', () => {
    const r = sparsec(['verify', 'k.sparse', '--target', 'interp', '--json', '--seed', '3'], specDir());
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { seed: number; results: { kernel: string; target: string; status: string }[] };
    expect(j.seed).toBe(3);
    const kernels = new Set(j.results.map((x) => x.kernel));
    expect(kernels).toEqual(new Set(['small_stream', 'small_nm']));
    expect(j.results.length).toBeGreaterThan(4); // declared + edge sizes
    expect(j.results.every((x) => x.status === 'pass' && x.target === 'interp')).toBe(true);
  });

  it('skips a target whose runtime is missing, and fails when it is required', () => {
    const dir = specDir();
    // cuda has no runtime on CI machines (no GPU), so it is skipped unless required.
    const skipped = sparsec(['verify', 'k.sparse', '--target', 'cuda', '--json'], dir);
    const j = JSON.parse(skipped.stdout) as { results: { status: string; detail: string }[] };
    if (j.results.every((x) => x.status === 'skip')) {
      expect(skipped.code).toBe(0);
      const required = sparsec(['verify', 'k.sparse', '--target', 'cuda', '--require', 'cuda'], dir);
      expect(required.code).toBe(1);
    } else {
      expect(j.results.every((x) => x.status === 'pass')).toBe(true);
    }
  });

  it('rejects unknown targets and bad options with exit 2', () => {
    const dir = specDir();
    expect(sparsec(['verify', 'k.sparse', '--target', 'tpu'], dir).code).toBe(2);
    expect(sparsec(['verify', 'k.sparse', '--seed', 'abc'], dir).code).toBe(2);
    expect(sparsec(['verify', 'k.sparse', '--kernel', 'nope'], dir).code).toBe(2);
  });

  it('exits 1 with diagnostics when the spec does not check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sparsec-verify-'));
    writeFileSync(join(dir, 'bad.sparse'), 'kernel x = attention(causl) { heads = 2; head_dim = 8; seq = 16 }\n');
    const r = sparsec(['verify', 'bad.sparse'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/SPC\d{3}/);
  });
});
