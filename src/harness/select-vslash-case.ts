/**
 * @file Verifying vertical-slash selectors: random Q and K, the float64 reference lists, a poisoned output, and per
 * (b, h) list: exactly the right length, integers in range, strictly ascending, the same set as the reference except
 * for entries the reference puts within VSLASH_TOLERANCE (relative) of the cutoff sum (f32 sums rank near-ties either way).
 */
import type { AttentionSizes } from '../model/kernel.js';
import type { SelectKernel, VerticalSlashSelect } from '../model/select.js';
import { Rng, seedFrom } from '../reference/random.js';
import { referenceVerticalSlash, verticalSlashShape, type ReferenceVerticalSlash } from '../reference/select-vslash.js';
import type { CaseOutcome } from './cases.js';
import type { VerifyCase } from './sizes.js';
import type { CompiledKernel } from './target.js';
import { runSelectorOnce } from './select-run.js';

/** A differing index is accepted when its reference sum is within this fraction of the cutoff sum. */
export const VSLASH_TOLERANCE = 1e-4;

/** The inputs and reference of one vertical-slash case, shared by every target. */
export interface VerticalSlashCaseData {
  readonly kernel: SelectKernel;
  readonly vs: VerticalSlashSelect;
  readonly sizes: AttentionSizes;
  readonly q: Float32Array;
  readonly k: Float32Array;
  readonly reference: ReferenceVerticalSlash;
  readonly note: string;
}

/** Standard normal Q and K (scores of scale 1 around 0: the estimate's softmax is neither flat nor one-hot). */
export function prepareVerticalSlash(kernel: SelectKernel, vs: VerticalSlashSelect, c: VerifyCase, seed: number): VerticalSlashCaseData {
  const sizes = c.sizes as AttentionSizes;
  const rng = new Rng(seedFrom(seed, kernel.name, c.label));
  const q = new Float32Array(sizes.batch * sizes.heads * sizes.qLen * sizes.headDim);
  const k = new Float32Array(sizes.batch * sizes.kvHeads * sizes.kvLen * sizes.headDim);
  rng.fillNormal(q);
  rng.fillNormal(k);
  const reference = referenceVerticalSlash(kernel, vs, sizes, q, k);
  return { kernel, vs, sizes, q, k, reference, note: `${reference.nv} columns and ${reference.ns} offsets of ${sizes.kvLen} per head` };
}

/** What is wrong with one produced list (null when it matches the reference up to near-cutoff swaps). */
function listProblem(got: Float32Array, want: Int32Array, sums: Float64Array, cut: number, kvLen: number): string | null {
  for (let e = 0; e < got.length; e++) {
    const x = got[e]!;
    if (Number.isNaN(x)) return `slot ${e} unwritten (poison)`;
    if (!Number.isInteger(x) || x < 0 || x >= kvLen) return `slot ${e} holds ${x}, not an index in [0, ${kvLen})`;
    if (e > 0 && x <= got[e - 1]!) return `slot ${e} holds ${x} after ${got[e - 1]} (not strictly ascending)`;
  }
  const mine = new Set(got);
  const theirs = new Set(want);
  const near = (x: number): boolean => Number.isFinite(sums[x]!) && Math.abs(sums[x]! - cut) <= VSLASH_TOLERANCE * Math.abs(cut);
  for (const x of mine) if (!theirs.has(x) && !near(x)) return `${x} kept, not by the reference (sum ${sums[x]!.toPrecision(6)}, cutoff ${cut.toPrecision(6)})`;
  for (const x of theirs) if (!mine.has(x) && !near(x)) return `${x} missing (sum ${sums[x]!.toPrecision(6)}, cutoff ${cut.toPrecision(6)})`;
  return null;
}

/** Runs one vertical-slash case and compares every (b, h) column list and offset list with the reference. */
export async function runVerticalSlashCase(compiled: CompiledKernel, data: VerticalSlashCaseData): Promise<CaseOutcome> {
  const { sizes, reference: ref } = data;
  const { nv, ns, length } = verticalSlashShape(data.vs, sizes);
  const run = await runSelectorOnce(compiled, sizes, data.q, data.k, length);
  if ('failed' in run) return run.failed;
  const { out, ms, problems } = run;
  const BH = sizes.batch * sizes.heads;
  let wrong = 0;
  for (let bh = 0; bh < BH && problems.length < 2; bh++) {
    const where = `b ${Math.floor(bh / sizes.heads)}, h ${bh % sizes.heads}`;
    const lists = [
      ['columns', out.subarray(bh * nv, (bh + 1) * nv), ref.out.subarray(bh * nv, (bh + 1) * nv), ref.vertical, ref.verticalCut[bh]!],
      ['offsets', out.subarray(BH * nv + bh * ns, BH * nv + (bh + 1) * ns), ref.out.subarray(BH * nv + bh * ns, BH * nv + (bh + 1) * ns), ref.slash, ref.slashCut[bh]!],
    ] as const;
    for (const [what, got, want, sums, cut] of lists) {
      const problem = listProblem(got, want, sums.subarray(bh * sizes.kvLen, (bh + 1) * sizes.kvLen), cut, sizes.kvLen);
      if (problem) {
        wrong++;
        problems.push(`${what} of (${where}): ${problem}`);
      }
    }
  }
  const pass = problems.length === 0;
  return { pass, maxAbsErr: wrong, maxRelErr: 0, detail: pass ? data.note : problems.join('; '), ms };
}
