/**
 * @file The package as a user gets it: `npm pack` the repository, install the tarball into a fresh project made by
 * `npm init -y` (a CommonJS project), build a `.sparse` and a `.ts` spec there with the installed `sparsec`, run a
 * generated kernel with worker threads from a plain script that never calls dispose() (it must end by itself and
 * match a float64 reference), type-check the spec and a caller with `skipLibCheck: false`, and check that
 * `sparsec/runtime` reaches no compiler package. Needs dist/ built (`npm test` builds it first).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUN_SCRIPT, SPARSE_SPEC, TS_CALLER, TS_SPEC } from './project-files.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** npm with the user's settings, but none of the npm_* variables of an enclosing `npm test`. */
function npm(args: string[], cwd: string): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  return execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
}

function run(cmd: string, args: string[], cwd: string, timeout = 60_000) {
  // an empty build cache of its own: what the user sees on a first build, whatever other tests built
  const env = { ...process.env, SPARSEC_CACHE_DIR: mkdtempSync(join(tmpdir(), 'sparsec-user-cache-')) };
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Bytes under `dir`. */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(p);
    else if (entry.isFile()) total += statSync(p).size;
  }
  return total;
}

/** Every module `entry` reaches through static and dynamic imports: its files and the bare specifiers. */
function importGraph(entry: string): { files: string[]; bare: Set<string> } {
  const files: string[] = [];
  const bare = new Set<string>();
  const visit = (file: string): void => {
    if (files.includes(file)) return;
    files.push(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) {
      if (m[1]!.startsWith('.')) visit(resolve(dirname(file), m[1]!));
      else bare.add(m[1]!);
    }
  };
  visit(entry);
  return { files, bare };
}

