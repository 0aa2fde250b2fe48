/**
 * @file Planner benchmark: block-plan construction by sparsec's tile-level planner versus the
 * element-wise method FlexAttention's `create_block_mask` uses (evaluate every (q, k), reduce per tile).
 * Run: `node --expose-gc dist/bench/plan.js [--json] [--sizes 8192,32768,131072] [--runs 7]`.
 */
import type { CExpr } from '../model/expr.js';
import type { AttentionSizes, RuntimeInput } from '../model/kernel.js';
import type { RuntimeValues } from '../model/values.js';
import { maskSource } from '../analysis/mask-js.js';
import { buildPlan } from '../runtime/plan/planner.js';
import { sizeRecord, type BlockPlan } from '../runtime/plan/types.js';

/** One benchmark result row, as printed with `--json`. */
export interface BenchRow {
  readonly pattern: string;
  readonly kv_len: number;
  readonly method: 'sparsec' | 'elementwise';
  readonly median_ms: number;
  readonly peak_bytes: number;
  readonly runs: number;
  readonly live_tiles: number;
}

/** One benchmarked pattern: its mask, runtime inputs and a generator of their values. */
interface BenchPattern {
  readonly name: string;
  readonly mask: CExpr;
  readonly inputs: readonly RuntimeInput[];
  readonly runtime: (kvLen: number) => RuntimeValues;
}

const TILE = 128;
const v = (name: 'b' | 'h' | 'q' | 'k'): CExpr => ({ op: 'var', type: 'int', name });
const int = (value: number): CExpr => ({ op: 'const', type: 'int', value });
const cmp = (fn: 'eq' | 'lt' | 'le', a: CExpr, b: CExpr): CExpr => ({ op: 'binary', type: 'bool', fn, a, b });
const logic = (fn: 'and' | 'or', a: CExpr, b: CExpr): CExpr => ({ op: 'binary', type: 'bool', fn, a, b });
const arith = (fn: 'sub' | 'div', a: CExpr, b: CExpr): CExpr => ({ op: 'binary', type: 'int', fn, a, b });
const causal = cmp('le', v('k'), v('q'));

/** A deterministic xorshift generator for the benchmark's runtime data. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

/** The three patterns of the issue: packed documents, causal + sinks + window, a 10% block layout. */
export const PATTERNS: readonly BenchPattern[] = [
  {
    name: 'document',
    mask: logic('and', causal, cmp('eq', { op: 'load', type: 'int', input: 'doc', indices: [v('q')] }, { op: 'load', type: 'int', input: 'doc', indices: [v('k')] })),
    inputs: [{ kind: 'tensor', name: 'doc', elem: 'i32', axes: [{ kind: 'size', name: 'kv_len' }] }],
    runtime: (kvLen) => {
      // 16 documents of random lengths, packed in order.
      const r = rng(kvLen);
      const cuts = Array.from({ length: 15 }, () => Math.floor(r() * kvLen)).sort((a, b) => a - b);
      const doc = new Int32Array(kvLen);
      let id = 0;
      for (let i = 0; i < kvLen; i++) {
        while (id < cuts.length && i >= cuts[id]!) id++;
        doc[i] = id;
      }
      return { doc };
    },
  },
  {
    name: 'causal_window',
    mask: logic('and', causal, logic('or', cmp('lt', v('k'), int(4)), cmp('lt', arith('sub', v('q'), v('k')), int(1024)))),
    inputs: [],
    runtime: () => ({}),
  },
  {
    name: 'blocks',
    mask: { op: 'load', type: 'bool', input: 'sel', indices: [v('b'), v('h'), arith('div', v('q'), int(128)), arith('div', v('k'), int(128))] },
    inputs: [{ kind: 'blocks', name: 'sel', bq: 128, bk: 128 }],
    runtime: (kvLen) => {
      const r = rng(kvLen + 1);
      const n = Math.ceil(kvLen / 128);
      return { sel: Uint8Array.from({ length: n * n }, () => (r() < 0.1 ? 1 : 0)) };
    },
  },
];

function sizesFor(kvLen: number): AttentionSizes {
  return { batch: 1, heads: 1, kvHeads: 1, headDim: 128, valueDim: 128, qLen: kvLen, kvLen };
}

