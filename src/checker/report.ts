/**
 * @file The checker's diagnostic sink: a DiagnosticBag that also counts reports, so a kernel
 * check can tell whether anything went wrong while it ran (even a duplicate that the bag drops).
 */
import type { Span } from '../frontend/ast.js';
import type { DiagnosticCode } from '../diagnostics/catalog.js';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';

/** Collects checker diagnostics; `count` grows on every report, duplicates included. */
export class Reporter {
  readonly bag = new DiagnosticBag();
  private reports = 0;
  /** Extra note appended to every report (e.g. "in kernel 'x'"), when set. */
  note: string | null = null;

  /** Reports catalogue entry `code` at `span`. */
  error(code: DiagnosticCode, span: Span, args: readonly (string | number)[] = [], notes: readonly string[] = []): void {
    this.reports++;
    this.bag.error(code, span, args, notes);
  }

  /** Like `error`, with the current context note (used for errors that depend on kernel sizes). */
  errorInContext(code: DiagnosticCode, span: Span, args: readonly (string | number)[] = []): void {
    this.error(code, span, args, this.note ? [this.note] : []);
  }

  /** Number of reports so far, duplicates included. */
  get count(): number {
    return this.reports;
  }
}

/** `file:line:col` of a span, for "first at ..." messages. */
export function whereOf(span: Span): string {
  return `${span.file}:${span.line}:${span.col}`;
}
