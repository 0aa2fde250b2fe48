/**
 * @file Buffers of a packed CUDA launch: a run's values by parameter name encoded in each parameter's storage
 * dtype (f16 / bf16 as 16-bit patterns, u8 / bool as int32 words), and the outputs decoded back to f32. Used
 * by the emulated runner's stdin protocol and by the Node addon alike.
 */
import { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits } from '../half.js';

/** Storage dtypes of kernel buffers. */
export type CudaDType = 'f32' | 'f16' | 'bf16' | 'i32' | 'u8' | 'bool';

/** One parameter of the packed launcher (the artifact's `params`). */
export interface PackedParam {
  readonly name: string;
  readonly kind: 'in' | 'out' | 'scalar';
  readonly dtype: CudaDType;
}

/** A value bound to a parameter: an int scalar or a buffer's elements. */
export type PackedValue = number | ArrayLike<number>;

/** Bytes per stored element. */
export const ELEMENT_BYTES: Readonly<Record<CudaDType, number>> = { f32: 4, f16: 2, bf16: 2, i32: 4, u8: 4, bool: 4 };

/** The elements of `values` stored as `dtype`. */
export function encodeBuffer(values: ArrayLike<number>, dtype: CudaDType): Uint8Array {
  const n = values.length;
  switch (dtype) {
    case 'f32': return new Uint8Array(Float32Array.from(values).buffer);
    case 'f16': return new Uint8Array(Uint16Array.from({ length: n }, (_, i) => f32ToF16Bits(values[i]!)).buffer);
    case 'bf16': return new Uint8Array(Uint16Array.from({ length: n }, (_, i) => f32ToBf16Bits(values[i]!)).buffer);
    default: return new Uint8Array(Int32Array.from(values).buffer);
  }
}

/** Decodes stored elements of `dtype` into `into` (f32). */
export function decodeBuffer(bytes: Uint8Array, dtype: CudaDType, into: Float32Array): void {
  const copy = bytes.slice().buffer;
  const n = into.length;
  switch (dtype) {
    case 'f32': into.set(new Float32Array(copy, 0, n)); break;
    case 'f16': { const h = new Uint16Array(copy, 0, n); for (let i = 0; i < n; i++) into[i] = f16BitsToF32(h[i]!); break; }
    case 'bf16': { const h = new Uint16Array(copy, 0, n); for (let i = 0; i < n; i++) into[i] = bf16BitsToF32(h[i]!); break; }
    default: { const w = new Int32Array(copy, 0, n); for (let i = 0; i < n; i++) into[i] = w[i]!; }
  }
}

/** The value bound to `p`, or a clear error naming the missing parameter. */
function valueOf(p: PackedParam, values: ReadonlyMap<string, PackedValue>, outputs: Readonly<Record<string, Float32Array>>): PackedValue {
  const v = p.kind === 'out' ? outputs[p.name] : values.get(p.name);
  if (v === undefined) throw new Error(`cuda: no value for kernel parameter '${p.name}'`);
  if (p.kind === 'scalar' && typeof v !== 'number') throw new Error(`cuda: parameter '${p.name}' is a scalar`);
  if (p.kind !== 'scalar' && typeof v === 'number') throw new Error(`cuda: parameter '${p.name}' is a buffer`);
  return v;
}

/** The runner's stdin for a run: header, buffers (outputs carry their initial contents), scalars. */
export function encodeRun(params: readonly PackedParam[], values: ReadonlyMap<string, PackedValue>, outputs: Readonly<Record<string, Float32Array>>, blocks: number): Uint8Array {
  const buffers = params.filter((p) => p.kind !== 'scalar');
  const scalars = params.filter((p) => p.kind === 'scalar');
  const parts: Uint8Array[] = [new Uint8Array(Int32Array.of(buffers.length, scalars.length, blocks).buffer)];
  for (const p of buffers) {
    const v = valueOf(p, values, outputs) as ArrayLike<number>;
    parts.push(new Uint8Array(Int32Array.of(p.kind === 'out' ? 1 : 0, v.length, ELEMENT_BYTES[p.dtype]).buffer), encodeBuffer(v, p.dtype));
  }
  parts.push(new Uint8Array(Int32Array.from(scalars.map((p) => valueOf(p, values, outputs) as number)).buffer));
  const out = new Uint8Array(parts.reduce((s, x) => s + x.length, 0));
  let at = 0;
  for (const x of parts) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}

/** Decodes the runner's stdout (every output buffer's bytes, in order) into `outputs`. */
export function decodeOutputs(params: readonly PackedParam[], bytes: Uint8Array, outputs: Readonly<Record<string, Float32Array>>): void {
  let at = 0;
  for (const p of params.filter((x) => x.kind === 'out')) {
    const into = outputs[p.name]!;
    const size = into.length * ELEMENT_BYTES[p.dtype];
    if (at + size > bytes.length) throw new Error(`cuda: the run returned ${bytes.length} bytes, fewer than its outputs need`);
    decodeBuffer(bytes.subarray(at, at + size), p.dtype, into);
    at += size;
  }
}
