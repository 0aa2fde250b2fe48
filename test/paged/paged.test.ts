/**
 * @file Paged KV (`kv_layout = paged(P)`, issue 15 item 1): a paged kernel against the float64 reference on every
 * target (poisoned outputs, the harness's size cases: prefill, chunked prefill, decode with split-KV), the same
 * logical cache under a reshuffled pool and block table, a kernel that ignores the table caught, the block table
 * checked before anything runs (directly and through a generated wasm library), and the `paged-kv` stage.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands/build.js';
import type { Io } from '../../src/cli/io.js';
import { runAttentionCase } from '../../src/harness/cases.js';
import { verifyKernels } from '../../src/harness/verify.js';
import type { AttentionKernel, AttentionSizes } from '../../src/model/kernel.js';
import { BLOCK_TABLE } from '../../src/model/paged.js';
import type { AttentionInputs } from '../../src/model/values.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { referenceAttention } from '../../src/reference/attention.js';
import { Rng, randomAttentionInputs } from '../../src/reference/random.js';
import { checkRuntimeInputs } from '../../src/runtime/library/check.js';
import { allBackends } from '../../src/targets/index.js';
import { createInterpTarget } from '../../src/targets/interp/target.js';
import { attention, checkText, codes } from '../checker/helpers.js';
import { importLibrary, libraryHome, libraryTarget } from '../library/library-target.js';
import { skipTarget } from '../support/targets.js';

const SPEC = `kernel tiny_paged = attention(causal && q - k < 40) {
  batch = dynamic; heads = 4; kv_heads = 2; head_dim = 16
  q_len = dynamic; kv_len = dynamic
  kv_layout = paged(8)
  outputs = out, lse
}`;
const checked = checkText(SPEC);
const kernel = attention(checked, 'tiny_paged');
const SIZES: AttentionSizes = { batch: 2, heads: 4, kvHeads: 2, headDim: 16, valueDim: 16, qLen: 13, kvLen: 45 };
const ROWS = SIZES.batch * SIZES.heads * SIZES.qLen;

/** The case data of `inputs` (every row checked) with its float64 reference. */
function caseOf(k: AttentionKernel, inputs: AttentionInputs): Parameters<typeof runAttentionCase>[1] {
  return { kernel: k, sizes: SIZES, inputs, reference: referenceAttention(kernel, SIZES, inputs), checkedRows: new Uint8Array(ROWS).fill(1), note: '' };
}

