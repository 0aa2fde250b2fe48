/** @file Syntax and lexing diagnostics: exact code, line, column and message for each case. */
import { describe, expect, it } from 'vitest';
import { parseSource, MAX_DIAGNOSTICS_PER_FILE } from '../../src/frontend/parse.js';
import { renderDiagnostic } from '../../src/diagnostics/render.js';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly code: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

const CASES: readonly Case[] = [
  { name: 'missing = after pattern name', text: 'pattern sliding { }', code: 'SPC011', line: 1, col: 17, message: "expected '=' after pattern name, found '{'" },
  { name: 'missing expression', text: 'pattern p =\n', code: 'SPC011', line: 1, col: 12, message: "expected an expression after '=', found end of file" },
  { name: 'dangling operator', text: 'pattern p = a +\npattern r = b', code: 'SPC011', line: 2, col: 1, message: "expected an expression after '+', found 'pattern'" },
  { name: 'unclosed parenthesis', text: 'pattern p = (a || b', code: 'SPC011', line: 1, col: 20, message: "expected ')' after 'b', found end of file" },
  { name: 'missing colon in parameter', text: 'pattern p(w int) = w', code: 'SPC011', line: 1, col: 13, message: "expected ':' after 'w', found 'int'" },
  { name: 'two operands in a row', text: 'pattern p = a b', code: 'SPC011', line: 1, col: 15, message: "expected an operator or the end of the declaration after 'a', found 'b'" },
  { name: 'junk after a kernel', text: 'kernel k = gemm { m = 1 }\nfoo', code: 'SPC011', line: 2, col: 1, message: "expected 'pattern', 'kernel' or 'import' after '}', found 'foo'" },
  { name: 'junk at the start of a file', text: '  window = 3\npattern p = a', code: 'SPC011', line: 1, col: 3, message: "expected 'pattern', 'kernel' or 'import', found 'window'" },
  { name: 'fields on one line without ;', text: 'kernel k = gemm {\n  m = 1 n = 2\n}', code: 'SPC011', line: 2, col: 9, message: "expected ';' or a new line between fields" },
  { name: 'unclosed kernel before the next declaration', text: 'kernel k = gemm { m = 1\npattern p = a', code: 'SPC011', line: 2, col: 1, message: "expected '}' after '1', found 'pattern'" },
  { name: 'attention without a pattern', text: 'kernel k = attention { heads = 1 }', code: 'SPC011', line: 1, col: 12, message: "an attention kernel needs a pattern: 'attention(PATTERN) { ... }'" },
  { name: 'gemm with a pattern', text: 'kernel k = gemm(causal) { }', code: 'SPC011', line: 1, col: 12, message: "a gemm kernel takes no pattern: write 'gemm { ... }'" },
  { name: 'unknown kernel kind', text: 'kernel k = conv { }', code: 'SPC011', line: 1, col: 12, message: "unknown kernel kind 'conv' (expected 'attention(PATTERN)', 'select(SOURCE)' or 'gemm')" },
  { name: 'chained comparison', text: 'pattern p = 0 <= k < q', code: 'SPC011', line: 1, col: 20, message: "comparisons do not chain: write 'a < b && b < c' or add parentheses, found '<'" },
  { name: '! inside a comparison', text: 'pattern p = a == !b', code: 'SPC011', line: 1, col: 18, message: "'!' binds more loosely than comparisons and arithmetic, so write '(!x)' here" },
  { name: 'unknown type', text: 'pattern p(x: i64[kv_len]) = x[k]', code: 'SPC011', line: 1, col: 14, message: "unknown type 'i64' (expected int, float, bool, int[], float[], bool[], i32[AXES], f32[AXES], bool[AXES], list<i32>[AXES] or blocks<BQ, BK>)" },
  { name: 'tensor without axes', text: 'pattern p(x: f32) = x', code: 'SPC011', line: 1, col: 14, message: "a runtime tensor needs axes, as in 'f32[kv_len]'" },
  { name: 'bad blocks type', text: 'pattern p(s: blocks<64>) = s[b, h, 0, 0]', code: 'SPC011', line: 1, col: 14, message: "a block layout is written 'blocks<BQ, BK>' with two integers, as in 'blocks<64, 64>'" },
  { name: 'unknown block in a kernel', text: 'kernel k = gemm { tiles cuda { } }', code: 'SPC011', line: 1, col: 19, message: "expected '=' or ':' after field name 'tiles' (only 'schedule TARGET { ... }' opens a block)" },
  { name: 'unexpected character', text: 'pattern p = q # k', code: 'SPC010', line: 1, col: 15, message: "unexpected character '#'" },
  { name: 'stray dot', text: 'pattern p = a . b', code: 'SPC010', line: 1, col: 15, message: "unexpected character '.'" },
  { name: 'astral character keeps its columns', text: 'pattern p = "\u{1F600}" \u{1F600}', code: 'SPC010', line: 1, col: 18, message: "unexpected character '\u{1F600}'" },
  { name: 'control character', text: 'pattern p = q\u0001', code: 'SPC010', line: 1, col: 14, message: "unexpected character '\\u{1}'" },
  { name: 'unterminated block comment', text: 'pattern p = q\n  /* never closed\n', code: 'SPC020', line: 2, col: 3, message: 'unterminated block comment' },
  { name: 'unterminated string', text: 'import "other.sparse\npattern p = q', code: 'SPC021', line: 1, col: 8, message: 'unterminated string' },
  { name: 'integer too large', text: 'pattern p = k < 2147483648', code: 'SPC022', line: 1, col: 17, message: "integer literal '2147483648' is too large (limit 2^31 - 1)" },
  { name: 'largest integer is fine, a bad number is not', text: 'pattern p = k < 2147483647 || k < 12ab', code: 'SPC023', line: 1, col: 35, message: "invalid number '12ab'" },
  { name: 'malformed float', text: 'pattern p = 1.2.3', code: 'SPC023', line: 1, col: 13, message: "invalid number '1.2.3'" },
  { name: 'float overflow', text: 'kernel k = gemm { input = threshold(1e999) }', code: 'SPC023', line: 1, col: 37, message: "invalid number '1e999'" },
  { name: 'nesting too deep', text: `pattern p = ${'('.repeat(300)}q${')'.repeat(300)}`, code: 'SPC004', line: 1, col: 13 + 256, message: 'nesting is too deep (more than 256 levels)' },
];