/** Heap plus array-buffer bytes in use (after a full GC when `--expose-gc` is on). */
function memoryInUse(collect: boolean): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && gc) gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Element-wise block classification, streamed tile by tile: the mask is compiled to one JS loop. */
export function elementwiseClasses(p: BenchPattern, sizes: AttentionSizes, runtime: RuntimeValues, sample: () => void): Uint8Array {
  const src = maskSource(p.mask, p.inputs, sizeRecord(sizes), runtime);
  const body = `
    const off = kvLen - qLen;
    const b = 0, h = 0;
    for (let qt = 0; qt < numQ; qt++) {
      const r0 = qt * tile, r1 = Math.min(qLen, r0 + tile);
      for (let kt = 0; kt < numK; kt++) {
        const k0 = kt * tile, k1 = Math.min(kvLen, k0 + tile);
        let count = 0;
        for (let r = r0; r < r1; r++) {
          const q = r + off;
          for (let k = k0; k < k1; k++) count += (${src.expr}) ? 1 : 0;
        }
        classes[qt * numK + kt] = count === 0 ? 0 : count === (r1 - r0) * (k1 - k0) ? 1 : 2;
      }
      sample();
    }
    return classes;`;
  const numQ = Math.ceil(sizes.qLen / TILE);
  const numK = Math.ceil(sizes.kvLen / TILE);
  const run = new Function('H', 'qLen', 'kvLen', 'tile', 'numQ', 'numK', 'classes', 'sample', body) as
    (H: unknown, qLen: number, kvLen: number, tile: number, numQ: number, numK: number, classes: Uint8Array, sample: () => void) => Uint8Array;
  return run(src.helpers, sizes.qLen, sizes.kvLen, TILE, numQ, numK, new Uint8Array(numQ * numK), sample);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** True when the plan's live tiles and full flags equal the element-wise classes. */
function sameClasses(plan: BlockPlan, classes: Uint8Array): boolean {
  const dense = new Uint8Array(plan.numQTiles * plan.numKTiles);
  for (let qt = 0; qt < plan.numQTiles; qt++) {
    for (let i = plan.rowPtr[qt]!; i < plan.rowPtr[qt + 1]!; i++) dense[qt * plan.numKTiles + plan.kTiles[i]!] = plan.full[i] ? 1 : 2;
  }
  return dense.every((c, i) => (c === 0) === (classes[i] === 0) && (c !== 1 || classes[i] === 1));
}

/** Runs the benchmark for one pattern and length; returns the two rows and whether both methods agree. */
export function benchOne(p: BenchPattern, kvLen: number, runs: number): { rows: BenchRow[]; agree: boolean } {
  const sizes = sizesFor(kvLen);
  const runtime = p.runtime(kvLen);
  const times: number[] = [];
  let peak = 0;
  let plan: BlockPlan | null = null;
  for (let i = 0; i < runs; i++) {
    const base = memoryInUse(true);
    const t0 = performance.now();
    plan = buildPlan(p.mask, p.inputs, sizes, runtime, TILE, TILE);
    times.push(performance.now() - t0);
    peak = Math.max(peak, memoryInUse(false) - base);
  }
  const live = plan!.kTiles.length;
  const base = memoryInUse(true);
  let elementPeak = 0;
  const sample = (): void => { elementPeak = Math.max(elementPeak, memoryInUse(false) - base); };
  const t0 = performance.now();
  const classes = elementwiseClasses(p, sizes, runtime, sample);
  const elementMs = performance.now() - t0;
  sample();
  const elementLive = classes.reduce((n, c) => n + (c === 0 ? 0 : 1), 0);
  return {
    agree: sameClasses(plan!, classes),
    rows: [
      { pattern: p.name, kv_len: kvLen, method: 'sparsec', median_ms: round(median(times)), peak_bytes: Math.max(0, peak), runs, live_tiles: live },
      { pattern: p.name, kv_len: kvLen, method: 'elementwise', median_ms: round(elementMs), peak_bytes: Math.max(0, elementPeak), runs: 1, live_tiles: elementLive },
    ],
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function main(argv: readonly string[]): void {
  const json = argv.includes('--json');
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const lengths = (arg('--sizes') ?? '8192,32768,131072').split(',').map(Number);
  const runs = Number(arg('--runs') ?? 7);
  const rows: BenchRow[] = [];
  const memoryNote = (globalThis as { gc?: () => void }).gc
    ? 'peak_bytes: growth of heapUsed + arrayBuffers over a post-GC baseline, sampled after each plan / each query-tile row'
    : 'peak_bytes: growth of heapUsed + arrayBuffers (no --expose-gc: baseline not collected, figures are rough)';
  for (const kvLen of lengths) {
    for (const p of PATTERNS) {
      const r = benchOne(p, kvLen, runs);
      rows.push(...r.rows);
      if (!r.agree) process.stderr.write(`warning: ${p.name} @ ${kvLen}: planner and element-wise classes differ\n`);
      if (json) process.stderr.write(`done ${p.name} @ ${kvLen}: sparsec ${r.rows[0]!.median_ms} ms, elementwise ${r.rows[1]!.median_ms} ms\n`);
      if (!json) {
        const [s, e] = r.rows as [BenchRow, BenchRow];
        console.log(`${p.name.padEnd(14)} kv_len=${String(kvLen).padEnd(7)} sparsec ${s.median_ms.toFixed(2).padStart(9)} ms ${String(s.peak_bytes).padStart(10)} B | ` +
          `elementwise ${e.median_ms.toFixed(1).padStart(10)} ms ${String(e.peak_bytes).padStart(9)} B | speedup ${(e.median_ms / s.median_ms).toFixed(0)}x | agree ${r.agree}`);
      }
    }
  }
  if (json) console.log(JSON.stringify(rows, null, 1));
  else console.log(memoryNote);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main(process.argv.slice(2));
