/**
 * @file Which gemm kernels the outer-product micro-kernels of the CPU targets (wasm, neon) compute, and their shape,
 * keyed by weight format: X is transposed once per block of up to 16 rows into scratch [kPad, MB], then each stored
 * weight (csr nonzero, bsr R x C block, nm slot) adds value x X-column to accumulators held in vector registers.
 * Kernels with bias, epilogue, input threshold, 16-bit storage, dynamic k or large blocks keep the tile-IR lowering.
 */
import type { GemmKernel } from '../model/kernel.js';
import { weightFormat, type Format, type LayoutOf } from '../runtime/formats/index.js';

/** Most rows of X handled per pass (4 vector accumulators per weight row). */
const MAX_ROW_BLOCK = 16;
/** Most vector accumulators a bsr block row may keep in registers. */
const MAX_ACCUMULATORS = 16;
/** Widest bsr block / nm keep (its columns are unrolled). */
const MAX_BLOCK_COLS = 8;

/** A format's micro-kernel hooks: whether its parameters fit, and how many X columns one stored entry spans. */
interface MicroFormat<F extends Format> {
  accepts(w: LayoutOf<F>, rowBlock: number): boolean;
  /** X columns per entry (bsr's c, nm's group for the padded k; 1 for csr). */
  columns(w: LayoutOf<F>): number;
}

/** The formats with a micro-kernel (dense has none: its tile-IR lowering is the fast path). */
const MICRO_FORMATS = {
  dense: null,
  csr: { accepts: () => true, columns: () => 1 },
  nm: { accepts: (w) => w.keep <= MAX_BLOCK_COLS, columns: (w) => w.group },
  bsr: { accepts: (w, mb) => w.c <= MAX_BLOCK_COLS && (w.r * mb) / 4 <= MAX_ACCUMULATORS, columns: (w) => w.c },
} as const satisfies { readonly [F in Format]: MicroFormat<F> | null };

/** A format that has a micro-kernel. */
export type MicroFormatName = { [F in Format]: (typeof MICRO_FORMATS)[F] extends null ? never : F }[Format];

/** One parameter of a micro-kernel, in call order after (sb, tid, nth). */
export interface MicroParam {
  readonly name: string;
  readonly kind: 'buffer' | 'i32';
  readonly scalar: 'f32' | 'i32' | 'u8';
  readonly written: boolean;
}

/** The shape of one kernel's micro-kernel. */
export interface MicroPlan {
  readonly format: MicroFormatName;
  /** The weight format with its parameters (nm's keep and group, bsr's block). */
  readonly layout: LayoutOf<MicroFormatName>;
  /** Rows of X per pass (a multiple of 4). */
  readonly rowBlock: number;
  /** k rounded up to whole entries (`columns`): the rows of the transposed X block in scratch. */
  readonly kPad: number;
  /** m, n, k, x, y, then the weight's buffers in the format plug-in's order. */
  readonly params: readonly MicroParam[];
  readonly scratchBytes: number;
}

/** Rows per pass: all rows of a small static m (rounded up to 4), else 16. */
function rowBlock(k: GemmKernel): number {
  return typeof k.m === 'number' ? Math.min(MAX_ROW_BLOCK, Math.ceil(k.m / 4) * 4) : MAX_ROW_BLOCK;
}

/** The micro-kernel plan of `kernel`, or null when it keeps the tile-IR lowering. */
export function microPlan(kernel: GemmKernel): MicroPlan | null {
  if (kernel.dtype !== 'f32' || kernel.bias || kernel.epilogue !== 'none' || kernel.threshold !== null || typeof kernel.k !== 'number') return null;
  const w = kernel.weight;
  const hooks = MICRO_FORMATS[w.format] as MicroFormat<Format> | null;
  const MB = rowBlock(kernel);
  if (!hooks || !hooks.accepts(w, MB)) return null;
  const kPad = Math.ceil(kernel.k / hooks.columns(w)) * hooks.columns(w);
  return { format: w.format as MicroFormatName, layout: w as LayoutOf<MicroFormatName>, rowBlock: MB, kPad, params: microParams(w), scratchBytes: kPad * MB * 4 };
}

/** The micro-kernel's parameters for weight format `w`: m, n, k, x, y, then the plug-in's weight buffers. */
export function microParams(w: LayoutOf<Format>): MicroParam[] {
  const sizes = ['m', 'n', 'k'].map((name): MicroParam => ({ name, kind: 'i32', scalar: 'i32', written: false }));
  const weights = weightFormat(w.format).buffers.map((b): MicroParam => ({ name: b.name, kind: 'buffer', scalar: b.scalar === 'value' ? 'f32' : b.scalar, written: false }));
  return [...sizes, { name: 'x', kind: 'buffer', scalar: 'f32', written: false }, { name: 'y', kind: 'buffer', scalar: 'f32', written: true }, ...weights];
}
