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
import { UsageError, type Io } from './io.js';

export interface Checked {
  readonly kernels: readonly Kernel[];
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly files: number;
  readonly ok: boolean;
}

/** Loads and checks `paths`; never throws for bad user input. */
export async function loadAndCheck(paths: readonly string[]): Promise<Checked> {
  const program = await loadProgram([...paths], { tsLoader: loadTsSpec });
  const checked = program.diagnostics.some((d) => d.severity === 'error')
    ? { kernels: [], diagnostics: [] }
    : checkProgram(program);
  const diagnostics = [...program.diagnostics, ...checked.diagnostics];
  return {
    kernels: checked.kernels,
    diagnostics,
    sources: program.sources,
    files: program.modules.length,
    ok: !diagnostics.some((d) => d.severity === 'error'),
  };
}

/** Prints diagnostics to standard error in the contract's text form. */
export function printDiagnostics(io: Io, c: Checked): void {
  for (const d of c.diagnostics) io.err(paintDiagnostic(renderDiagnostic(d, c.sources), Boolean(io.colour)));
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
