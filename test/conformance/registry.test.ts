/**
 * @file One list of targets: the tables `targets/*.json` name them, the registry (src/targets/index.ts) gives
 * their code, and everything else reads those two: the CLI, the checker, `build`, and the runtime's loader table
 * (which ships without the compiler, so it keeps its own list of library targets, checked here against the
 * registry). A source file that spells out two target names in one list or comparison is a second list.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_TARGETS } from '../../src/build/index.js';
import { SCHEDULE_TARGETS } from '../../src/checker/fields.js';
import { KNOWN_TARGETS } from '../../src/cli/target-names.js';
import { targetNames } from '../../src/passes/target-table.js';
import { LOADERS } from '../../src/runtime/library/loaders.js';
import { LIBRARY_TARGETS } from '../../src/runtime/library/manifest.js';
import { allBackends, getBackend, getTarget, TARGET_NAMES } from '../../src/targets/index.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

/** Files allowed to name several targets, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  'runtime/library/manifest.ts': "the runtime's own list of library targets (it imports nothing of the compiler; checked below)",
  'bench/main.ts': 'the benchmark suites exist for wasm and webgpu only',
  'cli/commands/bench.ts': "the optional npm package named `webgpu` (Dawn), needed only by the webgpu bench in Node",
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('one list of targets', () => {
  it('the CLI and the checker take their target names from targets/*.json', () => {
    expect(targetNames().length).toBeGreaterThanOrEqual(3);
    expect([...KNOWN_TARGETS]).toEqual([...targetNames()]);
    expect([...SCHEDULE_TARGETS]).toEqual([...targetNames()]);
  });

  it('every registered target has a table, and getTarget / getBackend agree', () => {
    for (const name of TARGET_NAMES) {
      expect(targetNames()).toContain(name);
      expect(getBackend(name)?.name).toBe(name);
      expect(getTarget(name)?.name).toBe(name);
    }
    expect(allBackends().map((b) => b.name)).toEqual([...TARGET_NAMES]);
  });

  it("build writes exactly the registered backends with a library builder, and the runtime's loader table loads those", () => {
    const withLibrary = allBackends().filter((b) => b.library).map((b) => b.name);
    expect([...BUILD_TARGETS].sort()).toEqual([...withLibrary].sort());
    expect([...LIBRARY_TARGETS].sort()).toEqual([...withLibrary].sort());
    expect(Object.keys(LOADERS).sort()).toEqual([...withLibrary].sort());
  });

  it('no other source file lists target names', () => {
    const names = targetNames().join('|');
    const pair = new RegExp(`'(${names})'[^;\\n]{0,80}'(${names})'`);
    const offenders: string[] = [];
    for (const file of sources(SRC)) {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      if (ALLOWED[rel]) continue;
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (!/^\s*\*/.test(code) && pair.test(code)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
