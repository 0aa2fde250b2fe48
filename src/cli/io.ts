/**
 * @file Output helpers of the command line: where text goes, and the exit codes of the contract.
 */
import { colourEnabled } from './colour.js';

/** Exit codes: 0 success, 1 user errors or failed checks, 2 bad usage, 3 internal error (a sparsec bug). */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

/** Streams the CLI writes to; replaceable in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when standard error is a terminal (progress lines are only drawn then). */
  readonly interactive: boolean;
  /** Colour diagnostics on standard error (see colour.ts); off when absent. */
  readonly colour?: boolean;
}

export const processIo: Io = {
  out: (t) => void process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => void process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  interactive: Boolean(process.stderr.isTTY),
  colour: colourEnabled(process.stderr),
};

/** A usage error found after argument parsing (e.g. an unknown target); exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
