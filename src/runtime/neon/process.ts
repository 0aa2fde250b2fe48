/**
 * @file One long-lived neon test driver process (under qemu-aarch64, or native on arm64): runs are written to
 * its stdin one after another and each one's results read back from its stdout, so a kernel is started once
 * for all its cases.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** A running driver; `run` calls are served in order. */
export class NeonProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private chunks: Buffer[] = [];
  private have = 0;
  private stderr = '';
  private exited: string | null = null;
  private waiter: { bytes: number; resolve: (b: Uint8Array) => void; reject: (e: Error) => void } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(command: readonly string[]) {
    this.child = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (d: Buffer) => {
      this.chunks.push(d);
      this.have += d.length;
      this.deliver();
    });
    this.child.stderr.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.child.on('error', (e) => this.fail(`could not start ${command.join(' ')}: ${e.message}`));
    this.child.on('exit', (code, signal) => this.fail(`the neon driver ${command.join(' ')} exited (${signal ?? `code ${code}`})${this.stderr ? `: ${this.stderr.trim()}` : ''}`));
    this.child.stdin.on('error', () => undefined);
  }

  private fail(why: string): void {
    this.exited ??= why;
    if (this.waiter) {
      this.waiter.reject(new Error(why));
      this.waiter = null;
    }
  }

  private deliver(): void {
    const w = this.waiter;
    if (!w || this.have < w.bytes) return;
    const all = Buffer.concat(this.chunks);
    this.chunks = [all.subarray(w.bytes)];
    this.have = all.length - w.bytes;
    this.waiter = null;
    w.resolve(new Uint8Array(all.subarray(0, w.bytes)));
  }

  /** Writes one run's input stream and resolves with the next `resultBytes` bytes of output. */
  run(input: Uint8Array, resultBytes: number): Promise<Uint8Array> {
    const next = this.queue.then(() => new Promise<Uint8Array>((resolve, reject) => {
      if (this.exited) return reject(new Error(this.exited));
      this.waiter = { bytes: resultBytes, resolve, reject };
      this.child.stdin.write(input);
      this.deliver();
    }));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the driver (end of input) and waits for it to exit. */
  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.stdin.end(Buffer.from(new Uint8Array(Int32Array.of(0).buffer)));
    await done;
  }
}
