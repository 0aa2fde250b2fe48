/** @file `sparsec build`: deterministic and atomic output, typed wrappers, input checks, and committed `generated/` up to date. */
import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { buildLibraryFiles } from '../../src/build/index.js';
import { webgpuVariants } from '../../src/build/webgpu.js';
import { runBuild } from '../../src/cli/commands/build.js';
import { loadAndCheck } from '../../src/cli/frontend-run.js';
import type { Io } from '../../src/cli/io.js';
import { defineAttention, defineGemm } from '../../src/runtime/library/handles.js';
import type { KernelManifest } from '../../src/runtime/library/manifest.js';

const SPEC = `
pattern doc_causal(doc: i32[kv_len]) = causal && doc[q] == doc[k]
kernel tiny_doc = attention(doc_causal) { heads = 2; head_dim = 8; seq = dynamic; outputs = out, lse }
kernel tiny_gemm = gemm { m = dynamic; n = 8; k = 16; weight = nm(2, 4) }
`;

const quietIo = (): Io & { errors: string[] } => {
  const errors: string[] = [];
  return { out: () => undefined, err: (t) => void errors.push(t), interactive: false, errors };
};

async function specDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sparsec-build-'));
  await writeFile(join(dir, 'k.sparse'), SPEC);
  return dir;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort()) out[f] = (await readFile(join(dir, f))).toString('base64');
  return out;
}

