/**
 * @file The target tables `targets/<name>.json`, read and validated: which targets exist (one file each), their
 * default schedule, the keys of their own a schedule may set (declared by giving them a default there), and how
 * their loops bind to the hardware (`bind`: loop role -> grid.x|grid.y|grid.z|grid.w|block|serial) and which 16-bit float
 * tiles it computes on (`native_half`: none|f16|f16+bf16; the others `widen-tiles` widens to f32). Plain data; pure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { closestName } from '../diagnostics/suggest.js';
import { STAGE_RULES } from './stage-shared.js';
import { NATIVE_HALF, type NativeHalf } from './widen-tiles.js';
import { isScheduleKey, SCHEDULE_KEYS, type ScheduleSettings, type ScheduleValue } from './schedule.js';
import type { SideOutput } from '../model/kernel.js';

/**
 * Where a loop's iterations run: a grid axis (independent tasks), the lanes/threads of one group, or one after another.
 * `grid.w` is the launch axis: a loop inside the innermost grid loop, beside other effects, whose iterations run as
 * tasks of their own and whose results are read after a launch boundary (split-KV's chunks before their merge).
 */
export type LoopBinding = 'grid.x' | 'grid.y' | 'grid.z' | 'grid.w' | 'block' | 'serial';

/** Every loop binding. */
export const LOOP_BINDINGS: readonly LoopBinding[] = ['grid.x', 'grid.y', 'grid.z', 'grid.w', 'block', 'serial'];

/** One target's table. */
export interface TargetTable {
  readonly name: string;
  /** One line on what the target is and why its defaults are what they are. */
  readonly about: string;
  /** Default schedule settings: shared keys and the target's own keys. */
  readonly defaults: ScheduleSettings;
  /** Loop role -> binding; roles not listed run serially. */
  readonly bind: Readonly<Record<string, LoopBinding>>;
  /** The f16 / bf16 tiles the target computes on; `widen-tiles` widens the others to f32 (absent: none). */
  readonly nativeHalf: NativeHalf;
  /** The attention side outputs (`outputs = ...`) its runtime binds (`side_outputs`; absent: none). */
  readonly sideOutputs: readonly SideOutput['kind'][];
}

/** Every side output kind a table may list in `side_outputs` (exhaustive over the model's SideOutput). */
const SIDE_OUTPUT_KINDS = Object.keys({ block_max: true, segment_mass: true } satisfies Record<SideOutput['kind'], true>) as SideOutput['kind'][];

/** A problem with one schedule setting. */
export interface SettingProblem {
  readonly key: string;
  /** `unknown`: no such key on this target; `value`: the value breaks the key's rule. */
  readonly kind: 'unknown' | 'value';
  /** For `unknown`: the closest known key, or null; for `value`: what the value must be. */
  readonly hint: string | null;
}

/** Keys of a table file that are not schedule settings. */
const META_KEYS = new Set(['target', 'about', 'bind', 'native_half', 'side_outputs']);

const TARGETS_DIR = new URL('../../targets/', import.meta.url);

let namesCache: readonly string[] | null = null;
const tableCache = new Map<string, TargetTable>();

/** Names of every target: one per `targets/<name>.json`, sorted. */
export function targetNames(): readonly string[] {
  namesCache ??= Object.freeze(readdirSync(fileURLToPath(TARGETS_DIR)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort());
  return namesCache;
}

/** `a, b or c`. */
export function nameList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** The type rule of a target's own key: the type of its default. */
function ownKeyRule(def: ScheduleValue): (v: ScheduleValue) => string | null {
  if (typeof def === 'boolean') return (v) => (typeof v === 'boolean' ? null : 'true or false');
  if (typeof def === 'number') return (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? null : 'a positive integer');
  return (v) => (typeof v === 'string' ? null : 'a name');
}

/** The most closed-form key intervals per query tile a table's `key_intervals` may ask to walk as loop bounds. */
export const MAX_KEY_INTERVALS = 3;

/**
 * How sparse gemm lowers: `inner`, tiles over k / rows of stored blocks (lower-gemm); `outer`, the outer-product walk
 * over rows of the transposed X whose micro-kernels the CPU printers print (lower-gemm-outer), where a kernel has one.
 */
export const GEMM_VARIANTS = ['inner', 'outer'] as const;

/** Value rules of own keys that more than their default's type constrains (a table declares the key by its default). */
const OWN_KEY_RULES: Readonly<Record<string, (v: ScheduleValue) => string | null>> = {
  key_intervals: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_KEY_INTERVALS ? null : `an integer in [1, ${MAX_KEY_INTERVALS}]`),
  gemm_variant: (v) => ((GEMM_VARIANTS as readonly ScheduleValue[]).includes(v) ? null : nameList(GEMM_VARIANTS.map((r) => `'${r}'`))),
  stage_shared: (v) => ((STAGE_RULES as readonly ScheduleValue[]).includes(v) ? null : nameList(STAGE_RULES.map((r) => `'${r}'`))),
};

/** Problems of `settings` on the target whose defaults are `defaults` (shared keys, plus the keys `defaults` declares). */
function settingProblems(defaults: ScheduleSettings, settings: ScheduleSettings): SettingProblem[] {
  const known = [...Object.keys(SCHEDULE_KEYS), ...Object.keys(defaults)];
  const out: SettingProblem[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (isScheduleKey(key)) {
      const want = SCHEDULE_KEYS[key](value);
      if (want !== null) out.push({ key, kind: 'value', hint: want });
    } else if (Object.prototype.hasOwnProperty.call(defaults, key)) {
      const want = (OWN_KEY_RULES[key] ?? ownKeyRule(defaults[key]!))(value);
      if (want !== null) out.push({ key, kind: 'value', hint: want });
    } else {
      out.push({ key, kind: 'unknown', hint: closestName(key, known) });
    }
  }
  return out;
}

