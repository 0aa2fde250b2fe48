/**
 * @file The attention ONNX models of the browser bench: onnx-models.ts's `attentionModel` with q_len and
 * kv_len apart (so decode fits), and the same attention as one MultiHeadAttention node.
 */
import onnxProto from 'onnx-proto';
import { attentionModel, encodeModel, floatValue } from '../peers/onnx-models.js';

const { onnx } = onnxProto;

/** Sizes of the model: Q [batch, heads, qLen, headDim], K and V [batch, heads, kvLen, headDim], bias broadcast. */
export interface MaskedAttentionShape {
  readonly batch: number;
  readonly heads: number;
  readonly qLen: number;
  readonly kvLen: number;
  readonly headDim: number;
  /** Dims of the additive bias: [1, 1, qLen, kvLen] or [batch, heads, qLen, kvLen]. */
  readonly biasDims: readonly [number, number, number, number];
  /** Score scale; 1 / sqrt(headDim) when absent. */
  readonly scale?: number;
}

/** O = Softmax(MatMul(Q * scale, Transpose(K)) + bias, axis -1) V: the peers' attention model with q_len and kv_len apart. */
export function maskedAttentionModel(shape: MaskedAttentionShape): Uint8Array {
  return attentionModel({ ...shape, seq: shape.qLen, kvLen: shape.kvLen });
}

/** Input and output names of the MultiHeadAttention model (Q, K, V, O are [batch, len, heads * headDim]). */
export const MHA_IO = { q: 'query', k: 'key', v: 'value', bias: 'attention_bias', out: 'output' } as const;

/**
 * The same attention as one com.microsoft.MultiHeadAttention node with the mask as its additive `attention_bias`:
 * onnxruntime-web's WebGPU backend runs it as FlashAttention, its strongest attention path (it walks every key).
 */
export function mhaAttentionModel(shape: MaskedAttentionShape): Uint8Array {
  const { batch, heads, qLen, kvLen, headDim } = shape;
  const io = MHA_IO;
  const attributes = [onnx.AttributeProto.create({ name: 'num_heads', type: onnx.AttributeProto.AttributeType.INT, i: heads })];
  if (shape.scale !== undefined) attributes.push(onnx.AttributeProto.create({ name: 'scale', type: onnx.AttributeProto.AttributeType.FLOAT, f: shape.scale }));
  return encodeModel({
    name: 'mha_masked_attention',
    input: [floatValue(io.q, [batch, qLen, heads * headDim]), floatValue(io.k, [batch, kvLen, heads * headDim]), floatValue(io.v, [batch, kvLen, heads * headDim]), floatValue(io.bias, shape.biasDims)],
    output: [floatValue(io.out, [batch, qLen, heads * headDim])],
    node: [onnx.NodeProto.create({ opType: 'MultiHeadAttention', domain: 'com.microsoft', input: [io.q, io.k, io.v, '', '', io.bias], output: [io.out], name: io.out, attribute: attributes })],
  }, [{ domain: 'com.microsoft', version: 1 }]);
}

/** [batch, heads, len, d] to [batch, len, heads, d] (MultiHeadAttention's layout) or back with `inverse`. */
export function swapHeadsAndLength(x: Float32Array, batch: number, heads: number, len: number, d: number, inverse = false): Float32Array {
  const out = new Float32Array(x.length);
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < heads; h++) {
      for (let t = 0; t < len; t++) {
        const bhsd = ((b * heads + h) * len + t) * d;
        const bshd = ((b * len + t) * heads + h) * d;
        if (inverse) out.set(x.subarray(bshd, bshd + d), bhsd);
        else out.set(x.subarray(bhsd, bhsd + d), bshd);
      }
    }
  }
  return out;
}
