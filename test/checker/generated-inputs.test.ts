/**
 * @file Bad inputs generated inside the test (not committed): bytes that are not UTF-8, 20,000-deep
 * nesting, a 1 MB file, 1 MB of declarations (checker time only), and an oversized file.
 * Each must give the right code within 2 seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadProgram } from '../../src/frontend/load.js';
import { parseSource } from '../../src/frontend/parse.js';
import { checkProgram } from '../../src/checker/check.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sparsec-checker-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes `content` to a file in the temp folder, loads and checks it, and returns the codes and time. */
async function run(name: string, content: string | Uint8Array): Promise<{ codes: string[]; ms: number }> {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  const start = performance.now();
  const program = await loadProgram([file], { cwd: dir });
  const loadFailed = program.diagnostics.some((d) => d.severity === 'error');
  const diagnostics = loadFailed ? program.diagnostics : [...program.diagnostics, ...checkProgram(program).diagnostics];
  return { codes: diagnostics.map((d) => d.code), ms: performance.now() - start };
}

describe('generated bad inputs', () => {
  it('bytes that are not UTF-8 give SPC002', async () => {
    const bytes = new Uint8Array([...Buffer.from('pattern p = causal && k < '), 0xff, 0xfe, 0x31, 0x0a]);
    const { codes, ms } = await run('latin.sparse', bytes);
    expect(codes).toEqual(['SPC002']);
    expect(ms).toBeLessThan(2000);
  });

  it('20,000-deep nesting gives SPC004', async () => {
    const depth = 20_000;
    const { codes, ms } = await run('deep.sparse', `pattern p = ${'('.repeat(depth)}causal${')'.repeat(depth)}\n`);
    expect(codes).toEqual(['SPC004']);
    expect(ms).toBeLessThan(2000);
  });

  it('20,000 nested unary operators give SPC004', async () => {
    const { codes, ms } = await run('unary.sparse', `pattern p = ${'!'.repeat(20_000)}causal\n`);
    expect(codes).toEqual(['SPC004']);
    expect(ms).toBeLessThan(2000);
  });

  it('a 1 MB file (a long comment, then one bad pattern) gives SPC012', async () => {
    const text = `/* ${'filler text '.repeat(84_000)}*/\npattern last(window: int) = causal && q - k < windw\n`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const { codes, ms } = await run('big.sparse', text);
    expect(codes).toEqual(['SPC012']);
    expect(ms).toBeLessThan(2000);
  });

  it('the checker handles 1 MB of declarations (about 16,000 patterns) within 2 seconds', () => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const line = `pattern p${i}(window: int = ${(i % 500) + 1}) = causal && q - k < window\n`;
      lines.push(line);
      size += line.length;
    }
    lines.push('pattern last = causal && q - k < windw\n');
    const text = lines.join('');
    const { module } = parseSource('many.sparse', text);
    const start = performance.now();
    const result = checkProgram({ modules: [{ path: '/virtual/many.sparse', display: 'many.sparse', module, imports: [] }], sources: new Map([['many.sparse', text]]) });
    const ms = performance.now() - start;
    expect(result.diagnostics.map((d) => d.code)).toEqual(['SPC012']);
    expect(ms).toBeLessThan(2000);
  });

  it('a file over the size limit gives SPC003', async () => {
    const { codes, ms } = await run('huge.sparse', `// ${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect(codes).toEqual(['SPC003']);
    expect(ms).toBeLessThan(2000);
  });
});
