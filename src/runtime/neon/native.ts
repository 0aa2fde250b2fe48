/**
 * @file Runs a neon kernel in this process through the node addon (native/neon): the kernel's shared library is
 * opened once, and each run passes the bound typed arrays without copies (f16 / bf16 buffers converted to
 * 16-bit words first, and outputs back). On x86 hosts the library was compiled against SIMDe: for testing,
 * not speed.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { BoundValue } from '../library/bind.js';
import { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits } from '../half.js';
import type { NeonAbi, NeonParam } from './abi.js';

/** The addon's functions. */
interface NeonAddon {
  open(path: string, symbol: string): unknown;
  run(handle: unknown, threads: number, scratchBytes: number, buffers: readonly ArrayBufferView[], ints: Int32Array): void;
}

/** Where `node-gyp rebuild` (scripts/setup-neon.sh) puts the addon, from src/ or dist/ alike. */
export const NEON_ADDON_PATH = fileURLToPath(new URL('../../../native/neon/build/Release/sparsec_neon.node', import.meta.url));

let addon: NeonAddon | undefined;

/** The addon, or an Error saying how to build it. */
export function neonAddon(): NeonAddon {
  if (addon) return addon;
  if (!existsSync(NEON_ADDON_PATH)) {
    throw new Error(`neon: the node addon is not built (${NEON_ADDON_PATH}); run bash scripts/setup-neon.sh`);
  }
  addon = createRequire(import.meta.url)(NEON_ADDON_PATH) as NeonAddon;
  return addon;
}

/** Options of a loaded native kernel. */
export interface NeonNativeOptions {
  /** Threads per run (default 1). */
  readonly threads?: number;
}

function storageArray(p: NeonParam, data: Float32Array | Int32Array | Uint8Array): ArrayBufferView {
  switch (p.scalar) {
    case 'f32': return data instanceof Float32Array ? data : Float32Array.from(data);
    case 'i32': return data instanceof Int32Array ? data : Int32Array.from(data);
    case 'u8': case 'bool': return data instanceof Uint8Array ? data : Uint8Array.from(data);
    case 'f16': case 'bf16': {
      const conv = p.scalar === 'f16' ? f32ToF16Bits : f32ToBf16Bits;
      const out = new Uint16Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = conv(data[i]!);
      return out;
    }
  }
}

/** A neon kernel loaded in this process. */
export class NeonNativeKernel {
  private constructor(
    readonly abi: NeonAbi,
    private readonly handle: unknown,
    readonly threads: number,
  ) {}

  /** Opens the shared library at `path` (its `<fn>_call` entry). */
  static load(path: string, abi: NeonAbi, opts: NeonNativeOptions = {}): NeonNativeKernel {
    const handle = neonAddon().open(path, `${abi.fn}_call`);
    return new NeonNativeKernel(abi, handle, abi.parallel ? Math.max(1, Math.floor(opts.threads ?? 1)) : 1);
  }

  /** Runs on `values` (inputs and sizes by parameter name); results land in `outputs` (f32). */
  async run(values: Readonly<Record<string, BoundValue>>, outputs: Readonly<Record<string, Float32Array>>): Promise<void> {
    const ints = new Int32Array(this.abi.params.length);
    const buffers: ArrayBufferView[] = [];
    const copies: [NeonParam, Uint16Array, Float32Array][] = [];
    this.abi.params.forEach((p, j) => {
      if (p.kind === 'i32') {
        const v = values[p.name];
        if (typeof v !== 'number') throw new Error(`neon: kernel ${this.abi.kernel}: no value bound for '${p.name}'`);
        ints[j] = v | 0;
        buffers.push(new Uint8Array(0));
        return;
      }
      const out = outputs[p.name];
      const v = out ?? values[p.name];
      if (v === undefined || typeof v === 'number') throw new Error(`neon: kernel ${this.abi.kernel}: no array bound for buffer '${p.name}'`);
      const arr = storageArray(p, v);
      if (out && arr instanceof Uint16Array) copies.push([p, arr, out]);
      buffers.push(arr.byteLength === 0 ? new Uint8Array(16) : arr);
    });
    neonAddon().run(this.handle, this.threads, this.abi.scratchBytes, buffers, ints);
    for (const [p, words, out] of copies) {
      const conv = p.scalar === 'f16' ? f16BitsToF32 : bf16BitsToF32;
      for (let i = 0; i < out.length; i++) out[i] = conv(words[i]!);
    }
  }

  /** Nothing to free: the library stays open for the process. */
  async dispose(): Promise<void> {}
}
