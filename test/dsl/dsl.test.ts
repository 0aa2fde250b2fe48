/**
 * @file The seed systems in `dsl/` check clean, cite their papers, and use every language feature;
 * every ```sparse example of docs/language.md checks clean; docs/coverage.md names real kernels.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/check.js';
import { renderDiagnostic } from '../../src/diagnostics/render.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { AttentionKernel, GemmKernel, Kernel } from '../../src/model/kernel.js';
import type { CExpr } from '../../src/model/expr.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Systems (papers) that a kernel's header comment may name; each kernel must name at least one. */
const KNOWN_SYSTEMS = [
  'StreamingLLM', 'LM-Infinite', 'MInference', 'FlexPrefill', 'SeerAttention', 'ProxyAttn', 'NSA',
  'Flash Sparse Attention', 'InfLLM-V2', 'MiniCPM4', 'PowerAttention', 'S2-Attention', 'MoA',
  'DuoAttention', 'LServe', 'RazorAttention', 'BlockRank', 'Routing Transformer', 'HyperAttention',
  'SparseD', 'AdaSpa', 'HiP', 'SEA', 'Double Sparsity', 'TidalDecode', 'TokenSelect', 'Spark Transformer',
  'RetrievalAttention', 'VASparse', 'DMA', 'AnchorAttention', 'Qwen2.5-1M', 'LongHeads', 'DHSA',
  'BiFormer', 'DySpec', 'Token Recycling', 'PPD', 'SETRec', 'LLM-QL', 'REFRAG', 'ULLME',
  'Dataset Decomposition', 'SQA', 'Sigma', 'Compress KV Heads', 'Multi-query attention', 'ALiBi',
  'Selective Attention', 'MaskLLM', 'CAST', 'Essential Sparsity', 'Progressive Gradient Flow', 'BDWP',
  'Fast Sparse ConvNets', 'SquareHead', 'Intel CPU sparse accelerator', 'SparseByteNN', 'GQSA',
  'SliceGPT', 'CATS', 'ProSparse', 'Lazy Neuron', 'WINA', 'Kinetics', 'PAROAttention', 'Sparsifiner',
  'Transformer-XL', 'T5', 'FlexAttention', 'PagedAttention',
];

/** A catalogue reference such as [A:A16] or [B:W1], or an explicit note that the work is not catalogued. */
const CATALOGUE_REF = /\[(A|B):[A-Z]\d+\]|not in the seed catalogue/;

interface Checked {
  readonly kernels: Kernel[];
  readonly rendered: string[];
}

/** Loads and checks `paths`, rendering every diagnostic of both stages. */
async function loadAndCheck(paths: string[], cwd: string): Promise<Checked> {
  const program = await loadProgram(paths, { cwd });
  const checked = checkProgram(program);
  const all: Diagnostic[] = [...program.diagnostics, ...checked.diagnostics];
  return { kernels: checked.kernels, rendered: all.map((d) => renderDiagnostic(d, program.sources)) };
}

/**
 * The comment lines that introduce the kernel declared at `line` (1-based) of `text`: every `//`
 * line between the previous kernel declaration (or the start of the file) and this one, so that a
 * comment above a pattern written for the kernel counts.
 */
function introducingComment(text: string, line: number): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (let i = line - 2; i >= 0 && !/^\s*kernel\s/.test(lines[i]!); i--) {
    if (lines[i]!.trim().startsWith('//')) out.unshift(lines[i]!.trim());
  }
  return out.join('\n');
}

/** Every node of a core expression, depth first. */
function* nodes(e: CExpr): Generator<CExpr> {
  yield e;
  switch (e.op) {
    case 'unary': yield* nodes(e.arg); break;
    case 'binary': yield* nodes(e.a); yield* nodes(e.b); break;
    case 'select': yield* nodes(e.cond); yield* nodes(e.then); yield* nodes(e.else); break;
    case 'table': yield* nodes(e.index); break;
    case 'load': for (const i of e.indices) yield* nodes(i); break;
    case 'member': for (const i of e.indices) yield* nodes(i); yield* nodes(e.value); break;
    default: break;
  }
}

