/**
 * @file The chevrotain lexer of `.sparse` files: token types, their display labels (used in
 * syntax messages) and `lexSource`, which turns lexer failures into SPC010/SPC020/SPC021/SPC023.
 */
import { createToken, EOF as EOF_TYPE, Lexer, type IToken, type TokenType } from 'chevrotain';

// NOTE: only `pattern kernel import true false in` are reserved (`in` is an operator). `attention`, `gemm`, `schedule`,
// `dynamic`, `causal`, `f32`, `int`... are plain identifiers, resolved by the parser's context
// (to-ast.ts) or by the checker.

/** Identifiers: ASCII letters, digits and `_`, not starting with a digit. */
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'a name' });

function keyword(word: string): TokenType {
  return createToken({ name: `Kw_${word}`, pattern: new RegExp(word), longer_alt: Identifier, label: `'${word}'` });
}

export const Pattern = keyword('pattern');
export const Kernel = keyword('kernel');
export const Import = keyword('import');
export const True = keyword('true');
export const False = keyword('false');

// ---- trivia ----
export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t\r\n\f\v\uFEFF\u00A0]+/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED, line_breaks: true });
/** `/*` never closed: swallows the rest of the file, reported as SPC020. */
export const UnterminatedComment = createToken({ name: 'UnterminatedComment', pattern: /\/\*[\s\S]*/, group: 'bad', line_breaks: true });

// ---- literals ----
/** Import paths: double-quoted, on one line, no escapes. */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"[^"\n\r]*"/, label: 'a string' });
/** `"` not closed before the end of the line: SPC021. */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"[^"\n\r]*/, group: 'bad' });
/** `1.5`, `.5`, `1.`, `1e-3`, `2.5E+4`; never directly followed by a letter, digit, `_` or `.`. */
export const FloatLiteral = createToken({
  name: 'FloatLiteral',
  pattern: /(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?(?![A-Za-z0-9_.])|\d+[eE][+-]?\d+(?![A-Za-z0-9_.])/,
  start_chars_hint: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.'],
  label: 'a number',
});
/** Decimal integers, and hexadecimal ones (`0x1F`, `0XfF`: the value, at most 0x7FFFFFFF like any int literal). */
export const IntLiteral = createToken({
  name: 'IntLiteral',
  pattern: /0[xX][0-9A-Fa-f]+(?![A-Za-z0-9_.])|\d+(?![A-Za-z0-9_.])/,
  start_chars_hint: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  label: 'an integer',
});
/** Anything else that starts like a number (`12abc`, `1.2.3`, `0x1G`): SPC023. */
export const BadNumber = createToken({
  name: 'BadNumber',
  pattern: /(?:\d|\.\d)(?:[A-Za-z0-9_.]|(?<=[eE])[+-])*/,
  start_chars_hint: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.'],
  group: 'bad',
});

// ---- characters that start no token ----
/**
 * `lexSource` first replaces every character that can start no token (anything outside printable
 * ASCII, and the ASCII characters # $ @ ' \ backquote ~) by U+0001, one UTF-16 unit for one, so
 * offsets do not move. A run of them is then one ordinary token, reported as SPC010 with the original character. This keeps
 * chevrotain's error recovery (which retries every pattern at every character) out of the way,
 * so binary junk lexes in linear time. Comments and strings still match their contents, and
 * string images are restored from the original text.
 */
export const UnknownRun = createToken({ name: 'UnknownRun', pattern: /\u0001+/, group: 'bad' });
/** A `.` that does not start a number. */
export const StrayDot = createToken({ name: 'StrayDot', pattern: /\./, group: 'bad' });

/** Characters that can start a token or are whitespace; all others become U+0001 before lexing. */
const NON_TOKEN_CHARS = /[^A-Za-z0-9_ \t\r\n\f\v\uFEFF\u00A0"/(){}[\]<>=!&|^+\-*%?:;,.]/g;

// ---- categories: the parser matches "any binary operator" / "any prefix operator" ----
/** Every binary operator, `in`, `&&` and `||` included; precedence is applied in to-ast.ts. */
export const BinaryOp = createToken({ name: 'BinaryOp', pattern: Lexer.NA, label: 'an operator' });
/** `!` and unary `-`. */
export const PrefixOp = createToken({ name: 'PrefixOp', pattern: Lexer.NA, label: "'!' or '-'" });

function punct(name: string, text: string, categories: TokenType[] = []): TokenType {
  const escaped = text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return createToken({ name, pattern: new RegExp(escaped), label: `'${text}'`, categories });
}

export const In = createToken({ name: 'Kw_in', pattern: /in/, longer_alt: Identifier, label: "'in'", categories: [BinaryOp] });

// ---- operators (longest first where one is a prefix of another) ----
export const AndAnd = punct('AndAnd', '&&', [BinaryOp]);
export const OrOr = punct('OrOr', '||', [BinaryOp]);
export const ShiftLeft = punct('ShiftLeft', '<<', [BinaryOp]);
export const ShiftRight = punct('ShiftRight', '>>', [BinaryOp]);
export const EqEq = punct('EqEq', '==', [BinaryOp]);
export const NotEq = punct('NotEq', '!=', [BinaryOp]);
export const LessEq = punct('LessEq', '<=', [BinaryOp]);
export const GreaterEq = punct('GreaterEq', '>=', [BinaryOp]);
export const Less = punct('Less', '<', [BinaryOp]);
export const Greater = punct('Greater', '>', [BinaryOp]);
export const Plus = punct('Plus', '+', [BinaryOp]);
export const Minus = punct('Minus', '-', [BinaryOp, PrefixOp]);
export const Star = punct('Star', '*', [BinaryOp]);
export const Slash = punct('Slash', '/', [BinaryOp]);
export const Percent = punct('Percent', '%', [BinaryOp]);
export const Amp = punct('Amp', '&', [BinaryOp]);
export const Pipe = punct('Pipe', '|', [BinaryOp]);
export const Caret = punct('Caret', '^', [BinaryOp]);
export const Bang = punct('Bang', '!', [PrefixOp]);
export const Question = punct('Question', '?');
export const Colon = punct('Colon', ':');
export const Equals = punct('Equals', '=');
export const Comma = punct('Comma', ',');
export const Semicolon = punct('Semicolon', ';');
export const LParen = punct('LParen', '(');
export const RParen = punct('RParen', ')');
export const LBracket = punct('LBracket', '[');
export const RBracket = punct('RBracket', ']');
export const LBrace = punct('LBrace', '{');
export const RBrace = punct('RBrace', '}');

/** Every token type, in matching order (first match wins; keywords before identifiers). */
export const allTokens: TokenType[] = [
  Whitespace, LineComment, BlockComment, UnterminatedComment,
  StringLiteral, UnterminatedString,
  FloatLiteral, IntLiteral, BadNumber,
  Pattern, Kernel, Import, True, False, In, Identifier,
  AndAnd, OrOr, ShiftLeft, ShiftRight, EqEq, NotEq, LessEq, GreaterEq, Less, Greater,
  Plus, Minus, Star, Slash, Percent, Amp, Pipe, Caret, Bang, Question, Colon, Equals,
  Comma, Semicolon, LParen, RParen, LBracket, RBracket, LBrace, RBrace,
  BinaryOp, PrefixOp, UnknownRun, StrayDot,
];

/** The shared lexer instance (building one is costly). */
export const sparseLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: true });