describe('syntax diagnostics', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { diagnostics } = parseSource('bad.sparse', c.text);
      expect(diagnostics).toHaveLength(1);
      const d = diagnostics[0]!;
      expect({ code: d.code, line: d.span?.line, col: d.span?.col, message: d.message }).toEqual({
        code: c.code,
        line: c.line,
        col: c.col,
        message: c.message,
      });
      expect(d.file).toBe('bad.sparse');
      expect(d.severity).toBe('error');
      // No chevrotain jargon or token type names leak into messages.
      expect(d.message).not.toMatch(/RParen|LBrace|Identifier|IntLiteral|Kw_|EOF|-->|<--/);
    });
  }

  it('renders with a caret under the offending token', () => {
    const text = 'pattern sliding(window: int) = causal && q - k < windw §';
    const d = parseSource('dsl/bad.sparse', text).diagnostics[0]!;
    expect(renderDiagnostic(d, new Map([['dsl/bad.sparse', text]]))).toBe(
      ['dsl/bad.sparse:1:56: error SPC010: unexpected character \'§\'', `  ${text}`, `  ${' '.repeat(55)}^`].join('\n'),
    );
  });

  it('keeps non-ASCII characters in import paths and comments', () => {
    const { module, diagnostics } = parseSource('u.sparse', 'import "données/é.sparse" // ✓ café\n/* π */ pattern p = causal');
    expect(diagnostics).toEqual([]);
    expect(module.imports.map((i) => i.path)).toEqual(['données/é.sparse']);
    expect(module.decls[0]!.span).toMatchObject({ line: 2, col: 9 });
  });

  it('keeps the good declarations of a file with a broken one', () => {
    const text = 'pattern a = causal\npattern b = (\npattern c = q - k < 4\nkernel d = gemm { m = 1 }';
    const { module, diagnostics } = parseSource('f.sparse', text);
    expect(diagnostics.map((d) => [d.code, d.span?.line])).toEqual([['SPC011', 3]]);
    expect(module.decls.map((d) => d.name)).toEqual(['a', 'c', 'd']);
  });

  it('reports one problem per broken declaration, in source order', () => {
    const text = 'pattern a = \npattern b = x y\nkernel c = gemm { m = }\npattern d = $';
    const { diagnostics } = parseSource('f.sparse', text);
    expect(diagnostics.map((d) => [d.code, d.span?.line])).toEqual([
      ['SPC011', 2],
      ['SPC011', 2],
      ['SPC011', 3],
      ['SPC010', 4],
    ]);
  });

  it(`stops after ${MAX_DIAGNOSTICS_PER_FILE} diagnostics`, () => {
    const text = Array.from({ length: 200 }, (_, i) => `pattern p${i} = (`).join('\n');
    const { diagnostics } = parseSource('many.sparse', text);
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE);
    expect(diagnostics.every((d) => d.code === 'SPC011')).toBe(true);
    expect(diagnostics[0]!.span?.line).toBe(2);
  });

  it('treats a long operator chain as too deep only past the documented height', () => {
    const ok = parseSource('ok.sparse', `pattern p = ${Array.from({ length: 1000 }, () => 'k').join(' + ')} > 0`);
    expect(ok.diagnostics).toEqual([]);
    const tall = parseSource('tall.sparse', `pattern p = ${Array.from({ length: 5000 }, () => 'k').join(' + ')} > 0`);
    expect(tall.diagnostics.map((d) => d.code)).toEqual(['SPC004']);
    expect(tall.diagnostics[0]!.message).toBe('nesting is too deep (more than 1024 levels)');
    expect(tall.module.decls).toEqual([]);
  });
});
