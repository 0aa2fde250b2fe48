/**
 * @file Places the nodes of a kernel graph into nested regions (kernel body, loop bodies, branch
 * sides) in execution order. Pure nodes are hoisted to the outermost region whose loop indices
 * they use, but never out of a branch (so masks stay on the branch that needs them); effects stay
 * where they are listed. The printer and the interpreter both walk this structure.
 */
import { Node, loopParts, toposort } from './node.js';
import { Op, OpGroup } from './ops.js';

/** One placed node; loops carry their body, branches their two sides. */
export interface Placed {
  readonly node: Node;
  readonly body?: Region;
  readonly branches?: readonly [Region, Region];
}

/** An ordered list of placed nodes. */
export type Region = Placed[];

interface Frame {
  readonly region: Region;
  readonly binders: ReadonlySet<Node>;
  readonly placed: Set<Node>;
  readonly isBranch: boolean;
}

/** Computes, per node, the loop placeholders it depends on that are not bound inside it. */
class Deps {
  private readonly memo = new Map<Node, ReadonlySet<Node>>();
  private readonly effectMemo = new Map<Node, boolean>();

  of(n: Node): ReadonlySet<Node> {
    const hit = this.memo.get(n);
    if (hit) return hit;
    let out: Set<Node>;
    if (OpGroup.Placeholder.has(n.op)) out = new Set([n]);
    else {
      out = new Set();
      for (const s of n.src) for (const d of this.of(s)) out.add(d);
      if (n.op === Op.LOOP) {
        const p = loopParts(n);
        out.delete(p.range);
        for (const it of p.iters) out.delete(it);
      }
    }
    this.memo.set(n, out);
    return out;
  }

  /** True when placing `n` has side effects (stores, barriers, allocs, loops containing them). */
  effectful(n: Node): boolean {
    const hit = this.effectMemo.get(n);
    if (hit !== undefined) return hit;
    let e = OpGroup.Effect.has(n.op);
    if (n.op === Op.LOOP) e = loopParts(n).effects.length > 0;
    this.effectMemo.set(n, e);
    return e;
  }
}

/** Places every node reachable from the kernel root; throws on placeholders used outside their loop. */
export function linearize(kernel: Node): Region {
  if (kernel.op !== Op.KERNEL) throw new Error(`linearize: expected a kernel root, got ${kernel.op}`);
  const deps = new Deps();
  const root: Frame = { region: [], binders: new Set(), placed: new Set(), isBranch: false };
  const stack: Frame[] = [root];

  const isPlaced = (n: Node): boolean => stack.some((f) => f.placed.has(n));

  const frameIndexOf = (n: Node): number => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.placed.has(n)) return i;
    return 0;
  };

  const target = (n: Node): Frame => {
    const top = stack.length - 1;
    if (deps.effectful(n) || n.op === Op.AFTER) return stack[top]!;
    const d = deps.of(n);
    const floor = Math.max(0, ...n.src.map(frameIndexOf));
    let t = top;
    while (t > floor) {
      const f = stack[t]!;
      if ([...f.binders].some((b) => d.has(b))) break;
      t--;
    }
    // NOTE: leaving a branch pays only when it also leaves a loop; otherwise stay lazy in the branch.
    const crossesLoop = stack.slice(t + 1).some((f) => !f.isBranch);
    return stack[crossesLoop ? t : top]!;
  };

  const withFrame = (binders: readonly Node[], isBranch: boolean, roots: readonly Node[]): Region => {
    const f: Frame = { region: [], binders: new Set(binders), placed: new Set(binders), isBranch };
    stack.push(f);
    for (const r of roots) visit(r);
    stack.pop();
    return f.region;
  };

  const place = (p: Placed): void => {
    const f = target(p.node);
    f.region.push(p);
    f.placed.add(p.node);
  };

  function visit(n: Node): void {
    if (isPlaced(n)) return;
    if (OpGroup.Placeholder.has(n.op)) throw new Error(`linearize: ${n.op} "${String(n.arg)}" used outside its loop`);
    if (n.op === Op.LOOP) {
      const p = loopParts(n);
      for (const s of [p.lo, p.hi, ...p.inits]) visit(s);
      const body = withFrame([p.range, ...p.iters], false, [...p.nexts, ...p.effects]);
      place({ node: n, body });
      return;
    }
    if (n.op === Op.IF) {
      visit(n.src[0]!);
      // NOTE: what both sides need is computed once, before the branch.
      const inThen = new Set(toposort([n.src[1]!]));
      for (const x of toposort([n.src[2]!])) {
        if (inThen.has(x) && !isPlaced(x) && !OpGroup.Placeholder.has(x.op) && [...deps.of(x)].every(isPlaced)) visit(x);
      }
      const then = withFrame([], true, [n.src[1]!]);
      const otherwise = withFrame([], true, [n.src[2]!]);
      place({ node: n, branches: [then, otherwise] });
      return;
    }
    for (const s of n.src) visit(s);
    place({ node: n });
  }

  for (const e of kernel.src) visit(e);
  return root.region;
}
