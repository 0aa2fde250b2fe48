/**
 * @file Register-blocked DOT: each lane accumulates its owned output elements in private variables with
 * the k-loop outermost, reading an operand element shared by several owned elements once per k. An N:M weight
 * operand is walked over its stored slots (keep of every group), never expanded.
 */
import { dotSkipsZero } from '../../ir/build.js';
import type { Node } from '../../ir/node.js';
import { kind, shape, type Index, type PhaseContext } from './elements.js';
import { nmWeight } from './layout.js';
import type { BodyPrinter } from './statements.js';
import { UNROLL_LIMIT } from './statements.js';

/**
 * Row and column expressions of owned element j (lane lid owns e = lid + j * W of an M x N tile). In the last,
 * partial round (`clamp`: lanes past the tile's `total` elements) the lane reads the tile's last element instead,
 * so its operand reads stay inside the tiles (its result is never stored).
 */
function ownedIndex(j: number, W: number, N: number, shared: { row: string; col: string }, clamp: ((e: string) => string) | null): Index {
  if (clamp) {
    const e = clamp(`lid + ${j * W}`);
    return [`((${e}) / ${N})`, `((${e}) % ${N})`];
  }
  if (W % N === 0) return [`(${shared.row} + ${(j * W) / N})`, shared.col];
  if (N % W === 0) {
    const per = N / W;
    return [`${Math.floor(j / per)}`, `(lid + ${(j % per) * W})`];
  }
  return [`((lid + ${j * W}) / ${N})`, `((lid + ${j * W}) % ${N})`];
}

/**
 * Prints DOT `n` register-blocked when every lane owns at most UNROLL_LIMIT elements; returns false
 * (nothing printed) otherwise, and the DOT is printed as a plain per-element phase.
 */
export function printBlockedDot(p: BodyPrinter, n: Node): boolean {
  const dims = shape(n);
  const W = p.workgroupSize;
  const total = dims.reduce((a, b) => a * b, 1);
  const J = Math.ceil(total / W);
  if (dims.length !== 2 || J > UNROLL_LIMIT) return false;
  const [a, b, acc] = n.src as [Node, Node, Node];
  const [, N] = dims as [number, number];
  const K = shape(a)[1]!;
  const t = kind(n);
  const sp = p.sp;
  const reg = p.w.layout.privates.get(n);
  const shared = { row: p.fresh('dr'), col: p.fresh('dc') };
  const clamp = (e: string): string => sp.select(`${e} < ${total}`, e, `${total - 1}`);
  const partial = (j: number): boolean => (j + 1) * W > total;
  const owned = Array.from({ length: J }, (_, j) => ownedIndex(j, W, N, shared, partial(j) ? clamp : null));
  // The shared row / column are read only by full rounds (a partial round indexes from its clamped lane).
  const sharedRead = W % N === 0 && owned.some((_, j) => !partial(j));
  const ctx = (j: number): PhaseContext => ({ dims, idx: owned[j]!, j: `${j}` });
  const accIdx = (idx: Index): Index => (shape(acc).length === 0 ? [] : idx.map((x, d) => (shape(acc)[d] === 1 ? '0' : x)));
  const sums = owned.map((_, j) => (reg ? `${reg.name}[${j}]` : p.fresh('d')));
  const k = p.fresh('k');
  const got = p.collect(null, () => {
    const lines: string[] = [];
    if (sharedRead) lines.push(sp.bind(shared.row, `lid / ${N}`, 'int'), sp.bind(shared.col, `lid % ${N}`, 'int'));
    owned.forEach((idx, j) => {
      const init = p.collect(ctx(j), () => p.w.el(acc, accIdx(idx)));
      p.w.touches.push(...init.touches);
      lines.push(reg ? `${sums[j]} = ${init.value};` : sp.variable(sums[j]!, t, init.value));
    });
    const nm = nmWeight(b);
    lines.push(sp.loop(k, '0', `${nm ? nm.stored : K}`));
    // NOTE: operand reads with the same text are one read per k (a row or column shared by owned elements).
    const reads = new Map<string, string>();
    const operand = (text: string): string => {
      let name = reads.get(text);
      if (!name) {
        name = p.fresh('o');
        reads.set(text, name);
        lines.push(`  ${sp.bind(name, text, 'auto')}`);
      }
      return name;
    };
    // An N:M weight (b = W^T, W expanded from its stored slots) is read slot by slot: k walks the stored slots of
    // the owned column, whose value multiplies the one A column its index names (keep of every group of k).
    const terms = nm
      ? owned.map((idx) => {
        const col = operand(`(${k} / ${nm.keep}) * ${nm.group} + ${p.w.el(nm.indices, [idx[1]!, k])}`);
        return [operand(p.w.el(a, [idx[0]!, col])), operand(p.w.el(nm.values, [idx[1]!, k]))] as const;
      })
      : owned.map((idx) => [operand(p.w.el(a, [idx[0]!, k])), operand(p.w.el(b, [k, idx[1]!]))] as const);
    // NOTE: skip_zero (Op.DOT): a zero weight contributes nothing, even against a NaN / inf operand (a select, not a product).
    const zero = sp.literal(0, 'float');
    const product = (x: string, y: string): string => (dotSkipsZero(n) ? sp.select(`${x} != ${zero}`, `${x} * ${y}`, zero) : `${x} * ${y}`);
    terms.forEach(([x, y], j) => lines.push(`  ${sums[j]} = ${sums[j]} + ${product(x, y)};`));
    lines.push('}');
    if (!reg) {
      owned.forEach((_, j) => {
        const store = p.collect(ctx(j), () => p.writeElement(n, ctx(j), sums[j]!));
        lines.push(partial(j) ? `if (lid + ${j * W} < ${total}) { ${store.value} }` : store.value);
      });
    }
    return lines;
  });
  p.flush();
  p.commit([...got.touches, p.writeTouch(n)]);
  p.line('{');
  p.nested(() => {
    for (const l of got.value) p.line(l);
  });
  p.line('}');
  return true;
}
