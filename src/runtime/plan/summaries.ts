/**
 * @file Per-tile summaries of runtime inputs, built in O(length): block min/max along the last axis of
 * tensors and block layouts, sorted-list range counts for ragged lists. Answers the box evaluator's queries.
 */
import type { SizeName } from '../../model/expr.js';
import type { RuntimeInput } from '../../model/kernel.js';
import { isRaggedList, type RaggedList, type RuntimeValue, type RuntimeValues } from '../../model/values.js';
import { inputShape } from '../../model/eval.js';
import type { Interval, PlanStats, SizeRecord, TileSummary, Tri } from './types.js';

/** Elements per summary block along the last axis. */
const BLOCK = 32;
/** Most index tuples enumerated over the leading axes before falling back to the global hull. */
const ROW_LIMIT = 4096;
/** Most lists enumerated for one membership query before answering unknown. */
const LIST_LIMIT = 256;


/** Concrete shape of a runtime input: the model's own rule (src/model/eval.ts). */
export const runtimeShape = inputShape;

/** Clipped index box: per axis the in-range part, and whether any index falls outside the shape. */
class ClippedBox {
  readonly first: number[];
  readonly last: number[];
  /** Odometer of the current index tuple while enumerating. */
  readonly cursor: number[];
  outside = false;
  empty = false;

  constructor(rank: number) {
    this.first = new Array<number>(rank).fill(0);
    this.last = new Array<number>(rank).fill(0);
    this.cursor = new Array<number>(rank).fill(0);
  }

  /** Clips [lo, hi] to `shape`; false when the rank differs or a bound is not finite. */
  clip(lo: readonly number[], hi: readonly number[], shape: readonly number[]): boolean {
    if (lo.length !== shape.length) return false;
    this.outside = false;
    this.empty = false;
    for (let a = 0; a < shape.length; a++) {
      const l = Math.ceil(lo[a]!);
      const h = Math.floor(hi[a]!);
      if (!Number.isFinite(l) || !Number.isFinite(h)) return false;
      const n = shape[a]!;
      if (l < 0 || h > n - 1) this.outside = true;
      this.first[a] = l < 0 ? 0 : l;
      this.last[a] = h > n - 1 ? n - 1 : h;
      if (this.first[a]! > this.last[a]!) this.empty = true;
    }
    return true;
  }

  /** Number of index tuples over the first `axes` axes. */
  count(axes: number): number {
    let n = 1;
    for (let a = 0; a < axes; a++) n *= this.last[a]! - this.first[a]! + 1;
    return n;
  }

  /** Starts enumerating the first `axes` axes; returns the flat row index of the first tuple. */
  start(axes: number, shape: readonly number[]): number {
    for (let a = 0; a < axes; a++) this.cursor[a] = this.first[a]!;
    return this.row(axes, shape);
  }

  /** Advances to the next tuple; returns its flat row index, or -1 when done. */
  next(axes: number, shape: readonly number[]): number {
    let a = axes - 1;
    while (a >= 0 && this.cursor[a] === this.last[a]) {
      this.cursor[a] = this.first[a]!;
      a--;
    }
    if (a < 0) return -1;
    this.cursor[a]!++;
    return this.row(axes, shape);
  }

  private row(axes: number, shape: readonly number[]): number {
    let row = 0;
    for (let a = 0; a < axes; a++) row = row * shape[a]! + this.cursor[a]!;
    return row;
  }
}

/** Min/max index of one dense input: per-block hulls along the last axis, plus the global hull. */
class RangeIndex {
  private readonly lastLen: number;
  private readonly blocks: number;
  private readonly blockMin: Float64Array;
  private readonly blockMax: Float64Array;
  private globalMin = Infinity;
  private globalMax = -Infinity;

