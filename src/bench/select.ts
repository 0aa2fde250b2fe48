/**
 * @file `sparsec bench --case select_32k` (issue 15): a block selector kernel (mean-pooled blocks of 64, top 4 plus
 * the first and diagonal blocks, causal) and the block-sparse attention that reads its layout, end to end at seq
 * 32768 (8 heads, head_dim 64, f32), against the same attention with the same layout computed on the host (pooled
 * once per head, top 4 by selection passes, in JavaScript). Both paths run on the chosen target (wasm by default; any registered target) in
 * one process; rows give each path's total and layout medians, and the ratio host / selector.
 */
import { checkProgram } from '../checker/check.js';
import { parseSource } from '../frontend/parse.js';
import type { CompiledKernel } from '../harness/target.js';
import type { AttentionKernel, AttentionSizes } from '../model/kernel.js';
import type { SelectKernel } from '../model/select.js';
import { Rng } from '../reference/random.js';
import { getTarget, TARGET_NAMES } from '../targets/index.js';
import { median, roundTo } from './framework/stats.js';

/** The selector cases (run on their own, not attention-shape cases of the main loop). */
export const SELECT_CASE_NAMES = ['select_32k'] as const;

/** True for a selector case name. */
export const isSelectCase = (name: string): boolean => (SELECT_CASE_NAMES as readonly string[]).includes(name);

const HEADS = 8;
const HEAD_DIM = 64;
const BLOCK = 64;
const TOPK = 4;
/** The full and `--quick` sequence lengths. */
export const SELECT_SEQ = { full: 32768, quick: 4096 } as const;

const SOURCE = `pattern est_blocks(sel: blocks<${BLOCK}, ${BLOCK}>) = causal && sel[b, h, qb(${BLOCK}), kb(${BLOCK})]
kernel e2e_attention = attention(est_blocks) { heads = ${HEADS}; kv_heads = ${HEADS}; head_dim = ${HEAD_DIM}; seq = dynamic }
kernel e2e_select = select(pooled(mean)) {
  heads = ${HEADS}; kv_heads = ${HEADS}; head_dim = ${HEAD_DIM}; seq = dynamic
  output = blocks(${BLOCK}, ${BLOCK}); rule = topk(${TOPK}); causal = true; force = first, diagonal
}`;

/** One path of select_32k: the selector kernel or the host estimator, each followed by the same attention. */
export interface SelectRow {
  readonly case: 'select_32k';
  readonly path: 'selector' | 'host';
  readonly target: string;
  readonly threads: 1;
  readonly seq: number;
  /** Median of layout + attention, and of the layout alone (ms). */
  readonly median_ms: number;
  readonly layout_ms: number;
  readonly runs: number;
  /** Blocks the layout keeps, and how many differ between the two layouts (0 when they agree). */
  readonly kept: number;
  readonly differing: number;
  /** host total / selector total: above 1 when the selector path is faster. */
  readonly ratio_host_over_selector: number;
}

function kernels(): { attention: AttentionKernel; select: SelectKernel } {
  const { module, diagnostics } = parseSource('select_32k.sparse', SOURCE);
  const checked = checkProgram({ modules: [{ path: '/bench/select_32k.sparse', display: 'select_32k.sparse', module, imports: [] }], sources: new Map([['select_32k.sparse', SOURCE]]) });
  if (diagnostics.length + checked.diagnostics.length > 0) throw new Error('bench: select_32k source has diagnostics (a sparsec bug)');
  const byName = new Map(checked.kernels.map((k) => [k.name, k]));
  return { attention: byName.get('e2e_attention') as AttentionKernel, select: byName.get('e2e_select') as SelectKernel };
}

/** Uniform values in [-0.5, 0.5) from the seeded generator the harness uses. */
function random(n: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n }, () => rng.uniform(-0.5, 0.5));
}

