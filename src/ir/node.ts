/**
 * @file The single IR node type. Nodes are immutable and interned: `Node.make` returns the
 * existing node when one with the same op, type, sources and argument exists, so structural
 * equality is identity and rewrites can memoise on nodes.
 */
import type { IRType } from './dtype.js';
import { Op } from './ops.js';

/** A node argument: plain data (numbers may be ±Infinity). */
export type Arg =
  | null
  | number
  | string
  | boolean
  | readonly number[]
  | { readonly [key: string]: number | string | boolean };

/** Canonical text of an argument, used for interning and printing (keys sorted, inf spelled out). */
export function argText(arg: Arg): string {
  if (arg === null) return 'null';
  if (typeof arg === 'number') return numberText(arg);
  if (typeof arg === 'string') return JSON.stringify(arg);
  if (typeof arg === 'boolean') return String(arg);
  if (Array.isArray(arg)) return `[${(arg as readonly number[]).map(numberText).join(',')}]`;
  const rec = arg as { readonly [key: string]: number | string | boolean };
  const keys = Object.keys(rec).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${argText(rec[k]!)}`).join(',')}}`;
}

/** Number text that survives a round trip, including inf, -inf and nan. */
export function numberText(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  return Object.is(n, -0) ? '0' : String(n);
}

let nextId = 0;
const cache = new Map<string, Node>();

/** One IR node: an op applied to source nodes, with a type and an argument. */
export class Node {
  /** Creation order; stable within a process, used only for deterministic tie-breaking. */
  readonly id: number;

  private constructor(
    readonly op: Op,
    readonly type: IRType,
    readonly src: readonly Node[],
    readonly arg: Arg,
  ) {
    this.id = nextId++;
  }

  /** The interned node with these fields. */
  static make(op: Op, type: IRType, src: readonly Node[], arg: Arg = null): Node {
    const key = `${op}|${type.key}|${src.map((s) => s.id).join(',')}|${argText(arg)}`;
    let n = cache.get(key);
    if (!n) {
      n = new Node(op, type, Object.freeze([...src]), freezeArg(arg));
      cache.set(key, n);
    }
    return n;
  }

  /** This node with other sources (same op, type, arg). */
  withSrc(src: readonly Node[]): Node {
    return src.length === this.src.length && src.every((s, i) => s === this.src[i]) ? this : Node.make(this.op, this.type, src, this.arg);
  }

  /** The argument as a record (loops, allocs); throws when it is not one. */
  get attrs(): { readonly [key: string]: number | string | boolean } {
    if (this.arg === null || typeof this.arg !== 'object' || Array.isArray(this.arg)) throw new Error(`${this.op} has no attribute record`);
    return this.arg as { readonly [key: string]: number | string | boolean };
  }
}

function freezeArg(arg: Arg): Arg {
  return arg !== null && typeof arg === 'object' ? Object.freeze(Array.isArray(arg) ? [...arg] : { ...arg }) : arg;
}

/** The parts of a LOOP node's sources, by role. */
export interface LoopParts {
  readonly lo: Node;
  readonly hi: Node;
  readonly range: Node;
  readonly iters: readonly Node[];
  readonly inits: readonly Node[];
  readonly nexts: readonly Node[];
  readonly effects: readonly Node[];
  readonly role: string;
  readonly parallel: boolean;
  /** Where iterations run, set by the `bind` pass: 'grid.x' | 'grid.y' | 'grid.z' | 'grid.w' | 'block' | 'serial' (before it: 'serial'). */
  readonly bind: string;
}

/** Splits a LOOP's sources into their roles. */
export function loopParts(loop: Node): LoopParts {
  if (loop.op !== Op.LOOP) throw new Error(`loopParts: not a loop (${loop.op})`);
  const n = Number(loop.attrs['carried']);
  const s = loop.src;
  return {
    lo: s[0]!,
    hi: s[1]!,
    range: s[2]!,
    iters: s.slice(3, 3 + n),
    inits: s.slice(3 + n, 3 + 2 * n),
    nexts: s.slice(3 + 2 * n, 3 + 3 * n),
    effects: s.slice(3 + 3 * n),
    role: String(loop.attrs['role'] ?? ''),
    parallel: loop.attrs['parallel'] === true,
    bind: String(loop.attrs['bind'] ?? 'serial'),
  };
}

/** Every node reachable from `roots` (sources before users, each once). */
export function toposort(roots: readonly Node[]): Node[] {
  const seen = new Set<Node>();
  const out: Node[] = [];
  const stack: [Node, number][] = roots.map((r) => [r, 0] as [Node, number]).reverse();
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [n, i] = top;
    if (i === 0 && seen.has(n)) {
      stack.pop();
      continue;
    }
    if (i === 0) seen.add(n);
    if (i < n.src.length) {
      top[1] = i + 1;
      const s = n.src[i]!;
      if (!seen.has(s)) stack.push([s, 0]);
    } else {
      stack.pop();
      out.push(n);
    }
  }
  return out;
}
