/**
 * @file What generated wrappers call: `defineAttention` / `defineGemm` turn a manifest URL into a
 * kernel handle whose `load('wasm')` fetches the module and returns `run` (inputs checked first,
 * the block plan built by the run-time planner when the kernel walks one) and a reusable `plan`.
 */
import type { AttentionKernel, AttentionSizes, GemmKernel } from '../../model/kernel.js';
import type { RaggedList, RuntimeValues } from '../../model/values.js';
import { packWeight, type PackedWeight } from '../packing.js';
import { buildPlan } from '../plan/planner.js';
import type { BlockPlan } from '../plan/types.js';
import type { WasmAbi } from './abi.js';
import { attentionSizeBindings, gemmBindings, planBindings, runtimeBindings } from './bind.js';
import { attentionSizesOf, checkRuntimeInputs, gemmSizesOf, type GivenSizes } from './check.js';
import { WasmKernel, type WasmLoadOptions } from './kernel.js';

/** The manifest `sparsec build` writes next to each kernel (format 1). */
export interface KernelManifest {
  readonly format: 1;
  readonly name: string;
  readonly kind: 'attention' | 'gemm';
  /** Spec file and SHA-256 of the kernel's checked model (changes when the kernel changes). */
  readonly source: { readonly file: string; readonly hash: string };
  readonly kernel: AttentionKernel | GemmKernel;
  readonly schedule: Readonly<Record<string, unknown>> & { readonly tile_q: number; readonly tile_k: number };
  /** How key tiles are walked: every tile, closed-form bounds, or a block plan. */
  readonly plan: { readonly walk: 'dense' | 'bounds' | 'plan' | 'none'; readonly space: string };
  /** Live-tile figures at the declared sizes (absent when sizes or runtime inputs make them unknown). */
  readonly tiles: Readonly<Record<string, number>> | null;
  readonly wasm: { readonly abi: WasmAbi; readonly simd: string; readonly relaxed: string; readonly simdBytes: number; readonly relaxedBytes: number };
}

/** Attention inputs: Q, K, V, runtime inputs by name, optional sizes and a precomputed plan. */
export interface AttentionRunInputs {
  readonly q: Float32Array;
  readonly k: Float32Array;
  readonly v: Float32Array;
  readonly sizes?: GivenSizes;
  readonly plan?: BlockPlan;
  readonly [input: string]: Float32Array | Int32Array | Uint8Array | RaggedList | GivenSizes | BlockPlan | undefined;
}

/** Outputs of an attention run. */
export interface AttentionRunOutputs {
  readonly out: Float32Array;
  readonly lse?: Float32Array;
}

/** A loaded attention kernel. */
export interface LoadedAttention<I, O> {
  readonly manifest: KernelManifest;
  /** Which module runs: 'simd' or 'relaxed'. */
  readonly variant: string;
  /** The block plan for these runtime inputs and sizes (reuse it across layers); null when the kernel needs none. */
  plan(inputs: Omit<I, 'q' | 'k' | 'v' | 'plan'> & { readonly sizes: Required<Pick<GivenSizes, 'qLen' | 'kvLen'>> & GivenSizes }): BlockPlan | null;
  run(inputs: I): Promise<O>;
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
  readonly variant: string;
  /** Packs a dense W [n, k] in the kernel's weight format once, for many runs. */
  pack(w: Float32Array): PackedWeight;
  run(inputs: I): Promise<O>;
  dispose(): Promise<void>;
}

/** A generated kernel before loading. */
export interface KernelHandle<L> {
  readonly name: string;
  load(target: 'wasm', options?: WasmLoadOptions): Promise<L>;
}

