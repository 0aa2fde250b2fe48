/**
 * @file Stage `apply-schedule`: the kernel's `schedule TARGET { ... }` block merged over the
 * target's defaults in `targets/<target>.json`, merged over the empty schedule. Pure.
 */
import type { Kernel } from '../model/kernel.js';
import { MAX_PACKED_GROUP } from './pack-gqa.js';
import { EMPTY_SCHEDULE, mergeSchedule, type Schedule, type ScheduleSettings } from './schedule.js';
import { checkTargetSettings, problemText, targetTable } from './target-table.js';

/** The default schedule settings of `target` from `targets/<target>.json` ({} when there is none). */
export function targetDefaults(target: string): ScheduleSettings {
  return targetTable(target)?.defaults ?? {};
}

/** Smallest power of two >= n (n >= 1). */
const nextPow2 = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

/**
 * Resolves the schedule of `kernel` on `target`: empty schedule, then target defaults, then the
 * kernel's own block for that target, then `overrides` (tests use these to vary the schedule).
 * With `fit_tile_q`, a static q_len shorter than tile_q shrinks it (unless the kernel's block sets tile_q).
 * A paged kernel (`kv_layout = paged(P)`) gets tile_k = gcd(tile_k, P), so every key tile lies in one page.
 * A `block_max(BQ, BK)` output makes tile_q the smallest multiple of BQ at least tile_q (one task owns each BQ-block).
 * `pack_gqa = 'stack'` on a GQA kernel without side outputs divides tile_q by the group (at least 1): a task's tile
 * stacks the group's query rows, group x tile_q of them, so the tile keeps about the rows the target asked for.
 * A key the target does not know, or a bad value, in the kernel's block is an Error (the checker reports it first).
 */
export function applySchedule(kernel: Kernel, target: string, overrides: ScheduleSettings = {}): Schedule {
  const own = kernel.schedules[target] ?? {};
  const origin = `kernel ${kernel.name}: schedule ${target}`;
  const problems = checkTargetSettings(target, own);
  if (problems.length > 0) throw new Error(`${origin}: ${problems.map((p) => problemText(target, p)).join('; ')}`);
  let s = mergeSchedule(EMPTY_SCHEDULE, targetDefaults(target), `targets/${target}.json`);
  s = mergeSchedule(s, own, origin);
  s = mergeSchedule(s, overrides, 'schedule override');
  if (s.fit_tile_q && kernel.kind === 'attention' && typeof kernel.qLen === 'number' && !('tile_q' in own)) {
    s = mergeSchedule(s, { tile_q: Math.min(s.tile_q, nextPow2(kernel.qLen)) }, 'fit_tile_q');
  }
  const page = kernel.kind === 'attention' && kernel.kvLayout?.kind === 'paged' ? kernel.kvLayout.pageSize : 0;
  if (page > 0 && page % s.tile_k !== 0) s = mergeSchedule(s, { tile_k: gcd(s.tile_k, page) }, `kv_layout = paged(${page})`);
  // NOTE: block_max(BQ, BK) pools query rows across a BQ-block, which one task must own: tile_q becomes a multiple of BQ.
  for (const side of kernel.kind === 'attention' ? (kernel.sideOutputs ?? []) : []) {
    if (side.kind === 'block_max' && s.tile_q % side.bq !== 0) s = mergeSchedule(s, { tile_q: side.bq * Math.ceil(s.tile_q / side.bq) }, `block_max(${side.bq}, ${side.bk})`);
  }
  const group = kernel.kind === 'attention' && !kernel.sideOutputs?.length ? stackGroup(kernel.heads, kernel.kvHeads) : 1;
  if (s.pack_gqa === 'stack' && group > 1) s = mergeSchedule(s, { tile_q: Math.max(1, Math.floor(s.tile_q / group)) }, 'pack_gqa = stack');
  return s;
}

/** Query heads per KV head when both are static and the group is at most MAX_PACKED_GROUP (1 otherwise: nothing to stack). */
export function stackGroup(heads: number | 'dynamic', kvHeads: number | 'dynamic'): number {
  const ok = typeof heads === 'number' && typeof kvHeads === 'number' && kvHeads > 0 && heads % kvHeads === 0 && heads / kvHeads <= MAX_PACKED_GROUP;
  return ok ? heads / kvHeads : 1;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