/**
 * The host estimator: the selector's rule in f32 JavaScript (pool Q and K blocks once per head, score the causal
 * blocks of each query block, keep the top 4 by selection passes, higher score first and the lower block on ties,
 * plus block 0 and the diagonal). Assumes q_len = kv_len = seq, a multiple of the block.
 */
export function hostSelect(q: Float32Array, k: Float32Array, seq: number): Uint8Array {
  const nb = seq / BLOCK;
  const sel = new Uint8Array(HEADS * nb * nb);
  const scale = 1 / Math.sqrt(HEAD_DIM);
  const pool = (x: Float32Array, h: number): Float32Array => {
    const p = new Float32Array(nb * HEAD_DIM);
    for (let r = 0; r < seq; r++) {
      const o = (h * seq + r) * HEAD_DIM;
      const b = Math.floor(r / BLOCK) * HEAD_DIM;
      for (let d = 0; d < HEAD_DIM; d++) p[b + d] = p[b + d]! + x[o + d]!;
    }
    for (let i = 0; i < p.length; i++) p[i] = p[i]! / BLOCK;
    return p;
  };
  const row = new Float32Array(nb);
  for (let h = 0; h < HEADS; h++) {
    const pq = pool(q, h);
    const pk = pool(k, h);
    for (let i = 0; i < nb; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let d = 0; d < HEAD_DIM; d++) s += pq[i * HEAD_DIM + d]! * pk[j * HEAD_DIM + d]!;
        row[j] = s * scale;
      }
      const base = (h * nb + i) * nb;
      sel[base] = 1;
      sel[base + i] = 1;
      let cs = 0;
      let cj = -1;
      for (let p = 0; p < Math.min(TOPK, i + 1); p++) {
        let bs = 0;
        let bj = -1;
        for (let j = 0; j <= i; j++) {
          const s = row[j]!;
          const after = cj < 0 || cs > s || (cs === s && cj < j);
          if (after && (bj < 0 || s > bs || (s === bs && j < bj))) {
            bs = s;
            bj = j;
          }
        }
        cs = bs;
        cj = bj;
        sel[base + bj] = 1;
      }
    }
  }
  return sel;
}

/** Options of the selector case. */
export interface SelectBenchOptions {
  /** wasm (default) or webgpu. */
  readonly target?: string;
  readonly seq: number;
  /** Untimed runs, then timed runs, of each path. */
  readonly warmup: number;
  readonly runs: number;
  readonly progress?: (message: string) => void;
}

