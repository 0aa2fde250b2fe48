/**
 * @file Runtime fuzzing of generated kernels: hostile inputs (wrong lengths, array types and keys, sizes 0, -1, 1.5
 * and 2^31, out-of-range runtime values, broken lists, forged plans and packed weights, bad output arrays) through
 * the generated library on wasm and webgpu. Every call either rejects with an Error naming the kernel before
 * anything runs (the output array handed in stays poisoned) or, for values that are merely unusual, runs.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { POISON_BITS, poison } from '../../src/harness/compare.js';
import { Rng } from '../../src/reference/random.js';
import { importLibrary, libraryHome, type AnyHandle } from '../library/library-target.js';
import { HAS_ADAPTER } from '../webgpu/helpers.js';
import { skipTarget } from '../support/targets.js';

const SPEC = `
pattern docs(doc: i32[kv_len]) = causal && doc[q] == doc[k]
kernel fz_doc = attention(docs) { heads = 2; kv_heads = 1; head_dim = 8; seq = dynamic; outputs = out, lse }
pattern picked(sel: list<i32>[batch, kv_heads]) = k in sel[b, kvh]
kernel fz_list = attention(picked) { batch = dynamic; heads = 2; head_dim = 8; q_len = 1; kv_len = dynamic }
pattern bl(blk: blocks<8, 8>, m: bool[q_len, kv_len]) = blk[b, h, qb(8), kb(8)] || m[qi, k]
kernel fz_blocks = attention(bl) { heads = 1; head_dim = 8; seq = 24 }
kernel fz_nm = gemm { m = dynamic; n = 8; k = 16; weight = nm(2, 4); bias = f32[n] }
kernel fz_csr = gemm { m = dynamic; n = 8; k = 16; weight = csr }
`;
const TARGETS = ['wasm', ...(skipTarget('webgpu', HAS_ADAPTER, 'no WebGPU adapter') ? [] : ['webgpu'])];
const CALLS: Record<string, number> = { wasm: 1000, webgpu: 300 };

let lib: Record<string, AnyHandle>;
beforeAll(async () => {
  const home = await libraryHome();
  await writeFile(join(home, 'k.sparse'), SPEC);
  const lines: string[] = [];
  const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), interactive: false };
  expect(await main(['build', join(home, 'k.sparse'), '--target', TARGETS.join(','), '--out', join(home, 'lib')], io), lines.join('\n')).toBe(0);
  lib = await importLibrary(join(home, 'lib'));
}, 180_000);

type Inputs = Record<string, unknown>;
const f32 = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin(i));

/** A valid call of each kernel (sizes small), to be broken. */
function valid(kernel: string, loaded: Record<string, any>): Inputs {
  switch (kernel) {
    case 'fz_doc': return { q: f32(2 * 20 * 8), k: f32(20 * 8), v: f32(20 * 8), doc: new Int32Array(20).map((_, i) => (i < 9 ? 0 : 1)) };
    case 'fz_list': return { q: f32(2 * 2 * 8), k: f32(2 * 2 * 30 * 8), v: f32(2 * 2 * 30 * 8), sel: { offsets: Int32Array.from([0, 3, 5, 5, 6]), values: Int32Array.from([1, 4, 29, 0, 7, 3]) }, sizes: { batch: 2, kvLen: 30 } };
    case 'fz_blocks': return { q: f32(24 * 8), k: f32(24 * 8), v: f32(24 * 8), blk: Uint8Array.from({ length: 9 }, (_, i) => i % 2), m: new Uint8Array(24 * 24) };
    case 'fz_nm': return { x: f32(3 * 16), w: loaded['pack'](f32(8 * 16).map((x, i) => (i % 4 < 2 ? x : 0))), bias: f32(8) };
    default: return { x: f32(3 * 16), w: loaded['pack'](f32(8 * 16).map((x, i) => (i % 3 === 0 ? x : 0))) };
  }
}

const HOSTILE_VALUES: readonly unknown[] = [
  null, undefined, 0, -1, 1.5, 2 ** 31, NaN, 'x', [], {}, [1, 2, 3], new Float64Array(4), new Int32Array(3), new Uint8Array(0),
  new Float32Array(0), new Float32Array(1), new Int16Array(8), { offsets: new Int32Array([0]), values: new Int32Array(0) },
  { offsets: new Int32Array([0, 5]), values: new Int32Array(2) }, { offsets: new Int32Array([3, 1]), values: new Int32Array(3) },
];

