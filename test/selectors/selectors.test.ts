/**
 * @file Selector kernels: the float64 reference's rules (rank order, ties to the lower key block, causal, forced
 * blocks, GQA-group sharing), every selector of dsl/selectors.sparse against it on interp and wasm (poisoned
 * outputs), and that verify catches a wrong selection, an unwritten block and a value that is not 0 or 1.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/check.js';
import type { AttentionSizes } from '../../src/model/kernel.js';
import type { SelectKernel } from '../../src/model/select.js';
import { referenceSelect } from '../../src/reference/select.js';
import { prepareSelect, runSelectCase } from '../../src/harness/select-case.js';
import { verifyKernels } from '../../src/harness/verify.js';
import { formatReport } from '../../src/harness/report.js';
import type { CompiledKernel } from '../../src/harness/target.js';
import { interpTarget } from '../../src/targets/interp/target.js';
import { wasmTarget } from '../../src/targets/wasm/target.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { printKernel } from '../../src/ir/print.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A selector kernel with the given fields over 4 key blocks of 1 key (bq = bk = 1, head_dim 1). */
function tiny(over: Partial<SelectKernel>): SelectKernel {
  return {
    kind: 'select', name: 'tiny', origin: { file: 'x', line: 1, col: 1 },
    batch: 1, heads: 1, kvHeads: 1, headDim: 1, valueDim: 1, qLen: 4, kvLen: 4, dtype: 'f32', scale: 1,
    qPool: 'mean', kPool: 'mean', bq: 4, bk: 1, rule: { kind: 'topk', n: 2 }, causal: false,
    forceFirst: false, forceDiagonal: false, share: 'head', vslash: null, inputs: [], schedules: {}, ...over,
  };
}
const SIZES: AttentionSizes = { batch: 1, heads: 1, kvHeads: 1, headDim: 1, valueDim: 1, qLen: 4, kvLen: 4 };

describe('the selector reference', () => {
  // one query block (mean of q = 1), key scores = k
  const q = new Float32Array([1, 1, 1, 1]);
  it('top-k takes the highest scores; equal scores go to the lower key block', () => {
    const r = referenceSelect(tiny({}), SIZES, q, new Float32Array([0.5, 2, 0.5, 2]));
    expect([...r.sel]).toEqual([0, 1, 0, 1]);
    const tie = referenceSelect(tiny({ rule: { kind: 'topk', n: 3 } }), SIZES, q, new Float32Array([0.5, 2, 0.5, 2]));
    expect([...tie.sel]).toEqual([1, 1, 0, 1]);
  });
  it('mass takes the smallest rank prefix reaching gamma; threshold the blocks at or above t', () => {
    const k = new Float32Array([Math.log(0.1), Math.log(0.6), Math.log(0.2), Math.log(0.1)]);
    expect([...referenceSelect(tiny({ rule: { kind: 'mass', gamma: 0.7 } }), SIZES, q, k).sel]).toEqual([0, 1, 1, 0]);
    expect([...referenceSelect(tiny({ rule: { kind: 'mass', gamma: 0.5 } }), SIZES, q, k).sel]).toEqual([0, 1, 0, 0]);
    expect([...referenceSelect(tiny({ rule: { kind: 'threshold', t: 0.15 } }), SIZES, q, k).sel]).toEqual([0, 1, 1, 0]);
  });
  it('causal excludes later key blocks; forced blocks are added; a block with no query is empty', () => {
    // two query blocks of 2 rows over keys of 1: block 0 (positions 0, 1) may see keys 0, 1 only
    const k = new Float32Array([0, 1, 2, 3]);
    const r = referenceSelect(tiny({ bq: 2, causal: true, rule: { kind: 'topk', n: 1 }, forceFirst: true }), SIZES, q, k);
    expect([...r.sel]).toEqual([1, 1, 0, 0, /* block 1 */ 1, 0, 0, 1]);
    const decode = referenceSelect(tiny({ bq: 2, rule: { kind: 'topk', n: 1 }, forceDiagonal: true }), { ...SIZES, qLen: 1 }, new Float32Array([1]), k);
    expect([...decode.sel]).toEqual([0, 0, 0, 0, /* the query at position 3 */ 0, 0, 0, 1]);
  });
  it('bound (Quest) scores a block by sum_d max(q_d * kmax_d, q_d * kmin_d)', () => {
    // head_dim 2, one query (1, -1); key blocks of 2 keys: [(1, 1), (-1, 3)] and [(0, -2), (0.5, 0)]
    const sizes = { ...SIZES, headDim: 2, valueDim: 2, qLen: 1 };
    const kernel = tiny({ headDim: 2, valueDim: 2, qLen: 1, bq: 4, bk: 2, kPool: 'bound', rule: { kind: 'topk', n: 1 } });
    const r = referenceSelect(kernel, sizes, new Float32Array([1, -1]), new Float32Array([1, 1, -1, 3, 0, -2, 0.5, 0]));
    // block 0: max(1*1, 1*-1) + max(-1*3, -1*1) = 1 - 1 = 0; block 1: max(0.5, 0) + max(-0, 2) = 2.5
    expect([...r.scores]).toEqual([0, 2.5]);
    expect([...r.sel]).toEqual([0, 1]);
  });
  it('share = group gives every head of a GQA group the same selection', () => {
    const sizes = { ...SIZES, heads: 2, qLen: 4 };
    const kernel = tiny({ heads: 2, kvHeads: 1, share: 'group', rule: { kind: 'topk', n: 1 } });
    const r = referenceSelect(kernel, sizes, new Float32Array([1, 1, 1, 1, -3, -3, -3, -3]), new Float32Array([-1, 0, 0.5, 1]));
    // pooled query over both heads is -1: the lowest key scores best
    expect([...r.sel]).toEqual([1, 0, 0, 0, 1, 0, 0, 0]);
  });
});

