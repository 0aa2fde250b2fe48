/** @file The SIMT slot plan computed on the IR (src/targets/simt/liveness.ts): live ranges of staged operands, register candidates, the register budget. */
import { describe, expect, it } from 'vitest';
import { numel } from '../../src/ir/dtype.js';
import { toposort, type Node } from '../../src/ir/node.js';
import { Op } from '../../src/ir/ops.js';
import { operandLoad } from '../../src/passes/stage-shared.js';
import { planSlots, rowShuffles } from '../../src/targets/simt/liveness.js';
import { compileWgsl } from '../../src/targets/webgpu/target.js';
import { kernelsOf } from './helpers.js';

const [dense64] = kernelsOf('kernel dense64 = attention(causal) { heads = 2; head_dim = 64; seq = 256 }') as [never];
const kernel = compileWgsl(dense64).pipeline.final;
const all = toposort([kernel]);
const dots = all.filter((n) => n.op === Op.DOT);
const options = (registerWords: number) => ({ lanes: 64, registerWords, shuffles: rowShuffles(false, () => true) });
const words = (n: Node): number => Math.ceil(numel(n.type.kind === 'tile' ? n.type.shape : []) / 64);

describe('slot plan on the IR', () => {
  it('gives the staged K and V tiles live ranges that do not meet (they share workgroup words)', () => {
    const plan = planSlots(kernel, options(Number.POSITIVE_INFINITY));
    // S = Q K^T reads K as its right operand, O += P V reads V as its right operand
    const [k, v] = dots.map((d) => operandLoad(d.src[1]!)!.load);
    const [kLive, vLive] = [plan.live.get(k!)!, plan.live.get(v!)!];
    expect(kLive).toBeDefined();
    expect(vLive).toBeDefined();
    expect(kLive[1]).toBeLessThan(vLive[0]);
  });

  it('keeps Q live over the whole KV loop: it is read again on the next trip, after V', () => {
    const plan = planSlots(kernel, options(Number.POSITIVE_INFINITY));
    const q = operandLoad(dots[0]!.src[0]!)!.load;
    const v = operandLoad(dots[1]!.src[1]!)!.load;
    expect(plan.live.get(q)![1]).toBeGreaterThan(plan.live.get(v)![1]);
  });

  it('keeps tiles read across lanes out of registers, and puts owner-only tiles there', () => {
    const plan = planSlots(kernel, options(Number.POSITIVE_INFINITY));
    // the masked scores are read along their rows by the row max; O += P V is read only at the owner's element
    const scores = all.find((n) => n.op === Op.REDUCE_MAX)!.src[0]!;
    expect(plan.live.has(scores)).toBe(true);
    expect(plan.registers.has(scores)).toBe(false);
    expect(plan.registers.has(dots[1]!)).toBe(true);
  });

  it('stops at the register budget (smallest tiles first)', () => {
    const unbounded = planSlots(kernel, options(Number.POSITIVE_INFINITY));
    const budget = 2;
    const bounded = planSlots(kernel, options(budget));
    const taken = [...bounded.registers].reduce((s, n) => s + words(n), 0);
    expect(taken).toBeLessThanOrEqual(budget);
    expect(bounded.registers.size).toBeLessThan(unbounded.registers.size);
    for (const n of bounded.registers) expect(unbounded.registers.has(n)).toBe(true);
  });
});
