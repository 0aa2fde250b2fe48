/**
 * @file What the bench page gets for one case, built in Node: sparsec's WGSL artifact (the best variant the page's
 * device allows) with its bound values, and onnxruntime-web's models with their inputs; a JSON manifest plus a blob.
 */
import type { WgslKernelArtifact } from '../../runtime/webgpu/artifact.js';
import { bindAttention, bindGemm } from '../../targets/webgpu/bind.js';
import { DEFAULT_PRINT, variantFor, type PrintOptions } from '../../targets/webgpu/print.js';
import { compileWgsl, scheduleFor } from '../../targets/webgpu/target.js';
import { MASKED_BIAS } from '../framework/attention-work.js';
import { ATTENTION_IO, GEMM_IO, gemmModel } from '../peers/onnx-models.js';
import { applyThreshold } from '../peers/ort.js';
import { Rng } from '../../reference/random.js';
import { attentionMaskWork, browserMask, type BrowserAttentionCase, type BrowserCase, type BrowserGemmCase, type BrowserWork } from './cases.js';
import { maskedAttentionModel, mhaAttentionModel, MHA_IO, swapHeadsAndLength } from './models.js';

/** Element types of blob regions, as the page rebuilds them (`bytes` is a Uint8Array of raw bytes). */
export type BlobType = 'f32' | 'i32' | 'u32' | 'u8' | 'bytes';

/** A region of the case's binary blob. */
export interface BlobRef {
  readonly type: BlobType;
  /** Byte offset (a multiple of 4). */
  readonly offset: number;
  /** Elements. */
  readonly length: number;
}

/** The JSON part of a case the page reads: everything but the bulk data, which the refs point into. */
export interface CaseManifest {
  readonly name: string;
  readonly sparsec: {
    readonly artifact: WgslKernelArtifact;
    readonly scalars: Readonly<Record<string, number>>;
    readonly arrays: Readonly<Record<string, BlobRef>>;
    /** Output arrays the kernel fills (`out` and an empty `lse`, or `y`) with their lengths. */
    readonly outputs: Readonly<Record<string, number>>;
    /** The output that is checked and sent back. */
    readonly result: string;
  };
  /** onnxruntime-web runs, in order: the plain-op graph, then (attention) the MultiHeadAttention node. */
  readonly ort: readonly OrtRunManifest[];
}

/** One onnxruntime-web model with its inputs; `key` names its samples and posted output. */
export interface OrtRunManifest {
  readonly key: string;
  readonly model: BlobRef;
  readonly inputs: readonly { readonly name: string; readonly dims: readonly number[]; readonly data: BlobRef }[];
  readonly output: string;
}

/** How a row and a check see one onnxruntime-web run. */
export interface OrtRunInfo {
  readonly key: string;
  /** The row's target: `webgpu` (plain ops) or `webgpu-mha` (MultiHeadAttention, i.e. FlashAttention). */
  readonly target: string;
  /** The posted output in the contract's layout (O [b, h, q_len, d] or Y [m, n]). */
  readonly canonical: (out: Float32Array) => Float32Array;
}

/** The key of the plain-op onnxruntime-web run and of the MultiHeadAttention run. */
export const ORT_PLAIN = 'onnxruntime-web';
export const ORT_MHA = 'onnxruntime-web-mha';

/** Inputs the checks need in Node (the reference recomputes the case from them). */
export type CaseInputs =
  | { readonly kind: 'attention'; readonly q: Float32Array; readonly k: Float32Array; readonly v: Float32Array }
  | { readonly kind: 'gemm'; readonly x: Float32Array; readonly w: Float32Array };

/** One case ready to serve: manifest, blob, work figures and the inputs for the checks. */
export interface CasePayload {
  readonly manifest: CaseManifest;
  readonly blob: Uint8Array;
  readonly work: BrowserWork;
  readonly inputs: CaseInputs;
  /** Length of the checked output (O or Y). */
  readonly outputLength: number;
  /** The onnxruntime-web runs, as in the manifest. */
  readonly ortRuns: readonly OrtRunInfo[];
}

const same = (out: Float32Array): Float32Array => out;

