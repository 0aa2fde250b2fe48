/** @file Test helpers for the builder: span stripping and a tiny hand-AST vocabulary. */
import type { Expr } from '../../src/frontend/ast.js';

/** Removes every span field (`span`, `nameSpan`, `calleeSpan`...) recursively. */
export function stripAllSpans<T>(x: T): unknown {
  if (Array.isArray(x)) return x.map(stripAllSpans);
  if (typeof x !== 'object' || x === null) return x;
  return Object.fromEntries(
    Object.entries(x)
      .filter(([key]) => key !== 'span' && !key.endsWith('Span'))
      .map(([key, v]) => [key, stripAllSpans(v)]),
  );
}

/** Span-free AST constructors for expected values. */
export const A = {
  int: (value: number) => ({ kind: 'int', value }),
  float: (value: number, text: string) => ({ kind: 'float', value, text }),
  bool: (value: boolean) => ({ kind: 'bool', value }),
  name: (name: string) => ({ kind: 'name', name }),
  bin: (op: string, left: unknown, right: unknown) => ({ kind: 'binary', op, left, right }),
  un: (op: string, operand: unknown) => ({ kind: 'unary', op, operand }),
  call: (callee: string, args: [string | null, unknown][]) => ({ kind: 'call', callee, args: args.map(([name, value]) => ({ name, value })) }),
  index: (target: string, indices: unknown[]) => ({ kind: 'index', target, indices }),
};

/** Strips spans off one expression. */
export const bare = (e: Expr): unknown => stripAllSpans(e);
