/**
 * @file The cases of the browser bench (sparsec's WGSL beside onnxruntime-web's WebGPU backend): sinks + window
 * prefill and decode, causal prefill, a block layout, an nm(2, 4) gemm and a dense gemm, with their kernels and masks.
 */
import type { AttentionKernel, AttentionSizes, GemmKernel } from '../../model/kernel.js';
import { maskTensor } from '../../reference/mask.js';
import { Rng } from '../../reference/random.js';
import { blockLayout, LAYOUT_BLOCK, LAYOUT_DENSITY } from '../framework/cases.js';
import { gemmCase, gemmData, type GemmCase, type GemmData, type GemmShape } from '../framework/gemm-cases.js';
import { checkKernelSource, gemmKernelFor } from '../sparsec/kernels.js';

/** Names of the browser cases, as they appear in result rows. */
export type BrowserCaseName = 'window' | 'window_decode' | 'causal' | 'blocks' | 'gemm_nm24' | 'gemm_dense';

/** Every browser case, in table order. */
export const BROWSER_CASE_NAMES: readonly BrowserCaseName[] = ['window', 'window_decode', 'causal', 'blocks', 'gemm_nm24', 'gemm_dense'];

/** Attention sizes of the browser cases: prefill runs q_len = kv_len = seq, decode q_len = 1 over `decodeKvLen` keys. */
export interface BrowserAttentionShape {
  readonly batch: number;
  readonly heads: number;
  readonly seq: number;
  readonly decodeKvLen: number;
  readonly headDim: number;
}

/** Shapes of one browser bench run. */
export interface BrowserShapes {
  readonly attention: BrowserAttentionShape;
  readonly gemm: GemmShape;
}

/** The full run: small enough that SwiftShader (a CPU) finishes every case in a few minutes. */
export const BROWSER_SHAPES: BrowserShapes = {
  attention: { batch: 1, heads: 2, seq: 1024, decodeKvLen: 4096, headDim: 64 },
  gemm: { m: 16, n: 1024, k: 1024 },
};

/** A tiny run for tests: every tile class still occurs (seq spans several 64-wide tiles). */
export const TINY_BROWSER_SHAPES: BrowserShapes = {
  attention: { batch: 1, heads: 2, seq: 192, decodeKvLen: 320, headDim: 16 },
  gemm: { m: 4, n: 64, k: 128 },
};

/** Sinks and window of the sliding-window cases (the wasm bench's values). */
export const BROWSER_SINKS = 4;
export const BROWSER_WINDOW = 256;

/** One attention case: its checked sparsec kernel, sizes, runtime inputs and the mask the dense peer gets as a bias. */
export interface BrowserAttentionCase {
  readonly kind: 'attention';
  readonly name: BrowserCaseName;
  readonly description: string;
  readonly kernel: AttentionKernel;
  readonly sizes: AttentionSizes;
  readonly runtime: Readonly<Record<string, Int32Array | Uint8Array>>;
  /** True when the mask differs between (b, h); the bias then has dims [batch, heads, q_len, kv_len]. */
  readonly perHead: boolean;
}

/** One gemm case: the framework's case and data with sparsec's kernel (its format, or dense). */
export interface BrowserGemmCase {
  readonly kind: 'gemm';
  readonly name: BrowserCaseName;
  readonly description: string;
  readonly gemm: GemmCase;
  readonly data: GemmData;
  readonly kernel: GemmKernel;
}

/** Any browser case. */
export type BrowserCase = BrowserAttentionCase | BrowserGemmCase;

interface AttentionSpec {
  readonly description: string;
  readonly pattern: string;
  readonly params: string;
  readonly decode: boolean;
  readonly perHead: boolean;
  readonly runtime: (s: BrowserAttentionShape, rng: Rng) => Record<string, Int32Array | Uint8Array>;
}

const WINDOW_PATTERN = `causal && (k < ${BROWSER_SINKS} || q - k < ${BROWSER_WINDOW})`;

const ATTENTION_SPECS: Partial<Record<BrowserCaseName, AttentionSpec>> = {
  window: { description: `prefill, ${BROWSER_SINKS} sinks + window ${BROWSER_WINDOW}`, pattern: WINDOW_PATTERN, params: '', decode: false, perHead: false, runtime: () => ({}) },
  window_decode: { description: `decode (q_len 1), ${BROWSER_SINKS} sinks + window ${BROWSER_WINDOW}`, pattern: WINDOW_PATTERN, params: '', decode: true, perHead: false, runtime: () => ({}) },
  causal: { description: 'prefill, dense causal', pattern: 'causal', params: '', decode: false, perHead: false, runtime: () => ({}) },
  blocks: {
    description: `prefill, block layout ${LAYOUT_BLOCK}x${LAYOUT_BLOCK} at ${LAYOUT_DENSITY * 100}%, per head`,
    pattern: `sel[b, h, q / ${LAYOUT_BLOCK}, k / ${LAYOUT_BLOCK}]`,
    params: `sel: blocks<${LAYOUT_BLOCK}, ${LAYOUT_BLOCK}>`,
    decode: false,
    perHead: true,
    runtime: (s, rng) => ({ sel: blockLayout({ batch: s.batch, heads: s.heads, seq: s.seq, headDim: s.headDim }, LAYOUT_BLOCK, LAYOUT_DENSITY, rng) }),
  },
};

