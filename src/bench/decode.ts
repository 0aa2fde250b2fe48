/**
 * @file `sparsec bench --case decode_128k`: decode of one query, one head, head_dim 128, kv_len 131072, f32 on wasm,
 * with K / V resident in kernel memory (only Q copied per call) and, for comparison, copied on every call; at 1 and
 * 2 threads. Each row carries `bound_ms`: one SIMD pass reading all of K and V from wasm memory with as many threads
 * (a tiny hand-written module run by the same runtime in the same process), the floor a decode step cannot beat.
 */
import binaryen from 'binaryen';
import { checkProgram } from '../checker/check.js';
import { parseSource } from '../frontend/parse.js';
import type { AttentionKernel } from '../model/kernel.js';
import { runPipeline } from '../passes/pipeline.js';
import { attentionSizeBindings } from '../runtime/library/bind.js';
import type { WasmAbi } from '../runtime/wasm/abi.js';
import { WasmKernel } from '../runtime/wasm/kernel.js';
import { importsText } from '../targets/wasm/prelude.js';
import { compileWasmModules } from '../targets/wasm/module.js';
import { makeRow, type BenchRow } from './framework/rows.js';
import { timeIt, type TimingOptions } from './framework/timing.js';

/** The decode cases (not attention-shape cases of the main loop). */
export const DECODE_CASE_NAMES = ['decode_128k'] as const;

/** A decode row: a bench row plus the streaming bound and whether K / V stayed resident. */
export interface DecodeRow extends BenchRow {
  readonly bound_ms: number;
  readonly resident: boolean;
  readonly kv_len: number;
}

const KV_LEN = 131072;
const HEAD_DIM = 128;
const SOURCE = `kernel decode_128k = attention(causal) { heads = 1; head_dim = ${HEAD_DIM}; q_len = 1; kv_len = dynamic; dtype = f32 }`;

function decodeKernel(): AttentionKernel {
  const { module, diagnostics } = parseSource('decode_128k.sparse', SOURCE);
  const checked = checkProgram({ modules: [{ path: '/bench/decode_128k.sparse', display: 'decode_128k.sparse', module, imports: [] }], sources: new Map([['decode_128k.sparse', SOURCE]]) });
  if (diagnostics.length + checked.diagnostics.length > 0) throw new Error('bench: decode_128k source has diagnostics (a sparsec bug)');
  return checked.kernels[0] as AttentionKernel;
}

// NOTE: each thread sums its contiguous share of K and of V, 64 bytes a step into four accumulators, and stores the
// sum to its scratch so the optimiser keeps every load.
const STREAM_WAT = `(module
${importsText(true)}
(func $run (export "run") (param $sb i32) (param $tid i32) (param $nth i32) (param $k i32) (param $v i32) (param $n i32)
  (local $per i32) (local $i i32) (local $end i32) (local $a v128) (local $b v128) (local $c v128) (local $d v128)
  (local.set $per (i32.and (i32.add (i32.div_u (local.get $n) (local.get $nth)) (i32.const 15)) (i32.const -16)))
  (local.set $i (i32.mul (local.get $tid) (local.get $per)))
  (local.set $end (select (local.get $n) (i32.add (local.get $i) (local.get $per)) (i32.gt_u (i32.add (local.get $i) (local.get $per)) (local.get $n))))
  (local.set $i (i32.shl (local.get $i) (i32.const 2)))
  (local.set $end (i32.shl (local.get $end) (i32.const 2)))
  (block $done (loop $top
    (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
    (local.set $a (f32x4.add (local.get $a) (v128.load (i32.add (local.get $k) (local.get $i)))))
    (local.set $b (f32x4.add (local.get $b) (v128.load offset=16 (i32.add (local.get $k) (local.get $i)))))
    (local.set $c (f32x4.add (local.get $c) (v128.load offset=32 (i32.add (local.get $k) (local.get $i)))))
    (local.set $d (f32x4.add (local.get $d) (v128.load offset=48 (i32.add (local.get $k) (local.get $i)))))
    (local.set $a (f32x4.add (local.get $a) (v128.load (i32.add (local.get $v) (local.get $i)))))
    (local.set $b (f32x4.add (local.get $b) (v128.load offset=16 (i32.add (local.get $v) (local.get $i)))))
    (local.set $c (f32x4.add (local.get $c) (v128.load offset=32 (i32.add (local.get $v) (local.get $i)))))
    (local.set $d (f32x4.add (local.get $d) (v128.load offset=48 (i32.add (local.get $v) (local.get $i)))))
    (local.set $i (i32.add (local.get $i) (i32.const 64)))
    (br $top)))
  (v128.store (local.get $sb) (f32x4.add (f32x4.add (local.get $a) (local.get $b)) (f32x4.add (local.get $c) (local.get $d))))))`;

/** The streaming module's binary. */
function streamModule(): Uint8Array {
  const mod = binaryen.parseText(STREAM_WAT);
  try {
    mod.setFeatures(binaryen.Features.MVP | binaryen.Features.SIMD128 | binaryen.Features.Atomics | binaryen.Features.BulkMemory);
    if (!mod.validate()) throw new Error('bench: the streaming module does not validate (a sparsec bug)');
    binaryen.setOptimizeLevel(3);
    mod.optimize();
    return mod.emitBinary();
  } finally {
    mod.dispose();
  }
}

