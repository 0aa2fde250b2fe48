/**
 * @file Values in the m16n8k16 accumulator layout: every tile a lane holds is a register array indexed by
 * fragment position. A lane (group g = lane / 4, thread-in-group t = lane % 4) of warp w holds rows
 * r(h) = 16 w + g + 8 h (h = 0, 1) and columns c(n, e) = 8 n + 2 t + e (e = 0, 1) of every n-block of 8 columns:
 * a fragment tile [tile_q, N] is `x[N / 8][4]` (element i: h = i / 2, e = i % 2, the C / D layout of mma.sync),
 * a row vector [tile_q, 1] `x[2]`, a column vector [1, N] `x[N / 8][2]`, a scalar or [1, 1] a plain variable.
 * Element-wise ops, loads, gathers and key-axis reductions (quad shuffles) are printed as unrolled loops over
 * those positions; the C spellings come from the cuda target's tables.
 */
import type { Scalar } from '../../../ir/dtype.js';
import type { Node } from '../../../ir/node.js';
import { Op, OpGroup } from '../../../ir/ops.js';
import { bufferRoot, type BufferInfo } from '../../simt/layout.js';
import { COMPARE, ELEMENTWISE, READ_INPUT, REDUCTION, VALUE_CTYPE, convert, literal, type CType } from '../cuda-table.js';
import { bufferArgs, cName } from '../cuda-spelling.js';
import { fragClass, type FragClass, type TensorCorePlan } from './plan.js';

/** The fragment position an element expression is printed at (C expressions of h, n, e; i = 2 h + e in a tile). */
interface Pos {
  readonly cls: FragClass;
  readonly h: string;
  readonly n: string;
  readonly e: string;
}

const LOOPS: Readonly<Record<FragClass, Pos>> = {
  scalar: { cls: 'scalar', h: '0', n: '0', e: '0' },
  unit: { cls: 'unit', h: '0', n: '0', e: '0' },
  rows: { cls: 'rows', h: 'tc_h', n: '0', e: '0' },
  cols: { cls: 'cols', h: '0', n: 'tc_n', e: 'tc_e' },
  tile: { cls: 'tile', h: '(tc_i >> 1)', n: 'tc_n', e: '(tc_i & 1)' },
};

const shapeOf = (n: Node): readonly number[] => (n.type.kind === 'tile' ? n.type.shape : []);

/** The C value type of a value node. */
export function ctypeOf(n: Node): CType {
  if (n.type.kind !== 'tile') throw new Error(`cuda tensor-core: ${n.op} has no value type`);
  return VALUE_CTYPE[n.type.scalar];
}

/** Names of placed values and the lines that compute them, in fragment layout. */
export class FragmentValues {
  /** Node -> C name (a variable or a register array). */
  readonly names = new Map<Node, string>();
  /** File-scope declarations (compile-time tables). */
  readonly helpers = new Map<string, string>();
  private counter = 0;

  constructor(readonly plan: TensorCorePlan, readonly buffers: ReadonlyMap<Node, BufferInfo>) {}

  /** A fresh C name with `prefix`. */
  fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  /** The fragment class of a value node. */
  cls(n: Node): FragClass {
    const c = fragClass(shapeOf(n), this.plan.tq, [this.plan.tk, this.plan.dv]);
    if (c === null) throw new Error(`cuda tensor-core: %${n.id} has no fragment layout`);
    return c;
  }

  /** Register-array dimensions of a class for a value of `shape`. */
  dims(cls: FragClass, shape: readonly number[]): string {
    const nb = (shape[1] ?? 8) / 8;
    return cls === 'tile' ? `[${nb}][4]` : cls === 'cols' ? `[${nb}][2]` : cls === 'rows' ? '[2]' : '';
  }

  /** `n`'s element at position `p` (numpy broadcasting: a row vector ignores n / e, a column vector h). */
  ref(n: Node, p: Pos): string {
    if (n.op === Op.CONST) return literal(n.arg as number, ctypeOf(n));
    const name = this.names.get(n);
    if (name === undefined) throw new Error(`cuda tensor-core: %${n.id} (${n.op}) used before it is defined`);
    switch (this.cls(n)) {
      case 'scalar':
      case 'unit':
        return name;
      case 'rows':
        return `${name}[${p.h}]`;
      case 'cols':
        return `${name}[${p.n}][${p.e}]`;
      case 'tile':
        return p.cls === 'tile' ? `${name}[tc_n][tc_i]` : `${name}[${p.n}][(${p.h}) * 2 + (${p.e})]`;
    }
  }

