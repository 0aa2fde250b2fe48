/**
 * @file Test support of the runtime fuzz tests: the fuzz library (test/fuzz/fuzz-kernels.mjs's spec) built for
 * some targets into a fresh importable folder, and one hostile variant of a valid call (wrong keys, lengths, array
 * types, sizes, out-of-range values, broken lists, forged plans and packed weights).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Rng } from '../../src/reference/random.js';
import { libraryHome } from '../library/library-target.js';
import { FUZZ_SPEC } from './fuzz-kernels.mjs';

type Inputs = Record<string, unknown>;

/** Builds the fuzz spec for `targets` (with `extra` build options); the library folder. */
export async function buildFuzzLibrary(targets: readonly string[], extra: readonly string[] = []): Promise<string> {
  const home = await libraryHome();
  await writeFile(join(home, 'k.sparse'), FUZZ_SPEC);
  const lines: string[] = [];
  const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), interactive: false };
  const dir = join(home, 'lib');
  expect(await main(['build', join(home, 'k.sparse'), '--target', targets.join(','), '--out', dir, ...extra], io), lines.join('\n')).toBe(0);
  return dir;
}

const HOSTILE_VALUES: readonly unknown[] = [
  null, undefined, 0, -1, 1.5, 2 ** 31, NaN, 'x', [], {}, [1, 2, 3], new Float64Array(4), new Int32Array(3), new Uint8Array(0),
  new Float32Array(0), new Float32Array(1), new Int16Array(8), { offsets: new Int32Array([0]), values: new Int32Array(0) },
  { offsets: new Int32Array([0, 5]), values: new Int32Array(2) }, { offsets: new Int32Array([3, 1]), values: new Int32Array(3) },
];

/** One hostile variant of a valid call. */
export function hostileVariant(inputs: Inputs, rng: Rng): { inputs: Inputs; what: string } {
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

