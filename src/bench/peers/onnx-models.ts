/**
 * @file ONNX models built in memory with onnx-proto for the peer libraries: dense masked attention
 * `softmax(Q K^T * scale + bias) V` from plain opset-17 ops, and a dense gemm `Y = X W^T`.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
type INodeProto = InstanceType<typeof onnx.NodeProto>;
type IAttributeProto = InstanceType<typeof onnx.AttributeProto>;

/** The ONNX opset the models use (Softmax over the last axis alone needs 13 or later). */
export const OPSET = 17;
const IR_VERSION = 8;
const FLOAT = onnx.TensorProto.DataType.FLOAT;

/** A float32 tensor value description with a fixed shape. */
export function floatValue(name: string, dims: readonly number[]): InstanceType<typeof onnx.ValueInfoProto> {
  return onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => ({ dimValue: d })) } } },
  });
}

/** An attribute of ints or a single int. */
function intsAttribute(name: string, ints: readonly number[]): IAttributeProto {
  return onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INTS, ints: [...ints] });
}
function intAttribute(name: string, i: number): IAttributeProto {
  return onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INT, i });
}

function node(opType: string, input: string[], output: string, attribute: IAttributeProto[] = []): INodeProto {
  return onnx.NodeProto.create({ opType, input, output: [output], attribute, name: output });
}

/** A float32 initializer holding `data` as raw little-endian bytes. */
function floatInitializer(name: string, dims: readonly number[], data: Float32Array): InstanceType<typeof onnx.TensorProto> {
  return onnx.TensorProto.create({
    name,
    dataType: FLOAT,
    dims: [...dims],
    rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  });
}

/** Encodes a graph as an ONNX model of the default opset plus `extraOpsets` (e.g. com.microsoft). */
export function encodeModel(graph: ConstructorParameters<typeof onnx.GraphProto>[0], extraOpsets: readonly { domain: string; version: number }[] = []): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: 'sparsec-bench',
    opsetImport: [{ domain: '', version: OPSET }, ...extraOpsets],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Sizes of the attention model: Q and O are [batch, heads, seq, headDim], K and V [batch, heads, kvLen ?? seq, headDim]; the bias broadcasts. */
export interface AttentionModelShape {
  readonly batch: number;
  readonly heads: number;
  readonly seq: number;
  /** Keys per head when they differ from the queries (decode); `seq` when absent. */
  readonly kvLen?: number;
  readonly headDim: number;
  /** Dims of the additive mask bias input, e.g. [1, 1, seq, seq] or [batch, heads, seq, seq]. */
  readonly biasDims: readonly [number, number, number, number];
  /** Score scale; 1 / sqrt(headDim) when absent. */
  readonly scale?: number;
}

/** Input and output names of the attention model. */
export const ATTENTION_IO = { q: 'Q', k: 'K', v: 'V', bias: 'bias', out: 'O' } as const;

/**
 * Dense masked attention. The scale is applied to Q (seq x d work rather than seq x seq), which is the same
 * function as scaling the scores: O = Softmax(MatMul(Q * scale, Transpose(K)) + bias, axis -1) V.
 */
export function attentionModel(shape: AttentionModelShape): Uint8Array {
  const { batch, heads, seq, headDim } = shape;
  const scale = shape.scale ?? 1 / Math.sqrt(headDim);
  const qo = [batch, heads, seq, headDim];
  const kv = [batch, heads, shape.kvLen ?? seq, headDim];
  const io = ATTENTION_IO;
  return encodeModel({
    name: 'dense_masked_attention',
    initializer: [floatInitializer('scale', [], Float32Array.of(scale))],
    input: [floatValue(io.q, qo), floatValue(io.k, kv), floatValue(io.v, kv), floatValue(io.bias, shape.biasDims)],
    output: [floatValue(io.out, qo)],
    node: [
      node('Mul', [io.q, 'scale'], 'q_scaled'),
      node('Transpose', [io.k], 'k_t', [intsAttribute('perm', [0, 1, 3, 2])]),
      node('MatMul', ['q_scaled', 'k_t'], 'scores'),
      node('Add', ['scores', io.bias], 'masked_scores'),
      node('Softmax', ['masked_scores'], 'probs', [intAttribute('axis', -1)]),
      node('MatMul', ['probs', io.v], io.out),
    ],
  });
}

/** Input and output names of the gemm model. */
export const GEMM_IO = { x: 'X', y: 'Y' } as const;

/**
 * Dense gemm Y[m, n] = X[m, k] W[n, k]^T. W is stored pre-transposed ([k, n]) as an initializer, so the
 * runtime may pre-pack it as it would a model weight.
 */
export function gemmModel(m: number, n: number, k: number, w: Float32Array): Uint8Array {
  if (w.length !== n * k) throw new Error(`gemm weight has ${w.length} elements, expected n * k = ${n * k}`);
  const wT = new Float32Array(k * n);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < k; col++) wT[col * n + row] = w[row * k + col]!;
  }
  return encodeModel({
    name: 'dense_gemm',
    initializer: [floatInitializer('w_t', [k, n], wT)],
    input: [floatValue(GEMM_IO.x, [m, k])],
    output: [floatValue(GEMM_IO.y, [m, n])],
    node: [node('MatMul', [GEMM_IO.x, 'w_t'], GEMM_IO.y)],
  });
}
