import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { CExpr } from '../../src/model/expr.js';
import type { RuntimeInput } from '../../src/model/kernel.js';
import type { RuntimeValues } from '../../src/model/values.js';
import { buildPlan, planSlice } from '../../src/runtime/plan/planner.js';
import { newPlanStats, type BlockPlan } from '../../src/runtime/plan/types.js';
import { analyzeIterationSpace } from '../../src/analysis/index.js';
import { and, b, bin, bruteTile, causal, h, int, k, kernelOf, load, member, or, q, sizesOf, sub } from './helpers.js';

const DOC: RuntimeInput = { kind: 'tensor', name: 'doc', elem: 'i32', axes: [{ kind: 'size', name: 'kv_len' }] };
const SEL: RuntimeInput = { kind: 'blocks', name: 'sel', bq: 8, bk: 8 };
const COLS: RuntimeInput = { kind: 'list', name: 'cols', elem: 'i32', axes: [{ kind: 'size', name: 'batch' }, { kind: 'size', name: 'heads' }] };
const documentMask = and(causal, bin('eq', load('doc', 'int', q), load('doc', 'int', k)));
const blockMask = load('sel', 'bool', b, h, bin('div', q, int(8)), bin('div', k, int(8)));
const verticalMask = and(causal, or(member('cols', k, b, h), bin('lt', sub(q, k), int(5))));

function sortedDocIds(kvLen: number, seed: number): Int32Array {
  const ids = new Int32Array(kvLen);
  let id = 0;
  let x = seed;
  for (let i = 0; i < kvLen; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    if (i > 0 && x % 17 === 0) id++;
    ids[i] = id;
  }
  return ids;
}

/** Compares a plan with brute force: live set exact (or a superset), full tiles always truly full. */
function compareWithBrute(plan: BlockPlan, mask: CExpr, inputs: RuntimeInput[], runtime: RuntimeValues, s: ReturnType<typeof sizesOf>, exact: boolean): void {
  for (let bb = 0; bb < s.batch; bb++) {
    for (let hh = 0; hh < s.heads; hh++) {
      const slice = planSlice(plan, bb, hh);
      for (let qt = 0; qt < plan.numQTiles; qt++) {
        const live = new Map<number, number>();
        for (let i = plan.rowPtr[slice * plan.numQTiles + qt]!; i < plan.rowPtr[slice * plan.numQTiles + qt + 1]!; i++) live.set(plan.kTiles[i]!, plan.full[i]!);
        for (let kt = 0; kt < plan.numKTiles; kt++) {
          const r0 = qt * plan.tileQ;
          const truth = bruteTile(mask, inputs, s, runtime, bb, hh, r0, Math.min(s.qLen, r0 + plan.tileQ), kt * plan.tileK, Math.min(s.kvLen, (kt + 1) * plan.tileK));
          if (truth !== 0) expect(live.has(kt)).toBe(true);
          if (exact && truth === 0) expect({ qt, kt, live: live.has(kt) }).toEqual({ qt, kt, live: false });
          if (live.get(kt) === 1) expect(truth).toBe(1);
        }
      }
    }
  }
}

describe('runtime planner', () => {
  it('document ids: plan equals brute force (sorted consecutive ids make it exact)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 120 }), fc.constantFrom(4, 8, 16), fc.nat(), (kvLen, tile, seed) => {
      const s = sizesOf({ qLen: kvLen, kvLen });
      const runtime = { doc: sortedDocIds(kvLen, seed) };
      const plan = buildPlan(documentMask, [DOC], s, runtime, tile, tile);
      expect(plan.bShared && plan.hShared).toBe(true);
      compareWithBrute(plan, documentMask, [DOC], runtime, s, true);
    }), { numRuns: 60 });
  });

  it('block layouts aligned with the tiles: plan equals the layout exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 }), fc.nat(), (kvLen, batch, heads, seed) => {
      const s = sizesOf({ qLen: kvLen, kvLen, batch, heads });
      const nb = Math.ceil(kvLen / 8);
      const sel = Uint8Array.from({ length: batch * heads * nb * nb }, (_, i) => ((i * 2654435761 + seed) >>> 0) % 3 === 0 ? 1 : 0);
      const plan = buildPlan(blockMask, [SEL], s, { sel }, 8, 8);
      expect(plan.bShared || plan.hShared).toBe(false);
      compareWithBrute(plan, blockMask, [SEL], { sel }, s, true);
    }), { numRuns: 40 });
  });

  it('lists (vertical + slash): a superset of the live tiles with no wrong full tile, with q_len < kv_len', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 80 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (kvLen, frac, seed) => {
      const qLen = Math.max(1, Math.round(frac * kvLen));
      const s = sizesOf({ qLen, kvLen, batch: 2, heads: 2 });
      const values: number[] = [];
      const offsets = new Int32Array(5);
      for (let l = 0; l < 4; l++) {
        for (let v = 0; v < kvLen; v++) if (((v * 40503 + l * 977 + seed) >>> 0) % 9 === 0) values.push(v);
        offsets[l + 1] = values.length;
      }
      const runtime = { cols: { offsets, values: Int32Array.from(values) } };
      const plan = buildPlan(verticalMask, [COLS], s, runtime, 8, 8);
      compareWithBrute(plan, verticalMask, [COLS], runtime, s, false);
    }), { numRuns: 40 });
  });

  it('costs O(tiles): pair evaluations bounded by the tile grid, element reads by the input length', () => {
    for (const kvLen of [2048, 16384]) {
      const s = sizesOf({ qLen: kvLen, kvLen });
      const stats = newPlanStats();
      buildPlan(documentMask, [DOC], s, { doc: sortedDocIds(kvLen, 7) }, 64, 64, { stats });
      const tiles = (kvLen / 64) ** 2;
      // Causal prefilter: only the lower triangle of tile pairs is visited.
      expect(stats.pairEvaluations).toBe((kvLen / 64) * (kvLen / 64 + 1) / 2);
      expect(stats.pairEvaluations).toBeLessThanOrEqual(tiles);
      expect(stats.elementReads).toBeLessThan(4 * kvLen + 8 * tiles);
    }
  });

  it('analyzeIterationSpace gives a runtime plan for runtime inputs', () => {
    const s = sizesOf({ qLen: 32, kvLen: 32 });
    const space = analyzeIterationSpace(kernelOf(documentMask, s, [DOC]), 8, 8);
    expect(space.kind).toBe('runtime-plan');
    if (space.kind !== 'runtime-plan') return;
    const plan = space.plan(s, { doc: sortedDocIds(32, 3) });
    compareWithBrute(plan, documentMask, [DOC], { doc: sortedDocIds(32, 3) }, s, true);
  });
});
