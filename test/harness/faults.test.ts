import { describe, it, expect } from 'vitest';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel } from '../../src/model/kernel.js';
import type { AttentionInputs, AttentionOutputs, GemmInputs, GemmOutputs } from '../../src/model/values.js';
import type { Target } from '../../src/harness/target.js';
import { verifyKernels, type VerifyResult } from '../../src/harness/verify.js';
import { reference32 } from '../../src/harness/reference-target.js';
import { POISON_BITS } from '../../src/harness/compare.js';
import { exitCode } from '../../src/harness/report.js';
import { and, bin, num, or, size, sub, v } from '../reference/kernels.js';
import { blocksKernel, causalKernel, gemmKernels } from './kernels.js';

/** Hooks of a fault-injecting wrapper around reference32. */
interface Faults {
  readonly kernel?: (k: Kernel) => Kernel;
  readonly attentionInputs?: (sizes: AttentionSizes, inputs: AttentionInputs) => AttentionInputs;
  readonly attentionOutputs?: (sizes: AttentionSizes, outputs: AttentionOutputs) => void;
  readonly gemmInputs?: (kernel: GemmKernel, sizes: GemmSizes, inputs: GemmInputs) => GemmInputs;
}

function faulty(faults: Faults): Target {
  return {
    name: 'faulty',
    availability: reference32.availability,
    async compile(kernel) {
      const inner = await reference32.compile(faults.kernel ? faults.kernel(kernel) : kernel);
      return {
        async runAttention(sizes, inputs, outputs) {
          await inner.runAttention!(sizes, faults.attentionInputs ? faults.attentionInputs(sizes, inputs) : inputs, outputs);
          faults.attentionOutputs?.(sizes, outputs);
        },
        async runGemm(sizes, inputs, outputs: GemmOutputs) {
          await inner.runGemm!(sizes, faults.gemmInputs ? faults.gemmInputs(kernel as GemmKernel, sizes, inputs) : inputs, outputs);
        },
      };
    },
  };
}

const failures = (results: readonly VerifyResult[]) => results.filter((r) => r.status === 'fail');

describe('the harness catches injected faults', () => {
  it('one forbidden key attended to in one row', async () => {
    // Row 0 of (b 0, h 0) also sees the last key, which causal forbids whenever q_len > 1.
    const extra = and(
      and(bin('eq', v('b'), num(0)), bin('eq', v('h'), num(0))),
      and(bin('eq', v('q'), sub(size('kv_len'), size('q_len'))), bin('eq', v('k'), sub(size('kv_len'), num(1)))),
    );
    const target = faulty({ kernel: (k) => ({ ...(k as AttentionKernel), mask: or((k as AttentionKernel).mask, extra) }) });
    const report = await verifyKernels([causalKernel], [target], { seed: 7 });
    const bad = failures(report.results);
    expect(bad.length).toBeGreaterThan(0);
    expect(bad[0]!.detail).toMatch(/^out: \d+ bad of \d+ checked; first at \(0,0,0,\d+\)/);
    // q_len = 1 cases have no forbidden key to add: they pass
    expect(report.results.filter((r) => r.case.startsWith('len 1 ') || r.case.startsWith('decode')).every((r) => r.status === 'pass')).toBe(true);
    expect(exitCode(report)).toBe(1);
  });

  it('heads 0 and 1 exchanged in the output', async () => {
    const target = faulty({
      attentionOutputs: (s, o) => {
        const n = s.qLen * s.valueDim;
        const h0 = o.out.slice(0, n);
        o.out.copyWithin(0, n, 2 * n);
        o.out.set(h0, n);
      },
    });
    const report = await verifyKernels([causalKernel], [target], { seed: 8 });
    expect(report.results.every((r) => r.status === 'fail')).toBe(true);
    expect(report.results[0]!.detail).toMatch(/first at \(0,0,0,0\)/);
  });

  it('one row left unwritten, also when that row is not among the sampled rows', async () => {
    const target = faulty({
      attentionOutputs: (s, o) => {
        const row = Math.floor(s.qLen / 2) + 1; // (b 0, h 0, i) -- never a tile edge at these sizes
        new Uint32Array(o.out.buffer).fill(POISON_BITS, row * s.valueDim, (row + 1) * s.valueDim);
      },
    });
    const report = await verifyKernels([causalKernel], [target], { seed: 9 });
    expect(report.results.every((r) => r.status === 'fail')).toBe(true);
    expect(report.results[0]!.detail).toMatch(/16 unwritten; first at \(0,0,129,0\): never written/);
    const sampled = await verifyKernels([causalKernel], [target], { seed: 9, sampleAbove: 100, maxRowsChecked: 0 });
    const declared = sampled.results[0]!;
    expect(declared.case).toMatch(/^declared/);
    expect(declared.status).toBe('fail');
    expect(declared.detail).toMatch(/16 unwritten/);
  });

  it('lse finite for a row with no allowed key', async () => {
    const target = faulty({
      attentionOutputs: (_s, o) => {
        const lse = o.lse!;
        for (let i = 0; i < lse.length; i++) if (lse[i] === -Infinity) lse[i] = -1e30;
      },
    });
    const report = await verifyKernels([blocksKernel], [target], { seed: 10 });
    const sparse = report.results.find((r) => r.case.startsWith('sparse inputs'))!;
    expect(sparse.status).toBe('fail');
    expect(sparse.detail).toMatch(/^lse: \d+ bad .* got -1\.0+\d*e\+30, expected -Infinity$/);
    // cases without empty rows are untouched by this fault
    expect(report.results.some((r) => r.status === 'pass')).toBe(true);
  });

  it('a gemm with one weight group dropped (nm) or one block dropped (bsr)', async () => {
    const dropFirstGroup = (kernel: GemmKernel, sizes: GemmSizes, inputs: GemmInputs): GemmInputs => {
      const w = inputs.w.slice();
      const width = kernel.weight.format === 'nm' ? kernel.weight.group : kernel.weight.format === 'bsr' ? kernel.weight.c : 1;
      const start = w.findIndex((x) => x !== 0);
      const groupStart = start - ((start % sizes.k) % width);
      w.fill(0, groupStart, groupStart + width);
      return { ...inputs, w };
    };
    const kernels = gemmKernels.filter((k) => k.weight.format === 'nm' || k.weight.format === 'bsr');
    expect(kernels.length).toBe(2);
    const report = await verifyKernels(kernels, [faulty({ gemmInputs: dropFirstGroup })], { seed: 11 });
    for (const kernel of kernels) {
      const declared = report.results.find((r) => r.kernel === kernel.name && r.case.startsWith('declared'))!;
      expect(declared.status, declared.detail).toBe('fail');
      expect(declared.detail).toMatch(/^y: \d+ bad of \d+ checked; first at \(0,\d+\)/);
    }
  });

  it('a target that modifies its inputs', async () => {
    const target = faulty({
      attentionInputs: (_s, inputs) => {
        inputs.q.fill(0, 0, 1);
        return inputs;
      },
    });
    const report = await verifyKernels([causalKernel], [target], { seed: 12 });
    expect(report.results.every((r) => r.status === 'fail' && r.detail.includes('the target modified its inputs'))).toBe(true);
  });

  it('a run that throws is a failure with its message', async () => {
    const target = faulty({
      attentionOutputs: () => {
        throw new Error('device lost');
      },
    });
    const report = await verifyKernels([causalKernel], [target], { seed: 13 });
    expect(report.results[0]).toMatchObject({ status: 'fail', detail: 'run failed: device lost' });
  });
});
