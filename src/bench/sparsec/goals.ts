/** @file The benchmark goals (issue 14: window 10x onnxruntime-web, live work 0.9x its dense GFLOP/s) as ratios computed from one run's rows, each with its target and verdict. */
import type { BenchRow, Impl } from '../framework/rows.js';

/** One goal measured in a run. */
export interface GoalResult {
  readonly goal: string;
  /** Measured ratio, or null when a row it needs is missing. */
  readonly ratio: number | null;
  /** The ratio the goal asks for (met when ratio >= target; "faster than" is target 1 exclusive). */
  readonly target: number;
  readonly met: boolean;
}

type RowOf = (caseName: string, impl: Impl) => BenchRow | undefined;

interface GoalSpec {
  readonly goal: string;
  readonly target: number;
  readonly strict?: boolean;
  readonly ratio: (row: RowOf) => number | null;
}

/** How many times faster `fast` is than `slow` on one case (median times), or null. */
const timeRatio = (caseName: string, slow: Impl, fast: Impl) => (row: RowOf): number | null => {
  const s = row(caseName, slow);
  const f = row(caseName, fast);
  return s && f && f.median_ms > 0 ? s.median_ms / f.median_ms : null;
};

/** sparsec's live-work GFLOP/s over onnxruntime-web's dense GFLOP/s on one case. */
const liveWorkRatio = (caseName: string) => (row: RowOf): number | null => {
  const s = row(caseName, 'sparsec');
  const w = row(caseName, 'onnxruntime-web');
  return s && w && w.gflops > 0 ? s.gflops / w.gflops : null;
};

const GOALS: readonly GoalSpec[] = [
  { goal: 'window: sparsec vs onnxruntime-web dense, same threads (time)', target: 10, ratio: timeRatio('window', 'onnxruntime-web', 'sparsec') },
  { goal: 'window: sparsec vs onnxruntime-node native dense (time)', target: 1, strict: true, ratio: timeRatio('window', 'onnxruntime-node', 'sparsec') },
  { goal: 'causal: sparsec vs onnxruntime-web (throughput = 1 / time)', target: 0.8, ratio: timeRatio('causal', 'onnxruntime-web', 'sparsec') },
  ...(['causal', 'window', 'document', 'blocks'] as const).map((c) => ({
    goal: `${c}: sparsec live-work GFLOP/s vs onnxruntime-web dense GFLOP/s`, target: 0.9, ratio: liveWorkRatio(c),
  })),
  { goal: 'gemm_nm24: sparsec nm(2,4) vs sparsec dense gemm (time)', target: 1.5, ratio: timeRatio('gemm_nm24', 'sparsec-dense', 'sparsec') },
  { goal: 'gemm_csr90: sparsec csr vs sparsec dense gemm (time)', target: 3, ratio: timeRatio('gemm_csr90', 'sparsec-dense', 'sparsec') },
  { goal: 'gemm_bsr41: sparsec bsr(4,1) vs sparsec dense gemm (time)', target: 3, ratio: timeRatio('gemm_bsr41', 'sparsec-dense', 'sparsec') },
];

/** Every goal whose rows are present in `rows`. */
export function evaluateGoals(rows: readonly BenchRow[]): GoalResult[] {
  const row: RowOf = (caseName, impl) => rows.find((r) => r.case === caseName && r.impl === impl);
  return GOALS.map((g) => {
    const ratio = g.ratio(row);
    const met = ratio !== null && (g.strict ? ratio > g.target : ratio >= g.target);
    return { goal: g.goal, ratio, target: g.target, met };
  }).filter((g) => g.ratio !== null);
}

/** Goals as aligned text lines: ratio, target, met / short. */
export function formatGoals(goals: readonly GoalResult[]): string {
  const width = Math.max(0, ...goals.map((g) => g.goal.length));
  return goals
    .map((g) => `${g.goal.padEnd(width)}  ${(g.ratio ?? 0).toFixed(2).padStart(6)}x  goal ${g.target}x  ${g.met ? 'met' : 'SHORT'}`)
    .join('\n');
}
