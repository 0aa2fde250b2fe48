/**
 * @file Staging as IR: the `stage-shared` pass of legalize.webgpu marks the DOT operands read from global memory
 * (`stage: shared` on their LOADs, from the table's `stage_shared`), and the SIMT layout stages exactly those.
 */
import { describe, expect, it } from 'vitest';
import { isStaged } from '../../src/passes/stage-shared.js';
import { toposort } from '../../src/ir/node.js';
import { layoutKernel } from '../../src/targets/simt/layout.js';
import { lowerForWebgpu } from '../../src/targets/webgpu/target.js';
import { kernelsOf } from './helpers.js';

const [prefill] = kernelsOf('kernel pre = attention(causal) { heads = 2; head_dim = 8; seq = dynamic }') as [never];

describe('stage-shared on webgpu', () => {
  it('marks Q, K and V tile loads in the IR the printer receives, and the layout stages exactly the marked ones', () => {
    const final = lowerForWebgpu(prefill).final;
    const marked = toposort([final]).filter(isStaged);
    expect(marked.length).toBe(3);
    expect([...layoutKernel(final).staged].sort((a, b) => a.id - b.id)).toEqual(marked.sort((a, b) => a.id - b.id));
  });

  it('stages nothing when the schedule says none', () => {
    const final = lowerForWebgpu(prefill, undefined, { stage_shared: 'none' }).final;
    expect(toposort([final]).filter(isStaged)).toEqual([]);
    expect(layoutKernel(final).staged.size).toBe(0);
  });
});
