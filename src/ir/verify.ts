/**
 * @file Validity rules of the tile IR, one rule per op kind in a table; `verifyKernel` runs
 * them over every node and checks scoping by linearizing. Run before and after every pass.
 */
import { broadcastShapes, isFloat, isHalfTile, type TileType } from './dtype.js';
import { linearize } from './linearize.js';
import { loopParts, toposort, type Node } from './node.js';
import { Op, OpGroup } from './ops.js';

type Rule = (n: Node) => string | null;

const tileType = (n: Node): TileType | null => (n.type.kind === 'tile' ? n.type : null);
const isScalarInt = (n: Node): boolean => {
  const t = tileType(n);
  return t !== null && t.shape.length === 0 && (t.scalar === 'i32' || t.scalar === 'bool');
};
const arity = (k: number): Rule => (n) => (n.src.length === k ? null : `expects ${k} sources, has ${n.src.length}`);
const allTiles: Rule = (n) => (n.src.every((s) => s.type.kind === 'tile') ? null : 'operands must be tiles');
const shapeIsBroadcast: Rule = (n) => {
  try {
    const want = broadcastShapes(n.src.map((s) => tileType(s)!.shape));
    return want.join() === tileType(n)?.shape.join() ? null : `result shape must be [${want.join(',')}]`;
  } catch (e) {
    return (e as Error).message;
  }
};
const all = (...rules: Rule[]): Rule => (n) => {
  for (const r of rules) {
    const m = r(n);
    if (m) return m;
  }
  return null;
};

function memoryRule(n: Node): string | null {
  const buf = n.src[0];
  if (!buf || buf.type.kind !== 'ptr') return 'first source must be a buffer';
  const rank = n.op === Op.STORE ? (n.src.length - 3) / 2 : (n.src.length - 2) / 2;
  if (!Number.isInteger(rank)) return 'needs base, one stride and one valid extent per dimension';
  const addr = n.src.slice(1, 2 + 2 * rank);
  if (!addr.every(isScalarInt)) return 'base, strides and extents must be i32 scalars';
  const shape = n.op === Op.STORE ? tileType(n.src[n.src.length - 1]!)?.shape : tileType(n)?.shape;
  return shape && shape.length === rank ? null : `tile rank must be ${rank}`;
}

