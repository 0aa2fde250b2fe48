/**
 * @file Stage `apply-schedule`: the kernel's `schedule TARGET { ... }` block merged over the
 * target's defaults in `targets/<target>.json`, merged over the empty schedule. Pure.
 */
import { readFileSync } from 'node:fs';
import type { Kernel } from '../model/kernel.js';
import { EMPTY_SCHEDULE, mergeSchedule, type Schedule, type ScheduleSettings } from './schedule.js';

const defaultsCache = new Map<string, ScheduleSettings>();

/** The default schedule settings of `target` from `targets/<target>.json` ({} when there is none). */
export function targetDefaults(target: string): ScheduleSettings {
  if (!/^[a-z0-9_-]+$/.test(target)) return {};
  let hit = defaultsCache.get(target);
  if (!hit) {
    try {
      const url = new URL(`../../targets/${target}.json`, import.meta.url);
      hit = JSON.parse(readFileSync(url, 'utf8')) as ScheduleSettings;
    } catch {
      hit = {};
    }
    defaultsCache.set(target, hit);
  }
  return hit;
}

/**
 * Resolves the schedule of `kernel` on `target`: empty schedule, then target defaults, then the
 * kernel's own block for that target, then `overrides` (tests use these to vary the schedule).
 */
export function applySchedule(kernel: Kernel, target: string, overrides: ScheduleSettings = {}): Schedule {
  let s = mergeSchedule(EMPTY_SCHEDULE, targetDefaults(target), `targets/${target}.json`);
  s = mergeSchedule(s, kernel.schedules[target] ?? {}, `kernel ${kernel.name}: schedule ${target}`);
  return mergeSchedule(s, overrides, 'schedule override');
}
