/** @file The wasm worker pool's shared-memory wake-up: runs complete, a trap in a worker rejects that run, the pool keeps working. */
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/runtime/wasm/threads.js';
import type { WasmMemory, WasmModuleHandle } from '../../src/runtime/wasm/wasm-api.js';

/** `run(x: i32)`: traps when x != 0; imports a shared one-page `env.memory`. */
const TRAP_WHEN_NONZERO = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x01, 0x7f, 0x00,
  0x02, 0x10, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x03, 0x01, 0x01,
  0x03, 0x02, 0x01, 0x00,
  0x07, 0x07, 0x01, 0x03, 0x72, 0x75, 0x6e, 0x00, 0x00,
  0x0a, 0x0a, 0x01, 0x08, 0x00, 0x20, 0x00, 0x04, 0x40, 0x00, 0x0b, 0x0b,
]);

describe('wasm worker pool wake-up', () => {
  it('runs many times, surfaces a trap as a rejected run, and keeps working after it', async () => {
    const module = new WebAssembly.Module(TRAP_WHEN_NONZERO) as unknown as WasmModuleHandle;
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }) as unknown as WasmMemory;
    const pool = await WorkerPool.start(2, module, memory);
    try {
      for (let i = 0; i < 50; i++) await pool.run(() => [0]);
      // Worker 2 traps while worker 1 may still be in flight: the pool must settle both before it
      // rejects, or the next run finds worker 1 busy (a CI failure of session 5).
      for (let i = 0; i < 30; i++) {
        await expect(pool.run((tid) => [tid === 2 ? 1 : 0])).rejects.toThrow(/wasm worker: .*unreachable/);
        await pool.run(() => [0]);
      }
    } finally {
      await pool.close();
    }
  });
});