  /** Row and column index (in the tile) of position `p` for a value of class `cls`. */
  index(cls: FragClass, p: Pos): [string, string] {
    const row = cls === 'rows' || cls === 'tile' ? `(tc_r0 + 8 * ${p.h})` : '0';
    const col = cls === 'cols' || cls === 'tile' ? `(8 * ${p.n} + tc_c0 + ${p.e})` : '0';
    return [row, col];
  }

  /** Lines declaring and computing value `n` (element-wise, loads, gathers) at every position it has. */
  materialize(n: Node): string[] {
    const cls = this.cls(n);
    const name = this.fresh(cls === 'scalar' ? 's' : 'f');
    const t = ctypeOf(n);
    const p = LOOPS[cls];
    const value = this.element(n, p);
    this.names.set(n, name);
    if (cls === 'scalar' || cls === 'unit') return [`const ${t} ${name} = ${value};`];
    return [`${t} ${name}${this.dims(cls, shapeOf(n))};`, ...this.loop(cls, shapeOf(n), `${this.refAt(name, cls)} = ${value};`)];
  }

  /** Lines declaring a (mutable) register array / variable `name` for class `cls` and shape `shape`. */
  declare(name: string, t: CType, cls: FragClass, shape: readonly number[]): string {
    return `${t} ${name}${this.dims(cls, shape)};`;
  }

  /** `name`'s own element inside the loop of `cls`. */
  refAt(name: string, cls: FragClass): string {
    return cls === 'tile' ? `${name}[tc_n][tc_i]` : cls === 'cols' ? `${name}[tc_n][tc_e]` : cls === 'rows' ? `${name}[tc_h]` : name;
  }

  /** Unrolled loops over the positions of `cls` around `body`. */
  loop(cls: FragClass, shape: readonly number[], body: string): string[] {
    const nb = (shape[1] ?? 8) / 8;
    const u = '#pragma unroll';
    if (cls === 'tile') return [u, `for (int tc_n = 0; tc_n < ${nb}; tc_n++) {`, `  ${u}`, '  for (int tc_i = 0; tc_i < 4; tc_i++) {', `    ${body}`, '  }', '}'];
    if (cls === 'cols') return [u, `for (int tc_n = 0; tc_n < ${nb}; tc_n++) {`, `  ${u}`, '  for (int tc_e = 0; tc_e < 2; tc_e++) {', `    ${body}`, '  }', '}'];
    if (cls === 'rows') return [u, 'for (int tc_h = 0; tc_h < 2; tc_h++) {', `  ${body}`, '}'];
    return [body];
  }

  /** Copies value `from` into the variable / array `into` of the same class. */
  copy(into: string, from: Node, cls: FragClass): string[] {
    return this.loop(cls, shapeOf(from), `${this.refAt(into, cls)} = ${this.ref(from, LOOPS[cls])};`);
  }

  /** Lines reducing fragment tile `src` along its keys into the row vector of `n` (lane partials, then quad shuffles). */
  reduce(n: Node): string[] {
    const src = n.src[0]!;
    const r = REDUCTION[n.op]!;
    const name = this.fresh('f');
    this.names.set(n, name);
    const nb = shapeOf(src)[1]! / 8;
    const s = this.names.get(src)!;
    return [
      `float ${name}[2];`,
      '#pragma unroll',
      'for (int tc_h = 0; tc_h < 2; tc_h++) {',
      `  float tc_r = ${r.init.float};`,
      '  #pragma unroll',
      `  for (int tc_n = 0; tc_n < ${nb}; tc_n++) {`,
      `    tc_r = ${r.step('tc_r', `${s}[tc_n][2 * tc_h]`)};`,
      `    tc_r = ${r.step('tc_r', `${s}[tc_n][2 * tc_h + 1]`)};`,
      '  }',
      '  // NOTE: the four lanes of a quad hold the same rows; xor 1 and 2 combine them.',
      `  tc_r = ${r.step('tc_r', '__shfl_xor_sync(0xffffffffu, tc_r, 1)')};`,
      `  tc_r = ${r.step('tc_r', '__shfl_xor_sync(0xffffffffu, tc_r, 2)')};`,
      `  ${name}[tc_h] = tc_r;`,
      '}',
    ];
  }