  constructor(private readonly data: ArrayLike<number>, readonly shape: readonly number[], private readonly stats: PlanStats) {
    this.box = new ClippedBox(shape.length);
    this.lastLen = shape.length > 0 ? shape[shape.length - 1]! : 1;
    const rows = this.lastLen > 0 ? Math.floor(data.length / this.lastLen) : 0;
    this.blocks = Math.ceil(this.lastLen / BLOCK);
    this.blockMin = new Float64Array(rows * this.blocks).fill(Infinity);
    this.blockMax = new Float64Array(rows * this.blocks).fill(-Infinity);
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < this.lastLen; i++) {
        const v = data[r * this.lastLen + i]!;
        const slot = r * this.blocks + Math.floor(i / BLOCK);
        // NOTE: a NaN compares false with everything, so its block is "anything".
        const lo = Number.isNaN(v) ? -Infinity : v;
        const hi = Number.isNaN(v) ? Infinity : v;
        if (lo < this.blockMin[slot]!) this.blockMin[slot] = lo;
        if (hi > this.blockMax[slot]!) this.blockMax[slot] = hi;
        if (lo < this.globalMin) this.globalMin = lo;
        if (hi > this.globalMax) this.globalMax = hi;
      }
    }
    stats.elementReads += rows * this.lastLen;
  }

  private readonly box: ClippedBox;
  private scanMin = 0;
  private scanMax = 0;

  /** Hull of the values over the index box; false when the box does not fit this input's rank. */
  query(lo: readonly number[], hi: readonly number[], out: Interval): boolean {
    if (this.pointRead(lo, hi, out)) return true;
    const box = this.box;
    if (!box.clip(lo, hi, this.shape)) return false;
    let min = box.outside ? 0 : Infinity;
    let max = box.outside ? 0 : -Infinity;
    if (!box.empty) {
      const leading = this.shape.length - 1;
      if (box.count(leading) > ROW_LIMIT) {
        min = Math.min(min, this.globalMin);
        max = Math.max(max, this.globalMax);
      } else {
        const from = box.first[leading]!;
        const to = box.last[leading]!;
        for (let row = box.start(leading, this.shape); row >= 0; row = box.next(leading, this.shape)) {
          this.rowRange(row, from, to);
          if (this.scanMin < min) min = this.scanMin;
          if (this.scanMax > max) max = this.scanMax;
        }
      }
    }
    out.lo = min;
    out.hi = max;
    return true;
  }

  /** Fast path: every index is one in-range integer (e.g. a block layout read at tile = block size). */
  private pointRead(lo: readonly number[], hi: readonly number[], out: Interval): boolean {
    const shape = this.shape;
    if (lo.length !== shape.length) return false;
    let off = 0;
    for (let a = 0; a < shape.length; a++) {
      const i = lo[a]!;
      if (i !== hi[a] || !Number.isInteger(i) || i < 0 || i >= shape[a]!) return false;
      off = off * shape[a]! + i;
    }
    const v = this.data[off]!;
    if (v !== v) return false;
    out.lo = v;
    out.hi = v;
    this.stats.elementReads++;
    return true;
  }

  private scan(base: number, a: number, b: number): void {
    for (let i = a; i <= b; i++) {
      const raw = this.data[base + i]!;
      // NOTE: a NaN compares false with everything, so it widens to "anything".
      if (raw !== raw) {
        this.scanMin = -Infinity;
        this.scanMax = Infinity;
      } else {
        if (raw < this.scanMin) this.scanMin = raw;
        if (raw > this.scanMax) this.scanMax = raw;
      }
    }
    if (b >= a) this.stats.elementReads += b - a + 1;
  }

  /** Sets scanMin/scanMax to the hull of row `row` over [from, to] using whole blocks where possible. */
  private rowRange(row: number, from: number, to: number): void {
    this.scanMin = Infinity;
    this.scanMax = -Infinity;
    const base = row * this.lastLen;
    const firstBlock = Math.ceil(from / BLOCK);
    const lastBlock = Math.floor((to + 1) / BLOCK) - 1;
    if (lastBlock < firstBlock) {
      this.scan(base, from, to);
      return;
    }
    this.scan(base, from, firstBlock * BLOCK - 1);
    for (let blk = firstBlock; blk <= lastBlock; blk++) {
      const slot = row * this.blocks + blk;
      if (this.blockMin[slot]! < this.scanMin) this.scanMin = this.blockMin[slot]!;
      if (this.blockMax[slot]! > this.scanMax) this.scanMax = this.blockMax[slot]!;
    }
    this.stats.elementReads += lastBlock - firstBlock + 1;
    this.scan(base, (lastBlock + 1) * BLOCK, to);
  }
}

/** First position in values[from, to) that is >= x. */
function lowerBound(values: Int32Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Membership index of one ragged list input: each list is sorted and unique, so counts in a range are two searches. */
class ListIndex {
  constructor(private readonly list: RaggedList, readonly shape: readonly number[], private readonly stats: PlanStats) {
    this.box = new ClippedBox(shape.length);
  }

  private readonly box: ClippedBox;

  membership(lo: readonly number[], hi: readonly number[], value: Interval): Tri {
    const box = this.box;
    if (!box.clip(lo, hi, this.shape)) return 2;
    if (box.empty) return 0;
    const rank = this.shape.length;
    if (box.count(rank) > LIST_LIMIT) return 2;
    let sawTrue = false;
    let sawFalse = box.outside;
    let unknown = false;
    const vlo = Math.ceil(value.lo);
    const vhi = Math.floor(value.hi);
    for (let row = box.start(rank, this.shape); row >= 0; row = box.next(rank, this.shape)) {
      const from = this.list.offsets[row]!;
      const to = this.list.offsets[row + 1]!;
      this.stats.elementReads += 2 * Math.ceil(Math.log2(to - from + 2));
      if (!Number.isFinite(vlo) || !Number.isFinite(vhi)) {
        if (to > from) unknown = true;
        else sawFalse = true;
        continue;
      }
      const count = vlo > vhi ? 0 : lowerBound(this.list.values, from, to, vhi + 1) - lowerBound(this.list.values, from, to, vlo);
      if (count === 0) sawFalse = true;
      else if (count === vhi - vlo + 1) sawTrue = true;
      else unknown = true;
    }
    if (unknown || (sawTrue && sawFalse)) return 2;
    return sawTrue ? 1 : 0;
  }
}

/** Builds the summaries of every runtime input present in `runtime` (O(total input length)). */
export function summarizeRuntime(
  inputs: readonly RuntimeInput[],
  runtime: RuntimeValues,
  sizes: SizeRecord,
  stats: PlanStats = { pairEvaluations: 0, elementReads: 0 },
): TileSummary {
  const ranges = new Map<string, RangeIndex>();
  const lists = new Map<string, ListIndex>();
  for (const input of inputs) {
    const value = runtime[input.name];
    if (!value) continue;
    if (isRaggedList(value)) {
      if (input.kind === 'list') lists.set(input.name, new ListIndex(value, runtimeShape(input, sizes), stats));
    } else if (input.kind !== 'list') {
      ranges.set(input.name, new RangeIndex(value, runtimeShape(input, sizes, value.length), stats));
    }
  }
  return {
    tensorRange: (name, lo, hi, out) => ranges.get(name)?.query(lo, hi, out) ?? false,
    listMembership: (name, lo, hi, value) => lists.get(name)?.membership(lo, hi, value) ?? 2,
  };
}
