/**
 * @file `loadTsSpec` as shipped: compiles the builder and loader with tsc into a scratch folder (the
 * layout of dist/) and loads specs from a plain Node process, where 'sparsec' must resolve to that build.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadTsSpec } from '../../src/builder/load-ts.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, 'node_modules', '.cache', `sparsec-builder-test-${process.pid}`);
const SPECS = ['examples/specs/streaming.spec.ts', 'examples/specs/runtime-inputs.spec.ts', 'test/builder/fixtures/multi/main.spec.ts'];

/** Runs `loadTsSpec` of the compiled loader in a child Node process on `files` (relative to the repo). */
function loadCompiled(files: readonly string[]): unknown[] {
  const loader = pathToFileURL(path.join(outDir, 'builder', 'load-ts.js')).href;
  const script = `const { loadTsSpec } = await import(${JSON.stringify(loader)});
    const out = [];
    for (const f of ${JSON.stringify(files)}) out.push(await loadTsSpec(${JSON.stringify(root)} + '/' + f, f));
    process.stdout.write(JSON.stringify(out));`;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(stdout) as unknown[];
}

describe('the compiled loader', () => {
  let compiled: unknown[] = [];
  const errorSpecs = ['a.spec.ts', 'b.spec.ts'].map((f) => path.relative(root, path.join(outDir, 'specs', f)));

  beforeAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = [tsc, 'src/index.ts', 'src/builder/load-ts.ts', '--outDir', outDir, '--rootDir', 'src', '--module', 'NodeNext',
      '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--skipLibCheck', '--types', 'node', '--sourceMap', 'false'];
    try {
      execFileSync(process.execPath, args, { cwd: root, stdio: 'pipe' });
    } catch {
      // Type errors elsewhere in the tree still emit; the files checked below decide.
    }
    expect(existsSync(path.join(outDir, 'builder', 'load-ts.js'))).toBe(true);
    expect(existsSync(path.join(outDir, 'index.js'))).toBe(true);
    const dir = path.join(outDir, 'specs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.spec.ts'), "import { pattern, causal, int } from 'sparsec';\n\n\nexport const p = pattern('p', { w: int(-0.5) }, causal);\n");
    writeFileSync(path.join(dir, 'b.spec.ts'), "import { pattern, nothing } from 'sparsec';\nexport const p = pattern('p', nothing);\n");
    // One child process for everything: each one pays for loading ts-morph.
    compiled = loadCompiled([...SPECS, ...errorSpecs]);
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('loads the example specs exactly like the loader under test', async () => {
    const direct = [];
    for (const f of SPECS) direct.push(await loadTsSpec(path.join(root, f), f));
    expect(compiled.slice(0, SPECS.length)).toEqual(JSON.parse(JSON.stringify(direct)));
    expect((compiled[0] as { module: { decls: { name: string }[] } }).module.decls.map((d) => d.name)).toEqual(['streaming', 'streaming_prefill']);
  });

  it('maps runtime errors and missing builder exports back to the TypeScript lines', () => {
    const results = compiled.slice(SPECS.length) as { diagnostics: { code: string; message: string; span: { line: number; col: number } | null }[] }[];
    const brief = results.map((r) => r.diagnostics.map((d) => [d.code, d.message, d.span && [d.span.line, d.span.col]]));
    expect(brief).toEqual([
      [['SPC008', 'error in TypeScript spec: an int value must be an integer, got -0.5', [4, 36]]],
      [['SPC008', "error in TypeScript spec: SyntaxError: The requested module 'sparsec' does not provide an export named 'nothing'", [1, 19]]],
    ]);
  });
});
