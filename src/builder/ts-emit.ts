/**
 * @file Turns a `.ts` spec and the local `.ts` files it imports into runnable `.mjs` files in a temp
 * folder: syntax errors become diagnostics, `'sparsec'` points at the builder entry, relative imports at their emitted copies.
 */
import { statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Node, Project, ts, type NoSubstitutionTemplateLiteral, type SourceFile, type StringLiteral } from 'ts-morph';
import type { Span } from '../frontend/ast.js';
import { positionSpan, type LocatedSource } from './spans.js';

/** One emitted file: the original, its display name, its `.mjs` copy and the source map back. */
export interface EmittedFile {
  readonly absPath: string;
  readonly display: string;
  readonly outPath: string;
  readonly sourceFile: SourceFile;
  readonly sourceMap: string;
}

/** A problem found while emitting, with its place when known. */
export interface EmitProblem {
  readonly message: string;
  readonly file: string;
  readonly span: Span | null;
}

/** The result of emitting a spec graph: the files emitted and the problems found (none means runnable). */
export interface EmitResult {
  readonly files: readonly EmittedFile[];
  readonly problems: readonly EmitProblem[];
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  sourceMap: true,
  esModuleInterop: true,
  verbatimModuleSyntax: false,
};

/** Where a relative import specifier points: a `.ts` file to emit, an existing JS file, or nothing. */
function resolveRelative(fromFile: string, spec: string): { kind: 'ts' | 'js'; path: string } | null {
  const base = path.resolve(path.dirname(fromFile), spec);
  const stem = base.replace(/\.(m?js|cjs)$/, '');
  const tsCandidates = /\.m?ts$/.test(base) ? [base] : [`${stem}.ts`, `${stem}.mts`, path.join(base, 'index.ts')];
  for (const c of tsCandidates) if (isFile(c)) return { kind: 'ts', path: c };
  if (isFile(base)) return { kind: 'js', path: base };
  return null;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A bare package specifier resolved from the spec's folder (best effort), or unchanged. */
function resolveBare(fromFile: string, spec: string): string {
  if (spec.startsWith('node:')) return spec;
  try {
    const resolved = createRequire(fromFile).resolve(spec);
    return path.isAbsolute(resolved) ? pathToFileURL(resolved).href : resolved;
  } catch {
    return spec;
  }
}

/** The module specifier string literals of a file that need resolving (static imports, re-exports, `import()`). */
function specifierNodes(sf: SourceFile): (StringLiteral | NoSubstitutionTemplateLiteral)[] {
  const out: (StringLiteral | NoSubstitutionTemplateLiteral)[] = [];
  for (const d of sf.getImportDeclarations()) if (!d.isTypeOnly()) out.push(d.getModuleSpecifier());
  for (const d of sf.getExportDeclarations()) {
    const m = d.getModuleSpecifier();
    if (m && !d.isTypeOnly()) out.push(m);
  }
  sf.forEachDescendant((node) => {
    if (Node.isCallExpression(node) && node.getExpression().getKind() === ts.SyntaxKind.ImportKeyword) {
      const arg = node.getArguments()[0];
      if (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg)) out.push(arg);
    }
  });
  return out;
}

/** Syntax errors of one source text as problems. */
function syntaxProblems(text: string, absPath: string, display: string, sf: SourceFile): EmitProblem[] {
  const { diagnostics = [] } = ts.transpileModule(text, { compilerOptions: COMPILER_OPTIONS, fileName: absPath, reportDiagnostics: true });
  return diagnostics
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => ({
      message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
      file: display,
      span: d.start === undefined ? null : positionSpan(sf, d.start, display),
    }));
}

/**
 * Emits `entryAbs` (shown as `entryDisplay`) and its local `.ts` imports into `outDir`.
 * `builderEntryUrl` replaces the `'sparsec'` specifier.
 */
export async function emitSpecGraph(entryAbs: string, entryDisplay: string, outDir: string, builderEntryUrl: string): Promise<EmitResult> {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: false } });
  const files: EmittedFile[] = [];
  const problems: EmitProblem[] = [];
  const outPaths = new Map<string, string>();

  const emit = async (absPath: string, display: string): Promise<string> => {
    const known = outPaths.get(absPath);
    if (known) return known;
    const outPath = path.join(outDir, `${outPaths.size}-${path.basename(absPath).replace(/\.m?ts$/, '')}.mjs`);
    outPaths.set(absPath, outPath);
    let text: string;
    try {
      text = (await readFile(absPath, 'utf8')).replace(/^\uFEFF/, '');
    } catch (e) {
      problems.push({ message: `cannot read '${display}': ${(e as Error).message}`, file: display, span: null });
      return outPath;
    }
    const sourceFile = project.createSourceFile(absPath, text, { overwrite: true });
    const syntax = syntaxProblems(text, absPath, display, sourceFile);
    if (syntax.length) {
      problems.push(...syntax);
      return outPath;
    }
    const edits: { start: number; end: number; text: string }[] = [];
    for (const node of specifierNodes(sourceFile)) {
      const spec = node.getLiteralText();
      const replacement = await rewriteSpecifier(spec, absPath, display, node, sourceFile);
      if (replacement !== null && replacement !== spec) edits.push({ start: node.getStart() + 1, end: node.getEnd() - 1, text: replacement });
    }
    let rewritten = text;
    for (const e of edits.sort((a, b) => b.start - a.start)) rewritten = rewritten.slice(0, e.start) + e.text + rewritten.slice(e.end);
    const out = ts.transpileModule(rewritten, { compilerOptions: COMPILER_OPTIONS, fileName: absPath });
    await writeFile(outPath, out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, ''), 'utf8');
    files.push({ absPath, display, outPath, sourceFile, sourceMap: out.sourceMapText ?? '' });
    return outPath;
  };

  const rewriteSpecifier = async (spec: string, fromAbs: string, fromDisplay: string, node: Node, sf: SourceFile): Promise<string | null> => {
    if (spec === 'sparsec') return builderEntryUrl;
    if (spec.startsWith('./') || spec.startsWith('../')) {
      const target = resolveRelative(fromAbs, spec);
      if (!target) {
        problems.push({ message: `cannot resolve import '${spec}'`, file: fromDisplay, span: positionSpan(sf, node.getStart(), fromDisplay) });
        return null;
      }
      if (target.kind === 'js') return pathToFileURL(target.path).href;
      const display = path.join(path.dirname(fromDisplay), path.relative(path.dirname(fromAbs), target.path));
      return pathToFileURL(await emit(target.path, display)).href;
    }
    if (spec.startsWith('/') || spec.startsWith('file:')) return spec;
    return resolveBare(fromAbs, spec);
  };

  await emit(entryAbs, entryDisplay);
  return { files, problems };
}

/** The sources of emitted files, entry first, for span lookup. */
export function locatedSources(files: readonly EmittedFile[], entryAbs: string): LocatedSource[] {
  const ordered = [...files].sort((a, b) => Number(b.absPath === entryAbs) - Number(a.absPath === entryAbs));
  return ordered.map((f) => ({ display: f.display, sourceFile: f.sourceFile }));
}
