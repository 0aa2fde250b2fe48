/**
 * @file What generated wrappers call: `defineAttention` / `defineGemm` turn a manifest URL into a kernel
 * handle whose `load(target)` returns `run` (inputs checked first, the block plan built with the target's
 * tiles when the kernel walks one) and a reusable `plan`. Target-neutral: the loaders table does the rest.
 */
import type { AttentionKernel, AttentionSizes, GemmKernel } from '../../model/kernel.js';
import type { RaggedList, RuntimeValues } from '../../model/values.js';
import { packWeight, type PackedWeight } from '../packing.js';
import { buildPlan } from '../plan/planner.js';
import type { BlockPlan } from '../plan/types.js';
import { attentionSizeBindings, gemmBindings, planBindings, runtimeBindings } from './bind.js';
import { checkRuntimeInputs, gemmSizesOf } from './check.js';
import { checkPackedWeight } from './packed-check.js';
import { checkGivenPlan, recordPlan } from './plan-check.js';
import { loadTarget, type LoadOptions, type TargetKernel } from './loaders.js';
import { readManifest, type KernelManifest, type LibraryTarget } from './manifest.js';
import { outputArray, resolveAttentionSizes, sideOutputArrays, type GivenSizes } from './sizes.js';
import { ResidentStore, type ResidentInit, type ResidentKv, type ResidentOptions } from './resident.js';

/** Attention inputs: Q, K, V, runtime inputs by name, optional sizes and a precomputed plan. */
export interface AttentionRunInputs {
  readonly q: Float32Array;
  readonly k: Float32Array;
  readonly v: Float32Array;
  readonly sizes?: GivenSizes;
  readonly plan?: BlockPlan;
  readonly [input: string]: Float32Array | Int32Array | Uint8Array | RaggedList | GivenSizes | BlockPlan | ResidentKv | undefined;
}

/** Inputs of a run on resident K / V: the kernel's inputs without `k` and `v`, plus the `resident` store. */
export type ResidentRunInputs<I> = { readonly [P in keyof I as P extends 'k' | 'v' ? never : P]: I[P] } & { readonly resident: ResidentKv };

/** Outputs of an attention run. */
export interface AttentionRunOutputs {
  readonly out: Float32Array;
  readonly lse?: Float32Array;
  /** Side outputs declared in `outputs = ...` (language.md, Side outputs). */
  readonly segment_mass?: Float32Array;
  readonly block_max?: Float32Array;
}

/** A loaded attention kernel. */
export interface LoadedAttention<I, O> {
  readonly manifest: KernelManifest;
  /** The target it runs on. */
  readonly target: LibraryTarget;
  /** Which module or artifact runs: 'simd' or 'relaxed' on wasm, the WGSL artifact file(s) on webgpu. */
  readonly variant: string;
  /**
   * CPU threads a run uses: on wasm and neon the caller plus its workers (1 when `threads` was not asked for, or the
   * kernel has no work loop to split); 1 on webgpu and cuda, whose runs are on the device.
   */
  readonly threads: number;
  /** The block plan for these runtime inputs and sizes (reuse it across layers); null when the kernel needs none. */
  plan(inputs: Omit<I, 'q' | 'k' | 'v' | 'plan'> & { readonly sizes: Required<Pick<GivenSizes, 'qLen' | 'kvLen'>> & GivenSizes }): BlockPlan | null;
  /**
   * Runs on `inputs`; outputs go into the arrays of `into` when given (checked), else into fresh ones. Runs of one
   * loaded kernel are queued: a call made before the previous one finished starts when it has finished.
   * With `resident` (from `resident(...)`) instead of `k` and `v`, K and V are read where they already are.
   */
  run(inputs: I | ResidentRunInputs<I>, into?: Partial<O>): Promise<O>;
  /**
   * Keeps K and V in kernel memory between runs (wasm; decode): writes `init.k`, `init.v` once, room for
   * `capacity` keys per (batch, KV head); `append(kNew, vNew)` adds tokens; `run({ q, resident })` copies only Q.
   * One store per loaded kernel: a later `resident(...)` replaces it. Needs kv_len = dynamic and a static head_dim.
   */
  resident(init: ResidentInit, options: ResidentOptions): ResidentKv;
  dispose(): Promise<void>;
}

/** Gemm inputs: X [m, k], W [n, k] dense (packed per run) or packed, bias [n] when declared. */
export interface GemmRunInputs {
  readonly x: Float32Array;
  readonly w: Float32Array | PackedWeight;
  readonly bias?: Float32Array;
  readonly sizes?: GivenSizes;
}

/** A loaded gemm kernel. */
export interface LoadedGemm<I, O> {
  readonly manifest: KernelManifest;
  readonly target: LibraryTarget;
  readonly variant: string;
  /** CPU threads a run uses, as for attention. */
  readonly threads: number;
  /** Packs a dense W [n, k] in the kernel's weight format once, for many runs. */
  pack(w: Float32Array): PackedWeight;
  /** Runs on `inputs`; Y goes into `into.y` when given (checked), else into a fresh array. Runs are queued as for attention. */
  run(inputs: I, into?: Partial<O>): Promise<O>;
  dispose(): Promise<void>;
}

