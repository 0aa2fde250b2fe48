/**
 * @file Spans from chevrotain positions, and `SyntaxProblem`, the exception to-ast.ts throws to
 * abandon one declaration with a diagnostic (caught in parse.ts; never escapes the front end).
 */
import type { Span } from './ast.js';
import type { DiagnosticCode } from '../diagnostics/catalog.js';

/** A chevrotain token or CST node location (both carry these fields). */
export interface Loc {
  readonly startOffset: number;
  readonly startLine?: number;
  readonly startColumn?: number;
  readonly endOffset?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** The span from the start of `start` to the end of `end` (chevrotain ends are inclusive). */
export function spanOf(file: string, start: Loc, end: Loc = start): Span {
  const endOffset = end.endOffset ?? end.startOffset;
  return {
    file,
    line: start.startLine ?? 1,
    col: start.startColumn ?? 1,
    endLine: end.endLine ?? end.startLine ?? 1,
    endCol: (end.endColumn ?? end.startColumn ?? 0) + 1,
    offset: start.startOffset,
    length: Math.max(0, endOffset + 1 - start.startOffset),
  };
}

/** The span from the start of `a` to the end of `b`. */
export function joinSpans(a: Span, b: Span): Span {
  return {
    file: a.file,
    line: a.line,
    col: a.col,
    endLine: b.endLine,
    endCol: b.endCol,
    offset: a.offset,
    length: b.offset + b.length - a.offset,
  };
}

/** A problem that abandons the declaration being built; reported as a diagnostic. */
export class SyntaxProblem extends Error {
  constructor(
    readonly code: DiagnosticCode,
    readonly span: Span,
    readonly args: readonly (string | number)[],
  ) {
    super(`${code}: ${args.join(', ')}`);
    this.name = 'SyntaxProblem';
  }
}
