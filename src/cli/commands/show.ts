/**
 * @file `sparsec show PATH --kernel NAME [--png F | --svg F]`: draw a kernel's mask with its tile classes
 * (empty / full / partial) and print the figures; `--all --out DIR` draws every kernel.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXIT, UsageError, type Io } from '../io.js';
import { loadAndCheck, printDiagnostics, selectKernels } from '../frontend-run.js';
import { intOption } from './verify.js';
import { showAnyKernel, type ShowResult } from '../../show/any-kernel.js';
import type { Kernel } from '../../model/kernel.js';

export interface ShowCliOptions {
  /** Warnings count as errors. */
  readonly denyWarnings?: boolean;
  readonly kernel?: string;
  readonly png?: string;
  readonly svg?: string;
  readonly all?: boolean;
  readonly out?: string;
  readonly tile?: string;
  readonly seed?: string;
  readonly json?: boolean;
  /** `B,H`: the (batch, head) slice drawn and counted. */
  readonly slice?: string;
  /** Density of the random runtime inputs, 0..1. */
  readonly density?: string;
  /** A JSON file of runtime inputs to draw with. */
  readonly inputs?: string;
}

/** `--slice 0,3` -> [0, 3]. */
function sliceOption(text: string | undefined): [number, number] {
  if (text === undefined) return [0, 0];
  const m = /^(\d+),(\d+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--slice expects BATCH,HEAD (two non-negative integers), got '${text}'`);
  return [Number(m[1]), Number(m[2])];
}

function densityOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const d = Number(text);
  if (!(d >= 0 && d <= 1) || text.trim() === '') throw new UsageError(`--density expects a number from 0 to 1, got '${text}'`);
  return d;
}

/** Writes a file atomically (temp file, then rename). */
function writeAtomic(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path) || '.', { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function drawOne(k: Kernel, opts: ShowCliOptions, files: { png?: string; svg?: string }): ShowResult {
  const tile = opts.tile === undefined ? undefined : intOption('tile', opts.tile, 0);
  if (tile !== undefined && tile < 1) throw new UsageError('--tile must be at least 1');
  const [batchIndex, head] = sliceOption(opts.slice);
  const density = densityOption(opts.density);
  let r: ShowResult;
  try {
    r = showAnyKernel(k, {
      ...(tile ? { tile } : {}),
      seed: intOption('seed', opts.seed, 1),
      png: Boolean(files.png),
      svg: Boolean(files.svg),
      batchIndex, head,
      ...(density === undefined ? {} : { density }),
      ...(opts.inputs ? { inputsFile: opts.inputs } : {}),
    });
  } catch (e) {
    if (e instanceof RangeError || /--inputs|input '|runtime input/.test((e as Error).message)) throw new UsageError((e as Error).message);
    throw e;
  }
  if (files.png && r.png) writeAtomic(files.png, r.png);
  if (files.svg && r.svg) writeAtomic(files.svg, r.svg);
  return r;
}

export async function runShow(paths: readonly string[], opts: ShowCliOptions, io: Io): Promise<number> {
  if (!opts.all && !opts.kernel) throw new UsageError('show needs --kernel NAME (or --all --out DIR)');
  if (opts.all && !opts.out) throw new UsageError('--all needs --out DIR');
  const c = await loadAndCheck(paths, { denyWarnings: Boolean(opts.denyWarnings) });
  printDiagnostics(io, c);
  if (!c.ok) return EXIT.failed;
  const chosen = opts.all ? c.kernels : selectKernels(c.kernels, [opts.kernel!]);
  const rows: Record<string, unknown>[] = [];
  for (const k of chosen) {
    const files = opts.all
      ? { png: join(opts.out!, `${k.name}.png`), ...(opts.svg !== undefined ? { svg: join(opts.out!, `${k.name}.svg`) } : {}) }
      : { ...(opts.png ? { png: opts.png } : {}), ...(opts.svg ? { svg: opts.svg } : {}) };
    const r = drawOne(k, opts, files);
    rows.push({ kernel: k.name, ...r.figures, ...files });
    if (!opts.json) {
      io.out(`${k.name}: ${r.lines.join('; ')}`);
      for (const f of [files.png, files.svg]) if (f) io.out(`  wrote ${f}`);
    }
  }
  if (opts.json) io.out(JSON.stringify(opts.all ? rows : rows[0], null, 2));
  return EXIT.ok;
}
