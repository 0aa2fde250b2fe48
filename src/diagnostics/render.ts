/**
 * @file Renders diagnostics as `file:line:col: error SPCnnn: message`, then the source line and a
 * caret under the span, and as JSON for `--json`.
 */
import type { Diagnostic } from './diagnostic.js';

/** Source texts by file name, for printing the offending line. */
export type SourceMap = ReadonlyMap<string, string>;

/** Formats one diagnostic in the contract's text form. */
export function renderDiagnostic(d: Diagnostic, sources: SourceMap): string {
  if (!d.span) return `${d.file}: ${d.severity} ${d.code}: ${d.message}`;
  const { line, col } = d.span;
  const head = `${d.file}:${line}:${col}: ${d.severity} ${d.code}: ${d.message}`;
  const text = sources.get(d.file);
  const lines: string[] = [head];
  if (text !== undefined) {
    const srcLine = sourceLine(text, line);
    if (srcLine !== null) {
      const shown = srcLine.length > 200 ? srcLine.slice(0, 200) : srcLine;
      const width = d.span.endLine === line ? Math.max(1, d.span.endCol - col) : Math.max(1, shown.length - col + 1);
      const caretStart = Math.min(col - 1, shown.length);
      const caretWidth = Math.max(1, Math.min(width, shown.length - caretStart));
      // Keep tabs so the caret lines up under the source line.
      const pad = shown.slice(0, caretStart).replace(/[^\t]/g, ' ');
      lines.push(`  ${shown}`);
      lines.push(`  ${pad}${'^'.repeat(caretWidth)}`);
    }
  }
  for (const n of d.notes ?? []) lines.push(`  note: ${n}`);
  return lines.join('\n');
}

/** The 1-based line `line` of `text`, without its line break, or null when out of range. */
function sourceLine(text: string, line: number): string | null {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return text.slice(start, end).replace(/\r$/, '');
}

/** JSON form for `--json`. */
export function diagnosticToJson(d: Diagnostic): Record<string, unknown> {
  return {
    file: d.file,
    line: d.span?.line ?? null,
    col: d.span?.col ?? null,
    endLine: d.span?.endLine ?? null,
    endCol: d.span?.endCol ?? null,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.notes ? { notes: d.notes } : {}),
  };
}