  /** The element expression of `n` at `p`, from its sources. */
  element(n: Node, p: Pos): string {
    const t = ctypeOf(n);
    const src = (i: number, to?: CType): string => {
      const s = n.src[i]!;
      const e = this.ref(s, p);
      return to ? convert(e, ctypeOf(s), to) : e;
    };
    switch (n.op) {
      case Op.CONST:
        return literal(n.arg as number, t);
      case Op.IOTA:
        return this.index(p.cls, p)[n.arg as number]!;
      case Op.BROADCAST:
      case Op.CAST:
        return src(0, t);
      case Op.WHERE:
        return `(${src(0, 'bool')} ? ${src(1, t)} : ${src(2, t)})`;
      case Op.LOAD:
        return this.load(n, p);
      case Op.GATHER: {
        const i = src(1, 'int');
        const info = this.buffer(n.src[0]!);
        const { ptr, len } = bufferArgs(info);
        const v = convert(READ_INPUT[info.scalar](ptr, len, i), VALUE_CTYPE[info.scalar], t);
        return `((${i}) >= 0 && (${i}) < ${this.ref(n.src[2]!, p)} ? ${v} : ${literal(0, t)})`;
      }
      case Op.MEMBER: {
        const o = bufferArgs(this.buffer(n.src[0]!));
        const v = bufferArgs(this.buffer(n.src[1]!));
        return `sp_member(${[o.ptr, o.len, v.ptr, v.len, src(2, 'int'), src(3, 'int'), this.ref(n.src[4]!, p)].join(', ')})`;
      }
      case Op.TABLE: {
        const values = n.arg as readonly number[];
        const name = `sp_table${this.helpers.size}_${values.length}`;
        const key = `${t}:${values.join(',')}`;
        let found = [...this.helpers.entries()].find(([, v]) => v.endsWith(`/* ${key} */`))?.[0];
        if (!found) {
          found = name;
          this.helpers.set(name, `__device__ const ${t} ${name}[${Math.max(1, values.length)}] = {${values.map((v) => literal(v, t)).join(', ') || literal(0, t)}}; /* ${key} */`);
        }
        const i = src(0, 'int');
        return `((${i}) >= 0 && (${i}) < ${values.length} ? ${found}[${i}] : ${literal(0, t)})`;
      }
      default:
        break;
    }
    if (OpGroup.Compare.has(n.op)) {
      const types = n.src.map(ctypeOf);
      const tt: CType = types.includes('float') ? 'float' : types.includes('int') ? 'int' : 'bool';
      return `(${src(0, tt)} ${COMPARE[n.op]} ${src(1, tt)})`;
    }
    const kind = t === 'bool' ? 'bool' : 'int';
    const key = ELEMENTWISE[`${n.op}:${kind}`] ? `${n.op}:${kind}` : n.op;
    const tpl = ELEMENTWISE[key];
    if (!tpl) throw new Error(`cuda tensor-core: no C for op ${n.op}`);
    const operand = tpl.operand === 'same' ? t : tpl.operand;
    const args = n.src.map((_, i) => src(i, operand));
    return convert(tpl.text.replace(/\b([abc])\b/g, (_m, v: string) => args['abc'.indexOf(v)]!), operand, t);
  }

  /** The input buffer a LOAD / GATHER reads. */
  buffer(buf: Node): BufferInfo {
    const info = this.buffers.get(bufferRoot(buf));
    if (!info || info.kind !== 'in') throw new Error('cuda tensor-core: a read of a buffer that is not an input');
    return info;
  }

  /** Element of a (small) LOAD at `p`: base + row * stride0 + col * stride1 inside the valid extents, else 0. */
  private load(n: Node, p: Pos): string {
    const dims = shapeOf(n);
    const idx = dims.length === 0 ? [] : this.index(p.cls, p);
    const rank = dims.length;
    const terms = [this.ref(n.src[1]!, p)];
    const conds: string[] = [];
    for (let d = 0; d < rank; d++) {
      terms.push(`${idx[d]} * ${this.ref(n.src[2 + d]!, p)}`);
      conds.push(`${idx[d]} < ${this.ref(n.src[2 + rank + d]!, p)}`);
    }
    const info = this.buffer(n.src[0]!);
    const { ptr, len } = bufferArgs(info);
    const v = convert(READ_INPUT[info.scalar](ptr, len, `(${terms.join(' + ')})`), VALUE_CTYPE[info.scalar], ctypeOf(n));
    return conds.length === 0 ? v : `((${conds.join(' && ')}) ? ${v} : ${literal(0, ctypeOf(n))})`;
  }
}

/** C name of a scalar kernel parameter (as the SIMT printer and the launchers spell it). */
export const scalarParam = (n: Node): string => `s_${cName(String(n.arg))}`;

/** Storage element type name of a 16-bit staged buffer. */
export const STAGED_CTYPE: Readonly<Partial<Record<Scalar, string>>> = { f16: 'unsigned short', bf16: 'unsigned short' };