/** Options of the decode case. */
export interface DecodeBenchOptions {
  readonly timing: TimingOptions;
  /** Thread counts measured (default 1 and 2). */
  readonly threads?: readonly number[];
  readonly progress?: (message: string) => void;
}

const random = (n: number, seed: number): Float32Array => {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 4294967296 - 0.5;
  }
  return out;
};

/** Median of the streaming pass over K and V (`elems` floats each) with `threads` threads. */
async function boundMs(k: Float32Array, v: Float32Array, threads: number, timing: TimingOptions): Promise<number> {
  const simd = streamModule();
  const abi = { kernel: 'stream_kv', params: [{ name: 'k', kind: 'buffer', scalar: 'f32' }, { name: 'v', kind: 'buffer', scalar: 'f32' }, { name: 'n', kind: 'i32', scalar: 'i32' }], scratchBytes: 64, parallel: true } satisfies WasmAbi;
  const stream = await WasmKernel.load({ abi, simd }, { threads, relaxed: false });
  try {
    const bound = stream.bind({ k, v, n: k.length }, {});
    return (await timeIt(() => bound.execute(), timing)).median;
  } finally {
    await stream.dispose();
  }
}

/** Runs decode_128k: rows for each thread count, resident and copied, each with its `bound_ms`. */
export async function runDecodeBench(options: DecodeBenchOptions): Promise<DecodeRow[]> {
  const kernel = decodeKernel();
  const mods = compileWasmModules(runPipeline(kernel, 'wasm').final);
  const [q, k, v] = [random(HEAD_DIM, 1), random(KV_LEN * HEAD_DIM, 2), random(KV_LEN * HEAD_DIM, 3)];
  const out = new Float32Array(HEAD_DIM);
  const sizes = attentionSizeBindings({ batch: 1, heads: 1, kvHeads: 1, qLen: 1, kvLen: KV_LEN, headDim: HEAD_DIM, valueDim: HEAD_DIM });
  const rows: DecodeRow[] = [];
  const flops = 4 * KV_LEN * HEAD_DIM;
  for (const threads of options.threads ?? [1, 2]) {
    options.progress?.(`decode_128k: streaming bound, ${threads} thread(s)`);
    const bound = await boundMs(k, v, threads, options.timing);
    const wk = await WasmKernel.load(mods, { threads });
    try {
      wk.reserveResident({ k: k.length, v: v.length });
      wk.writeResident('k', 0, k);
      wk.writeResident('v', 0, v);
      for (const resident of [true, false]) {
        options.progress?.(`sparsec decode_128k (${wk.threads} threads, K / V ${resident ? 'resident' : 'copied per call'})`);
        const values = resident ? { ...sizes, q } : { ...sizes, q, k, v };
        const timing = await timeIt(() => wk.run(values, { out }), options.timing);
        const row = makeRow({ caseName: 'decode_128k', impl: 'sparsec', target: 'wasm', threads: wk.threads, timing, creditedFlops: flops, liveFlops: flops, density: 1 });
        rows.push({ ...row, bound_ms: Math.round(bound * 1000) / 1000, resident, kv_len: KV_LEN });
      }
    } finally {
      await wk.dispose();
    }
  }
  return rows;
}

/** True for a decode case name. */
export const isDecodeCase = (name: string): boolean => (DECODE_CASE_NAMES as readonly string[]).includes(name);

/** `sparsec bench --case decode_128k`: runs alone (exit 2 when mixed with other cases); rows as JSON or a table. */
export async function runDecodeCommand(
  opts: { readonly cases?: readonly string[]; readonly json?: boolean; readonly quick?: boolean; readonly threads?: number; readonly timing: TimingOptions },
  io: { out(s: string): void; err(s: string): void },
): Promise<number> {
  const others = (opts.cases ?? []).filter((c) => !isDecodeCase(c));
  if (others.length > 0) {
    io.err(`bench: decode_128k runs on its own; run ${others.join(', ')} in another call\n`);
    return 2;
  }
  const threads = [...new Set([1, 2, opts.threads ?? 1])].sort((a, b) => a - b);
  const rows = await runDecodeBench({ timing: opts.timing, threads, progress: (m) => io.err(`  ${m}\n`) });
  if (opts.json) {
    io.out(`[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`);
    return 0;
  }
  for (const r of rows) {
    io.out(`decode_128k  threads ${r.threads}  K/V ${r.resident ? 'resident' : 'copied  '}  median ${r.median_ms.toFixed(2)} ms  bound ${r.bound_ms.toFixed(2)} ms  (${(r.median_ms / r.bound_ms).toFixed(2)}x bound)\n`);
  }
  const one = rows.find((r) => r.threads === 1 && r.resident);
  const two = rows.find((r) => r.threads === 2 && r.resident);
  if (one && two) io.out(`resident, 2 threads vs 1: ${(one.median_ms / two.median_ms).toFixed(2)}x (goal 1.6x); median vs bound at 2 threads: ${(two.median_ms / two.bound_ms).toFixed(2)}x (goal <= 2x)\n`);
  return 0;
}
