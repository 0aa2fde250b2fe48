/**
 * @file The peer libraries: onnxruntime-web (WebAssembly SIMD, same thread count as sparsec) and onnxruntime-node
 * (native CPU, all cores) running dense attention with the case's mask as an additive bias, and dense gemm.
 */
import { availableParallelism } from 'node:os';
import type * as OrtWeb from 'onnxruntime-web';
import { maskBias, attentionTensors, type AttentionTensors } from '../framework/attention-work.js';
import { denseAttentionFlops, type AttentionCase } from '../framework/cases.js';
import { gemmData, type GemmCase, type GemmData } from '../framework/gemm-cases.js';
import { ATTENTION_IO, GEMM_IO, attentionModel, gemmModel } from './onnx-models.js';

/** The two peer libraries. */
export type PeerKind = 'onnxruntime-web' | 'onnxruntime-node';

/** The part of the onnxruntime API both packages share (both re-export onnxruntime-common). */
type OrtApi = Pick<typeof OrtWeb, 'InferenceSession' | 'Tensor' | 'env'>;
type Session = OrtWeb.InferenceSession;
type SessionOptions = OrtWeb.InferenceSession.SessionOptions;

/** A prepared benchmark body: inputs bound, session created. */
export interface PeerRun {
  /** FLOPs of the dense computation the peer performs. */
  readonly denseFlops: number;
  /** One inference with the bound inputs. */
  run(): Promise<void>;
  /** One inference, returning the output (O or Y) for numerical checks. */
  check(): Promise<Float32Array>;
  /** Frees the session. */
  release(): Promise<void>;
}

/** A peer library set up with a thread count. */
export interface OrtPeer {
  readonly kind: PeerKind;
  /** `wasm` for onnxruntime-web, `cpu` for onnxruntime-node. */
  readonly target: 'wasm' | 'cpu';
  /** Threads actually used: for onnxruntime-web the count left after its own fallback. */
  readonly threads: number;
  /** Things a reader of the figures should know (thread fallbacks). */
  readonly notes: readonly string[];
  prepareAttention(c: AttentionCase, tensors?: AttentionTensors): Promise<PeerRun>;
  prepareGemm(c: GemmCase, data?: GemmData): Promise<PeerRun>;
}

/** onnxruntime-web initialises its WebAssembly module once per process; this is the thread count it got. */
let webThreadsInUse: number | null = null;

/** Loads onnxruntime-web and fixes its thread count (on first use), returning the threads actually in use. */
async function setUpWeb(requested: number): Promise<{ api: OrtApi; threads: number; notes: string[] }> {
  const api: OrtApi = await import('onnxruntime-web');
  const notes: string[] = [];
  if (webThreadsInUse === null) {
    api.env.wasm.numThreads = requested;
    api.env.wasm.simd = true;
    api.env.logLevel = 'error';
    // A first (tiny) session initialises the wasm module; onnxruntime-web lowers numThreads to 1 there when
    // the environment cannot run threads (no SharedArrayBuffer / workers).
    const probe = await api.InferenceSession.create(gemmModel(1, 1, 1, Float32Array.of(1)), webOptions());
    await probe.release();
    webThreadsInUse = api.env.wasm.numThreads ?? 1;
  }
  if (webThreadsInUse !== requested) {
    notes.push(`onnxruntime-web: ${requested} threads requested, ${webThreadsInUse} in use (wasm module initialised once per process)`);
  }
  return { api, threads: webThreadsInUse, notes };
}

function webOptions(): SessionOptions {
  return { executionProviders: ['wasm'], graphOptimizationLevel: 'all', executionMode: 'sequential' };
}

function nodeOptions(threads: number): SessionOptions {
  return {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
  };
}

/** A run closure over a session and its feeds. */
function peerRun(session: Session, feeds: Record<string, OrtWeb.Tensor>, output: string, denseFlops: number): PeerRun {
  return {
    denseFlops,
    run: async () => {
      await session.run(feeds);
    },
    check: async () => {
      const result = await session.run(feeds);
      const tensor = result[output];
      if (!tensor) throw new Error(`the session returned no output '${output}'`);
      return Float32Array.from(tensor.data as Float32Array);
    },
    release: () => session.release(),
  };
}

/** X with inputs at or under the threshold set to 0 (the case's meaning; the dense peer still does all the work). */
export function applyThreshold(x: Float32Array, threshold: number | null): Float32Array {
  return threshold === null ? x : x.map((v) => (Math.abs(v) <= threshold ? 0 : v));
}

/**
 * Sets up a peer. onnxruntime-web uses `threads` (default 1), falling back honestly to what its wasm module
 * supports; onnxruntime-node uses `threads` intra-op threads (default: all cores).
 */
export async function createOrtPeer(kind: PeerKind, threads?: number): Promise<OrtPeer> {
  let api: OrtApi;
  let inUse: number;
  let notes: string[] = [];
  let options: SessionOptions;
  if (kind === 'onnxruntime-web') {
    ({ api, threads: inUse, notes } = await setUpWeb(threads ?? 1));
    options = webOptions();
  } else {
    api = await import('onnxruntime-node');
    inUse = threads ?? availableParallelism();
    options = nodeOptions(inUse);
  }
  const tensor = (data: Float32Array, dims: readonly number[]): OrtWeb.Tensor => new api.Tensor('float32', data, dims);
  return {
    kind,
    target: kind === 'onnxruntime-web' ? 'wasm' : 'cpu',
    threads: inUse,
    notes,
    async prepareAttention(c, tensors = attentionTensors(c)) {
      const { batch, heads, seq, headDim } = c.shape;
      const bias = maskBias(c);
      const session = await api.InferenceSession.create(attentionModel({ batch, heads, seq, headDim, biasDims: bias.dims }), options);
      const qkv = [batch, heads, seq, headDim];
      const feeds = {
        [ATTENTION_IO.q]: tensor(tensors.q, qkv),
        [ATTENTION_IO.k]: tensor(tensors.k, qkv),
        [ATTENTION_IO.v]: tensor(tensors.v, qkv),
        [ATTENTION_IO.bias]: tensor(bias.data, bias.dims),
      };
      return peerRun(session, feeds, ATTENTION_IO.out, denseAttentionFlops(c.shape));
    },
    async prepareGemm(c, data = gemmData(c)) {
      const session = await api.InferenceSession.create(gemmModel(c.m, c.n, c.k, data.w), options);
      const feeds = { [GEMM_IO.x]: tensor(applyThreshold(data.x, data.threshold), [c.m, c.k]) };
      return peerRun(session, feeds, GEMM_IO.y, data.denseFlops);
    },
  };
}
