/**
 * @file The generated library's guard rails: which targets a library holds (and the build command a missing
 * one needs), inputs rejected on webgpu before any GPU buffer is made, and kernels with a dynamic head_dim
 * (webgpu variants for head_dim 64 and 128, checked against the float64 reference; other sizes refused).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands/build.js';
import { loadAndCheck } from '../../src/cli/frontend-run.js';
import type { Io } from '../../src/cli/io.js';
import { runAttentionCase } from '../../src/harness/cases.js';
import type { AttentionKernel, AttentionSizes } from '../../src/model/kernel.js';
import { referenceAttention } from '../../src/reference/attention.js';
import { Rng, randomAttentionInputs } from '../../src/reference/random.js';
import type { KernelManifest } from '../../src/runtime/library/manifest.js';
import { nodeDevice } from '../../src/runtime/webgpu/node-device.js';
import { skipTarget } from '../support/targets.js';
import { importLibrary, libraryHome, libraryTarget, type AnyHandle } from './library-target.js';

const SPEC = `
pattern doc_causal(doc: i32[kv_len]) = causal && doc[q] == doc[k]
kernel tiny_doc = attention(doc_causal) { heads = 2; head_dim = 8; seq = dynamic; outputs = out, lse }
kernel tiny_gemm = gemm { m = dynamic; n = 8; k = 16; weight = nm(2, 4) }
kernel dyn_dim = attention(causal) { heads = 2; kv_heads = 1; head_dim = dynamic; seq = dynamic; outputs = out, lse }
`;

const quietIo = (): Io & { lines: string[] } => {
  const lines: string[] = [];
  return { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive: false, lines };
};

let home: string;
/** Builds `kernels` of SPEC for `target` into `home/name`; returns the folder. */
async function build(name: string, target: string, kernels: string): Promise<string> {
  const out = join(home, name);
  const io = quietIo();
  expect(await runBuild([join(home, 'k.sparse')], { target: [target], kernel: [kernels], out, cwd: home }, io), io.lines.join('\n')).toBe(0);
  return out;
}

const manifestOf = async (dir: string, kernel: string): Promise<KernelManifest> => JSON.parse(await readFile(join(dir, `${kernel}.manifest.json`), 'utf8')) as KernelManifest;

beforeAll(async () => {
  home = await libraryHome();
  await writeFile(join(home, 'k.sparse'), SPEC);
});

describe('which targets a library holds', () => {
  it('a wasm-only library refuses load(webgpu) naming the build command, and a webgpu-only one load(wasm)', async () => {
    const wasmOnly = await build('wasm-only', 'wasm', 'tiny_doc');
    expect((await manifestOf(wasmOnly, 'tiny_doc')).targets).toEqual(['wasm']);
    const lib = await importLibrary(wasmOnly);
    await expect(lib['tiny_doc']!.load('webgpu')).rejects.toThrow(/target 'webgpu' is not built into this library \(built: wasm\); rebuild it with `sparsec build k\.sparse --target wasm,webgpu`/);
    await expect(lib['tiny_doc']!.load('interp' as never)).rejects.toThrow(/unknown target 'interp'/);
    await expect(lib['tiny_doc']!.load('cuda')).rejects.toThrow(/target 'cuda' is not built into this library \(built: wasm\)/);

    const gpuOnly = await build('gpu-only', 'webgpu', 'tiny_doc');
    const m = await manifestOf(gpuOnly, 'tiny_doc');
    expect(m.targets).toEqual(['webgpu']);
    expect(m.wasm).toBeUndefined();
    expect(m.webgpu?.variants).toEqual([{ file: 'tiny_doc.subgroups.webgpu.json', requires: ['subgroups'] }, { file: 'tiny_doc.webgpu.json', requires: [] }]);
    expect(m.webgpu?.walk).toBe('plan');
    await expect((await importLibrary(gpuOnly))['tiny_doc']!.load('wasm')).rejects.toThrow(/rebuild it with `sparsec build k\.sparse --target wasm,webgpu`/);
  });

  it('wasm cannot build a dynamic head_dim, and says that webgpu can', async () => {
    const io = quietIo();
    expect(await runBuild([join(home, 'k.sparse')], { target: ['wasm,webgpu'], kernel: ['dyn_dim'], out: join(home, 'never'), cwd: home }, io)).toBe(1);
    expect(io.lines.join('\n')).toMatch(/wasm builds need a static head_dim and value_dim \(--target webgpu builds head_dim 64 and 128 variants\)/);
  });
});

