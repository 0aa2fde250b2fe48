/**
 * @file Operator precedence: turns the parser's flat `operand (op operand)*` sequences into
 * binary/unary trees by precedence climbing. The table here is the language's precedence.
 */
import type { BinaryOp, Expr, Span, UnaryOp } from './ast.js';
import { joinSpans, SyntaxProblem } from './span.js';

/** Binding power of `c ? a : b`, the loosest form. */
export const TERNARY_PRECEDENCE = 1;
/** Binding power of prefix `!`: looser than comparisons, tighter than `&&`. */
export const NOT_PRECEDENCE = 4;
/** Binding power of comparisons and `in` (which do not chain). */
export const COMPARE_PRECEDENCE = 5;
/** Binding power of prefix `-`. */
export const NEGATE_PRECEDENCE = 12;
/** Binding power of literals, names, calls, indexing and parenthesised expressions. */
export const ATOM_PRECEDENCE = 13;

/** Binding power of each binary operator; higher binds tighter. */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  '||': 2,
  '&&': 3,
  '==': COMPARE_PRECEDENCE, '!=': COMPARE_PRECEDENCE, '<': COMPARE_PRECEDENCE, '<=': COMPARE_PRECEDENCE,
  '>': COMPARE_PRECEDENCE, '>=': COMPARE_PRECEDENCE, in: COMPARE_PRECEDENCE,
  '|': 6,
  '^': 7,
  '&': 8,
  '<<': 9, '>>': 9,
  '+': 10, '-': 10,
  '*': 11, '/': 11, '%': 11,
};

/** Binding power of prefix operators. */
export const UNARY_PRECEDENCE: Readonly<Record<UnaryOp, number>> = { '!': NOT_PRECEDENCE, '-': NEGATE_PRECEDENCE };

/** True when `text` is a binary operator of the language. */
export function isBinaryOp(text: string): text is BinaryOp {
  return Object.prototype.hasOwnProperty.call(BINARY_PRECEDENCE, text);
}

/** One operand of a flat sequence: prefix operators (outermost first) and the operand itself. */
export interface SeqOperand {
  readonly prefixes: readonly { readonly op: UnaryOp; readonly span: Span }[];
  readonly base: Expr;
  /** The source extent of `base`, parentheses included. */
  readonly baseExtent: Span;
}

/** A binary operator between two operands of a flat sequence. */
export interface SeqOperator {
  readonly op: BinaryOp;
  readonly span: Span;
}

interface Built {
  readonly expr: Expr;
  readonly extent: Span;
}

/**
 * Builds the tree of `operands[0] operators[0] operands[1] ...` (operands.length ===
 * operators.length + 1). Throws SyntaxProblem for chained comparisons and a misplaced `!`.
 */
export function climbPrecedence(operands: readonly SeqOperand[], operators: readonly SeqOperator[]): Expr {
  return new Climber(operands, operators).parse(TERNARY_PRECEDENCE + 1, 0).expr;
}

class Climber {
  /** Index of the next operator; the pending operand has the same index. */
  private next = 0;

  constructor(
    private readonly operands: readonly SeqOperand[],
    private readonly operators: readonly SeqOperator[],
  ) {}

  /** Parses operators binding at least `minPrec`, starting at prefix `prefixStart` of the pending operand. */
  parse(minPrec: number, prefixStart: number): Built {
    let left = this.prefixed(minPrec, prefixStart);
    while (this.next < this.operators.length) {
      const operator = this.operators[this.next]!;
      const prec = BINARY_PRECEDENCE[operator.op];
      if (prec < minPrec) break;
      this.next++;
      const right = this.parse(prec + 1, 0);
      const extent = joinSpans(left.extent, right.extent);
      left = { expr: { kind: 'binary', op: operator.op, left: left.expr, right: right.expr, span: extent }, extent };
      const following = this.operators[this.next];
      if (prec === COMPARE_PRECEDENCE && following && BINARY_PRECEDENCE[following.op] === COMPARE_PRECEDENCE) {
        throw new SyntaxProblem('SPC011', following.span, [
          `comparisons do not chain: write 'a < b && b < c' or add parentheses, found '${following.op}'`,
        ]);
      }
    }
    return left;
  }

  private prefixed(minPrec: number, k: number): Built {
    const operand = this.operands[this.next]!;
    if (k >= operand.prefixes.length) return { expr: operand.base, extent: operand.baseExtent };
    const prefix = operand.prefixes[k]!;
    if (minPrec > UNARY_PRECEDENCE[prefix.op]) {
      throw new SyntaxProblem('SPC011', prefix.span, [
        `'!' binds more loosely than comparisons and arithmetic, so write '(!x)' here`,
      ]);
    }
    const inner = prefix.op === '-' ? this.prefixed(NEGATE_PRECEDENCE, k + 1) : this.parse(COMPARE_PRECEDENCE, k + 1);
    const extent = joinSpans(prefix.span, inner.extent);
    return { expr: { kind: 'unary', op: prefix.op, operand: inner.expr, span: extent }, extent };
  }
}
