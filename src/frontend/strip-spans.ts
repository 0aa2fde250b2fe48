/**
 * @file Helpers for comparing ASTs in tests: drop every span (`span`, `nameSpan`, ...), or shrink
 * each span to a readable `line:col-endLine:endCol` string for golden files.
 */

/** `T` without its span fields, recursively. */
export type Stripped<T> = T extends readonly (infer U)[]
  ? Stripped<U>[]
  : T extends object
    ? { [K in keyof T as K extends 'span' | `${string}Span` ? never : K]: Stripped<T[K]> }
    : T;

function isSpanKey(key: string): boolean {
  return key === 'span' || key.endsWith('Span');
}

/** A deep copy of `x` without span fields, so two ASTs compare equal up to positions. */
export function stripSpans<T>(x: T): Stripped<T> {
  return mapSpans(x, () => undefined) as Stripped<T>;
}

/** A deep copy of `x` with each span shown as `line:col-endLine:endCol`. */
export function compactSpans<T>(x: T): unknown {
  return mapSpans(x, (s) => {
    const span = s as { line: number; col: number; endLine: number; endCol: number } | null;
    return span ? `${span.line}:${span.col}-${span.endLine}:${span.endCol}` : null;
  });
}

function mapSpans(x: unknown, onSpan: (span: unknown) => unknown): unknown {
  if (Array.isArray(x)) return x.map((item) => mapSpans(item, onSpan));
  if (x === null || typeof x !== 'object') return x;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(x)) {
    if (isSpanKey(key)) {
      const mapped = onSpan(value);
      if (mapped !== undefined) out[key] = mapped;
    } else {
      out[key] = mapSpans(value, onSpan);
    }
  }
  return out;
}
