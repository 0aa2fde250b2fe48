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

/** The buffers of one run a binding can show. */
export type ArenaBuffer = 'input' | 'output' | 'scratchF32' | 'scratchI32';

/** One binding of group 0: its WGSL declaration, its buffer binding type and the run's buffer it shows. */
export interface WgslBinding {
  readonly binding: number;
  /** The declaration after `@group(0) @binding(n)`. */
  readonly wgsl: string;
  readonly type: 'read-only-storage' | 'storage';
  readonly buffer: ArenaBuffer;
}

/**
 * The bindings of every kernel, the single description the printer declares and a runtime binds:
 * 0 = input arena (read-only u32 words: header, then input regions), 1 = output arena (atomic u32
 * words), 2 = f32 scratch, 3 = i32 scratch, 4 = the input arena again as vec4 words (read-only
 * aliasing), for 16-byte loads of tiles staged from 16-byte-aligned input regions.
 */
export const WGSL_BINDINGS: readonly WgslBinding[] = [
  { binding: 0, wgsl: 'var<storage, read> ib: array<u32>', type: 'read-only-storage', buffer: 'input' },
  { binding: 1, wgsl: 'var<storage, read_write> ob: array<atomic<u32>>', type: 'storage', buffer: 'output' },
  { binding: 2, wgsl: 'var<storage, read_write> sf: array<f32>', type: 'storage', buffer: 'scratchF32' },
  { binding: 3, wgsl: 'var<storage, read_write> si: array<i32>', type: 'storage', buffer: 'scratchI32' },
  { binding: 4, wgsl: 'var<storage, read> ib4: array<vec4<u32>>', type: 'read-only-storage', buffer: 'input' },
];

/** Words every input region's offset in the input arena is a multiple of (16 bytes: one `ib4` element). */
export const INPUT_ALIGN_WORDS = 4;

/** An operation of a size expression (integer arithmetic; `idiv` / `mod` round toward negative infinity, as WGSL's floor_div). */
export type SizeOp = 'add' | 'sub' | 'mul' | 'idiv' | 'mod' | 'min' | 'max';

/** A size the host computes from the scalars: a constant, a scalar parameter by name, or an operation. */
export type SizeExpr = number | string | readonly [SizeOp, SizeExpr, SizeExpr];

/**
 * Two launches (split-KV on the grid): `entryPoints[0]` runs one workgroup task per (grid task, chunk), writing each
 * grid task's workspace; `entryPoints[1]` runs one per grid task and merges. The f32 / i32 scratch holds every grid
 * task's workspace (`taskScratchF32` / `taskScratchI32` words each) ahead of the workgroups' own regions.
 */
export interface WgslLaunch {
  /** Iteration counts of the grid loops (their product: the grid tasks). */
  readonly extents: readonly SizeExpr[];
  /** Chunks per grid task. */
  readonly chunks: SizeExpr;
  readonly taskScratchF32: number;
  readonly taskScratchI32: number;
  readonly entryPoints: readonly [string, string];
}

/**
 * A compiled WGSL kernel, bound as WGSL_BINDINGS says.
 * Header words: [-inf bits, ...scalars (i32), ...(offset, length) per input, ...(offset, length) per output];
 * input offsets are multiples of INPUT_ALIGN_WORDS.
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
  /** Absent: one dispatch of `workgroups` workgroups at `entryPoint`; present: the two launches it describes. */
  readonly launch?: WgslLaunch;
}

/** Values bound to a run: scalars by name, input buffers as typed arrays. */
export type RunValues = ReadonlyMap<string, number | ArrayLike<number>>;