/** The same logical cache with the pool's pages moved by a random permutation and the table renumbered. */
function reshuffled(inputs: AttentionInputs, rng: Rng): AttentionInputs {
  const page = 8 * SIZES.kvHeads * SIZES.headDim;
  const numPages = inputs.k.length / page;
  const perm = Array.from({ length: numPages }, (_, i) => i);
  for (let i = numPages - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  const move = (pool: Float32Array): Float32Array => {
    const out = new Float32Array(pool.length);
    for (let p = 0; p < numPages; p++) out.set(pool.subarray(p * page, (p + 1) * page), perm[p]! * page);
    return out;
  };
  const table = (inputs.runtime[BLOCK_TABLE] as Int32Array).map((p) => perm[p]!);
  return { q: inputs.q, k: move(inputs.k), v: move(inputs.v), runtime: { ...inputs.runtime, [BLOCK_TABLE]: table } };
}

describe('paged KV: the checker and the pipeline', () => {
  it('checks clean, with the implicit block table input last and the layout in the model', () => {
    expect(checked.rendered).toBe('');
    expect(kernel.kvLayout).toEqual({ kind: 'paged', pageSize: 8 });
    expect(kernel.inputs.map((i) => i.name)).toEqual([BLOCK_TABLE]);
    const plain = checkText(SPEC.replace('paged(8)', 'contiguous'));
    expect(plain.rendered).toBe('');
    expect(attention(plain, 'tiny_paged').kvLayout).toBeUndefined();
  });

  it('rejects other layouts (SPC131), page sizes that are not powers of two (SPC132) and a taken block_table name (SPC133)', () => {
    expect(codes(checkText(SPEC.replace('paged(8)', 'paged'))).slice(0, 1)).toEqual(['SPC131']);
    expect(codes(checkText(SPEC.replace('paged(8)', 'paged(8, 2)')))).toEqual(['SPC131']);
    for (const p of ['0', '6', '-4', '2.0']) expect(codes(checkText(SPEC.replace('paged(8)', `paged(${p})`))), p).toEqual(['SPC132']);
    expect(codes(checkText(SPEC.replace('outputs = out, lse', 'block_table: f32[heads]')))).toEqual(['SPC133']);
  });

  it('fits tile_k to the page and rewrites K / V loads in the paged-kv stage, after split-KV', () => {
    const wide = checkText(SPEC.replace('paged(8)', 'paged(32)').replace('outputs', 'schedule interp { tile_k = 48 }\n  outputs'));
    const r = runPipeline(attention(wide, 'tiny_paged'), 'interp');
    expect(r.schedule.tile_k).toBe(16);
    const names = r.stages.map((s) => s.name);
    expect(names).toContain('paged-kv');
    const decode = runPipeline({ ...kernel, qLen: 1 }, 'webgpu');
    const order = decode.stages.map((s) => s.name);
    expect(order.indexOf('paged-kv')).toBeGreaterThan(order.indexOf('split-kv'));
    expect(decode.schedule.tile_k).toBe(8);
  });
});

describe('paged KV: the block table and the reference', () => {
  const inputs = randomAttentionInputs(kernel, SIZES, new Rng(3));

  it('reads the same logical cache through any pool order: a reshuffled pool gives the same reference, and interp matches it', async () => {
    const moved = reshuffled(inputs, new Rng(5));
    expect(moved.k).not.toEqual(inputs.k);
    const a = referenceAttention(kernel, SIZES, inputs);
    const b = referenceAttention(kernel, SIZES, moved);
    expect(Array.from(b.out)).toEqual(Array.from(a.out));
    const compiled = await createInterpTarget().compile(kernel);
    const outcome = await runAttentionCase(compiled, caseOf(kernel, moved));
    expect(outcome.detail).toBe('');
    expect(outcome.pass).toBe(true);
  });

  it('catches a kernel that ignores the block table (the contiguous twin fails against the paged reference)', async () => {
    const { kvLayout: _dropped, ...twin } = kernel;
    void _dropped;
    const compiled = await createInterpTarget().compile(twin);
    const outcome = await runAttentionCase(compiled, caseOf(twin, inputs));
    expect(outcome.pass).toBe(false);
    expect(outcome.detail).toMatch(/out/);
  });

  it('checks the block table before anything runs: entries in [0, num_pages), its shape, and the pools', () => {
    const given = { k: inputs.k, v: inputs.v, [BLOCK_TABLE]: inputs.runtime[BLOCK_TABLE] };
    expect(() => checkRuntimeInputs(kernel, SIZES, given)).not.toThrow();
    const table = inputs.runtime[BLOCK_TABLE] as Int32Array;
    const numPages = inputs.k.length / (8 * 2 * 16);
    const maxPages = table.length / SIZES.batch;
    const bad = (at: number, value: number): Int32Array => { const t = Int32Array.from(table); t[at] = value; return t; };
    expect(() => checkRuntimeInputs(kernel, SIZES, { ...given, [BLOCK_TABLE]: bad(maxPages + 1, numPages) }))
      .toThrow(new RegExp(`^tiny_paged: input 'block_table' holds page ${numPages} at \\[1, 1\\], outside \\[0, ${numPages}\\)`));
    expect(() => checkRuntimeInputs(kernel, SIZES, { ...given, [BLOCK_TABLE]: bad(0, -1) })).toThrow(/holds page -1 at \[0, 0\]/);
    // the padding entry past ceil(kv_len / P) is never read, so any value is accepted there
    expect(() => checkRuntimeInputs(kernel, SIZES, { ...given, [BLOCK_TABLE]: bad(maxPages - 1, -1) })).not.toThrow();
    expect(() => checkRuntimeInputs(kernel, SIZES, { ...given, [BLOCK_TABLE]: table.subarray(0, SIZES.batch * 5) })).toThrow(/has 5 pages per sequence, but kv_len = 45 needs 6 pages of 8/);
    expect(() => checkRuntimeInputs(kernel, SIZES, { ...given, k: inputs.k.subarray(1) })).toThrow(/input 'k' has \d+ elements, expected a page pool/);
    expect(() => checkRuntimeInputs(kernel, SIZES, { ...given, v: inputs.v.subarray(256) })).toThrow(/input 'v' has \d+ elements/);
  });
});

const quietIo = (): Io & { lines: string[] } => {
  const lines: string[] = [];
  return { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive: false, lines };
};

describe('paged KV: the generated wasm library', () => {
  let dir: string;
  beforeAll(async () => {
    const home = await libraryHome();
    await writeFile(join(home, 'k.sparse'), SPEC);
    dir = join(home, 'lib');
    const io = quietIo();
    expect(await runBuild([join(home, 'k.sparse')], { target: ['wasm'], out: dir, cwd: home }, io), io.lines.join('\n')).toBe(0);
  }, 300_000);

  it('documents the page pools and the block table in the generated .d.ts', async () => {
    const dts = (await readdir(dir)).find((f) => f.startsWith('tiny_paged') && f.endsWith('.d.ts'));
    const text = await readFile(join(dir, dts!), 'utf8');
    expect(text).toContain('K page pool [num_pages, 8, kv_heads, head_dim]');
    expect(text).toMatch(/Block table `block_table`: i32 \[batch, max_pages\]/);
  });

  it('passes the harness cases through the library, and refuses an out-of-range page before running', async () => {
    const lib = await importLibrary(dir);
    const report = await verifyKernels([kernel], [libraryTarget(lib, 'wasm')], { seed: 9 });
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.case}: ${r.detail}`)).toEqual([]);
    const inputs = randomAttentionInputs(kernel, SIZES, new Rng(4));
    const table = Int32Array.from(inputs.runtime[BLOCK_TABLE] as Int32Array);
    table[2] = 1_000_000;
    const loaded = await lib['tiny_paged']!.load('wasm');
    const out = new Float32Array(ROWS * 16).fill(-7);
    const sizes = { batch: 2, qLen: 13, kvLen: 45 };
    await expect(loaded.run({ q: inputs.q, k: inputs.k, v: inputs.v, [BLOCK_TABLE]: table, sizes }, { out, lse: new Float32Array(ROWS) }))
      .rejects.toThrow(/^tiny_paged: input 'block_table' holds page 1000000 at \[0, 2\], outside \[0, \d+\)/);
    expect(out.every((x) => x === -7)).toBe(true);
    await loaded.dispose();
  }, 300_000);
});

for (const backend of allBackends()) {
  const available = await backend.availability();
  describe.skipIf(skipTarget(backend.name, available.ok, available.ok ? '' : available.reason))(`paged KV on ${backend.name}`, () => {
    it('tiny_paged passes against the float64 reference at every harness size (prefill, chunk, decode)', async () => {
      const report = await verifyKernels([kernel], [backend], { seed: 7 });
      expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.case}: ${r.detail}`)).toEqual([]);
      expect(report.results.length).toBeGreaterThanOrEqual(5);
    }, 300_000);
  });
}
