/// <reference types="@webgpu/types" />
/**
 * @file The webgpu part of a generated kernel: one WGSL artifact (`WgslKernelArtifact` JSON) per variant,
 * printed with the portable default options, and the manifest's webgpu section. `webgpuVariants` is the one
 * list of what gets written: per head_dim pair (64 and 128 when the kernel's is dynamic), per feature variant.
 */
import type { AttentionSizes, Kernel } from '../model/kernel.js';
import type { PipelineResult } from '../passes/pipeline.js';
import type { HeadDims } from '../runtime/library/loaders.js';
import type { WebgpuSection, WebgpuVariant } from '../runtime/library/manifest.js';
import { compileWgsl, scheduleFor } from '../targets/webgpu/target.js';
import { DEFAULT_PRINT, WGSL_VARIANTS, type PrintOptions } from '../targets/webgpu/print.js';
import { targetSection } from './manifest.js';
import type { TargetBuild } from './target-build.js';

/** head_dim values built for kernels declared with `head_dim = dynamic`. */
export const DYNAMIC_HEAD_DIMS: readonly number[] = [64, 128];

/** A feature variant of the WGSL printer: a file-name tag, the device features it needs, its print options. */
export interface FeatureVariant {
  readonly tag: string;
  readonly requires: readonly GPUFeatureName[];
  readonly print: PrintOptions;
}

/** Feature variants, best first (the printer's WGSL_VARIANTS); a device takes the first whose `requires` it has (the last needs nothing). */
export const FEATURE_VARIANTS: readonly FeatureVariant[] = WGSL_VARIANTS.map((v) => ({
  tag: v.requires.map((f) => `.${f}`).join(''),
  requires: v.requires,
  print: { ...DEFAULT_PRINT, ...v.print },
}));

/** One WGSL artifact to write. */
export interface WebgpuVariantSpec extends FeatureVariant {
  /** The head_dim pair it is printed for; null when the kernel's are static. */
  readonly dims: HeadDims | null;
  /** The artifact's file name. */
  readonly file: string;
}

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

/** Every WGSL artifact `sparsec build --target webgpu` writes for `kernel`, best first per head_dim pair. */
export function webgpuVariants(kernel: Kernel): WebgpuVariantSpec[] {
  return headDimsOf(kernel).flatMap((dims) => FEATURE_VARIANTS.map((f) => ({ ...f, dims, file: `${kernel.name}${dimsTag(dims)}${f.tag}.webgpu.json` })));
}

/** Concrete sizes for the printer: only head_dim and value_dim shape the IR; the rest are placeholders. */
function printSizes(dims: HeadDims): AttentionSizes {
  return { batch: 1, heads: 1, kvHeads: 1, qLen: 1, kvLen: 1, ...dims };
}

const sameSection = (a: PipelineResult, b: PipelineResult): boolean =>
  JSON.stringify(a.schedule) === JSON.stringify(b.schedule) && a.walk?.kind === b.walk?.kind;

/** Builds `kernel` for webgpu. Throws when the WGSL printer cannot print it. */
export function buildWebgpuTarget(kernel: Kernel): TargetBuild<WebgpuSection> {
  const schedule = scheduleFor(kernel);
  const files = new Map<string, string | Uint8Array>();
  const variants: WebgpuVariant[] = [];
  let first: PipelineResult | null = null;
  for (const spec of webgpuVariants(kernel)) {
    const { pipeline, artifact } = compileWgsl(kernel, spec.dims ? printSizes(spec.dims) : undefined, schedule, spec.print);
    // NOTE: a variant whose shader uses fewer features than it was printed for duplicates a later, lesser one.
    if (!spec.requires.every((f) => (artifact.requires ?? []).includes(f))) continue;
    first ??= pipeline;
    // NOTE: one section schedule serves every variant (the run-time plan is built with its tiles).
    if (!sameSection(first, pipeline)) throw new Error(`kernel ${kernel.name}: webgpu variant ${spec.file} has another schedule or key walk than ${variants[0]?.file}`);
    files.set(spec.file, `${JSON.stringify(artifact, null, 1)}\n`);
    variants.push({ file: spec.file, requires: [...spec.requires], ...(spec.dims ? { dims: spec.dims } : {}) });
  }
  return { section: { ...targetSection(kernel, first!), variants }, files };
}
