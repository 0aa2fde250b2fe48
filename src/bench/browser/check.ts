/**
 * @file The correctness gate of the browser bench: each implementation's output of its last timed run against the
 * float64 reference (sampled query rows for attention, every element for gemm) and sparsec's against each right peer's.
 * A wrong sparsec output fails the run; a wrong peer output only drops that peer's row (it cannot be a baseline).
 */
import { referenceAttention } from '../../reference/attention.js';
import { gemmMagnitude, referenceGemm } from '../../reference/gemm.js';
import type { BrowserCase } from './cases.js';
import type { CaseInputs } from './payload.js';

/** Attention: allowed |error| is ATTENTION_ATOL + ATTENTION_RTOL * |expected| (|O| <= 1 with V in [-1, 1)). */
export const ATTENTION_ATOL = 1e-4;
export const ATTENTION_RTOL = 1e-4;
/** Gemm: allowed |error| is GEMM_RTOL * sum_k |x w| (f32 accumulation error scales with that sum). */
export const GEMM_RTOL = 1e-5;
/** Query rows per (b, h) the attention reference computes (evenly spread, always with the first and last). */
export const REFERENCE_ROWS = 48;

/** One output compared with the reference (or with the other implementation). */
export interface OutputCheck {
  readonly against: 'reference' | 'each other';
  /** Elements compared. */
  readonly checked: number;
  /** Elements over their bound (NaN or a missing output counts). */
  readonly bad: number;
  readonly maxAbsErr: number;
}

/** Every check of one case. */
export interface CaseCheck {
  readonly case: string;
  readonly byImpl: Readonly<Record<string, OutputCheck>>;
  /** Implementations after the first (the peers) whose output failed the reference: their rows are left out. */
  readonly dropped: readonly string[];
  /** The first implementation (sparsec) against each remaining peer (the worst of them). */
  readonly mutual: OutputCheck;
  /** The first implementation is right, agrees with every remaining peer, and at least one peer remains. */
  readonly ok: boolean;
}

const clean = (r: OutputCheck): boolean => r.bad === 0 && r.checked > 0;

/** Expected values (NaN where not computed) with the allowed error of each element. */
interface Expectation {
  readonly expected: Float64Array;
  readonly bound: (i: number, expected: number) => number;
}

function rowsToCheck(qLen: number): number[] {
  if (qLen <= REFERENCE_ROWS) return Array.from({ length: qLen }, (_, i) => i);
  const rows = new Set<number>();
  for (let r = 0; r < REFERENCE_ROWS; r++) rows.add(Math.round((r * (qLen - 1)) / (REFERENCE_ROWS - 1)));
  return [...rows];
}

function expectation(c: BrowserCase, inputs: CaseInputs): Expectation {
  if (c.kind === 'attention' && inputs.kind === 'attention') {
    const { out } = referenceAttention(c.kernel, c.sizes, { q: inputs.q, k: inputs.k, v: inputs.v, runtime: c.runtime }, { rows: rowsToCheck(c.sizes.qLen) });
    return { expected: out, bound: (_i, e) => ATTENTION_ATOL + ATTENTION_RTOL * Math.abs(e) };
  }
  if (c.kind === 'gemm' && inputs.kind === 'gemm') {
    const sizes = { m: c.gemm.m, n: c.gemm.n, k: c.gemm.k };
    const gemmInputs = { x: inputs.x, w: inputs.w };
    const magnitude = gemmMagnitude(c.kernel, sizes, gemmInputs);
    return { expected: referenceGemm(c.kernel, sizes, gemmInputs), bound: (i) => GEMM_RTOL * magnitude[i]! + 1e-6 };
  }
  throw new Error(`case ${c.name}: inputs of the wrong kind`);
}

/** Compares element-wise; elements the reference did not compute (`computed` false) must merely not be NaN. */
function compare(actual: Float32Array | undefined, expected: ArrayLike<number>, bound: (i: number, e: number) => number, against: OutputCheck['against'], computed: (i: number) => boolean): OutputCheck {
  if (!actual || actual.length !== expected.length) return { against, checked: 0, bad: 1, maxAbsErr: Infinity };
  let checked = 0;
  let bad = 0;
  let maxAbsErr = 0;
  for (let i = 0; i < actual.length; i++) {
    if (!computed(i)) {
      if (Number.isNaN(actual[i]!)) bad++;
      continue;
    }
    checked++;
    const err = Math.abs(actual[i]! - expected[i]!);
    if (!(err <= bound(i, expected[i]!))) bad++;
    maxAbsErr = Number.isNaN(err) ? Infinity : Math.max(maxAbsErr, err);
  }
  return { against, checked, bad, maxAbsErr };
}

/** Checks the outputs of `impls` (by impl name) for one case; `ok` only when every comparison is clean. */
export function checkCase(c: BrowserCase, inputs: CaseInputs, outputs: Readonly<Record<string, Float32Array | undefined>>, impls: readonly string[]): CaseCheck {
  const { expected, bound } = expectation(c, inputs);
  const byImpl: Record<string, OutputCheck> = {};
  const sampled = (i: number): boolean => !Number.isNaN(expected[i]!);
  for (const impl of impls) byImpl[impl] = compare(outputs[impl], expected, bound, 'reference', sampled);
  const [firstImpl, ...peers] = impls;
  const dropped = peers.filter((impl) => !clean(byImpl[impl]!));
  // Every element, not only the sampled rows: each remaining peer must agree with the first within twice the bound.
  const first = outputs[firstImpl!];
  const mutuals = peers.filter((impl) => !dropped.includes(impl)).map((impl) => compare(first, outputs[impl] ?? [], (i, e) => 2 * bound(i, e), 'each other', () => true));
  const mutual: OutputCheck = {
    against: 'each other',
    checked: mutuals.length > 0 ? Math.min(...mutuals.map((m) => m.checked)) : 0,
    bad: mutuals.reduce((a, m) => a + m.bad, 0),
    maxAbsErr: Math.max(...mutuals.map((m) => m.maxAbsErr)),
  };
  const ok = clean(byImpl[firstImpl!]!) && clean(mutual);
  return { case: c.name, byImpl, dropped, mutual, ok };
}

/** One line per case: max |error| of each implementation against the reference and against each other. */
export function formatChecks(checks: readonly CaseCheck[]): string {
  return checks.map((ch) => {
    const parts = Object.entries(ch.byImpl).map(([impl, r]) => `${impl} ${r.maxAbsErr.toExponential(1)} (${r.bad} bad of ${r.checked})`);
    const dropped = ch.dropped.length > 0 ? `; wrong, rows left out: ${ch.dropped.join(', ')}` : '';
    return `${ch.case}: ${ch.ok ? 'ok' : 'FAILED'}; vs float64 reference: ${parts.join(', ')}; sparsec vs peers: ${ch.mutual.maxAbsErr.toExponential(1)} (${ch.mutual.bad} bad of ${ch.mutual.checked})${dropped}`;
  }).join('\n');
}
