/**
 * @file Colour on standard error (picocolors): on a terminal unless `NO_COLOR` is set (non-empty); `FORCE_COLOR`
 * (not `0`) turns it on where there is no terminal. Diagnostics get their severity and caret coloured; the text is
 * otherwise the contract's, so turning colour off changes nothing but the escape codes.
 */
import pc from 'picocolors';

type Colors = ReturnType<typeof pc.createColors>;

/** Whether to colour text written to `stream`, given the environment. */
export function colourEnabled(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (env['NO_COLOR']) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(stream.isTTY) && env['TERM'] !== 'dumb';
}

const SEVERITY = /^(.*?: )(error|warning|note)( SPC\d{3}: )(.*)$/;

/** A rendered diagnostic with its severity, code and caret line coloured (unchanged when `on` is false). */
export function paintDiagnostic(text: string, on: boolean): string {
  if (!on) return text;
  const c: Colors = pc.createColors(true);
  const lines = text.split('\n');
  const head = SEVERITY.exec(lines[0]!);
  if (!head) return text;
  const tone = head[2] === 'error' ? c.red : head[2] === 'warning' ? c.yellow : c.cyan;
  lines[0] = `${c.bold(head[1]!)}${c.bold(tone(head[2]!))}${head[3]}${c.bold(head[4]!)}`;
  return lines.map((l, i) => (i > 0 && /^\s*\^+$/.test(l) ? tone(l) : i > 0 && /^ {2}note: /.test(l) ? c.cyan(l) : l)).join('\n');
}
