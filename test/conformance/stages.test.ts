/**
 * @file For every registered backend and every kernel of dsl/: `sparsec build --emit ir --stages --target T` ends
 * with stage `legalize.T`, and that stage is exactly the IR backend T prints (its `lower`), so what the dump shows
 * is what the printer receives. Also: every registered backend has a table, and the webgpu table's launch is the
 * one the printed artifact declares.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { printKernel } from '../../src/ir/print.js';
import type { AttentionSizes, Kernel } from '../../src/model/kernel.js';
import { compileToIR } from '../../src/passes/index.js';
import { targetNames, targetTable } from '../../src/passes/target-table.js';
import { allBackends } from '../../src/targets/index.js';
import { compileWgsl } from '../../src/targets/webgpu/target.js';
import { loadDslKernels } from '../goldens/dsl-kernels.js';

/** Sizes that fix a dynamic head_dim / value_dim (other sizes do not shape the IR). */
function sizesFor(k: Kernel): AttentionSizes | undefined {
  if (k.kind !== 'attention' || (k.headDim !== 'dynamic' && k.valueDim !== 'dynamic')) return undefined;
  const headDim = typeof k.headDim === 'number' ? k.headDim : 64;
  return { batch: 1, heads: 1, kvHeads: 1, qLen: 1, kvLen: 1, headDim, valueDim: typeof k.valueDim === 'number' ? k.valueDim : headDim };
}

describe('the IR dump shows what each printer prints', () => {
  let kernels: Kernel[];
  beforeAll(async () => {
    kernels = [...(await loadDslKernels()).values()];
  });

  it('every registered backend has a table targets/<name>.json', () => {
    for (const b of allBackends()) {
      expect(targetNames()).toContain(b.name);
      expect(targetTable(b.name)?.name).toBe(b.name);
    }
  });

  for (const backend of allBackends()) {
    it(`${backend.name}: the last stage of --emit ir is legalize.${backend.name} and equals the printed IR, for every dsl/ kernel`, () => {
      expect(kernels.length).toBeGreaterThan(50);
      for (const kernel of kernels) {
        const sizes = sizesFor(kernel);
        const stages = compileToIR(kernel, backend.name, sizes ? { sizes } : {}).stages;
        const last = stages[stages.length - 1]!;
        expect(last.name, kernel.name).toBe(`legalize.${backend.name}`);
        expect(last.text, kernel.name).toBe(printKernel(backend.lower(kernel, sizes).final));
      }
    });
  }

  it('webgpu: the printed artifact launches the workgroups targets/webgpu.json describes', () => {
    const table = targetTable('webgpu')!.defaults;
    const mqa = kernels.find((k) => k.name === 'mqa_decode')!;
    const { artifact, pipeline } = compileWgsl(mqa);
    expect(artifact.workgroupSize).toBe(table['workgroup_size']);
    expect(artifact.workgroups).toBe(table['workgroups']);
    expect(artifact.wgsl).toContain(`@workgroup_size(${String(table['workgroup_size'])})`);
    // the decode kernel's 1-row query fits tile_q to 1 (fit_tile_q), and the dump shows the same tile
    expect(pipeline.schedule.tile_q).toBe(1);
    expect(compileToIR(mqa, 'webgpu').stages[0]!.text).toContain('"tile_q":1');
  });
});
