import { pattern, kernel, causal, q, k, int } from 'sparsec';

export const streaming = pattern('streaming', { sinks: int(4), window: int(1024) },
  ({ sinks, window }) => causal.and(k.lt(sinks).or(q.sub(k).lt(window))));

export const prefill = kernel.attention('streaming_prefill', streaming({ window: 256 }),
  { heads: 8, kvHeads: 2, headDim: 64, seq: 4096, dtype: 'f32' });
