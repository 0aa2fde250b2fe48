/** @file Tests of kernels and `toModule`: the contract example, field mapping, dependencies, spans. */
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  pattern, kernel, causal, q, k, h, int, f32, lit, tanh, nm, bsr, threshold, toModule, collectDefinitions, name,
} from '../../src/builder/index.js';
import type { Module, Span } from '../../src/frontend/ast.js';
import { respan } from '../../src/builder/module.js';
import { A, stripAllSpans } from './helpers.js';

/** The contract's builder example (§6). */
function contractExports(): Record<string, unknown> {
  const streaming = pattern('streaming', { sinks: int(4), window: int(1024) },
    ({ sinks, window }) => causal.and(k.lt(sinks).or(q.sub(k).lt(window))));
  const prefill = kernel.attention('streaming_prefill', streaming({ window: 256 }),
    { heads: 8, kvHeads: 2, headDim: 64, seq: 4096, dtype: 'f32' });
  return { streaming, prefill };
}

const CONTRACT_SPARSE = `pattern streaming(sinks: int = 4, window: int = 1024) =
  causal && (k < sinks || q - k < window)

kernel streaming_prefill = attention(streaming(window = 256)) {
  heads = 8
  kv_heads = 2
  head_dim = 64
  seq = 4096
  dtype = f32
}
`;

const assign = (name: string, ...values: unknown[]) => ({ kind: 'assign', name, values });

/** The expected span-free AST of CONTRACT_SPARSE, by hand. */
const CONTRACT_AST = {
  file: 'streaming.spec.ts',
  imports: [],
  decls: [
    {
      kind: 'pattern',
      name: 'streaming',
      params: [
        { name: 'sinks', type: { kind: 'scalar', name: 'int' }, default: A.int(4) },
        { name: 'window', type: { kind: 'scalar', name: 'int' }, default: A.int(1024) },
      ],
      body: A.bin('&&', A.name('causal'), A.bin('||', A.bin('<', A.name('k'), A.name('sinks')), A.bin('<', A.bin('-', A.name('q'), A.name('k')), A.name('window')))),
    },
    {
      kind: 'kernel',
      name: 'streaming_prefill',
      op: 'attention',
      pattern: A.call('streaming', [['window', A.int(256)]]),
      fields: [assign('heads', A.int(8)), assign('kv_heads', A.int(2)), assign('head_dim', A.int(64)), assign('seq', A.int(4096)), assign('dtype', A.name('f32'))],
    },
  ],
};

const parsePath = fileURLToPath(new URL('../../src/frontend/parse.ts', import.meta.url));

describe('the contract example', () => {
  it('gives the expected AST', () => {
    expect(stripAllSpans(toModule('streaming.spec.ts', contractExports()))).toEqual(CONTRACT_AST);
  });

  it.runIf(existsSync(parsePath))('equals the parsed AST of the same .sparse text', async () => {
    const { parseSource } = (await import(parsePath)) as { parseSource: (f: string, t: string) => { module: Module; diagnostics: unknown[] } };
    const parsed = parseSource('streaming.sparse', CONTRACT_SPARSE);
    expect(parsed.diagnostics).toEqual([]);
    const built = toModule('streaming.sparse', contractExports());
    expect(stripAllSpans(built)).toEqual(stripAllSpans(parsed.module));
  });
});

describe('kernel fields', () => {
  it('maps attention fields, inputs, score, outputs and schedules', () => {
    const alibi = kernel.attention('alibi_softcap', causal, {
      batch: 'dynamic', heads: 16, headDim: 128, valueDim: 64, qLen: 1, kvLen: 'dynamic', dtype: 'f16', scale: 0.125,
      inputs: { slopes: f32('heads') },
      score: (s, { slopes }) => lit(30).mul(tanh(s.sub(slopes!.at(h).mul(q.sub(k))).div(30))),
      outputs: ['out', 'lse'],
      schedule: { wasm: { tileQ: 64, unroll: true, order: 'row_major' } },
    });
    const m = stripAllSpans(toModule('f', { alibi })) as { decls: { fields: unknown[]; pattern: unknown }[] };
    expect(m.decls[0]!.pattern).toEqual(A.name('causal'));
    expect(m.decls[0]!.fields).toEqual([
      assign('batch', A.name('dynamic')), assign('heads', A.int(16)), assign('head_dim', A.int(128)), assign('value_dim', A.int(64)),
      assign('q_len', A.int(1)), assign('kv_len', A.name('dynamic')), assign('dtype', A.name('f16')), assign('scale', A.float(0.125, '0.125')),
      { kind: 'input', name: 'slopes', type: { kind: 'tensor', elem: 'f32', axes: [{ kind: 'name', name: 'heads' }] } },
      assign('score', A.bin('*', A.int(30), A.call('tanh', [[null, A.bin('/', A.bin('-', A.name('score'), A.bin('*', A.index('slopes', [A.name('h')]), A.bin('-', A.name('q'), A.name('k')))), A.int(30))]]))),
      assign('outputs', A.name('out'), A.name('lse')),
      { kind: 'schedule', target: 'wasm', items: [{ name: 'tile_q', value: A.int(64) }, { name: 'unroll', value: A.bool(true) }, { name: 'order', value: A.name('row_major') }] },
    ]);
  });

  it('maps gemm fields and weight formats', () => {
    const g = (weight: Parameters<typeof kernel.gemm>[1]['weight']) => kernel.gemm('g', { m: 'dynamic', n: 8, k: 16, weight });
    const fieldsOf = (ref: unknown) => (stripAllSpans(toModule('f', { ref })) as { decls: { fields: unknown[]; op: string; pattern: unknown }[] }).decls[0]!;
    expect(fieldsOf(g(nm(2, 4))).fields[3]).toEqual(assign('weight', A.call('nm', [[null, A.int(2)], [null, A.int(4)]])));
    expect(fieldsOf(g(bsr(4, 1))).fields[3]).toEqual(assign('weight', A.call('bsr', [[null, A.int(4)], [null, A.int(1)]])));
    expect(fieldsOf(g('csr')).fields[3]).toEqual(assign('weight', A.name('csr')));
    const cats = fieldsOf(kernel.gemm('cats', { m: 1, n: 4, k: 8, input: threshold(0.05), bias: true, epilogue: 'gelu' }));
    expect(cats.op).toBe('gemm');
    expect(cats.pattern).toBeNull();
    expect(cats.fields.slice(3)).toEqual([
      assign('input', A.call('threshold', [[null, A.float(0.05, '0.05')]])),
      assign('bias', A.index('f32', [A.name('n')])),
      assign('epilogue', A.name('gelu')),
    ]);
    expect(fieldsOf(kernel.gemm('nb', { m: 1, n: 4, k: 8, bias: false })).fields).toHaveLength(3);
  });

  it('rejects bad names and values with builder errors', () => {
    expect(() => kernel.gemm('1x', { m: 1, n: 1, k: 1 })).toThrow(/kernel name/);
    expect(() => kernel.gemm('g', { m: 1, n: 1, k: 1, weight: 'not a name' as never })).toThrow(/field 'weight'/);
    expect(() => kernel.attention('a', causal, { heads: 1, headDim: 8, seq: 8, inputs: { s: int() as never } })).toThrow(/runtime type/);
    expect(() => kernel.attention('a', 3 as never, null as never)).toThrow(/fields must be an object/);
    expect(() => causal.and(kernel.gemm('g', { m: 1, n: 1, k: 1 }) as never)).toThrow(/cannot be used in an expression/);
  });
});

