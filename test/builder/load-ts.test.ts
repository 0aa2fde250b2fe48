/** @file Tests of `loadTsSpec`: example specs, multi-file specs, spans, and SPC008 for bad specs. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTsSpec } from '../../src/builder/load-ts.js';
import { parseSource } from '../../src/frontend/parse.js';
import { renderDiagnostic } from '../../src/diagnostics/render.js';
import type { Decl } from '../../src/frontend/ast.js';
import { stripAllSpans } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const load = (rel: string) => loadTsSpec(path.join(root, rel), rel);

/** The .sparse form of examples/specs/runtime-inputs.spec.ts, in source order. */
const RUNTIME_INPUTS_SPARSE = `
pattern document(doc: i32[kv_len]) = causal && doc[q] == doc[k]
kernel packed_prefill = attention(document) { heads = 8; head_dim = 64; seq = dynamic; dtype = f16 }
pattern vertical_slash(cols: list<i32>[batch, heads], diags: list<i32>[batch, heads]) =
  causal && (k in cols[b, h] || q - k in diags[b, h])
kernel minference = attention(vertical_slash) { heads = 4; head_dim = 64; q_len = 256; kv_len = 1024; outputs = out, lse }
kernel alibi_softcap = attention(causal) {
  heads = 16; head_dim = 128; seq = dynamic; dtype = f16
  slopes: f32[heads]
  score = 30 * tanh((score - slopes[h] * (q - k)) / 30)
}
kernel up_proj_24 = gemm { m = dynamic; n = 11008; k = 4096; weight = nm(2, 4); dtype = f16 }
kernel cats_down = gemm { m = 1; n = 4096; k = 11008; input = threshold(0.05); weight = dense; bias = f32[n]; epilogue = relu }
`;

const STREAMING_SPARSE = `pattern streaming(sinks: int = 4, window: int = 1024) = causal && (k < sinks || q - k < window)
kernel streaming_prefill = attention(streaming(window = 256)) { heads = 8; kv_heads = 2; head_dim = 64; seq = 4096; dtype = f32 }`;

function parsedDecls(text: string): unknown {
  const r = parseSource('x.sparse', text);
  expect(r.diagnostics).toEqual([]);
  return stripAllSpans(r.module.decls);
}

describe('loading example specs', () => {
  it('streaming.spec.ts gives the contract AST with spans in the spec', async () => {
    const { module, diagnostics } = await load('examples/specs/streaming.spec.ts');
    expect(diagnostics).toEqual([]);
    expect(module.file).toBe('examples/specs/streaming.spec.ts');
    expect(stripAllSpans(module.decls)).toEqual(parsedDecls(STREAMING_SPARSE));
    const [p, k] = module.decls as [Extract<Decl, { kind: 'pattern' }>, Extract<Decl, { kind: 'kernel' }>];
    expect([p.span.line, p.span.col, p.span.file]).toEqual([3, 1, 'examples/specs/streaming.spec.ts']);
    expect([p.nameSpan.line, p.nameSpan.col, p.nameSpan.length]).toEqual([3, 34, "'streaming'".length]);
    expect([p.params![1]!.span.line, p.params![1]!.span.col]).toEqual([3, 64]); // window: int(1024)
    expect(p.body.span.line).toBe(4);
    expect([k.span.line, k.nameSpan.line, k.nameSpan.col]).toEqual([6, 6, 41]);
    expect(k.pattern!.span.line).toBe(6);
    const kvHeads = k.fields.find((f) => f.kind === 'assign' && f.name === 'kv_heads')!;
    expect([kvHeads.span.line, kvHeads.span.col]).toEqual([7, 15]);
  });

  it('runtime-inputs.spec.ts equals its .sparse form, unexported pattern included', async () => {
    const { module, diagnostics } = await load('examples/specs/runtime-inputs.spec.ts');
    expect(diagnostics).toEqual([]);
    expect(stripAllSpans(module.decls)).toEqual(parsedDecls(RUNTIME_INPUTS_SPARSE));
  });

  it('follows relative imports of other .ts files', async () => {
    const { module, diagnostics } = await load('test/builder/fixtures/multi/main.spec.ts');
    expect(diagnostics).toEqual([]);
    expect(stripAllSpans(module.decls)).toEqual(parsedDecls('pattern sliding(window: int = 128) = causal && q - k < window\n' +
      'kernel local = attention(sliding(window = 256)) { heads = 2; head_dim = 16; seq = 512 }'));
    expect(module.decls[0]!.span).toMatchObject({ file: 'test/builder/fixtures/multi/shared.ts', line: 6, col: 1 });
    expect(module.decls[1]!.span).toMatchObject({ file: 'test/builder/fixtures/multi/main.spec.ts', line: 4, col: 1 });
  });
});

