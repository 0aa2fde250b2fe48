/** @file Property and stress tests: no input makes parseSource throw, hang, or overflow the stack. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/diagnostics/catalog.js';
import { parseSource, MAX_DIAGNOSTICS_PER_FILE } from '../../src/frontend/parse.js';
import { printModule } from '../../src/frontend/print.js';
import { stripSpans } from '../../src/frontend/strip-spans.js';

const FRONT_END_CODES = new Set(['SPC004', 'SPC010', 'SPC011', 'SPC020', 'SPC021', 'SPC022', 'SPC023']);

/** Fragments of real syntax, so random sequences reach deep into the grammar. */
const FRAGMENTS = [
  'pattern', 'kernel', 'import', 'attention', 'gemm', 'schedule', 'in', 'true', 'false', 'p', 'k', 'q', 'int', 'i32',
  'list', 'blocks', 'f32', '0', '7', '1.5', '.5', '1e-3', '2147483648', '"a.sparse"', '"', '/*', '*/', '//', '(', ')',
  '[', ']', '{', '}', '<', '>', '<=', '=', '==', '!', '-', '+', '*', '/', '%', '&&', '||', '&', '|', '^', '<<', '>>',
  '?', ':', ',', ';', '\n', ' ', '#', '\u00e9', '\u0000', '\t',
];

function timed<T>(f: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = f();
  return { result, ms: performance.now() - start };
}

function checkResult(text: string): void {
  const { result, ms } = timed(() => parseSource('r.sparse', text));
  expect(ms).toBeLessThan(1000);
  expect(result.diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS_PER_FILE);
  for (const d of result.diagnostics) {
    expect(FRONT_END_CODES.has(d.code)).toBe(true);
    expect(CATALOGUE[d.code]).toBeDefined();
    expect(d.span?.file).toBe('r.sparse');
    expect(d.span!.offset).toBeGreaterThanOrEqual(0);
    expect(d.span!.offset).toBeLessThanOrEqual(text.length);
  }
  // Whatever parses cleanly also survives a print / parse round trip.
  if (result.diagnostics.length === 0) {
    const again = parseSource('r.sparse', printModule(result.module));
    expect(again.diagnostics).toEqual([]);
    expect(stripSpans(again.module)).toEqual(stripSpans(result.module));
  }
}

describe('parseSource robustness', () => {
  it('never throws on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkResult), { numRuns: 300 });
  });

  it('never throws on random token soups', () => {
    const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(' '));
    const glued = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.oneof(soup, glued), checkResult), { numRuns: 1000 });
  });

  it('rejects 20,000 nested parentheses quickly with SPC004', () => {
    for (const [open, close] of [['(', ')'], ['[', ']'], ['f(', ')'], ['-', ''], ['!', ''], ['a ? b : ', 'c']]) {
      const text = `pattern p = ${open.repeat(20_000)}q${close.repeat(20_000)}`;
      const { result, ms } = timed(() => parseSource('deep.sparse', text));
      expect(ms).toBeLessThan(2000);
      expect(result.diagnostics.map((d) => d.code)).toEqual(['SPC004']);
      expect(result.module.decls).toEqual([]);
    }
  });

  it('accepts nesting up to the documented 256 levels', () => {
    for (const [open, close] of [['(', ')'], ['f(', ')'], ['f(w = ', ')'], ['x[', ']'], ['[', ']'], ['-', ''], ['a ? b : ', 'c']]) {
      const text = `pattern p = ${open.repeat(250)}q${close.repeat(250)}`;
      const { diagnostics, module } = parseSource('deep.sparse', text);
      expect(diagnostics).toEqual([]);
      expect(module.decls).toHaveLength(1);
    }
    // Mixed nesting right at the limit.
    const mixed = `pattern p = ${'(-f(['.repeat(64)}q${']))'.repeat(64)}`;
    expect(parseSource('mixed.sparse', mixed).diagnostics).toEqual([]);
  });

  it('finishes 1 MB of junk in well under 2 seconds', () => {
    const rng = fc.sample(fc.string({ unit: 'binary', minLength: 1024, maxLength: 1024 }), { numRuns: 1024, seed: 42 });
    const junk = rng.join('');
    expect(junk.length).toBeGreaterThan(1_000_000);
    const { result, ms } = timed(() => parseSource('junk.sparse', junk));
    expect(ms).toBeLessThan(2000);
    expect(result.diagnostics.length).toBe(MAX_DIAGNOSTICS_PER_FILE);
  });

  it('finishes 1 MB of plausible but broken declarations in well under 2 seconds', () => {
    const parts = fc.sample(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), { numRuns: 20_000, seed: 7 });
    const text = parts.map((p) => p.join(' ')).join('\n').slice(0, 1_000_000);
    const { result, ms } = timed(() => parseSource('junk.sparse', text));
    expect(ms).toBeLessThan(2000);
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });

  it('parses a 1 MB file of valid declarations quickly', () => {
    const decl = 'pattern p = causal && (k < 4 || q - k < 1024) && doc[q] == doc[k]\n';
    const text = decl.repeat(Math.ceil(1_000_000 / decl.length));
    const { result, ms } = timed(() => parseSource('big.sparse', text));
    expect(result.diagnostics).toEqual([]);
    expect(result.module.decls.length).toBe(Math.ceil(1_000_000 / decl.length));
    expect(ms).toBeLessThan(4000);
  });
});
