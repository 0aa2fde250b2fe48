/**
 * @file Test support: an emulated cuda target whose printed source goes through a mutation first (attention
 * kernels with a static head_dim), to show that verify catches a broken kernel (a barrier left out, a wrong
 * fragment index, a missing cp.async wait).
 */
import { expect } from 'vitest';
import type { CompiledKernel, Target } from '../../src/harness/target.js';
import type { AttentionKernel, AttentionSizes, Kernel } from '../../src/model/kernel.js';
import type { AttentionInputs, AttentionOutputs } from '../../src/model/values.js';
import { bindAttention } from '../../src/targets/webgpu/bind.js';
import { compileEmulated } from '../../src/targets/cuda/emulate.js';
import { compileCuda } from '../../src/targets/cuda/target.js';

/** The target; with `mustChange`, a mutation that leaves the source as printed fails the test (it would prove nothing). */
export function mutatedTarget(mutate: (source: string) => string, { mustChange = false } = {}): Target {
  return {
    name: 'cuda-mutated',
    availability: async () => ({ ok: true }),
    async compile(kernel: Kernel): Promise<CompiledKernel> {
      const { pipeline, artifact } = compileCuda(kernel);
      const source = mutate(artifact.source);
      if (mustChange) expect(source).not.toBe(artifact.source);
      const binary = compileEmulated({ ...artifact, source });
      return {
        async runAttention(sizes: AttentionSizes, inputs: AttentionInputs, outputs: AttentionOutputs) {
          const values = bindAttention(kernel as AttentionKernel, pipeline.walk, pipeline.schedule, sizes, inputs);
          binary.run(values, { out: outputs.out, lse: outputs.lse ?? new Float32Array(0) });
        },
      };
    },
  };
}
