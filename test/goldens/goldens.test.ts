/**
 * @file Text goldens of printed code: the WGSL (plain variant) and the WAT (both variants' SIMD128 text,
 * before binaryen's optimiser) of a dozen kernels of dsl/ covering every key walk of dsl/ (closed-form bounds,
 * block plans), decode with split-KV, GQA/MQA, f16 / bf16 storage and every gemm format. A printer change
 * shows here as a diff. The CUDA text of the same kernels, plus three more f16 / bf16 ones on the tensor-core path, is
 * kept too; `UPDATE_GOLDENS=1 npx vitest run test/goldens` rewrites the files deliberately.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kernel } from '../../src/model/kernel.js';
import { printedCuda, printedSources } from './printed.js';
import { loadDslKernels } from './dsl-kernels.js';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const UPDATE = process.env['UPDATE_GOLDENS'] === '1';

/** The kernels with goldens, and what each one covers. */
export const GOLDEN_KERNELS: Readonly<Record<string, string>> = {
  streaming_prefill: 'closed-form sinks + window planned per tile, GQA packing, f32',
  nsa_window: 'closed-form bounds walk, bf16',
  alibi_softcap: 'bounds walk with a score modifier (ALiBi bias, softcap), f16',
  gqa_prefill: "bounds walk, the kernel's own schedule blocks",
  mqa_decode: 'decode with split-KV, MQA, a webgpu schedule block',
  lm_infinite_decode: 'decode with split-KV over a block plan, bf16',
  packed_documents_prefill: 'block plan from run-time segment ids',
  biformer_regions: 'static q_len with a block plan',
  tidaldecode_decode: 'decode over gathered key lists',
  lazy_neuron_t5_fc1: 'dense gemm with a relu epilogue',
  cats_on_24: '2:4 gemm, f16',
  bdwp_2_8: '2:8 gemm, f32 (the wasm N:M micro-kernel)',
  fast_sparse_convnets_1x1: 'csr gemm with bias and relu',
  intel_bert_4x1: 'bsr 4x1 gemm with bias and gelu',
  gqsa_groups: 'bsr 1x16 gemm, f16',
};

/** Extra f16 / bf16 kernels whose CUDA takes the tensor-core path (nsa_window, alibi_softcap, packed_documents_prefill do too). */
export const CUDA_TENSOR_CORE_KERNELS: Readonly<Record<string, string>> = {
  minference_block_sparse: 'tensor cores over a block plan',
  dyspec_tree_verify: 'tensor cores with a tree mask',
  minference_vertical_slash: 'tensor cores over vertical + slash lists',
};

function compareGolden(file: string, actual: string): void {
  const full = path.join(ROOT, file);
  if (UPDATE) {
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, actual);
  }
  expect(existsSync(full), `missing ${file} (run with UPDATE_GOLDENS=1)`).toBe(true);
  expect(actual).toBe(readFileSync(full, 'utf8'));
}

describe('printed-code goldens', () => {
  let kernels: Map<string, Kernel>;
  beforeAll(async () => {
    kernels = await loadDslKernels();
  });

  for (const name of Object.keys(GOLDEN_KERNELS)) {
    it(`${name}: WGSL and WAT as committed`, () => {
      const kernel = kernels.get(name);
      expect(kernel, `kernel ${name} is not in dsl/`).toBeDefined();
      const printed = printedSources(kernel!);
      compareGolden(`wgsl/${name}.wgsl`, printed.wgsl);
      compareGolden(`wat/${name}.wat`, printed.wat);
    });
  }
});

describe('printed CUDA goldens', () => {
  let kernels: Map<string, Kernel>;
  beforeAll(async () => {
    kernels = await loadDslKernels();
  });

  for (const name of [...Object.keys(GOLDEN_KERNELS), ...Object.keys(CUDA_TENSOR_CORE_KERNELS)]) {
    it(`${name}: CUDA as committed`, () => {
      const kernel = kernels.get(name);
      expect(kernel, `kernel ${name} is not in dsl/`).toBeDefined();
      compareGolden(`cuda/${name}.cu`, printedCuda(kernel!));
    });
  }
});
