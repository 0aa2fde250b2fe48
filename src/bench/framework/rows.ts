/** @file The benchmark result row shared by every implementation (peers, sparsec kernels) and its helpers. */
import { roundTo } from './stats.js';
import type { TimingResult } from './timing.js';

/** Who ran a case: sparsec's sparse kernel, sparsec's own dense kernel, or a peer library. */
export type Impl = 'sparsec' | 'sparsec-dense' | 'onnxruntime-web' | 'onnxruntime-node';

/**
 * One result row, as printed with `--json`. `gflops` is the FLOP count the implementation is credited with
 * (dense FLOPs for dense implementations, live-tile FLOPs for sparse kernels) divided by the median time.
 */
export interface BenchRow {
  readonly case: string;
  readonly impl: Impl;
  /** Where it ran: `wasm` for WebAssembly (sparsec, onnxruntime-web), `cpu` for native onnxruntime-node. */
  readonly target: string;
  /** Threads actually used (after any fallback), not merely requested. */
  readonly threads: number;
  readonly median_ms: number;
  readonly gflops: number;
  /** Live-work GFLOP of the case (FLOPs on live tiles / nonzeros), beside the dense work. */
  readonly live_gflop?: number;
  /** Fraction of the dense work that is live (0..1). */
  readonly density?: number;
  readonly p10_ms?: number;
  readonly p90_ms?: number;
  readonly runs?: number;
}

/** GFLOP/s from a FLOP count and a time in milliseconds. */
export function gflopsPerSecond(flops: number, ms: number): number {
  return ms > 0 ? flops / (ms * 1e6) : 0;
}

/** What a caller knows about a measured case, to be turned into a row. */
export interface RowInput {
  readonly caseName: string;
  readonly impl: Impl;
  readonly target: string;
  readonly threads: number;
  readonly timing: TimingResult;
  /** FLOPs credited to this implementation (dense for dense implementations). */
  readonly creditedFlops: number;
  readonly liveFlops: number;
  readonly density: number;
}

/** Builds a row with rounded figures. */
export function makeRow(r: RowInput): BenchRow {
  return {
    case: r.caseName,
    impl: r.impl,
    target: r.target,
    threads: r.threads,
    median_ms: roundTo(r.timing.median, 3),
    gflops: roundTo(gflopsPerSecond(r.creditedFlops, r.timing.median), 2),
    live_gflop: roundTo(r.liveFlops / 1e9, 4),
    density: roundTo(r.density, 4),
    p10_ms: roundTo(r.timing.p10, 3),
    p90_ms: roundTo(r.timing.p90, 3),
    runs: r.timing.samples.length,
  };
}

/**
 * The baseline row of each case: the fastest row of the baseline implementation (a peer may run a case on several
 * paths, e.g. onnxruntime-web's plain ops and its fused attention node; the comparison is with its best).
 */
export function baselineRows(rows: readonly BenchRow[], baseline: Impl): Map<string, BenchRow> {
  const out = new Map<string, BenchRow>();
  for (const r of rows) {
    if (r.impl !== baseline || r.median_ms <= 0) continue;
    const best = out.get(r.case);
    if (!best || r.median_ms < best.median_ms) out.set(r.case, r);
  }
  return out;
}
