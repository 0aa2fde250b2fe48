/**
 * @file Split-KV decode on wasm with its chunks shared between worker threads (`split` bound to `block`, a barrier
 * before the log-sum-exp merge, a shared chunk workspace): the IR shows it, and the threaded kernels match the
 * float64 reference, including chunks with no live key and NaN in V / K (docs/language.md).
 */
import { describe, expect, it } from 'vitest';
import type { AttentionKernel } from '../../src/model/kernel.js';
import { resolveAttentionSizes } from '../../src/harness/sizes.js';
import { Op } from '../../src/ir/ops.js';
import { loopParts, toposort } from '../../src/ir/node.js';
import { runPipeline } from '../../src/passes/pipeline.js';
import { printWasmModules } from '../../src/targets/wasm/module.js';
import { createWasmTarget } from '../../src/targets/wasm/target.js';
import { attentionFailures, kernelOf, randomValues } from '../regressions/run-targets.js';

const decode = (mask: string, extra = ''): AttentionKernel => kernelOf<AttentionKernel>(`kernel dec = attention(${mask}) {
  batch = 2; heads = 4; kv_heads = 2; head_dim = 16; q_len = 1; kv_len = dynamic; outputs = out, lse
  ${extra}
}`);
const THREADED = [createWasmTarget({ threads: 2 }), createWasmTarget({ threads: 3 })];

describe('split-KV on the wasm threads', () => {
  it('binds the chunk loop to block, with a barrier before the merge and a shared workspace', () => {
    const ir = runPipeline(decode('causal'), 'wasm').final;
    const all = toposort([ir]);
    const loops = all.filter((n) => n.op === Op.LOOP).map((n) => `${loopParts(n).role}:${loopParts(n).bind}`);
    expect(loops).toContain('split:block');
    expect(loops).not.toContain('qt:block');
    const split = all.find((n) => n.op === Op.LOOP && loopParts(n).role === 'split')!;
    expect(loopParts(split).hi.arg).toBe(16);
    const afters = all.filter((n) => n.op === Op.AFTER);
    expect(afters.length).toBeGreaterThan(0);
    for (const a of afters) expect(a.src.slice(1).map((d) => d.op)).toEqual([Op.BARRIER]);
    const allocs = all.filter((n) => n.op === Op.ALLOC);
    expect(allocs.map((a) => a.attrs['shared'])).toEqual(allocs.map(() => true));
    const abi = printWasmModules(ir).abi;
    expect(abi.parallel).toBe(true);
    expect(abi.sharedBytes).toBeGreaterThan(0);
  });

  it('interp and neon tables leave the chunk loop serial (no barrier; webgpu: test/webgpu/launch.test.ts)', () => {
    for (const target of ['interp', 'neon']) {
      const all = toposort([runPipeline(decode('causal', `schedule ${target} { split_kv = 4 }`), target).final]);
      expect(all.filter((n) => n.op === Op.BARRIER)).toEqual([]);
    }
  });

  it('2 and 3 threads match the reference (kv_len 700: 16 chunks of 44 keys, uneven)', async () => {
    const kernel = decode('causal');
    const s = resolveAttentionSizes(kernel, { kvLen: 700, batch: 2 });
    const inputs = { q: randomValues(2 * 4 * 16, 1), k: randomValues(2 * 2 * 700 * 16, 2), v: randomValues(2 * 2 * 700 * 16, 3), runtime: {} };
    expect(await attentionFailures(kernel, s, inputs, THREADED)).toEqual([]);
  }, 60_000);

  it('chunks with no live key contribute nothing (sinks + a short window over 3000 keys)', async () => {
    const kernel = decode('causal && (k < 2 || q - k < 5)');
    const s = resolveAttentionSizes(kernel, { kvLen: 3000, batch: 2 });
    const inputs = { q: randomValues(2 * 4 * 16, 4), k: randomValues(2 * 2 * 3000 * 16, 5), v: randomValues(2 * 2 * 3000 * 16, 6), runtime: {} };
    expect(await attentionFailures(kernel, s, inputs, THREADED)).toEqual([]);
  }, 60_000);

  it('NaN stays NaN: a NaN in V at a live key poisons the row; a NaN in K or V at a masked key does not', async () => {
    const kernel = decode('causal && (k < 2 || q - k < 100)');
    const kv = 1500;
    const s = resolveAttentionSizes(kernel, { kvLen: kv, batch: 2 });
    const k = randomValues(2 * 2 * kv * 16, 8);
    const v = randomValues(2 * 2 * kv * 16, 9);
    // batch 0, KV head 0: NaN in V at a live key (the last one); everywhere: NaN in K and V at a masked key (700).
    v[(kv - 1) * 16 + 3] = Number.NaN;
    for (let bh = 0; bh < 4; bh++) {
      k[(bh * kv + 700) * 16] = Number.NaN;
      v[(bh * kv + 700) * 16 + 1] = Number.NaN;
    }
    const inputs = { q: randomValues(2 * 4 * 16, 7), k, v, runtime: {} };
    expect(await attentionFailures(kernel, s, inputs, THREADED)).toEqual([]);
  }, 60_000);
});
