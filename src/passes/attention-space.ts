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

/** One closed-form key range per query tile: [max(lo), min(hi)] (per head when `perHead`). */
export interface KeyRange {
  readonly lo: HeadBounds;
  readonly hi: HeadBounds;
}

/**
 * The key-tile walk of an attention kernel. `bounds`: the union of `ranges` (several with sinks + window, at most
 * the target's `key_intervals`) walked as loop bounds; a tile inside one of `full` needs no mask.
 */
export type KeyWalk =
  | { readonly kind: 'dense' }
  | { readonly kind: 'bounds'; readonly perHead: boolean; readonly ranges: readonly KeyRange[]; readonly full: readonly KeyRange[] | null }
  | { readonly kind: 'plan'; readonly space: IterationSpace };

function boundsOf(ivs: readonly (KeyInterval | undefined)[], side: 'lo' | 'hi'): HeadBounds | null {
  const main = ivs.map((iv) => iv![side]);
  const more = ivs.map((iv) => (side === 'lo' ? iv!.moreLo : iv!.moreHi) ?? []);
  if (more.some((m) => m.length !== more[0]!.length)) return null;
  return { main, more: more[0]!.map((_, j) => more.map((m) => m[j]!)) };
}

/** Interval `j` of every head as one range, or null when the heads' bounds do not line up. */
function rangeOf(perHead: readonly (readonly KeyInterval[])[], j: number): KeyRange | null {
  const lo = boundsOf(perHead.map((o) => o[j]), 'lo');
  const hi = boundsOf(perHead.map((o) => o[j]), 'hi');
  return lo && hi ? { lo, hi } : null;
}

/** Every interval as ranges (the same count for every head, at most `max`), or null. */
function rangesOf(perHead: readonly (readonly KeyInterval[])[], max: number): KeyRange[] | null {
  const n = perHead[0]!.length;
  if (n < 1 || n > max || perHead.some((o) => o.length !== n)) return null;
  const out: KeyRange[] = [];
  for (let j = 0; j < n; j++) {
    const r = rangeOf(perHead, j);
    if (!r) return null;
    out.push(r);
  }
  return out;
}

/**
 * Chooses the key-tile walk for `kernel` with tiles tileQ x tileK (sizes: concrete ones if known). `maxIntervals`
 * (the target's `key_intervals`, default 1): the most closed-form intervals per query tile walked as loop bounds;
 * more go through a plan.
 */
export function keyWalk(kernel: AttentionKernel, tileQ: number, tileK: number, sizes?: AttentionSizes, maxIntervals = 1): KeyWalk {
  const space = analyzeIterationSpace(kernel, tileQ, tileK, sizes);
  if (space.kind === 'dense') return { kind: 'dense' };
  if (space.kind !== 'closed-form') return { kind: 'plan', space };
  const heads = space.perHead ? (typeof kernel.heads === 'number' ? kernel.heads : -1) : 1;
  if (heads < 1) return { kind: 'plan', space };
  const outer = Array.from({ length: heads }, (_, h) => space.intervals(h));
  const inner = Array.from({ length: heads }, (_, h) => space.full?.(h) ?? []);
  const ranges = rangesOf(outer, maxIntervals);
  if (!ranges) return { kind: 'plan', space };
  // NOTE: full ranges only mark tiles that need no mask; more of them than ranges costs a compare each, so the same cap.
  const full = rangesOf(inner, Math.max(maxIntervals, 1));
  return { kind: 'bounds', perHead: space.perHead, ranges, full };
}

/** The plan a `plan` walk runs with at these sizes and runtime values. */
export function planFor(kernel: AttentionKernel, walk: KeyWalk, sizes: AttentionSizes, runtime: RuntimeValues, tileQ: number, tileK: number): BlockPlan {
  if (walk.kind !== 'plan') throw new Error('planFor: this kernel does not walk a plan');
  return planOf(kernel, walk.space, sizes, runtime, tileQ, tileK);
}
