/**
 * @file The pass pipeline, top to bottom: resolve the schedule, lower the kernel to tile IR, then
 * named IR-to-IR stages. Every stage's IR is kept so any stage can be dumped (`--emit ir`), and
 * the IR is verified after every stage.
 */
import { UnsupportedError } from '../diagnostics/diagnostic.js';
import { assertValid } from '../ir/verify.js';
import type { Node } from '../ir/node.js';
import type { AttentionKernel, AttentionSizes, Kernel, SideOutput } from '../model/kernel.js';
import { applySchedule, stackGroup } from './apply-schedule.js';
import { bindLoops } from './bind.js';
import { keyWalk, type KeyWalk } from './attention-space.js';
import { microPlan } from './gemm-micro.js';
import { lowerGemm } from './lower-gemm.js';
import { lowerGemmOuter } from './lower-gemm-outer.js';
import { lowerSelect } from './lower-select.js';
import { packGqa } from './pack-gqa.js';
import { pagedKv } from './paged-kv.js';
import { lowerAttention, sizeNode } from './lower-attention.js';
import type { Schedule, ScheduleSettings } from './schedule.js';
import { simplify } from './simplify.js';
import { splitKv } from './split-kv.js';
import { syncBlockLoops } from './sync-block.js';
import { stageShared, type StageRule } from './stage-shared.js';
import { widenTiles, type NativeHalf } from './widen-tiles.js';
import { MAX_KEY_INTERVALS, targetNames, targetTable } from './target-table.js';

/** Options of a pipeline run. */
export interface PipelineOptions {
  /** Schedule settings applied over the target defaults and the kernel's block. */
  readonly schedule?: ScheduleSettings;
  /** Concrete sizes (fix a dynamic head_dim / value_dim). */
  readonly sizes?: AttentionSizes;
  /** Overrides the table's `native_half` (the interpreter run as 16-bit hardware: `f16+bf16` keeps every typed tile). */
  readonly nativeHalf?: NativeHalf;
}

/** One named stage's output. */
export interface Stage {
  readonly name: string;
  readonly ir: Node;
}

/** Everything a pipeline run produced. */
export interface PipelineResult {
  readonly final: Node;
  readonly schedule: Schedule;
  /** How attention walks key tiles (absent for gemm). */
  readonly walk?: KeyWalk;
  readonly stages: readonly Stage[];
}

/** Static query-heads-per-KV-head ratio, or 1 when unknown. */
function groupSize(k: AttentionKernel): number {
  return typeof k.heads === 'number' && typeof k.kvHeads === 'number' && k.kvHeads > 0 ? k.heads / k.kvHeads : 1;
}

/** Split-KV chunk count the schedule asks for on this kernel (1 = no split). */
export function splitChunks(k: AttentionKernel, s: Schedule): number {
  if (s.split_kv === 'auto') return typeof k.qLen === 'number' && k.qLen <= s.split_kv_max_q_len ? s.split_kv_chunks : 1;
  return s.split_kv;
}

/**
 * Stage `legalize.<target>`: what the target's table asks of the IR before its printer sees it (today: f16 / bf16
 * tiles widened to f32 where the target lacks them, `native_half`; loop binding, then barriers and shared workspaces where a block loop's results are read after it, then the tiles
 * staged in shared memory, `stage_shared`). Its output is
 * exactly what the printer receives.
 */
function legalize(g: Node, target: string, schedule: Schedule, nativeHalf?: NativeHalf): Node {
  const stage = schedule.extra['stage_shared'];
  const table = targetTable(target);
  const wide = widenTiles(g, nativeHalf ?? table?.nativeHalf ?? 'none');
  return stageShared(syncBlockLoops(bindLoops(wide, table?.bind ?? {})), typeof stage === 'string' ? (stage as StageRule) : 'none');
}

/** `block_max(64, 64)`, `segment_mass(doc, 8)`: a side output as written. */
export function sideOutputText(side: SideOutput): string {
  return side.kind === 'block_max' ? `block_max(${side.bq}, ${side.bk})` : `segment_mass(${side.segments}, ${side.count})`;
}

/**
 * Why `target` refuses `kernel`, or null: its side outputs must be among those the target's table lists
 * (`side_outputs` in targets/<name>.json; the lowering is shared, lower-side-outputs.ts, the table says whose runtime
 * binds them). The reason names the output, the target and the targets that have it.
 */
export function sideOutputRefusal(kernel: Kernel, target: string): string | null {
  const side = kernel.kind === 'attention' ? (kernel.sideOutputs ?? []) : [];
  const binds = (name: string, kind: SideOutput['kind']): boolean => targetTable(name)?.sideOutputs.includes(kind) ?? false;
  const missing = side.find((s) => !binds(target, s.kind));
  if (!missing) return null;
  const others = targetNames().filter((name) => binds(name, missing.kind));
  return `kernel ${kernel.name}: output ${sideOutputText(missing)} is not supported on ${target} yet (supported on: ${others.join(', ') || 'no target, only the reference'})`;
}