/** The set of operation names (`binary:mod`, `unary:popcount`, `table`...) used by the expressions. */
function opsUsed(exprs: readonly CExpr[]): Set<string> {
  const ops = new Set<string>();
  for (const root of exprs) {
    for (const n of nodes(root)) ops.add(n.op === 'unary' || n.op === 'binary' ? `${n.op}:${n.fn}` : n.op);
  }
  return ops;
}

describe('dsl/: the seed systems', () => {
  let checked: Checked;
  let attention: AttentionKernel[];
  let gemm: GemmKernel[];

  beforeAll(async () => {
    checked = await loadAndCheck([path.join(ROOT, 'dsl')], ROOT);
    attention = checked.kernels.filter((k): k is AttentionKernel => k.kind === 'attention');
    gemm = checked.kernels.filter((k): k is GemmKernel => k.kind === 'gemm');
  });

  it('checks clean', () => {
    expect(checked.rendered).toEqual([]);
  });

  it('has at least 30 kernels with unique names', () => {
    expect(checked.kernels.length).toBeGreaterThanOrEqual(30);
    const names = checked.kernels.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every kernel a comment naming its paper and catalogue row', async () => {
    const problems: string[] = [];
    for (const kernel of checked.kernels) {
      const text = await readFile(path.resolve(ROOT, kernel.origin.file), 'utf8');
      const comment = introducingComment(text, kernel.origin.line);
      if (!KNOWN_SYSTEMS.some((s) => comment.includes(s))) problems.push(`${kernel.name}: no paper named`);
      if (!CATALOGUE_REF.test(comment)) problems.push(`${kernel.name}: no catalogue reference`);
    }
    expect(problems).toEqual([]);
  });

  it('uses every attention feature of the language', () => {
    const inputKinds = new Set(attention.flatMap((k) => k.inputs.map((i) => (i.kind === 'tensor' ? `tensor:${i.elem}` : i.kind))));
    expect([...inputKinds].sort()).toEqual(['blocks', 'list', 'tensor:bool', 'tensor:f32', 'tensor:i32']);
    const ops = opsUsed(attention.flatMap((k) => (k.score ? [k.mask, k.score] : [k.mask])));
    for (const op of ['table', 'member', 'load', 'select', 'size', 'unary:popcount', 'unary:not', 'unary:tanh',
      'binary:mod', 'binary:div', 'binary:min', 'binary:max', 'binary:band', 'binary:bor', 'binary:bxor',
      'binary:shl', 'binary:shr']) {
      expect(ops, op).toContain(op);
    }
    expect(attention.some((k) => k.score !== null)).toBe(true);
    expect(attention.some((k) => k.outputs.includes('lse'))).toBe(true);
    expect(attention.some((k) => k.scale !== null)).toBe(true);
    expect(attention.some((k) => Object.keys(k.schedules).length > 0)).toBe(true);
    expect(attention.some((k) => k.valueDim !== k.headDim)).toBe(true);
    expect(attention.some((k) => k.batch === 'dynamic')).toBe(true);
    expect(attention.some((k) => k.qLen === 1 && k.kvLen === 'dynamic')).toBe(true);
    expect(attention.some((k) => k.kvHeads === 1)).toBe(true);
    expect(attention.some((k) => typeof k.kvHeads === 'number' && typeof k.heads === 'number' && k.kvHeads > 1 && k.kvHeads < k.heads)).toBe(true);
    expect(new Set(attention.map((k) => k.dtype))).toEqual(new Set(['f32', 'f16', 'bf16']));
  });

  it('uses every gemm feature of the language', () => {
    expect(new Set(gemm.map((k) => k.weight.format))).toEqual(new Set(['dense', 'nm', 'bsr', 'csr']));
    expect(new Set(gemm.map((k) => k.epilogue))).toEqual(new Set(['none', 'relu', 'silu', 'gelu']));
    expect(gemm.some((k) => k.bias)).toBe(true);
    expect(gemm.some((k) => k.threshold !== null)).toBe(true);
    expect(gemm.some((k) => k.m === 'dynamic')).toBe(true);
  });

  it('keeps sizes small enough for verification in CI', () => {
    const num = (s: number | 'dynamic', dynamicValue: number): number => (s === 'dynamic' ? dynamicValue : s);
    for (const k of attention) {
      expect(num(k.heads, 4), k.name).toBeLessThanOrEqual(16);
      expect(num(k.headDim, 32), k.name).toBeLessThanOrEqual(128);
      expect(num(k.kvLen, 257), k.name).toBeLessThanOrEqual(1024);
      // The O(n^2) reference costs about heads * head_dim per (query, key) pair; decode has one query.
      if (k.qLen !== 1) expect(num(k.heads, 4) * num(k.headDim, 32), k.name).toBeLessThanOrEqual(1024);
    }
    for (const k of gemm) {
      expect(num(k.n, 64) * num(k.k, 128), k.name).toBeLessThanOrEqual(2 ** 21);
    }
  });

  it('is described by docs/coverage.md, which names only real kernels', async () => {
    const coverage = await readFile(path.join(ROOT, 'docs/coverage.md'), 'utf8');
    const byName = new Map(checked.kernels.map((k) => [k.name, k]));
    const refs = [...coverage.matchAll(/([a-z0-9-]+\.sparse):([A-Za-z0-9_]+)/g)];
    expect(refs.length).toBeGreaterThanOrEqual(30);
    const wrong = refs
      .filter(([, file, name]) => !byName.get(name!) || path.basename(byName.get(name!)!.origin.file) !== file)
      .map(([ref]) => ref);
    expect(wrong).toEqual([]);
    const cited = new Set(refs.map(([, , name]) => name));
    expect(checked.kernels.map((k) => k.name).filter((n) => !cited.has(n))).toEqual([]);
  });

  it('has a coverage summary that matches its rows', async () => {
    const coverage = await readFile(path.join(ROOT, 'docs/coverage.md'), 'utf8');
    const statuses = ['expressed', 'partly', 'not expressible', 'n/a'];
    for (const [catalogue, rows] of [['A', 91], ['B', 80]] as const) {
      const found = [...coverage.matchAll(new RegExp(`^\\| ${catalogue}:[A-Z]\\d+ \\| [^|]+ \\| ([a-z/ ]+?) \\|`, 'gm'))].map((m) => m[1]!);
      expect(found.length, catalogue).toBe(rows);
      const counts = statuses.map((s) => found.filter((f) => f === s).length);
      expect(coverage, catalogue).toContain(`| ${catalogue} | ${rows} | ${counts.join(' | ')} |`);
    }
  });
});

