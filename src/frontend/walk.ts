/**
 * @file Generic walks over the AST: the direct sub-expressions of an expression, every root
 * expression of a declaration, and the height of an expression tree (computed without recursion).
 */
import type { Decl, Expr } from './ast.js';

/** The direct sub-expressions of `e`, left to right. */
export function exprChildren(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'int':
    case 'float':
    case 'bool':
    case 'name':
      return [];
    case 'array':
      return e.items;
    case 'unary':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'cond':
      return [e.cond, e.then, e.else];
    case 'call':
      return e.args.map((a) => a.value);
    case 'index':
      return e.indices;
  }
}

/** Every top-level expression of a declaration: defaults, body, pattern, field and schedule values. */
export function declExprs(d: Decl): Expr[] {
  if (d.kind === 'pattern') {
    const defaults = (d.params ?? []).flatMap((p) => (p.default ? [p.default] : []));
    return [...defaults, d.body];
  }
  const out: Expr[] = d.pattern ? [d.pattern] : [];
  for (const f of d.fields) {
    if (f.kind === 'assign') out.push(...f.values);
    else if (f.kind === 'schedule') out.push(...f.items.map((i) => i.value));
  }
  return out;
}

/** The number of nodes on the longest root-to-leaf path of `e` (a leaf has height 1). */
export function exprHeight(e: Expr): number {
  let max = 0;
  const stack: [Expr, number][] = [[e, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    for (const c of exprChildren(node)) stack.push([c, depth + 1]);
  }
  return max;
}
