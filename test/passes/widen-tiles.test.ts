/**
 * @file Pass `widen-tiles`: for every dsl/ kernel with f16 / bf16 data, the IR before `legalize.T` has 16-bit tiles
 * and, on every target (all say `native_half: none`), `legalize.T` has none left; a table keeping f16 keeps them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isHalfTile } from '../../src/ir/dtype.js';
import { toposort, type Node } from '../../src/ir/node.js';
import type { Kernel } from '../../src/model/kernel.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { targetNames, targetTable } from '../../src/passes/target-table.js';
import { widenTiles } from '../../src/passes/widen-tiles.js';
import { loadDslKernels } from '../goldens/dsl-kernels.js';

const halfCount = (ir: Node): number => toposort([ir]).filter((n) => isHalfTile(n.type)).length;

describe('widen-tiles', () => {
  let kernels: Kernel[];
  beforeAll(async () => {
    kernels = [...(await loadDslKernels()).values()].filter((k) => k.dtype !== 'f32' && (k.kind !== 'attention' || (k.headDim !== 'dynamic' && k.valueDim !== 'dynamic')));
  });

  it('every target computes in f32 today: legalize.T holds no 16-bit tile, the stage before it does', () => {
    expect(kernels.length).toBeGreaterThan(5);
    for (const target of targetNames()) {
      expect(targetTable(target)!.nativeHalf).toBe('none');
      for (const kernel of kernels) {
        const { stages, final } = runPipeline(kernel, target);
        expect(halfCount(stages[stages.length - 2]!.ir), `${kernel.name} on ${target}`).toBeGreaterThan(0);
        expect(halfCount(final), `${kernel.name} on ${target}`).toBe(0);
      }
    }
  });

  it('keeps the types a table computes on, and widening twice changes nothing', () => {
    for (const kernel of kernels) {
      const { stages } = runPipeline(kernel, 'interp');
      const before = stages[stages.length - 2]!.ir;
      expect(widenTiles(before, 'f16+bf16')).toBe(before);
      const wide = widenTiles(before, 'none');
      expect(widenTiles(wide, 'none')).toBe(wide);
      expect(halfCount(widenTiles(before, 'f16')) > 0).toBe(kernel.dtype === 'f16');
    }
  });
});