describe('docs/language.md examples', () => {
  let dir: string;
  let blocks: { file: string; text: string }[];

  beforeAll(async () => {
    const doc = await readFile(path.join(ROOT, 'docs/language.md'), 'utf8');
    blocks = [...doc.matchAll(/```sparse\n([\s\S]*?)```/g)].map((m, i) => {
      const text = m[1]!;
      const named = /^\/\/ file: ([\w.-]+\.sparse)/.exec(text);
      return { file: named ? named[1]! : `example-${String(i + 1).padStart(2, '0')}.sparse`, text };
    });
    dir = await mkdtemp(path.join(tmpdir(), 'sparsec-doc-'));
    // All blocks are written before any is checked, so that imports between them resolve.
    for (const b of blocks) await writeFile(path.join(dir, b.file), b.text);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has examples of every kind of declaration', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(15);
    const all = blocks.map((b) => b.text).join('\n');
    for (const construct of ['import "', 'pattern ', '= attention(', '= gemm', 'schedule ', 'list<i32>', 'blocks<',
      'score =', 'outputs = out, lse', 'value_dim', 'scale =', 'threshold(', 'nm(', 'bsr(', 'csr', 'bias =',
      'epilogue =', 'popcount(', '*]', ' in ', '?']) {
      expect(all, construct).toContain(construct);
    }
  });

  it('checks every example clean, each file on its own', async () => {
    const failures: string[] = [];
    let kernels = 0;
    for (const b of blocks) {
      const result = await loadAndCheck([path.join(dir, b.file)], dir);
      kernels += result.kernels.length;
      failures.push(...result.rendered.map((r) => `${b.file}:\n${r}`));
    }
    expect(failures).toEqual([]);
    expect(kernels).toBeGreaterThanOrEqual(15);
  });
});
