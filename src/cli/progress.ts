/**
 * @file A one-line progress indicator on standard error for long commands (only on a terminal).
 */
import type { Io } from './io.js';

export class Progress {
  private shown = false;
  private readonly started = Date.now();

  constructor(private readonly io: Io, private readonly enabled: boolean) {}

  /** Replaces the progress line with `msg` (prefixed by the elapsed time). */
  update(msg: string): void {
    if (!this.enabled) return;
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    process.stderr.write(`\r\x1b[2K[${secs}s] ${msg.slice(0, 100)}`);
    this.shown = true;
  }

  /** Clears the progress line. */
  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}
