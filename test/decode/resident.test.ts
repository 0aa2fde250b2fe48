/**
 * @file Resident K / V through the generated library on wasm (2 threads): `resident({ k, v }, { capacity })`, several
 * `append`s (1 token, several, batch x kv_heads > 1 so earlier rows move), and `run({ q, resident })` checked
 * against the float64 reference each time with poisoned outputs; appended inputs are checked like run's.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands/build.js';
import type { Io } from '../../src/cli/io.js';
import type { CompiledKernel } from '../../src/harness/target.js';
import type { AttentionKernel } from '../../src/model/kernel.js';
import type { AttentionInputs } from '../../src/model/values.js';
import { attentionFailures, randomValues } from '../regressions/run-targets.js';
import { importLibrary, libraryHome } from '../library/library-target.js';
import { resolveAttentionSizes } from '../../src/harness/sizes.js';

const SPEC = `
kernel kv_decode = attention(causal) { batch = dynamic; heads = 4; kv_heads = 2; head_dim = 16; q_len = 1; kv_len = dynamic; outputs = out, lse }
kernel kv_window_f16 = attention(causal && (k < 2 || q - k < 40)) { heads = 2; kv_heads = 1; head_dim = 8; q_len = 1; kv_len = dynamic; dtype = f16 }
kernel kv_static = attention(causal) { heads = 1; head_dim = 8; q_len = 1; kv_len = 64 }
`;

interface Kv {
  readonly length: number;
  append(k: Float32Array, v: Float32Array): void;
}
interface Loaded {
  readonly manifest: { readonly kernel: AttentionKernel };
  resident(init: { k: Float32Array; v: Float32Array; sizes?: { batch?: number } }, o: { capacity: number }): Kv;
  run(inputs: Record<string, unknown>, into?: Record<string, Float32Array>): Promise<unknown>;
  dispose(): Promise<void>;
}

let home: string;
let lib: Record<string, { load(t: string, o?: unknown): Promise<Loaded> }>;
const loaded: Loaded[] = [];
const load = async (name: string): Promise<Loaded> => {
  const l = await lib[name]!.load('wasm', { threads: 2 });
  loaded.push(l);
  return l;
};

beforeAll(async () => {
  home = await libraryHome();
  await writeFile(join(home, 'k.sparse'), SPEC);
  const io: Io = { out: () => undefined, err: () => undefined, interactive: false };
  expect(await runBuild([join(home, 'k.sparse')], { target: ['wasm'], out: join(home, 'lib'), cwd: home }, io)).toBe(0);
  lib = (await importLibrary(join(home, 'lib'))) as unknown as typeof lib;
}, 120_000);
afterAll(async () => {
  for (const l of loaded) await l.dispose();
});

/** K or V [rows, len, dim] with `extra` tokens [rows, n, dim] appended to every row. */
function concatRows(old: Float32Array, extra: Float32Array, rows: number, dim: number): Float32Array {
  const [L, n] = [old.length / (rows * dim), extra.length / (rows * dim)];
  const out = new Float32Array(rows * (L + n) * dim);
  for (let r = 0; r < rows; r++) {
    out.set(old.subarray(r * L * dim, (r + 1) * L * dim), r * (L + n) * dim);
    out.set(extra.subarray(r * n * dim, (r + 1) * n * dim), (r * (L + n) + L) * dim);
  }
  return out;
}

/** A harness kernel that ignores the K / V it is given and runs on the resident store (the harness checks against them). */
function onResident(l: Loaded, kv: Kv): CompiledKernel {
  return {
    async runAttention(sizes, inputs, outputs) {
      await l.run({ q: inputs.q, resident: kv, sizes: { batch: sizes.batch } }, { ...outputs });
    },
  };
}
const asTarget = (c: CompiledKernel) => ({ name: 'wasm-resident', availability: async () => ({ ok: true as const }), compile: async () => c });

