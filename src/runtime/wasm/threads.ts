/**
 * @file A pool of worker threads that share one kernel's memory: each worker instantiates the same
 * module against the shared memory and runs `run(sb, tid, nth, ...)` for its thread id, while the
 * calling thread runs thread 0. The worker source is inline, so it needs no file on disk.
 * A worker holds the process open only while it has a request in flight: an idle pool never keeps Node
 * alive, so a script that loads a kernel with threads ends by itself (`dispose()` stops the workers sooner).
 * `node:worker_threads` is imported only when a pool starts, so `sparsec/runtime` also loads in a browser page.
 */
import type { Worker } from 'node:worker_threads';
import { erf } from './convert.js';
import type { WasmMemory, WasmModuleHandle } from './wasm-api.js';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const erf = ${erf.toString()};
let instance = null;
parentPort.on('message', (m) => {
  try {
    if (m.type === 'init') {
      instance = new WebAssembly.Instance(m.module, { env: { memory: m.memory, log: Math.log, tanh: Math.tanh, erf, sin: Math.sin, cos: Math.cos, exp2: (x) => 2 ** x, log2: Math.log2 } });
      parentPort.postMessage({ type: 'ready' });
    } else {
      instance.exports.run(...m.args);
      parentPort.postMessage({ type: 'done' });
    }
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: String(e && e.message || e) });
  }
});
`;

interface Pending {
  resolve: () => void;
  reject: (e: Error) => void;
}

/** One worker and its in-flight request. */
class PoolWorker {
  private pending: Pending | null = null;
  private readonly worker: Worker;

  constructor(WorkerClass: typeof Worker) {
    this.worker = new WorkerClass(WORKER_SOURCE, { eval: true });
    this.worker.on('message', (m: { type: string; message?: string }) => {
      const p = this.pending;
      this.pending = null;
      this.worker.unref();
      if (!p) return;
      if (m.type === 'error') p.reject(new Error(`wasm worker: ${m.message}`));
      else p.resolve();
    });
    this.worker.on('error', (e) => {
      const p = this.pending;
      this.pending = null;
      this.worker.unref();
      p?.reject(e);
    });
    // After the listeners: adding a 'message' listener refs the worker's port again.
    this.worker.unref();
  }

  /** Sends one message and waits for its answer. */
  request(message: unknown): Promise<void> {
    if (this.pending) return Promise.reject(new Error('wasm worker: busy'));
    return new Promise<void>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.ref();
      this.worker.postMessage(message);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Workers for thread ids 1 .. count, each with an instance of `module` over `memory`. */
export class WorkerPool {
  private constructor(private readonly workers: PoolWorker[]) {}

  /** Starts `count` workers and instantiates the module in each. */
  static async start(count: number, module: WasmModuleHandle, memory: WasmMemory): Promise<WorkerPool> {
    const { Worker: WorkerClass } = await import('node:worker_threads');
    const workers = Array.from({ length: count }, () => new PoolWorker(WorkerClass));
    await Promise.all(workers.map((w) => w.request({ type: 'init', module, memory })));
    return new WorkerPool(workers);
  }

  /** Starts `run` on every worker with `argsFor(tid)` (tid from 1); resolves when all are done. */
  run(argsFor: (tid: number) => number[]): Promise<void[]> {
    return Promise.all(this.workers.map((w, i) => w.request({ type: 'run', args: argsFor(i + 1) })));
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
