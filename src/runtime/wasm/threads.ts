/**
 * @file A pool of worker threads that share one kernel's memory: each worker instantiates the same
 * module against the shared memory and runs `run(sb, tid, nth, ...)` for its thread id, while the
 * calling thread runs thread 0. The worker source is inline, so it needs no file on disk.
 * Wake-up is by shared memory, not by message: each worker parks in `Atomics.wait` on its own control
 * block and the caller `Atomics.notify`s it per run, then awaits the worker's `done` word with
 * `Atomics.waitAsync`. An error inside `run` is written into the control block and rejects that run.
 * A worker holds the process open only while it has a run in flight: an idle pool never keeps Node
 * alive, so a script that loads a kernel with threads ends by itself (`close()` stops the workers sooner).
 * `node:worker_threads` is imported only when a pool starts, so `sparsec/runtime` also loads in a browser page.
 */
import type { Worker } from 'node:worker_threads';
import { erf } from './convert.js';
import type { WasmMemory, WasmModuleHandle } from './wasm-api.js';

/** Control block layout (bytes): i32 seq @0, i32 done @4, i32 error length @8, i32 argc @12; f64 args @64; error text @256. */
const CTRL_BYTES = 2048;
const ARGS_AT = 64;
const MAX_ARGS = 24;
const ERR_AT = 256;
const SHUTDOWN = -1;

/** `Atomics.waitAsync` (Node >= 16), typed here because the compiler's lib predates it. */
type WaitAsync = (a: Int32Array, index: number, value: number) => { async: boolean; value: Promise<string> | string };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const erf = ${erf.toString()};
parentPort.once('message', (m) => {
  let instance;
  try {
    instance = new WebAssembly.Instance(m.module, { env: { memory: m.memory, log: Math.log, tanh: Math.tanh, erf, sin: Math.sin, cos: Math.cos, exp2: (x) => 2 ** x, log2: Math.log2 } });
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: String(e && e.message || e) });
    return;
  }
  parentPort.postMessage({ type: 'ready' });
  const ctrl = new Int32Array(m.ctrl);
  const args = new Float64Array(m.ctrl, ${ARGS_AT}, ${MAX_ARGS});
  const errText = new Uint8Array(m.ctrl, ${ERR_AT});
  let seen = 0;
  for (;;) {
    Atomics.wait(ctrl, 0, seen);
    const seq = Atomics.load(ctrl, 0);
    if (seq === ${SHUTDOWN}) return;
    seen = seq;
    let errLen = 0;
    try {
      instance.exports.run(...Array.from(args.subarray(0, Atomics.load(ctrl, 3))));
    } catch (e) {
      const bytes = new TextEncoder().encode(String(e && e.message || e)).subarray(0, errText.length);
      errText.set(bytes);
      errLen = bytes.length || 1;
    }
    Atomics.store(ctrl, 2, errLen);
    Atomics.store(ctrl, 1, seq);
    Atomics.notify(ctrl, 1);
  }
});
`;

/** One worker, its control block and its in-flight run. */
class PoolWorker {
  private busy = false;
  private seq = 0;
  private failure: ((e: Error) => void) | null = null;
  private readonly worker: Worker;
  private readonly ctrl: Int32Array;
  private readonly args: Float64Array;

  constructor(WorkerClass: typeof Worker) {
    const sab = new SharedArrayBuffer(CTRL_BYTES);
    this.ctrl = new Int32Array(sab);
    this.args = new Float64Array(sab, ARGS_AT, MAX_ARGS);
    this.worker = new WorkerClass(WORKER_SOURCE, { eval: true });
    this.worker.on('error', (e) => this.failure?.(e));
    this.worker.unref();
  }

  /** Instantiates the module in the worker; after this the worker parks on its control block. */
  init(module: WasmModuleHandle, memory: WasmMemory): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.failure = reject;
      this.worker.ref();
      this.worker.once('message', (m: { type: string; message?: string }) => {
        this.failure = null;
        this.worker.unref();
        if (m.type === 'error') reject(new Error(`wasm worker: ${m.message}`));
        else resolve();
      });
      this.worker.postMessage({ module, memory, ctrl: this.ctrl.buffer });
    });
  }

  /** Wakes the worker for one run with `args` and resolves when its `run` returns. */
  async run(args: number[]): Promise<void> {
    if (this.busy) throw new Error('wasm worker: busy');
    if (args.length > MAX_ARGS) throw new Error(`wasm worker: more than ${MAX_ARGS} arguments`);
    this.busy = true;
    this.args.set(args);
    Atomics.store(this.ctrl, 3, args.length);
    const seq = ++this.seq;
    // Ref'd while in flight: a pending waitAsync alone does not hold the event loop open.
    this.worker.ref();
    try {
      const crashed = new Promise<never>((_, reject) => {
        this.failure = reject;
      });
      // Wait before waking: a worker that finishes before the caller's next instruction (the scheduler may run it
      // first on a loaded machine) would otherwise make waitAsync settle synchronously, the run never yielding.
      const w = waitAsync(this.ctrl, 1, seq - 1);
      Atomics.store(this.ctrl, 0, seq);
      Atomics.notify(this.ctrl, 0);
      if (w.async) await Promise.race([w.value, crashed]);
      const errLen = Atomics.load(this.ctrl, 2);
      if (errLen > 0) {
        const text = new TextDecoder().decode(new Uint8Array(this.ctrl.buffer, ERR_AT, errLen).slice());
        throw new Error(`wasm worker: ${text}`);
      }
    } finally {
      this.failure = null;
      this.busy = false;
      this.worker.unref();
    }
  }

  terminate(): Promise<number> {
    Atomics.store(this.ctrl, 0, SHUTDOWN);
    Atomics.notify(this.ctrl, 0);
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
    await Promise.all(workers.map((w) => w.init(module, memory)));
    return new WorkerPool(workers);
  }

  /**
   * Starts `run` on every worker with `argsFor(tid)` (tid from 1); settles only when every worker is
   * done, so a run that failed in one worker never leaves another busy for the next call.
   */
  async run(argsFor: (tid: number) => number[]): Promise<void> {
    const settled = await Promise.allSettled(this.workers.map((w, i) => w.run(argsFor(i + 1))));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
