/**
 * @file The calling convention of a compiled neon kernel: `void <fn>(uint8_t *sb, int32_t tid, int32_t nth,
 * ...params)` with the parameters in this order, and the byte stream its test driver reads and writes (the
 * inputs of one run in parameter order; back, the buffers the kernel writes). Plain data; imports nothing
 * of the compiler.
 */
import type { BoundValue } from '../library/bind.js';
import { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits } from '../half.js';

/** Element storage types of kernel buffers (f16 / bf16 are 16-bit words). */
export type NeonScalar = 'f32' | 'f16' | 'bf16' | 'i32' | 'u8' | 'bool';

/** One kernel argument, in call order after (scratch, thread id, thread count). */
export interface NeonParam {
  readonly name: string;
  readonly kind: 'buffer' | 'i32';
  readonly scalar: NeonScalar;
  /** True for buffers the kernel writes. */
  readonly written: boolean;
}

/** Everything needed to call a compiled neon kernel. */
export interface NeonAbi {
  /** The C function name. */
  readonly fn: string;
  readonly kernel: string;
  readonly params: readonly NeonParam[];
  /** Scratch bytes each thread needs. */
  readonly scratchBytes: number;
  /** True when the kernel splits work loops between threads. */
  readonly parallel: boolean;
}

/** Bytes of one stored element of `s`. */
export function storageBytes(s: NeonScalar): number {
  return s === 'f16' || s === 'bf16' ? 2 : s === 'u8' || s === 'bool' ? 1 : 4;
}

function storageOf(p: NeonParam, data: Float32Array | Int32Array | Uint8Array): Uint8Array {
  switch (p.scalar) {
    case 'f32': return new Uint8Array(Float32Array.from(data as Float32Array).buffer);
    case 'i32': return new Uint8Array(Int32Array.from(data as Int32Array).buffer);
    case 'u8': case 'bool': return Uint8Array.from(data as Uint8Array);
    case 'f16': case 'bf16': {
      const conv = p.scalar === 'f16' ? f32ToF16Bits : f32ToBf16Bits;
      const out = new Uint16Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = conv(data[i]!);
      return new Uint8Array(out.buffer);
    }
  }
}

/** The array bound to buffer `p` (outputs win over inputs); throws when none is. */
function arrayFor(abi: NeonAbi, p: NeonParam, values: Readonly<Record<string, BoundValue>>, outputs: Readonly<Record<string, Float32Array>>): Float32Array | Int32Array | Uint8Array {
  const v = outputs[p.name] ?? values[p.name];
  if (v === undefined || typeof v === 'number') throw new Error(`neon: kernel ${abi.kernel}: no array bound for buffer '${p.name}'`);
  return v;
}

/** The input stream of one run: thread count, then every parameter in order (i32 value, or count + stored elements). */
export function encodeRun(abi: NeonAbi, threads: number, values: Readonly<Record<string, BoundValue>>, outputs: Readonly<Record<string, Float32Array>>): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array(Int32Array.of(1, threads).buffer)];
  for (const p of abi.params) {
    if (p.kind === 'i32') {
      const v = values[p.name];
      if (typeof v !== 'number') throw new Error(`neon: kernel ${abi.kernel}: no value bound for '${p.name}'`);
      parts.push(new Uint8Array(Int32Array.of(v | 0).buffer));
      continue;
    }
    const data = arrayFor(abi, p, values, outputs);
    parts.push(new Uint8Array(Int32Array.of(data.length).buffer), storageOf(p, data));
  }
  const out = new Uint8Array(parts.reduce((s, x) => s + x.length, 0));
  let at = 0;
  for (const x of parts) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}

/** Bytes the driver writes back for one run: every written buffer, in parameter order. */
export function resultBytes(abi: NeonAbi, values: Readonly<Record<string, BoundValue>>, outputs: Readonly<Record<string, Float32Array>>): number {
  return abi.params.filter((p) => p.kind === 'buffer' && p.written).reduce((s, p) => s + arrayFor(abi, p, values, outputs).length * storageBytes(p.scalar), 0);
}

/** Copies the written buffers in `bytes` into the matching `outputs` (converted from storage to f32). */
export function decodeResults(abi: NeonAbi, bytes: Uint8Array, values: Readonly<Record<string, BoundValue>>, outputs: Readonly<Record<string, Float32Array>>): void {
  let at = 0;
  for (const p of abi.params) {
    if (p.kind !== 'buffer' || !p.written) continue;
    const len = arrayFor(abi, p, values, outputs).length;
    const size = len * storageBytes(p.scalar);
    const out = outputs[p.name];
    if (out) {
      const chunk = bytes.slice(at, at + size);
      if (p.scalar === 'f32') out.set(new Float32Array(chunk.buffer));
      else {
        const words = new Uint16Array(chunk.buffer);
        const conv = p.scalar === 'f16' ? f16BitsToF32 : bf16BitsToF32;
        for (let i = 0; i < len; i++) out[i] = conv(words[i]!);
      }
    }
    at += size;
  }
}
