/**
 * @file The contract between the WGSL printer and the WebGPU runtime: one compute shader plus the
 * layout of its header words and buffer regions. Plain JSON, so a browser page can load it.
 */

/** How a buffer's elements are stored in 32-bit words. */
export type WordCodec = 'f32' | 'f16' | 'bf16' | 'i32';

/** One buffer region of the input or output arena. */
export interface BufferSlot {
  /** The kernel parameter name (`q`, `plan.rowptr`, `w.values`, ...). */
  readonly name: string;
  readonly codec: WordCodec;
}

/**
 * A compiled WGSL kernel. Bindings: 0 = input arena (read-only u32 words: header, then input
 * regions), 1 = output arena (atomic u32 words), 2 = f32 scratch, 3 = i32 scratch.
 * Header words: [-inf bits, ...scalars (i32), ...(offset, length) per input, ...(offset, length) per output].
 */
export interface WgslKernelArtifact {
  readonly format: 'sparsec-wgsl-1';
  readonly name: string;
  readonly wgsl: string;
  readonly entryPoint: string;
  readonly workgroupSize: number;
  /** Workgroups dispatched; each walks the grid of independent tiles with a stride of this count. */
  readonly workgroups: number;
  /** f32 / i32 scratch words each workgroup owns. */
  readonly scratchF32: number;
  readonly scratchI32: number;
  /** Scalar (i32) parameters, in header order. */
  readonly scalars: readonly string[];
  readonly inputs: readonly BufferSlot[];
  readonly outputs: readonly BufferSlot[];
  /** Device features the shader needs (`subgroups`, `shader-f16`); absent or empty: none. */
  readonly requires?: readonly string[];
}

/** Values bound to a run: scalars by name, input buffers as typed arrays. */
export type RunValues = ReadonlyMap<string, number | ArrayLike<number>>;
