/**
 * @file Scopes across files (imports, diamonds, clashes) through the real loader, and "did you mean".
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/check.js';
import { closestName, didYouMean, levenshtein } from '../../src/checker/suggest.js';
import { checkText } from './helpers.js';

const DIR = fileURLToPath(new URL('./fixtures/imports/', import.meta.url));

async function check(file: string) {
  const program = await loadProgram([path.join(DIR, file)], { cwd: DIR });
  expect(program.diagnostics).toEqual([]);
  return checkProgram(program);
}

describe('scopes across imports', () => {
  it('sees imported patterns transitively; a diamond import is not a duplicate', async () => {
    const r = await check('main.sparse');
    expect(r.diagnostics).toEqual([]);
    expect(r.kernels.map((k) => k.name)).toEqual(['diamond']);
  });

  it('two different imported patterns with one name clash at the import that brings the second', async () => {
    const r = await check('clash.sparse');
    expect(r.diagnostics.map((d) => [d.code, d.file, d.span?.line])).toEqual([['SPC030', 'clash.sparse', 2]]);
    expect(r.diagnostics[0]!.message).toBe("'sliding' is already declared in this scope (first at base.sparse:2:9)");
  });

  it('a file does not see patterns of files it does not import', async () => {
    const program = await loadProgram([path.join(DIR, 'other.sparse'), path.join(DIR, 'left.sparse')], { cwd: DIR });
    const r = checkProgram(program);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('did you mean', () => {
  it('counts swaps of neighbours as one edit', () => {
    expect(levenshtein('hedas', 'heads')).toBe(1);
    expect(levenshtein('windw', 'window')).toBe(1);
    expect(levenshtein('', 'abc')).toBe(3);
  });

  it('suggests only close names, never a whole replacement', () => {
    expect(closestName('windw', ['window', 'sinks', 'q'])).toBe('window');
    expect(closestName('a', ['b', 'h'])).toBeNull();
    expect(didYouMean('zzzzzz', ['window'])).toBe('');
  });

  it('suggests a parameter, a built-in and a pattern', () => {
    const r = checkText(`pattern streaming(window: int = 4) = causal && q - k < windw
pattern p = causl && streamng`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "unknown name 'windw' (did you mean 'window'?)",
      "unknown name 'causl' (did you mean 'causal'?)",
      "unknown name 'streamng' (did you mean 'streaming'?)",
    ]);
  });
});