async function fetchBytes(url: URL): Promise<Uint8Array> {
  if (url.protocol === 'file:') {
    const fs = await import('node:fs/promises');
    const { fileURLToPath } = await import('node:url');
    return new Uint8Array(await fs.readFile(fileURLToPath(url)));
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot fetch ${url.href}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function loadWasm(manifestUrl: URL, target: string, options: WasmLoadOptions | undefined): Promise<{ manifest: KernelManifest; kernel: WasmKernel }> {
  if (target !== 'wasm') throw new Error(`target '${target}' is not built into this library (built: wasm)`);
  const manifest = JSON.parse(new TextDecoder().decode(await fetchBytes(manifestUrl))) as KernelManifest;
  const [simd, relaxed] = await Promise.all([fetchBytes(new URL(manifest.wasm.simd, manifestUrl)), fetchBytes(new URL(manifest.wasm.relaxed, manifestUrl))]);
  return { manifest, kernel: await WasmKernel.load({ abi: manifest.wasm.abi, simd, relaxed }, options) };
}

function planFrom(k: AttentionKernel, m: KernelManifest, sizes: AttentionSizes, runtime: RuntimeValues): BlockPlan | null {
  return m.plan.walk === 'plan' ? buildPlan(k.mask, k.inputs, sizes, runtime, m.schedule.tile_q, m.schedule.tile_k) : null;
}

/** The handle of a generated attention kernel whose manifest is at `manifestUrl`. */
export function defineAttention<I extends AttentionRunInputs, O extends AttentionRunOutputs>(name: string, manifestUrl: URL): KernelHandle<LoadedAttention<I, O>> {
  return {
    name,
    async load(target, options) {
      const { manifest, kernel } = await loadWasm(manifestUrl, target, options);
      const k = manifest.kernel as AttentionKernel;
      const staticSizes = (given: GivenSizes): AttentionSizes => ({
        batch: (typeof k.batch === 'number' ? k.batch : given.batch) ?? 1, heads: k.heads as number, kvHeads: k.kvHeads as number,
        headDim: k.headDim as number, valueDim: k.valueDim as number,
        qLen: (typeof k.qLen === 'number' ? k.qLen : given.qLen) ?? 0, kvLen: (typeof k.kvLen === 'number' ? k.kvLen : given.kvLen) ?? 0,
      });
      return {
        manifest,
        variant: kernel.variant,
        plan(inputs) {
          const sizes = staticSizes(inputs.sizes);
          return planFrom(k, manifest, sizes, checkRuntimeInputs(k, sizes, inputs as Record<string, unknown>));
        },
        async run(inputs) {
          const sizes = attentionSizesOf(k, inputs.q, inputs.k, inputs.v, inputs.sizes);
          const runtime = checkRuntimeInputs(k, sizes, inputs);
          const plan = manifest.plan.walk === 'plan' ? (inputs.plan ?? planFrom(k, manifest, sizes, runtime)!) : null;
          if (plan && (plan.numQTiles !== Math.ceil(sizes.qLen / plan.tileQ) || plan.numKTiles !== Math.ceil(sizes.kvLen / plan.tileK))) {
            throw new Error(`${k.name}: the plan given was built for other sizes`);
          }
          const out = new Float32Array(sizes.batch * sizes.heads * sizes.qLen * sizes.valueDim);
          const lse = new Float32Array(k.outputs.includes('lse') ? sizes.batch * sizes.heads * sizes.qLen : 0);
          const values = { ...attentionSizeBindings(sizes), q: inputs.q, k: inputs.k, v: inputs.v, ...runtimeBindings(k.inputs.map((i) => i.name), runtime), ...(plan ? planBindings(plan) : {}) };
          await kernel.run(values, { out, lse });
          return (k.outputs.includes('lse') ? { out, lse } : { out }) as unknown as O;
        },
        dispose: () => kernel.dispose(),
      };
    },
  };
}

/** The handle of a generated gemm kernel whose manifest is at `manifestUrl`. */
export function defineGemm<I extends GemmRunInputs, O extends { readonly y: Float32Array }>(name: string, manifestUrl: URL): KernelHandle<LoadedGemm<I, O>> {
  return {
    name,
    async load(target, options) {
      const { manifest, kernel } = await loadWasm(manifestUrl, target, options);
      const k = manifest.kernel as GemmKernel;
      const pack = (w: Float32Array): PackedWeight => packWeight(k.weight, w, k.n as number, k.k as number);
      return {
        manifest,
        variant: kernel.variant,
        pack,
        async run(inputs) {
          const packed = inputs.w instanceof Float32Array ? null : inputs.w;
          if (packed && packed.format !== k.weight.format) throw new Error(`${k.name}: packed weight is ${packed.format}, the kernel wants ${k.weight.format}`);
          const sizes = gemmSizesOf(k, inputs.x, packed ? new Float32Array((k.n as number) * (k.k as number)) : inputs.w, inputs.bias, inputs.sizes);
          const y = new Float32Array(sizes.m * sizes.n);
          await kernel.run(gemmBindings(sizes, inputs.x, packed ?? pack(inputs.w as Float32Array), inputs.bias), { y });
          return { y } as unknown as O;
        },
        dispose: () => kernel.dispose(),
      };
    },
  };
}
