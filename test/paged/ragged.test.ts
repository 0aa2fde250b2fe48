/**
 * @file Ragged batches (`kv_len = ragged`, per-sequence lengths in the implicit input `kv_lens`): against the
 * float64 reference on every target (poisoned outputs; contiguous and paged), a kernel that ignores the lengths
 * caught, the reference equal to running each sequence alone at its length, the lengths checked before anything
 * runs, and plan-walk patterns refused.
 */
import { describe, expect, it } from 'vitest';
import { runAttentionCase } from '../../src/harness/cases.js';
import { verifyKernels } from '../../src/harness/verify.js';
import type { AttentionSizes } from '../../src/model/kernel.js';
import { BLOCK_TABLE, KV_LENS } from '../../src/model/paged.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { referenceAttention } from '../../src/reference/attention.js';
import { Rng, randomAttentionInputs } from '../../src/reference/random.js';
import { checkRuntimeInputs } from '../../src/runtime/library/check.js';
import { allBackends } from '../../src/targets/index.js';
import { createInterpTarget } from '../../src/targets/interp/target.js';
import { attention, checkText, codes } from '../checker/helpers.js';
import { skipTarget } from '../support/targets.js';

const SPEC = `kernel ragged_window = attention(causal && q - k < 30) {
  batch = dynamic; heads = 4; kv_heads = 2; head_dim = 16
  q_len = dynamic; kv_len = ragged
  outputs = out, lse
}
kernel ragged_paged = attention(causal) {
  batch = 3; heads = 2; head_dim = 16
  q_len = 1; kv_len = ragged
  kv_layout = paged(8)
}`;
const checked = checkText(SPEC);
const windowed = attention(checked, 'ragged_window');
const paged = attention(checked, 'ragged_paged');
const SIZES: AttentionSizes = { batch: 3, heads: 4, kvHeads: 2, headDim: 16, valueDim: 16, qLen: 5, kvLen: 50 };

describe('ragged batches: the model and the reference', () => {
  it('checks clean with kv_lens as the last implicit input, after block_table', () => {
    expect(checked.rendered).toBe('');
    expect(windowed.raggedKv).toBe(true);
    expect(windowed.kvLen).toBe('dynamic');
    expect(paged.inputs.map((i) => i.name)).toEqual([BLOCK_TABLE, KV_LENS]);
    expect(codes(checkText(SPEC.replace('q_len = dynamic; kv_len = ragged', 'seq = ragged')))).toEqual(['SPC135']);
    expect(codes(checkText(SPEC.replace('outputs = out, lse', 'kv_lens: i32[batch]')))).toEqual(['SPC134']);
  });

  it('computes each sequence as if it ran alone at its own length', () => {
    const inputs = randomAttentionInputs(windowed, SIZES, new Rng(2));
    const lens = Int32Array.from([17, 5, 50]);
    const ref = referenceAttention(windowed, SIZES, { ...inputs, runtime: { [KV_LENS]: lens } });
    const row = SIZES.heads * SIZES.qLen * SIZES.valueDim;
    for (let b = 0; b < 3; b++) {
      const n = lens[b]!;
      const one: AttentionSizes = { ...SIZES, batch: 1, kvLen: n };
      const kv = (a: Float32Array): Float32Array => {
        const out = new Float32Array(SIZES.kvHeads * n * 16);
        for (let g = 0; g < SIZES.kvHeads; g++) out.set(a.subarray(((b * SIZES.kvHeads + g) * 50) * 16, ((b * SIZES.kvHeads + g) * 50 + n) * 16), g * n * 16);
        return out;
      };
      const alone = referenceAttention({ ...windowed, raggedKv: undefined } as never, one, { q: inputs.q.subarray(b * row, (b + 1) * row), k: kv(inputs.k), v: kv(inputs.v), runtime: {} });
      expect(Array.from(ref.out.subarray(b * row, (b + 1) * row))).toEqual(Array.from(alone.out));
    }
  });

  it('catches a kernel that ignores kv_lens (the non-ragged twin fails against the ragged reference)', async () => {
    const inputs = randomAttentionInputs(windowed, SIZES, new Rng(4));
    const lens = Int32Array.from([20, 9, 50]);
    const given = { ...inputs, runtime: { [KV_LENS]: lens } };
    const reference = referenceAttention(windowed, SIZES, given);
    const data = { sizes: SIZES, inputs: given, reference, checkedRows: new Uint8Array(3 * 4 * 5).fill(1), note: '' };
    const good = await runAttentionCase(await createInterpTarget().compile(windowed), { ...data, kernel: windowed });
    expect(good.detail).toBe('');
    const { raggedKv: _r, ...twin } = windowed;
    void _r;
    const bad = await runAttentionCase(await createInterpTarget().compile(twin), { ...data, kernel: twin });
    expect(bad.pass).toBe(false);
  });

  it('checks kv_lens before anything runs: each in [q_len, kv_len]', () => {
    const inputs = randomAttentionInputs(windowed, SIZES, new Rng(5));
    const run = (lens: Int32Array) => () => checkRuntimeInputs(windowed, SIZES, { k: inputs.k, v: inputs.v, [KV_LENS]: lens });
    expect(run(Int32Array.from([5, 50, 31]))).not.toThrow();
    expect(run(Int32Array.from([5, 51, 31]))).toThrow(/^ragged_window: input 'kv_lens' holds 51 at element 1, outside \[q_len, kv_len\] = \[5, 50\]/);
    expect(run(Int32Array.from([4, 50, 31]))).toThrow(/holds 4 at element 0/);
    expect(run(Int32Array.from([5, 50]))).toThrow(/input 'kv_lens' has 2 elements, expected 3/);
  });

  it('refuses a ragged kernel whose pattern walks a block plan, naming the kernel and the target', () => {
    const listed = attention(checkText(`kernel gather = attention(causal && k in sel[b]) {
      sel: list<i32>[batch]
      heads = 2; head_dim = 16; q_len = 1; kv_len = ragged
    }`), 'gather');
    expect(() => runPipeline(listed, 'wasm')).toThrow(/kernel gather: kv_len = ragged needs a pattern with closed-form key bounds on wasm/);
  });
});

for (const backend of allBackends()) {
  const available = await backend.availability();
  describe.skipIf(skipTarget(backend.name, available.ok, available.ok ? '' : available.reason))(`ragged batches on ${backend.name}`, () => {
    it('ragged_window and ragged_paged pass against the float64 reference at every harness size', async () => {
      const report = await verifyKernels([windowed, paged], [backend], { seed: 3 });
      expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.detail}`)).toEqual([]);
      expect(report.results.length).toBeGreaterThanOrEqual(8);
    }, 300_000);
  });
}