/** One hostile variant of a valid call. */
function breakIt(inputs: Inputs, rng: Rng): { inputs: Inputs; what: string } {
  const keys = Object.keys(inputs);
  const key = keys[rng.int(0, keys.length)]!;
  const out = { ...inputs };
  const v = out[key];
  switch (rng.int(0, 8)) {
    case 0: delete out[key]; return { inputs: out, what: `without ${key}` };
    case 1: out[`${key}x`] = v; return { inputs: out, what: `unknown key ${key}x` };
    case 2: { const h = HOSTILE_VALUES[rng.int(0, HOSTILE_VALUES.length)]; out[key] = h; return { inputs: out, what: `${key} = ${String(h)}` }; }
    case 3: {
      if (ArrayBuffer.isView(v)) { const a = v as Float32Array; const n = Math.max(0, a.length + rng.int(-2, 3) || 1); out[key] = new (a.constructor as Float32ArrayConstructor)(n === a.length ? n + 1 : n); return { inputs: out, what: `${key} length ${n}` }; }
      out['sizes'] = { ...(out['sizes'] as object), [['qLen', 'kvLen', 'batch', 'm'][rng.int(0, 4)]!]: [0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, NaN][rng.int(0, 6)] };
      return { inputs: out, what: `sizes ${JSON.stringify(out['sizes'])}` };
    }
    case 4: { // out-of-range runtime values
      if (v instanceof Int32Array) { const a = v.slice(); a[rng.int(0, a.length)] = [-1, 2 ** 31 - 1, -(2 ** 31), 1000][rng.int(0, 4)]!; out[key] = a; return { inputs: out, what: `${key} value out of range` }; }
      if (v && typeof v === 'object' && 'offsets' in (v as object)) {
        const l = v as { offsets: Int32Array; values: Int32Array };
        const values = l.values.slice(); const offsets = l.offsets.slice();
        if (rng.bernoulli(0.5) && values.length > 0) values[rng.int(0, values.length)] = [-5, 30, 2 ** 31 - 1][rng.int(0, 3)]!;
        else offsets[rng.int(0, offsets.length)] = rng.int(-2, 9);
        out[key] = { offsets, values }; return { inputs: out, what: `${key} list broken` };
      }
      if (v instanceof Uint8Array) { const a = v.slice(); a[rng.int(0, Math.max(1, a.length))] = 255; out[key] = a; return { inputs: out, what: `${key} byte 255 (nonzero is true: runs)` }; }
      out[key] = new Float32Array(0); return { inputs: out, what: `${key} empty` };
    }
    case 5: { // a forged packed weight
      const w = out['w'] as Record<string, unknown> | undefined;
      if (!w || ArrayBuffer.isView(w)) { out['plan'] = { rowPtr: new Int32Array(2), kTiles: new Int32Array(1), full: new Uint8Array(1) }; return { inputs: out, what: 'forged plan' }; }
      const f = { ...w };
      const field = Object.keys(f)[rng.int(0, Object.keys(f).length)]!;
      const x = f[field];
      f[field] = ArrayBuffer.isView(x) ? (() => { const a = (x as Int32Array).slice(); if (a.length) a[rng.int(0, a.length)] = [-1, 255, 2 ** 31 - 1, 99][rng.int(0, 4)]!; return a; })() : HOSTILE_VALUES[rng.int(0, HOSTILE_VALUES.length)];
      out['w'] = f; return { inputs: out, what: `packed weight ${field} forged` };
    }
    case 6: out['plan'] = { tileQ: 16, tileK: 16, numQTiles: 2, numKTiles: 2, bShared: true, hShared: true, hCount: 1, rowPtr: Int32Array.from([0, 2, 4]), kTiles: Int32Array.from([0, 1, 0, 1]), full: new Uint8Array(4).fill(1) }; return { inputs: out, what: 'hand-made plan' };
    default: return { inputs: out, what: 'unchanged (control)' };
  }
}

for (const target of TARGETS) {
  describe(`${target}: hostile runtime inputs`, () => {
    it(`${CALLS[target]} hostile calls: a clear error before the kernel runs, or a run`, async () => {
      const rng = new Rng(target === 'wasm' ? 11 : 12);
      const kernels = ['fz_doc', 'fz_list', 'fz_blocks', 'fz_nm', 'fz_csr'];
      const loaded: Record<string, any> = {};
      for (const k of kernels) loaded[k] = await lib[k]!.load(target);
      const problems: string[] = [];
      const tally = { rejected: 0, ran: 0 };
      for (let i = 0; i < CALLS[target]!; i++) {
        const name = kernels[i % kernels.length]!;
        const { inputs, what } = breakIt(valid(name, loaded[name]), rng);
        const into = name.startsWith('fz_n') || name === 'fz_csr' ? { y: poison(new Float32Array(3 * 8)) } : undefined;
        try {
          await loaded[name].run(inputs, into);
          tally.ran++;
        } catch (e) {
          tally.rejected++;
          const clear = e instanceof Error && e.constructor === Error && e.message.startsWith(`${name}:`);
          const untouched = !into || new Uint32Array(into.y.buffer).every((b) => b === POISON_BITS);
          if ((!clear || !untouched) && problems.length < 8) problems.push(`${name} ${what}: ${clear ? 'output written before the error' : `unclear error ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`}`);
        }
      }
      for (const k of kernels) await loaded[k].dispose();
      expect(problems).toEqual([]);
      expect(tally.rejected).toBeGreaterThan(CALLS[target]! / 2);
      console.log(`${target}: ${CALLS[target]} hostile calls, ${tally.rejected} rejected with a clear error, ${tally.ran} ran`);
    }, 600_000);
  });
}
