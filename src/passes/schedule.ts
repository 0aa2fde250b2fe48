/**
 * @file The schedule: a serialisable object of tiling choices. Every field has a default, so the
 * empty schedule is valid; a schedule changes only how the work is cut, never the result.
 */

/** A resolved schedule. `extra` keeps target-specific keys (workgroup size, warps) for printers. */
export interface Schedule {
  /** Query rows per tile (attention). */
  readonly tile_q: number;
  /** Keys per tile (attention). */
  readonly tile_k: number;
  /** Rows of X per tile (gemm). */
  readonly tile_m: number;
  /** Columns of Y per tile (gemm). */
  readonly tile_n: number;
  /** Reduction (k) elements per tile (gemm; a sparse format may round it). */
  readonly tile_kd: number;
  /** Split-KV chunks: a number (1 = off) or 'auto' (on when q_len <= split_kv_max_q_len). */
  readonly split_kv: number | 'auto';
  /** Largest static q_len for which 'auto' splits. */
  readonly split_kv_max_q_len: number;
  /** Chunks used when 'auto' splits. */
  readonly split_kv_chunks: number;
  /** Pack the query heads of one KV head together (GQA / MQA). */
  readonly pack_gqa: boolean;
  /** Other keys, passed through to target printers. */
  readonly extra: Readonly<Record<string, number | boolean | string>>;
}

/** Raw settings as written in JSON defaults or `schedule TARGET { ... }` blocks. */
export type ScheduleSettings = Readonly<Record<string, number | boolean | string>>;

/** The schedule used when nothing is given (valid for every kernel). */
export const EMPTY_SCHEDULE: Schedule = Object.freeze({
  tile_q: 16,
  tile_k: 16,
  tile_m: 8,
  tile_n: 8,
  tile_kd: 16,
  split_kv: 1,
  split_kv_max_q_len: 16,
  split_kv_chunks: 4,
  pack_gqa: false,
  extra: Object.freeze({}),
});

const TILE_KEYS = ['tile_q', 'tile_k', 'tile_m', 'tile_n', 'tile_kd', 'split_kv_max_q_len', 'split_kv_chunks'] as const;
const MAX_TILE = 1024;

/** Applies `settings` over `base`; throws a clear Error on a bad value of a known key. */
export function mergeSchedule(base: Schedule, settings: ScheduleSettings, origin: string): Schedule {
  const out: Record<string, unknown> = { ...base, extra: { ...base.extra } };
  for (const [key, value] of Object.entries(settings)) {
    if ((TILE_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TILE) {
        throw new Error(`${origin}: schedule '${key}' must be an integer in [1, ${MAX_TILE}], got ${String(value)}`);
      }
      out[key] = value;
    } else if (key === 'split_kv') {
      if (value !== 'auto' && (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 256)) {
        throw new Error(`${origin}: schedule 'split_kv' must be 'auto' or an integer in [1, 256], got ${String(value)}`);
      }
      out[key] = value;
    } else if (key === 'pack_gqa') {
      if (typeof value !== 'boolean') throw new Error(`${origin}: schedule 'pack_gqa' must be true or false`);
      out[key] = value;
    } else if (key !== 'target' && key !== 'about') {
      (out['extra'] as Record<string, unknown>)[key] = value;
    }
  }
  return Object.freeze(out) as unknown as Schedule;
}

/** The schedule as plain JSON (stable key order). */
export function scheduleText(s: Schedule): string {
  const keys = Object.keys(s).filter((k) => k !== 'extra').sort();
  const rec: Record<string, unknown> = {};
  for (const k of keys) rec[k] = (s as unknown as Record<string, unknown>)[k];
  rec['extra'] = Object.fromEntries(Object.entries(s.extra).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify(rec);
}
