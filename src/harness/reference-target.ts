/**
 * @file `reference32`: a Target that computes attention (online softmax) and gemm (from the packed
 * weight formats) in float32 arithmetic. Tests the harness itself and serves as a sanity target.
 */
import { referenceSelectOutput } from '../reference/select.js';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel } from '../model/kernel.js';
import type { AttentionInputs, AttentionOutputs, GemmInputs, GemmOutputs } from '../model/values.js';
import type { Availability, CompiledKernel, Target } from './target.js';
import { ROUND_SCALAR } from '../reference/dtype.js';
import { EPILOGUES } from '../reference/gemm.js';
import { kvHeadOf, softmaxScale } from '../reference/attention.js';
import { maskRow, pointEnv } from '../reference/mask.js';
import { packWeight, type PackedWeight } from '../runtime/packing.js';

const f = Math.fround;

/** One query row by online softmax in f32: writes O (rounded to the dtype) and lse. */
function attentionRow(kernel: AttentionKernel, sizes: AttentionSizes, inputs: AttentionInputs, outputs: AttentionOutputs, b: number, h: number, i: number, ctx: RowScratch): void {
  const { headDim, valueDim, kvLen } = sizes;
  const allowed = maskRow(kernel, sizes, inputs.runtime, b, h, i, ctx.allowed, ctx.point);
  const kvh = kvHeadOf(h, sizes);
  const row = (b * sizes.heads + h) * sizes.qLen + i;
  const qBase = row * headDim;
  const acc = ctx.acc.fill(0);
  let m = -Infinity;
  let l = 0;
  for (let j = 0; j < kvLen; j++) {
    if (!allowed[j]) continue;
    const kBase = ((b * sizes.kvHeads + kvh) * kvLen + j) * headDim;
    let dot = 0;
    for (let d = 0; d < headDim; d++) dot = f(dot + f(inputs.q[qBase + d]! * inputs.k[kBase + d]!));
    let s = f(dot * ctx.scale);
    if (kernel.score) {
      ctx.point.vars.k = j;
      ctx.point.vars.score = s;
      s = f(ctx.point.score!(ctx.point.vars));
    }
    if (s === -Infinity) continue;
    if (s > m) {
      const correction = f(Math.exp(m - s));
      l = f(l * correction);
      for (let d = 0; d < valueDim; d++) acc[d] = f(acc[d]! * correction);
      m = s;
    }
    const p = f(Math.exp(s - m));
    l = f(l + p);
    const vBase = ((b * sizes.kvHeads + kvh) * kvLen + j) * valueDim;
    for (let d = 0; d < valueDim; d++) acc[d] = f(acc[d]! + f(p * inputs.v[vBase + d]!));
  }
  const empty = m === -Infinity;
  const round = ROUND_SCALAR[kernel.dtype];
  for (let d = 0; d < valueDim; d++) outputs.out[row * valueDim + d] = empty ? 0 : round(f(acc[d]! / l));
  if (outputs.lse) outputs.lse[row] = empty ? -Infinity : f(m + f(Math.log(l)));
}

/** Per-run scratch buffers. */
interface RowScratch {
  readonly allowed: Uint8Array;
  readonly acc: Float32Array;
  readonly scale: number;
  readonly point: ReturnType<typeof pointEnv>;
}

async function runAttention(kernel: AttentionKernel, sizes: AttentionSizes, inputs: AttentionInputs, outputs: AttentionOutputs): Promise<void> {
  const ctx: RowScratch = {
    allowed: new Uint8Array(sizes.kvLen),
    acc: new Float32Array(sizes.valueDim),
    scale: f(softmaxScale(kernel, sizes)),
    point: pointEnv(kernel, sizes, inputs.runtime),
  };
  for (let b = 0; b < sizes.batch; b++) {
    for (let h = 0; h < sizes.heads; h++) {
      for (let i = 0; i < sizes.qLen; i++) attentionRow(kernel, sizes, inputs, outputs, b, h, i, ctx);
    }
  }
}

/** Adds row r of the packed weight, times the thresholded activation row `x`, into the f32 sum of each output column. */
type PackedRowProduct = (p: PackedWeight, x: Float32Array, acc: Float32Array) => void;

