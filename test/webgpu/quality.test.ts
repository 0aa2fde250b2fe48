/**
 * @file What the WGSL printer makes of a streaming kernel and a gemm: barriers only at hazards, register-blocked
 * DOTs, Q staged once per task, K and V sharing workgroup memory within 16 / 32 KiB, staging copies by vec4 loads;
 * the hazard tracker itself.
 */
import { describe, it, expect } from 'vitest';
import { compileWgsl } from '../../src/targets/webgpu/target.js';
import { DEFAULT_PRINT, WEBGPU_DEFAULT_WORKGROUP_BYTES, type PrintOptions } from '../../src/targets/webgpu/print.js';
import { HazardTracker, type Access } from '../../src/targets/simt/hazards.js';
import { kernelsOf } from './helpers.js';

const SOURCE = `
pattern streaming(sinks: int = 4, window: int = 256) = causal && (k < sinks || q - k < window)
kernel sp64 = attention(streaming) { heads = 8; kv_heads = 2; head_dim = 64; seq = dynamic }
kernel sp128 = attention(streaming) { heads = 8; kv_heads = 2; head_dim = 128; seq = dynamic }
kernel g_dense = gemm { m = dynamic; n = 64; k = 64; weight = dense; dtype = f32 }
kernel g_nm = gemm { m = dynamic; n = 64; k = 64; weight = nm(2, 4); dtype = f32 }
kernel sp64_mha = attention(streaming) { heads = 8; head_dim = 64; seq = dynamic }
`;
const [sp64, sp128, gDense, gNm, sp64Mha] = kernelsOf(SOURCE) as [never, never, never, never, never];

const withBytes = (workgroupBytes: number): PrintOptions => ({ ...DEFAULT_PRINT, workgroupBytes });
const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;
/** Words of the `var<workgroup>` arrays a module declares (f16 arrays count half a word per element). */
const workgroupWords = (wgsl: string): number =>
  [...wgsl.matchAll(/var<workgroup> \w+: array<(\w+), (\d+)>/g)].reduce((s, m) => s + Number(m[2]) * (m[1] === 'f16' ? 0.5 : 1), 0);
/** The text of the key-tile loop (the first `for (var i..` loop inside the task loop). */
function keyLoop(wgsl: string): string {
  const start = wgsl.indexOf('for (var i', wgsl.indexOf('for (var task'));
  return wgsl.slice(start);
}

