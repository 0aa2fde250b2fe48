/**
 * @file The neon printer splits between threads exactly the loops the `bind` pass bound to `block` from
 * targets/neon.json (issue 9 item 3: no printer infers parallelism from loop role names).
 */
import { describe, expect, it } from 'vitest';
import { checkKernelSource } from '../../src/bench/sparsec/kernels.js';
import { loopParts, Node, toposort } from '../../src/ir/node.js';
import { Op } from '../../src/ir/ops.js';
import type { Kernel } from '../../src/model/kernel.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { neonSource } from '../../src/targets/neon/source.js';
import { causalKernel, decodeKernel } from '../harness/kernels.js';

const SPLIT = 'if (work++ % nth == tid) {';

/** `final` with every loop bound `serial`, as a table with no `block` entry would leave it. */
function allSerial(final: Node): Node {
  const done = new Map<Node, Node>();
  for (const n of toposort([final])) {
    let cur = n.withSrc(n.src.map((s) => done.get(s) ?? s));
    if (n.op === Op.LOOP) cur = Node.make(Op.LOOP, cur.type, cur.src, { ...cur.attrs, bind: 'serial' });
    done.set(n, cur);
  }
  return done.get(final)!;
}

const kernels: Record<string, Kernel> = {
  'dense gemm': checkKernelSource('kernel g = gemm { m = 4; n = 64; k = 32; weight = dense }'),
  'causal attention': causalKernel,
  'gqa decode': decodeKernel,
};

describe('neon loop binding', () => {
  it.each(Object.keys(kernels))('%s: the table binds a work loop to block and the printer splits it', (name) => {
    const final = runPipeline(kernels[name]!, 'neon').final;
    const blocks = toposort([final]).filter((n) => n.op === Op.LOOP && loopParts(n).bind === 'block');
    expect(blocks.length).toBeGreaterThan(0);
    const src = neonSource(final);
    expect(src.abi.parallel).toBe(true);
    expect(src.c.split(SPLIT).length - 1).toBe(blocks.length);
  });

  it.each(Object.keys(kernels))('%s: with every loop serial the printer splits nothing', (name) => {
    const src = neonSource(allSerial(runPipeline(kernels[name]!, 'neon').final));
    expect(src.abi.parallel).toBe(false);
    expect(src.c).not.toContain(SPLIT);
  });
});
