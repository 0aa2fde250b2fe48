import { describe, it, expect, afterAll } from 'vitest';
import { attentionCase, type AttentionCaseName, type AttentionShape } from '../../src/bench/framework/cases.js';
import { attentionTensors } from '../../src/bench/framework/attention-work.js';
import { gemmCase, gemmData, type GemmCaseName } from '../../src/bench/framework/gemm-cases.js';
import { applyThreshold, createOrtPeer, type OrtPeer, type PeerKind } from '../../src/bench/peers/ort.js';
import { maxAbsDiff, referenceAttention, referenceGemm } from './reference.js';

const TINY: AttentionShape = { batch: 1, heads: 2, seq: 17, headDim: 8 };
const KINDS: readonly PeerKind[] = ['onnxruntime-web', 'onnxruntime-node'];
const peers = new Map<PeerKind, OrtPeer>();

async function peer(kind: PeerKind): Promise<OrtPeer> {
  if (!peers.has(kind)) peers.set(kind, await createOrtPeer(kind, kind === 'onnxruntime-web' ? 1 : 2));
  return peers.get(kind)!;
}

describe.each(KINDS)('%s', (kind) => {
  it('reports where it runs and on how many threads', async () => {
    const p = await peer(kind);
    expect(p.kind).toBe(kind);
    expect(p.target).toBe(kind === 'onnxruntime-web' ? 'wasm' : 'cpu');
    expect(p.threads).toBe(kind === 'onnxruntime-web' ? 1 : 2);
  });

  const attentionCases: [AttentionCaseName, AttentionShape][] = [
    ['causal', TINY],
    ['document', TINY],
    ['window', { batch: 1, heads: 2, seq: 300, headDim: 8 }],
  ];
  it.each(attentionCases)('dense masked attention matches a JS reference on %s', async (name, shape) => {
    const c = attentionCase(name, shape, 3);
    const tensors = attentionTensors(c, 5);
    const run = await (await peer(kind)).prepareAttention(c, tensors);
    const out = await run.check();
    await run.release();
    expect(out.length).toBe(shape.batch * shape.heads * shape.seq * shape.headDim);
    expect(maxAbsDiff(out, referenceAttention(c, tensors))).toBeLessThan(1e-4);
    expect(run.denseFlops).toBe(4 * shape.heads * shape.seq * shape.seq * shape.headDim);
  });

  it('applies a per-head bias to the right head', async () => {
    // Head 0 is causal, head 1 a causal window of 3: a [1, heads, seq, seq] bias.
    const base = attentionCase('causal', TINY);
    const c = { ...base, perHead: true, allowed: (_b: number, h: number, q: number, k: number) => k <= q && (h === 0 || q - k < 3) };
    const tensors = attentionTensors(c, 9);
    const run = await (await peer(kind)).prepareAttention(c, tensors);
    const out = await run.check();
    await run.release();
    expect(maxAbsDiff(out, referenceAttention(c, tensors))).toBeLessThan(1e-4);
  });

  it.each<GemmCaseName>(['gemm_dense', 'gemm_nm24', 'gemv_threshold50'])('dense gemm matches a JS reference on %s', async (name) => {
    const c = gemmCase(name, { m: 3, n: 5, k: 8 });
    const data = gemmData(c, 2);
    const run = await (await peer(kind)).prepareGemm(c, data);
    const out = await run.check();
    await run.release();
    const expected = referenceGemm(applyThreshold(data.x, data.threshold), data.w, c.m, c.n, c.k);
    expect(out.length).toBe(c.m * c.n);
    expect(maxAbsDiff(out, expected)).toBeLessThan(1e-4);
  });
});

describe('the causal mask bias', () => {
  it('changes the result compared to no mask (the bias is really applied)', async () => {
    const c = attentionCase('causal', TINY);
    const tensors = attentionTensors(c, 5);
    const run = await (await peer('onnxruntime-node')).prepareAttention(c, tensors);
    const out = await run.check();
    await run.release();
    const unmasked = referenceAttention({ ...c, allowed: () => true }, tensors);
    expect(maxAbsDiff(out, unmasked)).toBeGreaterThan(1e-3);
  });
});

afterAll(() => peers.clear());
