/**
 * @file pack_gqa = stack on interp: GQA kernels of dsl/ whose tasks stack the query heads of a KV head into one tile
 * verify against the float64 reference, and the lowered IR walks KV heads with one K / V load per key tile.
 */
import { describe, expect, it } from 'vitest';
import { loadAndCheck } from '../../src/cli/frontend-run.js';
import { verifyKernels } from '../../src/harness/verify.js';
import type { AttentionKernel } from '../../src/model/kernel.js';
import { loopParts, toposort } from '../../src/ir/node.js';
import { Op } from '../../src/ir/ops.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { createInterpTarget } from '../../src/targets/interp/target.js';

const { kernels } = await loadAndCheck(['dsl/heads.sparse', 'dsl/decode-gather.sparse']);
const gqa = kernels.filter((k): k is AttentionKernel => k.kind === 'attention' && typeof k.kvHeads === 'number' && k.heads !== k.kvHeads);

describe('pack_gqa = stack', () => {
  it('the lowering walks KV heads, one K load per key tile, tile_q divided by the group', () => {
    const k = gqa.find((x) => x.name === 'gqa_prefill')!;
    const r = runPipeline(k, 'interp', { schedule: { pack_gqa: 'stack', tile_q: 32 } });
    expect(r.schedule.tile_q).toBe(8);
    expect(r.stages.map((s) => s.name)).not.toContain('pack-gqa');
    const nodes = toposort([r.stages[0]!.ir]);
    const h = nodes.find((n) => n.op === Op.LOOP && loopParts(n).role === 'h')!;
    expect(loopParts(h).hi.arg).toBe(4);
    const kLoads = nodes.filter((n) => n.op === Op.LOAD && n.src[0]!.arg === 'k');
    expect(kLoads.length).toBe(1);
    expect(kLoads[0]!.type.kind === 'tile' && kLoads[0]!.type.shape).toEqual([64, 64]);
  });

  it('every GQA kernel of dsl/heads.sparse and dsl/decode-gather.sparse verifies on interp, tiles of several sizes', async () => {
    expect(gqa.map((k) => k.name)).toContain('gqa_prefill');
    for (const schedule of [{ pack_gqa: 'stack' }, { pack_gqa: 'stack', tile_q: 5, tile_k: 7 }] as const) {
      const report = await verifyKernels(gqa, [createInterpTarget(schedule)], { seed: 3 });
      expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${JSON.stringify(schedule)} ${r.kernel} ${r.case}: ${r.detail}`)).toEqual([]);
      expect(report.results.length).toBeGreaterThanOrEqual(gqa.length);
    }
  }, 600_000);
});