/** Appends typed arrays to one growing byte buffer, each at a 4-byte aligned offset. */
class BlobWriter {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  add(data: ArrayLike<number> | Uint8Array, type: BlobType): BlobRef {
    const bytes = toBytes(data, type);
    const offset = this.size;
    this.parts.push(bytes);
    this.size += bytes.byteLength;
    const pad = (4 - (this.size % 4)) % 4;
    if (pad > 0) {
      this.parts.push(new Uint8Array(pad));
      this.size += pad;
    }
    return { type, offset, length: type === 'bytes' || type === 'u8' ? bytes.byteLength : bytes.byteLength / 4 };
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  }
}

const TYPED: Record<Exclude<BlobType, 'bytes' | 'u8'>, (d: ArrayLike<number>) => ArrayBufferView> = {
  f32: (d) => Float32Array.from(d),
  i32: (d) => Int32Array.from(d),
  u32: (d) => Uint32Array.from(d),
};

function toBytes(data: ArrayLike<number>, type: BlobType): Uint8Array {
  if (type === 'bytes' || type === 'u8') return Uint8Array.from(data);
  const view = TYPED[type](data);
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** The blob type that keeps a bound array's values exactly. */
function blobTypeOf(data: ArrayLike<number>): BlobType {
  if (data instanceof Float32Array) return 'f32';
  if (data instanceof Uint8Array) return 'u8';
  if (data instanceof Uint32Array) return 'u32';
  for (let i = 0; i < data.length; i++) if (!Number.isInteger(data[i])) return 'f32';
  return 'i32';
}

/** Splits bound values into scalars (JSON) and arrays (blob regions). */
function splitValues(values: ReadonlyMap<string, number | ArrayLike<number>>, blob: BlobWriter) {
  const scalars: Record<string, number> = {};
  const arrays: Record<string, BlobRef> = {};
  for (const [name, v] of values) {
    if (typeof v === 'number') scalars[name] = v;
    else arrays[name] = blob.add(v, blobTypeOf(v));
  }
  return { scalars, arrays };
}

/** Random Q, K, V (uniform in [-1, 1)) of an attention case, deterministic for a seed. */
export function attentionInputs(c: BrowserAttentionCase, seed = 7): { q: Float32Array; k: Float32Array; v: Float32Array } {
  const { batch, heads, kvHeads, qLen, kvLen, headDim, valueDim } = c.sizes;
  const rng = new Rng(seed);
  const make = (n: number): Float32Array => Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
  return { q: make(batch * heads * qLen * headDim), k: make(batch * kvHeads * kvLen * headDim), v: make(batch * kvHeads * kvLen * valueDim) };
}

/** The additive bias from the mask: 0 where allowed, MASKED_BIAS elsewhere; one slice unless the mask is per head. */
function biasOf(c: BrowserAttentionCase, mask: Uint8Array): { data: Float32Array; dims: [number, number, number, number] } {
  const { batch, heads, qLen, kvLen } = c.sizes;
  const dims: [number, number, number, number] = c.perHead ? [batch, heads, qLen, kvLen] : [1, 1, qLen, kvLen];
  const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) if (!mask[i]) data[i] = MASKED_BIAS;
  return { data, dims };
}

