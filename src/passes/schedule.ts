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
  /**
   * Pack the query heads of one KV head together (GQA / MQA): true unrolls the head loop per head of the group
   * (pass `pack-gqa`); 'stack' stacks the group's query rows into one tile (group x tile_q / group rows) in the lowering.
   */
  readonly pack_gqa: boolean | 'stack';
  /** Shrink tile_q to the next power of two >= a static q_len (decode gets 1-row tiles) unless the kernel's block sets tile_q. */
  readonly fit_tile_q: boolean;
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
  fit_tile_q: false,
  extra: Object.freeze({}),
});

const MAX_TILE = 1024;
const MAX_SPLIT = 256;

/** A schedule value as written (JSON defaults, `schedule T { }` blocks, overrides). */
export type ScheduleValue = number | boolean | string;

const isInt = (v: ScheduleValue, lo: number, hi: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
const tileKey = (v: ScheduleValue): string | null => (isInt(v, 1, MAX_TILE) ? null : `an integer in [1, ${MAX_TILE}]`);
const boolKey = (v: ScheduleValue): string | null => (typeof v === 'boolean' ? null : 'true or false');

/** Every key all targets share, with its value rule: null when `value` is valid, else what it must be. */
export const SCHEDULE_KEYS: Readonly<Record<Exclude<keyof Schedule, 'extra'>, (value: ScheduleValue) => string | null>> = {
  tile_q: tileKey,
  tile_k: tileKey,
  tile_m: tileKey,
  tile_n: tileKey,
  tile_kd: tileKey,
  split_kv_max_q_len: tileKey,
  split_kv_chunks: tileKey,
  split_kv: (v) => (v === 'auto' || isInt(v, 1, MAX_SPLIT) ? null : `'auto' or an integer in [1, ${MAX_SPLIT}]`),
  pack_gqa: (v) => (typeof v === 'boolean' || v === 'stack' ? null : "true, false or 'stack'"),
  fit_tile_q: boolKey,
};

/** Whether `key` is one of SCHEDULE_KEYS. */
export function isScheduleKey(key: string): key is keyof typeof SCHEDULE_KEYS {
  return Object.prototype.hasOwnProperty.call(SCHEDULE_KEYS, key);
}

/**
 * Applies `settings` over `base`; throws a clear Error on a bad value of a shared key. Other keys are the
 * target's own (validated against its table by `checkTargetSettings`) and pass through in `extra`.
 */
export function mergeSchedule(base: Schedule, settings: ScheduleSettings, origin: string): Schedule {
  const out: Record<string, unknown> = { ...base, extra: { ...base.extra } };
  for (const [key, value] of Object.entries(settings)) {
    if (isScheduleKey(key)) {
      const want = SCHEDULE_KEYS[key](value);
      if (want !== null) throw new Error(`${origin}: schedule '${key}' must be ${want}, got ${String(value)}`);
      out[key] = value;
    } else {
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
