/**
 * @file The CST visitor that builds the AST of one declaration, with precise spans. Problems that
 * make a declaration meaningless throw SyntaxProblem; literal-range problems are only recorded.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Arg, Axis, Expr, ImportDecl, KernelDecl, KernelField, Param, PatternDecl, Span } from './ast.js';
import * as T from './lexer.js';
import { sparseParser } from './parser.js';
import { climbPrecedence, isBinaryOp, type SeqOperand, type SeqOperator } from './precedence.js';
import { spanOf, SyntaxProblem } from './span.js';
import { buildType } from './types.js';
import { InternalError } from '../diagnostics/diagnostic.js';

/** The largest integer literal (2^31 - 1). */
export const MAX_INT_LITERAL = 2 ** 31 - 1;

type Ctx = Record<string, CstElement[] | undefined>;
type ScheduleItem = Extract<KernelField, { kind: 'schedule' }>['items'][number];

const BaseVisitor = sparseParser.getBaseCstVisitorConstructor();

/** Builds AST nodes from the CST of one declaration; collects non-fatal problems in `problems`. */
export class AstBuilder extends BaseVisitor {
  /** Problems that do not abandon the declaration (integer too large, float overflow). */
  readonly problems: SyntaxProblem[] = [];

  constructor(private readonly file: string) {
    super();
    this.validateVisitor();
  }

  /** The AST of a `declaration` CST node. */
  build(node: CstNode): ImportDecl | PatternDecl | KernelDecl {
    return this.visit(node) as ImportDecl | PatternDecl | KernelDecl;
  }

  declaration(ctx: Ctx): ImportDecl | PatternDecl | KernelDecl {
    const child = firstNode(ctx);
    return this.visit(child) as ImportDecl | PatternDecl | KernelDecl;
  }

  importDecl(ctx: Ctx): ImportDecl {
    const path = token(ctx, 'path');
    const pathSpan = this.span(path);
    return { kind: 'import', path: path.image.slice(1, -1), pathSpan, span: this.span(token(ctx, 'Kw_import'), path) };
  }

  patternDecl(ctx: Ctx): PatternDecl {
    const name = token(ctx, 'name');
    const body = this.expr(node(ctx, 'body'));
    const params = ctx['params'] ? nodes(ctx, 'param').map((p) => this.visit(p) as Param) : null;
    const span = this.span(token(ctx, 'Kw_pattern'), node(ctx, 'body').location);
    return { kind: 'pattern', name: name.image, nameSpan: this.span(name), params, body, span };
  }

  param(ctx: Ctx): Param {
    const name = token(ctx, 'name');
    const typeNode = node(ctx, 'typeExpr');
    const defaultNode = ctx['default'] ? node(ctx, 'default') : null;
    const type = this.visit(typeNode) as Param['type'];
    const last = defaultNode ?? typeNode;
    return {
      name: name.image,
      nameSpan: this.span(name),
      type,
      default: defaultNode ? this.expr(defaultNode) : null,
      span: this.span(name, last.location),
    };
  }

  typeExpr(ctx: Ctx): Param['type'] {
    const name = token(ctx, 'name');
    const args = nodes(ctx, 'typeArg').map((n) => this.visit(n) as IToken);
    const hasAxes = ctx['axesOpen'] !== undefined;
    const axes = nodes(ctx, 'axis').map((n) => this.visit(n) as Axis);
    const endTok = hasAxes ? token(ctx, 'axesClose') : args.length ? token(ctx, 'closeArgs') : name;
    const span = this.span(name, endTok);
    const typeArgs = args.map((a) => ({ text: a.image, isInt: a.tokenType === T.IntLiteral, span: this.span(a) }));
    return buildType({ name: name.image, nameSpan: this.span(name), args: typeArgs, hasAxes, axes, span }, (text, span) => this.checkInt(text, span));
  }

  typeArg(ctx: Ctx): IToken {
    return anyToken(ctx);
  }

  axis(ctx: Ctx): Axis {
    const tok = anyToken(ctx);
    const span = this.span(tok);
    if (tok.tokenType === T.Star) return { kind: 'star', span };
    if (tok.tokenType === T.IntLiteral) return { kind: 'int', value: this.intValue(tok, span), span };
    return { kind: 'name', name: tok.image, span };
  }

