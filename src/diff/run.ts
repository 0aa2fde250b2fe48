/**
 * @file Running one differential case: its source checked, random inputs with the hostile values put in, the
 * float64 reference, and each target's outputs compared with it (poisoned outputs, exact non-finite match).
 * Targets that all agree with the reference within tolerance agree with each other.
 */
import { checkProgram } from '../checker/check.js';
import { parseSource } from '../frontend/parse.js';
import type { AttentionKernel } from '../model/kernel.js';
import type { AttentionInputs, RaggedList, RuntimeValue } from '../model/values.js';
import { referenceAttention } from '../reference/attention.js';
import { Rng, randomAttentionInputs } from '../reference/random.js';
import { runAttentionCase } from '../harness/cases.js';
import { resolveAttentionSizes } from '../harness/sizes.js';
import type { Target } from '../harness/target.js';
import { caseSource, type DiffCase, type Hostile } from './generate.js';

/** The result of one case on one target. */
export interface TargetVerdict {
  readonly target: string;
  readonly pass: boolean;
  readonly detail: string;
}

/** The checked kernel of a source text, or the diagnostics as one line. */
export function kernelOfSource(name: string, text: string): AttentionKernel | string {
  const { module, diagnostics } = parseSource(`${name}.sparse`, text);
  const checked = checkProgram({ modules: [{ path: `/virtual/${name}.sparse`, display: `${name}.sparse`, module, imports: [] }], sources: new Map([[`${name}.sparse`, text]]) });
  const all = [...diagnostics, ...checked.diagnostics];
  if (all.length > 0) return all.map((d) => `${d.code} ${d.message}`).join('; ');
  const kernel = checked.kernels[0];
  return kernel?.kind === 'attention' ? kernel : 'no attention kernel';
}

function poke(values: Float32Array, count: number, value: number, rng: Rng): void {
  for (let i = 0; i < count && values.length > 0; i++) values[rng.int(0, values.length)] = value;
}

function emptied(list: RaggedList, rng: Rng): RaggedList {
  const lists = list.offsets.length - 1;
  const keep: number[][] = [];
  for (let i = 0; i < lists; i++) keep.push(rng.bernoulli(0.5) ? [] : Array.from(list.values.subarray(list.offsets[i]!, list.offsets[i + 1]!)));
  const offsets = new Int32Array(lists + 1);
  keep.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
  return { offsets, values: Int32Array.from(keep.flat()) };
}

/** Random inputs (from `seed`) of a kernel with the hostile values `h` put in. */
export function caseInputs(kernel: AttentionKernel, seed: number, h: Hostile): AttentionInputs {
  const sizes = resolveAttentionSizes(kernel);
  const rng = new Rng(seed);
  const base = randomAttentionInputs(kernel, sizes, rng, { density: h.density });
  const [q, k, v] = [base.q.slice(), base.k.slice(), base.v.slice()];
  poke(q, h.nanQ, NaN, rng);
  poke(k, h.nanK, NaN, rng);
  poke(v, h.nanV, NaN, rng);
  poke(v, h.infV, rng.bernoulli(0.5) ? Infinity : -Infinity, rng);
  const runtime: Record<string, RuntimeValue> = {};
  for (const decl of kernel.inputs) {
    const value = base.runtime[decl.name]!;
    if ('offsets' in value) runtime[decl.name] = h.emptyLists ? emptied(value, rng) : value;
    else if (value instanceof Uint8Array && h.wideBools) runtime[decl.name] = value.map((x) => (x ? (rng.bernoulli(0.5) ? 2 : 255) : 0));
    else runtime[decl.name] = value;
  }
  return { q, k, v, runtime };
}

/** Runs case `c` on every target; a source the checker rejects fails on all of them. */
export function runCase(c: DiffCase, targets: readonly Target[]): Promise<TargetVerdict[]> {
  return runSource(c.name, caseSource(c), c.seed, c.hostile, targets);
}

/** The header line `caseSource` writes: `// differential case NAME (seed S); hostile: {...}`. */
const HEADER = /^\/\/ differential case (\S+) \(seed (\d+)\); hostile: (\{.*\})$/m;

/** Runs a kept `.sparse` case (a shrunk failure) on every target, with the seed and hostile values of its header. */
export function runKeptCase(text: string, targets: readonly Target[]): Promise<TargetVerdict[]> {
  const m = HEADER.exec(text);
  if (!m) throw new Error('not a differential case: the header line is missing');
  return runSource(m[1]!, text, Number(m[2]), JSON.parse(m[3]!) as Hostile, targets);
}

/** Runs kernel source `text` (one attention kernel `name`) on inputs from `seed` with hostile values `hostile`. */
export async function runSource(name: string, text: string, seed: number, hostile: Hostile, targets: readonly Target[]): Promise<TargetVerdict[]> {
  const kernel = kernelOfSource(name, text);
  if (typeof kernel === 'string') return targets.map((t) => ({ target: t.name, pass: false, detail: `the source does not check: ${kernel}` }));
  const sizes = resolveAttentionSizes(kernel);
  const inputs = caseInputs(kernel, seed, hostile);
  const reference = referenceAttention(kernel, sizes, inputs);
  const rows = sizes.batch * sizes.heads * sizes.qLen;
  const data = { kernel, sizes, inputs, reference, checkedRows: new Uint8Array(rows).fill(1), note: '' };
  const verdicts: TargetVerdict[] = [];
  for (const target of targets) {
    try {
      const compiled = await target.compile(kernel);
      try {
        const outcome = await runAttentionCase(compiled, data);
        verdicts.push({ target: target.name, pass: outcome.pass, detail: outcome.detail });
      } finally {
        await compiled.dispose?.();
      }
    } catch (e) {
      verdicts.push({ target: target.name, pass: false, detail: `compile failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return verdicts;
}
