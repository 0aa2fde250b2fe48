/**
 * @file The main job, shared by one test file per target (so vitest runs the targets in parallel): every kernel in
 * dsl/ verifies against the float64 reference on its declared and edge sizes, with the target required.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

/** Declares the test `sparsec verify dsl/ --target <target> --require <target>` passes for every kernel. */
export function verifyDslOn(target: string): void {
  describe(`sparsec verify dsl/ --target ${target}`, () => {
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
}
