/**
 * @file The main job: every kernel in dsl/ verifies against the float64 reference on its declared and
 * edge sizes, on the IR interpreter, on the embedded default target (wasm), on WebGPU (SwiftShader), on neon (qemu-aarch64)
 * and on cuda (the host emulation).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

describe.each(['interp', 'wasm', 'webgpu', 'neon', 'cuda'])('sparsec verify dsl/ --target %s', (target) => {
  it('passes for every kernel', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/sparsec.js'), 'verify', 'dsl/', '--target', target, '--require', target, '--json'], {
      cwd: root, encoding: 'utf8', timeout: 900_000, maxBuffer: 64 << 20,
    });
    // Dawn's Vulkan loader complains about XDG_RUNTIME_DIR on headless machines; nothing else may appear.
    expect(r.stderr.split('\n').filter((l) => l && !/XDG_RUNTIME_DIR/.test(l))).toEqual([]);
    const j = JSON.parse(r.stdout) as { results: { kernel: string; case: string; status: string; detail: string }[] };
    const failed = j.results.filter((x) => x.status !== 'pass');
    expect(failed).toEqual([]);
    expect(new Set(j.results.map((x) => x.kernel)).size).toBeGreaterThanOrEqual(30);
    expect(r.status).toBe(0);
  }, 900_000);
});
