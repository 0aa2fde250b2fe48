/**
 * @file The grammar of `.sparse` files as a chevrotain CstParser: pure grammar, no actions.
 * `to-ast.ts` turns its CST into the AST; `parse.ts` drives it one declaration at a time.
 *
 * Expressions are parsed as flat `operand (operator operand)*` sequences, with prefix operators
 * attached to operands, and `to-ast.ts` applies the precedence table (`PRECEDENCE` there). This
 * keeps the parser's recursion to two rules per bracket level, so 256 nested brackets fit in
 * the default stack. Precedence, loosest to tightest (binary levels are left-associative; `?:`
 * is right-associative; comparisons do not chain: `a < b < c` is an error):
 *
 *   1  c ? a : b
 *   2  ||
 *   3  &&
 *   4  ! (prefix; `!a == b` is `!(a == b)`; allowed only where a `&&` operand may start, so
 *        `a && !b` is fine but `a == !b` needs parentheses: `a == (!b)`)
 *   5  == != < <= > >= in
 *   6  |          the bitwise operators bind tighter than comparisons (unlike C), so
 *   7  ^          `x & 1 == 0` means `(x & 1) == 0`; among themselves they follow C:
 *   8  &          `a | b ^ c & d` is `a | (b ^ (c & d))`
 *   9  << >>
 *  10  + -
 *  11  * / %
 *  12  - (prefix)
 *  13  f(args)  x[i, j]  (only on a name), literals, names, ( e ), [a, b, c]
 */
import { CstParser, type IParserErrorMessageProvider } from 'chevrotain';
import * as T from './lexer.js';
import { SyntaxMessages } from './syntax-messages.js';

/** The `.sparse` grammar. Entry rule: `declaration` (one import, pattern or kernel). */
export class SparseParser extends CstParser {
  constructor(errorMessageProvider: IParserErrorMessageProvider) {
    super(T.allTokens, { recoveryEnabled: false, maxLookahead: 3, nodeLocationTracking: 'full', errorMessageProvider });
    this.performSelfAnalysis();
  }

