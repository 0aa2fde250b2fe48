/**
 * @file The main job, shared by one test file per target (so vitest runs the targets in parallel): every kernel in
 * dsl/ verifies against the float64 reference on its declared and edge sizes, with the target required. A slow
 * target is split over several files (one part each: every `parts`-th kernel of dsl/ in declaration order), so that
 * vitest's forks share it; the parts together verify every kernel of dsl/, each exactly once.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadAndCheck } from '../../../src/cli/frontend-run.js';

const root = resolve(__dirname, '../../..');

/** The names of dsl/'s kernels, in declaration order. */
async function dslKernels(): Promise<string[]> {
  const c = await loadAndCheck([join(root, 'dsl')]);
  expect(c.ok).toBe(true);
  return c.kernels.map((k) => k.name);
}

/** The kernels of part `part` of `parts` (every `parts`-th kernel from index `part`). */
export function partOf<T>(kernels: readonly T[], part: number, parts: number): T[] {
  return kernels.filter((_, i) => i % parts === part);
}

/**
 * Declares the test `sparsec verify dsl/ --target <target> --require <target>` passes for every kernel; with
 * `part` (0-based) of `parts`, for that part's kernels only (`--kernel a,b,...`).
 */
export function verifyDslOn(target: string, part = 0, parts = 1): void {
  const title = parts > 1 ? ` (part ${part + 1} of ${parts})` : '';
  describe(`sparsec verify dsl/ --target ${target}${title}`, () => {
    it('passes for every kernel', async () => {
      const all = await dslKernels();
      const mine = partOf(all, part, parts);
      // NOTE: the parts cover every kernel exactly once.
      const covered = Array.from({ length: parts }, (_, p) => partOf(all, p, parts)).flat();
      expect(covered.sort()).toEqual([...all].sort());
      const select = parts > 1 ? ['--kernel', mine.join(',')] : [];
      const r = spawnSync(process.execPath, [join(root, 'bin/sparsec.js'), 'verify', 'dsl/', '--target', target, '--require', target, '--json', ...select], {
        cwd: root, encoding: 'utf8', timeout: 900_000, maxBuffer: 64 << 20,
      });
      // Dawn's Vulkan loader complains about XDG_RUNTIME_DIR on headless machines; nothing else may appear.
      expect(r.stderr.split('\n').filter((l) => l && !/XDG_RUNTIME_DIR/.test(l))).toEqual([]);
      const j = JSON.parse(r.stdout) as { results: { kernel: string; case: string; status: string; detail: string }[] };
      const failed = j.results.filter((x) => x.status !== 'pass');
      expect(failed).toEqual([]);
      expect([...new Set(j.results.map((x) => x.kernel))].sort()).toEqual([...mine].sort());
      expect(all.length).toBeGreaterThanOrEqual(30);
      expect(r.status).toBe(0);
    }, 900_000);
  });
}
