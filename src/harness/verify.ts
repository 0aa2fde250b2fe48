/**
 * @file The verify harness: every kernel x target x size case on fresh seeded random inputs,
 * poisoned outputs, compared with the float64 reference (row-sampled when the case is big).
 */
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel } from '../model/kernel.js';
import type { Availability, CompiledKernel, Target } from './target.js';
import { referenceAttention } from '../reference/attention.js';
import { gemmMagnitude, referenceGemm } from '../reference/gemm.js';
import { Rng, randomAttentionInputs, randomGemmInputs, seedFrom } from '../reference/random.js';
import { verifySizes, type VerifyCase } from './sizes.js';
import { sideOutputRefusal } from '../passes/pipeline.js';
import { prepareSelect, runSelectCase, type SelectCaseData } from './select-case.js';
import type { VerticalSlashCaseData } from './select-vslash-case.js';
import { errorOutcome, runAttentionCase, runGemmCase, type AttentionCaseData, type CaseOutcome, type GemmCaseData } from './cases.js';

/** Options of `verifyKernels`. */
export interface VerifyOptions {
  readonly seed: number;
  /** Target names that must run: a skipped (or missing) one is a failure. */
  readonly require?: readonly string[];
  /** Random query rows checked per (b, h) (gemm: rows of Y) when a case is sampled (default 64). */
  readonly maxRowsChecked?: number;
  /** Sample rows when batch*heads*q_len*kv_len (gemm: m*n*k) exceeds this (default 2^22; gemm 2^27). */
  readonly sampleAbove?: number;
  readonly onProgress?: (msg: string) => void;
  /** Called after each kernel with its rows (every target and case). */
  readonly onKernelDone?: (kernel: string, rows: readonly VerifyResult[]) => void;
}

/** One row of the report. */
export interface VerifyResult {
  readonly kernel: string;
  readonly target: string;
  readonly case: string;
  readonly status: 'pass' | 'fail' | 'skip';
  readonly maxAbsErr: number;
  readonly maxRelErr: number;
  readonly detail: string;
  readonly ms: number;
}

/** The whole verification run. */
export interface VerifyReport {
  readonly seed: number;
  readonly results: readonly VerifyResult[];
}

/** Default number of random rows checked per (b, h) in a sampled case. */
export const DEFAULT_ROWS_CHECKED = 64;
/** Attention cases with more score elements than this are row-sampled. */
export const ATTENTION_SAMPLE_ABOVE = 2 ** 22;
/** Gemm cases with more multiply-adds than this are row-sampled. */
export const GEMM_SAMPLE_ABOVE = 2 ** 27;
/** Tile sizes whose edges are always among the sampled rows. */
const TILE_EDGES = [16, 32, 64, 128] as const;

/** Rows to check in a sampled case: first, last, both sides of tile edges, and `count` random ones. */
export function sampleRows(qLen: number, count: number, rng: Rng): number[] {
  const rows = new Set<number>([0, qLen - 1]);
  for (const t of TILE_EDGES) {
    for (const r of [t - 1, t, qLen - t, qLen - t - 1, Math.floor((qLen - 1) / t) * t, Math.floor((qLen - 1) / t) * t - 1]) rows.add(r);
  }
  for (let n = 0; n < count; n++) rows.add(rng.int(0, qLen));
  return [...rows].filter((r) => r >= 0 && r < qLen).sort((a, b) => a - b);
}