function attentionPayload(c: BrowserAttentionCase, tile: { tileQ: number; tileK: number }, print: PrintOptions): CasePayload {
  const blob = new BlobWriter();
  const { pipeline, artifact } = compileWgsl(c.kernel, c.sizes, scheduleFor(c.kernel), print);
  const inputs = attentionInputs(c);
  const values = bindAttention(c.kernel, pipeline.walk, pipeline.schedule, c.sizes, { ...inputs, runtime: c.runtime });
  const outLength = c.sizes.batch * c.sizes.heads * c.sizes.qLen * c.sizes.valueDim;
  const sparsec = { artifact, ...splitValues(values, blob), outputs: { out: outLength, lse: 0 }, result: 'out' };
  const mask = browserMask(c);
  const bias = biasOf(c, mask);
  const { batch, heads, qLen, kvLen, headDim } = c.sizes;
  const model = maskedAttentionModel({ batch, heads, qLen, kvLen, headDim, biasDims: bias.dims });
  const qDims = [batch, heads, qLen, headDim];
  const kvDims = [batch, heads, kvLen, headDim];
  const biasRef = blob.add(bias.data, 'f32');
  const plain: OrtRunManifest = {
    key: ORT_PLAIN,
    model: blob.add(model, 'bytes'),
    inputs: [
      { name: ATTENTION_IO.q, dims: qDims, data: blob.add(inputs.q, 'f32') },
      { name: ATTENTION_IO.k, dims: kvDims, data: blob.add(inputs.k, 'f32') },
      { name: ATTENTION_IO.v, dims: kvDims, data: blob.add(inputs.v, 'f32') },
      { name: ATTENTION_IO.bias, dims: bias.dims, data: biasRef },
    ],
    output: ATTENTION_IO.out,
  };
  const toBshd = (x: Float32Array, len: number): BlobRef => blob.add(swapHeadsAndLength(x, batch, heads, len, headDim), 'f32');
  const mha: OrtRunManifest = {
    key: ORT_MHA,
    model: blob.add(mhaAttentionModel({ batch, heads, qLen, kvLen, headDim, biasDims: bias.dims }), 'bytes'),
    inputs: [
      { name: MHA_IO.q, dims: [batch, qLen, heads * headDim], data: toBshd(inputs.q, qLen) },
      { name: MHA_IO.k, dims: [batch, kvLen, heads * headDim], data: toBshd(inputs.k, kvLen) },
      { name: MHA_IO.v, dims: [batch, kvLen, heads * headDim], data: toBshd(inputs.v, kvLen) },
      { name: MHA_IO.bias, dims: bias.dims, data: biasRef },
    ],
    output: MHA_IO.out,
  };
  const ortRuns: OrtRunInfo[] = [
    { key: ORT_PLAIN, target: 'webgpu', canonical: same },
    { key: ORT_MHA, target: 'webgpu-mha', canonical: (out) => swapHeadsAndLength(out, batch, heads, qLen, headDim, true) },
  ];
  return {
    ortRuns,
    manifest: { name: c.name, sparsec, ort: [plain, mha] },
    blob: blob.finish(),
    work: attentionMaskWork(c, mask, tile.tileQ, tile.tileK),
    inputs: { kind: 'attention', ...inputs },
    outputLength: outLength,
  };
}

function gemmPayload(c: BrowserGemmCase, print: PrintOptions): CasePayload {
  const blob = new BlobWriter();
  const { m, n, k } = c.gemm;
  const { artifact } = compileWgsl(c.kernel, undefined, scheduleFor(c.kernel), print);
  const values = bindGemm(c.kernel, { m, n, k }, { x: c.data.x, w: c.data.w });
  const sparsec = { artifact, ...splitValues(values, blob), outputs: { y: m * n }, result: 'y' };
  const ort: OrtRunManifest = {
    key: ORT_PLAIN,
    model: blob.add(gemmModel(m, n, k, c.data.w), 'bytes'),
    inputs: [{ name: GEMM_IO.x, dims: [m, k], data: blob.add(applyThreshold(c.data.x, c.data.threshold), 'f32') }],
    output: GEMM_IO.y,
  };
  return {
    ortRuns: [{ key: ORT_PLAIN, target: 'webgpu', canonical: same }],
    manifest: { name: c.name, sparsec, ort: [ort] },
    blob: blob.finish(),
    work: { denseFlops: c.data.denseFlops, liveFlops: c.data.liveFlops, density: c.data.density },
    inputs: { kind: 'gemm', x: c.data.x, w: c.data.w },
    outputLength: m * n,
  };
}

/** Builds the payload of a case; attention live work is counted on `tile` (the bench's 64 x 64 by default). */
export function casePayload(c: BrowserCase, features: ReadonlySet<string> = new Set(), tile = { tileQ: 64, tileK: 64 }): CasePayload {
  const print = { ...DEFAULT_PRINT, ...variantFor(features) };
  return c.kind === 'attention' ? attentionPayload(c, tile, print) : gemmPayload(c, print);
}
