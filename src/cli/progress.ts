/**
 * @file Progress of long commands (build, verify) on standard error: on a terminal one line redrawn in place with
 * the count (12/78), the elapsed time and an estimate of the time left; elsewhere (a pipe, a log) one line per
 * finished item, so a slow run shows what it is doing; nothing in machine mode (`--json`).
 */
import type { Io } from './io.js';

export type ProgressMode = 'terminal' | 'lines' | 'off';

/** The progress mode for `io`: a terminal redraws, a pipe gets lines, `--json` gets nothing. */
export function progressMode(io: Io, machineOutput: boolean): ProgressMode {
  if (machineOutput) return 'off';
  return io.interactive ? 'terminal' : 'lines';
}

/** `75` -> `1:15`. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600 ? `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export class Progress {
  private done = 0;
  private shown = false;
  private readonly started: number;

  constructor(
    private readonly io: Io,
    private readonly mode: ProgressMode,
    private readonly label: string,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  private counter(): string {
    const elapsed = (this.now() - this.started) / 1000;
    const left = this.done > 0 && this.done < this.total ? `, ~${clock((elapsed / this.done) * (this.total - this.done))} left` : '';
    return `${this.label} ${this.done}/${this.total} [${clock(elapsed)} elapsed${left}]`;
  }

  /** On a terminal, redraws the line with what is happening now (`msg`). */
  note(msg: string): void {
    if (this.mode !== 'terminal') return;
    const columns = process.stderr.columns || 100;
    process.stderr.write(`\r\x1b[2K${`${this.counter()} ${msg}`.slice(0, columns - 1)}`);
    this.shown = true;
  }

  /** One item (`name`) finished, with a short outcome. */
  step(name: string, outcome = ''): void {
    this.done++;
    if (this.mode === 'lines') this.io.err(`${this.counter()} ${name}${outcome ? `: ${outcome}` : ''}`);
    else this.note(name);
  }

  /** Clears the terminal line. */
  finish(): void {
    if (this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}
