/**
 * @file Vertical-slash selectors (`select(last_queries(N))`, MInference's estimate): the float64 reference (column
 * and offset sums of the last queries' causal softmax, top KV / KS with forced first columns and nearest offsets
 * counted among them, ties to the lower index, sorted lists), small selectors against it on interp and wasm (the
 * library test covers webgpu and neon), dsl/selectors.sparse:minference_vs_est at kv_len 8192 on wasm, and that verify
 * catches a wrong, unsorted, out-of-range or unwritten list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProgram } from '../../src/checker/check.js';
import { loadProgram } from '../../src/frontend/load.js';
import { formatReport } from '../../src/harness/report.js';
import { prepareSelect, runSelectCase } from '../../src/harness/select-case.js';
import type { VerticalSlashCaseData } from '../../src/harness/select-vslash-case.js';
import type { CompiledKernel } from '../../src/harness/target.js';
import { verifyKernels } from '../../src/harness/verify.js';
import { printKernel } from '../../src/ir/print.js';
import type { AttentionSizes } from '../../src/model/kernel.js';
import type { SelectKernel } from '../../src/model/select.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { referenceVerticalSlash } from '../../src/reference/select-vslash.js';
import { interpTarget } from '../../src/targets/interp/target.js';
import { wasmTarget } from '../../src/targets/wasm/target.js';

/** Checks `text` and returns its selector kernels (and the checker's diagnostics). */
async function selectors(text: string): Promise<{ kernels: SelectKernel[]; codes: string[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sparsec-vslash-'));
  const file = path.join(dir, 'vs.sparse');
  await writeFile(file, text);
  const checked = checkProgram(await loadProgram([file], { cwd: dir }));
  await rm(dir, { recursive: true, force: true });
  return { kernels: checked.kernels.filter((k): k is SelectKernel => k.kind === 'select'), codes: checked.diagnostics.map((d) => d.code) };
}

const tiny = (kv: number, ks: number, force: string): string =>
  `kernel tiny = select(last_queries(2)) { heads = 1; head_dim = 1; seq = 4; scale = 1.0; rule = vertical_slash(${kv}, ${ks})${force} }\n`;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TINY: AttentionSizes = { batch: 1, heads: 1, kvHeads: 1, headDim: 1, valueDim: 1, qLen: 4, kvLen: 4 };

describe('the vertical-slash reference', () => {
  const ref = async (kv: number, ks: number, force: string, q: number[], k: number[]) => {
    const kernel = (await selectors(tiny(kv, ks, force))).kernels[0]!;
    return referenceVerticalSlash(kernel, kernel.vslash!, TINY, new Float32Array(q), new Float32Array(k));
  };
  it('equal sums go to the lower column and the smaller offset', async () => {
    // all scores 0: query 2 gives keys 0..2 1/3 each, query 3 keys 0..3 1/4 each; columns 0..2 and offsets 0..2 tie
    const r = await ref(2, 2, '', [0, 0, 0, 0], [0, 0, 0, 0]);
    expect([...r.out]).toEqual([0, 1, /* offsets */ 0, 1]);
    expect(r.vertical[0]).toBeCloseTo(1 / 3 + 1 / 4, 12);
    expect(r.vertical[3]).toBeCloseTo(1 / 4, 12);
    expect(r.slash[3]).toBeCloseTo(1 / 4, 12);
  });
  it('keeps the heaviest column and diagonal, lists sorted; forced entries count among KV / KS', async () => {
    // query 3 (q = 1) puts ~0.98 on key 3: column 3 and offset 0 (3 - 3) lead; query 2 spreads 1/3 over keys 0..2
    const q = [0, 0, 1, 1];
    const k = [0, 0, 0, 5];
    expect([...(await ref(2, 2, '', q, k)).out]).toEqual([0, 3, /* offsets */ 0, 1]);
    // first(2): columns 0 and 1 forced, so column 3 no longer fits in KV = 2; diagonal(1) changes nothing here
    expect([...(await ref(2, 2, '; force = first(2), diagonal(1)', q, k)).out]).toEqual([0, 1, 0, 1]);
    // diagonal(2) with KS = 3: offsets 0, 1 forced, then the best of offsets 2 (0.34) and 3 (0.007)
    expect([...(await ref(1, 3, '; force = diagonal(2)', q, k)).out]).toEqual([3, 0, 1, 2]);
  });
  it('interp and wasm break exact ties as the reference does', async () => {
    const kernel = (await selectors(tiny(2, 2, ''))).kernels[0]!;
    for (const target of [interpTarget, wasmTarget]) {
      const compiled = await target.compile(kernel);
      const out = new Float32Array(4);
      await compiled.runAttention!(TINY, { q: new Float32Array(4), k: new Float32Array(4), v: new Float32Array(0), runtime: {} }, { out });
      expect([...out], target.name).toEqual([0, 1, 0, 1]);
      await compiled.dispose?.();
    }
  });
  it('lists are as long as min(KV, kv_len) and min(KS, kv_len)', async () => {
    const r = await ref(9, 3, '', [0, 0, 1, 1], [1, 2, 3, 4]);
    expect([r.nv, r.ns]).toEqual([4, 3]);
    expect([...r.out.subarray(0, 4)]).toEqual([0, 1, 2, 3]);
  });
});

const SMALL = `kernel vs_small = select(last_queries(16)) {
  heads = 2; kv_heads = 1; head_dim = 16; seq = dynamic
  rule = vertical_slash(12, 10)
  force = first(3), diagonal(2)
}
kernel vs_static = select(last_queries(64)) {
  batch = 2; heads = 2; head_dim = 8; seq = 160; scale = 0.5
  rule = vertical_slash(20, 9)
}
`;

describe('small vertical-slash selectors on interp and wasm', () => {
  let kernels: SelectKernel[];
  beforeAll(async () => {
    kernels = (await selectors(SMALL)).kernels;
  });

  it('match the float64 reference on every size case', async () => {
    const report = await verifyKernels(kernels, [interpTarget, wasmTarget], { seed: 3 });
    expect(report.results.filter((r) => r.status !== 'pass'), formatReport(report)).toEqual([]);
    expect(report.results.length).toBeGreaterThanOrEqual(2 * (7 + 1));
  }, 120_000);

  it('lower through the lower-select stage with existing ops only (no sort)', () => {
    const { stages } = runPipeline(kernels[0]!, 'wasm');
    expect(stages[0]!.name).toBe('lower-select');
    const text = printKernel(stages[0]!.ir);
    expect(text).toContain('gather');
    expect(text).not.toMatch(/\bsort\b/);
  });
});

describe('dsl/selectors.sparse:minference_vs_est at its own scale', () => {
  it('keeps 1000 of 8192 columns and 6096 of 8192 offsets per head on wasm, as the reference does', async () => {
    // verify's size cases stop at kv_len 257, below KV = 1000, where every column is kept; this case is not
    const program = await loadProgram([path.join(ROOT, 'dsl/selectors.sparse')], { cwd: ROOT });
    const kernel = checkProgram(program).kernels.find((k): k is SelectKernel => k.name === 'minference_vs_est')!;
    const sizes: AttentionSizes = { batch: 1, heads: 4, kvHeads: 4, headDim: 64, valueDim: 64, qLen: 1500, kvLen: 8192 };
    const data = prepareSelect(kernel, { label: 'chunk 1500 of 8192', sizes }, 1) as VerticalSlashCaseData;
    expect([data.reference.nv, data.reference.ns]).toEqual([1000, 6096]);
    const o = await runSelectCase(await wasmTarget.compile(kernel), data);
    expect(o.detail).toBe('1000 columns and 6096 offsets of 8192 per head');
    expect(o.pass).toBe(true);
  }, 120_000);
});

describe('verify catches a wrong vertical-slash list', () => {
  let kernel: SelectKernel;
  let data: VerticalSlashCaseData;
  let real: CompiledKernel;
  const sizes: AttentionSizes = { batch: 1, heads: 2, kvHeads: 1, headDim: 16, valueDim: 16, qLen: 200, kvLen: 200 };
  beforeAll(async () => {
    kernel = (await selectors(SMALL)).kernels[0]!;
    data = prepareSelect(kernel, { label: 'declared', sizes }, 1) as VerticalSlashCaseData;
    real = await interpTarget.compile(kernel);
  });
  const tamper = (f: (out: Float32Array) => void): CompiledKernel => ({
    async runAttention(s, inputs, outputs) {
      await real.runAttention!(s, inputs, outputs);
      f(outputs.out);
    },
  });

  it('the real kernel passes; a kernel forcing other columns fails naming the list', async () => {
    expect((await runSelectCase(real, data)).pass).toBe(true);
    const wrong = await interpTarget.compile({ ...kernel, vslash: { ...kernel.vslash!, firstColumns: 8 } });
    const o = await runSelectCase(wrong, data);
    expect(o.pass).toBe(false);
    expect(o.detail).toMatch(/columns of \(b 0, h \d\): \d+ (kept, not by the reference|missing)/);
  });

  it('a replaced index, an unsorted list, an index out of range and an unwritten slot each fail', async () => {
    // the column list of head 0 is out[0 .. 12); offsets start at 2 * 12
    const cols = [...data.reference.out.subarray(0, 12)];
    const absent = Array.from({ length: 200 }, (_, x) => x).find((x) => !cols.includes(x) && x > cols[10]! && x < cols[11]!)
      ?? Array.from({ length: 200 }, (_, x) => x).reverse().find((x) => !cols.includes(x) && x > cols[11]!)!;
    const replaced = await runSelectCase(tamper((o) => { o[11] = absent; }), data);
    expect(replaced.detail).toMatch(/columns of \(b 0, h 0\)/);
    const unsorted = await runSelectCase(tamper((o) => { [o[3], o[4]] = [o[4]!, o[3]!]; }), data);
    expect(unsorted.detail).toMatch(/not strictly ascending/);
    const range = await runSelectCase(tamper((o) => { o[24 + 9] = 200; }), data);
    expect(range.detail).toMatch(/offsets of \(b 0, h 0\): slot 9 holds 200, not an index in \[0, 200\)/);
    const unwritten = await runSelectCase(tamper((o) => { o[30] = NaN; }), data);
    expect(unwritten.detail).toMatch(/unwritten \(poison\)/);
  });
});

describe('vertical-slash selector fields', () => {
  it('a bad rule, force or block-only field is refused (SPC150, SPC156 to SPC158)', async () => {
    const base = 'heads = 2; head_dim = 16; seq = dynamic';
    const codes = async (text: string) => (await selectors(text)).codes;
    expect(await codes(`kernel a = select(last_queries(64)) { ${base}; rule = vertical_slash(0, 4) }`)).toEqual(['SPC156']);
    expect(await codes(`kernel a = select(pooled(mean)) { ${base}; output = blocks(64, 64); rule = vertical_slash(8, 4) }`)).toEqual(['SPC156']);
    expect(await codes(`kernel a = select(last_queries(64)) { ${base}; rule = vertical_slash(8, 4); force = diagonal(5) }`)).toEqual(['SPC157']);
    expect(await codes(`kernel a = select(last_queries(64)) { ${base}; rule = vertical_slash(8, 4); force = first }`)).toEqual(['SPC157']);
    expect(await codes(`kernel a = select(last_queries(64)) { ${base}; rule = vertical_slash(8, 4); share = group }`)).toEqual(['SPC158']);
    expect(await codes(`kernel a = select(last_queries(64)) { ${base}; rule = vertical_slash(8, 4); causal = false }`)).toEqual(['SPC158']);
    expect(await codes(`kernel a = select(last_queries(64)) { ${base}; rule = vertical_slash(8, 4); causal = true }`)).toEqual([]);
    expect(await codes(`kernel a = select(last_queries(0.5)) { ${base}; rule = vertical_slash(8, 4) }`)).toEqual(['SPC150']);
    expect(await codes(`kernel a = select(last_queries(64)) { ${base} }`)).toEqual(['SPC102']);
  });
});
