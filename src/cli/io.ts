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

const FILE_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied', EPERM: 'operation not permitted', ENOENT: 'no such file or directory', ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory', EROFS: 'read-only file system', ENOSPC: 'no space left on the device', EEXIST: 'already exists', ENOTEMPTY: 'folder is not empty',
  EBUSY: 'busy', EMFILE: 'too many open files', ENAMETOOLONG: 'name too long',
};

/**
 * The user-facing line for a file-system error (an unwritable --png path, a full disk), or null when `e` is not
 * one: such errors are the user's environment, not a sparsec bug, and exit 1.
 */
export function fileProblem(e: unknown): string | null {
  const err = e as { code?: unknown; path?: unknown; dest?: unknown; syscall?: unknown };
  if (typeof err?.code !== 'string' || typeof err.path !== 'string') return null;
  const reason = FILE_REASONS[err.code] ?? err.code;
  const verb = typeof err.syscall === 'string' ? err.syscall : 'use';
  return `cannot ${verb} '${err.path}': ${reason}`;
}
