// @file The process the sanitizer fuzz test starts with AddressSanitizer / UndefinedBehaviorSanitizer preloaded:
// `node sanitize-child.mjs LIBDIR CALLS SEED [KERNEL]` loads the generated library's neon kernels (their shared
// libraries rebuilt with -fsanitize=address,undefined) and makes CALLS hostile calls (forged plans and packed
// weights, wrong sizes and lengths, out-of-range runtime values, broken lists), as the runtime fuzz test does;
// prints one JSON line: calls rejected, calls run, and problems (an unclear error, an output written before one).
// A sanitizer report aborts the process with a nonzero status before that line.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FUZZ_KERNELS, hostileCalls, validCall } from './fuzz-kernels.mjs';

const [dir, callsText, seedText, only] = process.argv.slice(2);
const calls = Number(callsText);
let state = Number(seedText) >>> 0 || 1;
/** A uniform integer in [lo, hi) from a small LCG (the run must not depend on Math.random). */
const int = (lo, hi) => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return lo + Math.floor((state / 4294967296) * (hi - lo));
};
const pick = (xs) => xs[int(0, xs.length)];
const HOSTILE = [null, 0, -1, 1.5, 2 ** 31, NaN, 'x', [], new Float64Array(4), new Int32Array(3), new Uint8Array(0), new Float32Array(0), new Float32Array(1),
  { offsets: new Int32Array([0, 5]), values: new Int32Array(2) }, { offsets: new Int32Array([3, 1]), values: new Int32Array(3) }];
const EXTREME = [-1, 255, 2 ** 31 - 1, -(2 ** 31), 1000, 99];

/** One hostile variant of a valid call (the kinds of the runtime fuzz test that reach memory). */
function breakIt(inputs, loaded) {
  const out = { ...inputs };
  const key = pick(Object.keys(inputs));
  const v = out[key];
  switch (int(0, 7)) {
    case 0: out[key] = pick(HOSTILE); return out;
    case 1: if (ArrayBuffer.isView(v)) { out[key] = new v.constructor(Math.max(0, v.length + pick([-2, -1, 1, 3]))); return out; } // wrong length
      out.sizes = { ...out.sizes, [pick(['qLen', 'kvLen', 'batch', 'm'])]: pick([0, -1, 2 ** 31, 2 ** 31 - 1, 7, 64]) }; return out;
    case 2: if (v instanceof Int32Array) { const a = v.slice(); a[int(0, a.length)] = pick(EXTREME); out[key] = a; return out; }
      if (v && typeof v === 'object' && 'offsets' in v) { const o = v.offsets.slice(); const vals = v.values.slice(); if (int(0, 2)) vals[int(0, vals.length)] = pick(EXTREME); else o[int(0, o.length)] = int(-2, 9); out[key] = { offsets: o, values: vals }; }
      return out;
    case 3: case 4: { // a forged packed weight, or a plan made for other inputs and then forged
      if (out.w && !ArrayBuffer.isView(out.w)) {
        const w = { ...out.w };
        const field = pick(Object.keys(w));
        if (ArrayBuffer.isView(w[field]) && w[field].length > 0) { const a = w[field].slice(); a[int(0, a.length)] = pick(EXTREME); w[field] = a; } else w[field] = pick(HOSTILE);
        out.w = w; return out;
      }
      if (!loaded.plan) return out;
      const runtime = Object.fromEntries(Object.entries(inputs).filter(([k]) => !['q', 'k', 'v', 'plan'].includes(k)));
      let made = null;
      try {
        made = loaded.plan({ ...runtime, sizes: { qLen: 20, kvLen: 20, ...(inputs.sizes ?? {}) } });
      } catch {
        return out; // plan(...) refuses what it cannot plan for: nothing to forge
      }
      if (!made) return out;
      const plan = { ...made };
      const field = pick(Object.keys(plan).filter((f) => ArrayBuffer.isView(plan[f]) && plan[f].length > 0));
      if (field) { const a = plan[field].slice(); a[int(0, a.length)] = pick(EXTREME); plan[field] = a; }
      out.plan = plan; return out;
    }
    case 5: out.plan = { tileQ: 16, tileK: 16, numQTiles: 2, numKTiles: 2, bShared: true, hShared: true, hCount: 1, rowPtr: Int32Array.from([0, 2, 4]), kTiles: Int32Array.from([0, 9, 0, 1]), full: new Uint8Array(4).fill(1) }; return out;
    default: return out; // control: a valid call runs
  }
}

const lib = await import(pathToFileURL(join(dir, 'index.js')).href);
const loaded = {};
for (const k of only ? [only] : FUZZ_KERNELS) loaded[k] = await lib[k].load('neon');
// NOTE: the first call of each kernel is a valid one, so that every kernel runs at least once.
const n = Object.keys(loaded).length;
const tally = await hostileCalls(loaded, calls, (i, name) => ({ inputs: i < n ? validCall(name, loaded[name]) : breakIt(validCall(name, loaded[name]), loaded[name]), what: 'hostile' }));
for (const k of Object.keys(loaded)) await loaded[k].dispose();
console.log(JSON.stringify(tally));
