/**
 * @file The contract of a backend: a `Target` (name, availability, the runner: compile and run) plus how it
 * lowers (the pipeline run whose last stage, `legalize.<name>`, it prints), its printer, and optionally its
 * part of the generated library. Its defaults, own schedule keys and loop bindings are data in
 * `targets/<name>.json` (src/passes/target-table.ts). A plain `Target` registers through `asBackend`.
 */
import type { Target } from '../harness/target.js';
import { printKernel } from '../ir/print.js';
import type { AttentionSizes, Kernel } from '../model/kernel.js';
import { runPipeline, type PipelineResult } from '../passes/pipeline.js';
import type { TargetSection } from '../runtime/library/manifest.js';
import type { TargetBuild, TargetBuildOptions } from '../build/target-build.js';

/** Printed source of one kernel. */
export interface PrintedSource {
  /** What the text is: `wgsl`, `wat`, `c`, `cuda`, or `ir` for a target that runs the IR itself. */
  readonly language: string;
  readonly text: string;
}

/** A backend: a Target with its lowering, printer and library builder. */
export interface Backend extends Target {
  /**
   * The pipeline run this backend prints and runs (`sizes`: concrete head_dim / value_dim of a kernel whose
   * are dynamic). Its last stage is what `sparsec build --emit ir --stages --target NAME` shows last.
   */
  lower(kernel: Kernel, sizes?: AttentionSizes): PipelineResult;
  /** Prints the final IR of `lowered` (the portable default variant where there are several). */
  print(lowered: PipelineResult, kernel: Kernel): PrintedSource;
  /** Writes this target's part of the generated library (`sparsec build --target NAME`); absent: not buildable. */
  readonly library?: (kernel: Kernel, opts: TargetBuildOptions) => TargetBuild<TargetSection>;
}

/** True when `t` already offers the whole Backend contract. */
function isBackend(t: Target): t is Backend {
  return typeof (t as Partial<Backend>).lower === 'function' && typeof (t as Partial<Backend>).print === 'function';
}

/** A Target that already writes its part of the generated library but has no printer of its own in the contract. */
export type LibraryTargetOf = Target & Pick<Backend, 'library'>;

/** `t` as a Backend: a plain Target lowers through the default pipeline and prints its IR (keeping its library builder). */
export function asBackend(t: Target | LibraryTargetOf): Backend {
  if (isBackend(t)) return t;
  const library = (t as LibraryTargetOf).library;
  return {
    ...(library ? { library } : {}),
    name: t.name,
    availability: () => t.availability(),
    compile: (kernel) => t.compile(kernel),
    lower: (kernel, sizes) => runPipeline(kernel, t.name, sizes ? { sizes } : {}),
    print: (lowered) => ({ language: 'ir', text: printKernel(lowered.final) }),
  };
}
