/**
 * @file Caller-supplied block plans, checked in O(tiles) before a kernel reads them: only plans that
 * `plan(...)` (or a run) made are accepted, for the same runtime inputs and sizes (a digest of both is
 * recorded when the plan is made), unchanged since (a digest of its arrays), and well formed (row pointers
 * monotone from 0 to the tile count, key tiles ascending and in range, full flags 0 / 1).
 */
import type { AttentionKernel, AttentionSizes } from '../../model/kernel.js';
import type { RuntimeValues } from '../../model/values.js';
import type { BlockPlan } from '../plan/types.js';

/** What a made plan was made from. */
interface PlanOrigin {
  readonly kernel: string;
  readonly inputs: string;
  readonly arrays: string;
}

const ORIGINS = new WeakMap<object, PlanOrigin>();

function fail(kernel: string, msg: string): never {
  throw new Error(`${kernel}: plan: ${msg}`);
}

/** A 2 x 32-bit FNV-1a style digest of byte views and numbers (not cryptographic: catches mix-ups, not attacks). */
class Digest {
  private a = 0x811c9dc5;
  private b = 0x01000193;
  word(x: number): void {
    this.a = Math.imul(this.a ^ (x | 0), 0x01000193);
    this.b = Math.imul(this.b ^ (x | 0), 0x5bd1e995) ^ (this.b >>> 15);
  }
  bytes(v: ArrayBufferView): void {
    const u8 = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    const words = u8.byteLength >> 2;
    const aligned = v.byteOffset % 4 === 0 ? new Int32Array(v.buffer, v.byteOffset, words) : null;
    this.word(u8.byteLength);
    for (let i = 0; i < words; i++) this.word(aligned ? aligned[i]! : (u8[4 * i]! | (u8[4 * i + 1]! << 8) | (u8[4 * i + 2]! << 16) | (u8[4 * i + 3]! << 24)));
    for (let i = words * 4; i < u8.byteLength; i++) this.word(u8[i]!);
  }
  text(): string {
    return `${(this.a >>> 0).toString(16)}.${(this.b >>> 0).toString(16)}`;
  }
}

function inputsDigest(k: AttentionKernel, sizes: AttentionSizes, runtime: RuntimeValues): string {
  const d = new Digest();
  for (const s of [sizes.batch, sizes.heads, sizes.kvHeads, sizes.qLen, sizes.kvLen]) d.word(s);
  for (const decl of k.inputs) {
    const v = runtime[decl.name];
    if (v === undefined) continue;
    if ('offsets' in v) {
      d.bytes(v.offsets);
      d.bytes(v.values);
    } else {
      d.bytes(v);
    }
  }
  return d.text();
}

function arraysDigest(plan: BlockPlan): string {
  const d = new Digest();
  for (const x of [plan.tileQ, plan.tileK, plan.numQTiles, plan.numKTiles, plan.hCount, plan.bShared ? 1 : 0, plan.hShared ? 1 : 0]) d.word(x);
  d.bytes(plan.rowPtr);
  d.bytes(plan.kTiles);
  d.bytes(plan.full);
  return d.text();
}

/** Records that `plan` was made by the planner for these inputs; returns it. */
export function recordPlan(k: AttentionKernel, sizes: AttentionSizes, runtime: RuntimeValues, plan: BlockPlan): BlockPlan {
  ORIGINS.set(plan, { kernel: k.name, inputs: inputsDigest(k, sizes, runtime), arrays: arraysDigest(plan) });
  return plan;
}

/** The structure of a plan: types, lengths, bounds and order, in O(tiles). */
function checkStructure(k: AttentionKernel, plan: BlockPlan, sizes: AttentionSizes): void {
  const name = k.name;
  if (!(plan.rowPtr instanceof Int32Array) || !(plan.kTiles instanceof Int32Array) || !(plan.full instanceof Uint8Array)) fail(name, 'rowPtr and kTiles must be Int32Arrays, full a Uint8Array');
  const slices = (plan.bShared ? 1 : sizes.batch) * plan.hCount;
  if (plan.hCount !== (plan.hShared ? 1 : sizes.heads)) fail(name, `hCount is ${plan.hCount}, expected ${plan.hShared ? 1 : sizes.heads}`);
  if (plan.rowPtr.length !== slices * plan.numQTiles + 1) fail(name, `rowPtr has ${plan.rowPtr.length} entries, expected ${slices * plan.numQTiles + 1}`);
  if (plan.full.length !== plan.kTiles.length) fail(name, `full has ${plan.full.length} entries, kTiles ${plan.kTiles.length}`);
  if (plan.rowPtr[0] !== 0 || plan.rowPtr[plan.rowPtr.length - 1] !== plan.kTiles.length) fail(name, `rowPtr must run from 0 to ${plan.kTiles.length}`);
  for (let r = 0; r + 1 < plan.rowPtr.length; r++) {
    const [lo, hi] = [plan.rowPtr[r]!, plan.rowPtr[r + 1]!];
    if (hi < lo) fail(name, `rowPtr decreases at row ${r}`);
    if (hi - lo > plan.numKTiles) fail(name, `row ${r} lists ${hi - lo} key tiles, there are ${plan.numKTiles}`);
    for (let j = lo; j < hi; j++) {
      const t = plan.kTiles[j]!;
      if (t < 0 || t >= plan.numKTiles) fail(name, `key tile ${t} at ${j} is outside [0, ${plan.numKTiles})`);
      if (j > lo && t <= plan.kTiles[j - 1]!) fail(name, `key tiles of row ${r} must ascend (${plan.kTiles[j - 1]} then ${t})`);
      if (plan.full[j]! > 1) fail(name, `full[${j}] is ${plan.full[j]}, expected 0 or 1`);
    }
  }
}

/**
 * Throws unless `plan` was made by `plan(...)` of this kernel for exactly these runtime inputs and sizes, and is
 * unchanged and well formed. O(tiles + runtime input bytes).
 */
export function checkGivenPlan(k: AttentionKernel, plan: BlockPlan, sizes: AttentionSizes, runtime: RuntimeValues): void {
  if (typeof plan !== 'object' || plan === null) fail(k.name, `must be an object from plan(...), got ${plan === null ? 'null' : typeof plan}`);
  const origin = ORIGINS.get(plan);
  if (!origin) fail(k.name, 'was not made by plan(...) of a loaded kernel (plans are not built by hand)');
  if (origin.kernel !== k.name) fail(k.name, `was made for kernel '${origin.kernel}'`);
  if (origin.inputs !== inputsDigest(k, sizes, runtime)) fail(k.name, 'was made from other runtime inputs or sizes than this run\'s (make it with plan(...) from the same inputs)');
  if (origin.arrays !== arraysDigest(plan)) fail(k.name, 'was changed after plan(...) made it');
  checkStructure(k, plan, sizes);
}
