/**
 * @file `sparsec explain SPC012`: one catalogue entry (severity, message, when it is reported) and its example
 * from docs/diagnostics.md, which the package ships. A code that does not exist gets the closest one suggested.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATALOGUE, type DiagnosticCode } from '../../diagnostics/catalog.js';
import { didYouMean } from '../../checker/suggest.js';
import { EXIT, UsageError, type Io } from '../io.js';

/** docs/diagnostics.md of this package (src/cli/commands and dist/cli/commands are both three folders down). */
const DIAGNOSTICS_DOC = fileURLToPath(new URL('../../../docs/diagnostics.md', import.meta.url));

/** `spc12`, `12`, `SPC012` -> `SPC012`; anything else unchanged. */
export function normalizeCode(text: string): string {
  const m = /^(?:spc)?0*(\d{1,3})$/i.exec(text.trim());
  return m ? `SPC${m[1]!.padStart(3, '0')}` : text.trim();
}

/** The body of the `### CODE` section of the diagnostics document, or null. */
export function exampleOf(code: string, doc: string): string | null {
  const start = doc.indexOf(`\n### ${code}\n`);
  if (start < 0) return null;
  const rest = doc.slice(start + code.length + 6);
  const end = rest.search(/\n##/);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

export function runExplain(codeText: string, io: Io): number {
  const code = normalizeCode(codeText);
  if (!(code in CATALOGUE)) throw new UsageError(`no diagnostic code '${codeText}'${didYouMean(code, Object.keys(CATALOGUE))} (codes: SPC001-${Object.keys(CATALOGUE).at(-1)})`);
  const entry = CATALOGUE[code as DiagnosticCode];
  const example = existsSync(DIAGNOSTICS_DOC) ? exampleOf(code, readFileSync(DIAGNOSTICS_DOC, 'utf8')) : null;
  io.out([
    `${code} (${entry.severity}): ${entry.message}`,
    '',
    entry.doc,
    ...(example ? ['', 'Example:', '', example.replace(/^```\w*\n|\n```$/gm, '').replace(/^```$/gm, '').trim()] : []),
  ].join('\n'));
  return EXIT.ok;
}
