/**
 * @file Differential testing: N random kernels (fixed seed) on every available target against the float64
 * reference; a target can take a share of the cases only (webgpu on SwiftShader compiles shaders slowly).
 * Failures are shrunk to a minimal `.sparse` case.
 */
import type { Target } from '../harness/target.js';
import { caseSource, randomCase, type DiffCase } from './generate.js';
import { runCase } from './run.js';
import { shrinkCase } from './shrink.js';

export { caseSource, randomCase, type DiffCase } from './generate.js';
export { caseInputs, kernelOfSource, runCase, runKeptCase, runSource, type TargetVerdict } from './run.js';
export { shrinkCase } from './shrink.js';

/** Options of a differential run. */
export interface DiffOptions {
  readonly cases: number;
  readonly seed: number;
  readonly targets: readonly Target[];
  /** Run target NAME on every n-th case only (default every case). */
  readonly every?: Readonly<Record<string, number>>;
  /** Which targets run case `index` (overrides `every`); a case no target runs is skipped. */
  readonly runs?: (target: string, index: number) => boolean;
  /** The first case index (default 0): slices of one seed's cases can run apart. */
  readonly from?: number;
  /** Shrink failures (default true). */
  readonly shrink?: boolean;
  /** Called after each case (progress). */
  readonly onCase?: (index: number, failed: boolean) => void;
}

/** One failure: the case, the shrunk case and their sources, and what each failing target said. */
export interface DiffFailure {
  readonly index: number;
  readonly source: string;
  readonly shrunk: string;
  readonly details: readonly string[];
}

/** The figures of a differential run. */
export interface DiffReport {
  readonly cases: number;
  readonly seed: number;
  /** Cases run and passed per target. */
  readonly perTarget: Readonly<Record<string, { run: number; passed: number }>>;
  /** Cases with NaN / inf inputs, emptied lists or wide bools. */
  readonly hostileCases: number;
  readonly failures: readonly DiffFailure[];
  readonly ms: number;
}

const isHostile = (c: DiffCase): boolean => c.hostile.nanQ + c.hostile.nanK + c.hostile.nanV + c.hostile.infV > 0 || c.hostile.emptyLists || c.hostile.wideBools || c.hostile.density < 0.1;

/** Runs `opts.cases` random kernels from `opts.seed` on the targets. */
export async function runDifferential(opts: DiffOptions): Promise<DiffReport> {
  const start = performance.now();
  const perTarget: Record<string, { run: number; passed: number }> = Object.fromEntries(opts.targets.map((t) => [t.name, { run: 0, passed: 0 }]));
  const failures: DiffFailure[] = [];
  let hostileCases = 0;
  const runs = opts.runs ?? ((target: string, i: number): boolean => i % (opts.every?.[target] ?? 1) === 0);
  for (let i = opts.from ?? 0; i < (opts.from ?? 0) + opts.cases; i++) {
    const targets = opts.targets.filter((t) => runs(t.name, i));
    if (targets.length === 0) continue;
    const c = randomCase(opts.seed, i);
    if (isHostile(c)) hostileCases++;
    const verdicts = await runCase(c, targets);
    for (const v of verdicts) {
      perTarget[v.target]!.run++;
      if (v.pass) perTarget[v.target]!.passed++;
    }
    const bad = verdicts.filter((v) => !v.pass);
    if (bad.length > 0) {
      const failing = targets.filter((t) => bad.some((b) => b.target === t.name));
      const shrunk = opts.shrink === false ? c : await shrinkCase(c, async (s) => (await runCase(s, failing)).some((v) => !v.pass));
      failures.push({ index: i, source: caseSource(c), shrunk: caseSource(shrunk), details: bad.map((b) => `${b.target}: ${b.detail}`) });
    }
    opts.onCase?.(i, bad.length > 0);
  }
  return { cases: opts.cases, seed: opts.seed, perTarget, hostileCases, failures, ms: performance.now() - start };
}
