/**
 * @file Running one size case of one kernel on one compiled target: fresh poisoned outputs, the run,
 * a check that the inputs were left alone, and the comparison with the (shared) reference.
 */
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes } from '../model/kernel.js';
import type { AttentionInputs, GemmInputs, RuntimeValue, RuntimeValues } from '../model/values.js';
import type { CompiledKernel } from './target.js';
import type { ReferenceAttentionResult } from '../reference/attention.js';
import { sideOutputLength } from '../reference/side-outputs.js';
import { sideOutputText } from '../passes/pipeline.js';
import { ACC_EPS, EPILOGUE_GAIN, TOLERANCES, U32, compareOutput, describeMismatch, poison, type MismatchSummary } from './compare.js';

/** The outcome of one case on one target. */
export interface CaseOutcome {
  readonly pass: boolean;
  readonly maxAbsErr: number;
  readonly maxRelErr: number;
  readonly detail: string;
  readonly ms: number;
}

/** The reference of an attention case, computed once and shared by every target. */
export interface AttentionCaseData {
  readonly kernel: AttentionKernel;
  readonly sizes: AttentionSizes;
  readonly inputs: AttentionInputs;
  readonly reference: ReferenceAttentionResult;
  /** 1 for each (b, h, i) row the reference computed. */
  readonly checkedRows: Uint8Array;
  /** Short note on the case (rows sampled, rows with no allowed key). */
  readonly note: string;
}

/** The reference of a gemm case. */
export interface GemmCaseData {
  readonly kernel: GemmKernel;
  readonly sizes: GemmSizes;
  readonly inputs: GemmInputs;
  readonly reference: Float64Array;
  /** sum_k |x' w| + |bias| per element (NaN where not computed). */
  readonly magnitude: Float64Array;
  readonly note: string;
}

function cloneValue(v: RuntimeValue): RuntimeValue {
  return 'offsets' in v ? { offsets: v.offsets.slice(), values: v.values.slice() } : v.slice();
}

function cloneRuntime(r: RuntimeValues): RuntimeValues {
  return Object.fromEntries(Object.entries(r).map(([name, v]) => [name, cloneValue(v)]));
}

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function sameRuntime(a: RuntimeValues, b: RuntimeValues): boolean {
  return Object.keys(a).every((name) => {
    const x = a[name]!;
    const y = b[name]!;
    if ('offsets' in x) return 'offsets' in y && sameBytes(x.offsets, y.offsets) && sameBytes(x.values, y.values);
    return !('offsets' in y) && sameBytes(x, y);
  });
}

/** The largest finite |value| (NaN / inf inputs do not blow up the error bound of the other elements). */
function maxAbs(values: Float32Array): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (a > m && a !== Infinity) m = a;
  }
  return m;
}

/** Folds output summaries (and extra problems) into one outcome. */
function outcome(summaries: readonly MismatchSummary[], problems: readonly string[], note: string, ms: number): CaseOutcome {
  const failed = summaries.filter((s) => s.bad > 0);
  const pass = failed.length === 0 && problems.length === 0;
  const detail = pass ? note : [...problems, ...failed.map(describeMismatch)].join('; ');
  return {
    pass,
    maxAbsErr: Math.max(0, ...summaries.map((s) => s.maxAbsErr)),
    maxRelErr: Math.max(0, ...summaries.map((s) => s.maxRelErr)),
    detail,
    ms,
  };
}

/** A failed outcome for a run that threw or could not start. */
export function errorOutcome(message: string, ms = 0): CaseOutcome {
  return { pass: false, maxAbsErr: NaN, maxRelErr: NaN, detail: message, ms };
}