/** One line per problem, as Error messages and `sparsec check` show them. */
export function problemText(target: string, p: SettingProblem): string {
  return p.kind === 'unknown'
    ? `unknown schedule setting '${p.key}' for target ${target}${p.hint ? ` (did you mean '${p.hint}'?)` : ''}`
    : `schedule setting '${p.key}' must be ${p.hint ?? 'valid'}`;
}

/** Validates a parsed table file; throws an Error naming the file and every problem. */
function validateTable(name: string, raw: unknown): TargetTable {
  const file = `targets/${name}.json`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: must be a JSON object`);
  const rec = raw as Record<string, unknown>;
  const errors: string[] = [];
  if (rec['target'] !== name) errors.push(`"target" must be "${name}"`);
  if (typeof rec['about'] !== 'string') errors.push('"about" must be a string');
  const defaults: Record<string, ScheduleValue> = {};
  for (const [key, value] of Object.entries(rec)) {
    if (META_KEYS.has(key)) continue;
    if (typeof value !== 'number' && typeof value !== 'boolean' && typeof value !== 'string') {
      errors.push(`'${key}' must be a number, true, false or a name`);
      continue;
    }
    // NOTE: a key of the target's own that is one typo away from a shared key is a typo, not a new key.
    const shared = isScheduleKey(key) ? null : closestName(key, Object.keys(SCHEDULE_KEYS));
    const meta = isScheduleKey(key) ? null : closestName(key, [...META_KEYS]);
    if (shared) errors.push(`unknown schedule setting '${key}' (did you mean '${shared}'?)`);
    else if (meta) errors.push(`unknown key '${key}' (did you mean '${meta}'?)`);
    else defaults[key] = value;
  }
  for (const p of settingProblems(defaults, defaults)) errors.push(problemText(name, p));
  const bind: Record<string, LoopBinding> = {};
  const rawBind = rec['bind'] ?? {};
  if (rawBind === null || typeof rawBind !== 'object' || Array.isArray(rawBind)) errors.push('"bind" must map loop roles to bindings');
  else {
    for (const [role, b] of Object.entries(rawBind as Record<string, unknown>)) {
      if ((LOOP_BINDINGS as readonly unknown[]).includes(b)) bind[role] = b as LoopBinding;
      else errors.push(`bind '${role}' must be ${nameList(LOOP_BINDINGS.map((x) => `'${x}'`))}${typeof b === 'string' && closestName(b, LOOP_BINDINGS) ? ` (did you mean '${closestName(b, LOOP_BINDINGS)}'?)` : ''}`);
    }
  }
  const nativeHalf = rec['native_half'] ?? 'none';
  if (!(NATIVE_HALF as readonly unknown[]).includes(nativeHalf)) {
    const hint = typeof nativeHalf === 'string' ? closestName(nativeHalf, NATIVE_HALF) : null;
    errors.push(`"native_half" must be ${nameList(NATIVE_HALF.map((x) => `'${x}'`))}${hint ? ` (did you mean '${hint}'?)` : ''}`);
  }
  const sideOutputs = rec['side_outputs'] ?? [];
  if (!Array.isArray(sideOutputs)) errors.push(`"side_outputs" must be a list of ${nameList(SIDE_OUTPUT_KINDS.map((x) => `'${x}'`))}`);
  else {
    for (const k of sideOutputs as unknown[]) {
      if ((SIDE_OUTPUT_KINDS as readonly unknown[]).includes(k)) continue;
      const hint = typeof k === 'string' ? closestName(k, SIDE_OUTPUT_KINDS) : null;
      errors.push(`"side_outputs": unknown side output ${JSON.stringify(k)}, must be ${nameList(SIDE_OUTPUT_KINDS.map((x) => `'${x}'`))}${hint ? ` (did you mean '${hint}'?)` : ''}`);
    }
  }
  if (errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
  return Object.freeze({
    name, about: rec['about'] as string, defaults: Object.freeze(defaults), bind: Object.freeze(bind), nativeHalf: nativeHalf as NativeHalf,
    sideOutputs: Object.freeze([...(sideOutputs as SideOutput['kind'][])]),
  });
}

/** The validated table of target `name`, or undefined when there is no `targets/<name>.json`. Throws on an invalid file. */
export function targetTable(name: string): TargetTable | undefined {
  if (!targetNames().includes(name)) return undefined;
  let hit = tableCache.get(name);
  if (!hit) {
    hit = validateTable(name, JSON.parse(readFileSync(new URL(`${name}.json`, TARGETS_DIR), 'utf8')) as unknown);
    tableCache.set(name, hit);
  }
  return hit;
}

/** Problems of `settings` (a kernel's `schedule T { }` block) on target `name` (none on a target without a table). */
export function checkTargetSettings(name: string, settings: ScheduleSettings): SettingProblem[] {
  const table = targetTable(name);
  return table ? settingProblems(table.defaults, settings) : [];
}

/** Validates `text` as the table of `name` (tests feed broken tables through this). */
export function parseTargetTable(name: string, text: string): TargetTable {
  return validateTable(name, JSON.parse(text) as unknown);
}
