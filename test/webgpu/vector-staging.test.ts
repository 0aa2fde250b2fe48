/**
 * @file Staging copies by vec4 loads on Dawn: odd head_dim, ragged key tiles and rows that start off a 16-byte
 * boundary (the scalar fallback inside the vector reader) still match the reference; input regions are 16-byte aligned.
 */
import { describe, it, expect } from 'vitest';
import { verifyKernels } from '../../src/harness/verify.js';
import { compileWgsl, webgpuTarget } from '../../src/targets/webgpu/target.js';
import { nodeDevice } from '../../src/runtime/webgpu/node-device.js';
import { prepareKernel } from '../../src/runtime/webgpu/run.js';
import { INPUT_ALIGN_WORDS, type WgslKernelArtifact } from '../../src/runtime/webgpu/artifact.js';
import { HAS_ADAPTER, kernelsOf } from './helpers.js';
import { skipTarget } from '../support/targets.js';

const SOURCE = `
kernel hd36 = attention(causal && q - k < 50) { heads = 2; kv_heads = 1; head_dim = 36; seq = dynamic; outputs = out, lse }
kernel g_k30 = gemm { m = dynamic; n = 20; k = 30; weight = dense; dtype = f32 }
`;

/** A kernel that copies input `a` (3 odd-length regions before it) to its output: the header gives each region's offset. */
const OFFSETS: WgslKernelArtifact = {
  format: 'sparsec-wgsl-1',
  name: 'offsets',
  wgsl: `@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
@compute @workgroup_size(1)
fn main() {
  for (var i = 0u; i < 4u; i = i + 1u) { atomicStore(&ob[i], ib[1u + 2u * i]); }
  let v = ib4[ib[7u] / 4u];
  for (var c = 0u; c < 4u; c = c + 1u) { atomicStore(&ob[4u + c], v[c]); }
}`,
  entryPoint: 'main',
  workgroupSize: 1,
  workgroups: 1,
  scratchF32: 1,
  scratchI32: 1,
  scalars: [],
  inputs: ['a', 'b', 'c', 'd'].map((name) => ({ name, codec: 'i32' as const })),
  outputs: [{ name: 'out', codec: 'i32' }],
};

describe.skipIf(skipTarget('webgpu', HAS_ADAPTER, 'no WebGPU adapter; run scripts/setup-webgpu.sh'))('webgpu vec4 staging on Dawn', () => {
  const kernels = kernelsOf(SOURCE);

  it('prints vector copies for both kernels, with a column bound where the last tile is ragged', () => {
    const [hd36, gK30] = kernels.map((k) => compileWgsl(k).artifact.wgsl);
    expect(hd36).toMatch(/rv\d\(\(v\d+ \+ e\d+_0 \* 36i \+ e\d+_1 \* 4\)\)/);
    // rows of 30 words: every other row starts off a 16-byte boundary; the last kd tile of 32 holds 30 valid columns
    expect(gK30).toMatch(/select\(vec4<f32>\(0f\), rv\d\(\(v\d+ \+ e\d+_0 \* 30i \+ e\d+_1 \* 4\)\), vec4<i32>\(e\d+_1 \* 4\) \+ vec4<i32>\(0, 1, 2, 3\) < vec4<i32>\(v\d+\)\)/);
  });

  it('matches the reference with head_dim 36, ragged key tiles and unaligned gemm rows', async () => {
    const report = await verifyKernels(kernels, [webgpuTarget], { seed: 11, require: ['webgpu'] });
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.detail}`)).toEqual([]);
    expect(new Set(report.results.map((r) => r.kernel))).toEqual(new Set(['hd36', 'g_k30']));
  });

  it('starts every input region on a 16-byte boundary, readable through the vec4 binding', async () => {
    const gpu = await nodeDevice();
    if (!gpu.ok) throw new Error(gpu.reason);
    const kernel = await prepareKernel(gpu.device, OFFSETS);
    const values = new Map<string, Int32Array>([['a', Int32Array.of(1, 2, 3)], ['b', Int32Array.of(4)], ['c', Int32Array.of(5, 6, 7, 8, 9)], ['d', Int32Array.of(10, 11, 12, 13)]]);
    const out = new Float32Array(8);
    await kernel.run(values, { out });
    // the i32 codec decodes word values into the Float32Array
    const offsets = [...out.slice(0, 4)];
    // header: -inf, then (offset, length) for a, b, c, d and out = 11 words: a starts at 12
    expect(offsets).toEqual([12, 16, 20, 28]);
    expect(offsets.every((o) => o % INPUT_ALIGN_WORDS === 0)).toBe(true);
    expect([...out.slice(4)]).toEqual([10, 11, 12, 13]);
  });
});
