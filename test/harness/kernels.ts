/**
 * @file Kernels used by the harness tests: one per pattern family and gemm feature, built by hand.
 */
import type { AttentionKernel, GemmKernel } from '../../src/model/kernel.js';
import { and, attention, bin, causal, gemm, inputs, load, member, num, or, size, sub, v, window } from '../reference/kernels.js';

/** `h / (heads / kv_heads)`, as the checker expands `kvh`. */
const kvh = bin('div', v('h'), bin('div', size('heads'), size('kv_heads')));

export const causalKernel: AttentionKernel = attention('causal', causal, {
  heads: 2, headDim: 16, qLen: 'dynamic', kvLen: 'dynamic', batch: 'dynamic', outputs: ['out', 'lse'],
});

export const streamingKernel: AttentionKernel = attention('streaming', and(causal, or(bin('lt', v('k'), num(4)), window(32))), {
  heads: 4, kvHeads: 2, headDim: 16, qLen: 'dynamic', kvLen: 'dynamic', dtype: 'f16',
});

export const documentKernel: AttentionKernel = attention('document', and(causal, bin('eq', load('doc', 'int', v('q')), load('doc', 'int', v('k')))), {
  heads: 2, headDim: 8, qLen: 'dynamic', kvLen: 'dynamic', dtype: 'bf16', inputs: [inputs.i32('doc', 'kv_len')], outputs: ['out', 'lse'],
});

export const verticalSlashKernel: AttentionKernel = attention(
  'vertical_slash',
  and(causal, or(member('cols', v('k'), v('b'), v('h')), member('diags', sub(v('q'), v('k')), v('b'), v('h')))),
  { heads: 2, headDim: 8, qLen: 'dynamic', kvLen: 'dynamic', inputs: [inputs.list('cols', 'batch', 'heads'), inputs.list('diags', 'batch', 'heads')] },
);

export const blocksKernel: AttentionKernel = attention(
  'seer',
  and(causal, load('sel', 'bool', v('b'), v('h'), bin('div', v('q'), num(16)), bin('div', v('k'), num(16)))),
  { heads: 2, headDim: 8, qLen: 'dynamic', kvLen: 'dynamic', inputs: [inputs.blocks('sel', 16, 16)], outputs: ['out', 'lse'] },
);

export const decodeKernel: AttentionKernel = attention('decode_gqa', member('sel', v('k'), v('b'), kvh), {
  batch: 'dynamic', heads: 8, kvHeads: 2, headDim: 16, qLen: 1, kvLen: 'dynamic', dtype: 'bf16',
  inputs: [inputs.list('sel', 'batch', 'kv_heads')], outputs: ['out', 'lse'],
});

export const gemmKernels: readonly GemmKernel[] = [
  gemm('up_proj_24', { m: 'dynamic', n: 48, k: 64, weight: { format: 'nm', keep: 2, group: 4 }, dtype: 'f16' }),
  gemm('intel_4x1', { m: 'dynamic', n: 'dynamic', k: 'dynamic', weight: { format: 'bsr', r: 4, c: 1 } }),
  gemm('spmm', { m: 5, n: 40, k: 'dynamic', weight: { format: 'csr' }, bias: true, epilogue: 'gelu' }),
  gemm('cats_down', { m: 1, n: 32, k: 96, threshold: 0.05, epilogue: 'silu', dtype: 'bf16' }),
  gemm('relu_bias', { m: 'dynamic', n: 'dynamic', k: 'dynamic', bias: true, epilogue: 'relu' }),
];

export const attentionKernels: readonly AttentionKernel[] = [causalKernel, streamingKernel, documentKernel, verticalSlashKernel, blocksKernel, decodeKernel];
