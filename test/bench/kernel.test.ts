/** @file `sparsec bench FILE --kernel NAME`: sizes, the kernel and its dense twin against the float64 reference, the command line. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKernelSource } from '../../src/bench/sparsec/kernels.js';
import { denseTwin, KERNEL_PREPARERS, type KernelRun } from '../../src/bench/kernel/bodies.js';
import { benchKernelRows, kernelWorkload } from '../../src/bench/kernel/command.js';
import { benchAttentionSizes, benchGemmSizes, parseSizes } from '../../src/bench/kernel/sizes.js';
import type { AttentionKernel, GemmKernel } from '../../src/model/kernel.js';
import { referenceAttention, referenceGemm } from '../../src/reference/index.js';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

const WINDOW_SOURCE = `pattern win(sinks: int = 2, window: int = 40) = causal && (k < sinks || q - k < window)
kernel win_attn = attention(win) {
  heads = 4; kv_heads = 2; head_dim = 16
  seq = dynamic
  dtype = f32
}
`;
const DOC_SOURCE = `kernel doc_attn = attention(causal && doc[q] == doc[k]) {
  doc: i32[kv_len]
  batch = dynamic; heads = dynamic; head_dim = 16
  seq = dynamic
  dtype = f32
}
`;
const CSR_SOURCE = 'kernel csr_gemm = gemm {\n  m = dynamic; n = 48; k = 64\n  weight = csr\n  input = threshold(0.5)\n}\n';

const TINY = { timing: { warmup: 0, minRuns: 1, minMs: 0 } } as const;

function capture(): Io & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out: (t) => void out_.push(t), err: (t) => void err_.push(t), interactive: false, out_, err_ };
}

function maxAbsDiff(a: Float32Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Number.isNaN(a[i]!) ? Infinity : Math.abs(a[i]! - b[i]!));
  return worst;
}

describe('bench --sizes', () => {
  const kernel = checkKernelSource(WINDOW_SOURCE) as AttentionKernel;

  it('sets dynamic sizes, keeps static ones, defaults to the issue shape', () => {
    expect(benchAttentionSizes(kernel, parseSizes(['seq=300']))).toEqual({ batch: 1, heads: 4, kvHeads: 2, headDim: 16, valueDim: 16, qLen: 300, kvLen: 300 });
    expect(benchAttentionSizes(kernel, parseSizes(['q_len=1,kv_len=500', 'heads=4'])).qLen).toBe(1);
    expect(benchAttentionSizes(kernel, parseSizes(undefined)).kvLen).toBe(4096);
    expect(benchGemmSizes(checkKernelSource(CSR_SOURCE) as GemmKernel, parseSizes(['m=3']))).toEqual({ m: 3, n: 48, k: 64 });
  });

  it('refuses unknown names (did you mean), changed static sizes and malformed items', () => {
    expect(() => benchAttentionSizes(kernel, parseSizes(['seqq=64']))).toThrow(/'seqq' is not a size .*did you mean 'seq'/);
    expect(() => benchAttentionSizes(kernel, parseSizes(['heads=8']))).toThrow(/heads of kernel win_attn is fixed at 4/);
    expect(() => benchAttentionSizes(kernel, parseSizes(['seq=64,kv_len=64']))).toThrow(/either seq or q_len/);
    expect(() => parseSizes(['seq=0'])).toThrow(/positive integer/);
    expect(() => parseSizes(['seq:64'])).toThrow(/name=positive integer/);
    expect(() => parseSizes(['seq=64,seq=65'])).toThrow(/given twice/);
  });
});

describe('bench kernel bodies on wasm', () => {
  it.each([['window', WINDOW_SOURCE, 'seq=150'], ['documents', DOC_SOURCE, 'seq=150,heads=3,batch=2']])(
    'the %s kernel and its dense twin match the float64 reference', async (_name, source, sizes) => {
      const kernel = checkKernelSource(source) as AttentionKernel;
      const work = kernelWorkload(kernel, { sizes: [sizes] });
      expect(work.liveFlops).toBeLessThan(work.denseFlops);
      for (const k of [kernel, denseTwin(kernel) as AttentionKernel]) {
        const run = { ...work.run, kernel: k } as KernelRun & { kernel: AttentionKernel };
        const body = await KERNEL_PREPARERS.wasm(run, 1);
        try {
          await body.run();
          const expected = referenceAttention(k, run.sizes, run.inputs as Parameters<typeof referenceAttention>[2]).out;
          expect(maxAbsDiff(await body.output(), expected)).toBeLessThan(1e-4);
        } finally {
          await body.release();
        }
      }
    });

  it('a sparse gemm and its dense twin match the reference; the twin has every product live', async () => {
    const kernel = checkKernelSource(CSR_SOURCE) as GemmKernel;
    const work = kernelWorkload(kernel, { sizes: ['m=5'] });
    expect(work.density).toBeLessThan(1);
    const twin = denseTwin(kernel) as GemmKernel;
    expect(twin).toMatchObject({ weight: { format: 'dense' }, threshold: null });
    for (const k of [kernel, twin]) {
      const run = { ...work.run, kernel: k } as KernelRun & { kernel: GemmKernel };
      const body = await KERNEL_PREPARERS.wasm(run, 1);
      try {
        await body.run();
        const expected = referenceGemm(k, run.sizes, run.inputs as Parameters<typeof referenceGemm>[2]);
        expect(maxAbsDiff(await body.output(), expected)).toBeLessThan(1e-3);
      } finally {
        await body.release();
      }
    }
  });

  it('rows: the kernel credited with live work, its twin with dense work, in one run', async () => {
    const kernel = checkKernelSource(WINDOW_SOURCE);
    const rows = await benchKernelRows(kernel, { sizes: ['seq=256'], ...TINY });
    expect(rows.map((r) => [r.case, r.impl])).toEqual([['win_attn', 'sparsec'], ['win_attn', 'sparsec-dense']]);
    const [sparse, dense] = rows;
    expect(sparse!.density).toBeLessThan(0.5);
    // The same live GFLOP on both rows; each row's GFLOP/s is its credited FLOPs over its own median.
    expect(sparse!.gflops * sparse!.median_ms).toBeCloseTo(sparse!.live_gflop! * 1e3, 0);
    expect(dense!.gflops * dense!.median_ms).toBeCloseTo(2 * 32 * 4 * 256 * 256 / 1e6, 0);
    await expect(benchKernelRows(kernel, { target: 'cuda', ...TINY })).rejects.toThrow(/target 'cuda' is not benchmarked \(wasm, neon, webgpu\)/);
  });
});

describe('sparsec bench FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sparsec-bench-kernel-'));
  const file = join(dir, 'mine.sparse');
  writeFileSync(file, `${WINDOW_SOURCE}\n${CSR_SOURCE}`);

  it('refuses an unknown kernel with the closest name, a missing --kernel, and case-only options (exit 2)', async () => {
    const io = capture();
    expect(await main(['bench', file, '--kernel', 'win_atn'], io)).toBe(2);
    expect(io.err_.join('\n')).toContain("no kernel named 'win_atn' (did you mean 'win_attn'?)");
    const many = capture();
    expect(await main(['bench', file], many)).toBe(2);
    expect(many.err_.join('\n')).toContain('choose one with --kernel (win_attn, csr_gemm)');
    const cases = capture();
    expect(await main(['bench', file, '--kernel', 'win_attn', '--case', 'window'], cases)).toBe(2);
    expect(cases.err_.join('\n')).toContain('--case goes with the built-in cases, not with FILE');
    const noFile = capture();
    expect(await main(['bench', '--kernel', 'win_attn'], noFile)).toBe(2);
    expect(noFile.err_.join('\n')).toContain('--kernel and --sizes need a FILE');
    const sizes = capture();
    expect(await main(['bench', file, '--kernel', 'win_attn', '--sizes', 'sequence=9', '--quick'], sizes)).toBe(1);
    expect(sizes.err_.join('\n')).toMatch(/'sequence' is not a size/);
  });

  it('--quick --json prints both rows with the ratios and grades nothing', async () => {
    const io = capture();
    expect(await main(['bench', file, '-k', 'csr_gemm', '--sizes', 'm=4', '--quick', '--json'], io)).toBe(0);
    const rows = JSON.parse(io.out_.join('')) as Record<string, unknown>[];
    expect(rows.map((r) => r['impl'])).toEqual(['sparsec', 'sparsec-dense']);
    expect(rows[0]!['speedup_vs_dense']).toBeGreaterThan(0);
    expect(rows[0]!['live_work_vs_dense']).toBeGreaterThan(0);
    const table = capture();
    expect(await main(['bench', file, '-k', 'win_attn', '--sizes', 'seq=128', '--quick'], table)).toBe(0);
    expect(table.out_.join('\n')).toMatch(/win_attn: [\d.]+x faster than sparsec's dense kernel; .* \(--quick: not graded/);
  });
});
