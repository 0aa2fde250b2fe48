/** @file Property: printing a well-formed AST and parsing it back gives the same AST (spans aside). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/frontend/parse.js';
import { printExpr, printModule } from '../../src/frontend/print.js';
import { stripSpans } from '../../src/frontend/strip-spans.js';
import { expr, moduleIn } from './arbitraries.js';

describe('print / parse round trip', () => {
  it('holds for random expressions', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const text = `pattern p = ${printExpr(e)}`;
        const { module, diagnostics } = parseSource('gen.sparse', text);
        expect(diagnostics).toEqual([]);
        const decl = module.decls[0];
        expect(decl?.kind).toBe('pattern');
        if (decl?.kind === 'pattern') expect(stripSpans(decl.body)).toEqual(stripSpans(e));
      }),
      { numRuns: 400 },
    );
  });

  it('holds for random modules', () => {
    fc.assert(
      fc.property(moduleIn('gen.sparse'), (m) => {
        const { module, diagnostics } = parseSource('gen.sparse', printModule(m));
        expect(diagnostics).toEqual([]);
        expect(stripSpans(module)).toEqual(stripSpans(m));
      }),
      { numRuns: 200 },
    );
  });

  it('prints with minimal parentheses', () => {
    const cases: [string, string][] = [
      ['(a + b) * c', '(a + b) * c'],
      ['a + (b * c)', 'a + b * c'],
      ['a - (b - c)', 'a - (b - c)'],
      ['(a - b) - c', 'a - b - c'],
      ['!(a == b)', '!a == b'],
      ['(!a) == b', '(!a) == b'],
      ['a && (!b)', 'a && !b'],
      ['-(-a)', '--a'],
      ['-(!a)', '-(!a)'],
      ['(a < b) < c', '(a < b) < c'],
      ['(a ? b : c) ? d : e', '(a ? b : c) ? d : e'],
      ['a ? b : (c ? d : e)', 'a ? b : c ? d : e'],
      ['(x & 1) == 0', 'x & 1 == 0'],
      ['x & (1 == 0)', 'x & (1 == 0)'],
      ['f(w = (1), 2.50, 1e-3)', 'f(w = 1, 2.50, 1e-3)'],
    ];
    for (const [input, expected] of cases) {
      const decl = parseSource('p.sparse', `pattern p = ${input}`).module.decls[0];
      if (decl?.kind !== 'pattern') throw new Error(`did not parse: ${input}`);
      expect(printExpr(decl.body)).toBe(expected);
    }
  });

  it('prints floats that have no written text so they re-parse as floats', () => {
    const span = { file: 'x', line: 1, col: 1, endLine: 1, endCol: 1, offset: 0, length: 0 };
    expect(printExpr({ kind: 'float', value: 1, text: '', span })).toBe('1.0');
    expect(printExpr({ kind: 'float', value: 1e21, text: '', span })).toBe('1e21');
    expect(printExpr({ kind: 'float', value: -0.5, text: '', span })).toBe('-0.5');
    expect(printExpr({ kind: 'binary', op: '*', left: { kind: 'int', value: 2, span }, right: { kind: 'int', value: -3, span }, span })).toBe('2 * -3');
  });
});
