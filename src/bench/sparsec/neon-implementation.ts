/**
 * @file sparsec's neon kernels as bench implementations (`sparsec bench --target neon`): each case's kernel printed as
 * NEON C, compiled into a shared library for this host and run in process through the node addon. On an arm64
 * board that is the real thing; on x86 it runs under SIMDe, which is for testing, not speed (the notes say so).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostKind, sharedLibrary } from '../../build/neon.js';
import type { AttentionKernel, GemmKernel, Kernel } from '../../model/kernel.js';
import type { RuntimeValues } from '../../model/values.js';
import { planFor } from '../../passes/attention-space.js';
import { runPipeline, type PipelineResult } from '../../passes/pipeline.js';
import { packWeight } from '../../runtime/packing.js';
import { attentionSizeBindings, gemmBindings, planBindings, runtimeBindings, type Bindings } from '../../runtime/library/bind.js';
import { NeonNativeKernel } from '../../runtime/neon/native.js';
import { neonSource } from '../../targets/neon/source.js';
import { attentionTensors, attentionWork, DEFAULT_TILING, type Tiling } from '../framework/attention-work.js';
import { denseAttentionFlops, type AttentionCase } from '../framework/cases.js';
import type { GemmCase, GemmData } from '../framework/gemm-cases.js';
import type { BenchImplementation, PreparedBody } from '../framework/runner.js';
import { attentionSizesOf } from './implementation.js';
import { attentionKernelFor, gemmKernelFor } from './kernels.js';

/** What the neon bench runs on here (shown in the notes), or null when this host cannot build neon libraries. */
export function neonBenchHost(): string | null {
  return hostKind();
}

function load(kernel: Kernel, threads: number): { result: PipelineResult; native: NeonNativeKernel } {
  const result = runPipeline(kernel, 'neon');
  const src = neonSource(result.final);
  const path = join(mkdtempSync(join(tmpdir(), 'sparsec-neon-bench-')), `${kernel.name}.neon.so`);
  writeFileSync(path, sharedLibrary(src.c));
  return { result, native: NeonNativeKernel.load(path, src.abi, { threads }) };
}

function body(native: NeonNativeKernel, values: Bindings, outName: string, outLength: number, creditedFlops: number, lse: boolean): PreparedBody {
  const outputs: Record<string, Float32Array> = { [outName]: new Float32Array(outLength), ...(lse ? { lse: new Float32Array(0) } : {}) };
  return { creditedFlops, run: () => native.run(values, outputs), release: () => native.dispose() };
}

/** `sparsec` / `sparsec-dense` on the neon target (the addon must be built: scripts/setup-neon.sh). */
export function neonBenchImplementation(o: { readonly threads: number; readonly dense: boolean; readonly tiling?: Tiling }): BenchImplementation {
  return {
    impl: o.dense ? 'sparsec-dense' : 'sparsec',
    target: 'neon',
    threads: o.threads,
    denseOnly: o.dense,
    prepareAttention: async (c: AttentionCase) => {
      const kernel: AttentionKernel = attentionKernelFor(c, o.dense);
      const { result, native } = load(kernel, o.threads);
      const sizes = attentionSizesOf(c);
      const tensors = attentionTensors(c);
      const runtime = c.runtime as RuntimeValues;
      const values: Bindings = {
        ...attentionSizeBindings(sizes),
        q: tensors.q, k: tensors.k, v: tensors.v,
        ...runtimeBindings(kernel.inputs.map((i) => i.name), runtime),
        ...(result.walk?.kind === 'plan' ? planBindings(planFor(kernel, result.walk, sizes, runtime, result.schedule.tile_q, result.schedule.tile_k)) : {}),
      };
      const flops = o.dense ? denseAttentionFlops(c.shape) : attentionWork(c, o.tiling ?? DEFAULT_TILING).liveFlops;
      return body(native, values, 'out', tensors.q.length, flops, true);
    },
    prepareGemm: async (c: GemmCase, data: GemmData) => {
      const kernel: GemmKernel = gemmKernelFor(c, data, o.dense);
      const { native } = load(kernel, o.threads);
      const values = gemmBindings({ m: c.m, n: c.n, k: c.k }, data.x, packWeight(kernel.weight, data.w, c.n, c.k), undefined);
      return body(native, values, 'y', c.m * c.n, o.dense ? data.denseFlops : data.liveFlops, false);
    },
  };
}
