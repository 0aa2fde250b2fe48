/**
 * @file Regression tests of issue 12's generated-library defects: concurrent run() on one handle (4), caller
 * plans (5), and the small list of item 9 (run(null), misspelled keys, a Float64Array weight, nm indices out
 * of order). Each runs on the wasm library and, where an adapter exists, on the webgpu one.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { importLibrary, libraryHome, type AnyHandle } from '../library/library-target.js';
import { HAS_ADAPTER } from '../webgpu/helpers.js';
import { skipTarget } from '../support/targets.js';
import { randomValues } from './run-targets.js';

const SPEC = `
pattern docs(doc: i32[kv_len]) = causal && doc[q] == doc[k]
kernel reg_doc = attention(docs) { heads = 2; head_dim = 8; seq = dynamic; outputs = out, lse }
kernel reg_nm = gemm { m = dynamic; n = 8; k = 16; weight = nm(2, 4) }
`;

const TARGETS = ['wasm', ...(skipTarget('webgpu', HAS_ADAPTER, 'no WebGPU adapter') ? [] : ['webgpu'])];

const quietIo = (): Io & { lines: string[] } => {
  const lines: string[] = [];
  return { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive: false, lines };
};

let lib: Record<string, AnyHandle>;
type Loaded = Awaited<ReturnType<AnyHandle['load']>> & { plan(inputs: Record<string, unknown>): Record<string, unknown> | null; pack(w: Float32Array): Record<string, unknown> };

beforeAll(async () => {
  const home = await libraryHome();
  await writeFile(join(home, 'k.sparse'), SPEC);
  const io = quietIo();
  expect(await main(['build', join(home, 'k.sparse'), '--target', TARGETS.join(','), '--out', join(home, 'lib')], io), io.lines.join('\n')).toBe(0);
  lib = await importLibrary(join(home, 'lib'));
}, 120_000);

const seq = 40;
const inputsOf = (seed: number, doc: Int32Array) => ({
  q: randomValues(2 * seq * 8, seed), k: randomValues(2 * seq * 8, seed + 1), v: randomValues(2 * seq * 8, seed + 2), doc,
});
const docA = new Int32Array(seq).map((_, i) => (i < 17 ? 0 : 1));
const docB = new Int32Array(seq).map((_, i) => (i < 5 ? 0 : i < 30 ? 1 : 2));

for (const target of TARGETS) {
  describe(`${target}: 4, two run() calls on one handle without awaiting`, () => {
    for (const threads of target === 'wasm' ? [1, 2] : [0]) {
      it(`each gets its own output${threads ? ` (${threads} threads)` : ''}`, async () => {
        const a = (await lib['reg_doc']!.load(target, threads ? { threads } : undefined)) as Loaded;
        try {
          const [x, y] = [inputsOf(1, docA), inputsOf(7, docB)];
          const alone = [(await a.run(x)) as { out: Float32Array }, (await a.run(y)) as { out: Float32Array }];
          const both = (await Promise.all([a.run(x), a.run(y)])) as { out: Float32Array }[];
          expect(Array.from(both[0]!.out)).toEqual(Array.from(alone[0]!.out));
          expect(Array.from(both[1]!.out)).toEqual(Array.from(alone[1]!.out));
        } finally {
          await a.dispose();
        }
      });
    }
  });

  describe(`${target}: 5, caller-supplied plans are checked before the kernel runs`, () => {
    let a: Loaded;
    const sizes = { qLen: seq, kvLen: seq };
    beforeAll(async () => {
      a = (await lib['reg_doc']!.load(target)) as Loaded;
    });
    const planOf = (doc: Int32Array) => a.plan({ doc, sizes })!;
    const forged = (p: Record<string, unknown>, change: (c: Record<string, any>) => void) => {
      const c: Record<string, any> = { ...p, rowPtr: (p['rowPtr'] as Int32Array).slice(), kTiles: (p['kTiles'] as Int32Array).slice(), full: (p['full'] as Uint8Array).slice() };
      change(c);
      return c;
    };
    it('a plan from plan(...) of the same inputs is used and agrees with no plan', async () => {
      const x = inputsOf(3, docA);
      const withPlan = (await a.run({ ...x, plan: planOf(docA) })) as { out: Float32Array };
      const without = (await a.run(x)) as { out: Float32Array };
      expect(Array.from(withPlan.out)).toEqual(Array.from(without.out));
    });
    it('a plan built from other runtime inputs is refused', async () => {
      await expect(a.run({ ...inputsOf(3, docA), plan: planOf(docB) })).rejects.toThrow(/plan: was made from other runtime inputs/);
    });
    it('a copy with every tile marked full is refused', async () => {
      const p = forged(planOf(docA), (c) => c['full'].fill(1));
      await expect(a.run({ ...inputsOf(3, docA), plan: p })).rejects.toThrow(/plan: was not made by plan/);
    });
    it('a made plan changed afterwards is refused', async () => {
      const p = planOf(docA);
      (p['full'] as Uint8Array).fill(1);
      await expect(a.run({ ...inputsOf(3, docA), plan: p })).rejects.toThrow(/plan: was changed after plan/);
    });
    it('out-of-range tiles, row pointers past the end and huge plans are refused at once', async () => {
      const base = planOf(docA);
      const bad = [
        forged(base, (c) => c['kTiles'].fill(99)),
        forged(base, (c) => (c['rowPtr'][c['rowPtr'].length - 1] = 1 << 30)),
        forged(base, (c) => { c['kTiles'] = new Int32Array(1 << 22); c['full'] = new Uint8Array(1 << 22); c['rowPtr'][c['rowPtr'].length - 1] = 1 << 22; }),
      ];
      const start = performance.now();
      for (const p of bad) await expect(a.run({ ...inputsOf(3, docA), plan: p })).rejects.toThrow(/plan:/);
      expect(performance.now() - start).toBeLessThan(5000);
    });
  });

  describe(`${target}: 9, hostile calls get a clear error`, () => {
    it('run(null), run(undefined) and a misspelled input key', async () => {
      const a = (await lib['reg_doc']!.load(target)) as Loaded;
      await expect(a.run(null as never)).rejects.toThrow(/reg_doc: run\(inputs\) needs an object \{ q, k, v, doc, sizes, plan(, resident)? \}, got null/);
      await expect(a.run(undefined as never)).rejects.toThrow(/needs an object/);
      await expect(a.run({ ...inputsOf(1, docA), dco: docA })).rejects.toThrow(/reg_doc: unknown input 'dco' \(this kernel takes: q, k, v, doc, sizes, plan(, resident)?\)/);
    });
    it('a Float64Array weight and nm indices out of order', async () => {
      const g = (await lib['reg_nm']!.load(target)) as Loaded;
      const x = randomValues(3 * 16, 5);
      await expect(g.run({ x, w: new Float64Array(8 * 16) })).rejects.toThrow(/reg_nm: input 'w' must be a Float32Array \(the dense \[n, k\] weight\) or a weight from pack\(\.\.\.\), got Float64Array/);
      const w = new Float32Array(8 * 16).map((_, i) => (i % 4 < 2 ? (i % 7) + 1 : 0));
      const packed = g.pack(w);
      const indices = (packed['indices'] as Uint8Array).slice();
      [indices[0], indices[1]] = [indices[1]!, indices[0]!];
      await expect(g.run({ x, w: { ...packed, indices } })).rejects.toThrow(/indices of group 0 at slots 0, 1 must ascend strictly \(1 then 0\)/);
      expect(((await g.run({ x, w: packed })) as { y: Float32Array }).y.length).toBe(3 * 8);
    });
  });
}
