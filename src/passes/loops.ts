/**
 * @file Loop transformations shared by passes: fusing loops with the same range (carried values
 * concatenated, results remapped) and finding loops by role.
 */
import { Fresh, makeLoop } from '../ir/build.js';
import { Node, loopParts, toposort } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import { substituteMany } from '../ir/rewrite.js';

/** Loops of `role` reachable from `roots`, in dependency order. */
export function loopsWithRole(roots: readonly Node[], role: string): Node[] {
  return toposort(roots).filter((n) => n.op === Op.LOOP && loopParts(n).role === role);
}

/**
 * Fuses loops over the same [lo, hi) into one: the first loop's index serves all, the others'
 * carried placeholders are renamed, bodies and effects concatenated. Legal when no loop reads
 * another's results and their effects touch different memory (the caller's promise).
 * Returns the fused loop and a map from each old RESULT node to the fused one.
 */
export function fuseLoops(loops: readonly Node[], fresh: Fresh): { loop: Node; results: Map<Node, Node> } {
  const base = loopParts(loops[0]!);
  const iters: Node[] = [];
  const inits: Node[] = [];
  const nexts: Node[] = [];
  const effects: Node[] = [];
  const owners: [Node, number, number][] = [];
  loops.forEach((l, g) => {
    const p = loopParts(l);
    if (p.lo !== base.lo || p.hi !== base.hi) throw new Error('fuseLoops: loops have different ranges');
    const sub = new Map<Node, Node>([[p.range, base.range]]);
    const own = p.iters.map((it) => (g === 0 ? it : Node.make(Op.ITER, it.type, [], fresh.name(String(it.arg)))));
    p.iters.forEach((it, j) => sub.set(it, own[j]!));
    const rebuilt = substituteMany([...p.nexts, ...p.effects], sub);
    owners.push([l, iters.length, p.iters.length]);
    iters.push(...own);
    inits.push(...p.inits);
    nexts.push(...rebuilt.slice(0, p.nexts.length));
    effects.push(...rebuilt.slice(p.nexts.length));
  });
  const fused = makeLoop({ role: base.role, parallel: base.parallel, lo: base.lo, hi: base.hi, range: base.range, iters, inits, nexts, effects });
  const results = new Map<Node, Node>();
  for (const [l, offset, count] of owners) {
    for (let j = 0; j < count; j++) results.set(Node.make(Op.RESULT, iters[offset + j]!.type, [l], j), fused.results[offset + j]!);
  }
  return { loop: fused.loop, results };
}

/**
 * Repeatedly fuses groups of independent `role` loops with identical bounds found under `roots`;
 * returns the rebuilt roots.
 */
export function fuseSiblingLoops(roots: readonly Node[], role: string, fresh: Fresh): Node[] {
  let cur = [...roots];
  for (let guard = 0; guard < 1000; guard++) {
    const loops = loopsWithRole(cur, role);
    const group = findFusableGroup(loops);
    if (!group) return cur;
    const { results } = fuseLoops(group, fresh);
    cur = substituteMany(cur, results);
  }
  return cur;
}

function findFusableGroup(loops: readonly Node[]): Node[] | null {
  for (let i = 0; i < loops.length; i++) {
    const a = loopParts(loops[i]!);
    const group = [loops[i]!];
    for (let j = i + 1; j < loops.length; j++) {
      const b = loopParts(loops[j]!);
      if (b.lo !== a.lo || b.hi !== a.hi) continue;
      const deps = new Set(toposort([loops[j]!]));
      if (group.some((g) => deps.has(g))) continue;
      group.push(loops[j]!);
    }
    if (group.length > 1) return group;
  }
  return null;
}
