/** @file Goldens of printed NEON C (review diffs with `vitest -u`): a dense gemm through the tile IR and a csr micro-kernel. */
import { describe, expect, it } from 'vitest';
import { checkKernelSource } from '../../src/bench/sparsec/kernels.js';
import type { GemmKernel } from '../../src/model/kernel.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { neonSource } from '../../src/targets/neon/source.js';

const gemm = (body: string): GemmKernel => checkKernelSource(`kernel g = gemm { ${body} }`) as GemmKernel;

/** The kernel function and header of a source (the shared prelude and helpers are left out). */
function kernelPart(k: GemmKernel): string {
  const src = neonSource(runPipeline(k, 'neon').final, k);
  return `${src.c.slice(src.c.indexOf('void sparsec_'))}\n/* ---- header ---- */\n${src.h}`;
}

describe('neon source', () => {
  it('prints a dense gemm with bias and relu through the tile IR', async () => {
    await expect(kernelPart(gemm('m = 4; n = 16; k = 32; weight = dense; bias = f32[n]; epilogue = relu'))).toMatchFileSnapshot('goldens/gemm-dense-relu.c');
  });

  it('prints a csr gemm as the outer-product micro-kernel', async () => {
    await expect(kernelPart(gemm('m = dynamic; n = 37; k = 50; weight = csr'))).toMatchFileSnapshot('goldens/gemm-csr.c');
  });
});
