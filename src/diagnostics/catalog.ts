/**
 * @file The catalogue of diagnostic codes. Codes are stable: never renumber or reuse one.
 * Ranges: SPC001-009 files and bytes, SPC010-011 and SPC020-029 syntax, SPC012 and SPC030-099
 * names and types, SPC100-199 kernel fields and sizes, SPC200-299 command line and build.
 * Each message is a template; `{0}`, `{1}` are filled from the arguments.
 */
import type { Severity } from './diagnostic.js';

export interface CatalogueEntry {
  readonly severity: Severity;
  readonly message: string;
  /** One line for `docs/diagnostics.md`: when this is reported. */
  readonly doc: string;
}

export const CATALOGUE = {
  // ---- files and bytes ----
  SPC001: { severity: 'error', message: "cannot read '{0}': {1}", doc: 'A file or import could not be read.' },
  SPC002: { severity: 'error', message: 'file is not valid UTF-8 text (bad byte 0x{0} at offset {1})', doc: 'A source file holds bytes that are not UTF-8.' },
  SPC003: { severity: 'error', message: 'file is too large ({0} bytes; the limit is {1})', doc: 'A source file exceeds the size limit.' },
  SPC004: { severity: 'error', message: 'nesting is too deep (more than {0} levels)', doc: 'Parentheses, brackets or operators nest deeper than the documented limit.' },
  SPC005: { severity: 'error', message: "import cycle: {0}", doc: 'Files import each other in a cycle.' },
  SPC006: { severity: 'error', message: "no .sparse or .ts spec files found in '{0}'", doc: 'A folder given on the command line holds no spec files.' },
  SPC007: { severity: 'error', message: "unsupported file type '{0}' (expected .sparse or .ts)", doc: 'A path on the command line is neither .sparse nor .ts.' },
  SPC008: { severity: 'error', message: 'error in TypeScript spec: {0}', doc: 'A .ts spec file failed to load or export valid declarations.' },
  // ---- lexing and syntax ----
  SPC010: { severity: 'error', message: "unexpected character '{0}'", doc: 'The lexer met a character that starts no token.' },
  SPC011: { severity: 'error', message: '{0}', doc: 'The parser met a token that does not fit the grammar (message says what was expected).' },
  SPC020: { severity: 'error', message: 'unterminated block comment', doc: 'A /* comment is never closed.' },
  SPC021: { severity: 'error', message: 'unterminated string', doc: 'A string literal (import path) is never closed.' },
  SPC022: { severity: 'error', message: "integer literal '{0}' is too large (limit 2^31 - 1)", doc: 'An integer literal does not fit in 32 bits.' },
  SPC023: { severity: 'error', message: "invalid number '{0}'", doc: 'A numeric literal is malformed.' },
  // ---- names and types (checker) ----
  SPC012: { severity: 'error', message: "unknown name '{0}'{1}", doc: 'A name is not a parameter, built-in, pattern or runtime input in scope.' },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof CATALOGUE;