/** f32 products X'W^T straight from each packed layout (acc has one entry per output column n). */
const PACKED_PRODUCTS: Readonly<Record<PackedWeight['format'], PackedRowProduct>> = {
  dense: (p, x, acc) => {
    if (p.format !== 'dense') return;
    for (let c = 0; c < p.n; c++) for (let kk = 0; kk < p.k; kk++) acc[c] = f(acc[c]! + f(x[kk]! * p.values[c * p.k + kk]!));
  },
  nm: (p, x, acc) => {
    if (p.format !== 'nm') return;
    const slots = Math.ceil(p.k / p.group) * p.keep;
    for (let c = 0; c < p.n; c++) {
      for (let s = 0; s < slots; s++) {
        const col = Math.floor(s / p.keep) * p.group + p.indices[c * slots + s]!;
        acc[c] = f(acc[c]! + f(x[col]! * p.values[c * slots + s]!));
      }
    }
  },
  bsr: (p, x, acc) => {
    if (p.format !== 'bsr') return;
    for (let br = 0; br + 1 < p.rowPtr.length; br++) {
      for (let blk = p.rowPtr[br]!; blk < p.rowPtr[br + 1]!; blk++) {
        for (let i = 0; i < p.r && br * p.r + i < p.n; i++) {
          for (let j = 0; j < p.c && p.colIdx[blk]! * p.c + j < p.k; j++) {
            const c = br * p.r + i;
            acc[c] = f(acc[c]! + f(x[p.colIdx[blk]! * p.c + j]! * p.values[(blk * p.r + i) * p.c + j]!));
          }
        }
      }
    }
  },
  csr: (p, x, acc) => {
    if (p.format !== 'csr') return;
    for (let c = 0; c < p.n; c++) for (let e = p.indptr[c]!; e < p.indptr[c + 1]!; e++) acc[c] = f(acc[c]! + f(x[p.indices[e]!]! * p.values[e]!));
  },
};

async function runGemm(kernel: GemmKernel, sizes: GemmSizes, inputs: GemmInputs, outputs: GemmOutputs): Promise<void> {
  const packed = packWeight(kernel.weight, inputs.w, sizes.n, sizes.k);
  const product = PACKED_PRODUCTS[packed.format];
  const epilogue = EPILOGUES[kernel.epilogue];
  const round = ROUND_SCALAR[kernel.dtype];
  const x = new Float32Array(sizes.k);
  const acc = new Float32Array(sizes.n);
  for (let r = 0; r < sizes.m; r++) {
    for (let kk = 0; kk < sizes.k; kk++) {
      const v = inputs.x[r * sizes.k + kk]!;
      x[kk] = kernel.threshold !== null && Math.abs(v) <= kernel.threshold ? 0 : v;
    }
    acc.fill(0);
    product(packed, x, acc);
    for (let c = 0; c < sizes.n; c++) {
      const biased = kernel.bias && inputs.bias ? f(acc[c]! + inputs.bias[c]!) : acc[c]!;
      outputs.y[r * sizes.n + c] = round(f(epilogue(biased)));
    }
  }
}

/** The float32 reference target (`reference32`). Always available. */
export const reference32: Target = {
  name: 'reference32',
  async availability(): Promise<Availability> {
    return { ok: true };
  },
  async compile(kernel: Kernel): Promise<CompiledKernel> {
    if (kernel.kind === 'attention' && (kernel.kvLayout || kernel.raggedKv)) throw new Error(`reference32: kernel ${kernel.name}: paged KV and ragged batches are computed by the float64 reference only`);
    if (kernel.kind === 'attention') return { runAttention: (sizes, inputs, outputs) => runAttention(kernel, sizes, inputs, outputs) };
    if (kernel.kind === 'select') return { runAttention: async (sizes, inputs, outputs) => outputs.out.set(referenceSelectOutput(kernel, sizes, inputs.q, inputs.k)) };
    return { runGemm: (sizes, inputs, outputs) => runGemm(kernel, sizes, inputs, outputs) };
  },
};
