/**
 * @file Values of runtime inputs that are positions or indices (`k in cols[...]`, `layout[perm[q]]`) are checked
 * before a kernel runs: the harness's random inputs for every kernel of dsl/ pass, and one value pushed out of
 * range is refused with a message naming the input, the element and the range.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAndCheck } from '../../src/cli/frontend-run.js';
import { verifySizes } from '../../src/harness/sizes.js';
import type { AttentionKernel, AttentionSizes } from '../../src/model/kernel.js';
import { isRaggedList, type RuntimeValues } from '../../src/model/values.js';
import { Rng, randomRuntimeInputs } from '../../src/reference/random.js';
import { checkRuntimeInputs } from '../../src/runtime/library/check.js';
import { indexRules } from '../../src/runtime/library/index-ranges.js';

let kernels: AttentionKernel[] = [];

beforeAll(async () => {
  const loaded = await loadAndCheck(['dsl']);
  kernels = loaded.kernels.filter((k): k is AttentionKernel => k.kind === 'attention' && k.inputs.length > 0);
});

/** A copy of `runtime` whose input `name` has one value set to `value` (a tensor's first element; a list's last
 * value when `value` is large, its first when negative, so that lists stay sorted). */
function withValue(runtime: RuntimeValues, name: string, value: number): RuntimeValues {
  const v = runtime[name]!;
  if (isRaggedList(v)) {
    const values = Int32Array.from(v.values);
    values[value < 0 ? 0 : values.length - 1] = value;
    return { ...runtime, [name]: { offsets: v.offsets, values } };
  }
  const copy = Int32Array.from(v as Int32Array);
  copy[0] = value;
  return { ...runtime, [name]: copy };
}

describe('index ranges of runtime inputs', () => {
  it('finds key-position lists and index tensors in dsl/', () => {
    const rules = kernels.flatMap((k) => indexRules(k).map((r) => `${k.name}:${r.input}`));
    expect(rules).toContain('sea_topk:sel');
    expect(rules).toContain('minference_vertical_slash:cols');
    expect(rules).toContain('dhsa_prefill:chunk_of');
  });

  it("accepts the harness's random inputs of every kernel of dsl/ at every verify size", () => {
    let checked = 0;
    for (const k of kernels) {
      for (const c of verifySizes(k)) {
        const sizes = c.sizes as AttentionSizes;
        const runtime = randomRuntimeInputs(k, sizes, new Rng(7), c.random ?? {});
        expect(() => checkRuntimeInputs(k, sizes, runtime), `${k.name} ${c.label}`).not.toThrow();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('refuses a value just past the range, and a negative one, naming the input and the range', () => {
    let refused = 0;
    for (const k of kernels) {
      const sizes = verifySizes(k)[0]!.sizes as AttentionSizes;
      const runtime = randomRuntimeInputs(k, sizes, new Rng(3), { density: 0.5 });
      for (const rule of indexRules(k)) {
        const v = runtime[rule.input]!;
        if (isRaggedList(v) ? v.values.length === 0 : v.length === 0) continue;
        const bound = rule.bound.kind === 'size' ? ({ q_len: sizes.qLen, kv_len: sizes.kvLen } as Record<string, number>)[rule.bound.name] : undefined;
        if (bound !== undefined) {
          expect(() => checkRuntimeInputs(k, sizes, withValue(runtime, rule.input, bound)), `${k.name}.${rule.input}`)
            .toThrow(new RegExp(`input '${rule.input}' holds ${bound} at .*outside \\[0, ${bound}\\)`));
        }
        expect(() => checkRuntimeInputs(k, sizes, withValue(runtime, rule.input, -1)), `${k.name}.${rule.input}`).toThrow(/holds -1 at .*outside \[0, /);
        refused++;
      }
    }
    expect(refused).toBeGreaterThanOrEqual(15);
  });
});