/** A lexer-level problem, before it becomes a Diagnostic (the caller knows the file). */
export interface LexProblem {
  readonly code: 'SPC010' | 'SPC020' | 'SPC021' | 'SPC023';
  readonly args: readonly string[];
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly col: number;
}

/** The tokens of `text` (trivia dropped) and every lexing problem, in source order. */
export interface LexResult {
  readonly tokens: IToken[];
  readonly problems: LexProblem[];
}

const BAD_TOKEN_CODES: Record<string, LexProblem['code']> = {
  UnknownRun: 'SPC010',
  StrayDot: 'SPC010',
  UnterminatedComment: 'SPC020',
  UnterminatedString: 'SPC021',
  BadNumber: 'SPC023',
};

/** Lexes `text`; never throws for any input. */
export function lexSource(text: string): LexResult {
  const result = sparseLexer.tokenize(text.replace(NON_TOKEN_CHARS, '\u0001'));
  for (const tok of result.tokens) {
    if (tok.tokenType === StringLiteral) tok.image = text.slice(tok.startOffset, tok.startOffset + tok.image.length);
  }
  const problems: LexProblem[] = [];
  for (const err of result.errors) {
    const ch = String.fromCodePoint(text.codePointAt(err.offset) ?? 0xfffd);
    problems.push({
      code: 'SPC010',
      args: [printableChar(ch)],
      offset: err.offset,
      length: ch.length,
      line: err.line ?? 1,
      col: err.column ?? 1,
    });
  }
  for (const tok of result.groups['bad'] ?? []) {
    const code = BAD_TOKEN_CODES[tok.tokenType.name];
    if (!code) continue;
    const first = String.fromCodePoint(text.codePointAt(tok.startOffset) ?? 0xfffd);
    problems.push({
      code,
      args: code === 'SPC023' ? [tok.image] : code === 'SPC010' ? [printableChar(first)] : [],
      offset: tok.startOffset,
      length: code === 'SPC023' ? tok.image.length : code === 'SPC010' ? first.length : Math.min(2, tok.image.length),
      line: tok.startLine ?? 1,
      col: tok.startColumn ?? 1,
    });
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { tokens: result.tokens, problems };
}

/** Shows control and invisible characters as `\u{..}` so messages stay one readable line. */
export function printableChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xfffd || (cp >= 0x200b && cp <= 0x200f)) {
    return `\\u{${cp.toString(16).toUpperCase()}}`;
  }
  return ch;
}

/** How a token is shown in messages: its text, quoted, or "end of file". */
export function describeToken(tok: IToken | undefined): string {
  if (!tok || tok.tokenType === EOF_TYPE) return 'end of file';
  const image = tok.image.length > 24 ? `${tok.image.slice(0, 21)}...` : tok.image;
  return `'${image}'`;
}
