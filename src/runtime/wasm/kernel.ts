/**
 * @file Loads and runs one compiled wasm kernel: picks the relaxed-SIMD module where the engine
 * validates it, lays the bound arrays out in a shared memory (f16 / bf16 as 16-bit words), calls
 * `run` on the calling thread and, with threads, on a worker pool, and copies outputs back.
 */
import { BARRIER_ADDRESS, CLAIM_ADDRESS, SHARED_BASE, storageBytes, type WasmAbi, type WasmParam } from './abi.js';
import { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits, HOST_MATH } from './convert.js';
import { WorkerPool } from './threads.js';
import { wasmApi, type WasmInstance, type WasmMemory } from './wasm-api.js';

import type { BoundValue } from '../library/bind.js';

export type { BoundValue };

/** Inputs laid out in kernel memory: run the kernel on them, then copy the outputs back. */
export interface BoundKernelRun {
  /** Runs the kernel (all threads) on the bound inputs; outputs stay in kernel memory. */
  execute(): Promise<void>;
  /** Copies the outputs from kernel memory into the arrays given to `bind`. */
  readOutputs(): void;
}

/** How to load a kernel. */
export interface WasmLoadOptions {
  /** Threads to run on (default 1: no workers). */
  readonly threads?: number;
  /** Use the relaxed-SIMD module: 'auto' (default) where the engine validates it. */
  readonly relaxed?: boolean | 'auto';
}

/** The module pair of one kernel. */
export interface WasmModuleBytes {
  readonly abi: WasmAbi;
  readonly simd: Uint8Array;
  readonly relaxed?: Uint8Array;
}

const PAGE = 65536;
const MAX_PAGES = 32768;
const align = (x: number): number => Math.ceil(x / 16) * 16;

function writeBuffer(mem: ArrayBuffer | SharedArrayBuffer, p: WasmParam, at: number, data: Float32Array | Int32Array | Uint8Array): void {
  switch (p.scalar) {
    case 'f32': new Float32Array(mem, at, data.length).set(data); break;
    case 'i32': new Int32Array(mem, at, data.length).set(data); break;
    case 'u8': case 'bool': new Uint8Array(mem, at, data.length).set(data); break;
    case 'f16': case 'bf16': {
      const dst = new Uint16Array(mem, at, data.length);
      const conv = p.scalar === 'f16' ? f32ToF16Bits : f32ToBf16Bits;
      for (let i = 0; i < data.length; i++) dst[i] = conv(data[i]!);
      break;
    }
  }
}

function readBuffer(mem: ArrayBuffer | SharedArrayBuffer, p: WasmParam, at: number, out: Float32Array): void {
  if (p.scalar === 'f32') {
    out.set(new Float32Array(mem, at, out.length));
    return;
  }
  const src = new Uint16Array(mem, at, out.length);
  const conv = p.scalar === 'f16' ? f16BitsToF32 : bf16BitsToF32;
  for (let i = 0; i < out.length; i++) out[i] = conv(src[i]!);
}

/** True when this engine validates `relaxed` (relaxed SIMD is available). */
export function relaxedSimdAvailable(relaxed: Uint8Array | undefined): boolean {
  return relaxed !== undefined && wasmApi().validate(relaxed);
}

/** A buffer kept in kernel memory between runs (`reserveResident`). */
interface ResidentBuffer {
  readonly at: number;
  /** Elements it can hold. */
  readonly capacity: number;
  readonly param: WasmParam;
}

/** A loaded kernel. `run` may not be called again before the previous call resolves. */
export class WasmKernel {
  private readonly resident = new Map<string, ResidentBuffer>();
  private residentEnd = 0;

  private constructor(
    readonly abi: WasmAbi,
    readonly variant: 'simd' | 'relaxed',
    readonly threads: number,
    private readonly memory: WasmMemory,
    private readonly instance: WasmInstance,
    private readonly pool: WorkerPool | null,
  ) {}

  /** Compiles and instantiates `bytes` (and starts workers when threads > 1). */
  static async load(bytes: WasmModuleBytes, opts: WasmLoadOptions = {}): Promise<WasmKernel> {
    const wantRelaxed = opts.relaxed ?? 'auto';
    const useRelaxed = wantRelaxed === true || (wantRelaxed === 'auto' && relaxedSimdAvailable(bytes.relaxed));
    if (useRelaxed && !bytes.relaxed) throw new Error(`wasm: kernel ${bytes.abi.kernel} has no relaxed-SIMD module`);
    const api = wasmApi();
    const module = await api.compile(useRelaxed ? bytes.relaxed! : bytes.simd);
    const memory = new api.Memory({ initial: 2, maximum: MAX_PAGES, shared: true });
    const instance = await api.instantiate(module, { env: { memory, ...HOST_MATH } });
    const threads = Math.max(1, Math.floor(opts.threads ?? 1));
    const pool = threads > 1 && bytes.abi.parallel ? await WorkerPool.start(threads - 1, module, memory) : null;
    return new WasmKernel(bytes.abi, useRelaxed ? 'relaxed' : 'simd', pool ? threads : 1, memory, instance, pool);
  }

  /** Address of the first resident buffer (after the barrier words and the shared workspace). */
  private get residentBase(): number {
    return align(SHARED_BASE + (this.abi.sharedBytes ?? 0));
  }

  /** Grows memory to hold `end` bytes. */
  private ensureMemory(end: number): void {
    const pages = Math.ceil(end / PAGE);
    const have = this.memory.buffer.byteLength / PAGE;
    if (pages > MAX_PAGES) throw new Error(`wasm: kernel ${this.abi.kernel} needs ${end} bytes of memory, more than the 2 GiB limit`);
    if (pages > have) this.memory.grow(pages - have);
  }