  // ---- declarations ----
  public declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.importDecl) },
      { ALT: () => this.SUBRULE(this.patternDecl) },
      { ALT: () => this.SUBRULE(this.kernelDecl) },
    ]);
  });

  private importDecl = this.RULE('importDecl', () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLiteral, { LABEL: 'path' });
    this.OPTION(() => this.CONSUME(T.Semicolon));
  });

  private patternDecl = this.RULE('patternDecl', () => {
    this.CONSUME(T.Pattern);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.LParen, { LABEL: 'params' });
      this.OPTION2(() => {
        this.SUBRULE(this.param);
        this.MANY(() => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.param);
        });
      });
      this.CONSUME(T.RParen);
    });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression, { LABEL: 'body' });
    this.OPTION3(() => this.CONSUME(T.Semicolon));
  });

  private param = this.RULE('param', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE(this.expression, { LABEL: 'default' });
    });
  });

  /** `int`, `int[]`, `i32[AXES]`, `list<i32>[AXES]`, `blocks<64, 64>`; validated in to-ast.ts. */
  private typeExpr = this.RULE('typeExpr', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.Less);
      this.SUBRULE(this.typeArg);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.typeArg);
      });
      this.CONSUME(T.Greater, { LABEL: 'closeArgs' });
    });
    this.OPTION2(() => {
      this.CONSUME(T.LBracket, { LABEL: 'axesOpen' });
      this.OPTION3(() => {
        this.SUBRULE(this.axis);
        this.MANY2(() => {
          this.CONSUME2(T.Comma);
          this.SUBRULE2(this.axis);
        });
      });
      this.CONSUME(T.RBracket, { LABEL: 'axesClose' });
    });
  });

  private typeArg = this.RULE('typeArg', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.IntLiteral) },
    ]);
  });

  private axis = this.RULE('axis', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.IntLiteral) },
      { ALT: () => this.CONSUME(T.Star) },
    ]);
  });

  private kernelDecl = this.RULE('kernelDecl', () => {
    this.CONSUME(T.Kernel);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Equals);
    this.CONSUME2(T.Identifier, { LABEL: 'op' });
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.SUBRULE(this.expression, { LABEL: 'pattern' });
      this.CONSUME(T.RParen);
    });
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.field) },
        { ALT: () => this.CONSUME(T.Semicolon, { LABEL: 'separator' }) },
      ]);
    });
    this.CONSUME(T.RBrace);
    this.OPTION2(() => this.CONSUME2(T.Semicolon));
  });

  /** `NAME = e, e` | `NAME: TYPE` | `schedule TARGET { NAME = e ... }` */
  private field = this.RULE('field', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Equals);
          this.SUBRULE(this.expression, { LABEL: 'value' });
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.SUBRULE2(this.expression, { LABEL: 'value' });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Colon);
          this.SUBRULE(this.typeExpr);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Identifier, { LABEL: 'target' });
          this.CONSUME(T.LBrace);
          this.MANY2(() => {
            this.OR2([
              { ALT: () => this.SUBRULE(this.scheduleItem) },
              { ALT: () => this.CONSUME(T.Semicolon, { LABEL: 'separator' }) },
            ]);
          });
          this.CONSUME(T.RBrace, { LABEL: 'close' });
        },
      },
    ]);
  });

  private scheduleItem = this.RULE('scheduleItem', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  // ---- expressions ----
  /**
   * A flat `operand (operator operand)*` sequence, optionally followed by `? e : e` (right-
   * associative through `else`); to-ast.ts applies the precedence table to the sequence.
   */
  public expression = this.RULE('expression', () => {
    this.SUBRULE(this.operand, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(T.BinaryOp, { LABEL: 'operator' });
      this.SUBRULE2(this.operand, { LABEL: 'operand' });
    });
    this.OPTION(() => {
      this.CONSUME(T.Question);
      this.SUBRULE(this.expression, { LABEL: 'then' });
      this.CONSUME(T.Colon);
      this.SUBRULE2(this.expression, { LABEL: 'else' });
    });
  });

  /** Prefix operators, then a literal, a name (maybe called or indexed), `( e )` or `[a, b]`. */
  private operand = this.RULE('operand', () => {
    this.MANY(() => this.CONSUME(T.PrefixOp, { LABEL: 'prefix' }));
    this.OR([
      { ALT: () => this.CONSUME(T.IntLiteral, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.FloatLiteral, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.True, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(T.False, { LABEL: 'literal' }) },
      {
        ALT: () => {
          this.CONSUME(T.Identifier, { LABEL: 'name' });
          this.OPTION(() => {
            this.OR2([
              {
                ALT: () => {
                  this.CONSUME(T.LParen, { LABEL: 'callOpen' });
                  // Arguments are inlined (not a sub-rule) to save stack per nesting level;
                  // to-ast.ts pairs each `argName` with the `argValue` that follows it.
                  this.OPTION2(() => {
                    this.OPTION4(() => {
                      this.CONSUME2(T.Identifier, { LABEL: 'argName' });
                      this.CONSUME(T.Equals);
                    });
                    this.SUBRULE(this.expression, { LABEL: 'argValue' });
                    this.MANY2(() => {
                      this.CONSUME(T.Comma);
                      this.OPTION5(() => {
                        this.CONSUME3(T.Identifier, { LABEL: 'argName' });
                        this.CONSUME2(T.Equals);
                      });
                      this.SUBRULE2(this.expression, { LABEL: 'argValue' });
                    });
                  });
                  this.CONSUME(T.RParen, { LABEL: 'close' });
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.LBracket, { LABEL: 'indexOpen' });
                  this.SUBRULE3(this.expression, { LABEL: 'index' });
                  this.MANY3(() => {
                    this.CONSUME3(T.Comma);
                    this.SUBRULE4(this.expression, { LABEL: 'index' });
                  });
                  this.CONSUME(T.RBracket, { LABEL: 'close' });
                },
              },
            ]);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.LParen, { LABEL: 'parenOpen' });
          this.SUBRULE5(this.expression, { LABEL: 'inner' });
          this.CONSUME2(T.RParen, { LABEL: 'close' });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.LBracket, { LABEL: 'arrayOpen' });
          this.OPTION3(() => {
            this.SUBRULE6(this.expression, { LABEL: 'item' });
            this.MANY4(() => {
              this.CONSUME4(T.Comma);
              this.SUBRULE7(this.expression, { LABEL: 'item' });
            });
          });
          this.CONSUME2(T.RBracket, { LABEL: 'close' });
        },
      },
    ]);
  });
}

/** The message builder of the shared parser; parse.ts sets its context before each declaration. */
export const syntaxMessages = new SyntaxMessages();

/** The one parser instance (building one runs the grammar analysis, which is costly). */
export const sparseParser = new SparseParser(syntaxMessages);
