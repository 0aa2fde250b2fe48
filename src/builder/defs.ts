/**
 * @file The plain data behind builder values: what a `PatternRef`, a `KernelRef` and an `E` carry.
 * Values are recognised by `Symbol.for` brands, not `instanceof`, so a spec compiled against one copy
 * of the builder (dist/) can be collected by another (src/ under vitest).
 */
import type { Expr, KernelField, Param, Span } from '../frontend/ast.js';

/** Brand of declaration values (pattern refs and kernel refs); its value is the `Definition`. */
export const DECL_BRAND: unique symbol = Symbol.for('sparsec.builder.decl');
/** Brand of expression values (`E`); its value is the `ExprData`. */
export const EXPR_BRAND: unique symbol = Symbol.for('sparsec.builder.expr');

/** Placeholder span of every node the builder makes; `toModule` replaces it with real spans. */
export const PLACEHOLDER_SPAN: Span = Object.freeze({ file: '', line: 1, col: 1, endLine: 1, endCol: 1, offset: 0, length: 0 });

/** One pattern parameter, with the TypeScript key it came from (for span lookup). */
export interface ParamDefinition {
  readonly key: string;
  readonly param: Param;
}

/** A pattern built by `pattern(...)`. `params` is null when the pattern has none. */
export interface PatternDefinition {
  readonly kind: 'pattern';
  readonly name: string;
  readonly params: readonly ParamDefinition[] | null;
  readonly body: Expr;
  /** Patterns the body refers to (called or named). */
  readonly refs: readonly PatternDefinition[];
}

/** One kernel field with the TypeScript property path it came from (`kvHeads`, `inputs.slopes`). */
export interface FieldDefinition {
  readonly key: string;
  readonly field: KernelField;
}

/** A kernel built by `kernel.attention(...)` or `kernel.gemm(...)`. */
export interface KernelDefinition {
  readonly kind: 'kernel';
  readonly name: string;
  readonly op: 'attention' | 'gemm';
  readonly pattern: Expr | null;
  readonly fields: readonly FieldDefinition[];
  /** Patterns the pattern expression and the fields refer to. */
  readonly refs: readonly PatternDefinition[];
}

/** Any builder declaration. */
export type Definition = PatternDefinition | KernelDefinition;

/** What an `E` carries: the AST expression and the patterns it refers to. */
export interface ExprData {
  readonly expr: Expr;
  readonly refs: readonly PatternDefinition[];
}

/** The definition behind a builder declaration value, or null for anything else. */
export function definitionOf(value: unknown): Definition | null {
  if ((typeof value !== 'function' && typeof value !== 'object') || value === null) return null;
  const def = (value as { [DECL_BRAND]?: unknown })[DECL_BRAND];
  if (typeof def !== 'object' || def === null) return null;
  const kind = (def as { kind?: unknown }).kind;
  return kind === 'pattern' || kind === 'kernel' ? (def as Definition) : null;
}

/** The expression data behind a builder `E`, or null for anything else. */
export function exprDataOf(value: unknown): ExprData | null {
  if (typeof value !== 'object' || value === null) return null;
  const data = (value as { [EXPR_BRAND]?: unknown })[EXPR_BRAND];
  return typeof data === 'object' && data !== null ? (data as ExprData) : null;
}

/** Concatenates reference lists, keeping the first occurrence of each definition. */
export function mergeRefs(...lists: readonly (readonly PatternDefinition[])[]): readonly PatternDefinition[] {
  const out: PatternDefinition[] = [];
  for (const list of lists) for (const d of list) if (!out.includes(d)) out.push(d);
  return out;
}
