/**
 * @file The nesting-depth check run on the token stream before parsing, so that input such as
 * 20,000 `(` gets SPC004 at once instead of overflowing the parser's stack.
 */
import type { IToken, TokenType } from 'chevrotain';
import * as T from './lexer.js';

/** The deepest nesting of brackets, prefix operators and `?:` accepted (documented in docs). */
export const MAX_NESTING = 256;

const OPENERS: ReadonlySet<TokenType> = new Set([T.LParen, T.LBracket, T.LBrace]);
const CLOSERS: ReadonlySet<TokenType> = new Set([T.RParen, T.RBracket, T.RBrace]);
/** Tokens after which `-` is binary (they end an operand). */
const OPERAND_ENDS: ReadonlySet<TokenType> = new Set([T.Identifier, T.IntLiteral, T.FloatLiteral, T.True, T.False, T.RParen, T.RBracket]);
/** Tokens that end the reach of pending `?:` at the current bracket level. */
const SEPARATORS: ReadonlySet<TokenType> = new Set([T.Comma, T.Semicolon, T.Equals]);

interface Level {
  /** Prefix operators whose operand is still open (closed by the next binary operator). */
  prefixes: number;
  /** `?` whose else-branch is still open (closed by `,` `;` `=` or the closing bracket). */
  conditionals: number;
}

/**
 * The first token at which nesting exceeds MAX_NESTING, or null. Counts one level per open
 * bracket, per pending prefix operator and per pending `?`; an over-estimate of the parser's depth.
 */
export function findTooDeep(tokens: readonly IToken[]): IToken | null {
  const stack: Level[] = [{ prefixes: 0, conditionals: 0 }];
  let depth = 0;
  let previous: TokenType | undefined;
  for (const tok of tokens) {
    const type = tok.tokenType;
    const top = stack[stack.length - 1]!;
    if (OPENERS.has(type)) {
      stack.push({ prefixes: 0, conditionals: 0 });
      depth++;
    } else if (CLOSERS.has(type)) {
      depth -= top.prefixes + top.conditionals;
      if (stack.length > 1) {
        stack.pop();
        depth--;
      } else {
        top.prefixes = 0;
        top.conditionals = 0;
      }
    } else if ((type === T.Bang || type === T.Minus) && !(previous && OPERAND_ENDS.has(previous))) {
      top.prefixes++;
      depth++;
    } else if (type === T.Question) {
      depth -= top.prefixes;
      top.prefixes = 0;
      top.conditionals++;
      depth++;
    } else if (SEPARATORS.has(type)) {
      depth -= top.prefixes + top.conditionals;
      top.prefixes = 0;
      top.conditionals = 0;
    } else if (type !== T.Identifier && !OPERAND_ENDS.has(type) && type !== T.Colon) {
      depth -= top.prefixes;
      top.prefixes = 0;
    }
    if (depth > MAX_NESTING) return tok;
    previous = type;
  }
  return null;
}
