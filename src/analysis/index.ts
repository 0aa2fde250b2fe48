/**
 * @file Entry points of the sparsity analysis: choose how a kernel visits key tiles (dense, closed form,
 * static plan, runtime plan) and classify tiles for `show` and statistics.
 */
import type { CExpr } from '../model/expr.js';
import type { AttentionKernel, AttentionSizes } from '../model/kernel.js';
import type { RuntimeValues } from '../model/values.js';
import { compileBoxEvaluator } from '../runtime/plan/interval.js';
import { buildPlan } from '../runtime/plan/planner.js';
import { sizeRecord, type BlockPlan, type SizeRecord, type TileSummary } from '../runtime/plan/types.js';
import { closedForm, evalIntervals } from './closed-form.js';
import type { IterationSpace, KeyInterval } from './space.js';

export * from './space.js';
export { closedForm, evalBound, evalIntervals, type ClosedForm, type ClosedFormResult } from './closed-form.js';
export { classifyTiles, elementwiseDensity, type TileFigures, type TileClassification } from './classify.js';

function isTrue(e: CExpr): boolean {
  return e.op === 'const' && e.value === true;
}

function readsRuntime(e: CExpr): boolean {
  switch (e.op) {
    case 'load': case 'member': return true;
    case 'unary': return readsRuntime(e.arg);
    case 'binary': return readsRuntime(e.a) || readsRuntime(e.b);
    case 'select': return readsRuntime(e.cond) || readsRuntime(e.then) || readsRuntime(e.else);
    case 'table': return readsRuntime(e.index);
    default: return false;
  }
}

/** Concrete sizes of a kernel whose sizes are all static; null when any is dynamic. */
export function staticAttentionSizes(kernel: AttentionKernel): AttentionSizes | null {
  const { batch, heads, kvHeads, headDim, valueDim, qLen, kvLen } = kernel;
  const all = [batch, heads, kvHeads, headDim, valueDim, qLen, kvLen];
  if (all.some((s) => s === 'dynamic')) return null;
  return { batch, heads, kvHeads, headDim, valueDim, qLen, kvLen } as AttentionSizes;
}

/**
 * How the kernel's loops visit key tiles: `dense` when the mask is always true; `closed-form` for
 * affine masks; `static-plan` when the mask reads no runtime input and the sizes are known (from
 * `sizes` or the kernel); else `runtime-plan` (the planner runs before each launch).
 */
export function analyzeIterationSpace(kernel: AttentionKernel, tileQ: number, tileK: number, sizes?: AttentionSizes): IterationSpace {
  const mask = kernel.mask;
  const runtimePlan: IterationSpace = {
    kind: 'runtime-plan',
    plan: (s, runtime) => buildPlan(mask, kernel.inputs, s, runtime, tileQ, tileK),
  };
  if (isTrue(mask)) return { kind: 'dense' };
  if (readsRuntime(mask)) return runtimePlan;
  const cf = closedForm(kernel);
  if (cf.ok) return { kind: 'closed-form', perHead: cf.form.perHead, intervals: cf.form.intervals, full: cf.form.full };
  const known = sizes ?? staticAttentionSizes(kernel);
  if (known) return { kind: 'static-plan', plan: buildPlan(mask, kernel.inputs, known, {}, tileQ, tileK) };
  return runtimePlan;
}

/** One query tile's live key tiles under a closed form, each classified full or partial. */
export interface ClosedFormRow {
  readonly kTiles: number[];
  readonly full: boolean[];
}

/**
 * Numeric evaluation of a closed form for query tile `qt` of head `h`: candidate key tiles from the
 * intervals, tiles inside a `full` interval are full, the edge tiles are classified by the interval evaluator.
 */
export function closedFormRow(
  mask: CExpr,
  space: Extract<IterationSpace, { kind: 'closed-form' }>,
  sizes: AttentionSizes,
  h: number,
  qt: number,
  tileQ: number,
  tileK: number,
  summary: TileSummary | null = null,
): ClosedFormRow {
  const names: SizeRecord = sizeRecord(sizes);
  const q0 = sizes.kvLen - sizes.qLen + qt * tileQ;
  const q1 = Math.min(sizes.kvLen, q0 + tileQ) - 1;
  const ranges = evalIntervals(space.intervals(h), q0, q1, names);
  const fullRanges = space.full ? evalIntervals(space.full(h), q0, q1, names) : [];
  const evaluator = compileBoxEvaluator(mask, names, summary);
  evaluator.setSlice(0, Math.max(0, sizes.batch - 1), h, h);
  evaluator.setQ(q0, q1);
  const row: ClosedFormRow = { kTiles: [], full: [] };
  let last = -1;
  for (let r = 0; r < ranges.length; r += 2) {
    for (let kt = Math.max(last + 1, Math.floor(ranges[r]! / tileK)); kt <= Math.floor(ranges[r + 1]! / tileK); kt++) {
      const k0 = kt * tileK;
      const k1 = Math.min(sizes.kvLen, k0 + tileK) - 1;
      const inside = insideAny(fullRanges, k0, k1);
      const cls = inside ? 1 : evaluator.evalK(-1, k0, k1);
      if (cls !== 0) {
        row.kTiles.push(kt);
        row.full.push(cls === 1);
      }
      last = kt;
    }
  }
  return row;
}

function insideAny(ranges: readonly number[], k0: number, k1: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (ranges[i]! <= k0 && k1 <= ranges[i + 1]!) return true;
  return false;
}

/** The plan a space stands for at concrete sizes (closed forms expanded tile by tile), for tools and tests. */
export function planOf(kernel: AttentionKernel, space: IterationSpace, sizes: AttentionSizes, runtime: RuntimeValues, tileQ: number, tileK: number): BlockPlan {
  if (space.kind === 'static-plan') return space.plan;
  if (space.kind === 'runtime-plan') return space.plan(sizes, runtime);
  const numQTiles = Math.ceil(sizes.qLen / tileQ);
  const numKTiles = Math.ceil(sizes.kvLen / tileK);
  const perHead = space.kind === 'closed-form' && space.perHead;
  const hCount = perHead ? sizes.heads : 1;
  const rowPtr = new Int32Array(hCount * numQTiles + 1);
  const kTiles: number[] = [];
  const full: number[] = [];
  for (let h = 0; h < hCount; h++) {
    for (let qt = 0; qt < numQTiles; qt++) {
      if (space.kind === 'dense') {
        for (let kt = 0; kt < numKTiles; kt++) { kTiles.push(kt); full.push(1); }
      } else {
        const row = closedFormRow(kernel.mask, space, sizes, h, qt, tileQ, tileK);
        row.kTiles.forEach((kt, i) => { kTiles.push(kt); full.push(row.full[i] ? 1 : 0); });
      }
      rowPtr[h * numQTiles + qt + 1] = kTiles.length;
    }
  }
  return {
    tileQ, tileK, numQTiles, numKTiles, bShared: true, hShared: !perHead, hCount,
    rowPtr, kTiles: Int32Array.from(kTiles), full: Uint8Array.from(full),
  };
}

/** Re-exported key interval type for printers. */
export type { KeyInterval };