/** Random inputs and the reference of an attention case. */
function prepareAttention(kernel: AttentionKernel, c: VerifyCase, opts: VerifyOptions): AttentionCaseData {
  const sizes = c.sizes as AttentionSizes;
  const rng = new Rng(seedFrom(opts.seed, kernel.name, c.label));
  const inputs = randomAttentionInputs(kernel, sizes, rng, c.random);
  const elements = sizes.batch * sizes.heads * sizes.qLen * sizes.kvLen;
  const sampled = elements > (opts.sampleAbove ?? ATTENTION_SAMPLE_ABOVE);
  const sampleRng = new Rng(seedFrom(opts.seed, kernel.name, c.label, 'rows'));
  const perSlice = new Map<number, number[]>();
  const rowsOf = (b: number, h: number): number[] => {
    const key = b * sizes.heads + h;
    if (!perSlice.has(key)) perSlice.set(key, sampleRows(sizes.qLen, opts.maxRowsChecked ?? DEFAULT_ROWS_CHECKED, sampleRng));
    return perSlice.get(key)!;
  };
  const reference = referenceAttention(kernel, sizes, inputs, sampled ? { rows: rowsOf } : {});
  const rowCount = sizes.batch * sizes.heads * sizes.qLen;
  const checkedRows = new Uint8Array(rowCount).fill(sampled ? 0 : 1);
  for (const [slice, rows] of perSlice) for (const i of rows) checkedRows[slice * sizes.qLen + i] = 1;
  let empty = 0;
  for (let r = 0; r < rowCount; r++) if (checkedRows[r] === 1 && reference.lse[r] === -Infinity) empty++;
  const checked = checkedRows.reduce((n, x) => n + x, 0);
  const note = `${sampled ? `sampled ${checked} of ${rowCount} rows` : `${rowCount} rows`}${empty > 0 ? `, ${empty} with no allowed key` : ''}`;
  return { kernel, sizes, inputs, reference, checkedRows, note };
}

/** Random inputs and the reference of a gemm case. */
function prepareGemm(kernel: GemmKernel, c: VerifyCase, opts: VerifyOptions): GemmCaseData {
  const sizes = c.sizes as GemmSizes;
  const rng = new Rng(seedFrom(opts.seed, kernel.name, c.label));
  const inputs = randomGemmInputs(kernel, sizes, rng, c.random);
  const sampled = sizes.m * sizes.n * sizes.k > (opts.sampleAbove ?? GEMM_SAMPLE_ABOVE);
  const rows = sampled ? sampleRows(sizes.m, opts.maxRowsChecked ?? DEFAULT_ROWS_CHECKED, new Rng(seedFrom(opts.seed, kernel.name, c.label, 'rows'))) : undefined;
  const reference = referenceGemm(kernel, sizes, inputs, rows ? { rows } : {});
  const magnitude = gemmMagnitude(kernel, sizes, inputs, rows);
  const note = rows ? `sampled ${rows.length} of ${sizes.m} rows` : `${sizes.m} rows`;
  return { kernel, sizes, inputs, reference, magnitude, note };
}

