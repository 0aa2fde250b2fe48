/**
 * @file What `show` draws from: the runtime inputs (seeded random ones at a chosen density, or the user's from a
 * JSON file, checked as a generated kernel checks them) and the figures of the one (batch, head) slice drawn.
 */
import { readFileSync } from 'node:fs';
import type { TileFigures } from '../analysis/classify.js';
import { compileMaskJs } from '../analysis/mask-js.js';
import type { AttentionKernel, AttentionSizes } from '../model/kernel.js';
import type { RuntimeValues } from '../model/values.js';
import { checkRuntimeInputs } from '../runtime/library/check.js';
import { planSlice } from '../runtime/plan/planner.js';
import { sizeRecord, type BlockPlan } from '../runtime/plan/types.js';

/** Tile counts and exact density of slice (b, h) of `plan`. */
export function sliceFigures(kernel: AttentionKernel, sizes: AttentionSizes, runtime: RuntimeValues, plan: BlockPlan, b: number, h: number): TileFigures {
  const mask = compileMaskJs(kernel.mask, kernel.inputs, sizeRecord(sizes), runtime);
  const qOffset = sizes.kvLen - sizes.qLen;
  const s = planSlice(plan, b, h);
  const numKTiles = Math.ceil(sizes.kvLen / plan.tileK);
  let live = 0;
  let full = 0;
  let liveArea = 0;
  let allowed = 0;
  for (let qt = 0; qt < plan.numQTiles; qt++) {
    const r0 = qt * plan.tileQ;
    const r1 = Math.min(sizes.qLen, r0 + plan.tileQ);
    for (let i = plan.rowPtr[s * plan.numQTiles + qt]!; i < plan.rowPtr[s * plan.numQTiles + qt + 1]!; i++) {
      const k0 = plan.kTiles[i]! * plan.tileK;
      const k1 = Math.min(sizes.kvLen, k0 + plan.tileK);
      live++;
      liveArea += (r1 - r0) * (k1 - k0);
      if (plan.full[i]) {
        full++;
        allowed += (r1 - r0) * (k1 - k0);
        continue;
      }
      for (let r = r0; r < r1; r++) for (let c = k0; c < k1; c++) allowed += mask(b, h, r + qOffset, c) ? 1 : 0;
    }
  }
  const area = sizes.qLen * sizes.kvLen;
  const tiles = plan.numQTiles * numKTiles;
  return {
    density: area > 0 ? allowed / area : 0,
    liveTiles: live, fullTiles: full, partialTiles: live - full, emptyTiles: tiles - live,
    workSaved: area > 0 ? 1 - liveArea / area : 0,
  };
}

/** A JSON value as the typed array (or ragged list) the kernel's runtime input `name` expects. */
function typed(kernel: AttentionKernel, name: string, value: unknown): unknown {
  const decl = kernel.inputs.find((i) => i.name === name);
  if (!decl) return value;
  const numbers = (v: unknown, what: string): number[] => {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' && typeof x !== 'boolean')) throw new Error(`--inputs: '${what}' must be a flat array of numbers`);
    return v.map(Number);
  };
  if (decl.kind === 'list') {
    const list = value as { offsets?: unknown; values?: unknown } | null;
    return { offsets: Int32Array.from(numbers(list?.offsets, `${name}.offsets`)), values: Int32Array.from(numbers(list?.values, `${name}.values`)) };
  }
  if (decl.kind === 'blocks' || decl.elem === 'bool') return Uint8Array.from(numbers(value, name));
  return decl.elem === 'f32' ? Float32Array.from(numbers(value, name)) : Int32Array.from(numbers(value, name));
}

/** Dynamic sizes a JSON inputs file may set (`"sizes": { "qLen": 1000, "kvLen": 1000 }`). */
const SETTABLE = ['batch', 'heads', 'kvHeads', 'qLen', 'kvLen'] as const;

/**
 * The runtime inputs in JSON file `file`: `{ "doc": [0, 0, 1, ...], "sel": { "offsets": [...], "values": [...] } }`, plus
 * optional `"sizes"` for the kernel's dynamic sizes, checked against the kernel (lengths, index ranges) before anything
 * is drawn. Returns the sizes drawn at (`base` with the given dynamic ones) and the inputs.
 */
export function readRuntimeInputs(kernel: AttentionKernel, base: AttentionSizes, file: string): { sizes: AttentionSizes; runtime: RuntimeValues } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`--inputs ${file}: ${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`--inputs ${file}: expected an object of runtime inputs by name`);
  const { sizes: given = {}, ...inputs } = json as { sizes?: Record<string, unknown> };
  const sizes: Record<string, number> = { ...base };
  for (const key of SETTABLE) {
    const v = given[key];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || (v as number) < 1) throw new Error(`--inputs ${file}: sizes.${key} must be a positive integer`);
    const declared = { batch: kernel.batch, heads: kernel.heads, kvHeads: kernel.kvHeads, qLen: kernel.qLen, kvLen: kernel.kvLen }[key];
    if (declared !== 'dynamic' && declared !== v) throw new Error(`--inputs ${file}: sizes.${key} is ${String(v)} but the kernel declares ${declared}`);
    sizes[key] = v as number;
  }
  const drawn = sizes as unknown as AttentionSizes;
  const typedInputs = Object.fromEntries(Object.entries(inputs).map(([name, v]) => [name, typed(kernel, name, v)]));
  return { sizes: drawn, runtime: checkRuntimeInputs(kernel, drawn, typedInputs) };
}