describe('sparsec build', () => {
  it('is deterministic: two builds give the same bytes', async () => {
    const dir = await specDir();
    const { kernels } = await loadAndCheck([dir]);
    const a = buildLibraryFiles(kernels, { cwd: dir, targets: ['webgpu', 'wasm'] });
    const b = buildLibraryFiles(kernels, { cwd: dir, targets: ['wasm', 'webgpu'] });
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, bytes] of a) expect(Buffer.from(b.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
    expect([...a.keys()]).toContain('tiny_doc.wasm');
    expect([...a.keys()]).toContain('tiny_doc.webgpu.json');
    expect([...a.keys()]).toContain('index.d.ts');
  });

  it('writes per target a manifest section with that target\'s own tiles', async () => {
    const dir = await specDir();
    const { kernels } = await loadAndCheck([dir]);
    const both = buildLibraryFiles(kernels, { cwd: dir, targets: ['wasm', 'webgpu'] });
    const m = JSON.parse(both.get('tiny_doc.manifest.json') as string) as KernelManifest;
    expect(m.format).toBe(2);
    expect(m.targets).toEqual(['wasm', 'webgpu']);
    expect(m.source.file).toBe('k.sparse');
    expect([m.wasm?.walk, m.webgpu?.walk]).toEqual(['plan', 'plan']);
    expect([m.webgpu?.schedule.tile_q, m.webgpu?.schedule.tile_k]).toEqual([16, 32]);
    expect([m.wasm?.schedule.tile_q, m.wasm?.schedule.tile_k]).not.toEqual([16, 32]);
    expect(m.webgpu?.variants).toEqual([{ file: 'tiny_doc.subgroups.webgpu.json', requires: ['subgroups'] }, { file: 'tiny_doc.webgpu.json', requires: [] }]);
    const artifact = JSON.parse(both.get('tiny_doc.webgpu.json') as string) as { format: string; wgsl: string; inputs: { name: string }[] };
    expect(artifact.format).toBe('sparsec-wgsl-1');
    expect(artifact.wgsl).toMatch(/@compute/);
    expect(artifact.inputs.map((i) => i.name)).toEqual(expect.arrayContaining(['q', 'k', 'v', 'doc', 'plan.rowptr']));
    expect(both.get('tiny_doc.d.ts')).toMatch(/KernelHandle<LoadedAttention<TinyDocInputs, TinyDocOutputs>, 'wasm' \| 'webgpu'>/);
    const gpu = buildLibraryFiles(kernels, { cwd: dir, targets: ['webgpu'] });
    expect([...gpu.keys()].filter((f) => f.endsWith('.wasm'))).toEqual([]);
    const g = JSON.parse(gpu.get('tiny_gemm.manifest.json') as string) as KernelManifest;
    expect([g.targets, 'wasm' in g, g.webgpu?.walk]).toEqual([['webgpu'], false, 'none']);
    // every feature variant is printed; those whose shader does not use a feature (tiny_doc is f32: no f16 tile) are not written
    expect(webgpuVariants(kernels.find((k) => k.name === 'tiny_doc')!).map((v) => [v.file, v.requires])).toEqual([
      ['tiny_doc.shader-f16.subgroups.webgpu.json', ['shader-f16', 'subgroups']], ['tiny_doc.subgroups.webgpu.json', ['subgroups']],
      ['tiny_doc.shader-f16.webgpu.json', ['shader-f16']], ['tiny_doc.webgpu.json', []],
    ]);
    expect([...gpu.keys()].filter((f) => f.startsWith('tiny_doc.') && f.endsWith('.webgpu.json'))).toEqual(['tiny_doc.subgroups.webgpu.json', 'tiny_doc.webgpu.json']);
  });

  it('is atomic: a failing build leaves the output folder as it was', async () => {
    const dir = await specDir();
    const out = join(dir, 'gen');
    expect(await runBuild([dir], { out, cwd: dir }, quietIo())).toBe(0);
    const before = await snapshot(out);
    await writeFile(join(dir, 'bad.sparse'), 'kernel broken = attention(causal) { heads = 2; head_dim = dynamic; seq = 16 }\n');
    const io = quietIo();
    expect(await runBuild([dir], { out, cwd: dir }, io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/static head_dim/);
    expect(await runBuild([dir], { out, cwd: dir, target: ['wasm,webgpu'] }, quietIo())).toBe(1);
    await writeFile(join(dir, 'bad.sparse'), 'pattern p = causal &&\n');
    expect(await runBuild([dir], { out, cwd: dir }, quietIo())).toBe(1);
    expect(await snapshot(out)).toEqual(before);
  });

  it('generated kernels check their inputs before running and compute', async () => {
    const dir = await specDir();
    const out = join(dir, 'gen');
    await mkdir(out);
    expect(await runBuild([dir], { out, cwd: dir }, quietIo())).toBe(0);
    const attn = await defineAttention('tiny_doc', pathToFileURL(join(out, 'tiny_doc.manifest.json'))).load('wasm');
    const [S, H, D] = [20, 2, 8];
    const q = new Float32Array(H * S * D).fill(0.5);
    const k = new Float32Array(H * S * D).fill(0.25);
    const v = new Float32Array(H * S * D).map((_, i) => i % 7);
    const doc = new Int32Array(S);
    const res = await attn.run({ q, k, v, doc });
    // equal scores: row 0 sees only key 0, so O[0, 0, :] = V[0, 0, :]
    expect(Array.from(res.out.subarray(0, D))).toEqual(Array.from(v.subarray(0, D)));
    expect(res.lse?.length).toBe(H * S);
    await expect(attn.run({ q, k, v })).rejects.toThrow(/runtime input 'doc' is missing/);
    await expect(attn.run({ q, k, v, doc: new Int32Array(S - 1) })).rejects.toThrow(/'doc' has 19 elements, expected 20/);
    await expect(attn.run({ q, k, v: v.subarray(1), doc })).rejects.toThrow(/input 'v' has/);
    await expect(attn.run({ q, k, v, doc: new Float32Array(S) as unknown as Int32Array })).rejects.toThrow(/must be a Int32Array/);
    const plan = attn.plan({ doc, sizes: { qLen: S, kvLen: S } });
    expect(plan?.numQTiles).toBeGreaterThan(0);
    await attn.dispose();
    const g = await defineGemm('tiny_gemm', pathToFileURL(join(out, 'tiny_gemm.manifest.json'))).load('wasm');
    const w = new Float32Array(8 * 16).map((_, i) => (i % 4 < 2 ? 1 : 0));
    const y = await g.run({ x: new Float32Array(3 * 16).fill(1), w });
    expect(Array.from(y.y)).toEqual(new Array(24).fill(8));
    await expect(g.run({ x: new Float32Array(3 * 16), w: new Float32Array(8 * 16).fill(1) })).rejects.toThrow(/nonzeros|group/);
    await expect(g.run({ x: new Float32Array(17), w })).rejects.toThrow(/m is dynamic and cannot be inferred/);
    await expect(g.run({ x: new Float32Array(17), w, sizes: { m: 2 } })).rejects.toThrow(/input 'x' has 17 elements, expected 32/);
  });

  it('refuses targets it cannot build', async () => {
    await expect(runBuild(['dsl/'], { target: ['interp'] }, quietIo())).rejects.toThrow(/cannot write target interp/);
  });
});

describe('committed generated/', () => {
  const root = resolve(import.meta.dirname, '../..');

  it('type-checks: the wrappers and a caller using them', () => {
    const caller = join(root, 'generated', '.typing-check.ts');
    const text = `import { gqa_prefill, maskllm_up_24 } from './index.js';
const a = await gqa_prefill.load('wasm');
const r = await a.run({ q: new Float32Array(1), k: new Float32Array(1), v: new Float32Array(1) });
const o: Float32Array = r.out;
const g = await maskllm_up_24.load('wasm');
const y: Float32Array = (await g.run({ x: new Float32Array(1), w: new Float32Array(1) })).y;
// @ts-expect-error the committed library is built for wasm only
await a.load('webgpu');
// @ts-expect-error q must be a Float32Array
await a.run({ q: new Int32Array(1), k: new Float32Array(1), v: new Float32Array(1) });
export { o, y };
`;
    const host = ts.createCompilerHost({});
    const readFile = host.readFile.bind(host);
    host.readFile = (f) => (resolve(f) === caller ? text : readFile(f));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (f) => resolve(f) === caller || fileExists(f);
    const program = ts.createProgram([caller], {
      module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
      strict: true, noEmit: true, skipLibCheck: true, types: ['node'],
    }, host);
    const diags = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diags).toEqual([]);
  });

  it('rebuilding dsl/ changes nothing', async () => {
    const { kernels, ok } = await loadAndCheck([join(root, 'dsl')]);
    expect(ok).toBe(true);
    const files = buildLibraryFiles(kernels, { cwd: root });
    const committed = (await readdir(join(root, 'generated'))).filter((f) => !f.startsWith('.')).sort();
    expect(committed).toEqual([...files.keys()].sort());
    for (const [name, bytes] of files) {
      const disk = await readFile(join(root, 'generated', name));
      expect(disk.equals(Buffer.from(bytes)), `generated/${name} is stale: run sparsec build dsl/`).toBe(true);
    }
  }, 180_000);
});
