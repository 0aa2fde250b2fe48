/**
 * @file Rendering a verify report: a fixed-width text table with a summary line, the `--json`
 * form, and the process exit code.
 */
import type { VerifyReport, VerifyResult } from './verify.js';

/** Counts of each status. */
export interface ReportSummary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** Counts passes, failures and skips. */
export function summarize(report: VerifyReport): ReportSummary {
  const count = (s: VerifyResult['status']): number => report.results.filter((r) => r.status === s).length;
  return { passed: count('pass'), failed: count('fail'), skipped: count('skip') };
}

/** 0 when nothing failed, 1 otherwise (skips of targets not required never fail: verify marks required skips 'fail'). */
export function exitCode(report: VerifyReport): 0 | 1 {
  return report.results.some((r) => r.status === 'fail') ? 1 : 0;
}

function formatError(x: number): string {
  if (Number.isNaN(x)) return '-';
  if (x === Infinity) return 'inf';
  return x === 0 ? '0' : x.toExponential(2);
}

type Column = { readonly title: string; readonly cell: (r: VerifyResult) => string; readonly right?: boolean };

const COLUMNS: readonly Column[] = [
  { title: 'kernel', cell: (r) => r.kernel },
  { title: 'target', cell: (r) => r.target },
  { title: 'case', cell: (r) => r.case },
  { title: 'status', cell: (r) => r.status },
  { title: 'max abs err', cell: (r) => formatError(r.maxAbsErr), right: true },
  { title: 'max rel err', cell: (r) => formatError(r.maxRelErr), right: true },
  { title: 'ms', cell: (r) => r.ms.toFixed(1), right: true },
  { title: 'detail', cell: (r) => r.detail },
];

/** The report as a fixed-width text table, one line per result, then a summary line. */
export function formatReport(report: VerifyReport): string {
  const cells = report.results.map((r) => COLUMNS.map((c) => c.cell(r)));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => (i === COLUMNS.length - 1 ? v : COLUMNS[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const s = summarize(report);
  return [
    line(COLUMNS.map((c) => c.title)),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    '',
    `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped (seed ${report.seed})`,
  ].join('\n');
}

/** The report as JSON (`--json`): seed, summary and results; non-finite errors become strings. */
export function reportJson(report: VerifyReport): string {
  const finite = (x: number): number | string => (Number.isFinite(x) ? x : String(x));
  return JSON.stringify(
    {
      seed: report.seed,
      summary: summarize(report),
      exitCode: exitCode(report),
      results: report.results.map((r) => ({ ...r, maxAbsErr: finite(r.maxAbsErr), maxRelErr: finite(r.maxRelErr) })),
    },
    null,
    2,
  );
}