describe('npm pack, installed into a fresh project', () => {
  let project = '';
  let tarball = '';

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is not built: run npx tsc -p tsconfig.json first');
    const packDir = mkdtempSync(join(tmpdir(), 'sparsec-pack-'));
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT)) as { filename: string }[];
    tarball = join(packDir, packed!.filename);
    project = mkdtempSync(join(tmpdir(), 'sparsec-user-'));
    npm(['init', '-y'], project);
    // The shared npm cache answers offline; CI, which reaches the registry, fetches what the cache lacks.
    npm(['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], project);
    writeFileSync(join(project, 'attn.sparse'), SPARSE_SPEC);
    writeFileSync(join(project, 'spec.ts'), TS_SPEC);
    writeFileSync(join(project, 'run.mjs'), RUN_SCRIPT);
    writeFileSync(join(project, 'use.mts'), TS_CALLER);
  }, 300_000);

  it('ships dist/, bin/, targets/, LICENSE and README, and no tests, sources or generated kernels', () => {
    const files = JSON.parse(npm(['pack', '--dry-run', '--ignore-scripts', '--json'], ROOT))[0].files.map((f: { path: string }) => f.path) as string[];
    expect(files).toEqual(expect.arrayContaining(['bin/sparsec.js', 'dist/cli/main.js', 'dist/runtime/index.js', 'dist/runtime/index.d.ts', 'targets/wasm.json', 'LICENSE', 'README.md', 'package.json']));
    expect(files.filter((f) => /^(test|generated|dsl|scripts|\.ci)\//.test(f) || f.endsWith('.map') || (f.startsWith('src/') && !f.startsWith('src/bench/browser/page/')))).toEqual([]);
  });

  it('builds a .sparse spec with the installed sparsec, and the kernel runs in a CommonJS project and exits by itself', () => {
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).type).not.toBe('module');
    const build = run(process.execPath, ['node_modules/sparsec/bin/sparsec.js', 'build', 'attn.sparse', '--out', 'kernels'], project, 120_000);
    // off a terminal, build reports one progress line per kernel on standard error, and nothing else
    expect(build.stderr).toMatch(/^build 1\/1 \[0:\d\d elapsed\] local_attn\n$/);
    expect(build.code).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'kernels', 'package.json'), 'utf8')).type).toBe('module');
    // run.mjs loads the kernel with 2 threads, never calls dispose(), and prints the largest error against a float64 reference
    const r = run(process.execPath, ['run.mjs'], project, 30_000);
    expect(r.signal, 'the script did not end by itself').toBeNull();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { maxErr: number; threads: number; loaded: number; nan: number };
    // the loaded kernel says it runs on 2 threads, and a worker was seen holding the process during the run
    expect([result.loaded, result.threads]).toEqual([2, 2]);
    expect(result.nan).toBe(0);
    expect(result.maxErr).toBeLessThan(1e-5);
  }, 120_000);

  it('--standalone: the library runs with no sparsec package anywhere, in a folder of its own', () => {
    const build = run(process.execPath, ['node_modules/sparsec/bin/sparsec.js', 'build', 'attn.sparse', '--standalone', '--out', 'standalone'], project, 120_000);
    expect(build.code, build.stderr).toBe(0);
    const deploy = mkdtempSync(join(tmpdir(), 'sparsec-deploy-'));
    cpSync(join(project, 'standalone'), join(deploy, 'kernels'), { recursive: true });
    writeFileSync(join(deploy, 'run.mjs'), RUN_SCRIPT);
    const r = run(process.execPath, ['run.mjs'], deploy, 30_000);
    expect(r.signal, 'the script did not end by itself').toBeNull();
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as { maxErr: number; threads: number; loaded: number; nan: number };
    expect([result.loaded, result.threads, result.nan]).toEqual([2, 2, 0]);
    expect(result.maxErr).toBeLessThan(1e-5);
    console.log(`install sizes: the runtime copied by --standalone ${(folderBytes(join(deploy, 'kernels', 'sparsec')) / 1024).toFixed(0)} KiB (.js and .d.ts)`);
  }, 120_000);

  it('checks and builds a .ts spec, and type-checks it and a caller of the kernels with skipLibCheck: false', () => {
    const check = run(process.execPath, ['node_modules/sparsec/bin/sparsec.js', 'check', 'spec.ts'], project, 60_000);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const build = run(process.execPath, ['node_modules/sparsec/bin/sparsec.js', 'build', 'spec.ts', 'attn.sparse', '--target', 'wasm,webgpu', '--out', 'kernels'], project, 120_000);
    expect(build.code, build.stderr).toBe(0);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files: ['spec.ts', 'use.mts'],
    }));
    const tsc = run(process.execPath, [TSC, '-p', 'tsconfig.json'], project, 120_000);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  }, 240_000);

  it('sparsec/runtime reaches no compiler package; bench names its missing optional packages', () => {
    const runtime = importGraph(join(project, 'node_modules', 'sparsec', 'dist', 'runtime', 'index.js'));
    expect([...runtime.bare].filter((s) => !s.startsWith('node:')).sort()).toEqual(['webgpu']);
    expect(existsSync(join(project, 'node_modules', 'webgpu'))).toBe(false);
    const bench = run(process.execPath, ['node_modules/sparsec/bin/sparsec.js', 'bench', '--quick'], project);
    expect(bench.code).toBe(1);
    expect(bench.stderr).toMatch(/missing optional packages: onnx-proto@\^8[^,]*, onnxruntime-web@\S+ \(the onnxruntime-web peer\), onnxruntime-node/);
    expect(bench.stderr).toMatch(/npm install --save-dev 'onnx-proto@\^8[.0-9]*' 'onnxruntime-web@\S+' 'onnxruntime-node@\S+'/);
    const runtimeBytes = runtime.files.reduce((n, f) => n + statSync(f).size, 0);
    console.log(`install sizes: runtime ${(runtimeBytes / 1024).toFixed(0)} KiB in ${runtime.files.length} modules; `
      + `sparsec with its dependencies ${(folderBytes(join(project, 'node_modules')) / 2 ** 20).toFixed(1)} MiB`);
  });
});
