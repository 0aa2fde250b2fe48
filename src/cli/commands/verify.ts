/**
 * @file `sparsec verify PATH... [--target T,...] [--seed N] [--json]`: run every kernel on each target
 * against the float64 reference; 0 all pass, 1 any mismatch (or a required target skipped).
 */
import { EXIT, UsageError, type Io } from '../io.js';
import { loadAndCheck, printDiagnostics, selectKernels } from '../frontend-run.js';
import { DEFAULT_TARGET, parseTargetList, resolveTarget } from '../targets.js';
import { verifyKernels } from '../../harness/verify.js';
import { formatReport, reportJson, exitCode } from '../../harness/report.js';
import { Progress, progressMode } from '../progress.js';
import type { VerifyResult } from '../../harness/verify.js';

export interface VerifyCliOptions {
  /** Warnings count as errors. */
  readonly denyWarnings?: boolean;
  readonly target?: string[];
  readonly require?: string[];
  readonly seed?: string;
  readonly json?: boolean;
  readonly kernel?: string[];
  readonly rows?: string;
  /** No progress on standard error. */
  readonly quiet?: boolean;
}

/** Parses a non-negative integer option or throws a usage error. */
export function intOption(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} expects a non-negative integer, got '${v}'`);
  return Number(v);
}

/** `6 pass, 1 fail` for one kernel's rows. */
function outcomeText(rows: readonly VerifyResult[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ') || 'nothing to run';
}

export async function runVerify(paths: readonly string[], opts: VerifyCliOptions, io: Io): Promise<number> {
  const targets = parseTargetList(opts.target, [DEFAULT_TARGET]);
  const required = parseTargetList(opts.require, []);
  if (process.env['SPARSEC_REQUIRE_ALL_TARGETS'] === '1') required.push(...targets.filter((t) => !required.includes(t)));
  const seed = intOption('seed', opts.seed, 1);
  const rows = intOption('rows', opts.rows, 64);
  const c = await loadAndCheck(paths, { denyWarnings: Boolean(opts.denyWarnings) });
  printDiagnostics(io, c);
  if (!c.ok) return EXIT.failed;
  const kernels = selectKernels(c.kernels, opts.kernel);
  const progress = new Progress(io, progressMode(io, Boolean(opts.json || opts.quiet)), 'verify', kernels.length);
  const report = await verifyKernels(kernels, targets.map(resolveTarget), {
    seed,
    require: required,
    maxRowsChecked: rows,
    onProgress: (m) => progress.note(m),
    onKernelDone: (name, done) => progress.step(name, outcomeText(done)),
  });
  progress.finish();
  io.out(opts.json ? reportJson(report) : formatReport(report));
  return exitCode(report) === 0 ? EXIT.ok : EXIT.failed;
}