describe('resident K / V on wasm', () => {
  it('matches the reference after a first fill and appends of 1, 7 and 50 tokens (batch 2 x 2 KV heads: rows move)', async () => {
    const l = await load('kv_decode');
    const kernel = l.manifest.kernel;
    const [rows, D, batch] = [2 * 2, 16, 2];
    let K = randomValues(rows * 300 * D, 1);
    let V = randomValues(rows * 300 * D, 2);
    const kv = l.resident({ k: K, v: V, sizes: { batch } }, { capacity: 400 });
    let seed = 10;
    for (const n of [0, 1, 7, 50]) {
      if (n > 0) {
        const [k1, v1] = [randomValues(rows * n * D, seed++), randomValues(rows * n * D, seed++)];
        kv.append(k1, v1);
        [K, V] = [concatRows(K, k1, rows, D), concatRows(V, v1, rows, D)];
      }
      expect(kv.length).toBe(300 + [0, 1, 7, 50].slice(0, [0, 1, 7, 50].indexOf(n) + 1).reduce((a, b) => a + b, 0));
      const sizes = resolveAttentionSizes(kernel, { batch, kvLen: kv.length });
      const inputs: AttentionInputs = { q: randomValues(batch * 4 * D, seed++), k: K, v: V, runtime: {} };
      expect(await attentionFailures(kernel, sizes, inputs, [asTarget(onResident(l, kv))])).toEqual([]);
    }
  }, 60_000);

  it('f16 storage, a window kernel, a NaN appended in V at a live key stays NaN, at a masked key it does not count', async () => {
    const l = await load('kv_window_f16');
    const kernel = l.manifest.kernel;
    let K = randomValues(200 * 8, 3);
    let V = randomValues(200 * 8, 4);
    V[100 * 8] = Number.NaN; // key 100: masked for the query at 200+ (outside sinks and window)
    const kv = l.resident({ k: K, v: V }, { capacity: 260 });
    for (const [n, nan] of [[5, false], [1, true]] as const) {
      const [k1, v1] = [randomValues(n * 8, 20 + n), randomValues(n * 8, 30 + n)];
      if (nan) v1[2] = Number.NaN;
      kv.append(k1, v1);
      [K, V] = [concatRows(K, k1, 1, 8), concatRows(V, v1, 1, 8)];
      const sizes = resolveAttentionSizes(kernel, { kvLen: kv.length });
      const out = new Float32Array(2 * 8);
      await l.run({ q: randomValues(2 * 8, 40 + n), resident: kv }, { out });
      expect(out.some(Number.isNaN)).toBe(nan);
      expect(await attentionFailures(kernel, sizes, { q: randomValues(2 * 8, 50 + n), k: K, v: V, runtime: {} }, [asTarget(onResident(l, kv))])).toEqual([]);
    }
  }, 60_000);

  it('appended inputs are checked before anything is written, and misuse is refused with a clear error', async () => {
    const l = await load('kv_decode');
    const kv = l.resident({ k: randomValues(4 * 10 * 16, 1), v: randomValues(4 * 10 * 16, 2), sizes: { batch: 2 } }, { capacity: 12 });
    expect(() => kv.append(randomValues(4 * 16 + 1, 3), randomValues(4 * 16, 4))).toThrow(/appended 'k' has 65 elements, not a multiple of batch x kv_heads x head_dim = 64/);
    expect(() => kv.append(randomValues(4 * 16, 3), randomValues(8 * 16, 4))).toThrow(/appended 'v' has 128 elements, expected 64/);
    expect(() => kv.append(new Float64Array(64) as unknown as Float32Array, randomValues(64, 4))).toThrow(/must be a Float32Array, got Float64Array/);
    expect(() => kv.append(randomValues(4 * 3 * 16, 3), randomValues(4 * 3 * 16, 4))).toThrow(/exceeds the resident capacity \(10 held, capacity 12\)/);
    expect(kv.length).toBe(10);
    const q = randomValues(2 * 4 * 16, 5);
    await expect(l.run({ q, resident: kv, k: randomValues(4 * 10 * 16, 1) })).rejects.toThrow(/either 'resident' or 'k' and 'v'/);
    await expect(l.run({ q: randomValues(7, 5), resident: kv })).rejects.toThrow(/input 'q' has 7 elements/);
    const newer = l.resident({ k: new Float32Array(0), v: new Float32Array(0), sizes: { batch: 2 } }, { capacity: 4 });
    await expect(l.run({ q, resident: kv })).rejects.toThrow(/replaced by a later resident/);
    expect(newer.length).toBe(0);
    expect(() => l.resident({ k: new Float32Array(0), v: new Float32Array(0) }, { capacity: 4 })).toThrow(/batch is dynamic; pass sizes: \{ batch \}/);
    const fixed = await load('kv_static');
    expect(() => fixed.resident({ k: new Float32Array(0), v: new Float32Array(0) }, { capacity: 64 })).toThrow(/kv_len = dynamic/);
  }, 60_000);
});
