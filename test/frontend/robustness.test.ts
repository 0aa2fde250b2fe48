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

/** Runs `f` and measures the CPU time it used (robust against other processes loading the machine). */
function timed<T>(f: () => T): { result: T; ms: number } {
  const start = process.cpuUsage();
  const result = f();
  const used = process.cpuUsage(start);
  return { result, ms: (used.user + used.system) / 1000 };
}

/** Random text: mostly ASCII, plus any code point, lone surrogates included. */
const anyText = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 0x10ffff })), { maxLength: 300 })
  .map((codes) => codes.map((c) => (c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c))).join(''));

function checkResult(text: string): void {
  const { result, ms } = timed(() => parseSource('r.sparse', text));
  expect(ms).toBeLessThan(1000);
  expect(result.diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS_PER_FILE);
  // One assertion per input (vitest's expect is slow when called thousands of times).
  const bad = result.diagnostics.filter(
    (d) => !FRONT_END_CODES.has(d.code) || !CATALOGUE[d.code] || d.span?.file !== 'r.sparse' || d.span.offset < 0 || d.span.offset > text.length,
  );
  expect(bad).toEqual([]);
  // Whatever parses cleanly also survives a print / parse round trip.
  if (result.diagnostics.length === 0) {
    const again = parseSource('r.sparse', printModule(result.module));
    expect(again.diagnostics).toEqual([]);
    expect(stripSpans(again.module)).toEqual(stripSpans(result.module));
  }
}

describe('parseSource robustness', () => {
  it('never throws on random strings', () => {
    fc.assert(fc.property(anyText, checkResult), { numRuns: 300 });
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
    const junk = fc.sample(anyText, { numRuns: 8000, seed: 42 }).join('').padEnd(1_000_001, '\u00ff');
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

  it('parses 300 kB of valid declarations quickly', () => {
    const decl = 'pattern p = causal && (k < 4 || q - k < 1024) && doc[q] == doc[k]\n';
    const text = decl.repeat(Math.ceil(300_000 / decl.length));
    const { result, ms } = timed(() => parseSource('big.sparse', text));
    expect(result.diagnostics).toEqual([]);
    expect(result.module.decls.length).toBe(Math.ceil(300_000 / decl.length));
    expect(ms).toBeLessThan(3000);
  });
});