const RULES: Partial<Record<Op, Rule>> = {
  [Op.KERNEL]: (n) => (typeof n.arg === 'string' ? null : 'kernel needs a name'),
  [Op.PARAM]: all(arity(0), (n) => (typeof n.arg === 'string' ? null : 'param needs a name')),
  [Op.RANGE]: all(arity(0), (n) => (isScalarInt(n) ? null : 'range must be i32')),
  [Op.ITER]: arity(0),
  [Op.CONST]: all(arity(0), (n) => (typeof n.arg === 'number' && tileType(n)?.shape.length === 0 ? null : 'const needs a number and scalar type')),
  [Op.IOTA]: all(arity(0), (n) => (typeof n.arg === 'number' && n.arg < (tileType(n)?.shape.length ?? 0) ? null : 'iota axis out of range')),
  [Op.LOOP]: (n) => {
    const p = loopParts(n);
    if (!isScalarInt(p.lo) || !isScalarInt(p.hi)) return 'loop bounds must be i32 scalars';
    if (p.range.op !== Op.RANGE || p.iters.some((i) => i.op !== Op.ITER)) return 'loop placeholders malformed';
    if (p.iters.some((it, j) => p.inits[j]?.type !== it.type || p.nexts[j]?.type !== it.type)) return 'carried types differ';
    return null;
  },
  [Op.RESULT]: all(arity(1), (n) => (n.src[0]!.op === Op.LOOP && typeof n.arg === 'number' ? null : 'result of a non-loop')),
  [Op.IF]: all(arity(3), (n) => (isScalarInt(n.src[0]!) && n.src[1]!.type === n.type && n.src[2]!.type === n.type ? null : 'if needs a scalar bool and equal branch types')),
  [Op.LOAD]: memoryRule,
  [Op.STORE]: memoryRule,
  [Op.GATHER]: all(arity(3), (n) => (n.src[0]!.type.kind === 'ptr' && isScalarInt(n.src[2]!) ? null : 'gather needs a buffer and a length')),
  [Op.MEMBER]: all(arity(5), (n) => (n.src[0]!.type.kind === 'ptr' && n.src[1]!.type.kind === 'ptr' ? null : 'member needs two buffers')),
  [Op.TABLE]: all(arity(1), (n) => (Array.isArray(n.arg) ? null : 'table needs values')),
  [Op.DOT]: all(arity(3), allTiles, (n) => {
    const [a, b, c] = n.src.map((s) => tileType(s)!.shape);
    return a!.length === 2 && b!.length === 2 && a![1] === b![0] && c!.join() === [a![0], b![1]].join() ? null : 'dot shapes do not match';
  }, (n) => {
    const [a, b, c] = n.src.map((s) => tileType(s)!.scalar);
    if (a !== b || !isFloat(a!)) return `dot operands must share one float type, got ${a} and ${b}`;
    return c === 'f32' && tileType(n)!.scalar === 'f32' ? null : 'dot accumulates in f32';
  }),
  [Op.TRANS]: all(arity(1), (n) => (tileType(n.src[0]!)?.shape.length === 2 ? null : 'trans needs a 2-d tile')),
  [Op.RESHAPE]: all(arity(1), (n) => {
    const a = tileType(n.src[0]!)!.shape.reduce((p, d) => p * d, 1);
    return a === tileType(n)!.shape.reduce((p, d) => p * d, 1) ? null : 'reshape changes the element count';
  }),
  [Op.BROADCAST]: all(arity(1), (n) => {
    try {
      broadcastShapes([tileType(n.src[0]!)!.shape, tileType(n)!.shape]);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }),
  [Op.NM_EXPAND]: arity(2),
  [Op.CONVERT_LAYOUT]: all(arity(1), allTiles, (n) => {
    const [a, r] = [tileType(n.src[0]!)!, tileType(n)!];
    return a.scalar === r.scalar && a.shape.join() === r.shape.join() ? null : 'convert_layout keeps the element type and shape';
  }),
  [Op.BARRIER]: (n) => (n.src.every((s) => s.type.kind === 'void') ? null : 'barrier orders effects only'),
  [Op.AFTER]: (n) => (n.src.length >= 1 && n.src[0]!.type.kind === 'ptr' ? null : 'after needs a buffer'),
  [Op.ALLOC]: arity(0),
};

function ruleFor(op: Op): Rule {
  const r = RULES[op];
  if (r) return r;
  if (OpGroup.Unary.has(op)) return all(arity(1), allTiles, shapeIsBroadcast);
  if (OpGroup.Binary.has(op)) return all(arity(2), allTiles, shapeIsBroadcast);
  if (OpGroup.Ternary.has(op)) return all(arity(3), allTiles, shapeIsBroadcast);
  if (OpGroup.Reduce.has(op)) return all(arity(1), allTiles);
  return () => `no validity rule for op ${op}`;
}

/** f16 / bf16 tiles come only from loads, conversions and view ops, and only those and DOT read them. */
function halfRule(n: Node): string | null {
  if (isHalfTile(n.type) && !OpGroup.Half.has(n.op)) return `yields an ${n.type.key} tile; math on f16 / bf16 runs in f32 (cast first)`;
  const reads = OpGroup.Half.has(n.op) || n.op === Op.DOT || n.op === Op.STORE || n.op === Op.LOOP || n.op === Op.KERNEL || n.op === Op.BARRIER;
  return reads || !n.src.some((s) => isHalfTile(s.type)) ? null : 'reads an f16 / bf16 tile; math on f16 / bf16 runs in f32 (cast first)';
}

/** A layout other than row_major belongs to a 2-d tile. */
function layoutRule(n: Node): string | null {
  return n.type.kind === 'tile' && n.type.layout !== 'row_major' && n.type.shape.length !== 2 ? `layout ${n.type.layout} needs a 2-d tile` : null;
}

/** Problems found in a kernel graph (empty when valid). */
export function verifyKernel(kernel: Node): string[] {
  const problems: string[] = [];
  for (const n of toposort([kernel])) {
    const m = ruleFor(n.op)(n) ?? halfRule(n) ?? layoutRule(n);
    if (m) problems.push(`${n.op}: ${m}`);
    if ((n.op === Op.DIV || n.op === Op.EXP || n.op === Op.SOFTMAX_EXP) && n.type.kind === 'tile' && !isFloat(n.type.scalar)) {
      problems.push(`${n.op}: must be float`);
    }
  }
  try {
    linearize(kernel);
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}

/** Throws when the kernel graph is invalid, naming the stage. */
export function assertValid(kernel: Node, stage: string): void {
  const problems = verifyKernel(kernel);
  if (problems.length > 0) throw new Error(`invalid IR after ${stage} (a sparsec bug):\n  ${problems.slice(0, 10).join('\n  ')}`);
}
