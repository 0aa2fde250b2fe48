/**
 * @file Interp numerics against the float64 reference through the verify harness, for each feature the
 * lowering handles, and schedule invariance: different schedules give the same outputs.
 */
import { describe, expect, it } from 'vitest';
import { verifyKernels } from '../../src/harness/verify.js';
import type { AttentionKernel, AttentionSizes, Kernel } from '../../src/model/kernel.js';
import { Rng } from '../../src/reference/random.js';
import { randomAttentionInputs } from '../../src/reference/random.js';
import { referenceAttention } from '../../src/reference/attention.js';
import { createInterpTarget, interpTarget } from '../../src/targets/interp/target.js';
import { getTarget, TARGET_NAMES } from '../../src/targets/index.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import type { ScheduleSettings } from '../../src/passes/schedule.js';
import { and, attention, bin, causal, fn1, gemm, inputs, load, member, num, or, size, sub, table, v, window } from '../reference/kernels.js';

const kvh = bin('div', v('h'), bin('div', size('heads'), size('kv_heads')));
const dyn = { qLen: 'dynamic', kvLen: 'dynamic' } as const;
const tofloat = (x: ReturnType<typeof v>) => fn1('tofloat', x);

const KERNELS: Kernel[] = [
  attention('sliding', and(causal, window(24)), { heads: 2, headDim: 8, ...dyn }),
  attention('sinks_window', and(causal, or(bin('lt', v('k'), num(4)), window(16))), { heads: 2, headDim: 8, ...dyn, outputs: ['out', 'lse'] }),
  attention('dilated', and(causal, and(window(64), bin('eq', bin('mod', sub(v('q'), v('k')), num(3)), num(0)))), { heads: 1, headDim: 8, ...dyn }),
  attention('moa_table', and(causal, bin('lt', sub(v('q'), v('k')), table([8, 32], v('h')))), { heads: 2, headDim: 8, ...dyn }),
  attention('mqa', causal, { heads: 4, kvHeads: 1, headDim: 8, ...dyn, dtype: 'f16' }),
  attention('gqa_doc', and(causal, bin('eq', load('doc', 'int', v('q')), load('doc', 'int', v('k')))), {
    heads: 4, kvHeads: 2, headDim: 8, ...dyn, inputs: [inputs.i32('doc', 'kv_len')], outputs: ['out', 'lse'],
  }),
  attention('decode_split', causal, { heads: 4, kvHeads: 2, headDim: 16, qLen: 1, kvLen: 'dynamic', outputs: ['out', 'lse'] }),
  attention('decode_gather', member('sel', v('k'), v('b'), kvh), {
    batch: 'dynamic', heads: 4, kvHeads: 1, headDim: 8, qLen: 1, kvLen: 'dynamic', inputs: [inputs.list('sel', 'batch', 'kv_heads')], outputs: ['out', 'lse'], dtype: 'bf16',
  }),
  attention('alibi_softcap', causal, {
    heads: 2, headDim: 8, ...dyn, inputs: [inputs.f32('slopes', 'heads')], outputs: ['out', 'lse'],
    score: bin('mul', num(30.0, 'float'), fn1('tanh', bin('div', bin('sub', v('score'), bin('mul', load('slopes', 'float', v('h')), tofloat(sub(v('q'), v('k'))))), num(30.0, 'float')))),
  }),
  attention('no_key_rows', and(causal, bin('lt', v('k'), num(0))), { heads: 1, headDim: 4, ...dyn, outputs: ['out', 'lse'] }),
  attention('static_plan', and(causal, bin('eq', bin('band', v('k'), num(8)), num(0))), { heads: 2, headDim: 8, qLen: 70, kvLen: 70 }),
  gemm('dense_bias_silu', { m: 'dynamic', n: 'dynamic', k: 'dynamic', bias: true, epilogue: 'silu' }),
  gemm('nm48_gelu', { m: 'dynamic', n: 24, k: 40, weight: { format: 'nm', keep: 4, group: 8 }, epilogue: 'gelu', dtype: 'bf16' }),
  gemm('bsr_22_threshold', { m: 'dynamic', n: 30, k: 34, weight: { format: 'bsr', r: 2, c: 2 }, threshold: 0.3, bias: true }),
  gemm('csr_relu', { m: 'dynamic', n: 20, k: 50, weight: { format: 'csr' }, epilogue: 'relu' }),
];

