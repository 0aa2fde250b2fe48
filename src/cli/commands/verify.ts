/**
 * @file `sparsec verify PATH... [--target T,...] [--seed N] [--json]`: run every kernel on each target
 * against the float64 reference; 0 all pass, 1 any mismatch (or a required target skipped).
 */
import { EXIT, UsageError, type Io } from '../io.js';
import { loadAndCheck, printDiagnostics, selectKernels } from '../frontend-run.js';
import { DEFAULT_TARGET, parseTargetList, resolveTarget } from '../targets.js';
import { verifyKernels } from '../../harness/verify.js';
import { formatReport, reportJson, exitCode } from '../../harness/report.js';
import { Progress } from '../progress.js';

export interface VerifyCliOptions {
  readonly target?: string[];
  readonly require?: string[];
  readonly seed?: string;
  readonly json?: boolean;
  readonly kernel?: string[];
  readonly rows?: string;
}

/** Parses a non-negative integer option or throws a usage error. */
export function intOption(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} expects a non-negative integer, got '${v}'`);
  return Number(v);
}

export async function runVerify(paths: readonly string[], opts: VerifyCliOptions, io: Io): Promise<number> {
  const targets = parseTargetList(opts.target, [DEFAULT_TARGET]);
  const required = parseTargetList(opts.require, []);
  if (process.env['SPARSEC_REQUIRE_ALL_TARGETS'] === '1') required.push(...targets.filter((t) => !required.includes(t)));
  const seed = intOption('seed', opts.seed, 1);
  const rows = intOption('rows', opts.rows, 64);
  const c = await loadAndCheck(paths);
  printDiagnostics(io, c);
  if (!c.ok) return EXIT.failed;
  const kernels = selectKernels(c.kernels, opts.kernel);
  const progress = new Progress(io, opts.json ? false : io.interactive);
  const report = await verifyKernels(kernels, targets.map(resolveTarget), {
    seed,
    require: required,
    maxRowsChecked: rows,
    onProgress: (m) => progress.update(m),
  });
  progress.done();
  io.out(opts.json ? reportJson(report) : formatReport(report));
  return exitCode(report) === 0 ? EXIT.ok : EXIT.failed;
}
