/** @file The files of the user project that test/package/pack-install.test.ts makes: two specs, a script and a typed caller. */

/** A sliding-window attention kernel (2 heads, seq 64, head_dim 16). */
export const SPARSE_SPEC = `pattern sliding(window: int) = causal && q - k < window
kernel local_attn = attention(sliding(window = 8)) { heads = 2; head_dim = 16; seq = 64 }
`;

/** The same kind of kernel written with the TypeScript builder, imported from the installed 'sparsec'. */
export const TS_SPEC = `import { pattern, kernel, causal, q, k, int } from 'sparsec';
export const sinks = pattern('sinks', { sinks: int(2), window: int(8) },
  ({ sinks, window }) => causal.and(k.lt(sinks).or(q.sub(k).lt(window))));
export const tsAttn = kernel.attention('ts_attn', sinks({ window: 4 }), { heads: 2, headDim: 16, seq: 32 });
`;

/**
 * Loads local_attn with 2 worker threads, runs it into a NaN-poisoned output, compares with a float64 reference
 * and prints {maxErr, nan, threads} as JSON. It never calls dispose(): the process must end by itself.
 * `threads` counts the worker threads alive while the kernel runs.
 */
export const RUN_SCRIPT = `import { local_attn } from './kernels/index.js';
const [H, S, D, W] = [2, 64, 16, 8];
let seed = 7;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
const fill = (n) => Float32Array.from({ length: n }, rand);
const [q, k, v] = [fill(H * S * D), fill(H * S * D), fill(H * S * D)];
const attn = await local_attn.load('wasm', { threads: 2 });
const out = new Float32Array(H * S * D).fill(NaN);
const running = attn.run({ q, k, v }, { out });
// runs are queued, so the workers start a few microtasks later: sample the live worker ports until the run settles
let ports = 0;
let settled = false;
running.finally(() => { settled = true; });
for (let i = 0; i < 1000 && !settled; i++) {
  ports = Math.max(ports, process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length);
  await Promise.resolve();
}
const threads = 1 + ports;
await running;
let maxErr = 0;
let nan = 0;
for (let h = 0; h < H; h++) {
  for (let i = 0; i < S; i++) {
    const keys = [];
    for (let j = Math.max(0, i - W + 1); j <= i; j++) keys.push(j);
    const s = keys.map((j) => {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += q[(h * S + i) * D + d] * k[(h * S + j) * D + d];
      return dot / Math.sqrt(D);
    });
    const m = Math.max(...s);
    const p = s.map((x) => Math.exp(x - m));
    const z = p.reduce((a, b) => a + b, 0);
    for (let d = 0; d < D; d++) {
      let o = 0;
      keys.forEach((j, n) => { o += (p[n] / z) * v[(h * S + j) * D + d]; });
      const got = out[(h * S + i) * D + d];
      if (Number.isNaN(got)) nan++;
      else maxErr = Math.max(maxErr, Math.abs(got - o));
    }
  }
}
console.log(JSON.stringify({ maxErr, nan, threads, loaded: attn.threads }));
`;

/** A typed caller (an ES module: `.mts` in a CommonJS project) of both libraries' kernels; the wrong input type must be an error the compiler catches. */
export const TS_CALLER = `import { local_attn, ts_attn, type LocalAttnInputs } from './kernels/index.js';
const inputs: LocalAttnInputs = { q: new Float32Array(2048), k: new Float32Array(2048), v: new Float32Array(2048) };
const cpu = await local_attn.load('wasm', { threads: 2 });
const { out } = await cpu.run(inputs);
const gpu = await ts_attn.load('webgpu');
const o2: Float32Array = (await gpu.run({ q: new Float32Array(1024), k: new Float32Array(1024), v: new Float32Array(1024) })).out;
// @ts-expect-error q must be a Float32Array
await cpu.run({ ...inputs, q: new Int32Array(2048) });
await cpu.dispose();
export { out, o2 };
`;
