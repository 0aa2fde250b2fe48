/**
 * @file The text form of the tile IR: SSA-like lines `%7 = add %3, %5 : i32[64,1]`, loops and
 * branches as indented regions. Stable (ids follow execution order) and read back by parse.ts.
 */
import { linearize, type Placed, type Region } from './linearize.js';
import { argText, loopParts, type Node } from './node.js';
import { Op } from './ops.js';

/** Prints a kernel (a KERNEL root) in the text form. */
export function printKernel(kernel: Node): string {
  const region = linearize(kernel);
  const names = new Map<Node, string>();
  const lines: string[] = [`kernel ${JSON.stringify(String(kernel.arg))} {`];
  let counter = 0;

  const ref = (n: Node): string => {
    const name = names.get(n);
    if (name === undefined) throw new Error(`print: ${n.op} used before it is defined (a sparsec bug)`);
    return name;
  };
  const define = (n: Node, scope: Node[]): string => {
    const name = `%${counter++}`;
    names.set(n, name);
    scope.push(n);
    return name;
  };
  const line = (depth: number, text: string): void => {
    lines.push(`${'  '.repeat(depth)}${text}`);
  };
  const operands = (ns: readonly Node[]): string => ns.map(ref).join(', ');
  const argSuffix = (n: Node): string => (n.arg === null ? '' : ` #${argText(n.arg)}`);
  const head = (name: string, op: string, ops: readonly Node[], n: Node): string =>
    `${name} = ${op}${ops.length > 0 ? ` ${operands(ops)}` : ''}${argSuffix(n)} : ${n.type.key}`;

  function closeScope(scope: readonly Node[]): void {
    for (const n of scope) names.delete(n);
  }

  function printRegion(r: Region, depth: number, scope: Node[]): void {
    for (const p of r) printPlaced(p, depth, scope);
  }

  function printPlaced(p: Placed, depth: number, scope: Node[]): void {
    const n = p.node;
    if (n.op === Op.LOOP) {
      const parts = loopParts(n);
      const ops = operands([parts.lo, parts.hi, ...parts.inits]);
      line(depth, `${define(n, scope)} = loop ${ops}${argSuffix(n)} : ${n.type.key} {`);
      const inner: Node[] = [];
      line(depth + 1, head(define(parts.range, inner), 'range', [], parts.range));
      for (const it of parts.iters) line(depth + 1, head(define(it, inner), 'iter', [], it));
      printRegion(p.body!, depth + 1, inner);
      if (parts.nexts.length > 0) line(depth + 1, `next ${operands(parts.nexts)}`);
      if (parts.effects.length > 0) line(depth + 1, `effects ${operands(parts.effects)}`);
      closeScope(inner);
      line(depth, '}');
      return;
    }
    if (n.op === Op.IF) {
      line(depth, `${head(define(n, scope), 'if', [n.src[0]!], n)} {`);
      p.branches!.forEach((side, i) => {
        if (i === 1) line(depth, '} else {');
        const inner: Node[] = [];
        printRegion(side, depth + 1, inner);
        line(depth + 1, `yield ${ref(n.src[i + 1]!)}`);
        closeScope(inner);
      });
      line(depth, '}');
      return;
    }
    line(depth, head(define(n, scope), n.op, n.src, n));
  }

  printRegion(region, 1, []);
  if (kernel.src.length > 0) line(1, `effects ${operands(kernel.src)}`);
  lines.push('}');
  return lines.join('\n') + '\n';
}
