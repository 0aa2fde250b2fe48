/**
 * @file Selectors in the generated library: dsl/selectors.sparse built with `sparsec build`, each selector loaded
 * through the generated `index.js` and run on the verify harness's size cases against the float64 reference
 * selection (wasm; neon and webgpu where this host has them); and end to end, a selector's `sel` output passed
 * unchanged into the block-sparse attention kernel it feeds, whose output matches the float64 reference; and the
 * same for a vertical-slash selector's `cols` / `diags` lists feeding a vertical_slash attention kernel.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands/build.js';
import { loadAndCheck } from '../../src/cli/frontend-run.js';
import type { Io } from '../../src/cli/io.js';
import { verifyKernels } from '../../src/harness/verify.js';
import type { AttentionKernel, AttentionSizes, Kernel } from '../../src/model/kernel.js';
import type { SelectKernel } from '../../src/model/select.js';
import { referenceAttention } from '../../src/reference/attention.js';
import { Rng } from '../../src/reference/random.js';
import { referenceSelect } from '../../src/reference/select.js';
import { referenceVerticalSlash } from '../../src/reference/select-vslash.js';
import type { RaggedList } from '../../src/model/values.js';
import { NEON_ADDON_PATH } from '../../src/runtime/neon/native.js';
import { nodeDevice } from '../../src/runtime/webgpu/node-device.js';
import { importLibrary, libraryHome, libraryTarget, ROOT, type AnyHandle } from './library-target.js';

/** A selector and the block-sparse attention kernel it feeds (same heads, same blocks<64, 64>). */
const PAIR = `pattern est_blocks(sel: blocks<64, 64>) = causal && sel[b, h, qb(64), kb(64)]
kernel pair_attention = attention(est_blocks) { heads = 4; kv_heads = 2; head_dim = 32; seq = dynamic }
kernel pair_select = select(pooled(mean)) {
  heads = 4; kv_heads = 2; head_dim = 32; seq = dynamic
  output = blocks(64, 64)
  rule = topk(3)
  causal = true
  force = first, diagonal
}
pattern vs_lists(cols: list<i32>[batch, heads], diags: list<i32>[batch, heads]) =
  causal && (k in cols[b, h] || q - k in diags[b, h])
kernel vs_attention = attention(vs_lists) { heads = 4; kv_heads = 2; head_dim = 32; seq = dynamic }
kernel vs_select = select(last_queries(64)) {
  heads = 4; kv_heads = 2; head_dim = 32; seq = dynamic
  rule = vertical_slash(40, 24)
  force = first(4), diagonal(4)
}
`;

/** Sizes and standard normal Q, K, V of the chained runs (4 heads over 2 KV heads, 300 positions, head_dim 32). */
function chainInputs(seed: number): { sizes: AttentionSizes; q: Float32Array; k: Float32Array; v: Float32Array } {
  const sizes: AttentionSizes = { batch: 1, heads: 4, kvHeads: 2, headDim: 32, valueDim: 32, qLen: 300, kvLen: 300 };
  const rng = new Rng(seed);
  const fill = (n: number): Float32Array => {
    const a = new Float32Array(n);
    rng.fillNormal(a);
    return a;
  };
  return { sizes, q: fill(sizes.heads * sizes.qLen * 32), k: fill(sizes.kvHeads * sizes.kvLen * 32), v: fill(sizes.kvHeads * sizes.kvLen * 32) };
}

const quietIo = (): Io & { lines: string[] } => {
  const lines: string[] = [];
  return { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive: false, lines };
};

const device = await nodeDevice();
const neon = (process.arch === 'arm64' || existsSync('/usr/include/simde/arm/neon.h')) && existsSync(NEON_ADDON_PATH);
/** wasm always; neon and webgpu when this host can run them (test/neon and test/webgpu say so when they cannot). */
const TARGETS = ['wasm', ...(device.ok ? ['webgpu'] : []), ...(neon ? ['neon'] : [])] as const;

