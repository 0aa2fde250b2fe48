/** @file Golden AST snapshots of the contract's examples (§2-§4) and of our own fixtures. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/frontend/parse.js';
import { printModule } from '../../src/frontend/print.js';
import { compactSpans, stripSpans } from '../../src/frontend/strip-spans.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const groups = ['contract', 'own'];

describe('golden ASTs', () => {
  for (const group of groups) {
    const dir = path.join(here, 'fixtures', group);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.sparse')).sort()) {
      const file = `${group}/${name}`;
      const text = readFileSync(path.join(dir, name), 'utf8');

      it(`${file} parses cleanly and matches its golden`, async () => {
        const { module, diagnostics } = parseSource(file, text);
        expect(diagnostics).toEqual([]);
        expect(module.decls.length + module.imports.length).toBeGreaterThan(0);
        const golden = `${JSON.stringify(compactSpans(module), null, 2)}\n`;
        await expect(golden).toMatchFileSnapshot(path.join(here, '__snapshots__', `${group}-${name.replace(/\.sparse$/, '')}.ast.json`));
      });

      it(`${file} prints and re-parses to the same AST`, () => {
        const first = parseSource(file, text).module;
        const printed = printModule(first);
        const second = parseSource(file, printed);
        expect(second.diagnostics).toEqual([]);
        expect(stripSpans(second.module)).toEqual(stripSpans(first));
        // Printing is a fixed point after one round.
        expect(printModule(second.module)).toBe(printed);
      });
    }
  }

  it('gives every node a span that covers its source text', () => {
    const text = 'pattern p(w: int = 4) = causal && (k < w || q - k < 2 * w)\n';
    const { module } = parseSource('p.sparse', text);
    const decl = module.decls[0]!;
    expect(text.slice(decl.span.offset, decl.span.offset + decl.span.length)).toBe(text.trimEnd());
    if (decl.kind !== 'pattern') throw new Error('expected a pattern');
    const body = decl.body;
    expect(text.slice(body.span.offset, body.span.offset + body.span.length)).toBe('causal && (k < w || q - k < 2 * w)');
    expect(body).toMatchObject({ kind: 'binary', op: '&&', span: { line: 1, col: 25, endLine: 1, endCol: 59 } });
    if (body.kind !== 'binary') throw new Error('expected a binary');
    // The right operand's extent includes its parentheses; its node span is the inner expression.
    expect(text.slice(body.right.span.offset, body.right.span.offset + body.right.span.length)).toBe('k < w || q - k < 2 * w');
    expect(decl.params![0]!.span).toMatchObject({ line: 1, col: 11, endCol: 21 });
    expect(decl.nameSpan).toMatchObject({ line: 1, col: 9, endCol: 10, offset: 8, length: 1 });
  });
});
