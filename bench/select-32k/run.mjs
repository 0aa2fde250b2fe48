// select_32k by hand, kept for reference: `npx sparsec bench --case select_32k [--target webgpu] [--quick] [--json]` (src/bench/select.ts) is the maintained case. Selector kernel + attention vs a host JS estimator (same rule) + the same attention; wasm, 1 thread. Build first: npx sparsec build bench/select-32k/pair.sparse --target wasm --out bench/select-32k/lib
import { e2e_attention, e2e_select } from './lib/index.js';
const S = 32768, H = 8, D = 64, B = 64, nb = S / B, TOPK = 4;
const rnd = (n) => { const a = new Float32Array(n); let s = 7; for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; a[i] = s / 4294967296 - 0.5; } return a; };
const q = rnd(H * S * D), k = rnd(H * S * D), v = rnd(H * S * D);
function hostSelect() {
  const sel = new Uint8Array(H * nb * nb); const scale = 1 / Math.sqrt(D);
  const pool = (x, h) => { const p = new Float32Array(nb * D); for (let r = 0; r < S; r++) { const o = (h * S + r) * D, b = (r / B | 0) * D; for (let d = 0; d < D; d++) p[b + d] += x[o + d]; } for (let i = 0; i < p.length; i++) p[i] /= B; return p; };
  const row = new Float32Array(nb);
  for (let h = 0; h < H; h++) {
    const pq = pool(q, h), pk = pool(k, h);
    for (let i = 0; i < nb; i++) {
      for (let j = 0; j <= i; j++) { let s = 0; for (let d = 0; d < D; d++) s += pq[i * D + d] * pk[j * D + d]; row[j] = s * scale; }
      const base = (h * nb + i) * nb; sel[base] = 1; sel[base + i] = 1;
      let cs = 0, cj = -1;
      for (let p = 0; p < Math.min(TOPK, i + 1); p++) { let bs = 0, bj = -1; for (let j = 0; j <= i; j++) { const s = row[j]; const after = cj < 0 || cs > s || (cs === s && cj < j); if (after && (bj < 0 || s > bs || (s === bs && j < bj))) { bs = s; bj = j; } } cs = bs; cj = bj; sel[base + bj] = 1; }
    }
  }
  return sel;
}
const es = await e2e_select.load('wasm', { threads: 1 }); const ea = await e2e_attention.load('wasm', { threads: 1 });
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const tHost = [], tSel = [], tEst = [], tSelOnly = [];
for (let r = 0; r < 3; r++) {
  let t = performance.now(); const hs = hostSelect(); const t1 = performance.now(); await ea.run({ q, k, v, sel: hs }); tHost.push(performance.now() - t); tEst.push(t1 - t);
  t = performance.now(); const { sel } = await es.run({ q, k }); const t2 = performance.now(); await ea.run({ q, k, v, sel }); tSel.push(performance.now() - t); tSelOnly.push(t2 - t);
  let diff = 0; for (let e = 0; e < sel.length; e++) diff += sel[e] !== hs[e]; if (r === 0) console.log(`layouts differ in ${diff} of ${sel.length} blocks; kept ${sel.reduce((a, b) => a + b, 0)}`);
}
tHost.shift(); tSel.shift(); tEst.shift(); tSelOnly.shift();
console.log(`host JS estimator + attention: ${med(tHost).toFixed(0)} ms (estimator ${med(tEst).toFixed(0)} ms); selector kernel + attention: ${med(tSel).toFixed(0)} ms (selector ${med(tSelOnly).toFixed(0)} ms); ratio host/selector ${(med(tHost) / med(tSel)).toFixed(2)}x; runs ${tHost.map(Math.round)} / ${tSel.map(Math.round)}`);
await es.dispose(); await ea.dispose();