describe('selectors in the generated library', () => {
  let lib: Record<string, AnyHandle>;
  let selectors: Kernel[];
  let pair: Map<string, Kernel>;
  let out: string;

  beforeAll(async () => {
    const home = await libraryHome();
    out = join(home, 'lib');
    const spec = join(home, 'pair.sparse');
    await writeFile(spec, PAIR);
    const io = quietIo();
    expect(await runBuild([join(ROOT, 'dsl/selectors.sparse'), spec], { target: [TARGETS.join(',')], out, cwd: ROOT }, io), io.lines.join('\n')).toBe(0);
    lib = await importLibrary(out);
    selectors = (await loadAndCheck([join(ROOT, 'dsl/selectors.sparse')])).kernels;
    pair = new Map((await loadAndCheck([spec])).kernels.map((k) => [k.name, k]));
  }, 300_000);

  it('writes a typed wrapper per selector: defineSelect, Q and K in, a Uint8Array layout out', async () => {
    const dts = await readFile(join(out, 'pair_select.d.ts'), 'utf8');
    expect(dts).toMatch(/interface PairSelectInputs extends SelectRunInputs/);
    expect(dts).toMatch(/readonly sel: Uint8Array;/);
    expect(dts).toMatch(/KernelHandle<LoadedSelect<PairSelectInputs, PairSelectOutputs>/);
    expect(await readFile(join(out, 'pair_select.js'), 'utf8')).toMatch(/defineSelect\(/);
    for (const k of selectors) expect(lib[k.name]?.name).toBe(k.name);
  });

  it.each(TARGETS)('load(%s) gives every selector the reference selection on every size case', async (target) => {
    const report = await verifyKernels(selectors, [libraryTarget(lib, target)], { seed: 17 });
    const failed = report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case}: ${r.status} ${r.detail}`);
    expect(failed).toEqual([]);
    for (const k of selectors) expect(report.results.some((r) => r.kernel === k.name)).toBe(true);
  }, 600_000);

  /** Runs the loaded attention kernel `name` on the selector's outputs `runtime`; its output is within 1e-4 of the reference. */
  async function expectReferenceAttention(attention: Awaited<ReturnType<AnyHandle['load']>>, name: string, sizes: AttentionSizes, qkv: { q: Float32Array; k: Float32Array; v: Float32Array }, runtime: Record<string, Uint8Array | RaggedList>): Promise<void> {
    const { out: o } = (await attention.run({ ...qkv, ...runtime })) as { out: Float32Array };
    const ref = referenceAttention(pair.get(name) as AttentionKernel, sizes, { ...qkv, runtime });
    let err = 0;
    for (let e = 0; e < o.length; e++) err = Math.max(err, Math.abs(o[e]! - ref.out[e]!));
    expect(err).toBeLessThan(1e-4);
  }

  it.each(TARGETS)('on %s, the selector output goes straight into the attention kernel, which matches the reference', async (target) => {
    const { sizes, q, k, v } = chainInputs(5);
    const select = await lib['pair_select']!.load(target);
    const attention = await lib['pair_attention']!.load(target);
    try {
      const { sel } = (await select.run({ q, k })) as { sel: Uint8Array };
      expect(sel).toBeInstanceOf(Uint8Array);
      expect(sel.length).toBe(4 * 5 * 5);
      const want = referenceSelect(pair.get('pair_select') as SelectKernel, sizes, q, k);
      expect([...sel].filter((x, e) => x !== want.sel[e] && want.margin[e]! > 1e-4)).toEqual([]);
      // the layout prunes: fewer blocks than the causal triangle (4 heads x 15)
      expect(sel.reduce((n, x) => n + x, 0)).toBeLessThan(4 * 15);
      await expectReferenceAttention(attention, 'pair_attention', sizes, { q, k, v }, { sel });
    } finally {
      await select.dispose();
      await attention.dispose();
    }
  }, 300_000);

  it.each(TARGETS)('on %s, a vertical-slash selector\'s lists go straight into the vertical_slash kernel, which matches the reference', async (target) => {
    const { sizes, q, k, v } = chainInputs(7);
    const select = await lib['vs_select']!.load(target);
    const attention = await lib['vs_attention']!.load(target);
    try {
      const { cols, diags } = (await select.run({ q, k })) as { cols: RaggedList; diags: RaggedList };
      expect([...cols.offsets]).toEqual([0, 40, 80, 120, 160]);
      expect([...diags.offsets]).toEqual([0, 24, 48, 72, 96]);
      const want = referenceVerticalSlash(pair.get('vs_select') as SelectKernel, (pair.get('vs_select') as SelectKernel).vslash!, sizes, q, k);
      expect([...cols.values, ...diags.values]).toEqual([...want.out]);
      // forced: the first 4 columns and the 4 nearest diagonals of every head
      for (let h = 0; h < 4; h++) {
        expect([...cols.values.subarray(h * 40, h * 40 + 4)]).toEqual([0, 1, 2, 3]);
        expect([...diags.values.subarray(h * 24, h * 24 + 4)]).toEqual([0, 1, 2, 3]);
      }
      await expectReferenceAttention(attention, 'vs_attention', sizes, { q, k, v }, { cols, diags });
    } finally {
      await select.dispose();
      await attention.dispose();
    }
  }, 300_000);

  it('writes a vertical-slash selector\'s outputs as two RaggedList lists', async () => {
    const dts = await readFile(join(out, 'vs_select.d.ts'), 'utf8');
    expect(dts).toMatch(/readonly cols: RaggedList;/);
    expect(dts).toMatch(/readonly diags: RaggedList;/);
    expect(dts).toMatch(/type RaggedList/);
  });

  it('checks inputs and outputs before anything runs', async () => {
    const loaded = await lib['pair_select']!.load('wasm');
    const q = new Float32Array(4 * 128 * 32);
    const k = new Float32Array(2 * 128 * 32);
    await expect(loaded.run({ q, k, v: k })).rejects.toThrow(/unknown input 'v'/);
    await expect(loaded.run({ q, k: k.subarray(32), sizes: { kvLen: 128 } })).rejects.toThrow(/input 'k' has 8160 elements/);
    await expect(loaded.run({ q, k }, { sel: new Float32Array(4 * 2 * 2) })).rejects.toThrow(/output 'sel' must be a Uint8Array/);
    await expect(loaded.run({ q, k }, { sel: new Uint8Array(3) })).rejects.toThrow(/output 'sel' has 3 elements, expected 16/);
    await loaded.dispose();
  });
});
