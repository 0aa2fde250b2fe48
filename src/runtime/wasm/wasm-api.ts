/**
 * @file The few WebAssembly JS-API types the runtime uses, declared here because the project's
 * TypeScript libraries (ES2022, no DOM) do not include them; `WASM` is the engine's global.
 */

/** A compiled module (structured-cloneable to workers). */
export type WasmModuleHandle = object;

/** A linear memory. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}

/** An instance's exports. */
export interface WasmInstance {
  readonly exports: Readonly<Record<string, unknown>>;
}

/** The subset of the global `WebAssembly` object the runtime calls. */
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  compile(bytes: Uint8Array): Promise<WasmModuleHandle>;
  instantiate(module: WasmModuleHandle, imports: Record<string, Record<string, unknown>>): Promise<WasmInstance>;
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}

/** The engine's WebAssembly object, or undefined where there is none. */
export const WASM: WasmApi | undefined = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** The engine's WebAssembly object; throws where there is none. */
export function wasmApi(): WasmApi {
  if (!WASM) throw new Error('this JavaScript engine has no WebAssembly');
  return WASM;
}
