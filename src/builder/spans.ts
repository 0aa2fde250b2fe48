/**
 * @file Synthesised spans for builder declarations: finds each `pattern('name', ...)` /
 * `kernel.attention('name', ...)` call in the spec sources with ts-morph, and the spans of its parts.
 */
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { Span } from '../frontend/ast.js';
import type { DeclLocation, DeclLocator } from './module.js';

/** A parsed spec source and the file name its spans carry. */
export interface LocatedSource {
  readonly display: string;
  readonly sourceFile: SourceFile;
}

/** The span of a ts-morph node (trivia excluded), with `display` as file name. */
export function nodeSpan(node: Node, display: string): Span {
  const sf = node.getSourceFile();
  const offset = node.getStart();
  const end = node.getEnd();
  const start = sf.getLineAndColumnAtPos(offset);
  const stop = sf.getLineAndColumnAtPos(end);
  return { file: display, line: start.line, col: start.column, endLine: stop.line, endCol: stop.column, offset, length: end - offset };
}

/** The span at a position of a source file: the innermost token there, or one character. */
export function positionSpan(sourceFile: SourceFile, pos: number, display: string): Span {
  const node = sourceFile.getDescendantAtPos(pos);
  if (node && node !== sourceFile && node.getEnd() > pos) return nodeSpan(node, display);
  const { line, column } = sourceFile.getLineAndColumnAtPos(pos);
  return { file: display, line, col: column, endLine: line, endCol: column + 1, offset: pos, length: 1 };
}

/** Which callees declare what: `pattern(...)`, `kernel.attention(...)`, `kernel.gemm(...)` (also namespaced). */
function declKindOfCallee(callee: string): 'pattern' | 'kernel' | null {
  if (callee === 'pattern' || callee.endsWith('.pattern')) return 'pattern';
  if (/(^|\.)kernel\.(attention|gemm)$/.test(callee)) return 'kernel';
  return null;
}

/** The string value of a literal argument, or null. */
function literalText(node: Node | undefined): string | null {
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralText();
  return null;
}

interface FoundCall {
  readonly call: CallExpression;
  readonly source: LocatedSource;
}

/** Records `prefix + key` → span for each property of an object literal, `depth` nested levels deep. */
function collectProperties(node: Node | undefined, display: string, prefix: string, into: Map<string, Span>, depth: number): void {
  if (!Node.isObjectLiteralExpression(node)) return;
  for (const prop of node.getProperties()) {
    if (!Node.isPropertyAssignment(prop) && !Node.isShorthandPropertyAssignment(prop)) continue;
    const nameNode = prop.getNameNode();
    const key = literalText(nameNode) ?? nameNode.getText();
    into.set(prefix + key, nodeSpan(prop, display));
    if (depth > 0 && Node.isPropertyAssignment(prop)) collectProperties(prop.getInitializer(), display, `${prefix}${key}.`, into, depth - 1);
  }
}

/** Builds a locator over the given sources (the spec first, then files it imports). */
export function makeLocator(sources: readonly LocatedSource[]): DeclLocator {
  const calls = new Map<string, FoundCall[]>();
  for (const source of sources) {
    source.sourceFile.forEachDescendant((node) => {
      if (!Node.isCallExpression(node)) return;
      const call = node;
      const kind = declKindOfCallee(call.getExpression().getText().replace(/\s+/g, ''));
      const declName = literalText(call.getArguments()[0]);
      if (!kind || declName === null) return;
      const key = `${kind}:${declName}`;
      calls.set(key, [...(calls.get(key) ?? []), { call, source }]);
    });
  }
  const used = new Map<string, number>();
  return (decl, exportName) => {
    const key = `${decl.kind}:${decl.name}`;
    const found = calls.get(key) ?? [];
    const index = used.get(key) ?? 0;
    used.set(key, index + 1);
    const hit = found[Math.min(index, found.length - 1)];
    if (hit) return locationOfCall(hit);
    return exportName ? locationOfExport(sources[0], exportName) : null;
  };
}

function locationOfCall({ call, source }: FoundCall): DeclLocation {
  const { display } = source;
  const declNode = call.getFirstAncestorByKind(SyntaxKind.VariableStatement) ?? call.getFirstAncestorByKind(SyntaxKind.ExportAssignment) ?? call;
  const args = call.getArguments();
  const parts = new Map<string, Span>();
  const callee = call.getExpression().getText();
  if (callee.endsWith('pattern')) {
    if (args.length >= 3) collectProperties(args[1], display, '', parts, 1);
    const body = args.length >= 3 ? args[2] : args[1];
    if (body) parts.set('body', nodeSpan(body, display));
  } else if (callee.endsWith('gemm')) {
    collectProperties(args[1], display, '', parts, 1);
  } else {
    if (args[1]) parts.set('pattern', nodeSpan(args[1], display));
    collectProperties(args[2], display, '', parts, 1);
  }
  return { span: nodeSpan(declNode, display), nameSpan: nodeSpan(args[0]!, display), parts };
}

function locationOfExport(source: LocatedSource | undefined, exportName: string): DeclLocation | null {
  if (!source) return null;
  const decl = exportName === 'default' ? source.sourceFile.getExportAssignment(() => true) : source.sourceFile.getVariableDeclaration(exportName);
  if (!decl) return null;
  const statement = decl.getFirstAncestorByKind(SyntaxKind.VariableStatement) ?? decl;
  const nameNode = Node.isVariableDeclaration(decl) ? decl.getNameNode() : decl;
  return { span: nodeSpan(statement, source.display), nameSpan: nodeSpan(nameNode, source.display), parts: new Map() };
}