/** A generated kernel before loading; `T` are the targets its library was built for. */
export interface KernelHandle<L, T extends LibraryTarget = LibraryTarget> {
  readonly name: string;
  load<X extends T>(target: X, options?: LoadOptions[X]): Promise<L>;
}

export async function open(manifestUrl: URL, target: string, options: unknown): Promise<{ manifest: KernelManifest; kernel: TargetKernel }> {
  const manifest = await readManifest(manifestUrl);
  return { manifest, kernel: await loadTarget(manifest, manifestUrl, target, options) };
}

/** The sizes `plan(...)` needs (head_dim does not shape a plan: the first built one stands in when dynamic). */
function planSizes(k: AttentionKernel, kernel: TargetKernel, given: GivenSizes): AttentionSizes {
  const dims = kernel.dims?.find((d) => d.headDim === given.headDim) ?? kernel.dims?.[0];
  return {
    batch: (typeof k.batch === 'number' ? k.batch : given.batch) ?? 1, heads: k.heads as number, kvHeads: k.kvHeads as number,
    headDim: typeof k.headDim === 'number' ? k.headDim : dims?.headDim ?? 0, valueDim: typeof k.valueDim === 'number' ? k.valueDim : dims?.valueDim ?? 0,
    qLen: (typeof k.qLen === 'number' ? k.qLen : given.qLen) ?? 0, kvLen: (typeof k.kvLen === 'number' ? k.kvLen : given.kvLen) ?? 0,
  };
}

function planFrom(k: AttentionKernel, kernel: TargetKernel, sizes: AttentionSizes, runtime: RuntimeValues): BlockPlan | null {
  const s = kernel.section;
  return s.walk === 'plan' ? buildPlan(k.mask, k.inputs, sizes, runtime, s.schedule.tile_q, s.schedule.tile_k) : null;
}

/** A queue of runs: each job starts when the previous one has settled (one kernel's memory is never shared by two runs). */
export function serialQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const result = tail.then(job, job);
    tail = result.catch(() => undefined);
    return result;
  };
}

/** Throws unless `inputs` is an object whose keys are all among `known` (a misspelled input is never ignored). */
export function checkInputKeys(kernel: string, inputs: unknown, known: readonly string[]): void {
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    throw new Error(`${kernel}: run(inputs) needs an object { ${known.join(', ')} }, got ${inputs === null ? 'null' : Array.isArray(inputs) ? 'an array' : typeof inputs}`);
  }
  for (const key of Object.keys(inputs)) {
    if (!known.includes(key)) throw new Error(`${kernel}: unknown input '${key}' (this kernel takes: ${known.join(', ')})`);
  }
}

/** Checks that a caller's plan was built for these sizes and this target's tiles. */
function checkPlan(k: AttentionKernel, kernel: TargetKernel, plan: BlockPlan, sizes: AttentionSizes): void {
  const { tile_q, tile_k } = kernel.section.schedule;
  if (plan.tileQ !== tile_q || plan.tileK !== tile_k) {
    throw new Error(`${k.name}: the plan given was built for ${plan.tileQ}x${plan.tileK} tiles, this target walks ${tile_q}x${tile_k} tiles (make it with plan(...) of the same loaded kernel)`);
  }
  if (plan.numQTiles !== Math.ceil(sizes.qLen / tile_q) || plan.numKTiles !== Math.ceil(sizes.kvLen / tile_k)) {
    throw new Error(`${k.name}: the plan given was built for other sizes`);
  }
}

