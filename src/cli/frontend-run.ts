/**
 * @file Shared first step of every command: load spec files, check them, print diagnostics.
 */
import { loadProgram } from '../frontend/load.js';
import { checkProgram } from '../checker/check.js';
import { loadTsSpec } from '../builder/load-ts.js';
import { renderDiagnostic, diagnosticToJson } from '../diagnostics/render.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Kernel } from '../model/kernel.js';
import { didYouMean } from '../checker/suggest.js';
import { paintDiagnostic } from './colour.js';
import { lintKernels } from './lint.js';
import { UsageError, type Io } from './io.js';

export interface Checked {
  readonly kernels: readonly Kernel[];
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly files: number;
  readonly ok: boolean;
}

/** How to load and check. */
export interface CheckOptions {
  /** Warnings (SPC300-399) count as errors: `ok` is false when there is one. */
  readonly denyWarnings?: boolean;
}

/** Loads and checks `paths`, then lints the kernels (warnings); never throws for bad user input. */
export async function loadAndCheck(paths: readonly string[], opts: CheckOptions = {}): Promise<Checked> {
  const program = await loadProgram([...paths], { tsLoader: loadTsSpec });
  const checked = program.diagnostics.some((d) => d.severity === 'error')
    ? { kernels: [], diagnostics: [] }
    : checkProgram(program);
  const errors = [...program.diagnostics, ...checked.diagnostics];
  const clean = !errors.some((d) => d.severity === 'error');
  const diagnostics = clean ? [...errors, ...lintKernels(checked.kernels, program.sources)] : errors;
  return {
    kernels: checked.kernels,
    diagnostics,
    sources: program.sources,
    files: program.modules.length,
    ok: clean && !(opts.denyWarnings && diagnostics.some((d) => d.severity === 'warning')),
  };
}

/** Prints diagnostics to standard error in the contract's text form; warnings made errors by --deny-warnings say so. */
export function printDiagnostics(io: Io, c: Checked): void {
  for (const d of c.diagnostics) io.err(paintDiagnostic(renderDiagnostic(d, c.sources), Boolean(io.colour)));
  const warnings = c.diagnostics.filter((d) => d.severity === 'warning').length;
  const errors = c.diagnostics.length - warnings;
  if (!c.ok && errors === 0) io.err(`sparsec: ${warnings} warning${warnings === 1 ? '' : 's'} treated as errors (--deny-warnings)`);
}

/** JSON form of diagnostics for `--json`. */
export function diagnosticsJson(c: Checked): Record<string, unknown>[] {
  return c.diagnostics.map(diagnosticToJson);
}

/** The kernels named in `--kernel a,b` options (all when none); an unknown name is a usage error. */
export function selectKernels(kernels: readonly Kernel[], names: readonly string[] | undefined): readonly Kernel[] {
  if (!names?.length) return kernels;
  const wanted = new Set(names.flatMap((k) => k.split(',')));
  const missing = [...wanted].filter((w) => !kernels.some((k) => k.name === w));
  const known = kernels.map((k) => k.name);
  if (missing.length) throw new UsageError(`no kernel named ${missing.map((m) => `'${m}'${didYouMean(m, known)}`).join(', ')}`);
  return kernels.filter((k) => wanted.has(k.name));
}