  /**
   * Reserves kernel memory for buffers kept between runs, `capacity` elements each by parameter name (replacing
   * any earlier reservation). A run whose values leave such a buffer out reads it where it is, uncopied.
   */
  reserveResident(capacities: Readonly<Record<string, number>>): void {
    this.resident.clear();
    let top = this.residentBase;
    for (const [name, capacity] of Object.entries(capacities)) {
      const param = this.abi.params.find((p) => p.name === name && p.kind === 'buffer');
      if (!param) throw new Error(`wasm: kernel ${this.abi.kernel} has no buffer '${name}' to keep resident`);
      this.resident.set(name, { at: top, capacity, param });
      top = align(top + capacity * storageBytes(param.scalar) + 16);
    }
    this.ensureMemory(top);
    this.residentEnd = top;
  }

  private residentBuffer(name: string, elems: number): ResidentBuffer {
    const r = this.resident.get(name);
    if (!r) throw new Error(`wasm: kernel ${this.abi.kernel}: '${name}' is not resident`);
    if (elems > r.capacity) throw new Error(`wasm: kernel ${this.abi.kernel}: resident '${name}' holds ${r.capacity} elements, ${elems} asked`);
    return r;
  }

  /** Writes `data` into resident buffer `name` from element `atElem` (converted to its storage type). */
  writeResident(name: string, atElem: number, data: Float32Array): void {
    const r = this.residentBuffer(name, atElem + data.length);
    writeBuffer(this.memory.buffer, r.param, r.at + atElem * storageBytes(r.param.scalar), data);
  }

  /** Moves `count` elements of resident buffer `name` from element `from` to element `to` (ranges may overlap). */
  moveResident(name: string, from: number, to: number, count: number): void {
    const r = this.residentBuffer(name, Math.max(from, to) + count);
    const b = storageBytes(r.param.scalar);
    new Uint8Array(this.memory.buffer).copyWithin(r.at + to * b, r.at + from * b, r.at + (from + count) * b);
  }

  /**
   * Runs the kernel with `values` bound by parameter name (inputs and scalars) and `outputs`
   * (f32 arrays the results are copied into, converted from the storage dtype).
   */
  async run(values: Readonly<Record<string, BoundValue>>, outputs: Readonly<Record<string, Float32Array>>): Promise<void> {
    const bound = this.bind(values, outputs);
    await bound.execute();
    bound.readOutputs();
  }

  /**
   * Lays `values` out in memory once and returns a handle that runs the kernel on them repeatedly without
   * copying inputs again (benchmarks, many layers over the same weights). Valid until the next `bind` / `run`.
   */
  bind(values: Readonly<Record<string, BoundValue>>, outputs: Readonly<Record<string, Float32Array>>): BoundKernelRun {
    let top = Math.max(this.residentBase, this.residentEnd);
    const addresses = new Map<string, number>();
    for (const p of this.abi.params) {
      if (p.kind !== 'buffer') continue;
      const kept = this.resident.get(p.name);
      if (kept && outputs[p.name] === undefined && values[p.name] === undefined) {
        addresses.set(p.name, kept.at);
        continue;
      }
      const v = outputs[p.name] ?? values[p.name];
      if (v === undefined || typeof v === 'number') throw new Error(`wasm: kernel ${this.abi.kernel}: no array bound for buffer '${p.name}'`);
      addresses.set(p.name, top);
      top = align(top + v.length * storageBytes(p.scalar) + 16);
    }
    const scratch = top;
    const end = scratch + this.threads * align(this.abi.scratchBytes) + 64;
    this.ensureMemory(end);
    const mem = this.memory.buffer;
    const args: number[] = [];
    for (const p of this.abi.params) {
      if (p.kind === 'i32') {
        const v = values[p.name];
        if (typeof v !== 'number') throw new Error(`wasm: kernel ${this.abi.kernel}: no value bound for '${p.name}'`);
        args.push(v | 0);
        continue;
      }
      const at = addresses.get(p.name)!;
      args.push(at);
      const given = values[p.name];
      if (outputs[p.name] === undefined && given !== undefined) writeBuffer(mem, p, at, given as Float32Array | Int32Array | Uint8Array);
    }
    const scratchOf = (tid: number): number => scratch + tid * align(this.abi.scratchBytes);
    const nth = this.threads;
    const run = this.instance.exports['run'] as (...a: number[]) => void;
    return {
      execute: async () => {
        // A fresh barrier count and claim counter: a run that failed part-way must not leave arrivals or claims behind.
        Atomics.store(new Int32Array(this.memory.buffer, BARRIER_ADDRESS, 1), 0, 0);
        Atomics.store(new Int32Array(this.memory.buffer, CLAIM_ADDRESS, 1), 0, 0);
        const others = this.pool ? this.pool.run((tid) => [scratchOf(tid), tid, nth, ...args]) : Promise.resolve();
        try {
          run(scratchOf(0), 0, nth, ...args);
        } catch (e) {
          others.catch(() => undefined); // thread 0's error is the one reported
          throw e;
        }
        await others;
      },
      readOutputs: () => {
        for (const p of this.abi.params) {
          const out = outputs[p.name];
          if (p.kind === 'buffer' && out) readBuffer(this.memory.buffer, p, addresses.get(p.name)!, out);
        }
      },
    };
  }

  /** Stops the worker threads. */
  async dispose(): Promise<void> {
    await this.pool?.close();
  }
}
