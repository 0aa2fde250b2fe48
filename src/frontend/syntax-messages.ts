/**
 * @file Plain-language syntax error messages for the chevrotain parser (SPC011): "expected '='
 * after pattern name, found '{'". Token types are shown by their labels, never by their names.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import * as T from './lexer.js';

/** What the message builder needs to know about the declaration being parsed. */
export interface SyntaxContext {
  /** The tokens of the declaration being parsed (the parser's input). */
  tokens: readonly IToken[];
  /** How to describe the end of that input: the next declaration's keyword, or "end of file". */
  endDescription: string;
}

/** Tokens that can start an expression; a list holding all of them is shown as "an expression". */
const EXPRESSION_STARTS: ReadonlySet<TokenType> = new Set([
  T.IntLiteral, T.FloatLiteral, T.True, T.False, T.Identifier, T.LParen, T.LBracket, T.PrefixOp, T.Bang, T.Minus,
]);

/** Keywords whose following name gets a noun in messages: "after pattern name". */
const NAME_AFTER: ReadonlyMap<TokenType, string> = new Map([
  [T.Pattern, 'pattern name'],
  [T.Kernel, 'kernel name'],
]);

/** Builds SPC011 messages; `context` is set by parse.ts before each declaration is parsed. */
export class SyntaxMessages implements IParserErrorMessageProvider {
  context: SyntaxContext = { tokens: [], endDescription: 'end of file' };

  buildMismatchTokenMessage(o: { expected: TokenType; actual: IToken; previous: IToken }): string {
    return `expected ${labelOf(o.expected)}${this.after(o.previous)}, found ${this.found(o.actual)}`;
  }

  buildNotAllInputParsedMessage(o: { firstRedundant: IToken }): string {
    const index = this.context.tokens.indexOf(o.firstRedundant);
    const previous = index > 0 ? this.context.tokens[index - 1] : undefined;
    const closed = previous && (previous.tokenType === T.RBrace || previous.tokenType === T.Semicolon);
    const expected = closed ? "'pattern', 'kernel' or 'import'" : "an operator or the end of the declaration";
    return `expected ${expected}${this.after(previous)}, found ${this.found(o.firstRedundant)}`;
  }

  buildNoViableAltMessage(o: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken }): string {
    const firsts = o.expectedPathsPerAlt.flatMap((paths) => paths.map((p) => p[0])).filter((t): t is TokenType => !!t);
    return `expected ${listLabels(firsts)}${this.after(o.previous)}, found ${this.found(o.actual[0])}`;
  }

  buildEarlyExitMessage(o: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken }): string {
    const firsts = o.expectedIterationPaths.map((p) => p[0]).filter((t): t is TokenType => !!t);
    return `expected ${listLabels(firsts)}${this.after(o.previous)}, found ${this.found(o.actual[0])}`;
  }

  private found(tok: IToken | undefined): string {
    if (!tok || tok.tokenType === EOF) return this.context.endDescription;
    return T.describeToken(tok);
  }

  /** " after pattern name", " after 'window'", or "" at the start of the input. */
  private after(previous: IToken | undefined): string {
    if (!previous || previous.tokenType === EOF || Number.isNaN(previous.startOffset)) return '';
    if (previous.tokenType === T.Identifier) {
      const index = this.context.tokens.indexOf(previous);
      const before = index > 0 ? this.context.tokens[index - 1] : undefined;
      const noun = before ? NAME_AFTER.get(before.tokenType) : undefined;
      if (noun) return ` after ${noun}`;
    }
    return ` after ${T.describeToken(previous)}`;
  }
}

/** The label of a token type: `'='`, `a name`... */
export function labelOf(t: TokenType): string {
  return t.LABEL ?? t.name;
}

/** "a, b or c", with the expression-start tokens folded into "an expression". */
function listLabels(types: readonly TokenType[]): string {
  const unique = [...new Set(types)];
  const startsExpression = unique.filter((t) => EXPRESSION_STARTS.has(t));
  const labels: string[] = [];
  const folded = startsExpression.length >= 4;
  if (folded) labels.push('an expression');
  for (const t of unique) {
    if (folded && EXPRESSION_STARTS.has(t)) continue;
    const label = labelOf(t);
    if (!labels.includes(label)) labels.push(label);
  }
  if (labels.length <= 1) return labels[0] ?? 'something else';
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}
