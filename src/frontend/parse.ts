/**
 * @file `parseSource`: text of one `.sparse` file to its AST and diagnostics. Never throws for
 * any input; parses one declaration at a time so one broken declaration does not hide the rest.
 */
import { EOF, type IToken } from 'chevrotain';
import type { Decl, ImportDecl, Module, Span } from './ast.js';
import { lexSource, type LexProblem } from './lexer.js';
import * as T from './lexer.js';
import { findTooDeep, MAX_NESTING } from './nesting.js';
import { sparseParser, syntaxMessages } from './parser.js';
import { spanOf, SyntaxProblem } from './span.js';
import { AstBuilder } from './to-ast.js';
import { declExprs, exprHeight } from './walk.js';
import { DiagnosticBag, InternalError, type Diagnostic } from '../diagnostics/diagnostic.js';

/** The tallest expression tree accepted (long operator chains such as `a + a + ... + a`). */
export const MAX_EXPRESSION_HEIGHT = 1024;
/** Diagnostics reported per file at most; the rest are dropped. */
export const MAX_DIAGNOSTICS_PER_FILE = 50;

/** A parsed file. */
export interface ParseResult {
  readonly module: Module;
  readonly diagnostics: Diagnostic[];
}

const DECLARATION_KEYWORDS = new Set([T.Import, T.Pattern, T.Kernel]);

/**
 * Parses `text` as the `.sparse` file `file` (the name used in spans). User input never makes
 * this throw: a stack overflow becomes SPC004. Only a compiler bug throws (InternalError).
 */
export function parseSource(file: string, text: string): ParseResult {
  try {
    return new FileParser(file, text).run();
  } catch (e) {
    if (e instanceof RangeError) {
      const bag = new DiagnosticBag();
      bag.error('SPC004', spanOf(file, { startOffset: 0, startLine: 1, startColumn: 1, endOffset: 0, endLine: 1, endColumn: 1 }), [MAX_NESTING]);
      return { module: { file, imports: [], decls: [] }, diagnostics: [...bag.all] };
    }
    if (e instanceof InternalError) throw e;
    throw new InternalError(`parsing '${file}' failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

class FileParser {
  private readonly bag = new DiagnosticBag();
  private readonly imports: ImportDecl[] = [];
  private readonly decls: Decl[] = [];
  private readonly builder: AstBuilder;

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {
    this.builder = new AstBuilder(file);
  }

  run(): ParseResult {
    const { tokens, problems } = lexSource(this.text);
    for (const p of problems.slice(0, MAX_DIAGNOSTICS_PER_FILE)) this.bag.error(p.code, this.lexSpan(p), p.args);
    const chunks = this.splitDeclarations(tokens);
    let problemIndex = 0;
    for (let i = 0; i < chunks.length && this.bag.all.length < 2 * MAX_DIAGNOSTICS_PER_FILE; i++) {
      const chunk = chunks[i]!;
      const next = chunks[i + 1]?.[0];
      const endOffset = next ? next.startOffset : Infinity;
      let lexProblemInside = false;
      while (problemIndex < problems.length && problems[problemIndex]!.offset < endOffset) {
        if (problems[problemIndex]!.offset >= chunk[0]!.startOffset) lexProblemInside = true;
        problemIndex++;
      }
      // NOTE: a declaration with a lexing error is not parsed: its syntax errors would only echo it.
      if (!lexProblemInside) this.declaration(chunk, next);
    }
    for (const p of this.builder.problems) this.bag.error(p.code, p.span, p.args);
    const diagnostics = [...this.bag.all].sort((a, b) => (a.span?.offset ?? 0) - (b.span?.offset ?? 0));
    return {
      module: { file: this.file, imports: this.imports, decls: this.decls },
      diagnostics: diagnostics.slice(0, MAX_DIAGNOSTICS_PER_FILE),
    };
  }

  /** Cuts the token stream before each `import`/`pattern`/`kernel`; reports junk before the first. */
  private splitDeclarations(tokens: readonly IToken[]): IToken[][] {
    const chunks: IToken[][] = [];
    let junk: IToken | null = null;
    for (const tok of tokens) {
      if (DECLARATION_KEYWORDS.has(tok.tokenType)) chunks.push([tok]);
      else if (chunks.length) chunks[chunks.length - 1]!.push(tok);
      else junk ??= tok;
    }
    if (junk) {
      this.bag.error('SPC011', spanOf(this.file, junk), [`expected 'pattern', 'kernel' or 'import', found ${T.describeToken(junk)}`]);
    }
    return chunks;
  }

  /** Parses one declaration's tokens; `next` is the first token of the following declaration. */
  private declaration(chunk: IToken[], next: IToken | undefined): void {
    const tooDeep = findTooDeep(chunk);
    if (tooDeep) {
      this.bag.error('SPC004', spanOf(this.file, tooDeep), [MAX_NESTING]);
      return;
    }
    syntaxMessages.context = { tokens: chunk, endDescription: next ? T.describeToken(next) : 'end of file' };
    sparseParser.input = chunk;
    const cst = sparseParser.declaration();
    const error = sparseParser.errors[0];
    if (error) {
      this.bag.error('SPC011', this.errorSpan(error.token, chunk, next), [error.message]);
      return;
    }
    try {
      const decl = this.builder.build(cst);
      if (decl.kind === 'import') {
        this.imports.push(decl);
        return;
      }
      const tall = declExprs(decl).find((e) => exprHeight(e) > MAX_EXPRESSION_HEIGHT);
      if (tall) {
        this.bag.error('SPC004', tall.span, [MAX_EXPRESSION_HEIGHT]);
        return;
      }
      this.decls.push(decl);
    } catch (e) {
      if (!(e instanceof SyntaxProblem)) throw e;
      this.bag.error(e.code, e.span, e.args);
    }
  }

  /** Where a parse error points: its token, or for end of input the next declaration / end of file. */
  private errorSpan(tok: IToken, chunk: readonly IToken[], next: IToken | undefined): Span {
    if (tok.tokenType !== EOF && !Number.isNaN(tok.startOffset)) return spanOf(this.file, tok);
    if (next) return spanOf(this.file, next);
    const last = chunk[chunk.length - 1]!;
    const offset = (last.endOffset ?? last.startOffset) + 1;
    const line = last.endLine ?? 1;
    const col = (last.endColumn ?? 0) + 1;
    return { file: this.file, line, col, endLine: line, endCol: col + 1, offset, length: 0 };
  }

  private lexSpan(p: LexProblem): Span {
    return { file: this.file, line: p.line, col: p.col, endLine: p.line, endCol: p.col + p.length, offset: p.offset, length: p.length };
  }
}
