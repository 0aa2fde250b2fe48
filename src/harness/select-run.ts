/**
 * @file One verify run of a selector kernel (block or vertical-slash): a poisoned output of `length` elements,
 * copies of Q and K (a kernel that writes its inputs is reported), and the run's time; or the failed outcome.
 */
import type { AttentionSizes } from '../model/kernel.js';
import type { CaseOutcome } from './cases.js';
import { poison } from './compare.js';
import type { CompiledKernel } from './target.js';

/** The output of a run and what is already wrong with it, or the outcome of a run that did not finish. */
export type SelectorRun = { readonly out: Float32Array; readonly ms: number; readonly problems: string[] } | { readonly failed: CaseOutcome };

/** Runs `compiled` on copies of `q` and `k` into a poisoned output. */
export async function runSelectorOnce(compiled: CompiledKernel, sizes: AttentionSizes, q0: Float32Array, k0: Float32Array, length: number): Promise<SelectorRun> {
  if (!compiled.runAttention) return { failed: { pass: false, maxAbsErr: NaN, maxRelErr: NaN, detail: 'the compiled kernel has no runAttention', ms: 0 } };
  const out = poison(new Float32Array(length));
  const q = q0.slice();
  const k = k0.slice();
  const start = performance.now();
  try {
    await compiled.runAttention(sizes, { q, k, v: new Float32Array(0), runtime: {} }, { out });
  } catch (err) {
    return { failed: { pass: false, maxAbsErr: NaN, maxRelErr: NaN, detail: `run failed: ${err instanceof Error ? err.message : String(err)}`, ms: performance.now() - start } };
  }
  const ms = performance.now() - start;
  const problems: string[] = [];
  if (!q.every((x, i) => Object.is(x, q0[i])) || !k.every((x, i) => Object.is(x, k0[i]))) problems.push('the kernel modified its inputs');
  return { out, ms, problems };
}