const device = await nodeDevice();
const skip = skipTarget('webgpu', device.ok, device.ok ? '' : device.reason);

describe.skipIf(skip)('webgpu: inputs are checked before any GPU work', () => {
  let lib: Record<string, AnyHandle>;
  beforeAll(async () => {
    lib = await importLibrary(await build('both', 'wasm,webgpu', 'tiny_doc,tiny_gemm'));
  });

  it('rejects bad attention and gemm inputs with the wasm messages, making no buffer', async () => {
    const gpu = (device as { device: GPUDevice }).device;
    // The device is passed in (options.device), so the buffers counted below are the kernels' own.
    const attn = await lib['tiny_doc']!.load('webgpu', { device: gpu });
    const onWasm = await lib['tiny_doc']!.load('wasm');
    const gemm = await lib['tiny_gemm']!.load('webgpu', { device: gpu });
    const [S, H, D] = [20, 2, 8];
    const q = new Float32Array(H * S * D).fill(0.5);
    const v = new Float32Array(H * S * D).map((_, i) => i % 7);
    const doc = new Int32Array(S);
    const wasmPlan = (onWasm as unknown as { plan(i: unknown): unknown }).plan({ doc, sizes: { qLen: S, kvLen: S } });
    const w = new Float32Array(8 * 16).map((_, i) => (i % 4 < 2 ? 1 : 0));
    const createBuffer = gpu.createBuffer;
    let buffers = 0;
    gpu.createBuffer = (d: GPUBufferDescriptor) => {
      buffers++;
      return createBuffer.call(gpu, d);
    };
    try {
      await expect(attn.run({ q, k: q, v })).rejects.toThrow(/tiny_doc: runtime input 'doc' is missing/);
      await expect(attn.run({ q, k: q, v, doc: new Int32Array(S - 1) })).rejects.toThrow(/'doc' has 19 elements, expected 20/);
      await expect(attn.run({ q, k: q, v: v.subarray(1), doc })).rejects.toThrow(/input 'v' has 319 elements/);
      await expect(attn.run({ q: new Int32Array(q.length), k: q, v, doc })).rejects.toThrow(/input 'q' must be a Float32Array, got Int32Array/);
      await expect(attn.run({ q, k: q, v, doc: new Float32Array(S) })).rejects.toThrow(/'doc' must be a Int32Array/);
      await expect(attn.run({ q, k: q, v, doc, sizes: { qLen: 19 } })).rejects.toThrow(/input 'q' has 320 elements, expected 304/);
      await expect(attn.run({ q, k: q, v, doc, plan: wasmPlan })).rejects.toThrow(/plan given was built for 32x64 tiles, this target walks 16x32 tiles/);
      await expect(attn.run({ q, k: q, v, doc }, { out: new Float32Array(3) })).rejects.toThrow(/output 'out' has 3 elements, expected 320/);
      await expect(gemm.run({ x: new Float32Array(3 * 16), w: new Float32Array(8 * 16).fill(1) })).rejects.toThrow(/nonzeros|group/);
      await expect(gemm.run({ x: new Float32Array(17), w })).rejects.toThrow(/m is dynamic and cannot be inferred/);
      expect(buffers).toBe(0);
      const { out, lse } = (await attn.run({ q, k: q, v, doc })) as { out: Float32Array; lse: Float32Array };
      expect(buffers).toBeGreaterThan(0);
      // equal scores: row 0 sees only key 0, so O[0, 0, :] = V[0, 0, :]; lse of row 0 is its one score
      expect(Array.from(out.subarray(0, D))).toEqual(Array.from(v.subarray(0, D)));
      expect(lse[0]).toBeCloseTo((0.5 * 0.5 * D) / Math.sqrt(D), 5);
      const { y } = (await gemm.run({ x: new Float32Array(3 * 16).fill(1), w })) as { y: Float32Array };
      expect(Array.from(y)).toEqual(new Array(24).fill(8));
    } finally {
      gpu.createBuffer = createBuffer;
      await Promise.all([attn.dispose(), onWasm.dispose(), gemm.dispose()]);
    }
  });
});

