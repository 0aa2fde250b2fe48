/**
 * @file Per-tile summaries of runtime inputs, built in O(length): block min/max along the last axis of
 * tensors and block layouts, sorted-list range counts for ragged lists. Answers the box evaluator's queries.
 */
import type { SizeName } from '../../model/expr.js';
import type { RuntimeInput } from '../../model/kernel.js';
import type { RaggedList, RuntimeValue, RuntimeValues } from '../../model/values.js';
import type { Interval, PlanStats, SizeRecord, TileSummary, Tri } from './types.js';

/** Elements per summary block along the last axis. */
const BLOCK = 32;
/** Most index tuples enumerated over the leading axes before falling back to the global hull. */
const ROW_LIMIT = 4096;
/** Most lists enumerated for one membership query before answering unknown. */
const LIST_LIMIT = 256;

function isList(v: RuntimeValue): v is RaggedList {
  return (v as RaggedList).offsets !== undefined;
}

/** Concrete shape of a runtime input (mirrors `inputShape` of src/model/eval.ts, kept free of compiler imports). */
export function runtimeShape(input: RuntimeInput, sizes: Readonly<Record<SizeName, number>>, totalLength = 0): number[] {
  if (input.kind === 'blocks') {
    return [sizes.batch, sizes.heads, Math.ceil(sizes.kv_len / input.bq), Math.ceil(sizes.kv_len / input.bk)];
  }
  const known = input.axes.reduce((p, a) => p * (a.kind === 'size' ? sizes[a.name] : a.kind === 'const' ? a.value : 1), 1);
  const free = known > 0 ? Math.floor(totalLength / known) : 0;
  return input.axes.map((a) => (a.kind === 'size' ? sizes[a.name] : a.kind === 'const' ? a.value : free));
}

/** Clipped index box: per axis the in-range part, and whether any index falls outside the shape. */
interface ClippedBox {
  readonly first: number[];
  readonly last: number[];
  readonly outside: boolean;
  readonly empty: boolean;
}

function clipBox(lo: readonly number[], hi: readonly number[], shape: readonly number[]): ClippedBox | null {
  if (lo.length !== shape.length) return null;
  if (lo.some((x) => !Number.isFinite(x)) || hi.some((x) => !Number.isFinite(x))) return null;
  const first: number[] = [];
  const last: number[] = [];
  let outside = false;
  let empty = false;
  for (let a = 0; a < shape.length; a++) {
    const n = shape[a]!;
    const l = Math.ceil(lo[a]!);
    const h = Math.floor(hi[a]!);
    if (l < 0 || h > n - 1) outside = true;
    first.push(Math.max(0, l));
    last.push(Math.min(n - 1, h));
    if (first[a]! > last[a]!) empty = true;
  }
  return { first, last, outside, empty };
}

/** Calls `visit(flatRowIndex)` for every index tuple of the leading axes (all but the last) in the box. */
function forEachRow(box: ClippedBox, shape: readonly number[], leadingAxes: number, visit: (row: number) => void): void {
  const idx = box.first.slice(0, leadingAxes);
  for (;;) {
    let row = 0;
    for (let a = 0; a < leadingAxes; a++) row = row * shape[a]! + idx[a]!;
    visit(row);
    let a = leadingAxes - 1;
    while (a >= 0 && idx[a] === box.last[a]) {
      idx[a] = box.first[a]!;
      a--;
    }
    if (a < 0) return;
    idx[a]!++;
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

  /** Hull of the values over the index box; false when the box does not fit this input's rank. */
  query(lo: readonly number[], hi: readonly number[], out: Interval): boolean {
    const box = clipBox(lo, hi, this.shape);
    if (!box) return false;
    let min = box.outside ? 0 : Infinity;
    let max = box.outside ? 0 : -Infinity;
    if (!box.empty) {
      const leading = this.shape.length - 1;
      let rows = 1;
      for (let a = 0; a < leading; a++) rows *= box.last[a]! - box.first[a]! + 1;
      if (rows > ROW_LIMIT) {
        min = Math.min(min, this.globalMin);
        max = Math.max(max, this.globalMax);
      } else {
        const from = leading >= 0 ? box.first[leading]! : 0;
        const to = leading >= 0 ? box.last[leading]! : 0;
        forEachRow(box, this.shape, Math.max(0, leading), (row) => {
          const r = this.rowRange(row, from, to);
          if (r.lo < min) min = r.lo;
          if (r.hi > max) max = r.hi;
        });
      }
    }
    out.lo = min;
    out.hi = max;
    return true;
  }

  private readonly scratch: Interval = { lo: 0, hi: 0 };

  private rowRange(row: number, from: number, to: number): Interval {
    let min = Infinity;
    let max = -Infinity;
    const base = row * this.lastLen;
    const scan = (a: number, b: number): void => {
      for (let i = a; i <= b; i++) {
        const raw = this.data[base + i]!;
        const lo = Number.isNaN(raw) ? -Infinity : raw;
        const hi = Number.isNaN(raw) ? Infinity : raw;
        if (lo < min) min = lo;
        if (hi > max) max = hi;
      }
      this.stats.elementReads += b - a + 1;
    };
    const firstBlock = Math.ceil(from / BLOCK);
    const lastBlock = Math.floor((to + 1) / BLOCK) - 1;
    if (lastBlock < firstBlock) {
      scan(from, to);
    } else {
      scan(from, firstBlock * BLOCK - 1);
      for (let blk = firstBlock; blk <= lastBlock; blk++) {
        const slot = row * this.blocks + blk;
        if (this.blockMin[slot]! < min) min = this.blockMin[slot]!;
        if (this.blockMax[slot]! > max) max = this.blockMax[slot]!;
      }
      this.stats.elementReads += lastBlock - firstBlock + 1;
      scan((lastBlock + 1) * BLOCK, to);
    }
    this.scratch.lo = min;
    this.scratch.hi = max;
    return this.scratch;
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
  constructor(private readonly list: RaggedList, readonly shape: readonly number[], private readonly stats: PlanStats) {}

  membership(lo: readonly number[], hi: readonly number[], value: Interval): Tri {
    const box = clipBox(lo, hi, this.shape);
    if (!box) return 2;
    let sawTrue = false;
    let sawFalse = box.outside || box.empty;
    if (box.empty) return 0;
    let lists = 1;
    for (let a = 0; a < this.shape.length; a++) lists *= box.last[a]! - box.first[a]! + 1;
    if (lists > LIST_LIMIT) return 2;
    const vlo = Math.ceil(value.lo);
    const vhi = Math.floor(value.hi);
    let unknown = false;
    forEachRow(box, this.shape, this.shape.length, (row) => {
      const from = this.list.offsets[row]!;
      const to = this.list.offsets[row + 1]!;
      this.stats.elementReads += 2 * Math.ceil(Math.log2(to - from + 2));
      if (!Number.isFinite(vlo) || !Number.isFinite(vhi)) {
        if (to > from) unknown = true;
        else sawFalse = true;
        return;
      }
      const count = vlo > vhi ? 0 : lowerBound(this.list.values, from, to, vhi + 1) - lowerBound(this.list.values, from, to, vlo);
      if (count === 0) sawFalse = true;
      else if (count === vhi - vlo + 1) sawTrue = true;
      else unknown = true;
    });
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
    if (isList(value)) {
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