/** Availability that never throws. */
async function availabilityOf(target: Target): Promise<Availability> {
  try {
    return await target.availability();
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

function row(kernel: string, target: string, caseLabel: string, o: CaseOutcome): VerifyResult {
  return { kernel, target, case: caseLabel, status: o.pass ? 'pass' : 'fail', maxAbsErr: o.maxAbsErr, maxRelErr: o.maxRelErr, detail: o.detail, ms: o.ms };
}

/** Compiles a kernel on each available target; failures become report rows, a kernel a target does not support a skip row. */
async function compileAll(
  kernel: Kernel,
  targets: readonly Target[],
  results: VerifyResult[],
  onProgress: VerifyOptions['onProgress'],
): Promise<Map<Target, CompiledKernel>> {
  const compiled = new Map<Target, CompiledKernel>();
  for (const target of targets) {
    // NOTE: what the target's table declares unsupported is a skip with its reason, never a failure, even for a
    // required target: `require` (SPARSEC_REQUIRE_ALL_TARGETS in .ci/run) is about a runtime missing from this machine.
    const refusal = sideOutputRefusal(kernel, target.name);
    if (refusal !== null) {
      onProgress?.(`skip ${kernel.name} / ${target.name}: ${refusal}`);
      results.push({ kernel: kernel.name, target: target.label ?? target.name, case: 'compile', status: 'skip', maxAbsErr: NaN, maxRelErr: NaN, detail: `skipped (${refusal})`, ms: 0 });
      continue;
    }
    const start = performance.now();
    try {
      compiled.set(target, await target.compile(kernel));
    } catch (err) {
      const message = `compile failed: ${err instanceof Error ? err.message : String(err)}`;
      onProgress?.(`fail ${kernel.name} / ${target.name}: ${message}`);
      results.push(row(kernel.name, target.label ?? target.name, 'compile', errorOutcome(message, performance.now() - start)));
    }
  }
  return compiled;
}

/** Verifies one kernel on the available targets, case by case (the reference is shared by all targets). */
async function verifyKernel(kernel: Kernel, targets: readonly Target[], opts: VerifyOptions, results: VerifyResult[]): Promise<void> {
  const compiled = await compileAll(kernel, targets, results, opts.onProgress);
  if (compiled.size === 0) return;
  try {
    for (const c of verifySizes(kernel)) {
      let data: AttentionCaseData | GemmCaseData | SelectCaseData | VerticalSlashCaseData;
      try {
        data = kernel.kind === 'attention' ? prepareAttention(kernel, c, opts) : kernel.kind === 'select' ? prepareSelect(kernel, c, opts.seed) : prepareGemm(kernel, c, opts);
      } catch (err) {
        const message = `reference failed: ${err instanceof Error ? err.message : String(err)}`;
        for (const target of compiled.keys()) results.push(row(kernel.name, target.label ?? target.name, c.label, errorOutcome(message)));
        continue;
      }
      for (const [target, k] of compiled) {
        const o = kernel.kind === 'attention' ? await runAttentionCase(k, data as AttentionCaseData)
          : kernel.kind === 'select' ? await runSelectCase(k, data as SelectCaseData) : await runGemmCase(k, data as GemmCaseData);
        const how = k.describeLastRun?.();
        const r = row(kernel.name, target.label ?? target.name, c.label, how ? { ...o, detail: `${o.detail}; ${how}` } : o);
        results.push(r);
        opts.onProgress?.(`${r.status} ${kernel.name} / ${target.name} / ${c.label}${r.status === 'pass' ? '' : `: ${r.detail}`}`);
      }
    }
  } finally {
    for (const k of compiled.values()) await k.dispose?.();
  }
}

/**
 * Runs every kernel on every target over its size cases (see `verifySizes`) against the float64
 * reference. Each case gets fresh inputs seeded from (seed, kernel name, case label) and outputs
 * poisoned before the run. A target whose availability fails is skipped (a failure when named in
 * `require`); a kernel whose side outputs the target's table does not list is skipped with the reason (required or
 * not); a compile error, a run error, a mismatch, an unwritten output element or a modified input is a failure.
 */
export async function verifyKernels(kernels: readonly Kernel[], targets: readonly Target[], opts: VerifyOptions): Promise<VerifyReport> {
  const results: VerifyResult[] = [];
  const required = new Set(opts.require ?? []);
  for (const name of required) {
    if (!targets.some((t) => t.name === name)) {
      results.push({ kernel: '-', target: name, case: '-', status: 'fail', maxAbsErr: NaN, maxRelErr: NaN, detail: 'required target is not known', ms: 0 });
    }
  }
  const available: Target[] = [];
  for (const target of targets) {
    const a = await availabilityOf(target);
    if (a.ok) {
      available.push(target);
      continue;
    }
    const status = required.has(target.name) ? 'fail' : 'skip';
    const detail = status === 'fail' ? `required but skipped (${a.reason})` : `skipped (${a.reason})`;
    opts.onProgress?.(`${status} ${target.name}: ${detail}`);
    for (const kernel of kernels) results.push({ kernel: kernel.name, target: target.name, case: '-', status, maxAbsErr: NaN, maxRelErr: NaN, detail, ms: 0 });
  }
  for (const kernel of kernels) {
    const first = results.length;
    await verifyKernel(kernel, available, opts, results);
    opts.onKernelDone?.(kernel.name, results.slice(first));
  }
  return { seed: opts.seed, results };
}