/** Runs an attention case on one compiled kernel and compares it with the reference. */
export async function runAttentionCase(compiled: CompiledKernel, data: AttentionCaseData): Promise<CaseOutcome> {
  const { kernel, sizes, inputs, reference, checkedRows } = data;
  if (!compiled.runAttention) return errorOutcome('the compiled kernel has no runAttention');
  const rows = sizes.batch * sizes.heads * sizes.qLen;
  const given: AttentionInputs = { q: inputs.q.slice(), k: inputs.k.slice(), v: inputs.v.slice(), runtime: cloneRuntime(inputs.runtime) };
  const outputs = {
    out: poison(new Float32Array(rows * sizes.valueDim)),
    ...(kernel.outputs.includes('lse') ? { lse: poison(new Float32Array(rows)) } : {}),
    ...(kernel.sideOutputs?.length ? { side: kernel.sideOutputs.map((s) => poison(new Float32Array(sideOutputLength(s, sizes)))) } : {}),
  };
  const start = performance.now();
  try {
    await compiled.runAttention(sizes, given, outputs);
  } catch (err) {
    return errorOutcome(`run failed: ${err instanceof Error ? err.message : String(err)}`, performance.now() - start);
  }
  const ms = performance.now() - start;
  const tol = TOLERANCES[kernel.dtype];
  const vScale = Math.max(1e-30, maxAbs(inputs.v));
  const sMax = (row: number): number => 1 + reference.scoreMagnitude[row]!;
  const summaries = [
    compareOutput({
      output: 'out',
      actual: outputs.out,
      expected: reference.out,
      shape: [sizes.batch, sizes.heads, sizes.qLen, sizes.valueDim],
      isChecked: (i) => checkedRows[Math.floor(i / sizes.valueDim)] === 1,
      bound: (i) => tol.atol * vScale + tol.rtol * Math.abs(reference.out[i]!) + ACC_EPS * sMax(Math.floor(i / sizes.valueDim)) * vScale,
    }),
  ];
  if (outputs.lse) {
    summaries.push(
      compareOutput({
        output: 'lse',
        actual: outputs.lse,
        expected: reference.lse,
        shape: [sizes.batch, sizes.heads, sizes.qLen],
        isChecked: (i) => checkedRows[i] === 1,
        bound: (i) => tol.atol + tol.rtol * Math.abs(reference.lse[i]!) + ACC_EPS * sMax(i),
      }),
    );
  }
  (outputs.side ?? []).forEach((actual, n) => {
    const side = kernel.sideOutputs![n]!;
    const perRow = side.kind === 'segment_mass' ? side.count : 0;
    summaries.push(
      compareOutput({
        output: sideOutputText(side),
        actual,
        expected: reference.side[n]!,
        shape: [actual.length],
        // NOTE: segment_mass rows follow the checked rows; block_max pools several rows, so it is checked whole.
        isChecked: (i) => perRow === 0 || checkedRows[Math.floor(i / perRow)] === 1,
        bound: (i) => tol.atol + tol.rtol * Math.abs(reference.side[n]![i]!) + ACC_EPS * (perRow ? sMax(Math.floor(i / perRow)) : 1),
      }),
    );
  });
  const untouched = sameBytes(given.q, inputs.q) && sameBytes(given.k, inputs.k) && sameBytes(given.v, inputs.v) && sameRuntime(given.runtime, inputs.runtime);
  return outcome(summaries, untouched ? [] : ['the target modified its inputs'], data.note, ms);
}

/** Runs a gemm case on one compiled kernel and compares it with the reference. */
export async function runGemmCase(compiled: CompiledKernel, data: GemmCaseData): Promise<CaseOutcome> {
  const { kernel, sizes, inputs, reference, magnitude } = data;
  if (!compiled.runGemm) return errorOutcome('the compiled kernel has no runGemm');
  const given: GemmInputs = { x: inputs.x.slice(), w: inputs.w.slice(), ...(inputs.bias ? { bias: inputs.bias.slice() } : {}) };
  const outputs = { y: poison(new Float32Array(sizes.m * sizes.n)) };
  const start = performance.now();
  try {
    await compiled.runGemm(sizes, given, outputs);
  } catch (err) {
    return errorOutcome(`run failed: ${err instanceof Error ? err.message : String(err)}`, performance.now() - start);
  }
  const ms = performance.now() - start;
  const tol = TOLERANCES[kernel.dtype];
  const accumulation = tol.atol + 2 * Math.sqrt(sizes.k) * U32;
  const summary = compareOutput({
    output: 'y',
    actual: outputs.y,
    expected: reference,
    shape: [sizes.m, sizes.n],
    bound: (i) => accumulation * magnitude[i]! * EPILOGUE_GAIN + tol.rtol * Math.abs(reference[i]!) + 1e-30,
    isChecked: (i) => !Number.isNaN(magnitude[i]!),
  });
  const untouched =
    sameBytes(given.x, inputs.x) && sameBytes(given.w, inputs.w) && (!inputs.bias || (given.bias !== undefined && sameBytes(given.bias, inputs.bias)));
  return outcome([summary], untouched ? [] : ['the target modified its inputs'], data.note, ms);
}
