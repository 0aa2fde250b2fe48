/**
 * @file Resident K / V for decode, target-neutral: `resident({ k, v }, { capacity })` writes K and V into kernel
 * memory once, `append(kNew, vNew)` adds tokens (checked like run's inputs), and `run({ q, resident })` reads them
 * there without copying them again. The target keeps the bytes (`ResidentMemory`); this file keeps the lengths.
 */
import type { AttentionKernel, AttentionSizes } from '../../model/kernel.js';

/** Kernel memory that keeps buffers between runs, by parameter name; a target without it leaves it out. */
export interface ResidentMemory {
  /** Reserves `capacity` elements per buffer name, replacing any earlier reservation. */
  reserve(capacities: Readonly<Record<string, number>>): void;
  /** Writes `data` into buffer `name` from element `atElem`. */
  write(name: string, atElem: number, data: Float32Array): void;
  /** Moves `count` elements of buffer `name` from element `from` to element `to` (ranges may overlap). */
  move(name: string, from: number, to: number, count: number): void;
}

/** K / V kept in kernel memory between runs of one loaded kernel. */
export interface ResidentKv {
  /** Keys held now (the kv_len of the next run). */
  readonly length: number;
  /** Most keys it can hold. */
  readonly capacity: number;
  /** The batch size it was made for. */
  readonly batch: number;
  /**
   * Appends `n` tokens: K [batch, kv_heads, n, head_dim] and V [batch, kv_heads, n, value_dim], Float32Array. Only
   * the new tokens are copied in; with batch x kv_heads > 1 the earlier rows of each (b, KV head) also move up
   * inside kernel memory (a memmove) to keep the [batch, kv_heads, kv_len, dim] layout. NaN is kept, as in `run`.
   */
  append(k: Float32Array, v: Float32Array): void;
}

/** The first K / V of `resident(...)`: [batch, kv_heads, kv_len, dim] as in `run`; `sizes.batch` when batch is dynamic. */
export interface ResidentInit {
  readonly k: Float32Array;
  readonly v: Float32Array;
  readonly sizes?: { readonly batch?: number };
}

/** Options of `resident(...)`. */
export interface ResidentOptions {
  /** Most keys (tokens per (b, KV head)) it will hold. */
  readonly capacity: number;
}

function fail(kernel: string, msg: string): never {
  throw new Error(`${kernel}: ${msg}`);
}

function float32(kernel: string, name: string, x: unknown): Float32Array {
  if (!(x instanceof Float32Array)) fail(kernel, `resident input '${name}' must be a Float32Array, got ${x === undefined ? 'nothing' : (x as object)?.constructor?.name ?? typeof x}`);
  return x as Float32Array;
}

/** The resident K / V of one loaded kernel; `current` says whether a later `resident(...)` replaced it. */
export class ResidentStore implements ResidentKv {
  private len = 0;
  private constructor(
    private readonly k: AttentionKernel,
    private readonly memory: ResidentMemory,
    readonly batch: number,
    readonly capacity: number,
    readonly owner: object,
  ) {}

  /** Rows of K / V: batch x kv_heads. */
  private get rows(): number {
    return this.batch * (this.k.kvHeads as number);
  }

  get length(): number {
    return this.len;
  }

  /** Checks `init` and `opts`, reserves kernel memory and writes the first K / V. */
  static create(k: AttentionKernel, memory: ResidentMemory | undefined, target: string, init: ResidentInit, opts: ResidentOptions, owner: object): ResidentStore {
    if (!memory) fail(k.name, `resident inputs are not available on ${target} yet (wasm keeps them); pass k and v to run`);
    if (typeof k.headDim !== 'number' || typeof k.valueDim !== 'number') fail(k.name, 'resident K / V need a static head_dim');
    if (k.kvLayout) fail(k.name, 'resident K / V are contiguous; a paged kernel (kv_layout = paged) reads the page pool given as k and v');
    if (k.kvLen !== 'dynamic') fail(k.name, `resident K / V need kv_len = dynamic (this kernel's kv_len is ${k.kvLen})`);
    const capacity = opts?.capacity;
    if (!Number.isInteger(capacity) || capacity < 1) fail(k.name, `resident(...): capacity must be a positive integer (keys per sequence), got ${capacity}`);
    const batch = typeof k.batch === 'number' ? k.batch : init?.sizes?.batch;
    if (!Number.isInteger(batch) || batch! < 1) fail(k.name, 'resident(...): batch is dynamic; pass sizes: { batch }');
    if (typeof k.batch === 'number' && init.sizes?.batch !== undefined && init.sizes.batch !== k.batch) fail(k.name, `batch is ${k.batch}, got sizes.batch = ${init.sizes.batch}`);
    const store = new ResidentStore(k, memory!, batch!, capacity, owner);
    const rows = store.rows;
    memory!.reserve({ k: rows * capacity * (k.headDim as number), v: rows * capacity * (k.valueDim as number) });
    store.append(init.k, init.v);
    return store;
  }