  kernelDecl(ctx: Ctx): KernelDecl {
    const name = token(ctx, 'name');
    const opTok = token(ctx, 'op');
    const opSpan = this.span(opTok);
    const patternNode = ctx['pattern'] ? node(ctx, 'pattern') : null;
    if (opTok.image !== 'attention' && opTok.image !== 'gemm' && opTok.image !== 'select') {
      throw new SyntaxProblem('SPC011', opSpan, [`unknown kernel kind '${opTok.image}' (expected 'attention(PATTERN)', 'select(SOURCE)' or 'gemm')`]);
    }
    if (opTok.image === 'attention' && !patternNode) {
      throw new SyntaxProblem('SPC011', opSpan, [`an attention kernel needs a pattern: 'attention(PATTERN) { ... }'`]);
    }
    if (opTok.image === 'select' && !patternNode) {
      throw new SyntaxProblem('SPC011', opSpan, [`a selector needs a score source: 'select(pooled(mean)) { ... }'`]);
    }
    if (opTok.image === 'gemm' && patternNode) {
      throw new SyntaxProblem('SPC011', opSpan, [`a gemm kernel takes no pattern: write 'gemm { ... }'`]);
    }
    const fieldNodes = nodes(ctx, 'field');
    this.checkSeparated(fieldNodes, tokens(ctx, 'separator'), 'fields');
    return {
      kind: 'kernel',
      name: name.image,
      nameSpan: this.span(name),
      op: opTok.image === 'attention' ? 'attention' : opTok.image === 'select' ? 'select' : 'gemm',
      opSpan,
      pattern: patternNode ? this.expr(patternNode) : null,
      fields: fieldNodes.map((f) => this.visit(f) as KernelField),
      span: this.span(token(ctx, 'Kw_kernel'), token(ctx, 'RBrace')),
    };
  }

  field(ctx: Ctx): KernelField {
    const name = token(ctx, 'name');
    const nameSpan = this.span(name);
    if (ctx['value']) {
      const valueNodes = nodes(ctx, 'value');
      const values = valueNodes.map((v) => this.expr(v));
      return { kind: 'assign', name: name.image, nameSpan, values, span: this.span(name, valueNodes[valueNodes.length - 1]!.location) };
    }
    if (ctx['typeExpr']) {
      const typeNode = node(ctx, 'typeExpr');
      return { kind: 'input', name: name.image, nameSpan, type: this.visit(typeNode) as Param['type'], span: this.span(name, typeNode.location) };
    }
    if (name.image !== 'schedule') {
      throw new SyntaxProblem('SPC011', nameSpan, [`expected '=' or ':' after field name '${name.image}' (only 'schedule TARGET { ... }' opens a block)`]);
    }
    const target = token(ctx, 'target');
    const itemNodes = nodes(ctx, 'scheduleItem');
    this.checkSeparated(itemNodes, tokens(ctx, 'separator'), 'schedule settings');
    return {
      kind: 'schedule',
      target: target.image,
      targetSpan: this.span(target),
      items: itemNodes.map((n) => this.visit(n) as ScheduleItem),
      span: this.span(name, token(ctx, 'close')),
    };
  }

  scheduleItem(ctx: Ctx): ScheduleItem {
    const name = token(ctx, 'name');
    const valueNode = node(ctx, 'value');
    return { name: name.image, nameSpan: this.span(name), value: this.expr(valueNode), span: this.span(name, valueNode.location) };
  }

  expression(ctx: Ctx): Expr {
    const operands = nodes(ctx, 'operand').map((n) => this.visit(n) as SeqOperand);
    const operators: SeqOperator[] = tokens(ctx, 'operator').map((tok) => {
      if (!isBinaryOp(tok.image)) throw new SyntaxProblem('SPC011', this.span(tok), [`unknown operator '${tok.image}'`]);
      return { op: tok.image, span: this.span(tok) };
    });
    const cond = climbPrecedence(operands, operators);
    if (!ctx['then']) return cond;
    const thenExpr = this.expr(node(ctx, 'then'));
    const elseNode = node(ctx, 'else');
    const span = this.span(nodes(ctx, 'operand')[0]!.location, elseNode.location);
    return { kind: 'cond', cond, then: thenExpr, else: this.expr(elseNode), span };
  }

  operand(ctx: Ctx): SeqOperand {
    const prefixes = tokens(ctx, 'prefix').map((tok) => ({ op: tok.image === '!' ? ('!' as const) : ('-' as const), span: this.span(tok) }));
    const { base, baseExtent } = this.operandBase(ctx);
    return { prefixes, base, baseExtent };
  }

