/**
 * @file The cache of built kernels (issue 12, "nothing lost"): `sparsec build` reuses a kernel whose key is
 * unchanged and says "cached"; a changed source, schedule block or compiler version rebuilds it (and gives the
 * bytes a build without the cache gives); entries are written atomically; `--no-cache` neither reads nor writes.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands/build.js';
import type { Io } from '../../src/cli/io.js';

const causal = (tail: string): string => `
kernel c_causal = attention(causal) { heads = 2; head_dim = 8; seq = dynamic${tail} }
kernel c_gemm = gemm { m = dynamic; n = 8; k = 16; weight = nm(2, 4) }
`;

const linesIo = (): Io & { out: (t: string) => void; said: string[]; progress: string[] } => {
  const said: string[] = [];
  const progress: string[] = [];
  return { out: (t) => void said.push(t), err: (t) => void progress.push(t), interactive: false, said, progress };
};

async function files(dir: string, under = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, under), { withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory()) out.push(...(await files(dir, join(under, e.name))));
    else out.push(join(under, e.name));
  }
  return out.sort();
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await files(dir)) out[f] = (await readFile(join(dir, f))).toString('base64');
  return out;
}

/** Builds `dir` into `dir/gen` with the cache in `cacheDir`; the kernels progress called cached. */
async function build(dir: string, cacheDir: string, extra: { compilerVersion?: string; cache?: boolean } = {}): Promise<string[]> {
  const io = linesIo();
  expect(await runBuild([join(dir, 'k.sparse')], { out: join(dir, 'gen'), cwd: dir, target: ['wasm,webgpu'], cacheDir, ...extra }, io), io.progress.join('\n')).toBe(0);
  const cached = io.progress.filter((l) => l.endsWith(': cached')).map((l) => /(\S+): cached$/.exec(l)![1]!).sort();
  expect(io.said.join('\n')).toContain(cached.length > 0 ? `(${cached.length} cached)` : 'built 2 kernels for');
  return cached;
}

describe('cache of built kernels', () => {
  it('reuses unchanged kernels and rebuilds on a new source, schedule or compiler version', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sparsec-cache-'));
    const cacheDir = join(dir, 'cache');
    await writeFile(join(dir, 'k.sparse'), causal(''));
    expect(await build(dir, cacheDir)).toEqual([]);
    const first = await snapshot(join(dir, 'gen'));
    expect(await build(dir, cacheDir)).toEqual(['c_causal', 'c_gemm']);
    expect(await snapshot(join(dir, 'gen'))).toEqual(first);

    // A new source (the pattern) and a new schedule block each rebuild that kernel only.
    await writeFile(join(dir, 'k.sparse'), causal('').replace('attention(causal)', 'attention(causal && q - k < 5)'));
    expect(await build(dir, cacheDir)).toEqual(['c_gemm']);
    await writeFile(join(dir, 'k.sparse'), causal('').replace('attention(causal)', 'attention(causal && q - k < 5)').replace('seq = dynamic', 'seq = dynamic\n  schedule wasm { tile_q = 32 }'));
    expect(await build(dir, cacheDir)).toEqual(['c_gemm']);
    const cachedOutput = await snapshot(join(dir, 'gen'));
    expect(await build(dir, cacheDir, { cache: false })).toEqual([]);
    expect(await snapshot(join(dir, 'gen'))).toEqual(cachedOutput);
    expect(cachedOutput['c_causal.manifest.json']).not.toEqual(first['c_causal.manifest.json']);

    // A new compiler version rebuilds everything; the old one's entries still serve it.
    expect(await build(dir, cacheDir, { compilerVersion: '99.0.0-fake' })).toEqual([]);
    expect(await build(dir, cacheDir, { compilerVersion: '99.0.0-fake' })).toEqual(['c_causal', 'c_gemm']);
    expect(await build(dir, cacheDir)).toEqual(['c_causal', 'c_gemm']);

    // Atomic writes: only whole entries, no temporary files left.
    const entries = await files(cacheDir);
    expect(entries.length).toBe(4 + 2 + 2 + 4); // first build, new source, new schedule, new compiler (kernels x targets)
    expect(entries.every((f) => /^kernels\/[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(f))).toBe(true);
  }, 240_000);

  it('--no-cache neither reads nor writes; a damaged entry is a miss', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sparsec-cache-'));
    const cacheDir = join(dir, 'cache');
    await writeFile(join(dir, 'k.sparse'), causal(''));
    expect(await build(dir, cacheDir, { cache: false })).toEqual([]);
    expect(await files(cacheDir)).toEqual([]);
    expect(await build(dir, cacheDir)).toEqual([]);
    const good = await snapshot(join(dir, 'gen'));
    const entries = await files(cacheDir);
    await writeFile(join(cacheDir, entries[0]!), '{"key": "trunc');
    expect((await build(dir, cacheDir)).length).toBe(1);
    expect(await snapshot(join(dir, 'gen'))).toEqual(good);
    expect(await build(dir, cacheDir)).toEqual(['c_causal', 'c_gemm']);
  }, 240_000);
});