describe('interp vs the float64 reference', () => {
  for (const kernel of KERNELS) {
    it(kernel.name, async () => {
      const report = await verifyKernels([kernel], [interpTarget], { seed: 3 });
      expect(report.results.length).toBeGreaterThan(0);
      expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.case}: ${r.detail}`)).toEqual([]);
    });
  }
});

describe('the pipeline stages that features need', () => {
  it('decode kernels are split over the KV range and GQA kernels are packed', () => {
    const names = runPipeline(KERNELS.find((k) => k.name === 'decode_split')!, 'interp').stages.map((s) => s.name);
    expect(names).toEqual(['lower-attention', 'simplify', 'pack-gqa', 'split-kv', 'simplify.final', 'legalize.interp']);
  });
  it('the registry knows interp', () => {
    expect(TARGET_NAMES).toContain('interp');
    expect(getTarget('interp')).toBe(interpTarget);
    expect(getTarget('nope')).toBeUndefined();
  });
});

describe('schedules never change results', () => {
  const SCHEDULES: ScheduleSettings[] = [
    {},
    { tile_q: 1, tile_k: 1, split_kv: 1, pack_gqa: false },
    { tile_q: 7, tile_k: 5, split_kv: 3, pack_gqa: true, tile_m: 3, tile_n: 5, tile_kd: 7 },
    { tile_q: 64, tile_k: 128, split_kv: 8, pack_gqa: true, tile_m: 32, tile_n: 64, tile_kd: 128 },
  ];
  for (const kernel of KERNELS.filter((k) => ['sinks_window', 'gqa_doc', 'decode_gather', 'bsr_22_threshold', 'nm48_gelu'].includes(k.name))) {
    it(`${kernel.name} passes under every schedule`, async () => {
      for (const schedule of SCHEDULES) {
        const report = await verifyKernels([kernel], [createInterpTarget(schedule)], { seed: 11 });
        expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${JSON.stringify(schedule)} ${r.case}: ${r.detail}`)).toEqual([]);
      }
    });
  }

  it('outputs under different schedules agree element by element', async () => {
    const kernel = KERNELS.find((k) => k.name === 'sinks_window') as AttentionKernel;
    const sizes: AttentionSizes = { batch: 1, heads: 2, kvHeads: 2, headDim: 8, valueDim: 8, qLen: 37, kvLen: 53 };
    const data = randomAttentionInputs(kernel, sizes, new Rng(5));
    const outs: Float32Array[] = [];
    for (const schedule of SCHEDULES) {
      const compiled = await createInterpTarget(schedule).compile(kernel);
      const out = new Float32Array(2 * 37 * 8).fill(NaN);
      await compiled.runAttention!(sizes, data, { out, lse: new Float32Array(2 * 37) });
      outs.push(out);
    }
    const ref = referenceAttention(kernel, sizes, data).out;
    for (const out of outs) {
      for (let i = 0; i < out.length; i++) {
        expect(Math.abs(out[i]! - outs[0]![i]!)).toBeLessThan(1e-5);
        expect(Math.abs(out[i]! - ref[i]!)).toBeLessThan(1e-4);
      }
    }
  });
});

describe('the interp comparison can fail', () => {
  it('a target that drops the window is caught', async () => {
    const sliding = KERNELS.find((k) => k.name === 'sliding') as AttentionKernel;
    const wrong = { name: 'interp', availability: interpTarget.availability, compile: () => interpTarget.compile({ ...sliding, mask: causal }) };
    const report = await verifyKernels([sliding], [wrong], { seed: 3 });
    expect(report.results.some((r) => r.status === 'fail')).toBe(true);
  });
});
