/**
 * @file Graph rewriting helpers: substitute nodes and rebuild their users, and bottom-up rewriting
 * with a rule function. Interning makes unchanged subgraphs come back as the same objects.
 */
import { toposort, type Node } from './node.js';

/** Rebuilds `root` with every key of `map` replaced by its value (users rebuilt, sharing kept). */
export function substitute(root: Node, map: ReadonlyMap<Node, Node>): Node {
  const done = new Map<Node, Node>(map);
  for (const n of toposort([root])) {
    if (done.has(n)) continue;
    done.set(n, n.withSrc(n.src.map((s) => done.get(s) ?? s)));
  }
  return done.get(root)!;
}

/**
 * Bottom-up rewrite: every node is rebuilt from its rewritten sources, then offered to `rule`
 * until it returns undefined (a fixed point at that node). Rules build any new inner nodes
 * already simplified.
 */
export function rewriteBottomUp(root: Node, rule: (n: Node) => Node | undefined): Node {
  const done = new Map<Node, Node>();
  for (const n of toposort([root])) {
    let cur = n.withSrc(n.src.map((s) => done.get(s) ?? s));
    for (let i = 0; i < 64; i++) {
      const next = rule(cur);
      if (next === undefined || next === cur) break;
      cur = next;
    }
    done.set(n, cur);
  }
  return done.get(root)!;
}

/** `substitute` over several roots at once (shared subgraphs rebuilt once). */
export function substituteMany(roots: readonly Node[], map: ReadonlyMap<Node, Node>): Node[] {
  const done = new Map<Node, Node>(map);
  for (const n of toposort(roots)) {
    if (done.has(n)) continue;
    done.set(n, n.withSrc(n.src.map((s) => done.get(s) ?? s)));
  }
  return roots.map((r) => done.get(r)!);
}
