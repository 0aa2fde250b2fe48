/**
 * @file `show` for any kernel: the attention mask picture (`index.ts`) or the gemm weight picture
 * (`gemm.ts`), with the figures as data and as text lines.
 */
import { UnsupportedError } from '../diagnostics/diagnostic.js';
import type { Kernel } from '../model/kernel.js';
import type { TileFigures } from '../analysis/classify.js';
import { defaultShowTile, figureLines, showKernel, showSizes } from './index.js';
import { analyzeIterationSpace } from '../analysis/index.js';
import { gemmFigureLines, gemmShowSizes, rasterizeWeight, weightTile } from './gemm.js';
import { encodePng, encodeSvg } from './encode.js';
import { readRuntimeInputs } from './slice.js';

export interface AnyShowOptions {
  /** Tile side (both axes); default: the attention default of `showKernel`, or the weight format's block. */
  readonly tile?: number;
  readonly seed?: number;
  readonly png?: boolean;
  readonly svg?: boolean;
  /** The (batch, head) slice of an attention kernel drawn and counted (default 0, 0). */
  readonly batchIndex?: number;
  readonly head?: number;
  /** Density of random runtime inputs (lists, bool tensors, block layouts). */
  readonly density?: number;
  /** A JSON file of runtime inputs (and dynamic sizes) to draw with instead of random ones. */
  readonly inputsFile?: string;
}

export interface ShowResult {
  readonly figures: TileFigures;
  readonly lines: readonly string[];
  readonly png?: Buffer;
  readonly svg?: string;
}

/** Draws one kernel of either kind. */
export function showAnyKernel(kernel: Kernel, opts: AnyShowOptions): ShowResult {
  const seed = opts.seed ?? 1;
  if (kernel.kind === 'gemm') {
    const sizes = gemmShowSizes(kernel);
    const { tileN, tileK } = weightTile(kernel, opts.tile);
    const { raster, figures, inputZeros } = rasterizeWeight(kernel, sizes, seed, tileN, tileK);
    const lines = gemmFigureLines(kernel, sizes, figures, tileN, tileK, inputZeros);
    return {
      figures, lines,
      ...(opts.png ? { png: encodePng(raster, lines) } : {}),
      ...(opts.svg ? { svg: encodeSvg(raster, lines) } : {}),
    };
  }
  if (kernel.kind === 'select') throw new UnsupportedError(`kernel ${kernel.name}: show draws masks and weights; a selector computes a layout at run time (verify it instead)`);
  const given = opts.inputsFile ? readRuntimeInputs(kernel, showSizes(kernel), opts.inputsFile) : null;
  const sizes = given?.sizes ?? showSizes(kernel);
  const slice = { batchIndex: opts.batchIndex ?? 0, head: opts.head ?? 0 };
  const r = showKernel(kernel, {
    seed, png: Boolean(opts.png), svg: Boolean(opts.svg), sizes, ...slice, ...(opts.tile ? { tileQ: opts.tile, tileK: opts.tile } : {}),
    ...(given ? { runtime: given.runtime } : {}), ...(opts.density === undefined ? {} : { density: opts.density }),
  });
  const tileQ = opts.tile ?? defaultShowTile(sizes.kvLen);
  const lines = figureLines(kernel, sizes, r.figures, { tileQ, tileK: tileQ, format: 'png', ...slice }, analyzeIterationSpace(kernel, tileQ, tileQ).kind);
  return { figures: r.figures, lines, ...(r.png ? { png: r.png } : {}), ...(r.svg ? { svg: r.svg } : {}) };
}
