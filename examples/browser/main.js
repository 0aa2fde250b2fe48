// @file The browser demo: imports the generated library (`sparsec build --target webgpu`, served as ./lib/),
// runs its sparse attention and sparse gemm kernels with `load('webgpu')`, checks both against a float64
// reference computed in the page, and draws the attention mask. The outcome is left in window.__sparsec.
import { demo_attention, demo_gemm } from './lib/index.js';

const $ = (id) => document.getElementById(id);
const log = (msg) => { $('log').textContent += `${msg}\n`; };

/** A small seeded generator (mulberry32), so every run sees the same inputs. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randomArray = (n, next) => Float32Array.from({ length: n }, () => next() * 2 - 1);

/** Dense float64 attention over the mask bitmap [batch, heads, q_len, kv_len]. */
function referenceAttention(s, mask, q, k, v) {
  const out = new Float64Array(s.batch * s.heads * s.q_len * s.head_dim);
  const group = s.heads / s.kv_heads;
  const scale = 1 / Math.sqrt(s.head_dim);
  for (let b = 0; b < s.batch; b++) for (let h = 0; h < s.heads; h++) for (let i = 0; i < s.q_len; i++) {
    const row = ((b * s.heads + h) * s.q_len + i);
    const kvh = Math.floor(h / group);
    const scores = [];
    for (let j = 0; j < s.kv_len; j++) {
      if (!mask[row * s.kv_len + j]) continue;
      let dot = 0;
      for (let d = 0; d < s.head_dim; d++) dot += q[row * s.head_dim + d] * k[((b * s.kv_heads + kvh) * s.kv_len + j) * s.head_dim + d];
      scores.push([j, dot * scale]);
    }
    if (scores.length === 0) continue;
    const m = Math.max(...scores.map(([, x]) => x));
    let sum = 0;
    for (const [, x] of scores) sum += Math.exp(x - m);
    for (const [j, x] of scores) {
      const p = Math.exp(x - m) / sum;
      for (let d = 0; d < s.head_dim; d++) out[row * s.head_dim + d] += p * v[((b * s.kv_heads + kvh) * s.kv_len + j) * s.head_dim + d];
    }
  }
  return out;
}

function maxAbsDiff(a, b) {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return Number.isNaN(m) ? Infinity : m;
}

function drawMask(s, mask) {
  const canvas = $('mask');
  const ctx = canvas.getContext('2d');
  const cell = Math.max(1, Math.floor(canvas.width / Math.max(s.q_len, s.kv_len)));
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1f5fbf';
  for (let i = 0; i < s.q_len; i++) for (let j = 0; j < s.kv_len; j++) if (mask[i * s.kv_len + j]) ctx.fillRect(j * cell, i * cell, cell, cell);
}

/** The demo kernel's mask (sinks 4, window 16, causal) as a bitmap [batch, heads, q_len, kv_len], for the reference. */
function demoMask(s) {
  const mask = new Uint8Array(s.batch * s.heads * s.q_len * s.kv_len);
  for (let r = 0; r < s.batch * s.heads; r++) for (let i = 0; i < s.q_len; i++) for (let j = 0; j <= i; j++) {
    if (j < 4 || i - j < 16) mask[(r * s.q_len + i) * s.kv_len + j] = 1;
  }
  return mask;
}

/** A poisoned output array: every element the kernel fails to write stays NaN and fails the check. */
const poisoned = (n) => new Float32Array(n).fill(NaN);

async function runAttention() {
  const s = { batch: 1, heads: 2, kv_heads: 1, q_len: 64, kv_len: 64, head_dim: 16 };
  const next = rng(7);
  const q = randomArray(s.batch * s.heads * s.q_len * s.head_dim, next);
  const k = randomArray(s.batch * s.kv_heads * s.kv_len * s.head_dim, next);
  const v = randomArray(s.batch * s.kv_heads * s.kv_len * s.head_dim, next);
  const attn = await demo_attention.load('webgpu');
  const t0 = performance.now();
  const { out } = await attn.run({ q, k, v }, { out: poisoned(s.batch * s.heads * s.q_len * s.head_dim) });
  const ms = performance.now() - t0;
  const mask = demoMask(s);
  const err = maxAbsDiff(out, referenceAttention(s, mask, q, k, v));
  drawMask(s, mask);
  let rejected = '';
  await attn.run({ q: q.subarray(0, 10), k, v }).catch((e) => { rejected = e.message; });
  await attn.dispose();
  return { name: 'demo_attention', variant: attn.variant, maxAbsErr: err, pass: err < 1e-4, ms, rejected };
}

async function runGemm() {
  const [m, n, k] = [8, 32, 64];
  const next = rng(5);
  const x = randomArray(m * k, next);
  // a 2:4 sparse weight: in every group of 4 along k, keep two
  const w = Float32Array.from({ length: n * k }, (_, i) => (((i >> 2) + i) % 4 < 2 ? next() * 2 - 1 : 0));
  const gemm = await demo_gemm.load('webgpu');
  const t0 = performance.now();
  const { y } = await gemm.run({ x, w }, { y: poisoned(m * n) });
  const ms = performance.now() - t0;
  const ref = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let acc = 0;
    for (let t = 0; t < k; t++) acc += x[i * k + t] * w[j * k + t];
    ref[i * n + j] = acc;
  }
  const err = maxAbsDiff(y, ref);
  await gemm.dispose();
  return { name: 'demo_gemm', variant: gemm.variant, maxAbsErr: err, pass: err < 1e-4 * Math.sqrt(k), ms };
}

function show(id, r) {
  $(`${id}-status`).textContent = r.pass ? 'PASS' : 'FAIL';
  $(`${id}-status`).className = r.pass ? 'pass' : 'fail';
  $(`${id}-note`).textContent = `${r.name} (${r.variant}): max |error| ${r.maxAbsErr.toExponential(2)} against the float64 reference, ${r.ms.toFixed(1)} ms`;
}

async function main() {
  const result = { ok: false };
  window.__sparsec = result;
  try {
    if (!navigator.gpu) throw new Error('navigator.gpu is missing (WebGPU is off in this browser)');
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter) throw new Error('no WebGPU adapter');
    const info = adapter.info ?? {};
    $('adapter').textContent = `adapter: ${info.vendor ?? ''} ${info.architecture ?? ''} ${info.description ?? ''}`.trim();
    result.attention = await runAttention();
    result.rejected = result.attention.rejected;
    log(`a Q of 10 elements is refused before running: ${result.rejected}`);
    show('attention', result.attention);
    result.gemm = await runGemm();
    show('gemm', result.gemm);
    result.ok = result.attention.pass && result.gemm.pass;
  } catch (err) {
    result.error = String(err && err.message ? err.message : err);
    log(`error: ${result.error}`);
  } finally {
    result.done = true;
  }
}

main();
