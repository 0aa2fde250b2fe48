/**
 * @file `sparsec check PATH...`: parse and check spec files; 0 clean, 1 any error.
 */
import { EXIT, type Io } from '../io.js';
import { diagnosticsJson, loadAndCheck, printDiagnostics } from '../frontend-run.js';

export interface CheckOptions {
  /** Warnings count as errors. */
  readonly denyWarnings?: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

export async function runCheck(paths: readonly string[], opts: CheckOptions, io: Io): Promise<number> {
  const c = await loadAndCheck(paths, { denyWarnings: Boolean(opts.denyWarnings) });
  if (opts.json) {
    io.out(JSON.stringify({
      ok: c.ok,
      files: c.files,
      kernels: c.kernels.map((k) => ({ name: k.name, kind: k.kind, file: k.origin.file, line: k.origin.line })),
      diagnostics: diagnosticsJson(c),
    }, null, 2));
  } else {
    printDiagnostics(io, c);
    if (c.ok && !opts.quiet) {
      io.out(`checked ${c.files} file${c.files === 1 ? '' : 's'}: ${c.kernels.length} kernel${c.kernels.length === 1 ? '' : 's'}, no errors`);
    } else if (!c.ok) {
      const n = c.diagnostics.filter((d) => d.severity === 'error').length;
      if (n > 0) io.err(`${n} error${n === 1 ? '' : 's'}`);
    }
  }
  return c.ok ? EXIT.ok : EXIT.failed;
}
