/**
 * @file Diagnostics as data: a `Diagnostic` is a code from the catalogue, a message and a span.
 * Front end and checker collect them in a `DiagnosticBag`; nothing user-facing is thrown.
 */
import type { Span } from '../frontend/ast.js';
import { CATALOGUE, type DiagnosticCode } from './catalog.js';

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** Null only for diagnostics about a file as a whole before any position exists (e.g. unreadable). */
  readonly span: Span | null;
  /** The file, always set (equals span.file when span is set). */
  readonly file: string;
  /** Extra lines printed after the caret, such as "note: ..." hints. */
  readonly notes?: readonly string[];
}

/** Fills `{0}`, `{1}`... in a catalogue template. */
export function formatMessage(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)] ?? `{${i}}`));
}

/** Collects diagnostics, dropping exact duplicates (same code, place and message). */
export class DiagnosticBag {
  private readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  /** Reports catalogue entry `code` at `span` with template arguments `args`. */
  error(code: DiagnosticCode, span: Span, args: readonly (string | number)[] = [], notes?: readonly string[]): void {
    this.add(code, span.file, span, args, notes);
  }

  /** Reports a diagnostic about a whole file (no position). */
  fileError(code: DiagnosticCode, file: string, args: readonly (string | number)[] = []): void {
    this.add(code, file, null, args);
  }

  private add(code: DiagnosticCode, file: string, span: Span | null, args: readonly (string | number)[], notes?: readonly string[]): void {
    const entry = CATALOGUE[code];
    const message = formatMessage(entry.message, args);
    const key = `${code}|${file}|${span?.offset ?? -1}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ code, severity: entry.severity, message, span, file, ...(notes && notes.length ? { notes } : {}) });
  }

  /** Appends diagnostics produced elsewhere. */
  addAll(ds: readonly Diagnostic[]): void {
    for (const d of ds) {
      const key = `${d.code}|${d.file}|${d.span?.offset ?? -1}|${d.message}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.items.push(d);
    }
  }

  get all(): readonly Diagnostic[] {
    return this.items;
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** A valid kernel that a target cannot compile (yet): the CLI prints the message as a user error, not a bug. */
export class UnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedError';
  }
}

/** Thrown only for compiler bugs (broken invariants); the CLI prints these apart from user errors. */
export class InternalError extends Error {
  constructor(message: string) {
    super(`internal error (this is a sparsec bug): ${message}`);
    this.name = 'InternalError';
  }
}

/** Asserts an internal invariant. */
export function invariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new InternalError(message);
}
