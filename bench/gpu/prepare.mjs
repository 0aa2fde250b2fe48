// @file Prepares bench/gpu/out/ on a machine with Node (after `npx tsc`): the CUDA source of every kernel in dsl/
// and bench/gpu/cases.sparse, the verify cases of dsl/ as packed launches with the outputs the host emulation
// computed (verify proved the emulation against the float64 reference on the same cases), and the run-time
// inputs and plans of the benchmark cases. The GPU machine then needs only nvcc, Python and PyTorch (run.py).
// Usage: node bench/gpu/prepare.mjs [--max-case-bytes N] [--only kernel,kernel] [--out DIR]
// (--only: those dsl/ kernels' verify cases only, for a quick local check; --out: another folder than bench/gpu/out)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dist = (p) => import(join(root, 'dist', p));
const { loadAndCheck } = await dist('cli/frontend-run.js');
const { verifySizes } = await dist('harness/sizes.js');
const { Rng, seedFrom, randomAttentionInputs, randomGemmInputs, randomRuntimeInputs } = await dist('reference/random.js');
const { compileCuda, needsSizes } = await dist('targets/cuda/target.js');
const { compileEmulated } = await dist('targets/cuda/emulate.js');
const { bindAttention, bindGemm } = await dist('targets/webgpu/bind.js');
const { encodeRun } = await dist('runtime/cuda/packed.js');

const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const maxCaseBytes = Number(option('--max-case-bytes') || 0) || 1 << 19;
const only = option('--only')?.split(',');
const out = option('--out') ? resolve(option('--out')) : join(root, 'bench/gpu/out');
rmSync(out, { recursive: true, force: true });
for (const d of ['kernels', 'cases', 'bench']) mkdirSync(join(out, d), { recursive: true });

/** Writes the .cu of a compiled kernel once; returns its entry in the index. */
const sources = new Map();
function source(artifact) {
  if (!sources.has(artifact.symbol)) {
    writeFileSync(join(out, 'kernels', `${artifact.symbol}.cu`), artifact.source);
    sources.set(artifact.symbol, {
      file: `kernels/${artifact.symbol}.cu`, symbol: artifact.symbol, threads: artifact.threads, workspacePerBlock: artifact.workspacePerBlock, params: artifact.params,
      path: artifact.path ?? 'simt',
    });
  }
  return sources.get(artifact.symbol);
}

const tag = (s) => (s ? `_d${s.headDim}v${s.valueDim}` : '');

// 1. verify cases of dsl/: packed launch + emulated outputs
const dsl = await loadAndCheck([join(root, 'dsl')]);
if (!dsl.ok) throw new Error('dsl/ has errors');
const cases = [];
for (const kernel of dsl.kernels.filter((k) => !only || only.includes(k.name))) {
  let taken = 0;
  for (const c of verifySizes(kernel)) {
    if (taken >= 3) break;
    const rng = new Rng(seedFrom(1, kernel.name, c.label));
    const dims = kernel.kind === 'attention' && needsSizes(kernel) ? c.sizes : undefined;
    const { pipeline, artifact } = compileCuda(kernel, dims, undefined, {}, `sparsec_${kernel.name}${tag(dims)}`);
    let values;
    let outputs;
    if (kernel.kind === 'attention') {
      const s = c.sizes;
      const inputs = randomAttentionInputs(kernel, s, rng, c.random);
      values = bindAttention(kernel, pipeline.walk, pipeline.schedule, s, inputs);
      outputs = { out: new Float32Array(s.batch * s.heads * s.qLen * s.valueDim).fill(NaN), lse: new Float32Array(s.batch * s.heads * s.qLen).fill(NaN) };
    } else {
      const s = c.sizes;
      const inputs = randomGemmInputs(kernel, s, rng, c.random);
      values = bindGemm(kernel, s, inputs);
      outputs = { y: new Float32Array(s.m * s.n).fill(NaN) };
    }
    const packed = encodeRun(artifact.params, values, outputs, 1);
    if (packed.length > maxCaseBytes) continue;
    // NOTE: the emulated binary of the untagged source (the one verify compiled) computes the same outputs.
    compileEmulated(dims ? compileCuda(kernel, dims).artifact : artifact).run(values, outputs);
    const id = `${kernel.name}.${cases.length}`;
    writeFileSync(join(out, 'cases', `${id}.in`), packed);
    const expected = {};
    for (const p of artifact.params.filter((x) => x.kind === 'out')) {
      writeFileSync(join(out, 'cases', `${id}.${p.name}.f32`), new Uint8Array(outputs[p.name].buffer));
      expected[p.name] = `cases/${id}.${p.name}.f32`;
    }
    cases.push({ kernel: kernel.name, case: c.label, dtype: kernel.dtype, source: source(artifact).symbol, input: `cases/${id}.in`, expected });
    taken++;
  }
  console.log(`prepared ${kernel.name}: ${taken} cases`);
}

// 2. benchmark cases: everything but Q / K / V (made on the GPU) as raw int32 files
const bench = await loadAndCheck([join(root, 'bench/gpu/cases.sparse')]);
const runs = [];
for (const kernel of bench.kernels) {
  for (const seq of [8192, 32768]) {
    const decode = kernel.qLen === 1;
    const sizes = { batch: 1, heads: kernel.heads, kvHeads: kernel.kvHeads, headDim: 128, valueDim: 128, qLen: decode ? 1 : seq, kvLen: seq };
    const { pipeline, artifact } = compileCuda(kernel, undefined, undefined, {}, `sparsec_${kernel.name}`);
    let runtime = {};
    if (kernel.name.includes('documents')) runtime = { doc: Int32Array.from({ length: seq }, (_, i) => Math.floor((i * 32) / seq)) };
    if (kernel.name.includes('blocks')) runtime = randomRuntimeInputs(kernel, sizes, new Rng(seedFrom(7, kernel.name, seq)), { density: 0.1, diagonalBlocks: true });
    const zeros = { q: new Float32Array(0), k: new Float32Array(0), v: new Float32Array(0), runtime };
    const values = bindAttention(kernel, pipeline.walk, pipeline.schedule, sizes, zeros);
    const params = {};
    for (const p of artifact.params) {
      if (['q', 'k', 'v', 'out', 'lse'].includes(p.name)) continue;
      const v = values.get(p.name);
      if (typeof v === 'number') params[p.name] = v;
      else {
        const file = `bench/${kernel.name}.${seq}.${p.name}.i32`;
        writeFileSync(join(out, file), new Uint8Array(Int32Array.from(v).buffer));
        params[p.name] = { file, length: v.length };
      }
    }
    runs.push({ kernel: kernel.name, seq, sizes, source: source(artifact).symbol, params, tile: [pipeline.schedule.tile_q, pipeline.schedule.tile_k] });
  }
}

writeFileSync(join(out, 'index.json'), `${JSON.stringify({ sources: [...sources.values()], cases, bench: runs }, null, 1)}\n`);
console.log(`${out}: ${sources.size} sources, ${cases.length} verify cases, ${runs.length} benchmark runs`);
