/**
 * @file `sparsec build PATH... [--target T,...] [--out DIR] [--emit ir]`: compile every kernel for every
 * target. `--emit ir` dumps the tile IR instead of target code.
 */
import { EXIT, UsageError, type Io } from '../io.js';
import { loadAndCheck, printDiagnostics } from '../frontend-run.js';
import { DEFAULT_TARGET, parseTargetList } from '../targets.js';
import { emitIr } from './emit-ir.js';

export interface BuildCliOptions {
  readonly target?: string[];
  readonly out?: string;
  readonly emit?: string;
  readonly stages?: boolean;
  readonly kernel?: string[];
}

export async function runBuild(paths: readonly string[], opts: BuildCliOptions, io: Io): Promise<number> {
  const targets = parseTargetList(opts.target, [DEFAULT_TARGET]);
  const emit = opts.emit ?? 'code';
  if (emit !== 'ir' && emit !== 'code') throw new UsageError(`--emit expects 'ir' or 'code', got '${emit}'`);
  const c = await loadAndCheck(paths);
  printDiagnostics(io, c);
  if (!c.ok) return EXIT.failed;
  let kernels = c.kernels;
  if (opts.kernel?.length) {
    const wanted = new Set(opts.kernel.flatMap((k) => k.split(',')));
    const missing = [...wanted].filter((w) => !kernels.some((k) => k.name === w));
    if (missing.length) throw new UsageError(`no kernel named ${missing.map((m) => `'${m}'`).join(', ')}`);
    kernels = kernels.filter((k) => wanted.has(k.name));
  }
  if (emit === 'ir') return emitIr(kernels, { targets, ...(opts.out ? { out: opts.out } : {}), stages: Boolean(opts.stages) }, io);
  throw new UsageError('building target code is not part of this version yet; use --emit ir to dump the tile IR');
}
