/**
 * @file The outer gemm walk (stage `lower-gemm-outer`, schedule `gemm_variant: outer`): which targets and kernels take
 * it, the IR itself passes the reference on the interpreter, and the CPU printers follow its `wr` loop's binding.
 */
import { describe, expect, it } from 'vitest';
import { checkKernelSource } from '../../src/bench/sparsec/kernels.js';
import { verifyKernels } from '../../src/harness/verify.js';
import { Node, toposort } from '../../src/ir/node.js';
import { Op } from '../../src/ir/ops.js';
import type { GemmKernel } from '../../src/model/kernel.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { parseTargetTable } from '../../src/passes/target-table.js';
import { createInterpTarget } from '../../src/targets/interp/target.js';
import { neonSource } from '../../src/targets/neon/source.js';
import { printWasmModules } from '../../src/targets/wasm/module.js';

const gemm = (body: string): GemmKernel => checkKernelSource(`kernel g = gemm { ${body} }`) as GemmKernel;
const kernels = [
  gemm('m = dynamic; n = 37; k = 50; weight = csr'),
  gemm('m = dynamic; n = 12; k = 14; weight = bsr(4, 2)'),
  gemm('m = 3; n = 21; k = 40; weight = bsr(3, 1)'),
  gemm('m = dynamic; n = 9; k = 24; weight = nm(2, 4)'),
  gemm('m = 2; n = 7; k = 32; weight = nm(3, 8)'),
];
const first = (k: GemmKernel, target: string, schedule = {}): string => runPipeline(k, target, { schedule }).stages[0]!.name;

/** `final` with every `wr` loop rebound serial, as a table without `wr: block` would leave it. */
function serialWalk(final: Node): Node {
  const done = new Map<Node, Node>();
  for (const n of toposort([final])) {
    let cur = n.withSrc(n.src.map((s) => done.get(s) ?? s));
    if (n.op === Op.LOOP && n.attrs['role'] === 'wr') cur = Node.make(Op.LOOP, cur.type, cur.src, { ...cur.attrs, bind: 'serial' });
    done.set(n, cur);
  }
  return done.get(final)!;
}

describe('lower-gemm-outer', () => {
  it('is the stage wasm and neon pick for plain f32 csr / bsr / nm (their tables: gemm_variant outer); others keep lower-gemm', () => {
    for (const k of kernels) {
      expect([first(k, 'wasm'), first(k, 'neon'), first(k, 'interp'), first(k, 'webgpu'), first(k, 'cuda')]).toEqual(['lower-gemm-outer', 'lower-gemm-outer', 'lower-gemm', 'lower-gemm', 'lower-gemm']);
      expect(first(k, 'wasm', { gemm_variant: 'inner' })).toBe('lower-gemm');
    }
    expect(first(gemm('m = 4; n = 8; k = 8; weight = csr; bias = f32[n]'), 'wasm')).toBe('lower-gemm');
    expect(first(gemm('m = 4; n = 8; k = 8; weight = dense'), 'wasm')).toBe('lower-gemm');
    const walk = runPipeline(kernels[0]!, 'wasm').final;
    expect(toposort([walk]).find((n) => n.op === Op.LOOP && n.attrs['role'] === 'wr')?.attrs['bind']).toBe('block');
  });

  it('is valid IR that passes the reference on the interpreter (gemm_variant outer there)', async () => {
    const report = await verifyKernels(kernels, [createInterpTarget({ gemm_variant: 'outer' })], { seed: 9 });
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.detail}`)).toEqual([]);
    expect(report.results.length).toBeGreaterThan(10);
  });

  it('drives the wasm and neon micro-kernels: a serial wr loop walks every weight row in one thread', () => {
    const final = runPipeline(kernels[0]!, 'wasm').final;
    expect(printWasmModules(final).abi.parallel).toBe(true);
    expect(printWasmModules(final).simd).toContain('(local.set $j (local.get $tid))');
    const serial = printWasmModules(serialWalk(final));
    expect(serial.abi.parallel).toBe(false);
    expect(serial.simd).toContain('(local.set $j (i32.const 0))');
    const neon = neonSource(serialWalk(runPipeline(kernels[1]!, 'neon').final));
    expect(neon.abi.parallel).toBe(false);
    expect(neon.c).toContain('for (int32_t br = 0; br * 4 < n; br += 1)');
  });

  it('gemm_variant is validated by the tables', () => {
    expect(() => parseTargetTable('x', '{"target":"x","about":"a","gemm_variant":"middle"}')).toThrow("schedule setting 'gemm_variant' must be 'inner' or 'outer'");
  });
});
