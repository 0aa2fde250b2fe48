/**
 * @file The cuda part of a generated kernel: one framework-free .cu with its .h per head_dim pair (64 and 128
 * when the kernel's is dynamic), and the manifest's cuda section. The nvcc compile gate (cuda-gate.ts) runs
 * afterwards over the written sources and adds its report to the section.
 */
import type { AttentionSizes, Kernel } from '../model/kernel.js';
import type { CudaSection, CudaVariant } from '../runtime/library/manifest.js';
import type { HeadDims } from '../runtime/library/loaders.js';
import { cName } from '../targets/cuda/cuda-spelling.js';
import { compileCuda, cudaScheduleFor } from '../targets/cuda/target.js';
import { targetSection } from './manifest.js';
import type { TargetBuild } from './target-build.js';
import { DYNAMIC_HEAD_DIMS } from './webgpu.js';

/** The head_dim / value_dim pairs to print: null for static ones; value_dim follows head_dim unless declared. */
function headDimsOf(kernel: Kernel): (HeadDims | null)[] {
  if (kernel.kind !== 'attention' || (kernel.headDim !== 'dynamic' && kernel.valueDim !== 'dynamic')) return [null];
  const heads = typeof kernel.headDim === 'number' ? [kernel.headDim] : DYNAMIC_HEAD_DIMS;
  return heads.flatMap((headDim) => {
    const values = typeof kernel.valueDim === 'number' ? [kernel.valueDim] : kernel.headDim === 'dynamic' ? [headDim] : DYNAMIC_HEAD_DIMS;
    return values.map((valueDim) => ({ headDim, valueDim }));
  });
}

const dimsTag = (d: HeadDims | null): string => (d ? (d.headDim === d.valueDim ? `.d${d.headDim}` : `.d${d.headDim}v${d.valueDim}`) : '');

/** Builds `kernel` for cuda: sources only (`nvcc: 'not run'` until the gate compiles them). */
export function buildCudaTarget(kernel: Kernel): TargetBuild<CudaSection> {
  const schedule = cudaScheduleFor(kernel);
  const files = new Map<string, string | Uint8Array>();
  const variants: CudaVariant[] = [];
  let section: ReturnType<typeof targetSection> | null = null;
  for (const dims of headDimsOf(kernel)) {
    const sizes: AttentionSizes | undefined = dims ? { batch: 1, heads: 1, kvHeads: 1, qLen: 1, kvLen: 1, ...dims } : undefined;
    const tag = dimsTag(dims);
    const symbol = `sparsec_${cName(kernel.name)}${cName(tag.replace('.', '_'))}`;
    const { pipeline, artifact } = compileCuda(kernel, sizes, schedule, {}, symbol);
    section ??= targetSection(kernel, pipeline);
    const file = `${kernel.name}${tag}.cu`;
    const header = `${kernel.name}${tag}.h`;
    files.set(file, artifact.source);
    files.set(header, artifact.header);
    variants.push({
      file, header, symbol, params: artifact.params, threads: artifact.threads, workspacePerBlock: artifact.workspacePerBlock,
      scratchFloatsPerBlock: artifact.scratchFloatsPerBlock,
      sharedBytes: artifact.sharedBytes, path: artifact.path ?? 'simt', ...(dims ? { dims } : {}),
    });
  }
  return { section: { ...section!, variants, nvcc: 'not run' }, files };
}
