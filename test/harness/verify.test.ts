import { describe, it, expect } from 'vitest';
import { verifyKernels } from '../../src/harness/verify.js';
import { reference32 } from '../../src/harness/reference-target.js';
import { exitCode, formatReport, reportJson } from '../../src/harness/report.js';
import type { Target } from '../../src/harness/target.js';
import type { AttentionKernel } from '../../src/model/kernel.js';
import { attentionKernels, causalKernel, gemmKernels } from './kernels.js';

describe('verifyKernels with the reference32 target', () => {
  it('passes every attention kernel on every size case', async () => {
    const report = await verifyKernels(attentionKernels, [reference32], { seed: 1 });
    const failures = report.results.filter((r) => r.status !== 'pass');
    expect(failures, formatReport(report)).toEqual([]);
    expect(report.results.length).toBeGreaterThan(attentionKernels.length * 3);
    // the low-density case really produced rows with no allowed key
    expect(report.results.some((r) => r.case.startsWith('sparse inputs') && /with no allowed key/.test(r.detail))).toBe(true);
    expect(exitCode(report)).toBe(0);
  });

  it('passes every gemm kernel on every size case', async () => {
    const report = await verifyKernels(gemmKernels, [reference32], { seed: 2 });
    const failures = report.results.filter((r) => r.status !== 'pass');
    expect(failures, formatReport(report)).toEqual([]);
    expect(report.results.map((r) => r.kernel)).toEqual(expect.arrayContaining(gemmKernels.map((k) => k.name)));
  });

  it('samples rows of a big case and still passes', async () => {
    const report = await verifyKernels([causalKernel], [reference32], { seed: 3, sampleAbove: 1000, maxRowsChecked: 4 });
    expect(report.results.every((r) => r.status === 'pass')).toBe(true);
    expect(report.results.some((r) => /sampled \d+ of \d+ rows/.test(r.detail))).toBe(true);
  });
});

describe('availability', () => {
  const missing: Target = {
    name: 'ghost',
    availability: async () => ({ ok: false, reason: 'no ghost runtime' }),
    compile: async () => {
      throw new Error('unreachable');
    },
  };

  it('an unavailable target is skipped and does not fail', async () => {
    const report = await verifyKernels([causalKernel], [missing], { seed: 1 });
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ target: 'ghost', status: 'skip', detail: 'skipped (no ghost runtime)' });
    expect(exitCode(report)).toBe(0);
  });

  it('an unavailable target named in require fails', async () => {
    const report = await verifyKernels([causalKernel], [missing], { seed: 1, require: ['ghost'] });
    expect(report.results[0]).toMatchObject({ status: 'fail', detail: 'required but skipped (no ghost runtime)' });
    expect(exitCode(report)).toBe(1);
  });

  it('a required target that does not exist fails', async () => {
    const report = await verifyKernels([], [], { seed: 1, require: ['cuda'] });
    expect(report.results[0]).toMatchObject({ target: 'cuda', status: 'fail' });
  });

  it("a kernel the target's table does not support is a skip with its reason, also when the target is required", async () => {
    const seer: AttentionKernel = { ...causalKernel, name: 'seer', sideOutputs: [{ kind: 'block_max', bq: 64, bk: 64 }] };
    // no targets/ghost.json: a target without a table lists no side output
    const ghost: Target = { name: 'ghost', availability: async () => ({ ok: true }), compile: async () => Promise.reject(new Error('compile must not run')) };
    for (const require of [[], ['ghost']]) {
      const report = await verifyKernels([seer], [ghost], { seed: 1, require });
      expect(report.results).toEqual([expect.objectContaining({ status: 'skip', case: 'compile', detail: expect.stringMatching(/^skipped \(kernel seer: output block_max\(64, 64\) is not supported on ghost yet \(supported on: cuda, interp, neon, wasm, webgpu\)\)$/) })]);
      expect(exitCode(report)).toBe(0);
    }
  });

  it('a compile error is a failure carrying its message', async () => {
    const broken: Target = { name: 'broken', availability: async () => ({ ok: true }), compile: async () => Promise.reject(new Error('unsupported op popcount')) };
    const report = await verifyKernels([causalKernel], [broken], { seed: 1 });
    expect(report.results).toEqual([expect.objectContaining({ status: 'fail', case: 'compile', detail: 'compile failed: unsupported op popcount' })]);
  });
});

describe('report', () => {
  it('renders a table with a summary line and a JSON form', async () => {
    const report = await verifyKernels([gemmKernels[0]!], [reference32], { seed: 5 });
    const table = formatReport(report);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^kernel\s+target\s+case\s+status\s+max abs err\s+max rel err\s+ms\s+detail$/);
    expect(lines[2]).toMatch(/^up_proj_24\s+reference32\s+declared m3 n48 k64\s+pass/);
    expect(lines.at(-1)).toBe(`${report.results.length} passed, 0 failed, 0 skipped (seed 5)`);
    const json = JSON.parse(reportJson(report));
    expect(json.summary).toEqual({ passed: report.results.length, failed: 0, skipped: 0 });
    expect(json.results[0].kernel).toBe('up_proj_24');
  });
});