/** Throws `sideOutputRefusal` as an UnsupportedError before anything is lowered. */
export function refuseSideOutputs(kernel: Kernel, target: string): void {
  const refusal = sideOutputRefusal(kernel, target);
  if (refusal !== null) throw new UnsupportedError(refusal);
}

/**
 * A ragged batch (`kv_len = ragged`) walks key tiles per sequence in the lowering (dense or closed-form bounds);
 * the block planner and side outputs assume one kv_len for the whole batch, so those kernels are refused.
 */
export function refuseRaggedPlan(kernel: Kernel, walk: KeyWalk, target: string): void {
  if (kernel.kind !== 'attention' || !kernel.raggedKv) return;
  if (walk.kind === 'plan') throw new UnsupportedError(`kernel ${kernel.name}: kv_len = ragged needs a pattern with closed-form key bounds on ${target}; this pattern walks a block plan, which is not ragged yet`);
  if (kernel.sideOutputs?.length) throw new UnsupportedError(`kernel ${kernel.name}: kv_len = ragged with side outputs is not supported on ${target} yet`);
}

/** Most closed-form key intervals per query tile walked as loop bounds: the target's own `key_intervals` (default 1; its table validates it). */
function keyIntervals(schedule: Schedule, target: string): number {
  const v = schedule.extra['key_intervals'] ?? 1;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_KEY_INTERVALS) {
    throw new Error(`targets/${target}.json: key_intervals must be an integer in [1, ${MAX_KEY_INTERVALS}], got ${String(v)}`);
  }
  return v;
}

/** Runs every stage for `kernel` on `target`; the last stage (`legalize.<target>`) is what the target prints. */
export function runPipeline(kernel: Kernel, target: string, opts: PipelineOptions = {}): PipelineResult {
  const schedule = applySchedule(kernel, target, opts.schedule);
  const stages: Stage[] = [];
  const stage = (name: string, ir: Node): Node => {
    assertValid(ir, name);
    stages.push({ name, ir });
    return ir;
  };
  if (kernel.kind === 'gemm') {
    // gemm_variant outer: the csr / bsr / nm outer-product walk, where the kernel has a micro-kernel (passes/gemm-micro.ts)
    const micro = schedule.extra['gemm_variant'] === 'outer' ? microPlan(kernel) : null;
    let g = micro ? stage('lower-gemm-outer', lowerGemmOuter(kernel, micro)) : stage('lower-gemm', lowerGemm(kernel, { schedule }));
    g = stage('simplify', simplify(g));
    g = stage(`legalize.${target}`, legalize(g, target, schedule, opts.nativeHalf));
    return { final: g, schedule, stages };
  }
  if (kernel.kind === 'select') {
    // a selector: pooled block scores, then its rule per query block (src/passes/lower-select.ts)
    let g = stage('lower-select', lowerSelect(kernel, opts.sizes ? { sizes: opts.sizes } : {}));
    g = stage('simplify', simplify(g));
    g = stage(`legalize.${target}`, legalize(g, target, schedule, opts.nativeHalf));
    return { final: g, schedule, stages };
  }
  refuseSideOutputs(kernel, target);
  // lower: FlashAttention-2 loops over the key tiles the analysis says are live
  const walk = keyWalk(kernel, schedule.tile_q, schedule.tile_k, undefined, keyIntervals(schedule, target));
  refuseRaggedPlan(kernel, walk, target);
  // pack_gqa = stack: one task stacks its KV head's query heads into one tile (a per-head block plan cannot be stacked)
  const stack = schedule.pack_gqa === 'stack' && !kernel.sideOutputs?.length && walk.kind !== 'plan' ? stackGroup(kernel.heads, kernel.kvHeads) : 1;
  let g = stage('lower-attention', lowerAttention(kernel, { schedule, walk, stack, ...(opts.sizes ? { sizes: opts.sizes } : {}) }));
  // fold sizes and index arithmetic so equal tiles become equal nodes
  g = stage('simplify', simplify(g));
  // GQA / MQA: one KV tile load serves every query head of its group
  // NOTE: pack-gqa and split-kv know only (m, l, acc): a kernel with side outputs keeps one head per tile, one chunk.
  const plain = !kernel.sideOutputs?.length;
  const group = groupSize(kernel);
  if (plain && schedule.pack_gqa === true && group > 1) g = stage('pack-gqa', packGqa(g, { group }));
  // decode: split the KV range into chunks, merge them by log-sum-exp
  const chunks = plain ? splitChunks(kernel, schedule) : 1;
  if (chunks > 1) g = stage('split-kv', splitKv(g, { chunks }));
  // paged KV: K / V tile loads read their page through the block table (tile_k divides the page size)
  if (kernel.kvLayout?.kind === 'paged') {
    const sizes = { batch: sizeNode(kernel.batch, 'batch'), kvHeads: sizeNode(kernel.kvHeads, 'kv_heads'), kvLen: sizeNode(kernel.kvLen, 'kv_len') };
    g = stage('paged-kv', pagedKv(g, { pageSize: kernel.kvLayout.pageSize, ...sizes }));
  }
  g = stage('simplify.final', simplify(g));
  g = stage(`legalize.${target}`, legalize(g, target, schedule, opts.nativeHalf));
  return { final: g, schedule, walk, stages };
}