describe('dsl/selectors.sparse on interp and wasm', () => {
  let kernels: SelectKernel[];
  beforeAll(async () => {
    const program = await loadProgram([path.join(ROOT, 'dsl/selectors.sparse')], { cwd: ROOT });
    kernels = checkProgram(program).kernels.filter((k): k is SelectKernel => k.kind === 'select');
  });

  it('has the six selectors (one vertical-slash, test/selectors/vertical-slash.test.ts)', () => {
    expect(kernels.map((k) => k.name)).toEqual(['minference_block_est', 'minference_vs_est', 'flexprefill_mass', 'seer_gate', 'nsa_group_select', 'quest_pages']);
    expect(kernels.filter((k) => k.vslash).map((k) => k.name)).toEqual(['minference_vs_est']);
    expect(kernels.find((k) => k.name === 'quest_pages')!.kPool).toBe('bound');
    expect(new Set(kernels.map((k) => k.rule.kind))).toEqual(new Set(['topk', 'mass', 'threshold']));
  });

  it('every selector matches the float64 reference on every size case', async () => {
    const report = await verifyKernels(kernels, [interpTarget, wasmTarget], { seed: 7 });
    expect(report.results.filter((r) => r.status !== 'pass'), formatReport(report)).toEqual([]);
    expect(report.results.length).toBeGreaterThanOrEqual(kernels.length * 2 * 4);
  }, 120_000);

  it('lowers through the lower-select stage with existing ops only', () => {
    const { stages } = runPipeline(kernels.find((k) => k.name === 'flexprefill_mass')!, 'wasm');
    expect(stages.map((s) => s.name)).toEqual(['lower-select', 'simplify', 'legalize.wasm']);
    const text = printKernel(stages[0]!.ir);
    expect(text).toContain('reduce_sum');
    expect(text).not.toMatch(/\bsort\b/);
  });
});

describe('verify catches a wrong selection', () => {
  let kernel: SelectKernel;
  beforeAll(async () => {
    const program = await loadProgram([path.join(ROOT, 'dsl/selectors.sparse')], { cwd: ROOT });
    kernel = checkProgram(program).kernels.find((k): k is SelectKernel => k.name === 'minference_block_est')!;
  });
  const label = 'declared';
  const sizes: AttentionSizes = { batch: 1, heads: 4, kvHeads: 2, headDim: 32, valueDim: 32, qLen: 257, kvLen: 257 };

  it('a kernel with a different rule (top 3 instead of 4) fails with the first differing block named', async () => {
    const data = prepareSelect(kernel, { label, sizes }, 1);
    const wrong = await interpTarget.compile({ ...kernel, rule: { kind: 'topk', n: 3 } });
    const o = await runSelectCase(wrong, data);
    expect(o.pass).toBe(false);
    expect(o.detail).toMatch(/selection mismatch in \d+ of 100 blocks; first at block \(b 0, h \d, query block \d, key block \d\): selected 0, reference 1/);
    const right = await interpTarget.compile(kernel);
    expect((await runSelectCase(right, data)).pass).toBe(true);
  });

  it('a flipped block, an unwritten block and a value that is not 0 or 1 each fail', async () => {
    const data = prepareSelect(kernel, { label, sizes }, 1);
    const real = await interpTarget.compile(kernel);
    const tamper = (f: (out: Float32Array) => void): CompiledKernel => ({
      async runAttention(s, inputs, outputs) {
        await real.runAttention!(s, inputs, outputs);
        f(outputs.out);
      },
    });
    // a block the rule chose (not a forced one) and far from the boundary, flipped
    const flip = data.reference.sel.findIndex((x, e) => x === 1 && data.reference.margin[e]! > 1e-2 && data.reference.margin[e]! !== Infinity);
    expect(flip, "no block the rule chose clear of the boundary").not.toBe(-1);
    const flipped = await runSelectCase(tamper((o) => { o[flip] = 1 - o[flip]!; }), data);
    expect(flipped.pass).toBe(false);
    const unwritten = await runSelectCase(tamper((o) => { o[7] = NaN; }), data);
    expect(unwritten.detail).toMatch(/unwritten \(poison\)/);
    const half = await runSelectCase(tamper((o) => { o[7] = 0.5; }), data);
    expect(half.detail).toMatch(/not 0 or 1 \(0\.5\)/);
  });

  it('a selector that writes nothing leaves poison and fails', async () => {
    const data = prepareSelect(kernel, { label, sizes }, 2);
    const lazy: CompiledKernel = { async runAttention() { /* writes nothing */ } };
    const o = await runSelectCase(lazy, data);
    expect(o.pass).toBe(false);
    expect(o.detail).toMatch(/selection mismatch in 100 of 100 blocks/);
  });
});

describe('selector fields', () => {
  it('attention-only fields are refused in a selector (SPC111), and a selector without a rule is SPC102', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sparsec-select-'));
    const file = path.join(dir, 'sel.sparse');
    await writeFile(file, 'kernel est = select(pooled(mean)) { heads = 2; head_dim = 16; seq = 64; output = blocks(16, 16); outputs = out }\n');
    const program = await loadProgram([file], { cwd: dir });
    const d = checkProgram(program).diagnostics;
    expect(d.map((x) => x.code)).toEqual(['SPC102', 'SPC111']);
    expect(d[1]!.message).toBe("'outputs' is a field of attention kernels and cannot be used in a select kernel");
    await rm(dir, { recursive: true, force: true });
  });
});
