/**
 * @file The calling convention between a compiled wasm kernel and the runtime: the exported
 * function `run(sb, tid, nth, ...params)` and what each parameter is. Plain JSON (it is written
 * into every manifest); imports nothing.
 */

/** Element storage types of kernel buffers (f16 / bf16 are 16-bit words in memory). */
export type WasmScalar = 'f32' | 'f16' | 'bf16' | 'i32' | 'u8' | 'bool';

/** One kernel argument, in call order after (scratch base, thread id, thread count). */
export interface WasmParam {
  readonly name: string;
  /** `buffer`: a byte address of the bound array in memory; `i32`: a scalar. */
  readonly kind: 'buffer' | 'i32';
  readonly scalar: WasmScalar;
}

/** Everything needed to call a compiled kernel module. */
export interface WasmAbi {
  readonly kernel: string;
  readonly params: readonly WasmParam[];
  /** Scratch bytes each thread needs (tiles, tables, workspaces). */
  readonly scratchBytes: number;
  /** True when the kernel splits work loops between threads (`tid`, `nth`). */
  readonly parallel: boolean;
  /**
   * Bytes of workspace every thread shares (split-KV chunk results), at the fixed address `SHARED_BASE`; the
   * runtime lays the bound arrays out after it. Absent or 0: none.
   */
  readonly sharedBytes?: number;
}

/** Address of the two i32 words of the thread barrier (arrival count, generation); below every bound array. */
export const BARRIER_ADDRESS = 16;

/** Address of the i32 counter from which threads claim the iterations of a synced block loop (split-KV chunks). */
export const CLAIM_ADDRESS = 24;

/** Address of the shared workspace (`WasmAbi.sharedBytes`); bound arrays start after it. */
export const SHARED_BASE = 64;

/** Bytes of one element of a buffer of `s` in wasm memory. */
export function storageBytes(s: WasmScalar): number {
  return s === 'f16' || s === 'bf16' ? 2 : s === 'u8' || s === 'bool' ? 1 : 4;
}
