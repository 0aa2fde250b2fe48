import { describe, it, expect, beforeAll } from 'vitest';
import { PNG } from 'pngjs';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/check.js';
import type { AttentionKernel, AttentionSizes } from '../../src/model/kernel.js';
import { analyzeIterationSpace, planOf } from '../../src/analysis/index.js';
import { compileMaskJs } from '../../src/analysis/mask-js.js';
import { planSlice } from '../../src/runtime/plan/planner.js';
import { sizeRecord } from '../../src/runtime/plan/types.js';
import { showKernel, showSizes } from '../../src/show/index.js';

let kernels: AttentionKernel[] = [];

beforeAll(async () => {
  const program = await loadProgram(['dsl/']);
  const checked = checkProgram(program);
  kernels = checked.kernels.filter((k): k is AttentionKernel => k.kind === 'attention');
});

/** Shrinks a kernel's sequence sizes (made dynamic) so brute force stays cheap. */
function shrunk(kernel: AttentionKernel, qLen: number, kvLen: number): { kernel: AttentionKernel; sizes: AttentionSizes } {
  const s = showSizes(kernel);
  const sizes = { ...s, qLen: Math.min(qLen, kernel.qLen === 1 ? 1 : qLen), kvLen };
  return { kernel: { ...kernel, qLen: 'dynamic', kvLen: 'dynamic' }, sizes };
}

describe('every kernel in dsl/', () => {
  it('loads some attention kernels', () => {
    expect(kernels.length).toBeGreaterThan(5);
    const kinds = kernels.map((k) => `${k.name}: ${analyzeIterationSpace(k, 64, 64).kind}`);
    if (process.env.SHOW_SPACES) console.log(kinds.join('\n'));
  });

  it('closed forms equal brute-force live tiles for every affine kernel', () => {
    let affine = 0;
    for (const original of kernels) {
      for (const [qLen, kvLen, tile] of [[200, 200, 32], [77, 520, 64]] as const) {
        const { kernel, sizes } = shrunk(original, qLen, kvLen);
        const space = analyzeIterationSpace(kernel, tile, tile);
        if (space.kind !== 'closed-form') continue;
        affine++;
        const plan = planOf(kernel, space, sizes, {}, tile, tile);
        const mask = compileMaskJs(kernel.mask, kernel.inputs, sizeRecord(sizes), {});
        const off = sizes.kvLen - sizes.qLen;
        for (let h = 0; h < sizes.heads; h++) {
          const slice = planSlice(plan, 0, h);
          for (let qt = 0; qt < plan.numQTiles; qt++) {
            const live = new Set<number>();
            for (let i = plan.rowPtr[slice * plan.numQTiles + qt]!; i < plan.rowPtr[slice * plan.numQTiles + qt + 1]!; i++) live.add(plan.kTiles[i]!);
            for (let kt = 0; kt < plan.numKTiles; kt++) {
              let any = false;
              for (let r = qt * tile; r < Math.min(sizes.qLen, (qt + 1) * tile) && !any; r++) {
                for (let kk = kt * tile; kk < Math.min(sizes.kvLen, (kt + 1) * tile); kk++) if (mask(0, h, r + off, kk)) { any = true; break; }
              }
              expect({ kernel: kernel.name, h, qt, kt, live: live.has(kt) }).toEqual({ kernel: kernel.name, h, qt, kt, live: any });
            }
          }
        }
      }
    }
    expect(affine).toBeGreaterThan(0);
  });

  it('show draws a picture for every kernel', () => {
    for (const kernel of kernels) {
      // NOTE: sequence sizes capped at 384 to keep the suite fast; the CLI draws the declared sizes.
      const full = showSizes(kernel);
      const sizes = { ...full, kvLen: Math.min(full.kvLen, 384), qLen: Math.min(full.qLen, 384) };
      const { png, figures } = showKernel({ ...kernel, qLen: 'dynamic', kvLen: 'dynamic' }, { seed: 3, sizes });
      const img = PNG.sync.read(png!);
      expect(img.width, kernel.name).toBeGreaterThan(16);
      expect(figures.liveTiles + figures.emptyTiles, kernel.name).toBeGreaterThan(0);
      expect(figures.density, kernel.name).toBeLessThanOrEqual(1);
    }
  });
});