  append(kNew: Float32Array, vNew: Float32Array): void {
    const [K, V] = [float32(this.k.name, 'k', kNew), float32(this.k.name, 'v', vNew)];
    const [D, DV, rows, L] = [this.k.headDim as number, this.k.valueDim as number, this.rows, this.len];
    const n = K.length / (rows * D);
    if (!Number.isInteger(n)) fail(this.k.name, `appended 'k' has ${K.length} elements, not a multiple of batch x kv_heads x head_dim = ${rows * D}`);
    if (V.length !== rows * n * DV) fail(this.k.name, `appended 'v' has ${V.length} elements, expected ${rows * n * DV} = [batch, kv_heads, ${n}, value_dim]`);
    if (L + n > this.capacity) fail(this.k.name, `append of ${n} keys exceeds the resident capacity (${L} held, capacity ${this.capacity})`);
    if (n === 0) return;
    // Rows move up from the last, so a row never overwrites one not yet moved.
    for (let r = rows - 1; r >= 1 && L > 0; r--) {
      this.memory.move('k', r * L * D, r * (L + n) * D, L * D);
      this.memory.move('v', r * L * DV, r * (L + n) * DV, L * DV);
    }
    for (let r = 0; r < rows; r++) {
      this.memory.write('k', (r * (L + n) + L) * D, K.subarray(r * n * D, (r + 1) * n * D));
      this.memory.write('v', (r * (L + n) + L) * DV, V.subarray(r * n * DV, (r + 1) * n * DV));
    }
    this.len = L + n;
  }

  /** The sizes of a run on this store with query `q` (checked: a Float32Array of [batch, heads, q_len, head_dim]). */
  sizesFor(q: unknown, given: { readonly qLen?: number; readonly kvLen?: number; readonly batch?: number } = {}): AttentionSizes {
    const k = this.k;
    const Q = float32(k.name, 'q', q);
    const [heads, D] = [k.heads as number, k.headDim as number];
    if (given.batch !== undefined && given.batch !== this.batch) fail(k.name, `sizes.batch = ${given.batch}, but the resident K / V hold batch ${this.batch}`);
    if (given.kvLen !== undefined && given.kvLen !== this.len) fail(k.name, `sizes.kvLen = ${given.kvLen}, but the resident K / V hold ${this.len} keys`);
    const qLen = typeof k.qLen === 'number' ? k.qLen : given.qLen ?? Q.length / (this.batch * heads * D);
    if (!Number.isInteger(qLen) || qLen < 1) fail(k.name, `input 'q' has ${Q.length} elements, not [batch ${this.batch}, heads ${heads}, q_len, head_dim ${D}]`);
    if (Q.length !== this.batch * heads * qLen * D) fail(k.name, `input 'q' has ${Q.length} elements, expected ${this.batch * heads * qLen * D} = [batch, heads, q_len, head_dim] = [${this.batch}, ${heads}, ${qLen}, ${D}]`);
    if (qLen > this.len) fail(k.name, `q_len (${qLen}) exceeds kv_len (${this.len} resident keys)`);
    return { batch: this.batch, heads, kvHeads: k.kvHeads as number, headDim: D, valueDim: k.valueDim as number, qLen, kvLen: this.len };
  }
}
