/**
 * @file `loadTsSpec`: loads a `.ts` spec file into the same AST `Module` as a `.sparse` file. Syntax
 * errors, unresolvable imports and errors thrown while the spec runs become SPC008 diagnostics.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Module, Span } from '../frontend/ast.js';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { TsSpecLoader } from '../frontend/load.js';
import { MAX_EXPRESSION_HEIGHT } from '../frontend/parse.js';
import { declExprs, exprHeight } from '../frontend/walk.js';
import { toModule } from './module.js';
import type { EmittedFile } from './ts-emit.js';

type PositionSpan = typeof import('./spans.js').positionSpan;

export type { TsSpecLoader };

/**
 * The builder entry that `import ... from 'sparsec'` in a spec resolves to: `dist/index.js` next to the
 * compiled loader, or `src/index.ts` when the loader itself runs from source (under vitest).
 */
export function builderEntryUrl(): string {
  const here = fileURLToPath(import.meta.url);
  const js = path.join(path.dirname(here), '..', 'index.js');
  const ts = path.join(path.dirname(here), '..', 'index.ts');
  return pathToFileURL(existsSync(js) || !existsSync(ts) ? js : ts).href;
}

/** Loads one `.ts` spec. Never throws for problems in the spec; each one is an SPC008 diagnostic. */
export const loadTsSpec: TsSpecLoader = async (absPath, display) => {
  const bag = new DiagnosticBag();
  const empty: Module = { file: display, imports: [], decls: [] };
  const report = (message: string, span: Span | null, file = display): void => {
    if (span) bag.error('SPC008', span, [message]);
    else bag.fileError('SPC008', file, [message]);
  };
  // ts-morph is heavy: load it only when a .ts spec is actually loaded.
  const { emitSpecGraph, locatedSources } = await import('./ts-emit.js');
  const { makeLocator, positionSpan } = await import('./spans.js');
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'sparsec-spec-'));
  try {
    const entryUrl = builderEntryUrl();
    const emitted = await emitSpecGraph(absPath, display, outDir, entryUrl);
    for (const p of emitted.problems) report(p.message, p.span, p.file);
    const entry = emitted.files.find((f) => f.absPath === absPath);
    if (emitted.problems.length || !entry) return { module: empty, diagnostics: [...bag.all] };
    let exports: Record<string, unknown>;
    try {
      exports = { ...((await import(pathToFileURL(entry.outPath).href)) as Record<string, unknown>) };
    } catch (err) {
      const where = missingExportLocation(err, emitted.files, positionSpan) ?? errorLocation(err, emitted.files, positionSpan);
      report(errorText(err).split(entryUrl).join('sparsec'), where?.span ?? null, where?.file ?? display);
      return { module: empty, diagnostics: [...bag.all] };
    }
    let built: Module;
    try {
      built = toModule(display, exports, { locate: makeLocator(locatedSources(emitted.files, absPath)) });
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      bag.fileError('SPC004', display, [MAX_EXPRESSION_HEIGHT]);
      return { module: empty, diagnostics: [...bag.all] };
    }
    if (built.decls.length === 0) {
      report("the spec exports no pattern or kernel declarations (write 'export const x = pattern(...)' or 'kernel.attention(...)')", null);
    }
    // Same limit as the parser: a declaration with a too-tall expression is reported and dropped.
    const decls = built.decls.filter((decl) => {
      const tall = declExprs(decl).find((e) => exprHeight(e) > MAX_EXPRESSION_HEIGHT);
      if (tall) bag.error('SPC004', tall.span, [MAX_EXPRESSION_HEIGHT]);
      return !tall;
    });
    return { module: { ...built, decls }, diagnostics: [...bag.all] };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
};

/** The message of a thrown value: builder errors as is, other errors with their type (`TypeError: ...`). */
function errorText(err: unknown): string {
  if (!(err instanceof Error)) return `the spec threw ${String(err)}`;
  const first = err.message.split('\n')[0] ?? '';
  return err.name === 'SparsecBuilderError' ? first : `${err.name}: ${first}`;
}

const FRAME = /(file:\/\/[^\s)]+?|\/[^\s):]+?):(\d+)(?::(\d+))?/g;

/** The first stack position inside the spec's files, mapped back to the TypeScript source. */
function errorLocation(err: unknown, files: readonly EmittedFile[], positionSpan: PositionSpan): { file: string; span: Span } | null {
  const stack = err instanceof Error ? String(err.stack ?? '') : '';
  for (const m of stack.matchAll(FRAME)) {
    let framePath = m[1]!;
    try {
      if (framePath.startsWith('file://')) framePath = fileURLToPath(framePath.split('?')[0]!);
    } catch {
      continue;
    }
    const line = Number(m[2]);
    const col = m[3] ? Number(m[3]) : 1;
    const emittedFile = files.find((f) => f.outPath === framePath);
    if (emittedFile) {
      const original = mapToSource(emittedFile, line, col);
      if (original) return { file: emittedFile.display, span: spanAt(emittedFile, original.line, original.col, positionSpan) };
      continue;
    }
    const sourceFile = files.find((f) => f.absPath === framePath);
    if (sourceFile) return { file: sourceFile.display, span: spanAt(sourceFile, line, col, positionSpan) };
  }
  return null;
}

/** For "does not provide an export named 'x'" link errors: the import of `x` in the spec's files. */
function missingExportLocation(err: unknown, files: readonly EmittedFile[], positionSpan: PositionSpan): { file: string; span: Span } | null {
  const missing = err instanceof Error ? /does not provide an export named '([^']+)'/.exec(err.message)?.[1] : undefined;
  if (!missing) return null;
  for (const f of files) {
    for (const decl of f.sourceFile.getImportDeclarations()) {
      const spec = decl.getNamedImports().find((n) => n.getName() === missing);
      if (spec) return { file: f.display, span: positionSpan(f.sourceFile, spec.getStart(), f.display) };
    }
  }
  return null;
}

/** Maps a 1-based position in an emitted `.mjs` to a 1-based position in its `.ts` source. */
function mapToSource(file: EmittedFile, line: number, col: number): { line: number; col: number } | null {
  if (!file.sourceMap) return null;
  try {
    const entry = new SourceMap(JSON.parse(file.sourceMap) as never).findEntry(line - 1, col - 1) as { originalLine?: number; originalColumn?: number };
    if (entry.originalLine === undefined || entry.originalColumn === undefined) return null;
    return { line: entry.originalLine + 1, col: entry.originalColumn + 1 };
  } catch {
    return null;
  }
}

/** The span of the token at a 1-based line/col of a spec source. */
function spanAt(file: EmittedFile, line: number, col: number, positionSpan: PositionSpan): Span {
  const sf = file.sourceFile;
  const lineStarts = sf.compilerNode.getLineStarts();
  const lineStart = lineStarts[Math.min(Math.max(line - 1, 0), lineStarts.length - 1)] ?? 0;
  return positionSpan(sf, Math.min(lineStart + col - 1, sf.getEnd()), file.display);
}