/** The handle of a generated attention kernel whose manifest is at `manifestUrl`. */
export function defineAttention<I extends AttentionRunInputs, O extends AttentionRunOutputs, T extends LibraryTarget = LibraryTarget>(name: string, manifestUrl: URL): KernelHandle<LoadedAttention<I, O>, T> {
  return {
    name,
    async load(target, options) {
      const { manifest, kernel } = await open(manifestUrl, target, options);
      const k = manifest.kernel as AttentionKernel;
      const known = ['q', 'k', 'v', ...k.inputs.map((i) => i.name), 'sizes', 'plan'];
      const queued = serialQueue();
      let store: ResidentStore | null = null;
      const handle: LoadedAttention<I, O> = {
        manifest,
        target,
        variant: kernel.variant,
        threads: kernel.threads ?? 1,
        plan(inputs) {
          checkInputKeys(k.name, inputs, known.filter((n) => !['q', 'k', 'v', 'plan'].includes(n)));
          if (typeof inputs.sizes !== 'object' || inputs.sizes === null) throw new Error(`${k.name}: plan(...) needs sizes { qLen, kvLen }`);
          const sizes = planSizes(k, kernel, inputs.sizes);
          const runtime = checkRuntimeInputs(k, sizes, inputs as Record<string, unknown>);
          const plan = planFrom(k, kernel, sizes, runtime);
          return plan && recordPlan(k, sizes, runtime, plan);
        },
        resident(init, options) {
          store = ResidentStore.create(k, kernel.resident, target, init, options, handle);
          return store;
        },
        run: (inputs, into) => queued(async () => {
          checkInputKeys(k.name, inputs, [...known, 'resident']);
          const kept = residentOf(k.name, inputs, store, handle);
          const sizes = kept ? kept.sizesFor(inputs.q, inputs.sizes) : resolveAttentionSizes(k, kernel.dims, inputs.q, inputs['k'], inputs['v'], inputs.sizes);
          const runtime = checkRuntimeInputs(k, sizes, inputs);
          const given = inputs.plan ?? null;
          if (given !== null && kernel.section.walk !== 'plan') throw new Error(`${k.name}: plan: this kernel walks no plan on ${target} (plan(...) returns null for it); pass none`);
          const plan = kernel.section.walk === 'plan' ? (given ?? planFrom(k, kernel, sizes, runtime)!) : null;
          if (given) {
            if (typeof given === 'object') checkPlan(k, kernel, given, sizes);
            checkGivenPlan(k, given, sizes, runtime);
          }
          const rows = sizes.batch * sizes.heads * sizes.qLen;
          const out = outputArray(k.name, 'out', into?.out, rows * sizes.valueDim);
          const lse = outputArray(k.name, 'lse', into?.lse, k.outputs.includes('lse') ? rows : 0);
          const side = sideOutputArrays(k, sizes, into);
          const values = { ...attentionSizeBindings(sizes), q: inputs.q, ...(kept ? {} : { k: inputs['k'] as Float32Array, v: inputs['v'] as Float32Array }), ...runtimeBindings(k.inputs.map((i) => i.name), runtime), ...(plan ? planBindings(plan) : {}) };
          const dims = kernel.dims ? { headDim: sizes.headDim, valueDim: sizes.valueDim } : null;
          const outputs = { ...(k.outputs.includes('lse') ? { out, lse } : { out }), ...side };
          await kernel.run(values, outputs, dims);
          return outputs as unknown as O;
        }),
        dispose: () => kernel.dispose(),
      };
      return handle;
    },
  };
}

/** The resident store of a run's inputs (checked: made by this loaded kernel, the latest one, no `k` / `v` beside it), or null. */
function residentOf(kernel: string, inputs: Readonly<Record<string, unknown>>, latest: ResidentStore | null, owner: object): ResidentStore | null {
  const given = inputs['resident'];
  if (given === undefined) return null;
  if (!(given instanceof ResidentStore) || given.owner !== owner) throw new Error(`${kernel}: input 'resident' must come from resident(...) of this loaded kernel`);
  if (given !== latest) throw new Error(`${kernel}: input 'resident' was replaced by a later resident(...) call; use the latest one`);
  if (inputs['k'] !== undefined || inputs['v'] !== undefined) throw new Error(`${kernel}: pass either 'resident' or 'k' and 'v', not both`);
  return given;
}

/** The handle of a generated gemm kernel whose manifest is at `manifestUrl`. */
export function defineGemm<I extends GemmRunInputs, O extends { readonly y: Float32Array }, T extends LibraryTarget = LibraryTarget>(name: string, manifestUrl: URL): KernelHandle<LoadedGemm<I, O>, T> {
  return {
    name,
    async load(target, options) {
      const { manifest, kernel } = await open(manifestUrl, target, options);
      const k = manifest.kernel as GemmKernel;
      const pack = (w: Float32Array): PackedWeight => packWeight(k.weight, w, k.n as number, k.k as number);
      const known = ['x', 'w', ...(k.bias ? ['bias'] : []), 'sizes'];
      const queued = serialQueue();
      return {
        manifest,
        target,
        variant: kernel.variant,
        threads: kernel.threads ?? 1,
        pack,
        run: (inputs, into) => queued(async () => {
          checkInputKeys(k.name, inputs, known);
          const packed = inputs.w instanceof Float32Array ? null : inputs.w;
          if (packed && (typeof packed !== 'object' || ArrayBuffer.isView(packed) || typeof (packed as { format?: unknown }).format !== 'string')) {
            const got = packed === null ? 'null' : typeof packed === 'object' ? (packed as object).constructor?.name ?? 'an object' : typeof packed;
            throw new Error(`${k.name}: input 'w' must be a Float32Array (the dense [n, k] weight) or a weight from pack(...), got ${got}`);
          }
          if (packed) checkPackedWeight(k, packed);
          const sizes = gemmSizesOf(k, inputs.x, packed ? new Float32Array((k.n as number) * (k.k as number)) : inputs.w, inputs.bias, inputs.sizes);
          const y = outputArray(k.name, 'y', into?.y, sizes.m * sizes.n);
          await kernel.run(gemmBindings(sizes, inputs.x, packed ?? pack(inputs.w as Float32Array), inputs.bias), { y }, null);
          return { y } as unknown as O;
        }),
        dispose: () => kernel.dispose(),
      };
    },
  };
}
