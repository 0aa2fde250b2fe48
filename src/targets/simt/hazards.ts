/**
 * @file Barrier elision: which slot words were written or read by which lanes since the last barrier,
 * so a barrier is printed only before a real read-after-write, write-after-read or write-after-write hazard.
 */
import type { SlotSpace } from './layout.js';

/**
 * One access to a word range of a memory space. `mapping` names the lane-to-word assignment of an
 * owner access (element e of an N-element phase is touched by lane e mod W); null: any lane may touch any word.
 */
export interface Access {
  readonly space: SlotSpace;
  readonly lo: number;
  readonly hi: number;
  readonly mapping: string | null;
  readonly write: boolean;
}

const overlaps = (a: Access, b: Access): boolean => a.space === b.space && a.lo < b.hi && b.lo < a.hi;

/** True when `later` must not run before every lane has finished `earlier` (same words, other lanes, one of them a write). */
function conflicts(earlier: Access, later: Access): boolean {
  if (!earlier.write && !later.write) return false;
  if (!overlaps(earlier, later)) return false;
  return later.mapping === null || earlier.mapping !== later.mapping;
}

/** Accesses since the last barrier of each space. */
export class HazardTracker {
  private pending: Access[] = [];

  /** Spaces that need a barrier before `accesses` may run. */
  needs(accesses: readonly Access[]): Set<SlotSpace> {
    const out = new Set<SlotSpace>();
    for (const later of accesses) for (const earlier of this.pending) if (conflicts(earlier, later)) out.add(later.space);
    return out;
  }

  /** Adds accesses that ran (after any barrier `needs` asked for). */
  record(accesses: readonly Access[]): void {
    this.pending.push(...accesses);
  }

  /** Forgets the accesses of `spaces` (a barrier over them was printed). */
  clear(spaces: Iterable<SlotSpace>): void {
    const s = new Set(spaces);
    this.pending = this.pending.filter((a) => !s.has(a.space));
  }

  /** Spaces with accesses since their last barrier. */
  dirty(): Set<SlotSpace> {
    return new Set(this.pending.map((a) => a.space));
  }

  /** The accesses since the last barriers (for branches that start from the same state). */
  snapshot(): Access[] {
    return [...this.pending];
  }

  /** Replaces the state (the join of two branches is the union of their states). */
  restore(accesses: readonly Access[]): void {
    this.pending = [...accesses];
  }
}
