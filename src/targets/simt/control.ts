/**
 * @file Placed structural and effect nodes of a SIMT body: counted loops with carried values (a barrier at
 * the back-edge only when something is pending), workgroup / block-uniform branches, stores.
 */
import type { Placed, Region } from '../../ir/linearize.js';
import { Node, loopParts } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { kind, shape, type Touch } from './elements.js';
import { bufferRoot, scratchBase } from './layout.js';
import type { BodyPrinter } from './statements.js';

type PlacedHandler = (p: BodyPrinter, placed: Placed) => void;

const nothing: PlacedHandler = () => undefined;

function printLoop(p: BodyPrinter, placed: Placed): void {
  const n = placed.node;
  const parts = loopParts(n);
  const scalarVars = new Map<Node, string>();
  parts.iters.forEach((it, j) => {
    if (shape(it).length === 0) {
      const v = p.nameScalar(it, 'it');
      const init = p.collect(null, () => p.w.el(parts.inits[j]!, []));
      p.statement(p.sp.variable(v, kind(it), init.value), init.touches);
      scalarVars.set(it, v);
    } else {
      p.copyInto(it, parts.inits[j]!);
    }
  });
  const r = p.nameScalar(parts.range, 'i');
  const bounds = p.collect(null, () => [p.w.el(parts.lo, []), p.w.el(parts.hi, [])]);
  p.commit(bounds.touches);
  // NOTE: conservative at the back-edge: the body starts with nothing pending, and ends with a barrier when anything is.
  p.settle();
  p.line(p.sp.loop(r, bounds.value[0]!, bounds.value[1]!));
  p.nested(() => {
    p.region(placed.body!);
    const pending: [string, string][] = [];
    parts.iters.forEach((it, j) => {
      const next = parts.nexts[j]!;
      if (next === it) return;
      if (shape(it).length === 0) {
        const tmp = p.fresh('nx');
        const v = p.collect(null, () => p.w.el(next, []));
        p.statement(p.sp.bind(tmp, v.value, kind(next)), v.touches);
        pending.push([scalarVars.get(it)!, tmp]);
      } else {
        const layout = p.w.layout;
        const same = (a: Node, b: Node): boolean => (layout.slots.get(a) ?? layout.privates.get(a)) === (layout.slots.get(b) ?? layout.privates.get(b));
        if (parts.iters.some((other) => other !== it && same(other, next))) {
          throw new Error(`${p.sp.target}: a loop passes one carried tile into another (swap) — not supported`);
        }
        p.copyInto(it, next);
      }
    });
    for (const [v, tmp] of pending) p.line(`${v} = ${tmp};`);
    p.settle();
  });
  p.line('}');
  parts.iters.forEach((it, j) => {
    // NOTE: RESULT nodes are interned, so this is the node every consumer of the result holds.
    if (shape(it).length === 0) p.w.names.set(Node.make(Op.RESULT, it.type, [n], j), scalarVars.get(it)!);
  });
}

function printIf(p: BodyPrinter, placed: Placed): void {
  const n = placed.node;
  const [cond, a, b] = n.src as [Node, Node, Node];
  const [thenR, elseR] = placed.branches!;
  const isScalar = n.type.kind === 'tile' && n.type.shape.length === 0;
  const isTile = n.type.kind === 'tile' && !isScalar;
  let v = '';
  if (isScalar) {
    v = p.fresh('c');
    p.line(p.sp.variable(v, kind(n)));
  }
  const side = (region: Region, value: Node): void => {
    p.nested(() => {
      p.region(region);
      if (isScalar) {
        const got = p.collect(null, () => p.w.el(value, []));
        p.statement(`${v} = ${got.value};`, got.touches);
      }
      if (isTile) p.copyInto(n, value);
    });
  };
  const c = p.collect(null, () => p.w.el(cond, []));
  p.statement(`if (${c.value}) {`, c.touches);
  // NOTE: the condition is workgroup / block-uniform, so barriers inside either side are fine; the join keeps what both left pending.
  const before = p.hazards.snapshot();
  side(thenR, a);
  const afterThen = p.hazards.snapshot();
  p.hazards.restore(before);
  p.line('} else {');
  side(elseR, b);
  p.hazards.restore([...afterThen, ...p.hazards.snapshot()]);
  p.line('}');
  if (isScalar) p.w.names.set(n, v);
}

function printStore(p: BodyPrinter, placed: Placed): void {
  const n = placed.node;
  const rank = (n.src.length - 3) / 2;
  const value = n.src[n.src.length - 1]!;
  const info = p.w.layout.buffers.get(bufferRoot(n.src[0]!));
  if (!info || info.kind === 'in') throw new Error(`${p.sp.target}: store into an input buffer`);
  const base = p.w.el(n.src[1]!, []);
  const scratchWrite: Touch[] = info.kind === 'scratch'
    ? [{ access: { space: kind(value) === 'float' ? 'f' : 'i', lo: info.index, hi: info.index + info.size, mapping: null, write: true } }]
    : [];
  const write = (addr: string, v: string): string => {
    if (info.kind === 'scratch') {
      const [base, buf] = scratchBase(info, kind(value) === 'float');
      const arr = `${buf}[${base}`;
      const val = kind(value) === 'bool' ? p.sp.boolWord(v) : v;
      return `if (${addr} >= 0 && ${addr} < ${info.size}) { ${arr} + ${info.index} + ${addr}] = ${val}; }`;
    }
    return p.sp.writeOutput(info, addr, v);
  };
  const dims = shape(value);
  if (dims.length === 0) {
    const got = p.collect(null, () => write(`(${base})`, p.w.el(value, [])));
    p.statement(`if (lid == 0) { ${got.value} }`, [...got.touches, ...scratchWrite]);
    return;
  }
  if (dims.length !== rank) throw new Error(`${p.sp.target}: store rank differs from the value rank`);
  p.phase(dims, scratchWrite, (ctx) => {
    const idx = ctx.idx;
    const conds: string[] = [];
    const terms = [base];
    for (let d = 0; d < rank; d++) {
      const valid = n.src[2 + rank + d]!;
      const stride = n.src[2 + d]!;
      if (!(valid.op === Op.CONST && (valid.arg as number) >= dims[d]!)) conds.push(`${idx[d]} < ${p.w.el(valid, [])}`);
      if (!(stride.op === Op.CONST && stride.arg === 0)) terms.push(`${idx[d]} * ${p.w.el(stride, [])}`);
    }
    const addr = p.fresh('a');
    const stmt = write(addr, p.w.el(value, idx));
    return [p.sp.bind(addr, terms.join(' + '), 'int'), conds.length ? `if (${conds.join(' && ')}) { ${stmt} }` : stmt];
  });
}

/** Handlers of placed structural and effect nodes. */
export const PLACED: Partial<Record<Op, PlacedHandler>> = {
  [Op.CONST]: nothing,
  [Op.PARAM]: nothing,
  [Op.ALLOC]: nothing,
  [Op.AFTER]: nothing,
  [Op.RESULT]: nothing,
  [Op.LOOP]: printLoop,
  [Op.IF]: printIf,
  [Op.STORE]: printStore,
  [Op.BARRIER]: (p) => p.barrier(['f', 'wf', 'wh']),
};