describe('bad specs give SPC008 with a place', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sparsec-builder-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function loadText(file: string, text: string) {
    writeFileSync(path.join(dir, file), text);
    const r = await loadTsSpec(path.join(dir, file), file);
    return { ...r, brief: r.diagnostics.map((d) => [d.code, d.message, d.span ? [d.span.line, d.span.col] : null]) };
  }

  const HEAD = "import { pattern, kernel, causal, q, k, int } from 'sparsec';\n";

  it('a TypeScript syntax error', async () => {
    const r = await loadText('syntax.spec.ts', `${HEAD}\nexport const p = pattern('p', causal.and(;\n`);
    expect(r.brief).toEqual([['SPC008', "error in TypeScript spec: ')' expected.", [3, 42]]]);
    expect(r.module.decls).toEqual([]);
    const text = renderDiagnostic(r.diagnostics[0]!, new Map([['syntax.spec.ts', `${HEAD}\nexport const p = pattern('p', causal.and(;\n`]]));
    expect(text).toBe([
      "syntax.spec.ts:3:42: error SPC008: error in TypeScript spec: ')' expected.",
      "  export const p = pattern('p', causal.and(;",
      '                                           ^',
    ].join('\n'));
  });

  it('a builder error thrown while the spec runs, at the offending call', async () => {
    const r = await loadText('throws.spec.ts', `${HEAD}\n\nexport const p = pattern('p', { w: int(1.5) }, causal);\n`);
    expect(r.brief).toEqual([['SPC008', 'error in TypeScript spec: an int value must be an integer, got 1.5', [4, 36]]]);
  });

  it('a plain runtime error, with its type', async () => {
    const r = await loadText('type.spec.ts', `${HEAD}const o: any = undefined;\nexport const p = pattern('p', o.x);\n`);
    expect(r.brief).toEqual([['SPC008', "error in TypeScript spec: TypeError: Cannot read properties of undefined (reading 'x')", [3, 33]]]);
  });

  it('an unknown pattern argument, at the call', async () => {
    const r = await loadText('arg.spec.ts', `${HEAD}const s = pattern('s', { window: int() }, ({ window }) => q.sub(k).lt(window));\n` +
      "export const a = kernel.attention('a', s({ windw: 3 } as never), { heads: 1, headDim: 8, seq: 8 });\n");
    expect(r.brief).toEqual([['SPC008', "error in TypeScript spec: pattern 's' has no parameter 'windw' (parameters: window)", [3, 40]]]);
  });

  it('an import that does not resolve', async () => {
    const r = await loadText('imp.spec.ts', `${HEAD}import { x } from './nope.js';\nexport const p = pattern('p', x);\n`);
    expect(r.brief).toEqual([['SPC008', "error in TypeScript spec: cannot resolve import './nope.js'", [2, 19]]]);
  });

  it('a syntax error in an imported file is reported in that file', async () => {
    writeFileSync(path.join(dir, 'helper.ts'), 'export const w = ;\n');
    const r = await loadText('uses-helper.spec.ts', `${HEAD}import { w } from './helper.js';\nexport const p = pattern('p', q.sub(k).lt(w));\n`);
    expect(r.diagnostics.map((d) => [d.file, d.span?.line, d.span?.col])).toEqual([['helper.ts', 1, 18]]);
  });

  it('a spec that exports no declarations, or throws a non-error', async () => {
    expect((await loadText('none.spec.ts', 'export const x = 1;\n')).brief).toEqual([
      ['SPC008', "error in TypeScript spec: the spec exports no pattern or kernel declarations (write 'export const x = pattern(...)' or 'kernel.attention(...)')", null],
    ]);
    expect((await loadText('str.spec.ts', "throw 'boom';\n")).brief).toEqual([['SPC008', 'error in TypeScript spec: the spec threw boom', null]]);
  });

  it('locates computed names by their export, and default exports', async () => {
    const r = await loadText('computed.spec.ts', `${HEAD}const make = (w: number) => pattern(\`win_\${w}\`, q.sub(k).lt(w));\n\n` +
      "export const win64 = make(64);\nexport default kernel.gemm('g', { m: 1, n: 8, k: 8 });\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.module.decls.map((d) => [d.name, d.span.line, d.span.col, d.nameSpan.line, d.nameSpan.col])).toEqual([
      ['win_64', 4, 1, 4, 14], // `export const win64 = ...`, name at `win64`
      ['g', 5, 1, 5, 28], // `export default ...`, name at the call's name string
    ]);
  });

  it('a file that cannot be read', async () => {
    const r = await loadTsSpec(path.join(dir, 'missing.spec.ts'), 'missing.spec.ts');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'SPC008', span: null, file: 'missing.spec.ts' });
    expect(r.diagnostics[0]!.message).toMatch(/cannot read 'missing.spec.ts'/);
  });

  it('an expression taller than the parser allows gives SPC004 and drops the declaration', async () => {
    const r = await loadText('tall.spec.ts', `${HEAD}let e = q.lt(0);\nfor (let i = 0; i < 2000; i++) e = e.or(k.eq(i));\n` +
      "export const tall = pattern('tall', e);\nexport const ok = pattern('ok', causal);\n");
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SPC004']);
    expect(r.module.decls.map((d) => d.name)).toEqual(['ok']);
  });
});
