/**
 * @file The WGSL variants: which one a device gets, naga's validation of every variant of dsl/ (f16 ones cannot run
 * here: no adapter has shader-f16), and the plain variant verified on Dawn (the dsl/ verify runs the best variant).
 */
import { describe, it, expect } from 'vitest';
import { parseWgsl, validate } from 'naga-wasm';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/index.js';
import { verifyKernels } from '../../src/harness/verify.js';
import type { AttentionSizes, Kernel } from '../../src/model/kernel.js';
import { nodeDevice } from '../../src/runtime/webgpu/node-device.js';
import { DEFAULT_PRINT, WGSL_VARIANTS, variantFor } from '../../src/targets/webgpu/print.js';
import { compileWgsl, createWebgpuTarget } from '../../src/targets/webgpu/target.js';
import { skipTarget } from '../support/targets.js';
import { HAS_ADAPTER } from './helpers.js';

const prog = await loadProgram(['dsl'], {});
const { kernels } = checkProgram(prog);

/** Concrete sizes for kernels whose head_dim is dynamic (printing needs it). */
function sizesFor(k: Kernel): AttentionSizes | undefined {
  if (k.kind !== 'attention' || (k.headDim !== 'dynamic' && k.valueDim !== 'dynamic')) return undefined;
  return { batch: 1, heads: k.heads, kvHeads: k.kvHeads, qLen: 16, kvLen: 16, headDim: 64, valueDim: 64 } as AttentionSizes;
}

/** naga's verdict on `wgsl` ('' when valid). naga 30 has no `enable subgroups;` directive (it accepts the builtins without it). */
function nagaErrors(wgsl: string): string {
  try {
    validate(parseWgsl(wgsl.replace(/^enable subgroups;\n/, '')));
    return '';
  } catch (err) {
    return String(err instanceof Error ? err.message : err).slice(0, 400);
  }
}

describe('webgpu WGSL variants', () => {
  it('lists the plain f32 variant last and picks the best one a device can run', () => {
    expect(WGSL_VARIANTS.at(-1)).toEqual({ requires: [], print: {} });
    expect(variantFor(new Set(['subgroups', 'timestamp-query']))).toEqual({ features: { subgroups: true } });
    expect(variantFor(new Set(['shader-f16', 'subgroups']))).toEqual({ features: { f16: true, subgroups: true } });
    expect(variantFor(new Set())).toEqual({});
  });

  it('naga validates every variant (plain, subgroups, f16) of every kernel in dsl/', () => {
    const failures: string[] = [];
    let halfTiles = 0;
    for (const k of kernels) {
      for (const v of WGSL_VARIANTS) {
        const { wgsl } = compileWgsl(k, sizesFor(k), undefined, { ...DEFAULT_PRINT, ...v.print }).artifact;
        if (wgsl.includes('var<workgroup> wh:')) halfTiles++;
        const err = nagaErrors(wgsl);
        if (err) failures.push(`${k.name} ${JSON.stringify(v.print)}: ${err}`);
      }
    }
    expect(failures).toEqual([]);
    // the f16 variants of f16-storage attention kernels really keep staged tiles as f16
    expect(halfTiles).toBeGreaterThan(10);
  }, 300_000);

  it('naga rejects a broken module (the check can fail)', () => {
    expect(nagaErrors('fn f() { let x: f32 = 1u; }')).not.toBe('');
  });
});

describe.skipIf(skipTarget('webgpu', HAS_ADAPTER, 'no WebGPU adapter; run scripts/setup-webgpu.sh'))('webgpu variants on Dawn', () => {
  it('the default target runs the best variant the device has (subgroups on SwiftShader)', async () => {
    const device = await nodeDevice();
    expect(device.ok && device.device.features.has('subgroups')).toBe(true);
    const k = kernels.find((x) => x.name === 'streaming_prefill')!;
    expect(compileWgsl(k, undefined, undefined, { ...DEFAULT_PRINT, ...variantFor(device.ok ? device.device.features : new Set()) }).artifact.requires).toEqual(['subgroups']);
  });

  it('the plain variant (every device) passes verify on kernels of dsl/ of every walk and a gemm', async () => {
    const names = ['streaming_prefill', 'blockrank_prefill', 'power_attention_prefill', 'minicpm4_decode', 'sea_topk', 'alibi_softcap', 'nm_4_8'];
    const picked = kernels.filter((k) => names.includes(k.name));
    expect(picked.length).toBe(names.length);
    const target = createWebgpuTarget(undefined, variantFor(new Set()));
    const report = await verifyKernels(picked, [target], { seed: 11, require: ['webgpu'] });
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.detail}`)).toEqual([]);
    expect(report.results.length).toBeGreaterThanOrEqual(picked.length);
  }, 600_000);
});
