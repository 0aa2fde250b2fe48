/**
 * @file Lowers a checked core expression (mask or score modifier) to IR tile arithmetic: variables
 * become index tiles, runtime tensors become gathers, list membership a MEMBER op, tables TABLE.
 */
import * as B from '../ir/build.js';
import { ptr, type Scalar } from '../ir/dtype.js';
import type { Node } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import type { CBinaryFn, CExpr, CType, CUnaryFn, CVarName, SizeName } from '../model/expr.js';
import type { InputAxis, RuntimeInput } from '../model/kernel.js';

/** What an expression reads: variables as tiles, sizes, and runtime-input buffers. */
export interface ExprEnv {
  readonly vars: Readonly<Partial<Record<CVarName, Node>>>;
  readonly size: (name: SizeName) => Node;
  readonly inputs: ReadonlyMap<string, RuntimeInput>;
}

const SCALAR_OF: Record<CType, Scalar> = { int: 'i32', float: 'f32', bool: 'bool' };

/** Element scalar of a runtime tensor / blocks buffer. */
export function inputElem(decl: RuntimeInput): Scalar {
  if (decl.kind === 'blocks') return 'bool';
  return decl.elem === 'f32' ? 'f32' : decl.elem === 'bool' ? 'bool' : 'i32';
}

/** The buffer param(s) of a runtime input: `name` for tensors and blocks, `name.offsets` / `name.values` for lists. */
export function inputBuffer(decl: RuntimeInput, part: '' | 'offsets' | 'values' = ''): Node {
  if (decl.kind === 'list') return B.param(`${decl.name}.${part || 'values'}`, ptr('i32'));
  return B.param(decl.name, ptr(inputElem(decl)));
}

/** Axis lengths of a runtime input as IR scalars, plus the total element (or list) count. */
function axisLengths(decl: RuntimeInput, env: ExprEnv): { lens: Node[]; total: Node } {
  if (decl.kind === 'blocks') {
    const kv = env.size('kv_len');
    const lens = [env.size('batch'), env.size('heads'), B.cdiv(kv, decl.bq), B.cdiv(kv, decl.bk)];
    return { lens, total: lens.reduce((a, b) => B.mul(a, b)) };
  }
  const fixed = (a: InputAxis): Node | null => (a.kind === 'size' ? env.size(a.name) : a.kind === 'const' ? B.constant(a.value) : null);
  const known = decl.axes.map(fixed);
  const hasFree = known.some((k) => k === null);
  const totalParam = B.param(`${decl.name}.len`, B.I32);
  const knownProduct = known.reduce<Node>((p, k) => (k ? B.mul(p, k) : p), B.constant(1));
  const lens = known.map((k) => k ?? B.idiv(totalParam, B.max(knownProduct, 1)));
  const total = hasFree || decl.kind === 'list' ? totalParam : lens.reduce<Node>((a, b) => B.mul(a, b), B.constant(1));
  return { lens, total };
}

/** Row-major flat index of `idx` over `lens`, -1 where any index is out of its axis. */
function flatIndex(idx: readonly Node[], lens: readonly Node[]): Node {
  let flat: Node = B.constant(0);
  let valid: Node | null = null;
  idx.forEach((i, d) => {
    flat = d === 0 ? i : B.add(B.mul(flat, lens[d]!), i);
    if (idx.length > 1) {
      const ok = B.and(B.binary(Op.GE, i, 0), B.lt(i, lens[d]!));
      valid = valid ? B.and(valid, ok) : ok;
    }
  });
  return valid ? B.where(valid, flat, -1) : flat;
}

const UNARY: Record<CUnaryFn, (a: Node) => Node> = {
  neg: (a) => B.unary(Op.NEG, a),
  not: (a) => B.unary(Op.NOT, a),
  abs: (a) => B.unary(Op.ABS, a),
  popcount: (a) => B.unary(Op.POPCOUNT, a),
  tanh: (a) => B.unary(Op.TANH, a),
  exp: (a) => B.unary(Op.EXP, a),
  log: (a) => B.unary(Op.LOG, a),
  sqrt: (a) => B.unary(Op.SQRT, a),
  sin: (a) => B.unary(Op.SIN, a),
  cos: (a) => B.unary(Op.COS, a),
  exp2: (a) => B.unary(Op.EXP2, a),
  log2: (a) => B.unary(Op.LOG2, a),
  tofloat: (a) => B.cast(a, 'f32'),
};

const BINARY_OP: Record<Exclude<CBinaryFn, 'div' | 'mod'>, Op> = {
  add: Op.ADD, sub: Op.SUB, mul: Op.MUL, min: Op.MIN, max: Op.MAX,
  band: Op.AND, bor: Op.OR, bxor: Op.XOR, shl: Op.SHL, shr: Op.SHR,
  eq: Op.EQ, ne: Op.NE, lt: Op.LT, le: Op.LE, gt: Op.GT, ge: Op.GE, and: Op.AND, or: Op.OR,
};

function lowerBinary(fn: CBinaryFn, isInt: boolean, a: Node, b: Node): Node {
  if (fn === 'div') return isInt ? B.idiv(a, b) : B.binary(Op.DIV, a, b);
  if (fn === 'mod') {
    if (isInt) return B.binary(Op.MOD, a, b);
    return B.sub(a, B.mul(b, B.unary(Op.FLOOR, B.binary(Op.DIV, a, b))));
  }
  if (fn === 'and' || fn === 'or') return B.binary(BINARY_OP[fn], B.cast(a, 'bool'), B.cast(b, 'bool'));
  return B.binary(BINARY_OP[fn], a, b);
}

/** Lowers `e` to an IR value (bool results are bool tiles). */
export function lowerExpr(e: CExpr, env: ExprEnv): Node {
  const go = (x: CExpr): Node => lowerExpr(x, env);
  switch (e.op) {
    case 'const':
      return B.constant(typeof e.value === 'boolean' ? (e.value ? 1 : 0) : e.value, SCALAR_OF[e.type]);
    case 'var': {
      const v = env.vars[e.name];
      if (!v) throw new Error(`lowerExpr: variable '${e.name}' is not available here`);
      return e.type === 'float' ? B.cast(v, 'f32') : v;
    }
    case 'size':
      return env.size(e.name);
    case 'unary':
      return UNARY[e.fn](go(e.arg));
    case 'binary':
      return lowerBinary(e.fn, e.a.type !== 'float' && e.b.type !== 'float', go(e.a), go(e.b));
    case 'select':
      return B.where(go(e.cond), go(e.then), go(e.else));
    case 'table':
      return B.table(e.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)), go(e.index), SCALAR_OF[e.type]);
    case 'load': {
      const decl = env.inputs.get(e.input);
      if (!decl || decl.kind === 'list') throw new Error(`lowerExpr: '${e.input}' is not a tensor input`);
      const { lens, total } = axisLengths(decl, env);
      const v = B.gather(inputBuffer(decl), flatIndex(e.indices.map(go), lens), total);
      return B.cast(v, SCALAR_OF[e.type]);
    }
    case 'member': {
      const decl = env.inputs.get(e.input);
      if (!decl || decl.kind !== 'list') throw new Error(`lowerExpr: '${e.input}' is not a list input`);
      const { lens } = axisLengths(decl, env);
      const lists = lens.reduce<Node>((a, b) => B.mul(a, b), B.constant(1));
      const list = flatIndex(e.indices.map(go), lens);
      return B.member(inputBuffer(decl, 'offsets'), inputBuffer(decl, 'values'), list, go(e.value), lists);
    }
  }
}
