/** @file loadProgram: folders, imports, cycles, byte-level checks and the TypeScript hook. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgram, type TsSpecLoader } from '../../src/frontend/load.js';
import { MAX_SOURCE_BYTES, firstInvalidUtf8 } from '../../src/frontend/read.js';

let root: string;

function write(rel: string, content: string | Uint8Array): string {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}

function summary(diags: readonly { code: string; file: string; span: { line: number; col: number } | null; message: string }[]): string[] {
  return diags.map((d) => `${d.file}${d.span ? `:${d.span.line}:${d.span.col}` : ''} ${d.code} ${d.message}`);
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sparsec-load-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('loadProgram', () => {
  it('loads imports once, relative to the importing file, imported files first', async () => {
    write('imp/main.sparse', 'import "lib/a.sparse"\nimport "lib/b.sparse"\npattern main = a && b\n');
    write('imp/lib/a.sparse', 'import "common.sparse"\npattern a = common\n');
    write('imp/lib/b.sparse', 'import "./common.sparse"\npattern b = common\n');
    write('imp/lib/common.sparse', 'pattern common = causal\n');
    const p = await loadProgram(['imp/main.sparse'], { cwd: root });
    expect(p.diagnostics).toEqual([]);
    expect(p.modules.map((m) => m.display)).toEqual(['imp/lib/common.sparse', 'imp/lib/a.sparse', 'imp/lib/b.sparse', 'imp/main.sparse']);
    const main = p.modules[3]!;
    expect(main.path).toBe(path.join(root, 'imp/main.sparse'));
    expect(main.imports).toEqual([path.join(root, 'imp/lib/a.sparse'), path.join(root, 'imp/lib/b.sparse')]);
    expect(p.modules[1]!.imports).toEqual([path.join(root, 'imp/lib/common.sparse')]);
    expect(main.module.file).toBe('imp/main.sparse');
    expect(main.module.decls[0]!.span.file).toBe('imp/main.sparse');
    expect([...p.sources.keys()].sort()).toEqual(['imp/lib/a.sparse', 'imp/lib/b.sparse', 'imp/lib/common.sparse', 'imp/main.sparse']);
  });

  it('reports an import cycle at the import that closes it', async () => {
    write('cyc/a.sparse', 'import "b.sparse"\npattern a = causal\n');
    write('cyc/b.sparse', 'pattern b = causal\nimport "c.sparse"\n');
    write('cyc/c.sparse', '// closes the loop\nimport "a.sparse"\npattern c = causal\n');
    const p = await loadProgram(['cyc/a.sparse'], { cwd: root });
    expect(summary(p.diagnostics)).toEqual(['cyc/c.sparse:2:8 SPC005 import cycle: cyc/a.sparse -> cyc/b.sparse -> cyc/c.sparse -> cyc/a.sparse']);
    expect(p.modules.map((m) => m.display)).toEqual(['cyc/c.sparse', 'cyc/b.sparse', 'cyc/a.sparse']);
    expect(p.modules[0]!.imports).toEqual([]);
  });

  it('reports a file importing itself', async () => {
    write('self/s.sparse', 'import "s.sparse"\n');
    const p = await loadProgram(['self/s.sparse'], { cwd: root });
    expect(summary(p.diagnostics)).toEqual(['self/s.sparse:1:8 SPC005 import cycle: self/s.sparse -> self/s.sparse']);
  });

  it('reports missing and unsupported imports at the import', async () => {
    write('badimp/m.sparse', 'import "nope.sparse"\nimport "notes.txt"\npattern m = causal\n');
    write('badimp/notes.txt', 'hello');
    const p = await loadProgram(['badimp/m.sparse'], { cwd: root });
    expect(summary(p.diagnostics)).toEqual([
      "badimp/m.sparse:1:8 SPC001 cannot read 'badimp/nope.sparse': no such file or directory",
      "badimp/m.sparse:2:8 SPC007 unsupported file type '.txt' (expected .sparse or .ts)",
    ]);
    expect(p.modules.map((m) => m.module.decls.length)).toEqual([1]);
  });

  it('expands folders recursively and sorted, skipping other files, and dedupes', async () => {
    write('dir/b.sparse', 'pattern b = causal\n');
    write('dir/a.sparse', 'pattern a = causal\n');
    write('dir/sub/c.sparse', 'pattern c = causal\n');
    write('dir/readme.md', '# not a spec');
    write('dir/helper.ts', 'export {}');
    write('dir/node_modules/x.sparse', 'this is not loaded');
    write('dir/.hidden/y.sparse', 'neither is this');
    const p = await loadProgram(['dir', 'dir/a.sparse'], { cwd: root });
    expect(p.diagnostics).toEqual([]);
    expect(p.modules.map((m) => m.display)).toEqual(['dir/a.sparse', 'dir/b.sparse', 'dir/sub/c.sparse']);
  });

  it('reports empty folders, missing paths and unsupported files', async () => {
    mkdirSync(path.join(root, 'empty/inner'), { recursive: true });
    write('other.txt', 'x');
    const p = await loadProgram(['empty', 'missing.sparse', 'other.txt', 'spec.ts'], { cwd: root });
    expect(summary(p.diagnostics)).toEqual([
      "empty SPC006 no .sparse or .ts spec files found in 'empty'",
      "missing.sparse SPC001 cannot read 'missing.sparse': no such file or directory",
      "other.txt SPC007 unsupported file type '.txt' (expected .sparse or .ts)",
      "spec.ts SPC001 cannot read 'spec.ts': no such file or directory",
    ]);
    expect(p.modules).toEqual([]);
  });

  it('reports bytes that are not UTF-8 at the line and column of the first bad one, and its offset', async () => {
    write('bytes/bad.sparse', new Uint8Array([0x70, 0x20, 0xc3, 0xa9, 0x20, 0xe2, 0x28, 0xa1]));
    const p = await loadProgram(['bytes/bad.sparse'], { cwd: root });
    // NOTE: column 5: 'p', ' ', 'é' (two bytes, one column), ' ', then the bad byte.
    expect(summary(p.diagnostics)).toEqual(['bytes/bad.sparse:1:5 SPC002 file is not valid UTF-8 text (bad byte 0xE2 at offset 5)']);
    expect(p.modules).toEqual([]);
  });

  it('skips a byte order mark without shifting positions', async () => {
    write('bom/b.sparse', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('pattern p = causal\npattern r = #\n')]));
    const p = await loadProgram(['bom/b.sparse'], { cwd: root });
    expect(summary(p.diagnostics)).toEqual(["bom/b.sparse:2:13 SPC010 unexpected character '#'"]);
    expect(p.sources.get('bom/b.sparse')!.startsWith('pattern')).toBe(true);
    expect(p.modules[0]!.module.decls[0]!.span).toMatchObject({ line: 1, col: 1, offset: 0 });
  });

  it(`rejects files over ${MAX_SOURCE_BYTES} bytes without parsing them`, async () => {
    write('big/big.sparse', Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x20));
    write('big/ok.sparse', Buffer.alloc(1000, 0x20));
    const p = await loadProgram(['big'], { cwd: root });
    expect(summary(p.diagnostics)).toEqual([`big/big.sparse SPC003 file is too large (${MAX_SOURCE_BYTES + 1} bytes; the limit is ${MAX_SOURCE_BYTES})`]);
    expect(p.modules.map((m) => m.display)).toEqual(['big/ok.sparse']);
  });

  it('hands .ts files to the TypeScript loader: explicit ones, and *.spec.ts in folders', async () => {
    write('ts/a.spec.ts', '');
    write('ts/helper.ts', '');
    write('ts/x.sparse', 'pattern x = causal\n');
    const calls: string[] = [];
    const tsLoader: TsSpecLoader = async (abs, display) => {
      calls.push(display);
      if (display.endsWith('helper.ts')) throw new Error('no exports');
      return { module: { file: display, imports: [], decls: [] }, diagnostics: [] };
    };
    const p = await loadProgram(['ts', 'ts/helper.ts'], { cwd: root, tsLoader });
    expect(calls).toEqual(['ts/a.spec.ts', 'ts/helper.ts']);
    expect(p.modules.map((m) => m.display)).toEqual(['ts/a.spec.ts', 'ts/x.sparse', 'ts/helper.ts']);
    expect(summary(p.diagnostics)).toEqual(['ts/helper.ts SPC008 error in TypeScript spec: no exports']);
    const without = await loadProgram(['ts'], { cwd: root });
    expect(without.modules.map((m) => m.display)).toEqual(['ts/x.sparse']);
  });

  it('handles 20,000-deep nesting in a file quickly', async () => {
    write('deep/d.sparse', `pattern p = ${'('.repeat(20_000)}q${')'.repeat(20_000)}\npattern ok = causal\n`);
    const start = process.cpuUsage();
    const p = await loadProgram(['deep/d.sparse'], { cwd: root });
    const used = process.cpuUsage(start);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
    expect(summary(p.diagnostics)).toEqual(['deep/d.sparse:1:269 SPC004 nesting is too deep (more than 256 levels)']);
    expect(p.modules[0]!.module.decls.map((d) => d.name)).toEqual(['ok']);
  });

  it('never throws on random bytes', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const rel = `rand/r${n++}.sparse`;
        write(rel, bytes);
        const p = await loadProgram([rel], { cwd: root });
        for (const d of p.diagnostics) expect(d.code).toMatch(/^SPC0(0[24]|1[01]|2[0-3])$/);
        const decodes = firstInvalidUtf8(bytes) < 0;
        expect(p.diagnostics.some((d) => d.code === 'SPC002')).toBe(!decodes);
      }),
      { numRuns: 150 },
    );
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with the strict TextDecoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) < 0).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});
