/**
 * @file The demo page's kernels.json, built at test time: WGSL artifacts of one sparse attention and
 * one N:M sparse gemm kernel, their fixed inputs (block plan, packed weight) and the attention mask.
 */
import { parseSource } from '../../src/frontend/parse.js';
import { checkProgram } from '../../src/checker/check.js';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes } from '../../src/model/kernel.js';
import { compileWgsl } from '../../src/targets/webgpu/target.js';
import { planFor } from '../../src/passes/attention-space.js';
import { maskTensor, sizeRecord } from '../../src/reference/mask.js';
import { packWeight } from '../../src/runtime/packing.js';
import { Rng, randomGemmInputs } from '../../src/reference/random.js';

/** The kernels the page runs. */
export const DEMO_SOURCE = `
pattern sinks_window(sinks: int = 4, window: int = 16) = causal && (k < sinks || q - k < window)
kernel demo_attention = attention(sinks_window) { heads = 2; kv_heads = 1; head_dim = 16; seq = 64 }
kernel demo_gemm = gemm { m = 8; n = 32; k = 64; weight = nm(2, 4) }
`;

function kernels(): { attention: AttentionKernel; gemm: GemmKernel } {
  const { module } = parseSource('demo.sparse', DEMO_SOURCE);
  const r = checkProgram({ modules: [{ path: '/virtual/demo.sparse', display: 'demo.sparse', module, imports: [] }], sources: new Map([['demo.sparse', DEMO_SOURCE]]) });
  if (r.diagnostics.length > 0) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return { attention: r.kernels[0] as AttentionKernel, gemm: r.kernels[1] as GemmKernel };
}

const plain = (a: ArrayLike<number>): number[] => Array.from(a);

/** Everything the page needs, as JSON-ready data. */
export function buildDemoSpec(): Record<string, unknown> {
  const k = kernels();
  const sizes: AttentionSizes = { batch: 1, heads: 2, kvHeads: 1, headDim: 16, valueDim: 16, qLen: 64, kvLen: 64 };
  const a = compileWgsl(k.attention);
  const fixed: Record<string, number | number[]> = {};
  if (a.pipeline.walk?.kind === 'plan') {
    const plan = planFor(k.attention, a.pipeline.walk, sizes, {}, a.pipeline.schedule.tile_q, a.pipeline.schedule.tile_k);
    Object.assign(fixed, {
      'plan.rowptr': plain(plan.rowPtr), 'plan.ktiles': plain(plan.kTiles), 'plan.full': plain(plan.full), 'plan.hcount': plan.hCount,
      'plan.bmul': plan.bShared ? 0 : 1, 'plan.hmul': plan.hShared ? 0 : 1, 'plan.len': plan.kTiles.length, 'plan.rows': plan.rowPtr.length,
    });
  }
  const gSizes: GemmSizes = { m: 8, n: 32, k: 64 };
  const g = compileWgsl(k.gemm);
  const inputs = randomGemmInputs(k.gemm, gSizes, new Rng(5));
  const packed = packWeight(k.gemm.weight, inputs.w, gSizes.n, gSizes.k);
  if (packed.format !== 'nm') throw new Error('demo gemm is N:M');
  return {
    attention: { artifact: a.artifact, sizes: sizeRecord(sizes), fixed, mask: plain(maskTensor(k.attention, sizes, {})) },
    gemm: { artifact: g.artifact, sizes: gSizes, fixed: { 'w.values': plain(packed.values), 'w.indices': plain(packed.indices) }, x: plain(inputs.x), w: plain(inputs.w) },
  };
}
