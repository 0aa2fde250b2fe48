/**
 * @file Regression tests of issue 12's command-line defects: `build --out DIR` never deletes what sparsec did not
 * write (8), builds into one folder take turns and a build killed mid-swap loses nothing, a non-UTF-8 file is
 * reported at file:line:col and an unwritable --png path is a user error (9).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

const SPEC = 'kernel tiny = attention(causal) { heads = 1; head_dim = 8; seq = 16 }\n';
const bin = resolve(import.meta.dirname, '../../bin/sparsec.js');

const run = async (args: string[]): Promise<{ code: number; text: string }> => {
  const lines: string[] = [];
  const io: Io = { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive: false };
  const code = await main(args, io);
  return { code, text: lines.join('\n') };
};

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sparsec-out-'));
  writeFileSync(join(dir, 'k.sparse'), SPEC);
  return dir;
}

describe('8: build --out never deletes what sparsec did not write', () => {
  it('refuses --out . in a project folder, and leaves every file there', async () => {
    const dir = project();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = await run(['build', join(dir, 'k.sparse'), '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/the output folder '.*' holds files sparsec did not write \(k\.sparse, notes\.txt\).*Choose another --out/);
    expect(readdirSync(dir).sort()).toEqual(['k.sparse', 'notes.txt']);
  });
  it('writes a new or empty folder with its marker, and replaces it on the next build', async () => {
    const dir = project();
    mkdirSync(join(dir, 'empty'));
    for (const out of ['empty', 'fresh', 'fresh']) {
      const r = await run(['build', join(dir, 'k.sparse'), '--out', join(dir, out)]);
      expect(r.code, r.text).toBe(0);
      expect(existsSync(join(dir, out, '.sparsec-output'))).toBe(true);
      expect(existsSync(join(dir, out, 'tiny.wasm'))).toBe(true);
    }
  });
  it('a build killed between its two renames: the next build puts the previous output back first', async () => {
    const dir = project();
    const out = join(dir, 'gen');
    expect((await run(['build', join(dir, 'k.sparse'), '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'tiny.wasm'));
    renameSync(out, join(dir, '.gen.old-999999'));
    writeFileSync(join(dir, 'k.sparse'), 'syntax error here');
    expect((await run(['build', join(dir, 'k.sparse'), '--out', out])).code).toBe(1);
    writeFileSync(join(dir, 'k.sparse'), SPEC);
    expect((await run(['build', join(dir, 'k.sparse'), '--out', out])).code).toBe(0);
    expect(readFileSync(join(out, 'tiny.wasm')).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith('.gen'))).toEqual([]);
  });
  it('two builds into one folder at once: both succeed and the folder is one whole output', async () => {
    const dir = project();
    const out = join(dir, 'gen');
    const once = () =>
      new Promise<number>((done) => {
        const child = spawn(process.execPath, [bin, 'build', join(dir, 'k.sparse'), '--out', out], { stdio: 'ignore' });
        child.on('exit', (code) => done(code ?? -1));
      });
    expect(await Promise.all([once(), once()])).toEqual([0, 0]);
    expect(readdirSync(out).sort()).toEqual(['.sparsec-output', 'index.d.ts', 'index.js', 'package.json', 'tiny.d.ts', 'tiny.js', 'tiny.manifest.json', 'tiny.relaxed.wasm', 'tiny.wasm']);
    expect(readdirSync(dir).filter((n) => n.startsWith('.gen'))).toEqual([]);
  }, 60_000);
});

describe('9: file problems are reported as the user\'s, with positions', () => {
  it('a file that is not UTF-8 is reported at file:line:col', async () => {
    const dir = project();
    writeFileSync(join(dir, 'bad.sparse'), Buffer.concat([Buffer.from('// ok\npattern p = causal // caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    const r = await run(['check', join(dir, 'bad.sparse')]);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/bad\.sparse:2:26: error SPC002: file is not valid UTF-8 text \(bad byte 0xC3 at offset 31\)/);
  });
  it('an unwritable --png path is a user error (exit 1), not an internal error', async () => {
    const dir = project();
    const r = await run(['show', join(dir, 'k.sparse'), '--kernel', 'tiny', '--png', join(dir, 'k.sparse', 'x.png')]);
    expect(r.text).not.toMatch(/internal error/);
    expect(r.text).toMatch(/sparsec: cannot \w+ '.*k\.sparse.*': (a part of the path is not a directory|already exists)/);
    expect(r.code).toBe(1);
  });
});