/** Source text of an attention case's kernel: its pattern at fixed sizes, f32. */
export function browserAttentionSource(name: string, spec: Pick<AttentionSpec, 'pattern' | 'params'>, sizes: AttentionSizes): string {
  const kernel = `browser_${name}`;
  return `pattern ${kernel}_mask${spec.params ? `(${spec.params})` : ''} = ${spec.pattern}\n`
    + `kernel ${kernel} = attention(${kernel}_mask) {\n  batch = ${sizes.batch}; heads = ${sizes.heads}; head_dim = ${sizes.headDim}\n`
    + `  q_len = ${sizes.qLen}; kv_len = ${sizes.kvLen}\n  dtype = f32\n}\n`;
}

function attentionCaseOf(name: BrowserCaseName, spec: AttentionSpec, shape: BrowserAttentionShape, seed: number): BrowserAttentionCase {
  const { batch, heads, headDim } = shape;
  const kvLen = spec.decode ? shape.decodeKvLen : shape.seq;
  const sizes: AttentionSizes = { batch, heads, kvHeads: heads, headDim, valueDim: headDim, qLen: spec.decode ? 1 : kvLen, kvLen };
  const kernel = checkKernelSource(browserAttentionSource(name, spec, sizes), `browser_${name}.sparse`) as AttentionKernel;
  return { kind: 'attention', name, description: spec.description, kernel, sizes, runtime: spec.runtime(shape, new Rng(seed)), perHead: spec.perHead };
}

/** Builds one case at `shapes`; runtime data and gemm weights are deterministic for a seed. */
export function browserCase(name: BrowserCaseName, shapes: BrowserShapes = BROWSER_SHAPES, seed = 1): BrowserCase {
  const spec = ATTENTION_SPECS[name];
  if (spec) return attentionCaseOf(name, spec, shapes.attention, seed);
  const gemm = gemmCase(name === 'gemm_nm24' ? 'gemm_nm24' : 'gemm_dense', shapes.gemm);
  const data = gemmData(gemm);
  return { kind: 'gemm', name, description: gemm.description, gemm, data, kernel: gemmKernelFor(gemm, data, name === 'gemm_dense') };
}

/** Checks case names against the known ones; throws naming them. */
export function pickBrowserCases(names: readonly string[] | undefined): BrowserCaseName[] {
  if (!names || names.length === 0) return [...BROWSER_CASE_NAMES];
  const known = BROWSER_CASE_NAMES as readonly string[];
  const bad = names.filter((n) => !known.includes(n));
  if (bad.length > 0) throw new Error(`unknown browser case(s) ${bad.join(', ')} (known: ${BROWSER_CASE_NAMES.join(', ')})`);
  return names as BrowserCaseName[];
}

/** The mask of an attention case from the kernel itself (the reference's evaluator): [batch, heads, q_len, kv_len]. */
export function browserMask(c: BrowserAttentionCase): Uint8Array {
  return maskTensor(c.kernel, c.sizes, c.runtime);
}

/** Work figures of a case: dense FLOPs, live-work FLOPs on live tileQ x tileK tiles (gemm: nonzeros), density. */
export interface BrowserWork {
  readonly denseFlops: number;
  readonly liveFlops: number;
  readonly density: number;
}

/** Live work of an attention case from its mask, counted on tileQ x tileK tiles of (query row, key). */
export function attentionMaskWork(c: BrowserAttentionCase, mask: Uint8Array, tileQ: number, tileK: number): BrowserWork {
  const { batch, heads, qLen, kvLen, headDim } = c.sizes;
  const numQ = Math.ceil(qLen / tileQ);
  const numK = Math.ceil(kvLen / tileK);
  let allowed = 0;
  let liveFlops = 0;
  const live = new Uint8Array(numQ * numK);
  for (let s = 0; s < batch * heads; s++) {
    live.fill(0);
    for (let i = 0; i < qLen; i++) {
      const row = (s * qLen + i) * kvLen;
      for (let j = 0; j < kvLen; j++) {
        if (!mask[row + j]) continue;
        allowed++;
        live[Math.floor(i / tileQ) * numK + Math.floor(j / tileK)] = 1;
      }
    }
    for (let t = 0; t < live.length; t++) {
      if (!live[t]) continue;
      const rows = Math.min(tileQ, qLen - Math.floor(t / numK) * tileQ);
      const cols = Math.min(tileK, kvLen - (t % numK) * tileK);
      liveFlops += 4 * headDim * rows * cols;
    }
  }
  const pairs = batch * heads * qLen * kvLen;
  return { denseFlops: 4 * pairs * headDim, liveFlops, density: allowed / pairs };
}
