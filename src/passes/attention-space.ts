/**
 * @file How the attention lowering walks key tiles, decided once from the analysis so that the
 * lowering and the targets that bind plan buffers agree: every tile, closed-form loop bounds, or a
 * block plan (static, run-time, or a closed form expanded tile by tile) passed in as buffers.
 */
import { analyzeIterationSpace, planOf, type BlockPlan, type IterationSpace, type KeyInterval, type LinearBound } from '../analysis/index.js';
import type { AttentionKernel, AttentionSizes } from '../model/kernel.js';
import type { RuntimeValues } from '../model/values.js';

/** One closed-form bound per head: a linear form plus extra bounds combined by max (lo) or min (hi). */
export interface HeadBounds {
  readonly main: readonly LinearBound[];
  readonly more: readonly (readonly LinearBound[])[];
}

/** The key-tile walk of an attention kernel. */
export type KeyWalk =
  | { readonly kind: 'dense' }
  | { readonly kind: 'bounds'; readonly perHead: boolean; readonly lo: HeadBounds; readonly hi: HeadBounds; readonly full: { lo: HeadBounds; hi: HeadBounds } | null }
  | { readonly kind: 'plan'; readonly space: IterationSpace };

function boundsOf(ivs: readonly (KeyInterval | undefined)[], side: 'lo' | 'hi'): HeadBounds | null {
  const main = ivs.map((iv) => iv![side]);
  const more = ivs.map((iv) => (side === 'lo' ? iv!.moreLo : iv!.moreHi) ?? []);
  if (more.some((m) => m.length !== more[0]!.length)) return null;
  return { main, more: more[0]!.map((_, j) => more.map((m) => m[j]!)) };
}

/** Chooses the key-tile walk for `kernel` with tiles tileQ x tileK (sizes: concrete ones if known). */
export function keyWalk(kernel: AttentionKernel, tileQ: number, tileK: number, sizes?: AttentionSizes): KeyWalk {
  const space = analyzeIterationSpace(kernel, tileQ, tileK, sizes);
  if (space.kind === 'dense') return { kind: 'dense' };
  if (space.kind !== 'closed-form') return { kind: 'plan', space };
  const heads = space.perHead ? (typeof kernel.heads === 'number' ? kernel.heads : -1) : 1;
  if (heads < 1) return { kind: 'plan', space };
  const outer = Array.from({ length: heads }, (_, h) => space.intervals(h));
  const inner = Array.from({ length: heads }, (_, h) => space.full?.(h) ?? []);
  if (outer.some((o) => o.length !== 1)) return { kind: 'plan', space };
  const lo = boundsOf(outer.map((o) => o[0]), 'lo');
  const hi = boundsOf(outer.map((o) => o[0]), 'hi');
  if (!lo || !hi) return { kind: 'plan', space };
  let full: { lo: HeadBounds; hi: HeadBounds } | null = null;
  if (inner.every((i) => i.length === 1)) {
    const flo = boundsOf(inner.map((i) => i[0]), 'lo');
    const fhi = boundsOf(inner.map((i) => i[0]), 'hi');
    if (flo && fhi) full = { lo: flo, hi: fhi };
  }
  return { kind: 'bounds', perHead: space.perHead, lo, hi, full };
}

/** The plan a `plan` walk runs with at these sizes and runtime values. */
export function planFor(kernel: AttentionKernel, walk: KeyWalk, sizes: AttentionSizes, runtime: RuntimeValues, tileQ: number, tileK: number): BlockPlan {
  if (walk.kind !== 'plan') throw new Error('planFor: this kernel does not walk a plan');
  return planOf(kernel, walk.space, sizes, runtime, tileQ, tileK);
}