describe('webgpu kernel quality', () => {
  it('prints barriers only for real hazards: at most 10 in the streaming kernel (one per phase before)', () => {
    const { artifact } = compileWgsl(sp64);
    expect(count(artifact.wgsl, /Barrier\(\);/g)).toBeLessThanOrEqual(10);
    expect(artifact.wgsl).not.toContain('storageBarrier();');
    // the m/l/acc updates that read only their own elements share loops and need no barrier between them
    expect(artifact.wgsl).toMatch(/wf\[\d+ \+ e\d+_0\] = max\(pr\d+\[0\], pr\d+\[0\]\);\n\s+wf\[\d+ \+ e\d+_0\] = softmax_exp/);
  });

  it('register-blocks both DOTs: accumulators in private arrays, the k-loop outermost, the shared operand read once per k', () => {
    // one head per task (no GQA): the [16, 64] O tile and [16, 32] S tile of the comments below
    const { artifact } = compileWgsl(sp64Mha);
    const wgsl = artifact.wgsl;
    // O tile [16, 64] over 64 lanes: 16 owned elements per lane, one private array
    expect(wgsl).toMatch(/var pr\d+: array<f32, 16>;/);
    // S = Q K^T: [16, 32], 8 owned elements per lane share one column of K^T: one K read per k, eight accumulations
    const sDot = /for \(var (k\d+): i32 = 0; \1 < 64; [^\n]*\n((?:\s+let o\d+ = [^\n]+\n)+)((?:\s+pr\d+\[\d\] = [^\n]+\n)+)/.exec(wgsl);
    expect(sDot).not.toBeNull();
    expect(count(sDot![2]!, /let o/g)).toBe(9);
    expect(count(sDot![3]!, /pr\d+\[\d\] = /g)).toBe(8);
    // the O tile stays in registers: written back to the output from the private array
    expect(wgsl).toMatch(/bitcast<u32>\(select\(div_rn\(pr\d+\[j\d+\], wf\[/);
  });

  it('keeps the O accumulator of the stacked GQA kernel in private arrays (pack_gqa = stack: the rows of the group in one tile)', () => {
    const wgsl = compileWgsl(sp64).artifact.wgsl;
    expect(wgsl).toMatch(/var pr\d+: array<f32, \d+>;/);
    expect(wgsl).toMatch(/bitcast<u32>\(select\(div_rn\(pr\d+\[j\d+\], wf\[/);
  });

  it('stages Q once per task outside the key loop, and K and V in the key loop, all read from workgroup memory', () => {
    const { artifact } = compileWgsl(sp64);
    const wgsl = artifact.wgsl;
    const loop = keyLoop(wgsl);
    const outside = wgsl.slice(0, wgsl.length - loop.length);
    // q is input 4 (k, plan buffers, q, v in name order): read once outside the key loop, never inside
    const main = outside.slice(outside.indexOf('fn main('));
    expect(main).toMatch(/let x\d+ = select\(vec4<f32>\(0f\), rv4\(/);
    expect(loop).not.toMatch(/r[dv]4\(/);
    // K (input 0) and V (input 5) are each read by one coalesced copy per key tile, not inside the DOT k-loops
    expect(count(loop, /rv0\(/g)).toBe(1);
    expect(count(loop, /rv5\(/g)).toBe(1);
    expect(loop).not.toMatch(/rd[05]\(/);
    expect(loop).toMatch(/let (x\d+) = select\(vec4<f32>\(0f\), rv0\(\(v\d+ \+ (e\d+)_0 \* 64i \+ \2_1 \* 4\)\), \2_0 < v\d+\);\n\s+wf\[\d+ \+ \2_0 \* 65 \+ \2_1 \* 4\] = \1\.x;/);
  });

  it('stages Q, K and V with 16-byte loads through the vec4 alias of the input arena, 4 words per lane per iteration', () => {
    const wgsl = compileWgsl(sp64).artifact.wgsl;
    expect(wgsl).toContain('@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;');
    for (const input of [0, 4, 5]) {
      // the fast path needs a 4-aligned first word inside the region; otherwise the scalar reads
      const helper = new RegExp(`fn rv${input}\\(i: i32\\) -> vec4<f32> \\{\\n  let at = hdr\\(\\d+u\\) \\+ i;\\n  if \\(i >= 0 && i \\+ 4 <= hdr\\(\\d+u\\) && \\(at & 3\\) == 0\\) \\{ return bitcast<vec4<f32>>\\(ib4\\[at >> 2u\\]\\); \\}\\n  return vec4<f32>\\(rd${input}\\(i\\), rd${input}\\(i \\+ 1\\), rd${input}\\(i \\+ 2\\), rd${input}\\(i \\+ 3\\)\\);`);
      expect(wgsl).toMatch(helper);
    }
    const main = wgsl.slice(wgsl.indexOf('fn main('));
    expect(main).not.toMatch(/rd[045]\(/);
    // K [32, 64] over 64 lanes: 32 * 64 / 4 / 64 = 8 iterations, each writing x, y, z, w of one vector
    const copy = /for \(var (j\d+): i32 = 0; \1 < 8; [^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n\s+let (x\d+) = select\(vec4<f32>\(0f\), rv0\(([^\n]*)\n((?:\s+wf\[[^\n]+\n){4})/.exec(main);
    expect(copy).not.toBeNull();
    expect([...copy![4]!.matchAll(/= (x\d+)\.([xyzw]);/g)].map((m) => `${m[1] === copy![2] ? 'x' : m[1]}.${m[2]}`)).toEqual(['x.x', 'x.y', 'x.z', 'x.w']);
  });

  it('keeps staging copies scalar when the last axis is not a multiple of 4 long', () => {
    const [odd] = kernelsOf('kernel a6 = attention(causal) { heads = 2; head_dim = 6; seq = dynamic }');
    const wgsl = compileWgsl(odd!).artifact.wgsl;
    expect(wgsl).not.toMatch(/rv\d\(/);
    expect(keyLoop(wgsl)).toMatch(/= select\(0f, rd0\(/);
  });

  it('fits Q + K/V + S/P in the portable 16 KiB for head_dim 64 and in 32 KiB for head_dim 128', () => {
    const a64 = compileWgsl(sp64, undefined, undefined, withBytes(WEBGPU_DEFAULT_WORKGROUP_BYTES)).artifact;
    expect(workgroupWords(a64.wgsl)).toBeLessThanOrEqual(WEBGPU_DEFAULT_WORKGROUP_BYTES / 4);
    expect(keyLoop(a64.wgsl)).not.toMatch(/r[dv]4\(/);
    expect(count(keyLoop(a64.wgsl), /r[dv][05]\(/g)).toBe(2);
    expect(a64.scratchF32).toBe(1);
    const a128 = compileWgsl(sp128, undefined, undefined, withBytes(32768)).artifact;
    expect(workgroupWords(a128.wgsl)).toBeLessThanOrEqual(32768 / 4);
    expect(keyLoop(a128.wgsl)).not.toMatch(/r[dv]4\(/);
    expect(count(keyLoop(a128.wgsl), /r[dv][05]\(/g)).toBe(2);
    expect(a128.scratchF32).toBe(1);
  });

  it('keeps f16 staged tiles as f16 in workgroup memory in the f16 variant, with half the bytes', () => {
    const [h] = kernelsOf('kernel h = attention(causal) { heads = 2; head_dim = 64; seq = dynamic; dtype = f16 }');
    const plain = compileWgsl(h!).artifact;
    const half = compileWgsl(h!, undefined, undefined, { ...DEFAULT_PRINT, features: { f16: true } }).artifact;
    expect(half.wgsl.startsWith('enable f16;')).toBe(true);
    expect(half.requires).toEqual(['shader-f16']);
    expect(plain.requires).toBeUndefined();
    expect(half.wgsl).toMatch(/var<workgroup> wh: array<f16, \d+>;/);
    expect(half.wgsl).toMatch(/= f32\(wh\[/);
    expect(workgroupWords(half.wgsl)).toBeLessThan(workgroupWords(plain.wgsl));
  });

  it('prints row reductions with subgroup shuffles in the subgroups variant', () => {
    const { artifact } = compileWgsl(sp64, undefined, undefined, { ...DEFAULT_PRINT, features: { subgroups: true } });
    expect(artifact.wgsl.startsWith('enable subgroups;')).toBe(true);
    expect(artifact.wgsl).toContain('@builtin(subgroup_size) sg_size: u32');
    expect(count(artifact.wgsl, /subgroupShuffleXor\(/g)).toBe(2);
    expect(artifact.requires).toEqual(['subgroups']);
  });

  it('blocks gemm DOTs too', () => {
    const { artifact } = compileWgsl(gDense);
    expect(artifact.wgsl).toMatch(/var pr\d+: array<f32, \d+>;|var d\d+: f32 = /);
    expect(artifact.wgsl).toMatch(/for \(var k\d+: i32 = 0; k\d+ < \d+; k\d+ = k\d+ \+ 1\) \{\n\s+let o\d+ = /);
  });
});

describe('webgpu hazard tracker', () => {
  const own = (lo: number, hi: number, write: boolean, mapping = 'm'): Access => ({ space: 'wf', lo, hi, mapping, write });
  const foreign = (lo: number, hi: number, write: boolean): Access => ({ space: 'wf', lo, hi, mapping: null, write });

  it('needs no barrier when a lane reads back its own writes, or between reads', () => {
    const t = new HazardTracker();
    t.record([own(0, 16, true)]);
    expect(t.needs([own(0, 16, false)]).size).toBe(0);
    t.record([foreign(100, 200, false)]);
    expect(t.needs([foreign(150, 160, false)]).size).toBe(0);
  });

  it('finds read-after-write, write-after-read and write-after-write hazards, in their space only', () => {
    const t = new HazardTracker();
    t.record([own(0, 16, true)]);
    expect([...t.needs([foreign(8, 9, false)])]).toEqual(['wf']);
    expect([...t.needs([own(0, 16, false, 'other')])]).toEqual(['wf']);
    expect(t.needs([foreign(16, 32, false)]).size).toBe(0);
    expect(t.needs([{ space: 'f', lo: 0, hi: 16, mapping: null, write: false }]).size).toBe(0);
    t.record([foreign(32, 64, false)]);
    expect([...t.needs([own(40, 41, true)])]).toEqual(['wf']);
    t.clear(['wf']);
    expect(t.needs([foreign(0, 64, true)]).size).toBe(0);
  });
});

describe('N:M weights in the register-blocked DOT', () => {
  it('walks the stored slots (half of k for 2:4) and never expands the weight', () => {
    const wgsl = compileWgsl(gNm).artifact.wgsl;
    const main = wgsl.slice(wgsl.indexOf('fn main'));
    const loops = [...main.matchAll(/for \(var (k\d+): i32 = 0; \1 < (\d+);/g)].map((m) => Number(m[2]));
    expect(loops.length).toBeGreaterThan(0);
    // a 2:4 weight tile of kd columns stores kd / 2 slots per row: the DOT's k loop runs over those
    const dense = [...compileWgsl(gDense).artifact.wgsl.matchAll(/for \(var (k\d+): i32 = 0; \1 < (\d+);/g)].map((m) => Number(m[2]));
    expect(loops).toEqual(dense.map((d) => d / 2));
    // no per-element expansion (a select comparing an index with a position in its group)
    expect(main).not.toMatch(/== \(e\d+_\d+\) % 4/);
  });
});