/** Runs select_32k: one row per path (host, selector); each run times both paths, in alternating order. */
export async function runSelectBench(o: SelectBenchOptions): Promise<SelectRow[]> {
  const targetName = o.target ?? 'wasm';
  const target = getTarget(targetName);
  if (!target) throw new Error(`bench: unknown target '${targetName}' (known: ${TARGET_NAMES.join(', ')})`);
  const available = await target.availability();
  if (!available.ok) throw new Error(`bench: ${targetName} is not available (${available.reason})`);
  if (o.seq % BLOCK !== 0) throw new Error(`bench: select_32k needs seq a multiple of ${BLOCK}`);
  const { attention, select } = kernels();
  const sizes: AttentionSizes = { batch: 1, heads: HEADS, kvHeads: HEADS, headDim: HEAD_DIM, valueDim: HEAD_DIM, qLen: o.seq, kvLen: o.seq };
  const n = HEADS * o.seq * HEAD_DIM;
  const [q, k, v] = [random(n, 7), random(n, 8), random(n, 9)];
  const nb = o.seq / BLOCK;
  const blocks = HEADS * nb * nb;
  o.progress?.(`select_32k: compiling the selector and the attention for ${targetName}`);
  const sel = await target.compile(select);
  const att = await target.compile(attention);
  const out = new Float32Array(n);
  const layoutOut = new Float32Array(blocks);
  const attend = (layout: Uint8Array): Promise<void> => att.runAttention!(sizes, { q, k, v, runtime: { sel: layout } }, { out });
  const viaSelector = async (): Promise<Uint8Array> => {
    await sel.runAttention!(sizes, { q, k, v: new Float32Array(0), runtime: {} }, { out: layoutOut });
    return Uint8Array.from(layoutOut);
  };
  const timed = { host: { total: [] as number[], layout: [] as number[] }, selector: { total: [] as number[], layout: [] as number[] } };
  let layouts: { host: Uint8Array; selector: Uint8Array } | null = null;
  try {
    for (let r = 0; r < o.warmup + o.runs; r++) {
      o.progress?.(`select_32k (${targetName}, seq ${o.seq}): run ${r + 1} of ${o.warmup + o.runs}${r < o.warmup ? ' (warm-up)' : ''}`);
      const got: Partial<Record<'host' | 'selector', Uint8Array>> = {};
      // NOTE: the order alternates run by run, so neither path always runs right after the other's work.
      for (const path of r % 2 === 0 ? (['host', 'selector'] as const) : (['selector', 'host'] as const)) {
        const t0 = performance.now();
        const layout = path === 'host' ? hostSelect(q, k, o.seq) : await viaSelector();
        const t1 = performance.now();
        await attend(layout);
        const t2 = performance.now();
        got[path] = layout;
        if (r >= o.warmup) {
          timed[path].total.push(t2 - t0);
          timed[path].layout.push(t1 - t0);
        }
      }
      layouts = { host: got.host!, selector: got.selector! };
    }
  } finally {
    await sel.dispose?.();
    await att.dispose?.();
  }
  const differing = layouts!.host.reduce((acc, x, e) => acc + (x !== layouts!.selector[e] ? 1 : 0), 0);
  const ratio = roundTo(median(timed.host.total) / median(timed.selector.total), 3);
  return (['host', 'selector'] as const).map((path) => ({
    case: 'select_32k',
    path,
    target: targetName,
    threads: 1,
    seq: o.seq,
    median_ms: roundTo(median(timed[path].total), 3),
    layout_ms: roundTo(median(timed[path].layout), 3),
    runs: o.runs,
    kept: layouts![path].reduce((acc, x) => acc + x, 0),
    differing,
    ratio_host_over_selector: ratio,
  }));
}

/** `sparsec bench --case select_32k [--target webgpu] [--quick]`: runs alone (exit 2 when mixed with other cases). */
export async function runSelectCommand(
  opts: { readonly cases?: readonly string[]; readonly json?: boolean; readonly quick?: boolean; readonly target?: string },
  io: { out(s: string): void; err(s: string): void },
): Promise<number> {
  const others = (opts.cases ?? []).filter((c) => !isSelectCase(c));
  if (others.length > 0) {
    io.err(`bench: select_32k runs on its own; run ${others.join(', ')} in another call\n`);
    return 2;
  }
  let rows: SelectRow[];
  try {
    rows = await runSelectBench({
      ...(opts.target ? { target: opts.target } : {}),
      seq: opts.quick ? SELECT_SEQ.quick : SELECT_SEQ.full,
      warmup: 1,
      runs: opts.quick ? 3 : 5,
      progress: (m) => io.err(`  ${m}\n`),
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (opts.json) {
    io.out(`[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`);
    return 0;
  }
  for (const r of rows) {
    const name = r.path === 'host' ? 'host estimator + attention' : 'selector kernel + attention';
    io.out(`select_32k  ${r.target}  seq ${r.seq}  ${name.padEnd(28)}  total ${r.median_ms.toFixed(1)} ms  layout ${r.layout_ms.toFixed(1)} ms  kept ${r.kept}\n`);
  }
  io.out(`host / selector: ${rows[0]!.ratio_host_over_selector.toFixed(2)}x; layouts differ in ${rows[0]!.differing} blocks (medians of ${rows[0]!.runs} runs after 1 warm-up)\n`);
  return 0;
}
