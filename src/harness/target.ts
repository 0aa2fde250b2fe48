/**
 * @file The interface every target (interp, wasm, webgpu, cuda, neon) offers to the verify
 * harness and the benchmarks. A target compiles a checked kernel and runs it on given inputs,
 * writing into output buffers that the harness allocates (and poisons) itself.
 */
import type { AttentionSizes, GemmSizes, Kernel } from '../model/kernel.js';
import type { AttentionInputs, AttentionOutputs, GemmInputs, GemmOutputs } from '../model/values.js';

/** Whether a target can run here, and if not, why (shown as `skipped (reason)`). */
export type Availability = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** A kernel compiled for one target. Exactly the method matching the kernel's kind is used. */
export interface CompiledKernel {
  /** Runs attention, writing every element of `outputs.out` (and `outputs.lse` when present). */
  runAttention?(sizes: AttentionSizes, inputs: AttentionInputs, outputs: AttentionOutputs): Promise<void>;
  /** Runs gemm, writing every element of `outputs.y`. */
  runGemm?(sizes: GemmSizes, inputs: GemmInputs, outputs: GemmOutputs): Promise<void>;
  /** A note on how the last run was executed, added to its report row (cuda: the printing path it took). */
  describeLastRun?(): string;
  /** Frees native resources. */
  dispose?(): Promise<void> | void;
}

export interface Target {
  readonly name: string;
  /** How reports name the target when it differs from `name` (e.g. `cuda (emulated)`). */
  readonly label?: string;
  /** Checks for the runtime (a GPU adapter, qemu, a compiler...) without side effects. */
  availability(): Promise<Availability>;
  /** Compiles one kernel; throws an Error with a clear message when the kernel is unsupported. */
  compile(kernel: Kernel): Promise<CompiledKernel>;
}