describe('toModule', () => {
  it('collects unexported patterns that exports use, each once, dependencies first', () => {
    const base = pattern('base', { w: int(4) }, ({ w }) => causal.and(q.sub(k).lt(w)));
    const mid = pattern('mid', base({ w: 8 }).or(k.eq(0)));
    const top = kernel.attention('top', mid.and(base), { heads: 1, headDim: 8, seq: 16 });
    const ds = collectDefinitions({ top, alias: top, helper: 42, mid });
    expect(ds.map((d) => [d.def.name, d.exportName])).toEqual([['base', null], ['mid', 'mid'], ['top', 'top']]);
    const m = toModule('x.spec.ts', { top });
    expect(m.decls.map((d) => d.name)).toEqual(['base', 'mid', 'top']);
    expect(m.decls[1]).toMatchObject({ kind: 'pattern', params: null });
  });

  it('ignores exports that are not declarations', () => {
    expect(toModule('x', { a: 1, b: name('q'), c: () => 0, d: null }).decls).toEqual([]);
  });

  it('gives spans from the locator: declaration, name, parameters and fields', () => {
    const mk = (line: number, col: number): Span => ({ file: 'x.ts', line, col, endLine: line, endCol: col + 1, offset: line * 100 + col, length: 1 });
    const parts = new Map([['window', mk(2, 5)], ['body', mk(3, 5)], ['heads', mk(4, 5)], ['pattern', mk(5, 5)]]);
    const p = pattern('p', { window: int(4) }, ({ window }) => q.sub(k).lt(window));
    const kk = kernel.attention('kk', p, { heads: 2, headDim: 8, seq: 8 });
    const m = toModule('x.ts', { p, kk }, { locate: (d) => ({ span: mk(1, 1), nameSpan: mk(1, d.kind === 'pattern' ? 20 : 30), parts }) });
    const [pd, kd] = m.decls as [Extract<Module['decls'][number], { kind: 'pattern' }>, Extract<Module['decls'][number], { kind: 'kernel' }>];
    expect(pd.span).toEqual(mk(1, 1));
    expect(pd.nameSpan).toEqual(mk(1, 20));
    expect(pd.params![0]!.span).toEqual(mk(2, 5));
    expect(pd.params![0]!.default!.span).toEqual(mk(2, 5));
    expect(pd.body.span).toEqual(mk(3, 5));
    expect(kd.nameSpan).toEqual(mk(1, 30));
    expect(kd.pattern!.span).toEqual(mk(5, 5));
    expect(kd.fields[0]!.span).toEqual(mk(4, 5));
    expect(kd.fields[1]!.span).toEqual(mk(1, 1)); // headDim has no part span: the declaration's
  });

  it('without a locator, every span is the start of the file', () => {
    const m = toModule('f.ts', contractExports());
    const spans: Span[] = [];
    const walk = (x: unknown, key = ''): void => {
      if (Array.isArray(x)) x.forEach((v) => walk(v));
      else if (typeof x === 'object' && x !== null) {
        if (key === 'span' || key.endsWith('Span')) spans.push(x as Span);
        else for (const [kk, v] of Object.entries(x)) walk(v, kk);
      }
    };
    walk(m);
    expect(spans.length).toBeGreaterThan(20);
    for (const s of spans) expect(s).toEqual({ file: 'f.ts', line: 1, col: 1, endLine: 1, endCol: 1, offset: 0, length: 0 });
  });

  it('respan keeps null spans null', () => {
    const s: Span = { file: 'a', line: 2, col: 3, endLine: 2, endCol: 4, offset: 5, length: 1 };
    expect(respan({ name: null, nameSpan: null, value: { kind: 'int', value: 1, span: null } }, s)).toEqual({ name: null, nameSpan: null, value: { kind: 'int', value: 1, span: null } });
    expect(respan({ kind: 'name', name: 'q', span: {} }, s)).toEqual({ kind: 'name', name: 'q', span: s });
  });
});
