/**
 * @file Helpers of the regression tests: kernels from source text, run on every available target with
 * given inputs, compared with the float64 reference (and the targets with each other) through the harness.
 */
import { runAttentionCase, runGemmCase } from '../../src/harness/cases.js';
import type { Target } from '../../src/harness/target.js';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel } from '../../src/model/kernel.js';
import type { AttentionInputs, GemmInputs } from '../../src/model/values.js';
import { referenceAttention } from '../../src/reference/attention.js';
import { gemmMagnitude, referenceGemm } from '../../src/reference/gemm.js';
import { cudaTarget } from '../../src/targets/cuda/target.js';
import { interpTarget } from '../../src/targets/interp/target.js';
import { neonTarget } from '../../src/targets/neon/target.js';
import { wasmTarget } from '../../src/targets/wasm/target.js';
import { webgpuTarget } from '../../src/targets/webgpu/target.js';
import { HAS_ADAPTER, kernelsOf } from '../webgpu/helpers.js';
import { skipTarget } from '../support/targets.js';

export { kernelsOf };

/** The target when its runtime is here (else none, said out loud; a failure under SPARSEC_REQUIRE_ALL_TARGETS=1). */
async function ifAvailable(target: Target): Promise<Target[]> {
  const available = await target.availability();
  return skipTarget(target.name, available.ok, available.ok ? '' : available.reason) ? [] : [target];
}

/**
 * Every target that can run here: webgpu needs a Dawn adapter (SwiftShader counts), neon an aarch64 gcc and
 * qemu-aarch64 (or an arm64 host), cuda a GPU with nvcc or else the host g++ (emulated).
 */
export const TARGETS: readonly Target[] = [
  interpTarget,
  wasmTarget,
  ...(skipTarget('webgpu', HAS_ADAPTER, 'no WebGPU adapter; run scripts/setup-webgpu.sh') ? [] : [webgpuTarget]),
  ...(await ifAvailable(neonTarget)),
  ...(await ifAvailable(cudaTarget)),
];

/** The targets of TARGETS that are not C targets (the interpreter, wasm and webgpu). */
export const JS_TARGETS: readonly Target[] = TARGETS.filter((t) => t !== neonTarget && t !== cudaTarget);

/** The one kernel of `source` (throws on diagnostics). */
export function kernelOf<K extends Kernel>(source: string): K {
  const [kernel] = kernelsOf(source);
  if (!kernel) throw new Error('no kernel in source');
  return kernel as K;
}

/** Failures (one line per target) of an attention kernel run on `inputs` against the reference. */
export async function attentionFailures(kernel: AttentionKernel, sizes: AttentionSizes, inputs: AttentionInputs, targets = TARGETS): Promise<string[]> {
  const reference = referenceAttention(kernel, sizes, inputs);
  const rows = sizes.batch * sizes.heads * sizes.qLen;
  const data = { kernel, sizes, inputs, reference, checkedRows: new Uint8Array(rows).fill(1), note: '' };
  const failures: string[] = [];
  for (const target of targets) {
    const compiled = await target.compile(kernel);
    try {
      const outcome = await runAttentionCase(compiled, data);
      if (!outcome.pass) failures.push(`${target.name}: ${outcome.detail}`);
    } finally {
      await compiled.dispose?.();
    }
  }
  return failures;
}

/** Failures (one line per target) of a gemm kernel run on `inputs` against the reference. */
export async function gemmFailures(kernel: GemmKernel, sizes: GemmSizes, inputs: GemmInputs, targets = TARGETS): Promise<string[]> {
  const reference = referenceGemm(kernel, sizes, inputs);
  const magnitude = gemmMagnitude(kernel, sizes, inputs);
  const data = { kernel, sizes, inputs, reference, magnitude, note: '' };
  const failures: string[] = [];
  for (const target of targets) {
    const compiled = await target.compile(kernel);
    try {
      const outcome = await runGemmCase(compiled, data);
      if (!outcome.pass) failures.push(`${target.name}: ${outcome.detail}`);
    } finally {
      await compiled.dispose?.();
    }
  }
  return failures;
}

/** Normal random f32 values (a small LCG: the tests must not depend on Math.random). */
export function randomValues(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u1 = (s + 1) / 4294967297;
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u2 = s / 4294967296;
    out[i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  return out;
}
