/**
 * @file `sparsec show`: a picture (PNG or SVG) of one (batch, head) slice of a kernel's mask with the tile classes
 * over it and the figures of that slice under it (density, live / full / partial / empty tiles, work saved).
 */
import type { AttentionKernel, AttentionSizes } from '../model/kernel.js';
import type { RuntimeValues } from '../model/values.js';
import { analyzeIterationSpace, staticAttentionSizes } from '../analysis/index.js';
import type { TileFigures } from '../analysis/classify.js';
import { buildPlan } from '../runtime/plan/planner.js';
import { sliceFigures } from './slice.js';
import { Rng, randomRuntimeInputs } from '../reference/random.js';
import { rasterizeMask } from './raster.js';
import { encodePng, encodeSvg } from './encode.js';

/** Options of {@link renderMaskPicture}. */
export interface PictureOptions {
  readonly tileQ: number;
  readonly tileK: number;
  readonly format: 'png' | 'svg';
  /** The (b, h) slice to draw and count (default 0, 0). */
  readonly batchIndex?: number;
  readonly head?: number;
}

/** Options of {@link showKernel}. */
export interface ShowOptions {
  readonly tileQ?: number;
  readonly tileK?: number;
  readonly png?: boolean;
  readonly svg?: boolean;
  /** Seed of the random runtime inputs (default 1). */
  readonly seed?: number;
  /** Concrete sizes; default: the kernel's, with dynamic ones replaced by {@link DYNAMIC_DEFAULTS}. */
  readonly sizes?: AttentionSizes;
  /** The runtime inputs to draw with (default: seeded random ones). */
  readonly runtime?: RuntimeValues;
  /** Density of random lists, bool tensors and block layouts (default the reference's). */
  readonly density?: number;
  /** The (batch, head) slice drawn and counted (default 0, 0). */
  readonly batchIndex?: number;
  readonly head?: number;
}

/** Values used for dynamic sizes when none are given. */
export const DYNAMIC_DEFAULTS = { batch: 1, heads: 4, seq: 512 } as const;

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** The text lines printed under the picture. */
export function figureLines(kernel: AttentionKernel, sizes: AttentionSizes, figures: TileFigures, opts: PictureOptions, spaceKind: string): string[] {
  return [
    `${kernel.name}  b=${opts.batchIndex ?? 0} h=${opts.head ?? 0}  q_len=${sizes.qLen} kv_len=${sizes.kvLen}  tiles ${opts.tileQ}x${opts.tileK}  (${spaceKind})`,
    `density ${pct(figures.density)}  live ${figures.liveTiles}  full ${figures.fullTiles}  partial ${figures.partialTiles}  empty ${figures.emptyTiles}`,
    `work saved ${pct(figures.workSaved)}`,
  ];
}

/** Renders the picture of one slice with tile classes and figures, as PNG bytes or SVG text. */
export function renderMaskPicture(kernel: AttentionKernel, sizes: AttentionSizes, runtime: RuntimeValues, opts: PictureOptions): Buffer | string {
  return renderWithFigures(kernel, sizes, runtime, opts).picture;
}

function renderWithFigures(kernel: AttentionKernel, sizes: AttentionSizes, runtime: RuntimeValues, opts: PictureOptions): { picture: Buffer | string; figures: TileFigures } {
  const plan = buildPlan(kernel.mask, kernel.inputs, sizes, runtime, opts.tileQ, opts.tileK);
  const figures = sliceFigures(kernel, sizes, runtime, plan, opts.batchIndex ?? 0, opts.head ?? 0);
  const raster = rasterizeMask(kernel, sizes, runtime, plan, opts.batchIndex ?? 0, opts.head ?? 0);
  const spaceKind = analyzeIterationSpace(kernel, opts.tileQ, opts.tileK).kind;
  const lines = figureLines(kernel, sizes, figures, opts, spaceKind);
  return { picture: opts.format === 'png' ? encodePng(raster, lines) : encodeSvg(raster, lines), figures };
}

/** Concrete sizes for showing a kernel: its static sizes, dynamic ones from {@link DYNAMIC_DEFAULTS}. */
export function showSizes(kernel: AttentionKernel): AttentionSizes {
  const known = staticAttentionSizes(kernel);
  if (known) return known;
  const pick = (s: number | 'dynamic', d: number): number => (s === 'dynamic' ? d : s);
  const heads = pick(kernel.heads, DYNAMIC_DEFAULTS.heads);
  const kvLen = pick(kernel.kvLen, DYNAMIC_DEFAULTS.seq);
  return {
    batch: pick(kernel.batch, DYNAMIC_DEFAULTS.batch), heads,
    kvHeads: kernel.kvHeads === 'dynamic' ? heads : kernel.kvHeads,
    headDim: pick(kernel.headDim, 64), valueDim: pick(kernel.valueDim, 64),
    qLen: Math.min(kvLen, pick(kernel.qLen, kvLen)), kvLen,
  };
}

/** The default tile side of a picture: about an eighth of the length, a power of two, at most 64. */
export function defaultShowTile(kvLen: number): number {
  return Math.max(1, Math.min(64, 2 ** Math.ceil(Math.log2(Math.max(kvLen, 8) / 8))));
}

/** `sparsec show`: pictures and figures of one kernel, with seeded random runtime inputs. */
export function showKernel(kernel: AttentionKernel, opts: ShowOptions = {}): { png?: Buffer; svg?: string; figures: TileFigures } {
  const sizes = opts.sizes ?? showSizes(kernel);
  const runtime = opts.runtime ?? randomRuntimeInputs(kernel, sizes, new Rng(opts.seed ?? 1), opts.density === undefined ? {} : { density: opts.density });
  const tile = (t: number | undefined): number => t ?? defaultShowTile(sizes.kvLen);
  const [batchIndex, head] = [opts.batchIndex ?? 0, opts.head ?? 0];
  if (batchIndex >= sizes.batch || head >= sizes.heads) throw new RangeError(`${kernel.name}: slice (${batchIndex}, ${head}) is outside batch ${sizes.batch} x heads ${sizes.heads}`);
  const base = { tileQ: tile(opts.tileQ), tileK: tile(opts.tileK), batchIndex, head };
  const png = opts.png ?? true ? renderWithFigures(kernel, sizes, runtime, { ...base, format: 'png' }) : null;
  const svg = opts.svg ? renderWithFigures(kernel, sizes, runtime, { ...base, format: 'svg' }) : null;
  const figures = png?.figures ?? svg?.figures ?? sliceFigures(kernel, sizes, runtime, buildPlan(kernel.mask, kernel.inputs, sizes, runtime, base.tileQ, base.tileK), batchIndex, head);
  return { figures, ...(png ? { png: png.picture as Buffer } : {}), ...(svg ? { svg: svg.picture as string } : {}) };
}
