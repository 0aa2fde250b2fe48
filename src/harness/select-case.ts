/**
 * @file Verifying selector kernels: random Q and K, the float64 reference selection, a poisoned output, and an exact
 * comparison of the produced layout, where a block may differ from the reference only when the reference puts it
 * within SELECT_TOLERANCE of the rule's boundary (f32 scores can rank near-equal blocks either way).
 */
import type { AttentionSizes } from '../model/kernel.js';
import type { SelectKernel } from '../model/select.js';
import { referenceSelect, selectShape, type ReferenceSelection } from '../reference/select.js';
import { Rng, seedFrom } from '../reference/random.js';
import type { CaseOutcome } from './cases.js';
import type { VerifyCase } from './sizes.js';
import type { CompiledKernel } from './target.js';
import { runSelectorOnce } from './select-run.js';
import { prepareVerticalSlash, runVerticalSlashCase, type VerticalSlashCaseData } from './select-vslash-case.js';

/** A differing block is accepted when its reference margin (relative, see ReferenceSelection.margin) is at most this. */
export const SELECT_TOLERANCE = 1e-4;

/** The inputs and reference of one selector case, shared by every target. */
export interface SelectCaseData {
  readonly kernel: SelectKernel;
  readonly sizes: AttentionSizes;
  readonly q: Float32Array;
  readonly k: Float32Array;
  readonly reference: ReferenceSelection;
  readonly note: string;
}

/**
 * Random Q and K: standard normal plus a per-(head, block) offset, so pooled scores are spread out and the
 * selection is not decided by noise alone.
 */
export function prepareSelect(kernel: SelectKernel, c: VerifyCase, seed: number): SelectCaseData | VerticalSlashCaseData {
  if (kernel.vslash) return prepareVerticalSlash(kernel, kernel.vslash, c, seed);
  const sizes = c.sizes as AttentionSizes;
  const rng = new Rng(seedFrom(seed, kernel.name, c.label));
  const { batch, heads, kvHeads, qLen, kvLen, headDim: d } = sizes;
  const make = (hs: number, len: number, block: number): Float32Array => {
    const a = new Float32Array(batch * hs * len * d);
    rng.fillNormal(a);
    const offsets = new Float32Array(batch * hs * Math.ceil(len / block) * d);
    rng.fillNormal(offsets);
    for (let r = 0; r < batch * hs * len; r++) {
      const bh = Math.floor(r / len);
      const blk = bh * Math.ceil(len / block) + Math.floor((r % len) / block);
      for (let x = 0; x < d; x++) a[r * d + x] = Math.fround(a[r * d + x]! + 2 * offsets[blk * d + x]!);
    }
    return a;
  };
  const q = make(heads, qLen, kernel.bq);
  const k = make(kvHeads, kvLen, kernel.bk);
  const reference = referenceSelect(kernel, sizes, q, k);
  const chosen = reference.sel.reduce((n, x) => n + x, 0);
  return { kernel, sizes, q, k, reference, note: `${chosen} of ${reference.sel.length} blocks selected` };
}

/** Runs one selector case: the output is poisoned, must hold exactly 0 or 1 everywhere, and match the reference. */
export async function runSelectCase(compiled: CompiledKernel, data: SelectCaseData | VerticalSlashCaseData): Promise<CaseOutcome> {
  if ('vs' in data) return runVerticalSlashCase(compiled, data);
  const { kernel, sizes, reference } = data;
  const { nqb, nkb, length } = selectShape(kernel, sizes);
  const run = await runSelectorOnce(compiled, sizes, data.q, data.k, length);
  if ('failed' in run) return run.failed;
  const { out, ms, problems } = run;
  let wrong = 0;
  let nearBoundary = 0;
  let first = '';
  for (let e = 0; e < length; e++) {
    const got = out[e]!;
    const want = reference.sel[e]!;
    if (got === want) continue;
    const ok = (got === 0 || got === 1) && reference.margin[e]! <= SELECT_TOLERANCE;
    if (ok) {
      nearBoundary++;
      continue;
    }
    wrong++;
    if (!first) {
      const j = e % nkb;
      const i = Math.floor(e / nkb) % nqb;
      const bh = Math.floor(e / (nkb * nqb));
      const what = got === 0 || got === 1 ? `selected ${got}` : Number.isNaN(got) ? 'unwritten (poison)' : `not 0 or 1 (${got})`;
      first = `block (b ${Math.floor(bh / sizes.heads)}, h ${bh % sizes.heads}, query block ${i}, key block ${j}): ${what}, reference ${want} (score ${reference.scores[e]!.toPrecision(6)}, margin ${reference.margin[e]!.toPrecision(3)})`;
    }
  }
  if (wrong > 0) problems.push(`selection mismatch in ${wrong} of ${length} blocks; first at ${first}`);
  const pass = problems.length === 0;
  const note = `${data.note}${nearBoundary ? `, ${nearBoundary} within ${SELECT_TOLERANCE} of the boundary differ` : ''}`;
  return { pass, maxAbsErr: wrong, maxRelErr: 0, detail: pass ? note : problems.join('; '), ms };
}