  /** The operand without its prefix operators. */
  private operandBase(ctx: Ctx): { base: Expr; baseExtent: Span } {
    if (ctx['literal']) {
      const tok = token(ctx, 'literal');
      const base = this.literal(tok);
      return { base, baseExtent: base.span };
    }
    if (ctx['parenOpen']) {
      return { base: this.expr(node(ctx, 'inner')), baseExtent: this.span(token(ctx, 'parenOpen'), token(ctx, 'close')) };
    }
    if (ctx['arrayOpen']) {
      const span = this.span(token(ctx, 'arrayOpen'), token(ctx, 'close'));
      return { base: { kind: 'array', items: nodes(ctx, 'item').map((n) => this.expr(n)), span }, baseExtent: span };
    }
    const name = token(ctx, 'name');
    const nameSpan = this.span(name);
    if (ctx['callOpen']) {
      const span = this.span(name, token(ctx, 'close'));
      return { base: { kind: 'call', callee: name.image, calleeSpan: nameSpan, args: this.args(ctx), span }, baseExtent: span };
    }
    if (ctx['indexOpen']) {
      const span = this.span(name, token(ctx, 'close'));
      const indices = nodes(ctx, 'index').map((n) => this.expr(n));
      return { base: { kind: 'index', target: name.image, targetSpan: nameSpan, indices, span }, baseExtent: span };
    }
    return { base: { kind: 'name', name: name.image, span: nameSpan }, baseExtent: nameSpan };
  }

  /** Pairs each `argName` token with the `argValue` that follows it. */
  private args(ctx: Ctx): Arg[] {
    const names = tokens(ctx, 'argName');
    let nameIndex = 0;
    return nodes(ctx, 'argValue').map((valueNode) => {
      const start = valueNode.location?.startOffset ?? 0;
      const candidate = names[nameIndex];
      const named = candidate !== undefined && candidate.startOffset < start;
      if (named) nameIndex++;
      return { name: named ? candidate.image : null, nameSpan: named ? this.span(candidate) : null, value: this.expr(valueNode) };
    });
  }

  private literal(tok: IToken): Expr {
    const span = this.span(tok);
    if (tok.tokenType === T.True || tok.tokenType === T.False) return { kind: 'bool', value: tok.tokenType === T.True, span };
    if (tok.tokenType === T.FloatLiteral) {
      const value = Number(tok.image);
      if (!Number.isFinite(value)) this.problems.push(new SyntaxProblem('SPC023', span, [tok.image]));
      return { kind: 'float', value, text: tok.image, span };
    }
    return { kind: 'int', value: this.intValue(tok, span), span };
  }

  private intValue(tok: IToken, span: Span): number {
    return this.checkInt(tok.image, span);
  }

  /** The value of integer literal `text`; records SPC022 when it exceeds 2^31 - 1. */
  private checkInt(text: string, span: Span): number {
    const value = Number(text);
    if (value > MAX_INT_LITERAL) this.problems.push(new SyntaxProblem('SPC022', span, [text]));
    return value;
  }

  /** Fields (or schedule settings) on one line must be separated by `;`. */
  private checkSeparated(items: readonly CstNode[], separators: readonly IToken[], what: string): void {
    for (let i = 1; i < items.length; i++) {
      const prev = items[i - 1]!.location;
      const cur = items[i]!.location;
      if (!prev || !cur || prev.endLine !== cur.startLine) continue;
      const prevEnd = prev.endOffset ?? prev.startOffset;
      const separated = separators.some((s) => s.startOffset > prevEnd && s.startOffset < cur.startOffset);
      if (!separated) {
        const firstTok = spanOf(this.file, cur);
        throw new SyntaxProblem('SPC011', { ...firstTok, endLine: firstTok.line, endCol: firstTok.col + 1, length: 1 }, [
          `expected ';' or a new line between ${what}`,
        ]);
      }
    }
  }

  private expr(n: CstNode): Expr {
    return this.visit(n) as Expr;
  }

  private span(start: IToken | CstNode['location'], end?: IToken | CstNode['location']): Span {
    if (!start) throw new SyntaxProblem('SPC011', spanOf(this.file, { startOffset: 0 }), ['missing source position']);
    return spanOf(this.file, start, end ?? start);
  }
}

// ---- CST access helpers ----
function isToken(e: CstElement): e is IToken {
  return (e as IToken).tokenType !== undefined;
}

function tokens(ctx: Ctx, label: string): IToken[] {
  return (ctx[label] ?? []).filter(isToken);
}

function token(ctx: Ctx, label: string): IToken {
  const tok = tokens(ctx, label)[0];
  if (!tok) throw new InternalError(`CST has no token '${label}'`);
  return tok;
}

function nodes(ctx: Ctx, label: string): CstNode[] {
  return (ctx[label] ?? []).filter((e): e is CstNode => !isToken(e));
}

function node(ctx: Ctx, label: string): CstNode {
  const n = nodes(ctx, label)[0];
  if (!n) throw new InternalError(`CST has no node '${label}'`);
  return n;
}

function firstNode(ctx: Ctx): CstNode {
  for (const list of Object.values(ctx)) for (const e of list ?? []) if (!isToken(e)) return e;
  throw new InternalError('CST node has no children');
}

function anyToken(ctx: Ctx): IToken {
  for (const list of Object.values(ctx)) for (const e of list ?? []) if (isToken(e)) return e;
  throw new InternalError('CST node has no tokens');
}