describe.skipIf(skip)('webgpu: a dynamic head_dim', () => {
  it('builds head_dim 64 and 128 variants, runs both against the reference and refuses other sizes', async () => {
    const dir = await build('dyn', 'webgpu', 'dyn_dim');
    const m = await manifestOf(dir, 'dyn_dim');
    expect(m.webgpu?.variants).toEqual([
      { file: 'dyn_dim.d64.subgroups.webgpu.json', requires: ['subgroups'], dims: { headDim: 64, valueDim: 64 } },
      { file: 'dyn_dim.d64.webgpu.json', requires: [], dims: { headDim: 64, valueDim: 64 } },
      { file: 'dyn_dim.d128.subgroups.webgpu.json', requires: ['subgroups'], dims: { headDim: 128, valueDim: 128 } },
      { file: 'dyn_dim.d128.webgpu.json', requires: [], dims: { headDim: 128, valueDim: 128 } },
    ]);
    // SwiftShader's device has `subgroups` (and no shader-f16): the loader takes the subgroups variant of each head_dim
    const loaded = await (await importLibrary(dir))['dyn_dim']!.load('webgpu');
    expect(loaded.variant).toBe('dyn_dim.d64.subgroups.webgpu.json, dyn_dim.d128.subgroups.webgpu.json');
    await loaded.dispose();
    const kernel = (await loadAndCheck([join(home, 'k.sparse')])).kernels.find((k) => k.name === 'dyn_dim') as AttentionKernel;
    const compiled = await libraryTarget(await importLibrary(dir), 'webgpu').compile(kernel);
    for (const d of [64, 128]) {
      const sizes: AttentionSizes = { batch: 1, heads: 2, kvHeads: 1, headDim: d, valueDim: d, qLen: 37, kvLen: 45 };
      const inputs = randomAttentionInputs(kernel, sizes, new Rng(d));
      const reference = referenceAttention(kernel, sizes, inputs);
      const outcome = await runAttentionCase(compiled, { kernel, sizes, inputs, reference, checkedRows: new Uint8Array(2 * 37).fill(1), note: '' });
      expect(outcome.detail).toBe('');
      expect(outcome.pass).toBe(true);
    }
    const odd = new Float32Array(2 * 37 * 96);
    const kv = new Float32Array(45 * 96);
    const sizes96: AttentionSizes = { batch: 1, heads: 2, kvHeads: 1, headDim: 96, valueDim: 96, qLen: 37, kvLen: 45 };
    await expect(compiled.runAttention!(sizes96, { q: odd, k: kv, v: kv, runtime: {} }, { out: new Float32Array(2 * 37 * 96), lse: new Float32Array(74) })).rejects.toThrow(/head_dim is dynamic and the input lengths fit none of the head_dim this library was built for \(64, 128\)/);
    const again = await (await importLibrary(dir))['dyn_dim']!.load('webgpu');
    await expect(again.run({ q: odd, k: kv, v: kv, sizes: { headDim: 96 } })).rejects.toThrow(/variants for head_dim 64, 128 only; got sizes.headDim = 96/);
    await again.dispose();
    await compiled.dispose?.();
  });
});
